/**
 * Tables as Excel workbooks (.xlsx): one sheet per list, typed cells — numbers as numbers,
 * dates as dates, every text (ids, postal codes, phone numbers) as text, so that nothing is
 * evaluated and no leading zero is lost — a bold, frozen header with an autofilter, and
 * column widths from the header and the first rows. Rows stream through exceljs's writer
 * into a temporary file that replaces the target only when the workbook is complete.
 */
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import { parse } from 'csv-parse';
import { formatIsoDay, parseIsoDay } from '../../domain/dates.js';
import { createAtomicWriteStream, type AtomicWriteStream, type PreparedFile } from '../atomic-write.js';
import { restoreFormulaText, type ColumnKind, type ColumnSpec, type CsvFormat } from '../csv/write.js';
import { columnLetters } from './cells.js';
import { messages, type Lang } from '../../domain/catalogue/index.js';

/** One sheet: its columns and its rows, values as the CSV writer takes them (dates as epoch days). */
export interface WorkbookSheet {
  name: string;
  columns: readonly ColumnSpec[];
  rows: Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>;
  /** the language of the words a cut cell ends with (default English) */
  lang?: Lang;
}

// Excel's built-in short date (format 14) shows in the reader's own locale: 23.11.2026 in German Excel.
// Text cells need no format: a string cell is shown as it is (and a style per cell costs time).
// Text and phone columns are formatted as text ('@'): a cell that starts like a formula
// ("=HYPERLINK(…)", "+cmd|…", "@SUM(1)") is a string cell already, and stays text when someone
// edits it (F2, Enter) or saves the sheet as CSV — the workbook's neutralisation, as the CSVs'
// leading apostrophe is theirs.
const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = { text: '@', phone: '@', int: '0', money: '#,##0.00', ratio: '0.0000', date: 'mm-dd-yy' };
const WIDTH_SAMPLE_ROWS = 200;
const MIN_WIDTH = 6;
const MAX_WIDTH = 50;
const MS_PER_DAY = 86_400_000;
const DRAIN_EVERY_ROWS = 256;
const BACKLOG_BYTES = 1 << 20;

/** Rows a sheet holds below its header: Excel's limit of 1,048,576 rows, less one. */
export const MAX_SHEET_ROWS = 1_048_575;

/**
 * Writes the sheets, one after the other, into `path` atomically; returns the workbook's size
 * in bytes. A list longer than a sheet can hold goes on in sheets named "plan (2)", ….
 */
export async function writeWorkbookAtomic(path: string, sheets: readonly WorkbookSheet[], maxRows = MAX_SHEET_ROWS): Promise<number> {
  const out = await createAtomicWriteStream(path);
  try {
    await writeBook(out, sheets, maxRows);
    await out.commit();
  } catch (err) {
    await out.abort();
    throw err;
  }
  return out.bytesWritten;
}

/** Writes the workbook whole into a temporary file beside `path`, to be put in place with other outputs (see PreparedFile). */
export async function prepareWorkbook(path: string, sheets: readonly WorkbookSheet[], maxRows = MAX_SHEET_ROWS): Promise<PreparedFile> {
  const out = await createAtomicWriteStream(path);
  try {
    await writeBook(out, sheets, maxRows);
    return await out.prepare();
  } catch (err) {
    await out.abort();
    throw err;
  }
}

/** The time written into a workbook: the zip format's first day, not the clock (docProps/core.xml, entry headers). */
const WORKBOOK_TIME = new Date(Date.UTC(1980, 0, 1));

type Append = (this: unknown, source: unknown, data?: Record<string, unknown>) => unknown;
let entryTimesFixed = false;

/**
 * Gives every zip entry of a workbook the fixed time. exceljs's zip (archiver, its own
 * dependency) stamps each entry with the clock unless the entry brings a date, and appends two
 * entries while the workbook is made: so the zip's own append is wrapped, once, for every
 * workbook this process writes — winback writes no other zip.
 */
function fixEntryTimes(book: object): void {
  if (entryTimesFixed) return;
  const zip = (book as { zip?: { append?: Append } }).zip;
  const proto = zip === undefined ? undefined : (Object.getPrototypeOf(zip) as { append?: Append });
  const append = proto?.append;
  if (proto === undefined || append === undefined) return;
  proto.append = function (this: unknown, source: unknown, data?: Record<string, unknown>) {
    return append.call(this, source, { ...data, date: data?.date ?? WORKBOOK_TIME });
  };
  entryTimesFixed = true;
}

async function writeBook(out: AtomicWriteStream, sheets: readonly WorkbookSheet[], maxRows: number): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  let failure: unknown;
  out.on('error', (e: unknown) => (failure ??= e));
  // One fixed time in the workbook's properties and in every zip entry: the same input and --as-of give the same bytes
  // (exceljs would write the wall clock into docProps/core.xml and each entry's header).
  const options = { stream: out, useStyles: true, useSharedStrings: false, created: WORKBOOK_TIME, modified: WORKBOOK_TIME } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0];
  if (!entryTimesFixed) fixEntryTimes(new ExcelJS.stream.xlsx.WorkbookWriter({ ...options, stream: new PassThrough() }));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter(options);
  book.creator = 'winback';
  for (const sheet of sheets) {
    const rows = toAsync(sheet.rows);
    for (let part = 1, more = true; more; part++) {
      more = await writeSheet(book, part === 1 ? sheet.name : `${sheet.name} (${part})`, sheet.columns, rows, maxRows, sheet.lang ?? 'en');
    }
  }
  await book.commit();
  if (failure) throw failure;
}

type Book = InstanceType<(typeof import('exceljs'))['stream']['xlsx']['WorkbookWriter']>;

/** Writes up to `maxRows` rows of `rows` into a new sheet; true when rows are left over. */
async function writeSheet(book: Book, name: string, columns: readonly ColumnSpec[], rows: AsyncIterator<readonly unknown[]>, maxRows: number, lang: Lang): Promise<boolean> {
  // The streaming writer takes the filter range as an option, which its types leave out.
  const options = { views: [{ state: 'frozen', ySplit: 1 }], autoFilter: `A1:${columnLetters(Math.max(1, columns.length))}1` };
  const ws = book.addWorksheet(sheetName(name), options as Parameters<Book['addWorksheet']>[1]);
  const head: (readonly unknown[])[] = [];
  let next = await rows.next();
  while (!next.done && head.length < Math.min(WIDTH_SAMPLE_ROWS, maxRows)) {
    head.push(next.value);
    if (head.length < maxRows) next = await rows.next();
  }
  // Widths go before the first row in the file: they come from the header and the first rows.
  ws.columns = columns.map((c, i) => {
    const numFmt = NUMBER_FORMATS[c.kind];
    return { width: columnWidth(c, i, head), ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const header = ws.addRow(columns.map((c) => c.name));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.numFmt = 'General';
  });
  header.commit();
  const add = (values: readonly unknown[]) => ws.addRow(columns.map((c, i) => cellValue(values[i], c.kind, lang))).commit();
  for (const values of head) add(values);
  let written = head.length;
  if (written < maxRows && !next.done) {
    for (; !next.done; next = await rows.next()) {
      add(next.value);
      if (++written === maxRows) break;
      if (written % DRAIN_EVERY_ROWS === 0) await drained(ws);
    }
  }
  // The next sheet's rows queue in memory until this one is in the zip: wait for it.
  const zipped = new Promise<void>((resolve) => (ws as unknown as { stream: NodeJS.EventEmitter }).stream.once('zipped', () => resolve()));
  ws.commit();
  await zipped;
  if (written < maxRows) return false;
  // Full: is anything left for a next sheet?
  const peek = await rows.next();
  if (peek.done) return false;
  pushBack(rows, peek.value);
  return true;
}

/**
 * Waits while the zip's compressor has a backlog of this sheet's XML. exceljs hands its
 * buffers on without waiting, so without this the XML of a long list piles up in memory
 * whenever compressing is slower than producing rows.
 */
async function drained(ws: unknown): Promise<void> {
  // The sheet's buffer pipes into the zip entry's stream (readable-stream, not Node's own).
  const target = (ws as { stream?: { pipes?: (Writable & { _writableState?: { length: number } })[] } }).stream?.pipes?.[0];
  const backlog = target ? (target.writableLength ?? target._writableState?.length ?? 0) : 0;
  if (target && backlog > BACKLOG_BYTES) await once(target, 'drain');
}

/** Puts one row back in front of an iterator. */
function pushBack(rows: AsyncIterator<readonly unknown[]>, row: readonly unknown[]): void {
  const next = rows.next.bind(rows);
  let held: readonly unknown[] | undefined = row;
  rows.next = async () => {
    if (held === undefined) return next();
    const value = held;
    held = undefined;
    return { done: false, value };
  };
}

/** A value as the cell holds it: numbers for numeric kinds, a date for epoch days, text otherwise. */
export function cellValue(value: unknown, kind: ColumnKind, lang: Lang = 'en'): string | number | Date | null {
  if (value === undefined || value === null || value === '') return null;
  switch (kind) {
    case 'int':
      return typeof value === 'number' ? Math.round(value) : String(value);
    case 'money':
      return typeof value === 'number' ? Math.round(value * 100) / 100 : String(value);
    case 'ratio':
      return typeof value === 'number' ? Math.round(value * 10_000) / 10_000 : String(value);
    case 'date':
      return typeof value === 'number' ? new Date(value * MS_PER_DAY) : String(value);
    case 'text':
    case 'phone':
      return withinCellLimit(typeof value === 'string' ? value : String(value), lang);
  }
}

/** The most characters an Excel cell holds (Excel's specifications and limits). */
export const EXCEL_CELL_CHARS = 32_767;

/**
 * A text Excel can hold: a longer one (a pasted mail thread in the notes) is cut, and says so at
 * its end, so that Excel opens the workbook instead of reporting it damaged or cutting it silently.
 */
function withinCellLimit(text: string, lang: Lang): string {
  if (text.length <= EXCEL_CELL_CHARS) return text;
  const mark = (n: number) => ` … [${messages(lang).files.cellCut(n)}]`;
  // Room for the longest mark this text can need (the count has at most as many digits as its length).
  let cut = EXCEL_CELL_CHARS - mark(text.length).length;
  // Not between the two halves of a character outside the BMP.
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return `${text.slice(0, cut)}${mark(text.length - cut)}`;
}

function columnWidth(c: ColumnSpec, at: number, rows: readonly (readonly unknown[])[]): number {
  let width = c.name.length + 3; // room for the filter button
  for (const r of rows) {
    const v = r[at];
    const text = v === undefined || v === null ? '' : c.kind === 'date' && typeof v === 'number' ? formatIsoDay(v) : c.kind === 'money' && typeof v === 'number' ? v.toFixed(2) : String(v);
    width = Math.max(width, text.length + 2);
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width));
}

/** A valid sheet name: at most 31 characters, none of []:*?/\. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
}

function toAsync<T>(rows: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> {
  async function* all() {
    yield* rows as AsyncIterable<T>;
  }
  return all();
}

/**
 * The rows of a CSV file this tool wrote in `fmt`, turned back into values for a sheet:
 * numbers and dates of the columns' kinds, text without the marks the CSV needed against
 * spreadsheet formulas (`'=…`) and for leading zeros (`="01067"`).
 */
export async function* csvRowsOf(path: string, columns: readonly ColumnSpec[], fmt: CsvFormat): AsyncGenerator<unknown[]> {
  const parser = createReadStream(path).pipe(parse({ delimiter: fmt.delimiter, bom: true, from_line: 2, relax_column_count: true }));
  for await (const record of parser as AsyncIterable<string[]>) {
    yield record.map((text, i) => csvValue(text, columns[i]?.kind ?? 'text', fmt));
  }
}

const EXCEL_TEXT_FORM = /^="(.*)"$/;

/** One CSV cell back as the value it was written from. */
export function csvValue(text: string, kind: ColumnKind, fmt: CsvFormat): unknown {
  if (text === '') return undefined;
  switch (kind) {
    case 'int':
    case 'money':
    case 'ratio': {
      const n = Number(fmt.decimal === ',' ? text.replace(',', '.') : text);
      return Number.isFinite(n) ? n : text;
    }
    case 'date':
      return parseIsoDay(text) ?? text;
    case 'text':
    case 'phone': {
      // Excel's ="01067" form (German Excel CSVs keep leading zeros and a phone's plus with it).
      const excelText = fmt.keepLeadingZeros ? EXCEL_TEXT_FORM.exec(text) : null;
      if (excelText) return (excelText[1] as string).replace(/""/g, '"');
      // The apostrophe neutralizeFormula put in front: a sheet's text cell never runs a formula.
      return restoreFormulaText(text);
    }
  }
}
