import { formatIsoDay } from '../../domain/dates.js';

/** How a CSV output is laid out: plain (`,` and `.`) or for German Excel (`;`, `,`, BOM, CRLF). */
export interface CsvFormat {
  delimiter: ',' | ';';
  decimal: '.' | ',';
  bom: boolean;
  newline: '\n' | '\r\n';
  /**
   * Write digit strings with a leading zero (postal codes such as 01101, ids such as 000123)
   * as ="01101", the one form Excel opens as text instead of dropping the zeros.
   */
  keepLeadingZeros?: boolean;
}

export const PLAIN_CSV: CsvFormat = { delimiter: ',', decimal: '.', bom: false, newline: '\n' };
export const EXCEL_DE_CSV: CsvFormat = { delimiter: ';', decimal: ',', bom: true, newline: '\r\n', keepLeadingZeros: true };

const LEADING_ZERO_DIGITS = /^0\d+$/;

/**
 * Value kinds of output columns, each with one stable format:
 * text (neutralised against formulas), int, money (2 decimals), ratio (4 decimals),
 * date (epoch day → YYYY-MM-DD), phone (an E.164 number as it is, see formatPhone).
 */
export type ColumnKind = 'text' | 'int' | 'money' | 'ratio' | 'date' | 'phone';

const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * A phone number cell. An E.164 number ("+4930123456": a plus and digits only) is written as
 * it is: a spreadsheet reads it as a number at worst, never as a formula, since it holds no
 * reference, function or operator after the sign (neutralizeFormula leaves it alone for the
 * same reason). For German Excel it is written ="+4930123456", the form Excel keeps as text,
 * because as a number Excel drops the plus and shows 4,93E+10, which, saved again, loses
 * the digits. Anything else is text, neutralised as usual.
 */
function formatPhone(value: unknown, fmt: CsvFormat): string {
  const text = typeof value === 'string' ? value : String(value);
  if (!E164.test(text)) return formatCell(text, 'text', fmt);
  return fmt.keepLeadingZeros ? `"=""${text}"""` : text;
}

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
}

// Characters that make a spreadsheet read a cell as a formula (incl. the full-width and small forms: ＝ ﹦).
const FORMULA_START = /^[\s]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\ufe66\ufe6b]|^[\t\r\n]/;
// Plain numbers such as -12,5, -1.234,56 or an E.164 phone number (+4930123456) cannot run
// anything and stay as they are; with a space inside ("+49 171 ...") a spreadsheet would try
// a formula, so those are neutralised.
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)*(?:\s?%)?$/;

/** Prefixes a text cell that a spreadsheet would run as a formula with an apostrophe. */
export function neutralizeFormula(text: string): string {
  if (text === '') return text;
  // A cell starting with a letter or digit cannot be a formula: skip the patterns.
  const c = text.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return text;
  if (!FORMULA_START.test(text) || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}

/**
 * The text a neutralised cell stood for: the leading apostrophe that neutralizeFormula() put
 * before a formula is dropped again (a text that began with such an apostrophe itself reads the
 * same way). For files this tool both writes and reads, such as the contact ledger.
 */
export function restoreFormulaText(cell: string): string {
  if (cell.charCodeAt(0) !== 39) return cell;
  const text = cell.slice(1);
  return neutralizeFormula(text) === cell ? text : cell;
}

/**
 * A text cell as it was before writing: the apostrophe neutralizeFormula put before a formula
 * start, and Excel's ="…" text form, removed (for reading an output back as input).
 */
export function restoreText(cell: string): string {
  if (cell.charCodeAt(0) === 39 && FORMULA_START.test(cell.slice(1))) return cell.slice(1);
  const excel = /^="(.*)"$/.exec(cell);
  return excel ? (excel[1] as string).replace(/""/g, '"') : cell;
}

/** Formats one field: quoted when it holds the delimiter, a quote, CR/LF or edge spaces. */
export function quoteField(text: string, delimiter: string): string {
  if (text.length === 0) return text;
  return needsQuotes(delimiter).test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const NEEDS_QUOTES = new Map<string, RegExp>();

/** One precompiled test per delimiter (about twice as fast as a loop over the characters). */
function needsQuotes(delimiter: string): RegExp {
  let re = NEEDS_QUOTES.get(delimiter);
  if (re === undefined) {
    const d = delimiter.replace(/[\\^\]\-]/g, '\\$&');
    NEEDS_QUOTES.set(delimiter, (re = new RegExp(`["${d}\\n\\r]|^ | $`)));
  }
  return re;
}

const NEGATIVE_ZERO = ['-0', '-0.0', '-0.00', '-0.000', '-0.0000'];
const SCALE = [1, 10, 100, 1000, 10000];

const ZEROS = ['', '0', '00', '000', '0000'];

/** Formats a number with fixed decimals and the format's decimal mark; '' for missing. */
export function formatDecimal(value: number | undefined | null, decimals: number, mark: '.' | ','): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '';
  const scale = SCALE[decimals] ?? 10 ** decimals;
  const n = Math.round(value * scale);
  // Up to 4 decimals and 2^53: digits from the integer alone (what toFixed prints, at a fraction of its cost).
  if (decimals >= 1 && decimals <= 4 && Math.abs(n) <= Number.MAX_SAFE_INTEGER) {
    const a = n < 0 ? -n : n;
    const whole = Math.floor(a / scale);
    const frac = String(a - whole * scale);
    return `${n < 0 ? '-' : ''}${whole}${mark}${ZEROS[decimals - frac.length] as string}${frac}`;
  }
  return formatDecimalSlow(value, decimals, mark);
}

/** formatDecimal through toFixed, for what the integer path does not cover. */
function formatDecimalSlow(value: number, decimals: number, mark: '.' | ','): string {
  const scale = SCALE[decimals] ?? 10 ** decimals;
  const text = (Math.round(value * scale) / scale).toFixed(decimals);
  const clean = text === (NEGATIVE_ZERO[decimals] ?? `-${(0).toFixed(decimals)}`) ? text.slice(1) : text;
  return mark === ',' ? clean.replace('.', ',') : clean;
}

const DAY_CACHE_LIMIT = 4096;
const dayTexts = new Map<number, string>();

/** formatIsoDay with a small cache: output dates repeat a lot (contact windows, waves). */
function isoDay(day: number): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    text = formatIsoDay(day);
    if (dayTexts.size >= DAY_CACHE_LIMIT) dayTexts.clear();
    dayTexts.set(day, text);
  }
  return text;
}

/**
 * True when a text cell is written as it is: no formula start, no edge spaces. (Whether it
 * holds the delimiter, a quote or a line break is the caller's to know.)
 */
export function isVerbatimText(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  const c = text.charCodeAt(0);
  const alnum = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (!alnum && (c === 32 || neutralizeFormula(text) !== text)) return false;
  return text.charCodeAt(n - 1) !== 32;
}

/** Formats one cell of the given kind. */
export function formatCell(value: unknown, kind: ColumnKind, fmt: CsvFormat): string {
  if (value === undefined || value === null) return '';
  switch (kind) {
    case 'text': {
      const text = typeof value === 'string' ? value : String(value);
      if (fmt.keepLeadingZeros && LEADING_ZERO_DIGITS.test(text)) return `"=""${text}"""`;
      return quoteField(neutralizeFormula(text), fmt.delimiter);
    }
    case 'int':
      return typeof value === 'number' ? String(Math.round(value)) : quoteField(neutralizeFormula(String(value)), fmt.delimiter);
    case 'money':
      return typeof value === 'number' ? formatDecimal(value, 2, fmt.decimal) : '';
    case 'ratio':
      return typeof value === 'number' ? formatDecimal(value, 4, fmt.decimal) : '';
    case 'date':
      return typeof value === 'number' ? isoDay(value) : quoteField(neutralizeFormula(String(value)), fmt.delimiter);
    case 'phone':
      return formatPhone(value, fmt);
  }
}

/** A header line and a row formatter for a fixed list of columns. */
export interface CsvFormatter {
  header(): string;
  row(values: readonly unknown[]): string;
  /**
   * The row with column `at` left open, to be filled in later with cell(): the cells before
   * it, each followed by the delimiter, and the cells after it, each preceded by the
   * delimiter, then the newline. head + cell(v, at) + tail equals row() with v at `at`.
   */
  around(values: readonly unknown[], at: number): { head: string; tail: string };
  cell(value: unknown, at: number): string;
}

/** Builds a formatter for `columns`; rows are given as arrays in column order. */
export function createCsvFormatter(columns: readonly ColumnSpec[], fmt: CsvFormat): CsvFormatter {
  const kinds = columns.map((c) => c.kind);
  return {
    header: () => columns.map((c) => quoteField(neutralizeFormula(c.name), fmt.delimiter)).join(fmt.delimiter) + fmt.newline,
    row: (values) => {
      let out = '';
      for (let i = 0; i < kinds.length; i++) {
        if (i > 0) out += fmt.delimiter;
        out += formatCell(values[i], kinds[i] as ColumnKind, fmt);
      }
      return out + fmt.newline;
    },
    around: (values, at) => {
      let head = '';
      let tail = '';
      for (let i = 0; i < at; i++) head += formatCell(values[i], kinds[i] as ColumnKind, fmt) + fmt.delimiter;
      for (let i = at + 1; i < kinds.length; i++) tail += fmt.delimiter + formatCell(values[i], kinds[i] as ColumnKind, fmt);
      return { head, tail: tail + fmt.newline };
    },
    cell: (value, at) => formatCell(value, kinds[at] as ColumnKind, fmt),
  };
}

/** A whole CSV document (header + rows), with a BOM where the format asks for one. */
export function formatCsv(columns: readonly ColumnSpec[], rows: readonly (readonly unknown[])[], fmt: CsvFormat): string {
  const f = createCsvFormatter(columns, fmt);
  let out = (fmt.bom ? '\ufeff' : '') + f.header();
  for (const r of rows) out += f.row(r);
  return out;
}

/**
 * A growing byte buffer that output rows are written into as UTF-8, cell by cell, so that a
 * row is encoded once: no row string is concatenated, flattened and encoded again.
 */
export class ByteBuffer {
  buf: Buffer;
  /** the end of what was written */
  at = 0;

  constructor(size = 1 << 16) {
    this.buf = Buffer.allocUnsafeSlow(size);
  }

  /** Makes sure `n` more bytes fit behind `at` (growing keeps what was written). */
  room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const next = Buffer.allocUnsafeSlow(Math.max(2 * this.buf.length, this.at + n));
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }
}

/** Strings up to this long are tried byte by byte first (cheaper than a call of Buffer.write). */
const SHORT_TEXT = 32;

/** Writes `text` as UTF-8. */
export function putString(out: ByteBuffer, text: string): void {
  const n = text.length;
  if (n === 0) return;
  // UTF-8 needs at most 3 bytes per UTF-16 unit.
  out.room(3 * n);
  const { buf, at } = out;
  if (n <= SHORT_TEXT) {
    let i = 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) break;
      buf[at + i] = c;
    }
    if (i === n) {
      out.at = at + n;
      return;
    }
  }
  out.at = at + buf.write(text, at, 'utf8');
}

/** Writes the bytes of a cell formatted before (the cached cells of repeating columns). */
export function putBytes(out: ByteBuffer, bytes: Uint8Array): void {
  const n = bytes.length;
  out.room(n);
  const { buf } = out;
  const at = out.at;
  // Cells are short: copied byte by byte, which costs less than the call of set() below this length.
  if (n <= SHORT_BYTES) for (let i = 0; i < n; i++) buf[at + i] = bytes[i] as number;
  else buf.set(bytes, at);
  out.at = at + n;
}
const SHORT_BYTES = 16;

/** Writes one byte (a delimiter, a newline). */
export function putByte(out: ByteBuffer, byte: number): void {
  out.room(1);
  out.buf[out.at++] = byte;
}

/** Writes `text` of only ASCII characters (digits, ISO dates) byte by byte. */
function putAscii(out: ByteBuffer, text: string): void {
  const n = text.length;
  out.room(n);
  const { buf } = out;
  let at = out.at;
  for (let i = 0; i < n; i++) buf[at++] = text.charCodeAt(i);
  out.at = at;
}

/**
 * Writes what formatCell(text, 'text', fmt) returns; only a cell that starts with no letter
 * or digit is checked for a formula.
 */
export function putText(out: ByteBuffer, text: string, fmt: CsvFormat): void {
  if (text.length === 0) return;
  const c0 = text.charCodeAt(0);
  if (c0 === 48 && fmt.keepLeadingZeros && LEADING_ZERO_DIGITS.test(text)) return putString(out, `"=""${text}"""`);
  const alnum = (c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90) || (c0 >= 48 && c0 <= 57);
  const t = alnum ? text : neutralizeFormula(text);
  if (!needsQuotes(fmt.delimiter).test(t)) return putString(out, t);
  // Quoted around the text as it is written, not as a quoted copy of it (a string per cell).
  putByte(out, 34);
  putString(out, t.includes('"') ? t.replace(/"/g, '""') : t);
  putByte(out, 34);
}

const MAX_DIGITS = 24;

/**
 * Writes what formatDecimal(value, decimals, mark) returns, digit by digit from the rounded
 * integer (no string is made on the common path; the same integer as formatDecimal's).
 */
export function putDecimal(out: ByteBuffer, value: number | undefined | null, decimals: number, mark: '.' | ','): void {
  if (value === undefined || value === null || !Number.isFinite(value)) return;
  const scale = SCALE[decimals] ?? 10 ** decimals;
  const n = Math.round(value * scale);
  if (!(decimals >= 1 && decimals <= 4 && Math.abs(n) <= Number.MAX_SAFE_INTEGER)) return putAscii(out, formatDecimalSlow(value, decimals, mark));
  out.room(MAX_DIGITS);
  const { buf } = out;
  let at = out.at;
  let a = n;
  if (n < 0) {
    buf[at++] = 45;
    a = -n;
  }
  if (a <= INT32_MAX) {
    // The common case (amounts below €21 million, shares): the same digits in 32-bit integer
    // arithmetic, which V8 keeps in registers, where the double remainder below is a call per digit.
    out.at = putSmallDecimal(buf, at, a | 0, scale, decimals, mark === ',' ? 44 : 46);
    return;
  }
  let whole = Math.floor(a / scale);
  let frac = a - whole * scale;
  let digits = 1;
  for (let p = 10; whole >= p; p *= 10) digits++;
  // whole − its last digit is a multiple of ten: the division is exact for every safe integer.
  for (let k = at + digits - 1; k >= at; k--) {
    const r = whole % 10;
    buf[k] = 48 + r;
    whole = (whole - r) / 10;
  }
  at += digits;
  buf[at++] = mark === ',' ? 44 : 46;
  for (let k = at + decimals - 1; k >= at; k--) {
    const r = frac % 10;
    buf[k] = 48 + r;
    frac = (frac - r) / 10;
  }
  out.at = at + decimals;
}

const INT32_MAX = 0x7fff_ffff;

/** putDecimal's digits of `a` / `scale` (a ≥ 0, a 32-bit integer) at `at`, with `mark` before the `decimals`; returns the end. */
function putSmallDecimal(buf: Buffer, at: number, a: number, scale: number, decimals: number, mark: number): number {
  let whole = (a / scale) | 0;
  let frac = a - whole * scale;
  let digits = 1;
  for (let p = 10; whole >= p && digits < 10; p *= 10) digits++;
  for (let k = at + digits - 1; k >= at; k--) {
    const q = (whole / 10) | 0;
    buf[k] = 48 + whole - 10 * q;
    whole = q;
  }
  at += digits;
  buf[at++] = mark;
  for (let k = at + decimals - 1; k >= at; k--) {
    const q = (frac / 10) | 0;
    buf[k] = 48 + frac - 10 * q;
    frac = q;
  }
  return at + decimals;
}

/** Writes what formatCell(value, kind, fmt) returns (text cells through putText, numbers digit by digit). */
export function putCell(out: ByteBuffer, value: unknown, kind: ColumnKind, fmt: CsvFormat): void {
  if (value === undefined || value === null) return;
  switch (kind) {
    case 'text':
      return putText(out, typeof value === 'string' ? value : String(value), fmt);
    case 'money':
      if (typeof value === 'number') putDecimal(out, value, 2, fmt.decimal);
      return;
    case 'ratio':
      if (typeof value === 'number') putDecimal(out, value, 4, fmt.decimal);
      return;
    case 'date':
      return typeof value === 'number' ? putAscii(out, isoDay(value)) : putString(out, formatCell(value, kind, fmt));
    default:
      return putString(out, formatCell(value, kind, fmt));
  }
}
