import { noteInput } from '../run-inputs.js';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, promises as fsp, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { parse as parseSync } from 'csv-parse/sync';
import { DataError, InputMissingError, IoError, UsageError } from '../../errors.js';
import { headerKey, type Schema } from '../../domain/read/fields.js';
import { mapHeaders, type HeaderMapping, type MissingField } from '../../domain/read/header-map.js';
import { applyFacts, DuplicateTracker, FACT_FIELDS, rejectedPoints, rewriteFactCells, rowFacts, type DuplicateResolution, type RejectedPoints } from '../../domain/read/duplicate-ids.js';
import { createRowConverter } from '../../domain/read/row-convert.js';
import { unreadObjections } from '../../domain/read/unread-objections.js';
import type { RowChecks, ValueConventions } from '../../domain/read/row-convert.js';
import type { DateOrder } from '../../domain/parse/date.js';
import type { DecimalMark } from '../../domain/parse/number.js';
import { keyedError, noteOf, readNote, sayReadNote, type Lang, type ReadTexts, type SavedNote, messages } from '../../domain/catalogue/index.js';
import type { EpochDay, Reject } from '../../domain/types.js';
import { CsvRecordParser, MAX_RECORD_CHARS, UnclosedQuoteError, type BrokenRecord, type ParserState, type RecordSink } from './records.js';
import { createDecoder, detectEncoding, type EncodingName } from './decode.js';
import { detectConventions, detectDelimiter, type Decided } from './sniff.js';
import { registerTemp } from '../temp-cleanup.js';
import { collapseBlanks, collapseBlankStream, COLLAPSED_DELIMITER } from './whitespace.js';

/** How to read an export; anything left undefined is detected from the file. */
export interface ReadOptions {
  encoding?: EncodingName;
  delimiter?: string;
  decimal?: DecimalMark;
  dateOrder?: DateOrder;
  /** canonical field → header, overriding the aliases */
  map?: Record<string, string>;
  /** values for fields the file lacks, e.g. churn_date from --churn-date */
  fill?: Record<string, unknown>;
  /** fields are separated by runs of blanks (spaces or tabs), not by one delimiter character */
  whitespace?: boolean;
  /** the file has no header line: these are its column names, and its first line is data */
  columns?: string[];
  /** the as-of date: a churn date or start after it is rejected */
  asOf?: EpochDay;
  /** ISO code of the currency amounts are in; an amount written in another is rejected */
  currency?: string;
  /** language of rejects, warnings and data errors */
  lang?: Lang;
  /**
   * Report damage (NUL bytes, a cut-off last record) as rejects and in `damage` instead of
   * stopping with a data error: for `inspect`, which shows what is wrong with a file.
   */
  diagnose?: boolean;
  /** how to treat the lines of duplicated ids on a second reading (DuplicateTracker.resolution) */
  duplicates?: DuplicateResolution;
  /**
   * The caller reads the export again when duplicates.rerun: stdin is copied to a temporary
   * file as it is read (OpenedExport.stdinCopy; the caller removes it), and once a rerun is
   * due, rows are only counted, not handed on. Without it a later row that would win is
   * rejected like any duplicate.
   */
  reread?: boolean;
  /** the config's extra objection phrases: an objection in the reason or notes decides duplicate ids too */
  objectionPhrases?: readonly string[];
  /**
   * Lines (of a reading before) of ids that object by another of their rows: each one's contact
   * points are noted as the objector's (DuplicateTracker.unnotedObjectorLines), and what every
   * customer is planned at, as on a first reading (OpenedExport.notes).
   */
  objectorLines?: readonly number[];
  /** where national numbers are read (permission.defaultPhoneCountry): an objector's points are noted as rows are read */
  phoneCountry?: string;
  /** the worksheet of an .xlsx workbook to read (default: the first) */
  sheet?: string;
}

export interface Dialect {
  encoding: EncodingName;
  bom: boolean;
  delimiter: string;
  decimal: DecimalMark;
  dateOrder: DateOrder;
  /** where each convention came from */
  decided: { encoding: Decided; delimiter: Decided; decimal: Decided; dateOrder: Decided };
  /** the file started with Excel's `sep=` hint line */
  sepLine: boolean;
}

export type RowEvent =
  | { ok: true; line: number; values: Record<string, unknown>; warnings: string[]; cells: string[]; raw?: string }
  | { ok: false; reject: Reject; readings?: Record<string, unknown>[] };

/** Receives one row; a returned promise is awaited before the next chunk of input is read. */
export type RowVisitor = (ev: RowEvent) => Promise<void> | void | undefined;

export interface ReadStats {
  read: number;
  accepted: number;
  rejected: number;
  blankLines: number;
  bytes: number;
  /** SHA-256 of the input bytes, known once all rows were read */
  sha256: string;
  /** the first row rejected, in file order: named when more rows are rejected than the limit */
  firstReject?: Reject;
}

export interface OpenedExport {
  /** the path as given, or `-` for stdin */
  source: string;
  /** a name for messages: the path or "stdin" */
  label: string;
  dialect: Dialect;
  headers: string[];
  mapping: HeaderMapping;
  /** what the reader warns about in the file as a whole, in the run's language */
  warnings: string[];
  /** the same warnings as catalogue keys, for the files a run keeps (summary.json) */
  warningKeys: SavedNote[];
  stats: ReadStats;
  /** language of the reader's messages */
  lang: Lang;
  /** what makes the file unusable as a whole (only with `diagnose`; otherwise reading stops with a data error) */
  damage: string[];
  /** the input's size in bytes when it is a file (for progress), undefined for stdin */
  sizeBytes: number | undefined;
  /** the file's absolute path; undefined for stdin */
  path: string | undefined;
  /** the file's size and modification time when it was opened (undefined for stdin): a file that changes while it is read is refused (engine) */
  stamp?: FileStamp;
  /** how to read any piece of the file (for worker threads) */
  pieceSpec: PieceReaderSpec;
  /** rows the file will have, estimated from its size and the first rows */
  expectedRows: number | undefined;
  /**
   * Decides rows that share a customer id (schemas with unique ids): after all rows were read,
   * `rerun` says that the outputs must be made again from a reading with `resolution()`.
   */
  duplicates?: DuplicateTracker;
  /** rows are held back once duplicates.readAgain (ReadOptions.reread) */
  rereads?: boolean;
  /**
   * The duplicate tracker is told what each customer is planned at and the objectors' points
   * (permission/objector-keys.ts): on a first reading (`rereads`) and on one that notes the
   * points of ReadOptions.objectorLines.
   */
  notes?: boolean;
  /**
   * stdin copied to a temporary file as it is read (ReadOptions.reread), so that it can be
   * read a second time (duplicates.rerun); remove() deletes the copy.
   */
  stdinCopy?: { path: string; remove(): Promise<void> };
  /** closes the input without reading it (when the rows are read another way) */
  release(): void;
  /** the rows in batches, each parsed synchronously from one chunk of input (the fast way) */
  batches(): AsyncGenerator<RowEvent[]>;
  /** every row to `visit` right as it is parsed; `afterChunk` runs after each chunk of input (the fastest, flattest way) */
  eachRow(visit: RowVisitor, afterChunk?: () => void): Promise<void>;
  rows(): AsyncGenerator<RowEvent>;
}

/** A file's size and modification time, as the reader saw it when it opened the file. */
export interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * Undefined when the file is still as it was opened; else what changed. An export written while
 * it is read (a CRM still exporting, a sync overwriting it) gives rows of two versions, and a
 * later row that withdraws a consent may never be read.
 */
export async function changedSince(stamp: FileStamp): Promise<{ size: number; mtimeMs: number } | undefined> {
  const st = await fsp.stat(stamp.path).catch(() => undefined);
  if (st === undefined) return { size: -1, mtimeMs: -1 };
  return st.size === stamp.size && st.mtimeMs === stamp.mtimeMs ? undefined : { size: st.size, mtimeMs: st.mtimeMs };
}

const HEAD_BYTES = 64 * 1024;
const DECODE_PIECE = 64 * 1024;
const SEP_LINE = /^sep=(.)\r?\n?/i;

/** Opens an export (a path or `-` for stdin), detects its dialect and maps its header. */
export async function openExport(
  source: string,
  schema: Schema,
  opts: ReadOptions,
  io: { stdin: NodeJS.ReadableStream | Readable; cwd: string },
  /** the name for messages when `source` is a copy (of stdin) */
  labelAs?: string,
): Promise<OpenedExport> {
  const label = labelAs ?? (source === '-' ? 'stdin' : source);
  const file = source === '-' ? undefined : await openFile(resolve(io.cwd, source), label, opts.lang);
  const stream = file ? file.stream : io.stdin;
  const size = file?.size;
  const chunks = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const { head, done } = await readHead(chunks, label);
  if (head.length === 0) throw new DataError(messages(opts.lang).read.texts.fileEmpty(label), messages(opts.lang).read.texts.fileEmptyHint);
  const detected = opts.encoding ? { encoding: opts.encoding, bom: false } : detectEncoding(head, done);
  const headDecoder = createDecoder(detected.encoding);
  let headText = headDecoder.write(head);
  const sep = SEP_LINE.exec(headText);
  if (sep) headText = headText.slice(sep[0].length);
  if (opts.whitespace) headText = collapseBlanks(headText);
  const delimiter = opts.whitespace ? COLLAPSED_DELIMITER : (opts.delimiter ?? (sep?.[1] as string | undefined) ?? detectDelimiter(headText));
  const parsed = parseSample(headText, delimiter, done);
  const hasHeader = opts.columns === undefined;
  // Without a header line the names come from the caller and every line is data.
  let sample = hasHeader ? parsed : [opts.columns as string[], ...parsed];
  const t0 = messages(opts.lang).read.texts;
  // A title (or a note) above the header, as Excel users write one: a later record of the first
  // ten that names every required column is the header, the records above it are passed over.
  const titleRecords = hasHeader ? titleRecordsAbove(sample, schema, opts, t0) : 0;
  const groups = titleRecords > 0 ? sample[titleRecords - 1] : undefined;
  if (titleRecords > 0) sample = sample.slice(titleRecords);
  const headers = withGroupNames((sample[0] ?? []).map((h) => h.trim()), groups, schema);
  if (headers.length === 0 || headers.every((h) => h === '')) {
    throw new DataError(messages(opts.lang).read.texts.noHeader(label), messages(opts.lang).read.texts.noHeaderHint);
  }
  const overrides = opts.map ?? {};
  const t = messages(opts.lang).read.texts;
  const { mapping, missing, badOverrides, duplicates: twins, ambiguous } = mapHeaders(headers, schema, overrides, t);
  if (badOverrides.length > 0 || ambiguous.length > 0) {
    const problems = [...badOverrides, ...ambiguous.map((a) => t.ambiguousMap(a.field, a.header, a.columns))];
    throw new UsageError(t.mapNotApplied(label, problems.join('; ')), t.headersFound(headers.join(', ')));
  }
  const twin = twins[0];
  if (twin) throw new DataError(t.duplicateHeader(label, twin.field, twin.header, twin.columns), t.duplicateHeaderHint(twin.field, twin.columns));
  const stillMissing = missing.filter((m) => !m.fields.some((f) => opts.fill?.[f] !== undefined));
  if (stillMissing.length > 0) {
    throw missingColumnsError(label, headers, stillMissing, schema.kind, t);
  }
  // A file whose rows end in separators its header does not have ("a;b;c;" under "A;B;C"): those empty cells are nothing.
  const conventions = { ...detectConventions(sample.slice(1), mapping, schema, delimiter, opts), rowWidth: rowWidthOf(sample.slice(1), headers) };
  const dialect: Dialect = {
    encoding: detected.encoding,
    bom: detected.bom,
    delimiter,
    decimal: conventions.decimal,
    dateOrder: conventions.dateOrder,
    decided: {
      encoding: { key: opts.encoding ? 'flag' : detected.bom ? 'bom' : 'detected', args: [] },
      delimiter: { key: opts.whitespace ? 'flagBlanks' : opts.delimiter ? 'flag' : sep ? 'sepLine' : 'detected', args: [] },
      decimal: conventions.decimalSource,
      dateOrder: conventions.dateOrderSource,
    },
    sepLine: Boolean(sep),
  };
  const stats: ReadStats = { read: 0, accepted: 0, rejected: 0, blankLines: 0, bytes: 0, sha256: '' };
  const title = titleRecords > 0 ? titleNote(headText, titleRecords, sep ? 1 : 0) : undefined;
  const warningKeys = [...(title ? [title] : []), ...mapping.notes, ...conventions.notes, ...unreadObjections(headers, sample.slice(1), mapping, schema)];
  // A forced encoding that does not fit turns umlauts into replacement characters: say so.
  if (opts.encoding && headText.includes('\ufffd')) {
    warningKeys.push(readNote('badEncoding', opts.encoding));
  }
  const warnings = warningKeys.map((note) => sayReadNote(t, note));
  const checks: RowChecks = { ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}), ...(opts.currency !== undefined ? { currency: opts.currency } : {}), lang: opts.lang ?? 'en' };
  const convert = createRowConverter(headers, mapping, schema, conventions, opts.fill, checks);
  const idIndex = mapping.fields.get('customer_id');
  const idHeader = idIndex === undefined ? 'customer_id' : (headers[idIndex] as string);
  const stdinCopy = source === '-' && opts.reread ? createCopy() : undefined;
  const decoded = decodeAll(head, chunks, detected.encoding, stats, label, stdinCopy?.write);
  // Dropped by release(): the decoder holds the first megabytes read and the stream its buffered chunk.
  let input: Readable | undefined = stream as Readable;
  let text: AsyncGenerator<string> = opts.whitespace ? collapseBlankStream(decoded) : decoded;
  const expectedRows = estimateRows(size, head.length, sample.length, done);
  const damage: string[] = [];
  const dateAt = mapping.fields.get('last_modified');
  // Sized for the whole file up front: growing the index would briefly hold it twice.
  const duplicates = schema.uniqueId ? new DuplicateTracker(expectedRows, dateAt === undefined ? undefined : headers[dateAt], t, opts.phoneCountry) : undefined;
  const phrases = opts.objectionPhrases ?? NO_PHRASES;
  const setup: StreamSetup = {
    delimiter, hasHeader, titleRecords, lineOffset: sep ? 1 : 0, convert, duplicates, reread: opts.reread === true, resolution: opts.duplicates, phrases,
    ...objectorLinesOf(opts, duplicates),
    // Only readers that can read again decide by consent and date; the others keep the first row of an id.
    byFacts: opts.reread === true || opts.duplicates !== undefined,
    factColumns: FACT_FIELDS.map((f) => mapping.fields.get(f)), stats, label, idHeader, width: headers.length, rowWidth: conventions.rowWidth,
    headers, idIndex, texts: t, nul: { seen: false }, diagnose: opts.diagnose === true, damage,
  };
  const batches = () => streamBatches(text, setup);
  const path = file ? resolve(io.cwd, source) : undefined;
  const pieceSpec: PieceReaderSpec = {
    label, encoding: detected.encoding, delimiter, headers, mapping, conventions, fill: opts.fill, idHeader, checks, objectionPhrases: phrases,
    ...(opts.duplicates ? { resolution: opts.duplicates } : {}),
    ...(opts.objectorLines ? { objectorLines: opts.objectorLines } : {}),
    ...(titleRecords > 0 ? { titleRecords } : {}),
  };
  return {
    source: labelAs === 'stdin' ? '-' : source, label, dialect, headers, mapping, warnings, warningKeys, stats, lang: checks.lang ?? 'en', damage,
    sizeBytes: size,
    path,
    ...(file && path ? { stamp: { path, size: file.size, mtimeMs: file.mtimeMs } } : {}),
    pieceSpec,
    expectedRows,
    duplicates,
    rereads: opts.reread === true,
    notes: opts.reread === true || opts.objectorLines !== undefined,
    ...(stdinCopy ? { stdinCopy: { path: stdinCopy.path, remove: stdinCopy.remove } } : {}),
    release: () => {
      input?.destroy?.();
      // Read in pieces from here on (src/engine/): what this reading had read is garbage now.
      input = undefined;
      text = released(label);
    },
    batches,
    eachRow: (visit, afterChunk) => visitRows(text, setup, visit, afterChunk),
    rows: async function* rows() {
      for await (const batch of batches()) yield* batch;
    },
  };
}

/** What is left to read of an export once it is released: nothing (reading it is a bug). */
async function* released(label: string): AsyncGenerator<string> {
  yield* [];
  throw new Error(`${label}: read after release()`);
}

async function openFile(path: string, label: string, lang?: Lang): Promise<{ stream: Readable; size: number; mtimeMs: number }> {
  let size = 0;
  let mtimeMs = 0;
  try {
    const st = await fsp.stat(path);
    size = st.size;
    mtimeMs = st.mtimeMs;
    if (st.isDirectory()) throw new InputMissingError(messages(lang).read.texts.isDirectory(label));
    await fsp.access(path);
  } catch (err) {
    if (err instanceof InputMissingError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputMissingError(messages(lang).read.texts.noSuchFile(label), messages(lang).read.texts.noSuchFileHint);
    throw new InputMissingError(messages(lang).read.texts.cannotRead(label, code ?? 'error'), messages(lang).read.texts.cannotReadHint);
  }
  // No output of this run may replace it (io/run-inputs.ts).
  noteInput(path, label, lang);
  return { stream: createReadStream(path, { highWaterMark: 1 << 20 }), size, mtimeMs };
}

async function readHead(chunks: AsyncIterator<Buffer | string>, label: string): Promise<{ head: Buffer; done: boolean }> {
  const parts: Buffer[] = [];
  let size = 0;
  try {
    while (size < HEAD_BYTES) {
      const next = await chunks.next();
      if (next.done) return { head: Buffer.concat(parts), done: true };
      const buf = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      parts.push(buf);
      size += buf.length;
    }
  } catch (err) {
    throw keyedError((m) => new IoError(m), noteOf('files', { key: 'readFailed', args: [label, (err as Error).message] }));
  }
  return { head: Buffer.concat(parts), done: false };
}

/**
 * A two-level header, as Excel writes merged group cells above the names ("Stammdaten" over
 * "E-Mail;Telefon", "Einwilligung" over "E-Mail;Telefon;Post"): a name that repeats one further
 * left is given its group's name in front ("Einwilligung Post"), so the consent columns are read
 * as consents, not passed over as a second address; the other names of that group too ("Post"),
 * unless a field reads the name as it is ("Werbewiderspruch" stays). A merged cell fills the
 * columns to its right until the next group. The names of a group without a repeat stay as they are.
 */
export function withGroupNames(headers: string[], groups: readonly string[] | undefined, schema: Pick<Schema, 'fields'>): string[] {
  // A group row names two groups or more; one cell is a title ("Kundenexport Dezember"), not a group.
  if (groups === undefined || groups.filter((g) => g.trim() !== '').length < 2) return headers;
  let group = '';
  const groupOf = headers.map((_h, i) => {
    const g = (groups[i] ?? '').trim();
    if (g !== '') group = g;
    return group;
  });
  const seen = new Set<string>();
  const repeating = new Set<string>();
  headers.forEach((name, i) => {
    const key = name.toLowerCase();
    if (name !== '' && seen.has(key) && groupOf[i] !== '') repeating.add(groupOf[i] as string);
    seen.add(key);
  });
  const known = new Set(schema.fields.flatMap((f) => [f.name, ...f.aliases].map(headerKey)));
  const counted = new Set<string>();
  return headers.map((name, i) => {
    const key = name.toLowerCase();
    const repeat = counted.has(key);
    counted.add(key);
    if (name === '' || !repeating.has(groupOf[i] as string)) return name;
    return repeat || !known.has(headerKey(name)) ? `${groupOf[i] as string} ${name}` : name;
  });
}

/**
 * How many records of the sample stand above the header: 0 when the first names every required
 * column (or --fill gives it), else the place of the first of the next ten that does — else 0,
 * and the first record's missing columns are reported.
 */
function titleRecordsAbove(sample: readonly string[][], schema: Schema, opts: ReadOptions, t: ReadTexts): number {
  const complete = (row: readonly string[]) => mapHeaders(row.map((h) => h.trim()), schema, opts.map ?? {}, t).missing.every((m) => m.fields.some((f) => opts.fill?.[f] !== undefined));
  if (sample[0] === undefined || complete(sample[0])) return 0;
  const at = sample.slice(1, 11).findIndex(complete);
  return at < 0 ? 0 : at + 1;
}

/** The warning for `records` title records: their lines and the header's (empty lines, as the sample, skipped). */
function titleNote(headText: string, records: number, lineOffset: number): SavedNote {
  const lines = headText.split(/\r\n|\n|\r/);
  let seen = 0;
  let header = 0;
  while (header < lines.length && (lines[header] === '' || seen++ < records)) header++;
  return readNote('csvTitleRows', 1 + lineOffset, header + lineOffset, header + 1 + lineOffset);
}

function parseSample(text: string, delimiter: string, complete: boolean): string[][] {
  const cut = complete ? text : text.slice(0, Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1);
  try {
    return parseSync(cut, { delimiter, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true });
  } catch {
    // A quote left open in the sample: fall back to its first line, the header.
    const firstLine = cut.split(/\r\n|\n|\r/)[0] ?? '';
    try {
      return parseSync(firstLine, { delimiter, relax_quotes: true, bom: true });
    } catch {
      return [firstLine.split(delimiter)];
    }
  }
}

const NO_PHRASES: readonly string[] = [];

/** A temporary file that receives the bytes of stdin as they are read (see OpenedExport.stdinCopy). */
function createCopy(): { path: string; write: (buf: Buffer) => void; remove: () => Promise<void> } {
  const failed = (at: string, err: unknown) => {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    return keyedError((m, h) => new IoError(m, h), noteOf('files', { key: 'stdinCopyFailed', args: [at, code, (err as Error).message] }), noteOf('files', { key: 'stdinCopyHint', args: [] }));
  };
  let dir: string;
  try {
    dir = mkdtempSync(join(tmpdir(), 'winback-stdin-'));
  } catch (err) {
    throw failed(tmpdir(), err);
  }
  const forget = registerTemp(dir);
  const path = join(dir, 'export.csv');
  const fd = openSync(path, 'w');
  let open = true;
  return {
    path,
    write: (buf) => {
      try {
        writeSync(fd, buf);
      } catch (err) {
        throw failed(dir, err);
      }
    },
    remove: async () => {
      if (open) closeSync(fd);
      open = false;
      await fsp.rm(dir, { recursive: true, force: true });
      forget();
    },
  };
}

async function* decodeAll(head: Buffer, rest: AsyncIterator<Buffer | string>, encoding: EncodingName, stats: ReadStats, label: string, copy?: (buf: Buffer) => void): AsyncGenerator<string> {
  const hash = createHash('sha256');
  const decoder = createDecoder(encoding);
  let first = true;
  const take = (buf: Buffer): string => {
    copy?.(buf);
    hash.update(buf);
    stats.bytes += buf.length;
    let text = decoder.write(buf);
    if (first) {
      first = false;
      const sep = SEP_LINE.exec(text);
      if (sep) text = text.slice(sep[0].length);
    }
    return text;
  };
  // Read in megabytes, decode in 64 KiB pieces: big reads keep the disk busy, small strings
  // die young in the collector's nursery (a megabyte string would go to the old generation).
  for (let at = 0; at < head.length; at += DECODE_PIECE) {
    const text = take(head.subarray(at, at + DECODE_PIECE));
    if (text) yield text;
  }
  for (;;) {
    let next: IteratorResult<Buffer | string>;
    try {
      next = await rest.next();
    } catch (err) {
      throw keyedError((m) => new IoError(m), noteOf('files', { key: 'readFailed', args: [label, (err as Error).message] }));
    }
    if (next.done) break;
    const buf = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    for (let at = 0; at < buf.length; at += DECODE_PIECE) {
      const text = take(buf.subarray(at, at + DECODE_PIECE));
      if (text) yield text;
    }
  }
  const tail = decoder.end();
  if (tail) yield tail;
  stats.sha256 = hash.digest('hex');
}

interface StreamSetup {
  delimiter: string;
  /** the first record is the header (false when the caller named the columns) */
  hasHeader?: boolean;
  /** records with text above the header (a title), passed over */
  titleRecords: number;
  lineOffset: number;
  convert: ReturnType<typeof createRowConverter>;
  /** duplicate ids are decided here (undefined: left to the caller, or the schema allows them) */
  duplicates: DuplicateTracker | undefined;
  /** rows are only counted once a second reading is due (ReadOptions.reread) */
  reread: boolean;
  /** what a second reading does with lines of duplicated ids */
  resolution: DuplicateResolution | undefined;
  /** lines whose contact points are an objector's though their own facts do not object (ReadOptions.objectorLines) */
  objectorLines?: ReadonlySet<number>;
  /** notes the contact points of a line in objectorLines (the tracker, or a worker's result) */
  noteObjectorLine?: (line: number, values: Readonly<Record<string, unknown>>) => void;
  /** the config's extra objection phrases (rowFacts) */
  phrases: readonly string[];
  /** duplicate ids are decided by consent, objection and date (rowFacts), not by the first row alone */
  byFacts: boolean;
  /** the column of each FACT_FIELDS field, for rewriting a merged row's cells */
  factColumns: readonly (number | undefined)[];
  stats: ReadStats;
  label: string;
  idHeader: string;
  /** fields of the header row */
  width: number;
  /** how many cells the file's rows have (ValueConventions.rowWidth): the header's, more or fewer */
  rowWidth: number;
  headers: readonly string[];
  idIndex: number | undefined;
  texts: ReadTexts;
  /** NUL characters were seen in the text so far (only then are records searched for them) */
  nul: { seen: boolean };
  /** damage becomes rejects and `damage` entries instead of a data error */
  diagnose: boolean;
  damage: string[];
}

/** Turns decoded text into row events, synchronously, record by record. */
function rowPump(s: StreamSetup, emit: (ev: RowEvent) => void) {
  const parser = new CsvRecordParser(s.delimiter, { firstLine: 1 + s.lineOffset, width: s.width });
  const records = recordVisitor(s, s.hasHeader === false ? 0 : 1 + s.titleRecords, emit);
  return {
    push: (chunk: string) => {
      if (!s.nul.seen && chunk.indexOf('\0') >= 0) s.nul.seen = true;
      guard(s, () => parser.push(chunk, records.sink));
    },
    end: () => {
      guard(s, () => parser.end(records.sink));
      if (records.inHeader() > 0 || s.stats.read === 0) throw noDataRows(s.label, s.texts);
    },
  };
}

/**
 * Handles each parsed record: skips the header (when `header`) and blank lines, emits a row
 * event; a broken record (a stray quote, too long) becomes a reject; damage (NUL characters,
 * a cut-off last record) stops the read, or with `diagnose` becomes a reject too.
 */
/**
 * The sink of a reading's records: `pending` records with text are passed over first (title
 * records above the header, counted as blank lines, then the header; an empty line among them is
 * a blank line, as the sample that found the header skipped it), then each record becomes a row.
 */
function recordVisitor(s: StreamSetup, pending: number, emit: (ev: RowEvent) => void): { inHeader: () => number; sink: RecordSink } {
  const { stats } = s;
  // The last cell of a row under a column with a name (not a trailing separator's, not a blank header's).
  let lastField = Math.min(s.rowWidth, s.width) - 1;
  while (lastField > 0 && (s.headers[lastField] ?? '').trim() === '') lastField--;
  const sink: RecordSink = {
    record(cells, line, raw, unterminated) {
      if (pending > 0) {
        if (cells.length === 1 && cells[0] === '') stats.blankLines++;
        else if (--pending > 0) stats.blankLines++;
        return;
      }
      if (s.nul.seen && hasNul(cells, raw)) return damaged(s, emit, cells, line, unterminated ? 'cut_nul' : 'nul');
      if (isBlank(cells)) {
        stats.blankLines++;
        return;
      }
      if (unterminated && cells.length < s.rowWidth) return damaged(s, emit, cells, line, 'cut');
      stats.read++;
      // The file's last record, without a line break after it, whose last field is empty: a copy cut off right after
      // a separator ("…,yes" arrived as "…,") looks so, and that field may have said the customer objected.
      const cut = unterminated && cells.length === s.rowWidth && lastField > 0 && (cells[lastField] as string).trim() === '';
      const ev = rowEvent(s, cells, line, raw, cut);
      if (ev !== undefined) emit(ev);
    },
    broken(b) {
      if (pending > 0) throw new DataError(s.texts.headerQuote(s.label), s.texts.truncatedHint);
      if (s.nul.seen && hasNul(b.cells, undefined)) return damaged(s, emit, b.cells, b.line, b.kind === 'unclosed' ? 'cut_nul' : 'nul');
      // A quote left open on the file's last line is a stray quote; left open for more lines, the file is cut off.
      if (b.kind === 'unclosed' && !(b.lineEnded && b.openLine === b.lastLine)) return damaged(s, emit, b.cells, b.openLine, 'unclosed');
      stats.read++;
      const reject = brokenReject(s, b);
      countReject(stats, reject);
      rejectedId(s, reject);
      emit({ ok: false, reject });
    },
  };
  return { inHeader: () => pending, sink };
}

type Damage = 'nul' | 'cut' | 'cut_nul' | 'unclosed';

/** Stops the read with a data error, or (diagnose) notes the damage and rejects the record. */
function damaged(s: StreamSetup, emit: (ev: RowEvent) => void, cells: readonly string[], line: number, kind: Damage): void {
  const t = s.texts;
  const message = kind === 'nul' ? t.nulFile(s.label, line) : kind === 'unclosed' ? t.unclosedFile(s.label, line) : t.truncatedFile(s.label, line, kind === 'cut_nul');
  if (!s.diagnose) throw new DataError(message + t.nothingWritten, kind === 'nul' ? t.nulHint : t.truncatedHint);
  if (s.damage.length < 10) s.damage.push(message);
  s.stats.read++;
  const id = s.idIndex === undefined ? '' : (cells[s.idIndex] ?? '').replace(/\0/g, '').trim();
  const reject = { line, customer_id: id.slice(0, 60), column: '', value: '', error: kind === 'nul' ? t.nulInRow : kind === 'cut_nul' ? t.cutOffNul : t.cutOff };
  countReject(s.stats, reject);
  rejectedId(s, reject);
  emit({ ok: false, reject });
}

function hasNul(cells: readonly string[], raw: string | undefined): boolean {
  if (raw !== undefined) return raw.indexOf('\0') >= 0;
  for (const c of cells) if (c.indexOf('\0') >= 0) return true;
  return false;
}

/** The reject of a record the parser could not read as one. */
function brokenReject(s: StreamSetup, b: BrokenRecord): Reject {
  const t = s.texts;
  const column = b.column >= 0 ? (s.headers[b.column] ?? `#${b.column + 1}`) : '';
  const idCell = s.idIndex !== undefined && s.idIndex !== b.column ? (b.cells[s.idIndex] ?? '') : '';
  const value = b.column >= 0 ? (b.cells[b.column] ?? '') : '';
  const error =
    b.kind === 'too_long' ? t.tooLong(b.chars, b.line, b.lastLine, MAX_RECORD_CHARS)
    : b.kind === 'unclosed' ? t.unclosedLastLine(column)
    : t.strayQuote(column, b.openLine, b.rowLine, b.linesAfter ? b.lastLine + 1 : 0);
  return { line: b.line, customer_id: idCell.trim().slice(0, 60), column, value: value.length > 60 ? `${value.slice(0, 60)}…` : value, error };
}

function guard(s: StreamSetup, run: () => void): void {
  try {
    run();
  } catch (err) {
    throw csvSyntaxError(err, s.label, s.lineOffset, s.texts);
  }
}

/** The error for an export whose header is followed by no row. */
export function noDataRows(label: string, t: ReadTexts = messages('en').read.texts): DataError {
  return new DataError(t.noDataRows(label), t.noDataRowsHint);
}

/**
 * What it takes to read rows from any piece of an opened export, in plain data that can be
 * sent to a worker thread (src/engine/parallel-plan.ts).
 */
export interface PieceReaderSpec {
  label: string;
  encoding: EncodingName;
  delimiter: string;
  headers: string[];
  mapping: HeaderMapping;
  conventions: ValueConventions;
  fill: Record<string, unknown> | undefined;
  idHeader: string;
  checks: RowChecks;
  /** the config's extra objection phrases (rowFacts) */
  objectionPhrases?: readonly string[];
  /** what a second reading does with lines of duplicated ids */
  resolution?: DuplicateResolution;
  /** lines whose contact points are an objector's (ReadOptions.objectorLines): the planner notes them (createPieceReader's noteObjectorLine) */
  objectorLines?: readonly number[];
  /** records with text above the header (a title), passed over (openExport) */
  titleRecords?: number;
}

export interface PieceOptions {
  /** the piece starts the file: a byte-order mark and a `sep=` line are dropped */
  first: boolean;
  /** records with text still to pass over before the rows: title records and the header (0: rows from the first) */
  header: number;
  /** the piece ends the file */
  final: boolean;
  /** the unfinished record the previous piece ended with (the parser's state) */
  prefix?: ParserState;
}

/**
 * Reads the rows of one piece of an export: text that starts at a record boundary (`first`:
 * the start of the file, with its byte-order mark, `sep=` line and header). Rows are checked
 * and converted exactly as when the file is read as a whole, except that duplicate ids are
 * left to the caller, who sees all pieces in order.
 */
export function createPieceReader(spec: PieceReaderSpec, schema: Schema, noteObjectorLine?: StreamSetup['noteObjectorLine']) {
  const convert = createRowConverter(spec.headers, spec.mapping, schema, spec.conventions, spec.fill, spec.checks);
  const stats: ReadStats = { read: 0, accepted: 0, rejected: 0, blankLines: 0, bytes: 0, sha256: '' };
  const texts = messages(spec.checks.lang).read.texts;
  const idIndex = spec.mapping.fields.get('customer_id');
  const factColumns = FACT_FIELDS.map((f) => spec.mapping.fields.get(f));
  const objectorLines = spec.objectorLines && noteObjectorLine ? { objectorLines: new Set(spec.objectorLines), noteObjectorLine } : {};
  return {
    stats,
    /**
     * Emits the rows of the piece's text — one string, or its parts one after the other —
     * whose first character is on `line` (or goes on with `opts.prefix`, the unfinished record
     * of the piece before); returns the parser's state at its end (undefined when the piece
     * ends at a record boundary) unless `final`.
     */
    read(
      text: string | Iterable<string>,
      line: number,
      opts: PieceOptions,
      emit: (ev: RowEvent) => void,
    ): { rest: ParserState | undefined; headerPending: number } {
      const parts = (typeof text === 'string' ? [text] : text)[Symbol.iterator]();
      let first = parts.next().value ?? '';
      let lineOffset = 0;
      if (opts.first) {
        const sep = SEP_LINE.exec(first);
        if (sep) {
          first = first.slice(sep[0].length);
          lineOffset = 1;
        }
      }
      const s: StreamSetup = {
        delimiter: spec.delimiter, titleRecords: 0, lineOffset, convert, duplicates: undefined, reread: false, resolution: spec.resolution, ...objectorLines, phrases: spec.objectionPhrases ?? NO_PHRASES, byFacts: false, factColumns,
        stats, label: spec.label, idHeader: spec.idHeader,
        width: spec.headers.length, rowWidth: spec.conventions.rowWidth ?? spec.headers.length, headers: spec.headers, idIndex, texts, nul: { seen: opts.prefix !== undefined && stateHasNul(opts.prefix) }, diagnose: false, damage: [],
      };
      const parser = new CsvRecordParser(spec.delimiter, { firstLine: line + lineOffset, atStart: opts.first, width: spec.headers.length, ...(opts.prefix ? { resume: opts.prefix } : {}) });
      const records = recordVisitor(s, opts.header, emit);
      const push = (part: string) => {
        if (!s.nul.seen && part.indexOf('\0') >= 0) s.nul.seen = true;
        parser.push(part, records.sink);
      };
      guard(s, () => {
        push(first);
        for (let part = parts.next(); part.done !== true; part = parts.next()) push(part.value);
        if (opts.final) parser.end(records.sink);
      });
      return { rest: parser.snapshot(), headerPending: records.inHeader() };
    },
  };
}

function stateHasNul(state: ParserState): boolean {
  const { tail, rec } = state;
  return tail.indexOf('\0') >= 0 || (rec !== undefined && (rec.field.indexOf('\0') >= 0 || hasNul(rec.cells, undefined)));
}

/** The rows of each decoded chunk (about a megabyte), parsed synchronously, as one batch. */
async function* streamBatches(text: AsyncGenerator<string>, s: StreamSetup): AsyncGenerator<RowEvent[]> {
  let batch: RowEvent[] = [];
  const pump = rowPump(s, (ev) => void batch.push(ev));
  for await (const chunk of text) {
    pump.push(chunk);
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  pump.end();
  if (batch.length > 0) yield batch;
}

/**
 * Hands every row to `visit` as soon as it is parsed, so that a row's objects die young
 * (memory stays flat). Promises `visit` returns are awaited after each chunk, in order.
 */
async function visitRows(text: AsyncGenerator<string>, s: StreamSetup, visit: RowVisitor, afterChunk?: () => void): Promise<void> {
  const pending: Promise<void>[] = [];
  const pump = rowPump(s, (ev) => {
    const p = visit(ev);
    if (p) pending.push(p);
  });
  const settle = async () => {
    if (pending.length === 0) return;
    const all = pending.splice(0);
    for (const p of all) await p;
  };
  for await (const chunk of text) {
    pump.push(chunk);
    await settle();
    afterChunk?.();
  }
  pump.end();
  await settle();
  afterChunk?.();
}

const MAX_PRESIZED_ROWS = 8_000_000;

function estimateRows(size: number | undefined, headBytes: number, headRows: number, complete: boolean): number | undefined {
  if (size === undefined || complete || headRows < 2) return undefined;
  return Math.min(MAX_PRESIZED_ROWS, Math.ceil((size / headBytes) * headRows));
}

/** The event of one record; undefined once the run is to be repeated (DuplicateTracker.readAgain, with `reread`): its rows only count then. */
function rowEvent(s: StreamSetup, cells: string[], line: number, raw: string | undefined, cut = false): RowEvent | undefined {
  // Only records with quotes can swallow others; quote-free records come with their raw text.
  const swallowed = raw === undefined ? swallowedRecords(cells, s.delimiter, s.width) : 0;
  if (swallowed > 0) {
    const reject = { line, customer_id: (cells[s.idIndex ?? 0] ?? '').trim().slice(0, 60), column: '', value: '', error: s.texts.swallowed(swallowed) };
    countReject(s.stats, reject);
    rejectedId(s, reject);
    return { ok: false, reject };
  }
  const row = s.convert(cells, line);
  if (!row.ok) {
    countReject(s.stats, row.reject);
    rejectedId(s, row.reject, row.readings);
    return row;
  }
  // A person decides about a row that may have been cut off (CustomerRow.cut_off).
  if (cut) row.values.cut_off = true;
  return decideId(s, row, cells, line, raw);
}

/**
 * How many cells the file's rows have: the header's count, unless most of the sample's rows
 * (at least half) have another — more, whose extra cells are empty (a writer that ends every row
 * in a separator), or fewer, where the header ends in blank names (only the header ends in a
 * separator). A record of any other length is one with a separator inside a value (an
 * unquoted "Müller, Hans") or one left out, its cells moved a column — rejected for its field
 * count, not read shifted, whatever the header says (row-convert.ts).
 */
export function rowWidthOf(rows: readonly (readonly string[])[], headers: readonly string[]): number {
  const width = headers.length;
  let namedWidth = width;
  while (namedWidth > 0 && (headers[namedWidth - 1] as string).trim() === '') namedWidth--;
  const counts = new Map<number, number>();
  let filled = 0;
  for (const row of rows) {
    if (row.every((c) => c.trim() === '')) continue;
    filled++;
    if (row.length === width || row.length < namedWidth || row.slice(width).some((c) => c.trim() !== '')) continue;
    counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  }
  let best = width;
  let most = 0;
  for (const [length, n] of counts) if (n > most) [best, most] = [length, n];
  return most > 0 && most * 2 >= filled ? best : width;
}

/** ReadOptions.objectorLines for a reader on this thread: their points go to the export's tracker. */
export function objectorLinesOf(opts: Pick<ReadOptions, 'objectorLines'>, duplicates: DuplicateTracker | undefined): Pick<StreamSetup, 'objectorLines' | 'noteObjectorLine'> {
  if (opts.objectorLines === undefined || duplicates === undefined) return {};
  return { objectorLines: new Set(opts.objectorLines), noteObjectorLine: (line, values) => duplicates.seeObjectorLine(line, values) };
}

/** What deciding duplicate ids needs of a reader (CSV and workbook alike). */
export type IdDecision = Pick<StreamSetup, 'duplicates' | 'reread' | 'resolution' | 'objectorLines' | 'noteObjectorLine' | 'phrases' | 'byFacts' | 'factColumns' | 'stats' | 'idHeader'>;

type ConvertedOk = Extract<ReturnType<ReturnType<typeof createRowConverter>>, { ok: true }>;

/**
 * The one decision on a converted row whose id other rows may share: dropped or merged by a
 * second reading's resolution, superseded (rejected, naming the row used), held back once a
 * second reading is due, or accepted. Both readers (CSV, workbook) come through here.
 */
export function decideId(s: IdDecision, row: ConvertedOk, cells: string[], line: number, raw: string | undefined): RowEvent | undefined {
  const id = row.values.customer_id as string | undefined;
  const action = s.resolution?.get(line);
  // A row of an id that objects by another of its rows: its points are the objector's, used or dropped (objector-keys.ts).
  if (s.objectorLines?.has(line)) s.noteObjectorLine?.(line, row.values);
  if (action?.drop) return { ok: false, reject: countReject(s.stats, supersededReject(id ?? '', line, action.message, s.idHeader)) };
  let text = raw;
  if (action && action.note !== '') {
    // The row's cells show the merged values too (plan.csv echoes them; a report re-reads them).
    if (rewriteFactCells(cells, s.factColumns, rowFacts(row.values, s.phrases), action.facts)) text = undefined;
    applyFacts(row.values, action.facts);
    row.warnings.push(action.note);
  }
  if (action?.review) row.values.other_row_rejected = action.review;
  const facts = s.byFacts ? rowFacts(row.values, s.phrases) : 0;
  // An objector's points, from every row that says so (used, superseded or only counted): objector-keys.ts.
  if (s.reread && s.duplicates) s.duplicates.seeObjectorRow(line, facts, row.values);
  const verdict = s.duplicates && id !== undefined ? s.duplicates.see(id, line, facts, s.byFacts ? (row.values.last_modified as number | undefined) : undefined) : undefined;
  if (s.reread && s.duplicates?.readAgain) return undefined;
  if (verdict) return { ok: false, reject: countReject(s.stats, supersededReject(id ?? '', line, verdict.message, s.idHeader)) };
  s.stats.accepted++;
  return { ok: true, line, values: row.values, warnings: row.warnings, cells, raw: text };
}

/**
 * A row rejected (a bad cell, a record the parser could not read as one), on a reading that can
 * be repeated: the tracker sends the row of its id that is used to a person
 * (DuplicateTracker.seeRejected). On one thread and on workers alike.
 */
export function rejectedId(s: Pick<IdDecision, 'duplicates' | 'reread' | 'phrases'>, r: Reject, readings?: Record<string, unknown>[]): void {
  if (s.reread && s.duplicates) s.duplicates.seeRejected(r.customer_id, r.line, r.column, rejectedPoints(readings, s.phrases, s.duplicates.phoneCountry));
}

/**
 * A rejected row read on a worker thread: the main thread's tracker is told its points
 * (PieceResult.rejectPoints), as rejectedId tells it on one thread.
 */
export function rejectedIdFromWorker(dup: { duplicates: DuplicateTracker; reread: boolean }, r: Reject, points: RejectedPoints | undefined): void {
  if (dup.reread) dup.duplicates.seeRejected(r.customer_id, r.line, r.column, points);
}

/** Counts a rejected row in `stats`, keeping the first (ReadStats.firstReject); returns it. */
export function countReject(stats: ReadStats, reject: Reject): Reject {
  stats.rejected++;
  stats.firstReject ??= reject;
  return reject;
}

/** The reject of a row whose id another row has, the one used (`message`: DuplicateTracker's why). */
export function supersededReject(id: string, line: number, message: string, idHeader: string): Reject {
  return { line, customer_id: id, column: idHeader, value: id, error: message };
}

/**
 * Lines inside the record's fields that carry as many delimiters as a whole row: the sign of
 * a quote left open, which makes csv-parse-style readers fold the next rows into one field.
 */
function swallowedRecords(cells: string[], delimiter: string, width: number): number {
  const needed = Math.max(3, width - 1);
  let found = 0;
  for (const cell of cells) {
    if (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) continue;
    const lines = cell.split(/\r\n|\n|\r/);
    for (let i = 1; i < lines.length; i++) if ((lines[i] as string).split(delimiter).length - 1 >= needed) found++;
  }
  return found;
}

function isBlank(cells: string[]): boolean {
  const first = cells[0] as string;
  // Most rows start with a visible character: no trimming needed to know they are not blank.
  if (first.length > 0 && first.charCodeAt(0) > 32 && first.charCodeAt(0) !== 0xa0 && first.charCodeAt(0) !== 0xfeff) return false;
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

function csvSyntaxError(err: unknown, label: string, lineOffset: number, t: ReadTexts): Error {
  if (err instanceof DataError || err instanceof IoError) return err;
  if (err instanceof UnclosedQuoteError) {
    return new DataError(t.unclosedQuote(label, err.openedAt), t.unclosedQuoteHint);
  }
  const e = err as { code?: string; lines?: number; message?: string };
  if (typeof e.code === 'string' && e.code.startsWith('CSV_')) {
    const line = e.lines !== undefined ? e.lines + lineOffset : null;
    return new DataError(t.csvSyntax(label, line, e.code === 'CSV_QUOTE_NOT_CLOSED' ? null : (e.message ?? e.code)), t.csvSyntaxHint);
  }
  return err instanceof Error ? err : new Error(String(err));
}

/** Cells of a first line that are values, not names: an e-mail address, a phone number, a date, an amount. */
const DATA_CELL = /^\S+@\S+\.\S+$|^[+(]?\d[\d\s()/.-]{6,}$|^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|^-?\d+(?:[.,]\d+)?$/;

/** True when a would-be header line holds an e-mail address, or two or more values (a line of data). */
export function looksLikeData(headers: readonly string[]): boolean {
  let values = 0;
  for (const h of headers) {
    const cell = h.trim();
    if (cell.includes('@') && DATA_CELL.test(cell)) return true;
    if (DATA_CELL.test(cell) && ++values >= 2) return true;
  }
  return false;
}

export function missingColumnsError(label: string, headers: string[], missing: MissingField[], kind: string, t: ReadTexts = messages('en').read.texts): DataError {
  const names = missing.map((m) => m.fields.join(` ${t.or} `)).join(', ');
  // A first line of data (no header line): its cells are a customer's name, address and number, never shown in a message.
  if (looksLikeData(headers)) return new DataError(t.missingColumns(label, kind, names, t.headerLooksLikeData(headers.length)), t.headerLooksLikeDataHint);
  const found = headers.map((h) => `'${h}'`).join(', ');
  const hints = missing.flatMap((m) =>
    m.suggestion ? [t.didYouMean(m.suggestion.alias, m.suggestion.header, m.suggestion.field)] : [],
  );
  // One column whose name holds another separator ("Customer ID:Name:Email"): the delimiter was not recognised.
  const separator = headers.length === 1 ? otherSeparator(headers[0] as string) : undefined;
  const hint = separator !== undefined ? t.otherDelimiterHint(separator) : hints.length > 0 ? hints.join('\n') : t.missingColumnsHint(missing[0]?.fields[0] ?? '');
  return new DataError(t.missingColumns(label, kind, names, found), hint);
}

/** Separators winback does not detect on its own, found in a one-column header (the most frequent): the run stops anyway. */
function otherSeparator(header: string): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const c of [':', '#', '~', '^', '!', '*', '/', '\\']) {
    const n = header.split(c).length - 1;
    if (n > most) [best, most] = [c, n];
  }
  return best;
}
