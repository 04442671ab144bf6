import type { EpochDay } from './types.js';

const MS_PER_DAY = 86_400_000;

/** Epoch day of a valid calendar date, or undefined when the date does not exist. */
export function epochDayOf(year: number, month: number, day: number): EpochDay | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** ISO 8601 date text (YYYY-MM-DD) of an epoch day. */
export function formatIsoDay(day: EpochDay): string {
  const { year, month, day: d } = calendarOf(day);
  return `${year}-${month < 10 ? '0' : ''}${month}-${d < 10 ? '0' : ''}${d}`;
}

/** Parses strict ISO YYYY-MM-DD (as used by flags such as --as-of); undefined if invalid. */
export function parseIsoDay(text: string): EpochDay | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  return epochDayOf(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Calendar parts of an epoch day (proleptic Gregorian; H. Hinnant's days-to-civil). */
export function calendarOf(day: EpochDay): { year: number; month: number; day: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** Adds whole calendar months, clamping the day to the target month's length. */
export function addMonths(day: EpochDay, months: number): EpochDay {
  const c = calendarOf(day);
  const total = c.year * 12 + (c.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return epochDayOf(year, month, Math.min(c.day, daysInMonth(year, month))) as EpochDay;
}

/** ISO 8601 week label, e.g. "2026-W48". */
export function isoWeekLabel(day: EpochDay): string {
  // Monday = 0 … Sunday = 6; 1970-01-01 was a Thursday.
  const weekday = (((day + 3) % 7) + 7) % 7;
  const thursday = day - weekday + 3;
  const year = calendarOf(thursday).year;
  const jan1 = epochDayOf(year, 1, 1) as EpochDay;
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Average days per month, for converting day spans to months. */
/** Days in the average Gregorian year. */
export const DAYS_PER_YEAR = 365.2425;
export const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;
