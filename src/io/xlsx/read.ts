/**
 * Excel workbooks (.xlsx) read through the same contract as CSV exports: one sheet (the
 * first, or --sheet NAME), its first non-empty row the header, the same aliases, value
 * parsing and rejects, which name the cell (Kunden!C12). Typed cells become the text a CSV
 * export would hold (cells.ts). The sheet's rows stream from the zip (read through its
 * directory; stdin is copied to a temporary file first); only the workbook's shared strings
 * (each distinct text once) are held in memory, as Excel's format requires.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Schema } from '../../domain/read/fields.js';
import { mapHeaders } from '../../domain/read/header-map.js';
import { DuplicateTracker, FACT_FIELDS } from '../../domain/read/duplicate-ids.js';
import { createRowConverter, type RowChecks } from '../../domain/read/row-convert.js';
import { keyedError, messages, noteOf, readNote, sayReadNote } from '../../domain/catalogue/index.js';
import type { Reject } from '../../domain/types.js';
import { DataError, IoError, UsageError } from '../../errors.js';
import { countReject, decideId, missingColumnsError, objectorLinesOf, rejectedId, noDataRows, type Dialect, type IdDecision, type OpenedExport, type ReadOptions, type ReadStats, type RowEvent, type RowVisitor } from '../csv/read.js';
import { detectConventions, type Decided } from '../csv/sniff.js';
import type { HeaderMapping } from '../../domain/read/header-map.js';
import { registerTemp } from '../temp-cleanup.js';
import { cellRef, cellText, columnLetters } from './cells.js';
import { damageOf, isEncryptedPackage, workbookError } from './damage.js';

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
  /** the file's absolute path; undefined for stdin */
  path: string | undefined;
}

const SAMPLE_ROWS = 500;
const CHUNK_ROWS = 512;

type SheetRow = { line: number; values: unknown[]; formats: (string | undefined)[] };

/** Opens the sheet of a workbook and maps its header; rows are read as with a CSV export. */
export async function openWorkbookExport(input: WorkbookInput, schema: Schema, opts: ReadOptions): Promise<OpenedExport> {
  const { label } = input;
  const stats: ReadStats = { read: 0, accepted: 0, rejected: 0, blankLines: 0, bytes: 0, sha256: '' };
  if (input.kind === 'ods') throw notXlsx(label, input.kind);
  const file = await workbookFile(input, stats);
  if (input.kind === 'xls') {
    // An .xlsx with a password is a compound file too: told apart from an old .xls by what it holds.
    const encrypted = await isEncryptedPackage(file.path).finally(file.dispose);
    throw encrypted ? workbookError(label, 'encrypted', '') : notXlsx(label, input.kind);
  }
  let book: OpenedSheet;
  try {
    book = await openSheet(file.path, label, opts.sheet);
  } catch (err) {
    await file.dispose();
    throw err;
  }
  const finishBook = book.finish;
  let closing: Promise<void> | undefined;
  // stdin's copy stays for a second reading (duplicate ids a later row decides); the caller removes it.
  const keepCopy = input.path === undefined && opts.reread === true;
  // Closes the sheet and removes stdin's temporary copy, once, whoever asks first.
  book.finish = () => (closing ??= finishBook().finally(keepCopy ? undefined : file.dispose));
  // Merged ranges below the header are filled in as the rows come (the header is the first row with text).
  let headerAt: number | undefined;
  const sheetRows = fillMerged(book.rows, book.merges, () => headerAt);
  const opening = book;
  // Whatever stops the reading before the rows are handed out releases the workbook.
  const { headerRow, headers, mapping, sample, titleNote } = await (async () => {
    try {
      return await readHeadAndSample(sheetRows, stats, schema, opts, label, opening, (line) => (headerAt = line));
    } catch (err) {
      await opening.finish();
      if (keepCopy) await file.dispose();
      throw err;
    }
  })();
  const width = headers.length;
  // The text cells alone decide how text is read: a typed number says nothing about how the
  // sheet's author writes numbers as text ("5.000" beside a typed 7000.5 is five thousand to a
  // German author). Without evidence in the text, the run's language decides (--lang de: the
  // decimal comma and day-first dates). Typed numbers are written with that mark, so that both
  // read alike under the one convention.
  const textOnly = sample.map((r) => cells(r, width, '.', true));
  const byText = detectConventions(textOnly, mapping, schema, opts.lang === 'de' ? ';' : ',', opts);
  const byLang = (d: Decided): Decided => (d.key === 'defaultForFiles' ? { key: 'defaultForLang', args: [opts.lang ?? 'en'] } : d);
  const mark = byText.decimal;
  // A whole number of days in a date column whose cells are formatted as numbers: an Excel date
  // that lost its format ("Standard"), read as the day it stands for and named in a warning.
  const serialColumns = new Set(schema.fields.filter((f) => f.type === 'date').flatMap((f) => mapping.fields.get(f.name) ?? []));
  const serialSeen = firstSerialDate(sample, serialColumns);
  const typed = detectConventions(sample.map((r) => cells(r, width, mark, false, serialColumns)), mapping, schema, ',', opts);
  const conventions = { ...byText, decimalSource: byLang(byText.decimalSource), marginPercent: typed.marginPercent };
  const unsure = conventions.decimalSource.key === 'defaultForLang' ? ambiguousNumbers(textOnly, mapping) : undefined;
  const dialect: WorkbookDialect = {
    encoding: 'utf8',
    bom: false,
    delimiter: ',',
    decimal: conventions.decimal,
    dateOrder: conventions.dateOrder,
    decided: { encoding: { key: 'workbook', args: [] }, delimiter: { key: 'cells', args: [] }, decimal: conventions.decimalSource, dateOrder: conventions.dateOrderSource },
    sepLine: false,
    sheet: book.name,
  };
  const warningKeys = [...(titleNote ? [titleNote] : []), ...mapping.notes, ...conventions.notes];
  if (unsure) warningKeys.push(readNote('xlsxAmbiguousNumbers', unsure.count, `${headers[unsure.column] ?? ''} '${unsure.example}'`, mark));
  if (serialSeen) warningKeys.push(readNote('xlsxSerialDates', headers[serialSeen.column] ?? '', String(serialSeen.value), cellText(serialSeen.value, SERIAL_DATE_FORMAT, mark)));
  if (opts.encoding || opts.delimiter) warningKeys.push(readNote('xlsxIgnoredFlags'));
  const merged = book.merges.filter((m) => m.top > headerRow.line);
  if (merged.length > 0) warningKeys.push(readNote('xlsxMerged', merged.length, mergedList(book.name, merged)));
  const warnings = warningKeys.map((note) => sayReadNote(messages(opts.lang).read.texts, note));
  const checks: RowChecks = { ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}), ...(opts.currency !== undefined ? { currency: opts.currency } : {}), lang: opts.lang ?? 'en', workbook: true };
  const convert = createRowConverter(headers, mapping, schema, conventions, opts.fill, checks);
  const t = messages(opts.lang).read.texts;
  const idIndex = mapping.fields.get('customer_id');
  const idHeader = idIndex === undefined ? 'customer_id' : (headers[idIndex] as string);
  const dateAt = mapping.fields.get('last_modified');
  // Rows sharing an id are decided as in a CSV export: by date, else the most restrictive consent.
  const duplicates = schema.uniqueId ? new DuplicateTracker(undefined, dateAt === undefined ? undefined : headers[dateAt], t, opts.phoneCountry) : undefined;
  const ids: IdDecision = {
    duplicates, reread: opts.reread === true, resolution: opts.duplicates, ...objectorLinesOf(opts, duplicates), phrases: opts.objectionPhrases ?? [],
    byFacts: opts.reread === true || opts.duplicates !== undefined, factColumns: FACT_FIELDS.map((f) => mapping.fields.get(f)), stats, idHeader,
  };
  const headerLine = headerRow.line;

  const rowEvent = (row: SheetRow): RowEvent | undefined => {
    const text = cells(row, width, mark, false, serialColumns);
    if (text.every((c) => c.trim() === '')) {
      stats.blankLines++;
      return undefined;
    }
    stats.read++;
    const converted = convert(text, row.line);
    if (!converted.ok) {
      const reject = withCell(converted.reject, headers, book.name);
      countReject(stats, reject);
      rejectedId(ids, converted.reject, converted.readings);
      return { ok: false, reject, ...(converted.readings ? { readings: converted.readings } : {}) };
    }
    const ev = decideId(ids, converted, text, row.line, undefined);
    if (ev && !ev.ok) {
      // decideId counted it (ReadStats.firstReject): the one shown names the cell.
      const reject = withCell(ev.reject, headers, book.name);
      if (stats.firstReject === ev.reject) stats.firstReject = reject;
      return { ok: false, reject };
    }
    return ev;
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
    // However the reading ends (all rows, a failure, the caller stopping), the workbook is released.
    try {
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
    } finally {
      await book.finish();
    }
    if (stats.read === 0) throw noDataRows(t.sheetLabel(label, book.name, headerLine), t);
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
    warningKeys,
    stats,
    lang: checks.lang ?? 'en',
    // A workbook's damage (a broken zip, a missing part) stops the read with a data error.
    damage: [],
    sizeBytes: input.sizeBytes,
    // No path: worker threads split text files, never a zip.
    path: undefined,
    pieceSpec: { label, encoding: 'utf8', delimiter: ',', headers, mapping, conventions, fill: opts.fill, idHeader, checks },
    expectedRows: undefined,
    ...(duplicates ? { duplicates } : {}),
    rereads: opts.reread === true,
    notes: opts.reread === true || opts.objectorLines !== undefined,
    ...(keepCopy ? { stdinCopy: { path: file.path, remove: file.dispose } } : {}),
    release: () => {
      input.release();
      void book.finish();
    },
    batches,
    eachRow,
    rows: async function* rows() {
      for await (const batch of batches()) yield* batch;
    },
  };
}

/** How many rows with text are looked at for the header: a title and a note or two may stand above it. */
const HEADER_SEARCH_ROWS = 10;

/**
 * The header row, its mapping, and the sample rows the conventions are detected from. The
 * header is the first row with any text, or, when that one lacks a required column, the
 * first of the next rows with text that has them all (a title above the table, merged over
 * its columns or not: the rows above the header are skipped and named in a warning).
 */
async function readHeadAndSample(sheetRows: AsyncIterator<SheetRow>, stats: ReadStats, schema: Schema, opts: ReadOptions, label: string, book: OpenedSheet, headerFound: (line: number) => void) {
  const t = messages(opts.lang).read.texts;
  // Excel leaves empty cells out of a sheet: the row's values have holes, which map() would keep.
  const headerOf = (row: SheetRow) => trimTrailingEmpty(Array.from(row.values, (v) => cellText(v, undefined, '.').trim()));
  const complete = (row: SheetRow) => mapHeaders(headerOf(row), schema, opts.map ?? {}, t).missing.every((m) => m.fields.some((f) => opts.fill?.[f] !== undefined));
  let headerRow: SheetRow | undefined;
  let first: SheetRow | undefined;
  let seen = 0;
  for (let next = await sheetRows.next(); !next.done; next = await sheetRows.next()) {
    const row = next.value;
    if (!row.values.some((v) => cellText(v, undefined, '.').trim() !== '')) {
      // Rows above the header count as blank lines.
      stats.blankLines++;
      continue;
    }
    first ??= row;
    if (complete(row)) {
      headerRow = row;
      break;
    }
    if (++seen >= HEADER_SEARCH_ROWS) break;
    stats.blankLines++;
  }
  const skipped = headerRow !== undefined && first !== undefined && first !== headerRow ? first : undefined;
  // No row has every required column: the first row with text is the header, and the error below names what it lacks.
  headerRow ??= first;
  if (!headerRow) throw new DataError(t.sheetEmpty(label, book.name), book.others.length > 0 ? t.sheetEmptyHint(book.others.join(', ')) : t.checkExport);
  headerFound(headerRow.line);
  const headers = headerOf(headerRow);
  const titleNote = skipped === undefined ? undefined : readNote('xlsxTitleRows', `${cellRef(book.name, 1, skipped.line).replace(/A\d+$/, '')}${skipped.line}:${headerRow.line - 1}`, headerRow.line);
  const { mapping, missing, badOverrides, duplicates, ambiguous } = mapHeaders(headers, schema, opts.map ?? {}, t);
  if (badOverrides.length > 0 || ambiguous.length > 0) {
    const problems = [...badOverrides, ...ambiguous.map((a) => t.ambiguousMap(a.field, a.header, a.columns))];
    throw new UsageError(t.mapNotApplied(label, problems.join('; ')), t.headersFound(headers.join(', ')));
  }
  const twin = duplicates[0];
  if (twin) throw new DataError(t.duplicateHeader(label, twin.field, twin.header, twin.columns), t.duplicateHeaderHint(twin.field, twin.columns));
  const stillMissing = missing.filter((m) => !m.fields.some((f) => opts.fill?.[f] !== undefined));
  if (stillMissing.length > 0) {
    const error = missingColumnsError(label, headers, stillMissing, schema.kind, t);
    // A workbook that opens with a title or cover sheet: the columns are on another sheet.
    if (opts.sheet === undefined && book.others.length > 0) error.hint = `${error.hint ?? ''}\n${t.sheetEmptyHint(book.others.join(', '))}`.trim();
    throw error;
  }
  const sample: SheetRow[] = [];
  while (sample.length < SAMPLE_ROWS) {
    const next = await sheetRows.next();
    if (next.done) break;
    sample.push(next.value);
  }
  return { headerRow, headers, mapping, sample, titleNote };
}

/**
 * A row's cells as text, `width` of them (more only when a cell past the header holds
 * something); a serial day number in one of `serialColumns` (isSerialDate) as its day.
 */
function cells(row: SheetRow, width: number, mark: '.' | ',', textOnly: boolean, serialColumns?: ReadonlySet<number>): string[] {
  const out: string[] = [];
  const n = Math.max(width, row.values.length);
  for (let i = 0; i < n; i++) {
    const v = row.values[i];
    if (textOnly && typeof v !== 'string') out.push('');
    else out.push(cellText(v, serialColumns?.has(i) && isSerialDate(v) ? SERIAL_DATE_FORMAT : row.formats[i], mark));
  }
  if (out.length > width) return trimTrailingEmpty(out, width);
  return out;
}

/** The format a serial day number is read with (any date format: the text is the ISO day). */
const SERIAL_DATE_FORMAT = 'dd.mm.yyyy';

/**
 * A typed number Excel would show as a day from 1927 to 2173 (serial 10,000 to 99,999): what a
 * date cell holds once its format is lost. A four-digit year (2024) or a YYYYMMDD number is not one.
 */
function isSerialDate(v: unknown): v is number {
  return typeof v === 'number' && v >= 10_000 && v < 100_000;
}

/** The first serial day number in a date column of the sample, for the warning. */
function firstSerialDate(sample: readonly SheetRow[], serialColumns: ReadonlySet<number>): { column: number; value: number } | undefined {
  for (const row of sample) {
    for (const column of serialColumns) {
      const value = row.values[column];
      // A cell whose own format shows the day already needs no warning.
      if (isSerialDate(value) && !/^\d{4}-\d\d-\d\d/.test(cellText(value, row.formats[column], '.'))) return { column, value };
    }
  }
  return undefined;
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

/**
 * The workbook as a file to read at random (a zip's directory is at its end): the file
 * itself, or stdin copied to a temporary file. Hashed and counted on the way.
 */
async function workbookFile(input: WorkbookInput, stats: ReadStats): Promise<{ path: string; dispose: () => Promise<void> }> {
  const hash = createHash('sha256');
  const take = (buf: Buffer) => {
    hash.update(buf);
    stats.bytes += buf.length;
  };
  if (input.path !== undefined) {
    // The bytes already read and the rest of the stream are only hashed: the zip is read by path.
    take(input.head);
    await drain(input, take);
    stats.sha256 = hash.digest('hex');
    return { path: input.path, dispose: async () => undefined };
  }
  const dir = await mkdtemp(join(tmpdir(), 'winback-xlsx-'));
  const forget = registerTemp(dir);
  const path = join(dir, 'stdin.xlsx');
  const dispose = async () => {
    await rm(dir, { recursive: true, force: true });
    forget();
  };
  try {
    const out = createWriteStream(path);
    const write = (buf: Buffer) => {
      take(buf);
      if (!out.write(buf)) return once(out, 'drain').then(() => undefined);
      return undefined;
    };
    await write(input.head);
    await drain(input, write);
    out.end();
    await finished(out);
  } catch (err) {
    await dispose();
    throw err;
  }
  stats.sha256 = hash.digest('hex');
  return { path, dispose };
}

async function drain(input: WorkbookInput, take: (buf: Buffer) => Promise<void> | void): Promise<void> {
  for (;;) {
    let next: IteratorResult<Buffer | string>;
    try {
      next = await input.rest.next();
    } catch (err) {
      throw keyedError((m) => new IoError(m), noteOf('files', { key: 'readFailed', args: [input.label, (err as Error).message] }));
    }
    if (next.done) return;
    await take(typeof next.value === 'string' ? Buffer.from(next.value) : next.value);
  }
}

/** The most shared-strings XML read into memory (judgement: its texts, held as JavaScript strings, take a few GiB at this size). */
const MAX_SHARED_STRINGS_BYTES = 1 << 30;

interface OpenedSheet {
  name: string;
  /** merged ranges that span more than one row (Excel keeps their value in the first cell only) */
  merges: MergedRange[];
  /** names of the workbook's other sheets */
  others: string[];
  rows: AsyncIterator<SheetRow>;
  /** releases what reading the workbook holds */
  finish(): Promise<void>;
}

interface SheetReader {
  [Symbol.asyncIterator](): AsyncIterator<{ number: number; values: unknown[]; getCell(i: number): { numFmt?: string } }>;
}

/**
 * The parts of exceljs's streaming workbook reader used here. It reads a zip front to back,
 * and a sheet that comes before the workbook's directory parts loses its name now and then;
 * so the parts are handed to it in the order it needs, from the zip's directory.
 */
interface WorkbookParts {
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { name: string; rId: string; state?: string }[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ eventType: string; value: SheetReader }>;
}

/**
 * Opens the sheet to read: `wanted` by name (case ignored when unambiguous), else the workbook's
 * first visible one — the first tab the user sees (a hidden sheet before it holds notes or
 * lookups, not the export); the first of all when every sheet is hidden.
 */
async function openSheet(path: string, label: string, wanted: string | undefined): Promise<OpenedSheet> {
  // What a library throws while it reads `part` ('' for the zip's directory) becomes the kind of damage it stands for.
  const guard = async <T>(part: string, step: () => Promise<T>): Promise<T> => {
    try {
      return await step();
    } catch (err) {
      throw err instanceof DataError || err instanceof UsageError ? err : workbookError(label, damageOf(err, part), part, err);
    }
  };
  const { Open } = await import('unzipper');
  const directory = await guard('', () => Open.file(path));
  const entries = new Map(directory.files.map((f) => [f.path.replace(/^\/+/, ''), f]));
  const part = (name: string) => entries.get(name);
  const rels = part('xl/_rels/workbook.xml.rels');
  const workbook = part('xl/workbook.xml');
  if (!workbook) throw workbookError(label, 'noWorkbook', 'xl/workbook.xml');
  if (!rels) throw workbookError(label, 'partMissing', 'xl/_rels/workbook.xml.rels');
  const styles = part('xl/styles.xml');
  const shared = part('xl/sharedStrings.xml');
  // The shared strings are held in memory (the format asks for it): a part past what one process can hold is refused before it is read.
  if (shared && shared.uncompressedSize > MAX_SHARED_STRINGS_BYTES) throw workbookError(label, 'tooLarge', 'xl/sharedStrings.xml');
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' }) as unknown as WorkbookParts;
  // Each part is checked to end with its root's closing tag: the XML reader takes a part cut short for a short one.
  const whole = async (name: string, root: string, read: (stream: Readable) => Promise<void>) => {
    const part = completeXml(entries.get(name)?.stream() as Readable, root);
    await guard(name, () => read(part.stream));
    if (!part.complete()) throw workbookError(label, 'badXml', name);
  };
  await whole('xl/_rels/workbook.xml.rels', 'Relationships', (st) => reader._parseRels(st));
  await whole('xl/workbook.xml', 'workbook', (st) => reader._parseWorkbook(st));
  if (styles) await whole('xl/styles.xml', 'styleSheet', (st) => reader._parseStyles(st));
  if (shared) await whole('xl/sharedStrings.xml', 'sst', async (st) => {
    for await (const _ of reader._parseSharedStrings(st));
  });
  const names = (reader.model?.sheets ?? []).map((s) => s.name);
  if (names.length === 0) throw keyedError((m, h) => new DataError(m, h), noteOf('files', { key: 'workbookEmpty', args: [label] }), noteOf('files', { key: 'saveAgainHint', args: [] }));
  const visible = (reader.model?.sheets ?? []).find((s) => s.state === undefined || s.state === 'visible')?.name;
  const name = wanted === undefined ? (visible ?? (names[0] as string)) : matchSheet(wanted, names);
  const sheet = reader.model?.sheets?.find((s) => s.name === name);
  if (!sheet) throw keyedError((m, h) => new UsageError(m, h), noteOf('files', { key: 'noSheet', args: [String(wanted), label] }), noteOf('files', { key: 'noSheetHint', args: [names.join(', ')] }));
  const target = reader.workbookRels?.find((r) => r.Id === sheet.rId)?.Target ?? '';
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const entry = part(sheetPath);
  if (!entry) throw workbookError(label, 'partMissing', sheetPath);
  const sheetNo = /(\d+)\.xml$/.exec(sheetPath)?.[1] ?? '1';
  const merges = await guard(sheetPath, () => mergedRanges(entry.stream()));
  const sheetXml = completeXml(entry.stream(), 'worksheet');
  const stream = sheetXml.stream;
  const emitted = [...reader._parseWorksheet(stream, sheetNo)][0];
  if (!emitted) throw workbookError(label, 'unreadable', sheetPath);
  const rows = emitted.value[Symbol.asyncIterator]();
  return {
    name,
    merges,
    others: names.filter((n) => n !== name),
    rows: {
      next: async () => {
        const r = await guard(sheetPath, () => rows.next());
        if (r.done) {
          if (!sheetXml.complete()) throw workbookError(label, 'badXml', sheetPath);
          return { done: true, value: undefined };
        }
        const row = r.value;
        const values = (row.values ?? []).slice(1);
        const formats = values.map((v, i) => (typeof v === 'number' || (typeof v === 'object' && v !== null && 'formula' in v) ? row.getCell(i + 1).numFmt : undefined));
        return { done: false, value: { line: row.number, values, formats } };
      },
    },
    finish: async () => sheetXml.destroy(),
  };
}

/**
 * A part's XML passed through, keeping its last bytes: complete() says whether it ended with the
 * closing tag of `root` (with or without a namespace prefix), as a part cut short does not.
 */
function completeXml(source: Readable, root: string): { stream: Readable; complete: () => boolean; destroy: () => void } {
  let tail = '';
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      tail = (tail + chunk.toString('latin1')).slice(-256);
      done(null, chunk);
    },
  });
  source.on('error', (err) => stream.destroy(err));
  source.pipe(stream);
  const end = new RegExp(`</(?:[\\w.-]+:)?${root}>\\s*$`);
  return { stream, complete: () => end.test(tail), destroy: () => void (source.destroy(), stream.destroy()) };
}

function matchSheet(wanted: string, names: readonly string[]): string {
  if (names.includes(wanted)) return wanted;
  const folded = names.filter((n) => n.toLowerCase() === wanted.trim().toLowerCase());
  return folded.length === 1 ? (folded[0] as string) : wanted;
}

function notXlsx(label: string, kind: WorkbookKind): DataError {
  const make = (m: string, h?: string) => new DataError(m, h);
  return kind === 'xls'
    ? keyedError(make, noteOf('files', { key: 'xls', args: [label] }), noteOf('files', { key: 'xlsHint', args: [] }))
    : keyedError(make, noteOf('files', { key: 'ods', args: [label] }), noteOf('files', { key: 'odsHint', args: [] }));
}

/** A merged range of cells, 1-based rows and columns, inclusive. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The merged ranges of a sheet's XML that span more than one row. They stand after the
 * rows (`<mergeCells>` follows `<sheetData>`), so the part is read once for them before its
 * rows are: only the text near each `mergeCell` is looked at.
 */
export async function mergedRanges(xml: Readable): Promise<MergedRange[]> {
  const found: MergedRange[] = [];
  const tag = /<(?:[\w.-]+:)?mergeCell\s[^>]*?ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/g;
  let carry = '';
  for await (const chunk of xml) {
    const text = carry + (chunk as Buffer).toString('latin1');
    tag.lastIndex = 0;
    let last = 0;
    for (let m = tag.exec(text); m !== null; m = tag.exec(text)) {
      last = tag.lastIndex;
      const top = Number(m[2]);
      const bottom = m[4] === undefined ? top : Number(m[4]);
      if (bottom > top) found.push({ top, left: columnNumber(m[1] as string), bottom, right: columnNumber(m[3] ?? (m[1] as string)) });
    }
    // A tag cut at the chunk's end is read with the next chunk.
    const open = text.lastIndexOf('<');
    carry = open >= last && text.length - open < 512 ? text.slice(open) : '';
  }
  return found.sort((a, b) => a.top - b.top || a.left - b.left);
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/**
 * The sheet's rows with each merged range below the header read as Excel shows it: every
 * row of the range holds the range's first value in its first column (an objection merged
 * over three customers objects for all three). Ranges that start at or above the header
 * row are left as they are (a title, a header over two rows).
 */
function fillMerged(rows: AsyncIterator<SheetRow>, merges: readonly MergedRange[], headerLine: () => number | undefined): AsyncIterator<SheetRow> {
  if (merges.length === 0) return rows;
  const open: { range: MergedRange; value: unknown; format: string | undefined }[] = [];
  let next = 0;
  return {
    next: async () => {
      const r = await rows.next();
      if (r.done) return r;
      const row = r.value;
      const header = headerLine();
      if (header === undefined) return r;
      for (let i = open.length - 1; i >= 0; i--) if ((open[i] as (typeof open)[number]).range.bottom < row.line) open.splice(i, 1);
      while (next < merges.length && (merges[next] as MergedRange).top <= row.line) {
        const range = merges[next++] as MergedRange;
        if (range.top <= header || range.bottom < row.line) continue;
        // The first row of the range holds its value (a row Excel left out holds none).
        const value = range.top === row.line ? row.values[range.left - 1] : undefined;
        open.push({ range, value, format: range.top === row.line ? row.formats[range.left - 1] : undefined });
      }
      for (const o of open) {
        if (o.range.top === row.line || o.value === undefined || o.value === null) continue;
        const at = o.range.left - 1;
        const current = row.values[at];
        if (current !== undefined && current !== null && current !== '') continue;
        while (row.values.length <= at) row.values.push(undefined);
        row.values[at] = o.value;
        while (row.formats.length <= at) row.formats.push(undefined);
        row.formats[at] = o.format;
      }
      return r;
    },
  };
}

/** The first ranges named in the warning. */
function mergedList(sheet: string, merges: readonly MergedRange[]): string {
  const shown = merges.slice(0, 3).map((m) => `${cellRef(sheet, m.left, m.top)}:${columnLetters(m.right)}${m.bottom}`);
  return merges.length > shown.length ? `${shown.join(', ')}, …` : shown.join(', ');
}

/**
 * Text cells of the sample's number columns that read as different numbers under the two
 * decimal marks ("5.000", "1,250"): how many, and the first. Undefined when there are none.
 */
function ambiguousNumbers(rows: readonly string[][], mapping: HeaderMapping): { count: number; column: number; example: string } | undefined {
  const columns = [...mapping.fields.values(), ...mapping.unmapped];
  let found: { count: number; column: number; example: string } | undefined;
  for (const row of rows) {
    for (const i of columns) {
      const v = (row[i] ?? '').trim();
      if (!/^[-+]?\d{1,3}([.,])\d{3}$/.test(v)) continue;
      if (found) found.count++;
      else found = { count: 1, column: i, example: v };
    }
  }
  return found;
}
