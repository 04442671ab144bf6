/**
 * A move the company cannot follow: the customer emigrated, moved abroad, or to a place the
 * company does not serve. DOMAIN.md §3 (relocation): "if the new location is served: welcome
 * / address-change offer; else let go"; §6: "When the company simply cannot serve a customer
 * any more (moved out of the service area), letting go gracefully is the right measure."
 *
 * Only what the text says is read: a move to a named country or city may well be served
 * (a German company may deliver to Austria), so a place name alone says nothing. Abroad,
 * emigrated, overseas, or a stated gap in the service area does.
 */
import { BOUNDARY, tokenizeReason } from './normalize.js';

/** The words, on the text's tokens (lower-case, umlauts folded, punctuation gone). Judgement. */
const OUT_OF_AREA: readonly RegExp[] = [
  // Emigrated, abroad, overseas.
  /\b(ausgewandert|auswanderung|auswandern|wandert aus|wandern aus|emigrated|emigrating|emigrate|emigration)\b/,
  /\b(ins|im|nach dem|in das) ausland\b|\bauslandsumzug\b|\bausland verzogen\b|\buebersee\b/,
  /\b(moved|moving|relocated|relocating|gone|went|living|lives|move) (abroad|overseas|out of the country)\b|\bleft the country\b/,
  // The company does not serve the new place.
  /\b(ausserhalb|nicht (mehr )?im|nicht (mehr )?in unserem|nicht (mehr )?in unseren) (unseres |unserem |des |dem )?(liefergebiet|liefergebiets|liefergebietes|versorgungsgebiet|versorgungsgebiets|versorgungsgebietes|einzugsgebiet|einzugsgebiets|servicegebiet|servicegebiets|netzgebiet|netzgebiets|ausbaugebiet|ausbaugebiets)\b/,
  /\b(liefern|beliefern|versorgen|bedienen) (wir )?(dort|dorthin|da) (nicht|kein)\b|\b(dort|dorthin|da) (nicht|kein|keine) (beliefert|versorgt|lieferbar|verfuegbar|lieferung|versorgung|netz|empfang)\b/,
  /\b(outside|out of) (of )?(our |the |your )?(service|delivery|coverage|supply|network) (area|region|zone|territory)\b/,
  /\bnot in (our |the |your )?(service|delivery|coverage|supply|network) (area|region|zone|territory)\b/,
  /\b(we|you) (dont|do not|cannot|cant|no longer) (ship|deliver|serve|operate|supply) (there|to)\b|\b(no|not) (service|coverage|delivery|network) (there|available there)\b/,
];

/** Texts read, with their answer (null: none); reason texts repeat, so each is read once while the table holds. */
const read = new Map<string, string | null>();
const READ_LIMIT = 20_000;

/** The words of the text that say the customer moved where the company cannot serve them, or undefined. */
export function outOfAreaInText(text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let found = read.get(text);
  if (found === undefined) {
    found = outOfArea(text) ?? null;
    if (read.size >= READ_LIMIT) read.clear();
    // A copy of the key: a text cut from a large input chunk would keep the chunk alive.
    read.set((' ' + text).slice(1), found);
  }
  return found ?? undefined;
}

function outOfArea(text: string): string | undefined {
  for (const clause of tokenizeReason(text).join(' ').split(BOUNDARY)) {
    const said = ` ${clause.trim()} `;
    for (const pattern of OUT_OF_AREA) {
      const m = pattern.exec(said);
      if (m === null) continue;
      // "nicht ins Ausland, nur nach Hamburg", "not abroad": a negation right before takes it back.
      const before = said.slice(0, m.index).trim().split(' ').slice(-2);
      if (before.some((w) => w === 'nicht' || w === 'not' || w === 'kein' || w === 'no' || w === 'never' || w === 'nie')) continue;
      return m[0].trim();
    }
  }
  return undefined;
}
