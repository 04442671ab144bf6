/**
 * Objections written into free text ("bitte keine Werbung", "do not contact me"). Sales staff
 * often note an objection in the reason field instead of ticking a box; missing it would
 * mean contacting someone who said no, so these phrases block every channel.
 *
 * The patterns run on normalised text (lower case, umlauts folded, punctuation as spaces)
 * and are compiled once at module load. They are phrased to avoid departure reasons that
 * merely mention contact ("kein Kontakt zum Vertrieb", "no contact from support").
 */
import { foldText } from './reasons/normalize.js';

const PATTERNS: readonly RegExp[] = [
  // German
  /\bkeine (weitere |weiteren )?(werbung|werbepost|werbeanrufe|werbemails?|newsletter|angebote mehr)\b/,
  /\bkeine (anrufe|post|briefe|e ?mails?|mails) mehr\b/,
  /\bkein(en)? (weiteren? )?kontakt (mehr )?(erwuenscht|gewuenscht|gewollt|bitte)\b/,
  /\bkein(en)? (weiteren? )?kontakt mehr\s*$/,
  /\b(moechte|will|wuensche|wuenscht|moechten|wollen) (kein|keine|keinen|nicht) (mehr )?(kontakt|kontaktiert|angerufen|angeschrieben|werbung|beworben)\b/,
  /\bnicht (mehr )?(kontaktieren|anrufen|anschreiben|bewerben)\b/,
  /\bnie (mehr|wieder) (kontaktieren|anrufen|anschreiben|melden)\b/,
  /\b(werbung|kontakt|anrufe|besuche?) (ist |sind )?(nicht (mehr )?(erwuenscht|gewuenscht)|unerwuenscht|untersagt|verboten)\b/,
  /\b(werbewiderspruch|werbesperre|robinsonliste)\b/,
  /\bwiderspr\w* (der |gegen (die )?)?(werbung|nutzung|verarbeitung|datennutzung|datenverarbeitung)\b/,
  /\b(daten|adresse) (bitte )?(loeschen|sperren)\b/,
  /\bin ruhe lassen\b/,
  // English
  /\b(do not|dont|never) (contact|call|phone|email|e mail|mail|write to|visit) (me|us|again|anymore|any more)\b/,
  /\bno (more|further) (marketing|advertising|ads|contact|calls|emails|mail|mailings|offers|solicitation)\b/,
  /\bno (marketing|advertising|solicitation)( please)?\b/,
  /\bno contact (please|wanted|desired)\b/,
  /\bunsubscribe[ds]?\b/,
  /\bstop (calling|contacting|emailing|mailing|sending|writing)\b/,
  /\bremove (me |us )?from (your |the )?(mailing |marketing |contact )?(list|database)\b/,
  /\bopt(ed)? out\b/,
  /\bleave (me|us) alone\b/,
  /\bobject(s|ed|ion)? to (marketing|advertising|processing|direct marketing)\b/,
];

/** The objection phrase found in a free-text reason, or undefined when there is none. */
export function findObjectionPhrase(text: string | undefined, extraPhrases: readonly string[] = []): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const normalised = normaliseText(text);
  for (const pattern of PATTERNS) {
    const match = pattern.exec(normalised);
    if (match) return match[0].trim();
  }
  if (extraPhrases.length === 0) return undefined;
  const padded = ` ${normalised} `;
  return normalisedPhrases(extraPhrases).find((needle) => padded.includes(` ${needle} `));
}

// A config's phrase list is normalised once, not once per row.
const phraseCache = new WeakMap<readonly string[], string[]>();

function normalisedPhrases(phrases: readonly string[]): string[] {
  let cached = phraseCache.get(phrases);
  if (cached === undefined) {
    cached = phrases.map(normaliseText).filter((p) => p !== '');
    phraseCache.set(phrases, cached);
  }
  return cached;
}

/** Lower case, umlauts and ß folded, apostrophes dropped, other punctuation turned into single spaces. */
export function normaliseText(text: string): string {
  return foldText(text)
    .replace(/['’`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
