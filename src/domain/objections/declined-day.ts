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
const DAY_THEN_REFUSAL = new RegExp(`(?<![\\p{L}\\p{N}])(?:am|on)\\s+${DATE}\\s+(?:[\\p{L}-]+\\s+){0,2}?${REFUSED}(?![\\p{L}])`, 'iu');
const REFUSAL_THEN_DAY = new RegExp(`(?<![\\p{L}])${REFUSED}\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:am|on)\\s+${DATE}(?![\\p{N}])`, 'iu');
/** A year in the text: most texts have none, and the refusal is not looked for then. */
const YEAR = /\d{4}/;

/** The day of a win-back declined in `text`, given at the refusal, on or before `asOf`; else undefined. */
export function declinedDayIn(text: string | undefined, asOf: EpochDay): EpochDay | undefined {
  if (text === undefined || !YEAR.test(text) || declinedInText(text) === undefined) return undefined;
  const m = DAY_THEN_REFUSAL.exec(text) ?? REFUSAL_THEN_DAY.exec(text);
  if (m === null) return undefined;
  const [y, mo, d] = m[3] !== undefined ? [m[3], m[2], m[1]] : [m[4], m[5], m[6]];
  const day = epochDayOf(Number(y), Number(mo), Number(d));
  return day !== undefined && day <= asOf ? day : undefined;
}

/**
 * The row with the day of a win-back declined in its reason or notes (declinedDayIn), for a row
 * without a declined_date and with a pause to keep; the row itself where there is no such day.
 */
export function withDeclinedDay(row: CustomerRow, asOf: EpochDay, pauseMonths: number): CustomerRow {
  if (row.declined_date !== undefined || pauseMonths <= 0) return row;
  const day = declinedDayIn(row.reason, asOf) ?? declinedDayIn(row.notes, asOf);
  return day === undefined ? row : { ...row, declined_date: day };
}
