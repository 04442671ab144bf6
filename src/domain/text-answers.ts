/**
 * What the free-text readers found in a text, in one table for both questions asked of it:
 * does it hold an objection (objections/text.ts), and which departure reason does it give
 * (reasons/reasons.ts). A plan asks both of every row's reason cell, the objection twice
 * (duplicate-id facts, then permission): one lookup answers all three. A lookup in a table of
 * thousands of texts compares the cell with a key far from anything else the row touches,
 * which costs more than either answer; the next question about the same cell finds it here
 * by identity (lastText). Pure: module state, as the readers' own caches are.
 */

/** The answers kept for one text; a field not yet asked is undefined. */
export interface TextAnswers {
  /** findObjectionPhrase's reading (before the config's extra phrases): the phrase, or null for none */
  objection?: string | null;
  /** declinedInText's reading: the words saying a win-back was declined, or null for none */
  declined?: string | null;
  /** classifyReason's result, for `vocabulary` only (another vocabulary reads the text anew) */
  reason?: unknown;
  vocabulary?: object;
}

/** As many texts as the readers' own caches keep (reasons.ts TEXT_CACHE_LIMIT, objections READ_CACHE_LIMIT). */
const LIMIT = 20_000;
const table = new Map<string, TextAnswers>();
// The text asked about last and its answers (undefined: none kept). Holding the text holds
// the input piece it was cut from until the next question: one piece at most.
let lastText: string | undefined;
let lastAnswers: TextAnswers | undefined;

/** The answers kept for `text`, if any: looked up once per text in a row. */
export function answersOf(text: string): TextAnswers | undefined {
  if (text === lastText) return lastAnswers;
  lastText = text;
  lastAnswers = table.get(text);
  return lastAnswers;
}

/** The answers kept for the text asked about last (answersOf) when it is `text`: no lookup at all. */
export function lastAnswersOf(text: string): TextAnswers | undefined {
  return text === lastText ? lastAnswers : undefined;
}

/** The answers for `text`, kept from now on (an empty entry is made for a new text). */
export function keptAnswers(text: string): TextAnswers {
  let answers = answersOf(text);
  if (answers === undefined) {
    if (table.size >= LIMIT) table.clear();
    answers = {};
    table.set(ownCopy(text), answers);
    lastAnswers = answers;
  }
  return answers;
}

/**
 * A copy of a text that shares no memory with the string it was cut from: a cell is a slice
 * of a whole decoded piece of the input, and a kept slice would keep its piece alive (measured:
 * 52 MB of pieces held by the objection reader's cache on 200,000 rows). Concatenating, then
 * slicing, makes the engine flatten a new string.
 */
export function ownCopy(text: string): string {
  return `${text} `.slice(0, -1);
}
