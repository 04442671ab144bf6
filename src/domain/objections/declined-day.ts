/**
 * The day a win-back was declined, when the text gives it right at the refusal: "am 3.5.2026
 * abgelehnt", "Rückholangebot abgelehnt am 03.05.2026", "declined our offer on 2026-05-03".
 * Such a day counts the pause as a declined_date column would (DOMAIN.md §6), instead of
 * sending the customer to a person. Only a date joined to the refusal word by "am"/"on" is
 * taken: a date elsewhere in the text ("Kündigung zum 31.12.2025, Angebot abgelehnt") may be the
 * cancellation's, and counting from it would shorten the pause. Only unambiguous forms: day,
 * month and a four-digit year with dots, or ISO; never a day after as-of.
 */
import { epochDayOf } from '../dates.js';
import type { CustomerRow, EpochDay } from '../types.js';
import { declinedInText } from './declined.js';

const DATE = '(?:(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))';
const REFUSED = '(?:abgelehnt|ausgeschlagen|zur(?:ü|ue)ckgewiesen|declined|refused|rejected|turned\\s+down)';
// "am 3.5.2026 (telefonisch) abgelehnt", "on 2026-05-03 declined"; "abgelehnt am 3.5.2026", "declined it on 2026-05-03".
const DAY_THEN_REFUSAL = new RegExp(`(?<![\\p{L}\\p{N}])(?:am|on)\\s+${DATE}\\s+(?:[\\p{L}-]+\\s+){0,2}?${REFUSED}(?![\\p{L}])`, 'giu');
const REFUSAL_THEN_DAY = new RegExp(`(?<![\\p{L}])${REFUSED}\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:am|on)\\s+${DATE}(?![\\p{N}])`, 'giu');
// The refusal must be the win-back's: a win-back or offer word in its clause ("WB-Angebot am 3.5.2026 abgelehnt"), not a
// payment's or a loan's ("Lastschrift am 3.1.2020 zurückgewiesen, Rückholangebot abgelehnt").
const OFFER_WORD = /angebot|offer|r(?:ü|ue)ckhol|r(?:ü|ue)ckgewinn|win-?\s?back|\bwb\b|retention|reaktivier|comeback|gutschein|rabatt|discount|voucher/i;
// Clause marks (not the dot, which dates hold).
const CLAUSE_MARK = /[,;!?\n(]/g;
/** A year in the text: most texts have none, and the refusal is not looked for then. */
const YEAR = /\d{4}/;

/**
 * The day of a win-back declined in `text`, given at the win-back's refusal, between
 * `notBefore` (the churn date: a win-back comes after the departure) and `asOf`; else undefined.
 */
export function declinedDayIn(text: string | undefined, asOf: EpochDay, notBefore?: EpochDay): EpochDay | undefined {
  for (const { day } of refusalDays(text)) if (day <= asOf && (notBefore === undefined || day >= notBefore)) return day;
  return undefined;
}

/**
 * A day given at the win-back's refusal in `text` that cannot be the refusal's — after `asOf`
 * or before `notBefore` (the churn date) —, as written, when no day in the text can be; else
 * undefined. The plan then says why the day was not taken (plan/person-decides.ts).
 */
export function declinedDayNotTaken(text: string | undefined, asOf: EpochDay, notBefore?: EpochDay): { written: string; afterAsOf: boolean } | undefined {
  if (declinedDayIn(text, asOf, notBefore) !== undefined) return undefined;
  const first = refusalDays(text)[0];
  return first === undefined ? undefined : { written: first.written, afterAsOf: first.day > asOf };
}

const NO_DAYS: readonly { day: EpochDay; written: string }[] = [];

/**
 * The valid dates joined to a win-back's refusal in `text` ("am 3.5.2026 abgelehnt"), in the order of the patterns.
 * An array, not a generator: this is asked twice for every row, and nearly every text has none.
 */
function refusalDays(text: string | undefined): readonly { day: EpochDay; written: string }[] {
  if (text === undefined || !YEAR.test(text) || declinedInText(text) === undefined) return NO_DAYS;
  const days: { day: EpochDay; written: string }[] = [];
  for (const pattern of [DAY_THEN_REFUSAL, REFUSAL_THEN_DAY]) {
    for (const m of text.matchAll(pattern)) {
      if (!OFFER_WORD.test(clauseBefore(text, m.index) + m[0])) continue;
      const [y, mo, d] = m[3] !== undefined ? [m[3], m[2], m[1]] : [m[4], m[5], m[6]];
      const day = epochDayOf(Number(y), Number(mo), Number(d));
      if (day !== undefined) days.push({ day, written: m[4] !== undefined ? `${m[4]}-${m[5]}-${m[6]}` : `${m[1]}.${m[2]}.${m[3]}` });
    }
  }
  return days;
}

/** The text from the last clause mark before `at` to `at`. */
function clauseBefore(text: string, at: number): string {
  let from = 0;
  for (const m of text.slice(0, at).matchAll(CLAUSE_MARK)) from = m.index + 1;
  return text.slice(from, at);
}

/**
 * The row with the day of a win-back declined in its reason or notes (declinedDayIn), for a row
 * without a declined_date and with a pause to keep; the row itself where there is no such day.
 */
export function withDeclinedDay(row: CustomerRow, asOf: EpochDay, pauseMonths: number): CustomerRow {
  if (row.declined_date !== undefined || pauseMonths <= 0) return row;
  const day = declinedDayIn(row.reason, asOf, row.churn_date) ?? declinedDayIn(row.notes, asOf, row.churn_date);
  return day === undefined ? row : { ...row, declined_date: day };
}
