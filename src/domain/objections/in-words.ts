/**
 * An objection in a row's words: the reason, the notes, a consent column's free text, the
 * cells of columns no field claims — one rule for every place that asks (permission, the
 * duplicate check, the reader that keeps an objecting row whatever else is wrong with it).
 */
import { findObjectionInCells, findObjectionPhrase } from './text.js';

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
  // Field by field, without an array of them: this runs for every row.
  const inReason = phraseIn(row.reason, extraPhrases);
  if (inReason !== undefined) return { where: 'reason', phrase: inReason };
  const inNotes = phraseIn(row.notes, extraPhrases);
  if (inNotes !== undefined) return { where: 'notes', phrase: inNotes };
  const inConsent = phraseIn(row.consent_text, extraPhrases);
  if (inConsent !== undefined) return { where: 'consent', phrase: inConsent };
  if (typeof row.other_text !== 'string') return undefined;
  const phrase = findObjectionInCells(row.other_text, extraPhrases);
  return phrase === undefined ? undefined : { where: 'other', phrase };
}

function phraseIn(text: unknown, extraPhrases: readonly string[]): string | undefined {
  return typeof text === 'string' ? findObjectionPhrase(text, extraPhrases) : undefined;
}
