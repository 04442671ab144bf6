import { epochDayOf } from '../dates.js';
import type { DateForm } from '../catalogue/index.js';
import type { EpochDay } from '../types.js';

/** Day/month order for dates that do not say it themselves. */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export type DateParse = { ok: true; value: EpochDay } | { ok: false; message: string; code: 'empty' | 'not_date' } | { ok: false; message: string; code: 'bad_calendar'; form: DateForm };

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const SLASHED = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?$/;

/**
 * Parses a date in the forms exports use: ISO `2024-03-31` (and ISO datetimes),
 * `20240331`, `31.03.2024`, `31.03.24`, `3/31/2024` or `31/03/2024` (order from `order`).
 * Two-digit years are 2000–2068 or 1969–1999, like most spreadsheet software.
 */
export function parseDate(raw: string, order: DateOrder): DateParse {
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'is empty', code: 'empty' };
  // The two forms nearly every export uses, read without a regular expression.
  if (text.length === 10) {
    if (digitsAt(text, 0, 4) && text.charCodeAt(4) === DASH && digitsAt(text, 5, 2) && text.charCodeAt(7) === DASH && digitsAt(text, 8, 2)) {
      return checked(num(text, 0, 4), num(text, 5, 2), num(text, 8, 2), 'ymd');
    }
    if (digitsAt(text, 0, 2) && text.charCodeAt(2) === DOT && digitsAt(text, 3, 2) && text.charCodeAt(5) === DOT && digitsAt(text, 6, 4)) {
      return checked(num(text, 6, 4), num(text, 3, 2), num(text, 0, 2), 'dmy_dotted');
    }
  }
  let m = ISO.exec(text) ?? ISO_BASIC.exec(text);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]), 'ymd');
  m = DOTTED.exec(text);
  if (m) return checked(fullYear(m[3] as string), Number(m[2]), Number(m[1]), 'dmy_dotted');
  m = SLASHED.exec(text);
  if (m) {
    const first = Number(m[1]);
    const second = Number(m[2]);
    const year = fullYear(m[3] as string);
    return order === 'mdy'
      ? checked(year, first, second, 'mdy')
      : checked(year, second, first, 'dmy');
  }
  return { ok: false, message: 'is not a date (expected e.g. 2024-03-31 or 31.03.2024)', code: 'not_date' };
}

const DASH = 45;
const DOT = 46;

function digitsAt(text: string, from: number, count: number): boolean {
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function num(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
}

const FORM_NAMES: Record<DateForm, string> = {
  ymd: 'YYYY-MM-DD',
  dmy_dotted: 'DD.MM.YYYY',
  mdy: 'M/D/YYYY (month first; use --date-format dmy if days come first)',
  dmy: 'D/M/YYYY (day first; use --date-format mdy if months come first)',
};

function checked(year: number, month: number, day: number, form: DateForm): DateParse {
  const value = epochDayOf(year, month, day);
  if (value === undefined) return { ok: false, message: `is not a valid calendar date (read as ${FORM_NAMES[form]})`, code: 'bad_calendar', form };
  return { ok: true, value };
}

function fullYear(text: string): number {
  if (text.length === 4) return Number(text);
  const yy = Number(text);
  return yy < 69 ? 2000 + yy : 1900 + yy;
}

/**
 * What a slashed date says about day/month order: 'dmy' when the first part cannot be a
 * month, 'mdy' when the second cannot be, undefined when both orders are possible.
 */
export function dateOrderEvidence(raw: string): DateOrder | undefined {
  const m = SLASHED.exec(raw.trim());
  if (!m) return undefined;
  const first = Number(m[1]);
  const second = Number(m[2]);
  if (first > 12 && second <= 12) return 'dmy';
  if (second > 12 && first <= 12) return 'mdy';
  return undefined;
}

/** True when the value is written with slashes or dashes in D/M or M/D order. */
export function isSlashedDate(raw: string): boolean {
  return SLASHED.test(raw.trim());
}
