/**
 * An objection in a row's words: the reason, the notes, a consent column's free text, the
 * cells of columns no field claims — one rule for every place that asks (permission, the
 * duplicate check, the reader that keeps an objecting row whatever else is wrong with it).
 */
import { findObjectionInCells, findObjectionPhrase, normaliseObjectionText } from './text.js';

/** Where the words stood, in the order they are read. */
export type WordsField = 'reason' | 'notes' | 'consent' | 'other';

/** The words of a row that may hold an objection. */
export interface RowWords {
  reason?: unknown;
  notes?: unknown;
  consent_text?: unknown;
  other_text?: unknown;
}

const NO_PHRASES: readonly string[] = [];

/** The first objection in the row's words, with where it stood; undefined for none. The unmapped cells are read by the rules alone. */
export function objectionInWords(row: Readonly<RowWords>, extraPhrases: readonly string[] = NO_PHRASES): { where: WordsField; phrase: string } | undefined {
  const texts: [WordsField, unknown][] = [['reason', row.reason], ['notes', row.notes], ['consent', row.consent_text]];
  for (const [where, text] of texts) {
    if (typeof text !== 'string') continue;
    const phrase = findObjectionPhrase(text, extraPhrases) ?? retentionOnly(text);
    if (phrase !== undefined) return { where, phrase };
  }
  if (typeof row.other_text !== 'string') return undefined;
  const phrase = findObjectionInCells(row.other_text, extraPhrases) ?? retentionOnly(row.other_text);
  return phrase === undefined ? undefined : { where: 'other', phrase };
}

// Data kept only to meet a statutory retention duty, or restricted (GDPR Art. 18): not used for marketing (DOMAIN.md §1.2).
const RETENTION_GATE = /aufbewahr|retention|retained|record.?keeping|art\.? ?18|einschr(?:ä|ae)nkung|restrict/i;
const RETENTION_ONLY = new RegExp(
  [
    '\\bnur (?:noch )?(?:wegen|zur|fuer|aufgrund|auf grund|im rahmen) (?:der |die |einer |von )?(?:gesetzlichen |handelsrechtlichen |steuerrechtlichen |steuerlichen |gesetzlicher )?aufbewahrung[a-z]*',
    '\\bnur (?:noch )?aufbewahrung[a-z]*',
    '\\baufbewahrungspflicht[a-z]* (?:gespeichert|vorgehalten|archiviert|gesperrt)',
    '\\b(?:kept|held|stored|retained|archived) only (?:for|to meet|under|because of) (?:the |our |a )?(?:legal|statutory|tax|regulatory)? ?(?:retention|record ?keeping)[a-z ]{0,20}',
    '\\b(?:legal |statutory )?retention only\\b',
    '\\beinschraenkung der verarbeitung\\b',
    '\\b(?:restriction of processing|processing restricted)\\b',
    '\\b(?:gesperrt|sperrung|restricted) (?:nach|gemaess|gem|under|per) (?:art|artikel|article) 18\\b',
  ].join('|'),
);

/** The words saying the data are kept only for a retention duty or are restricted, or undefined. */
function retentionOnly(text: string): string | undefined {
  if (!RETENTION_GATE.test(text)) return undefined;
  return RETENTION_ONLY.exec(normaliseObjectionText(text))?.[0].trim();
}
