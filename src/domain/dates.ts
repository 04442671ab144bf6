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
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Parses strict ISO YYYY-MM-DD (as used by flags such as --as-of); undefined if invalid. */
export function parseIsoDay(text: string): EpochDay | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  return epochDayOf(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Calendar parts of an epoch day. */
export function calendarOf(day: EpochDay): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
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
export const DAYS_PER_MONTH = 365.2425 / 12;
