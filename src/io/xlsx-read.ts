/**
 * Excel workbooks (.xlsx) read through the same contract as CSV exports: one sheet (the
 * first, or --sheet NAME), its first non-empty row the header, the same aliases, value
 * parsing and rejects, which name the cell (Kunden!C12). Typed cells become the text a CSV
 * export would hold (xlsx-cells.ts). Rows stream from the zip; only the workbook's shared
 * strings (each distinct text once) are held in memory, as Excel's format requires.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Schema } from '../domain/fields.js';
import { mapHeaders } from '../domain/header-map.js';
import { IdIndex } from '../domain/id-index.js';
import { createRowConverter, type RowChecks } from '../domain/row-convert.js';
import { readTexts } from '../domain/read-texts.js';
import type { Reject } from '../domain/types.js';
import { DataError, IoError, UsageError } from '../errors.js';
import { duplicateReject, missingColumnsError, noDataRows, type Dialect, type OpenedExport, type ReadOptions, type ReadStats, type RowEvent, type RowVisitor } from './csv-read.js';
import { detectConventions } from './sniff.js';
import { cellRef, cellText } from './xlsx-cells.js';

/** What the first bytes say a file is, when it is a spreadsheet rather than text. */
export type WorkbookKind = 'xlsx' | 'xls' | 'ods';

/** Recognises a zip-based workbook (xlsx; OpenDocument) or an old binary .xls by its first bytes. */
export function workbookKind(head: Buffer): WorkbookKind | undefined {
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) {
    return head.subarray(0, 200).includes('opendocument.spreadsheet') ? 'ods' : 'xlsx';
  }
  if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) return 'xls';
  return undefined;
}

/** An opened workbook's dialect: the sheet read, and conventions of its text cells. */
export interface WorkbookDialect extends Dialect {
  sheet: string;
}

export interface WorkbookInput {
  source: string;
  label: string;
  kind: WorkbookKind;
  /** the bytes already read, and the rest of the input */
  head: Buffer;
  rest: AsyncIterator<Buffer | string>;
  sizeBytes: number | undefined;
  release: () => void;
}

const SAMPLE_ROWS = 500;
const CHUNK_ROWS = 512;

type SheetRow = { line: number; values: unknown[]; formats: (string | undefined)[] };

/** Opens the sheet of a workbook and maps its header; rows are read as with a CSV export. */
export async function openWorkbookExport(input: WorkbookInput, schema: Schema, opts: ReadOptions): Promise<OpenedExport> {
  const { label } = input;
  if (input.kind !== 'xlsx') throw notXlsx(label, input.kind);
  const stats: ReadStats = { read: 0, accepted: 0, rejected: 0, blankLines: 0, bytes: 0, sha256: '' };
  const source = hashedInput(input, stats);
  const book = await openSheet(source, label, opts.sheet);
  const sheetRows = book.rows;
  // The header: the first row with any text; rows above it count as blank lines.
  let headerRow: SheetRow | undefined;
  for (let next = await sheetRows.next(); !next.done; next = await sheetRows.next()) {
    if (next.value.values.some((v) => cellText(v, undefined, '.').trim() !== '')) {
      headerRow = next.value;
      break;
    }
    stats.blankLines++;
  }
  if (!headerRow) throw new DataError(`${label}: sheet '${book.name}' is empty`, book.others.length > 0 ? `choose another sheet with --sheet: ${book.others.join(', ')}` : 'check the export');
  const headers = trimTrailingEmpty(headerRow.values.map((v) => cellText(v, undefined, '.').trim()));
  const t = readTexts(opts.lang);
  const { mapping, missing, badOverrides, duplicates, ambiguous } = mapHeaders(headers, schema, opts.map ?? {});
  if (badOverrides.length > 0 || ambiguous.length > 0) {
    const problems = [...badOverrides, ...ambiguous.map((a) => t.ambiguousMap(a.field, a.header, a.columns))];
    throw new UsageError(`${label}: --map cannot be applied: ${problems.join('; ')}`, `headers found: ${headers.join(', ')}`);
  }
  const twin = duplicates[0];
  if (twin) throw new DataError(t.duplicateHeader(label, twin.field, twin.header, twin.columns), t.duplicateHeaderHint(twin.field, twin.columns));
  const stillMissing = missing.filter((m) => !m.fields.some((f) => opts.fill?.[f] !== undefined));
  if (stillMissing.length > 0) throw missingColumnsError(label, headers, stillMissing, schema.kind);

  const sample: SheetRow[] = [];
  for (let next = sample.length < SAMPLE_ROWS ? await sheetRows.next() : undefined; next && !next.done; next = sample.length < SAMPLE_ROWS ? await sheetRows.next() : undefined) sample.push(next.value);
  const width = headers.length;
  // Typed numbers are written with the decimal mark the sheet's text cells use, so that
  // both read alike under the one convention detected below.
  const textOnly = sample.map((r) => cells(r, width, '.', true));
  const textConventions = detectConventions(textOnly, mapping, schema, ',', opts);
  const mark = opts.decimal ?? (textConventions.decimalSource === 'detected from the data' ? textConventions.decimal : '.');
  const conventions = detectConventions(sample.map((r) => cells(r, width, mark, false)), mapping, schema, ',', opts);
  const dialect: WorkbookDialect = {
    encoding: 'utf8',
    bom: false,
    delimiter: ',',
    decimal: conventions.decimal,
    dateOrder: conventions.dateOrder,
    decided: { encoding: 'Excel workbook', delimiter: 'cells', decimal: conventions.decimalSource, dateOrder: conventions.dateOrderSource },
    sepLine: false,
    sheet: book.name,
  };
  const warnings = [...mapping.warnings, ...conventions.warnings];
  if (opts.encoding || opts.delimiter) warnings.push('--encoding and --delimiter do not apply to an Excel workbook and were ignored');
  const checks: RowChecks = { ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}), ...(opts.currency !== undefined ? { currency: opts.currency } : {}), lang: opts.lang ?? 'en' };
  const convert = createRowConverter(headers, mapping, schema, conventions, opts.fill, checks);
  const idIndex = mapping.fields.get('customer_id');
  const idHeader = idIndex === undefined ? 'customer_id' : (headers[idIndex] as string);
  const ids = schema.uniqueId ? new IdIndex() : undefined;
  const headerLine = headerRow.line;

  const rowEvent = (row: SheetRow): RowEvent | undefined => {
    const text = cells(row, width, mark, false);
    if (text.every((c) => c.trim() === '')) {
      stats.blankLines++;
      return undefined;
    }
    stats.read++;
    const converted = convert(text, row.line);
    if (!converted.ok) {
      stats.rejected++;
      return { ok: false, reject: withCell(converted.reject, headers, book.name) };
    }
    const id = converted.values.customer_id as string | undefined;
    const firstLine = ids && id !== undefined ? ids.add(id, row.line) : 0;
    if (firstLine > 0) {
      stats.rejected++;
      return { ok: false, reject: withCell(duplicateReject(id ?? '', row.line, firstLine, idHeader, t), headers, book.name) };
    }
    stats.accepted++;
    return { ok: true, line: row.line, values: converted.values, warnings: converted.warnings, cells: text };
  };

  let started = false;
  async function* batches(): AsyncGenerator<RowEvent[]> {
    if (started) throw new Error(`${label} can be read only once`);
    started = true;
    let batch: RowEvent[] = [];
    const take = (row: SheetRow) => {
      const ev = rowEvent(row);
      if (ev) batch.push(ev);
    };
    for (const row of sample) take(row);
    sample.length = 0;
    for (;;) {
      if (batch.length >= CHUNK_ROWS) {
        yield batch;
        batch = [];
      }
      const next = await sheetRows.next();
      if (next.done) break;
      take(next.value);
    }
    if (batch.length > 0) yield batch;
    await book.finish();
    if (stats.read === 0) throw noDataRows(`${label} (sheet '${book.name}', header on row ${headerLine})`);
  }

  const eachRow = async (visit: RowVisitor, afterChunk?: () => void): Promise<void> => {
    for await (const batch of batches()) {
      const pending: Promise<void>[] = [];
      for (const ev of batch) {
        const p = visit(ev);
        if (p) pending.push(p);
      }
      for (const p of pending) await p;
      afterChunk?.();
    }
  };

  return {
    source: input.source,
    label,
    dialect,
    headers,
    mapping,
    warnings,
    stats,
    lang: checks.lang ?? 'en',
    // A workbook's damage (a broken zip, a missing part) stops the read with a data error.
    damage: [],
    sizeBytes: input.sizeBytes,
    // No path: worker threads split text files, never a zip.
    path: undefined,
    pieceSpec: { label, encoding: 'utf8', delimiter: ',', headers, mapping, conventions, fill: opts.fill, idHeader, checks },
    expectedRows: undefined,
    release: input.release,
    batches,
    eachRow,
    rows: async function* rows() {
      for await (const batch of batches()) yield* batch;
    },
  };
}

/** A row's cells as text, `width` of them (more only when a cell past the header holds something). */
function cells(row: SheetRow, width: number, mark: '.' | ',', textOnly: boolean): string[] {
  const out: string[] = [];
  const n = Math.max(width, row.values.length);
  for (let i = 0; i < n; i++) {
    const v = row.values[i];
    out.push(textOnly && typeof v !== 'string' ? '' : cellText(v, row.formats[i], mark));
  }
  if (out.length > width) return trimTrailingEmpty(out, width);
  return out;
}

function trimTrailingEmpty(values: string[], min = 0): string[] {
  let end = values.length;
  while (end > min && (values[end - 1] as string).trim() === '') end--;
  return end === values.length ? values : values.slice(0, end);
}

/** The reject with the cell it is about, as Excel names it, in front of the problem. */
function withCell(r: Reject, headers: readonly string[], sheet: string): Reject {
  const column = headers.indexOf(r.column);
  const where = column >= 0 ? cellRef(sheet, column + 1, r.line) : `${cellRef(sheet, 1, r.line).replace(/A\d+$/, '')}${r.line}:${r.line}`;
  return { ...r, error: `${where}: ${r.error}` };
}

/** The input as a byte stream for the zip reader, hashed and counted as it passes. */
function hashedInput(input: WorkbookInput, stats: ReadStats): { stream: Readable; failure: () => Error | undefined } {
  const hash = createHash('sha256');
  let failure: Error | undefined;
  const take = (buf: Buffer) => {
    hash.update(buf);
    stats.bytes += buf.length;
    return buf;
  };
  async function* bytes() {
    yield take(input.head);
    for (;;) {
      let next: IteratorResult<Buffer | string>;
      try {
        next = await input.rest.next();
      } catch (err) {
        // Ending the stream lets the zip reader stop; the failure is reported after it.
        failure = new IoError(`${input.label}: read failed (${(err as Error).message})`);
        return;
      }
      if (next.done) break;
      yield take(typeof next.value === 'string' ? Buffer.from(next.value) : next.value);
    }
    stats.sha256 = hash.digest('hex');
  }
  return { stream: Readable.from(bytes(), { objectMode: false }), failure: () => failure };
}

interface OpenedSheet {
  name: string;
  /** names of the workbook's other sheets */
  others: string[];
  rows: AsyncIterator<SheetRow>;
  /** reads the rest of the workbook (so the whole input is hashed) */
  finish(): Promise<void>;
}

interface SheetReader {
  name?: string;
  [Symbol.asyncIterator](): AsyncIterator<{ number: number; values: unknown[]; getCell(i: number): { numFmt?: string } }>;
}

/** Finds the sheet to read: `wanted` by name (case ignored when unambiguous), else the workbook's first. */
async function openSheet(input: { stream: Readable; failure: () => Error | undefined }, label: string, wanted: string | undefined): Promise<OpenedSheet> {
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input.stream, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const sheets = reader[Symbol.asyncIterator]() as AsyncIterator<SheetReader>;
  const guard = async <T>(step: () => Promise<T>): Promise<T> => {
    try {
      return await step();
    } catch (err) {
      throw input.failure() ?? new DataError(`${label} is not a readable Excel workbook (${(err as Error).message})`, 'open it in Excel and save it again as .xlsx, or export it as CSV');
    }
  };
  const seen: string[] = [];
  for (;;) {
    const next = await guard(() => sheets.next());
    const failure = input.failure();
    if (failure) throw failure;
    if (next.done) break;
    const sheet = next.value;
    const name = sheet.name ?? `Sheet${seen.length + 1}`;
    seen.push(name);
    const order = ((reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []).map((s) => s.name);
    const target = wanted === undefined ? (order[0] ?? name) : matchSheet(wanted, order.length > 0 ? order : [name]);
    if (name !== target) continue;
    const rows = sheet[Symbol.asyncIterator]();
    return {
      name,
      others: order.filter((n) => n !== name),
      rows: {
        next: async () => {
          const r = await guard(() => rows.next());
          if (r.done) return { done: true, value: undefined };
          const row = r.value;
          const values = (row.values ?? []).slice(1);
          const formats = values.map((v, i) => (typeof v === 'number' || (typeof v === 'object' && v !== null && 'formula' in v) ? row.getCell(i + 1).numFmt : undefined));
          return { done: false, value: { line: row.number, values, formats } };
        },
      },
      finish: async () => {
        for (let more = await guard(() => sheets.next()); !more.done; more = await guard(() => sheets.next()));
        const failure = input.failure();
        if (failure) throw failure;
      },
    };
  }
  if (seen.length === 0) throw new DataError(`${label}: the workbook holds no worksheet`, 'open it in Excel and save it again as .xlsx, or export it as CSV');
  throw new UsageError(`--sheet '${wanted}': ${label} has no such sheet`, `its sheets: ${seen.join(', ')}`);
}

function matchSheet(wanted: string, names: readonly string[]): string {
  if (names.includes(wanted)) return wanted;
  const folded = names.filter((n) => n.toLowerCase() === wanted.trim().toLowerCase());
  return folded.length === 1 ? (folded[0] as string) : wanted;
}

function notXlsx(label: string, kind: WorkbookKind): DataError {
  return kind === 'xls'
    ? new DataError(`${label} is an Excel 97–2003 workbook (.xls), which winback does not read`, 'open it in Excel and save it as .xlsx (Excel Workbook), or export it as CSV')
    : new DataError(`${label} is an OpenDocument spreadsheet (.ods), which winback does not read`, 'save it as .xlsx or CSV (LibreOffice: File › Save As)');
}
