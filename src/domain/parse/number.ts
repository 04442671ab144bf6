/** Which character separates the decimals in a file's numbers. */
export type DecimalMark = ',' | '.';

export type NumberParse =
  /** `currency`: the ISO code of a currency written with the number (`€ 12` → EUR) */
  | { ok: true; value: number; percent: boolean; currency?: string }
  | { ok: false; message: string; code: 'empty' | 'not_number' };

// Currency words and symbols that exports put around amounts.
const CURRENCY = /^(€|\$|£|eur|euro|usd|chf|gbp)\s*|\s*(€|\$|£|eur|euro|usd|chf|gbp)$/i;
const CURRENCY_CODES: Record<string, string> = { '€': 'EUR', eur: 'EUR', euro: 'EUR', $: 'USD', usd: 'USD', '£': 'GBP', gbp: 'GBP', chf: 'CHF' };

/** The ISO code of a currency symbol or word (`€`, `euro` → EUR); anything unknown in capitals. */
export function currencyCode(symbol: string): string {
  const s = symbol.trim().toLowerCase();
  return CURRENCY_CODES[s] ?? s.toUpperCase();
}

// Spaces used as thousands separators: space, no-break space, narrow no-break space, thin space.
const SPACES = /[\s\u00a0\u202f\u2009']/g;
const PLAIN = /^[+-]?\d+(?:\.\d+)?$/;
const PLAIN_COMMA = /^[+-]?\d+,\d+$/;

/**
 * Parses a number as exports write it: `1234.56`, `1.234,56`, `1,234.56`, `1 234,56`,
 * `€ 1.234,56`, `-12,5`, `12,5 %`, `(12.50)`. A lone separator that could be either
 * (`1,234`, `1.234`) follows `decimal`, the file's convention.
 */
export function parseNumber(raw: string, decimal: DecimalMark): NumberParse {
  let text = raw.trim();
  if (text === '') return { ok: false, message: 'is empty', code: 'empty' };
  const plain = plainValue(text, decimal === ',' ? 44 : 46);
  if (plain !== undefined) return { ok: true, value: plain, percent: false };
  if (PLAIN.test(text) && (decimal === '.' || !text.includes('.'))) {
    return { ok: true, value: Number(text), percent: false };
  }
  // "1234,56" in a decimal-comma file: what the general path below would read, directly.
  if (decimal === ',' && PLAIN_COMMA.test(text)) {
    return { ok: true, value: Number(text.replace(',', '.')), percent: false };
  }
  let percent = false;
  if (text.endsWith('%')) {
    percent = true;
    text = text.slice(0, -1).trim();
  }
  let negative = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  let currency: string | undefined;
  const stripCurrency = (_: string, before?: string, after?: string): string => {
    currency ??= currencyCode((before ?? after) as string);
    return '';
  };
  text = text.replace(CURRENCY, stripCurrency).replace(CURRENCY, stripCurrency).trim();
  if (text.startsWith('-') || text.startsWith('\u2212')) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  } else if (text.endsWith('-')) {
    negative = true; // SAP-style trailing minus
    text = text.slice(0, -1);
  }
  text = text.replace(SPACES, '');
  const value = parseUnsigned(text, decimal);
  if (value === undefined) return { ok: false, message: `is not a number (expected e.g. ${numberExample(decimal)})`, code: 'not_number' };
  return currency === undefined ? { ok: true, value: negative ? -value : value, percent } : { ok: true, value: negative ? -value : value, percent, currency };
}

/** Powers of ten that a double holds exactly (up to 10^22; plainValue needs up to 10^15). */
const EXACT_POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
/** Digits an integer may have and still be exact in a double (below 2^53). */
const EXACT_DIGITS = 15;

/**
 * The value of `[+-]?\d+` or `[+-]?\d+M\d+` (M: `mark`, the file's decimal mark as a
 * character code), read digit by digit instead of by Number() on a copy with the mark
 * replaced; undefined for any other text and for more than 15 digits. Up to 15 digits the
 * digits make an exact integer and the division by an exact power of ten rounds once, as
 * Number() rounds the decimal it reads: the same double.
 */
function plainValue(text: string, mark: number): number | undefined {
  const n = text.length;
  const first = text.charCodeAt(0);
  let i = first === 45 || first === 43 ? 1 : 0;
  let whole = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      whole = whole * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === mark && decimals < 0 && digits > 0) decimals = 0;
    else return undefined;
  }
  if (decimals === 0 || digits === 0 || digits > EXACT_DIGITS) return undefined;
  const value = decimals > 0 ? whole / (EXACT_POWERS_OF_TEN[decimals] as number) : whole;
  return first === 45 ? -value : value;
}

/** A number as the file's convention writes it, for messages. */
export function numberExample(decimal: DecimalMark): string {
  return decimal === ',' ? '1.234,56' : '1,234.56';
}

function parseUnsigned(text: string, decimal: DecimalMark): number | undefined {
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return undefined;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  let mark: DecimalMark | undefined;
  if (lastComma >= 0 && lastDot >= 0) mark = lastComma > lastDot ? ',' : '.';
  else if (lastComma >= 0) mark = countOf(text, ',') > 1 ? '.' : decimal === ',' ? ',' : groupedOrDecimal(text, ',');
  else if (lastDot >= 0) mark = countOf(text, '.') > 1 ? ',' : decimal === '.' ? '.' : groupedOrDecimal(text, '.');
  else return Number(text);
  const group = mark === ',' ? '.' : ',';
  const [intPart = '', fracPart, extra] = text.split(mark);
  if (extra !== undefined) return undefined;
  if (!validGrouping(intPart, group)) return undefined;
  const digits = intPart.split(group).join('');
  if (digits === '' && fracPart === undefined) return undefined;
  if (fracPart !== undefined && !/^\d+$/.test(fracPart)) return undefined;
  return Number(`${digits || '0'}${fracPart !== undefined ? `.${fracPart}` : ''}`);
}

/**
 * The file's decimal mark is the other one, so a lone `sep` is a thousands separator
 * only if it groups exactly three digits; otherwise it cannot be read safely.
 */
function groupedOrDecimal(text: string, sep: ',' | '.'): DecimalMark {
  return /^\d{1,3}(?:[.,]\d{3})+$/.test(text) ? (sep === ',' ? '.' : ',') : sep;
}

function validGrouping(intPart: string, group: string): boolean {
  if (!intPart.includes(group)) return /^\d*$/.test(intPart);
  return new RegExp(`^\\d{1,3}(?:\\${group}\\d{3})+$`).test(intPart);
}

function countOf(text: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === ch) n++;
  return n;
}

/** Evidence a value gives about the file's decimal mark, or undefined when it gives none. */
export function decimalEvidence(raw: string): DecimalMark | undefined {
  const text = raw.trim().replace(SPACES, '');
  if (/^[-+(]?\D{0,4}\d{1,3}(?:\.\d{3})+,\d+/.test(text)) return ',';
  if (/^[-+(]?\D{0,4}\d{1,3}(?:,\d{3})+\.\d+/.test(text)) return '.';
  if (/^[-+(]?\D{0,4}\d+,\d{1,2}(?:\D{0,4})$/.test(text)) return ',';
  if (/^[-+(]?\D{0,4}\d+,\d{4,}(?:\D{0,4})$/.test(text)) return ',';
  if (/^[-+(]?\D{0,4}\d+\.\d{1,2}(?:\D{0,4})$/.test(text)) return '.';
  if (/^[-+(]?\D{0,4}\d+\.\d{4,}(?:\D{0,4})$/.test(text)) return '.';
  return undefined;
}
