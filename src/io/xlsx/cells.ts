/**
 * Excel cell values as the text a CSV export of the same sheet would hold, so that a
 * workbook goes through the same reader contract as a CSV file: numbers in one decimal
 * mark without grouping, dates as ISO days, percentages with '%', ids padded as shown.
 */

/** A cell's value as exceljs reads it, and its number format. */
export interface SheetCell {
  value: unknown;
  numFmt?: string;
}

const MS_PER_DAY = 86_400_000;
/** 1899-12-30, day 0 of Excel's 1900 date system, in epoch milliseconds. */
const EXCEL_EPOCH_MS = -2_209_161_600_000;

/** The cell's text; `mark` is the decimal mark numbers are written with. */
export function cellText(value: unknown, numFmt: string | undefined, mark: '.' | ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberCellText(value, numFmt, mark);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text?: string }[]; text?: unknown; error?: string; formula?: unknown };
    // A formula: its cached result (nothing is evaluated). A workbook written by a program may hold none: then the
    // formula itself, so that the cell is not read as empty — in a yes/no column an unclear value (an objection
    // column blocks), in a number column a rejected row that shows the formula, in a text column the formula (its
    // '=' neutralised in every output).
    if ('formula' in v || 'sharedFormula' in v) {
      if (v.result !== undefined) return cellText(v.result, numFmt, mark);
      return typeof v.formula === 'string' ? `=${v.formula}` : '=?';
    }
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
    if ('hyperlink' in v) return cellText(v.text, numFmt, mark);
    if (typeof v.error === 'string') return v.error;
  }
  return String(value);
}

function numberCellText(n: number, numFmt: string | undefined, mark: '.' | ','): string {
  if (!Number.isFinite(n)) return '';
  // A whole number of sixteen digits or more has lost its last ones (a spreadsheet keeps fifteen): shown as Excel
  // shows it, in scientific notation, so that an id read from it is refused rather than matched by digits it never had.
  if (Math.abs(n) >= 1e15 && Number.isInteger(n)) return n.toExponential().toUpperCase().replace('.', mark);
  if (numFmt !== undefined && numFmt !== 'General') {
    const fmt = stripLiterals(numFmt);
    // A date format on a number exceljs left as one (a formula's result).
    if (isDateFormat(fmt)) return dateText(new Date(EXCEL_EPOCH_MS + Math.round(n * MS_PER_DAY)));
    // 27 % is stored as 0.27: the sheet shows the percentage, and so does the text.
    if (fmt.includes('%')) return `${plainNumber(Number((n * 100).toPrecision(12)), mark)}%`;
    // A zero-padded format such as 00000 (postal codes) shows the leading zeros.
    const pad = /^0+$/.exec(fmt.trim());
    if (pad && Number.isInteger(n) && n >= 0) return String(n).padStart(pad[0].length, '0');
  }
  return plainNumber(n, mark);
}

/** A number in plain decimal notation (no exponent, no grouping) with the given mark. */
export function plainNumber(n: number, mark: '.' | ','): string {
  let text = String(n);
  if (text.includes('e')) text = n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
  return mark === ',' ? text.replace('.', ',') : text;
}

/** YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS when the cell holds a time of day too. */
function dateText(d: Date): string {
  const ms = Math.round(d.getTime() / 1000) * 1000;
  if (!Number.isFinite(ms)) return '';
  const iso = new Date(ms).toISOString();
  return ms % MS_PER_DAY === 0 ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** The format without quoted literals, escaped characters and [colour]/[locale] parts. */
function stripLiterals(fmt: string): string {
  return fmt.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
}

function isDateFormat(fmt: string): boolean {
  return /[dmy]/i.test(fmt) && !/[#?]/.test(fmt);
}

/** The column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A cell reference as Excel writes it: Kunden!C12, 'Lost customers'!C12. */
export function cellRef(sheet: string, column: number, row: number): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${columnLetters(column)}${row}`;
}
