/**
 * Planning large exports with worker threads (docs/performance.md).
 *
 * Sorted by priority (`winback plan`, and `campaign` into its spool): The main thread
 * reads the file in pieces of whole lines, hashes them and counts their lines; workers plan
 * the pieces (src/engine/plan-pieces.ts): each formats its rows (or the command's records),
 * sorts them into a run, writes the run to its own run file and sends back a few numbers per
 * row (and the command's notes). The main thread
 * takes the results in file order — duplicate ids, totals and rejects
 * see every row in the same order as on one thread — and merges the runs into plan.csv, so
 * the outputs are byte-identical to the single-threaded pipeline's.
 *
 * A piece is cut after a line break, which is a record boundary unless a quoted field spans
 * it. Each piece is planned on the guess that it starts a record; when the piece before it
 * ends inside a record after all, the piece is planned again behind that unfinished record.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DuplicateTracker } from '../domain/read/duplicate-ids.js';
import type { PlanSetup } from '../domain/plan/plan.js';
import type { RecordField } from '../domain/record-codec.js';
import type { Reject } from '../domain/types.js';
import { addRowToTotals, addToTotals, type PlanTotals } from '../domain/plan/summary.js';
import { learnedReaderOf } from '../domain/reasons/vocabulary.js';
import { objectionWeights } from '../domain/objections/text.js';
import { prefilterFactors } from '../domain/objections/prefilter.js';
import { DECISIONS, type Decision } from '../domain/value/types.js';
import { DataError, IoError, UsageError } from '../errors.js';
import { countReject, noDataRows, rejectedIdFromWorker, supersededReject, type OpenedExport } from '../io/csv/read.js';
import type { ParserState } from '../io/csv/records.js';
import type { ByteBuffer, CsvFormat } from '../io/csv/write.js';
import { sortKeyOf, type PlanFiles } from '../io/plan/output.js';
import type { SortedSpool } from '../io/sorted-spool.js';
import { holdYoungGeneration, limitHeapGrowth, YOUNG_GENERATION_HELD } from './heap-growth.js';
import { compilingCount } from './regexp-code.js';
import { streamPlan } from './row-loop.js';
import { RecordFrameCursor, INTS_PER_ROW, META_FLAGS_SHIFT, META_HAS_ID, META_HAS_NOTE, META_RANK, NUMS_PER_ROW, WORKER_READY, type PieceJob, type PieceResult, type PlanWorkerInit, type ResultBuffers } from './plan-pieces.js';
import { keyedError, messages, noteOf, type Lang } from '../domain/catalogue/index.js';

/** Bytes a spool record is expected to need (a longer one grows the arena): judgement, a few list rows' worth. */
export const RECORD_ROOM = 4096;

/** Smallest export planned with workers: below it, starting them costs more than they save. */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;
const PIECE_BYTES = 1 << 20;
/** Pieces a line may take before it is cut between characters (see PieceReader). */
const LONG_LINE_PIECES = 4;
const MAX_DEFAULT_THREADS = 4;
// The default is one worker per CPU plus this reading thread (at most four threads): measured at
// 1M English rows on two quiet CPUs (2026-12-05, docs/performance.md), one worker per CPU planned
// in 22.9 s at 292 MiB against 36.5 s at 226 MiB with a single worker beside the reader.
/** Pieces a worker has (planning and waiting), so that it never waits for this thread. */
const WORKER_QUEUE = 2;


/** One worker per CPU plus the reading thread, at most four; a single CPU streams on one thread. */
export function defaultThreads(cpus: number): number {
  return cpus <= 1 ? 1 : Math.min(MAX_DEFAULT_THREADS, cpus + 1);
}

/** The --threads setting: a number ≥ 1, or the machine's CPUs plus the reading thread (at most 4). */
export function resolveThreads(flag: string | undefined, env: Record<string, string | undefined>, lang: Lang = 'en'): number {
  const text = flag ?? env.WINBACK_THREADS;
  if (text === undefined || text === '') return defaultThreads(availableParallelism());
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new UsageError(messages(lang).flags.threads(text), messages(lang).flags.threadsHint);
  }
  return n;
}

/**
 * The smallest export `plan` plans with workers: PARALLEL_MIN_BYTES, or WINBACK_PARALLEL_MIN_BYTES
 * (tests set it to plan a small export with workers through the CLI).
 */
export function resolveParallelMinBytes(env: Record<string, string | undefined>, lang: Lang = 'en'): number {
  const text = env.WINBACK_PARALLEL_MIN_BYTES;
  if (text === undefined || text === '') return PARALLEL_MIN_BYTES;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n)) {
    throw new UsageError(messages(lang).flags.parallelMinBytes(text), messages(lang).flags.parallelMinBytesHint);
  }
  return n;
}

/** Whether `plan` should use worker threads on this export. */
export function useWorkers(opened: OpenedExport, threads: number, minBytes = PARALLEL_MIN_BYTES): boolean {
  return threads >= 2 && piecesPossible(opened) && (opened.sizeBytes ?? 0) >= minBytes;
}

/** Whether the export can be cut into pieces at all: a file, in an encoding where a line-feed byte is always a line feed. */
export function piecesPossible(opened: OpenedExport): boolean {
  return opened.path !== undefined && ['utf8', 'win1252', 'latin1'].includes(opened.dialect.encoding);
}

export interface ParallelPlanOptions {
  threads: number;
  fmt: CsvFormat;
  /** bytes per piece (tests use small pieces to put many boundaries into a small file) */
  pieceBytes?: number;
  /** bytes of a run a worker writes at a time (tests use small ones) */
  segmentBytes?: number;
  /** bytes of a piece decoded at a time (tests use small ones) */
  partBytes?: number;
  onProgress?: () => void;
  /** in input order: the command's projection, which each worker makes from `module` (its createProjection) and `options` */
  projection?: { module: string; options: unknown };
}

/**
 * Plans every row of `opened` into `files` and `totals`: with worker threads when the export
 * is large enough (useWorkers), else on this thread. `minParallelBytes` and `pieceBytes` let
 * tests put many pieces into a small file.
 */
export async function planAllRows(
  opened: OpenedExport,
  setup: PlanSetup,
  files: PlanFiles,
  totals: PlanTotals,
  opts: ParallelPlanOptions & { minParallelBytes?: number },
): Promise<void> {
  if (useWorkers(opened, opts.threads, opts.minParallelBytes)) return planWithWorkers(opened, setup, { files }, totals, opts);
  // Planned on this thread, whose heap has no limit of its own.
  limitHeapGrowth();
  await streamPlan(
    opened,
    setup,
    (p, cells, raw) => {
      addToTotals(totals, p, setup.playbook);
      files.add(p, cells, raw);
    },
    (r) => files.reject(r),
    opts.onProgress,
  );
}

/**
 * Where the rows planned by workers go: sorted into plan.csv files, or (in input order) to a
 * command, each planned customer's record (ParallelPlanOptions.projection) once its duplicate
 * check is passed.
 */
export type PlannedSink =
  | { files: PlanFiles }
  | { record(fields: RecordField[]): void | Promise<void>; reject(r: Reject): void | Promise<void> }
  | SpoolSink;

/**
 * Sorted into a command's spool: the workers write the records of the command's spool
 * projection into sorted runs, which become the spool's; each note the projection made is
 * handed on once its row's duplicate check is passed, with a way to leave the row's record out.
 */
export interface SpoolSink {
  runs: SortedRuns & Pick<SortedSpool, 'begin' | 'end'>;
  /** `replace`: leaves the row's record out, and spools the one `write` writes under its sort keys instead */
  note(fields: RecordField[], replace: (write: RecordWriter) => void): void | Promise<void>;
  reject(r: Reject): void | Promise<void>;
}

/** Writes a spool record's bytes into `out` from its `at` on; returns where its head ends. */
export type RecordWriter = (out: ByteBuffer) => number;

/** What the engine does with a spool the workers' sorted runs go into. */
type SortedRuns = Pick<SortedSpool, 'runFilePath' | 'addRunExtent' | 'skip'>;

/** The spool the workers' sorted runs go into: plan.csv's, or the command's. */
function runsOf(sink: PlannedSink): SortedRuns | undefined {
  return 'files' in sink ? sink.files.sortedRuns : 'runs' in sink ? sink.runs : undefined;
}

/** Plans every row of `opened` with worker threads into `sink` and `totals`. */
export async function planWithWorkers(opened: OpenedExport, setup: PlanSetup, sink: PlannedSink, totals: PlanTotals, opts: ParallelPlanOptions): Promise<void> {
  const runs = runsOf(sink);
  const path = opened.path;
  if (path === undefined) throw new Error('planWithWorkers needs a file');
  const { projection } = opts;
  if (!('files' in sink) && !projection) throw new Error('planWithWorkers for a command needs its projection');
  opened.release();
  const { vocabulary, ...plainSetup } = setup;
  const compiling = compilingCount();
  // The objection rules' literals derived once here, not in each worker.
  const objectionFactors = prefilterFactors();
  const init = (name: string): PlanWorkerInit => ({
    reader: opened.pieceSpec,
    setup: plainSetup,
    learned: learnedReaderOf(vocabulary),
    objectionWeights: objectionWeights(),
    objectionFactors,
    compiling,
    fmt: opts.fmt,
    ...(runs ? { runPath: runs.runFilePath(`${name}.runs`) } : {}),
    ...(!('files' in sink) && projection ? { projection: { module: workerModule(projection.module), options: projection.options, ...('runs' in sink ? { spool: true } : {}) } } : {}),
    ...(opts.segmentBytes ? { segmentBytes: opts.segmentBytes } : {}),
    ...(opts.partBytes ? { partBytes: opts.partBytes } : {}),
    ...(opened.notes === true ? { notesContacts: true } : {}),
  });
  // This thread reads the pieces and takes their results; the n − 1 workers plan them (see WorkerPool).
  const inits = Array.from({ length: opts.threads - 1 }, (_, i) => init(`worker-${i}`));
  const pool = adoptStandby(inits);
  let fh: FileHandle | undefined;
  try {
    // A worker that cannot start fails the run before a byte is read.
    await pool.online();
    // Starting the workers set V8's young-generation growth back to its default on this thread.
    holdYoungGeneration();
    fh = await open(path, 'r').catch((err: unknown) => {
      throw keyedError((m) => new IoError(m), noteOf('files', { key: 'readAgainFailed', args: [opened.label, (err as Error).message] }));
    });
    await run(fh, opened, pool, sink, totals, opts);
  } finally {
    await fh?.close();
    await pool.close();
  }
}

async function run(fh: FileHandle, opened: OpenedExport, pool: WorkerPool, sink: PlannedSink, totals: PlanTotals, opts: ParallelPlanOptions): Promise<void> {
  const { stats, pieceSpec } = opened;
  const ids = opened.duplicates;
  if (ids === undefined) throw new Error('planWithWorkers needs an export with unique ids');
  // Once a later row of a duplicated id wins, or a customer is planned at an objector's point
  // noted before, the export is read again (withDuplicatesResolved): the rest only counts.
  const holdBack = opened.rereads === true;
  // Pieces sent once that is known are read for their ids and objectors' points alone, not planned.
  const countOnly = (): { countOnly?: true } => (holdBack && ids.readAgain ? { countOnly: true } : {});
  const reader = new PieceReader(fh, opts.pieceBytes ?? PIECE_BYTES, opened.label);
  const hash = createHash('sha256');
  const inFlight = new Map<number, Promise<PieceResult>>();
  // The line each piece in flight starts on, for planning it again behind an unfinished header.
  const startLines = new Map<number, number>();
  // Per worker: one piece being planned, one waiting, and one planned, awaiting its turn to be
  // taken here. No more: a worker gets its next piece only as this thread takes the results.
  const maxInFlight = (WORKER_QUEUE + 1) * (opts.threads - 1);
  let nextSeq = 0;
  let line = 1;
  let eof = false;
  // The unfinished record the last planned piece ended with (the parser's state).
  // Records with text before the rows: the title records above the header, and the header.
  const headerRecords = 1 + (pieceSpec.titleRecords ?? 0);
  let carry: { state: ParserState | undefined; headerPending: number } = { state: undefined, headerPending: headerRecords };

  // Result arrays taken already, for later pieces to write their results into.
  const spent: ResultBuffers[] = [];
  const recycleResult = (r: PieceResult) => {
    if (spent.length < maxInFlight) spent.push({ ints: r.ints.buffer as ArrayBuffer, nums: r.nums.buffer as ArrayBuffer, ids: r.ids.buffer as ArrayBuffer, ...(r.records ? { records: r.records.buffer as ArrayBuffer } : {}) });
  };
  const job = (seq: number, input: ArrayBuffer, length: number, startLine: number, options: PieceJob['options']): PieceJob => {
    const reuse = spent.pop();
    return { seq, input, length, line: startLine, options, ...(reuse ? { reuse } : {}), ...countOnly() };
  };
  const dispatch = (seq: number, input: ArrayBuffer, length: number, startLine: number, options: PieceJob['options']) => {
    const result = pool.run(job(seq, input, length, startLine, options));
    // Awaited in file order; if the run stops first (an error), a later failure is not news.
    result.catch(() => undefined);
    inFlight.set(seq, result);
  };

  // Pieces planned behind the state of the piece before (not on a guess).
  const behind = new Set<number>();

  for (let done = 0; ; done++) {
    while (!eof && inFlight.size < maxInFlight) {
      // Inside a record that spans pieces (a long quoted field), a guess that the next piece
      // starts a record is wasted: plan the next piece behind the record once all before it are
      // taken, one at a time, until the record ends.
      const inRecord = done > 0 && carry.state !== undefined;
      if (inRecord && inFlight.size > 0) break;
      const piece = await reader.next();
      if (!piece) {
        eof = true;
        break;
      }
      hash.update(piece.bytes);
      stats.bytes += piece.bytes.length;
      const seq = nextSeq++;
      const startLine = line;
      // Counted before the buffer is handed to a worker (which detaches it here).
      line += countLineBreaks(piece.bytes);
      startLines.set(seq, startLine);
      if (inRecord) {
        behind.add(seq);
        dispatch(seq, piece.bytes.buffer as ArrayBuffer, piece.bytes.length, startLine, { first: false, header: carry.headerPending, final: false, prefix: carry.state as ParserState });
        break;
      }
      dispatch(seq, piece.bytes.buffer as ArrayBuffer, piece.bytes.length, startLine, { first: seq === 0, header: seq === 0 ? headerRecords : 0, final: false });
    }
    if (done === nextSeq) break;
    let result = await (inFlight.get(done) as Promise<PieceResult>);
    inFlight.delete(done);
    const pieceLine = startLines.get(done) as number;
    startLines.delete(done);
    // Planned on the guess that the piece starts a record: if it does not, plan it again behind the unfinished one.
    if (done > 0 && !behind.delete(done) && (carry.state !== undefined || carry.headerPending > 0)) {
      recycleResult(result);
      const options = { first: false, header: carry.headerPending, final: false, ...(carry.state ? { prefix: carry.state } : {}) };
      result = await pool.run(job(done, result.input, result.length, pieceLine, options));
    }
    throwIfFailed(result);
    await take(result, { ids, holdBack }, pieceSpec.idHeader, sink, totals, stats);
    recycleResult(result);
    carry = { state: result.rest, headerPending: result.headerPending };
    reader.recycle(result.input);
    opts.onProgress?.();
  }
  // The last record, when the file does not end with a line break (or with a quote left open).
  if (carry.state !== undefined) {
    const input = new ArrayBuffer(0);
    const last = await pool.run({ seq: nextSeq, input, length: 0, line, options: { first: false, header: carry.headerPending, final: true, prefix: carry.state }, ...countOnly() });
    throwIfFailed(last);
    await take(last, { ids, holdBack }, pieceSpec.idHeader, sink, totals, stats);
    carry.headerPending = last.headerPending;
  }
  if (carry.headerPending > 0 || stats.read === 0) throw noDataRows(opened.label, messages(opened.lang).read.texts);
  stats.sha256 = hash.digest('hex');
}

function throwIfFailed(result: PieceResult): void {
  const { error } = result;
  if (!error) return;
  const failure = error.io ? new IoError(error.message, error.hint) : new DataError(error.message, error.hint);
  if (error.keyed) failure.keyed = error.keyed;
  throw failure;
}

/**
 * Takes one planned piece in file order: duplicate check (a duplicate's row, in the piece's
 * sorted run already, is marked for the merge to leave out — nothing written is changed),
 * totals, rejects; then the run is added to the sort. In input order each record passed is handed to the command.
 */
async function take(r: PieceResult, dup: { ids: DuplicateTracker; holdBack: boolean }, idHeader: string, sink: PlannedSink, totals: PlanTotals, stats: OpenedExport['stats']): Promise<void> {
  const runs = runsOf(sink);
  const reject = (row: Reject) => ('files' in sink ? sink.files.reject(row as PlanRejectRow) : sink.reject(row));
  // In input order one record per accepted row, with a spool the notes of some: read on for every row that has one, handed on for those passed.
  const records = r.records !== undefined && !('files' in sink) ? new RecordFrameCursor(r.records) : undefined;
  const noting = 'runs' in sink;
  const { ids, holdBack } = dup;
  stats.read += r.read;
  stats.rejected += r.rejected;
  stats.blankLines += r.blankLines;
  const { ints, nums, rejects, rejectAt } = r;
  const known = (x: number) => (Number.isNaN(x) ? undefined : x);
  let idAt = 0;
  let next = 0;
  // A worker's reject (a bad cell) of an id another row has sends that row to a person, as on one thread.
  const rejectNext = () => {
    const row = rejects[next] as Reject;
    // Taken in file order, as the rows used and superseded are: the export's first reject is named (ReadStats.firstReject).
    stats.firstReject ??= row;
    rejectedIdFromWorker({ duplicates: ids, reread: holdBack }, row, r.rejectPoints?.[next] ?? undefined);
    next++;
    return reject(row);
  };
  // The points of rows of ids that object by another row: an objector's, the row used or not.
  const { linePoints } = r;
  if (linePoints) for (let j = 0; j + 2 < linePoints.length; j += 3) ids.seePlanned(linePoints[j] as number, true, linePoints, j + 1, j + 3);
  // The contact points noted per row (PieceResult.contacts): [contactFrom, contactTo) are row i's.
  const { contacts } = r;
  let contactTo = 0;
  for (let i = 0; i < r.count; i++) {
    while (next < rejects.length && (rejectAt[next] as number) <= i) await rejectNext();
    const contactFrom = contactTo;
    if (contacts) while (contactTo < contacts.length && contacts[contactTo] === i) contactTo += 4;
    const k = i * INTS_PER_ROW;
    const line = ints[k] as number;
    // An objector's points count whether its row is used, superseded or only counted (objector-keys.ts).
    const objector = contacts !== undefined && contactTo > contactFrom && contacts[contactFrom + 1] === 1;
    if (objector && holdBack) notePlanned(ids, line, contacts, contactFrom, contactTo);
    const idLen = ints[k + 1] as number;
    const meta = ints[k + 4] as number;
    const idStart = idAt;
    idAt += idLen;
    const record = !noting || meta & META_HAS_NOTE ? records?.next() : undefined;
    if (meta & META_HAS_ID) {
      const verdict = ids.seeFingerprint(ints[k + 2] as number, ints[k + 3] as number, line, ints[k + 6] as number, (ints[k + 7] as number) | 0);
      if (holdBack && ids.readAgain) continue;
      if (verdict) {
        const id = Buffer.from(r.ids.buffer, r.ids.byteOffset + idStart, idLen).toString('utf8');
        // Its row is in the worker's run already: the merge, once every duplicate is known, leaves it out.
        if (runs) runs.skip(r.runPath as string, r.runStart + (ints[k + 5] as number));
        await reject(countReject(stats, supersededReject(id, line, verdict.message, idHeader)));
        continue;
      }
    } else if (holdBack && ids.readAgain) continue;
    stats.accepted++;
    // The row used: what it was planned at, or an objector's points (permission/objector-keys.ts).
    if (contacts && contactTo > contactFrom && !objector) notePlanned(ids, line, contacts, contactFrom, contactTo);
    const stake = nums[i * NUMS_PER_ROW] as number;
    const ev = nums[i * NUMS_PER_ROW + 1] as number;
    const contact = nums[i * NUMS_PER_ROW + 2] as number;
    const incentive = nums[i * NUMS_PER_ROW + 3] as number;

    addRowToTotals(totals, DECISIONS[meta & META_RANK] as Decision, r.reasonCodes[meta >>> 8] as string, known(stake), known(ev), (meta >>> META_FLAGS_SHIFT) & 3, known(contact), known(incentive));
    if (record && 'record' in sink) {
      const handed = sink.record(record);
      if (handed) await handed;
    } else if (record && 'runs' in sink) {
      const { runs: spool } = sink;
      const handed = sink.note(record, (write) => {
        spool.skip(r.runPath as string, r.runStart + (ints[k + 5] as number));
        spool.end(meta & META_RANK, sortKeyOf(known(ev)), line, write(spool.begin(RECORD_ROOM)));
      });
      if (handed) await handed;
    }
  }
  while (next < rejects.length) await rejectNext();
  if (runs) runs.addRunExtent(r.runPath as string, r.runStart, r.runEnd);
}

/** Tells `ids` the contact points noted for one row: `contacts[from, to)`, four numbers a point (PieceResult.contacts). */
function notePlanned(ids: DuplicateTracker, line: number, contacts: Uint32Array, from: number, to: number): void {
  const objector = contacts[from + 1] === 1;
  const prints: number[] = [];
  for (let c = from; c < to; c += 4) prints.push(contacts[c + 2] as number, contacts[c + 3] as number);
  ids.seePlanned(line, objector, prints);
}

type PlanRejectRow = Parameters<PlanFiles['reject']>[0];

/** Line breaks in `bytes` as the record parser counts them: LF, CR LF and a lone CR each one. */
export function countLineBreaks(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) n++;
  for (let i = bytes.indexOf(13); i >= 0; i = bytes.indexOf(13, i + 1)) if (bytes[i + 1] !== 10) n++;
  return n;
}

/**
 * Reads a file in pieces that end after a line feed (the last piece: at the end of the file).
 * A line longer than LONG_LINE_PIECES pieces is cut between characters instead (the piece is
 * planned again behind the unfinished record like any other), so that memory stays flat.
 */
class PieceReader {
  private carry = Buffer.alloc(0);
  private eof = false;
  private readonly spare: ArrayBuffer[] = [];
  constructor(
    private readonly fh: FileHandle,
    private readonly pieceBytes: number,
    private readonly label: string,
  ) {}

  /** Gives a spent input buffer back for reuse. */
  recycle(buffer: ArrayBuffer): void {
    if (buffer.byteLength === this.pieceBytes && this.spare.length < 4) this.spare.push(buffer);
  }

  async next(): Promise<{ bytes: Buffer } | undefined> {
    if (this.eof && this.carry.length === 0) return undefined;
    let buf = this.buffer(Math.max(this.pieceBytes, 2 * this.carry.length));
    let len = this.carry.copy(buf, 0);
    this.carry = Buffer.alloc(0);
    for (;;) {
      if (!this.eof && len < buf.length) {
        let bytesRead: number;
        try {
          ({ bytesRead } = await this.fh.read(buf, len, buf.length - len, null));
        } catch (err) {
          throw keyedError((m) => new IoError(m), noteOf('files', { key: 'readFailed', args: [this.label, (err as Error).message] }));
        }
        if (bytesRead === 0) this.eof = true;
        len += bytesRead;
      }
      if (this.eof) return len === 0 ? undefined : { bytes: buf.subarray(0, len) };
      if (len < buf.length) continue;
      const lf = buf.lastIndexOf(10, len - 1);
      if (lf >= 0) {
        this.carry = Buffer.from(buf.subarray(lf + 1, len));
        return { bytes: buf.subarray(0, lf + 1) };
      }
      if (buf.length >= LONG_LINE_PIECES * this.pieceBytes) {
        // Not inside a UTF-8 character, nor between a CR and its LF (a line break counted twice).
        let cut = len;
        while (cut > 1 && ((buf[cut - 1] as number) & 0xc0) === 0x80) cut--;
        if (cut > 1 && (buf[cut - 1] as number) >= 0xc0) cut--;
        if (cut > 1 && buf[cut - 1] === 13) cut--;
        this.carry = Buffer.from(buf.subarray(cut, len));
        return { bytes: buf.subarray(0, cut) };
      }
      // A line longer than a piece: read on into a bigger buffer.
      const bigger = Buffer.allocUnsafeSlow(2 * buf.length);
      buf.copy(bigger, 0, 0, len);
      buf = bigger;
    }
  }

  private buffer(size: number): Buffer {
    const reuse = size === this.pieceBytes ? this.spare.pop() : undefined;
    return reuse ? Buffer.from(reuse) : Buffer.allocUnsafeSlow(size);
  }
}

/**
 * The heap limits of a planning worker (docs/performance.md, "Memory"), measured on 100,000 and
 * a million rows. A heap limit of 256 MiB makes V8 grow the old generation by at most 1.3×
 * its live data between full collections, where the default limit (2 GiB and more) lets it
 * grow up to 4×: planning makes much garbage, and each worker's heap committed ~185 MB for
 * ~40 MB alive, against ~105 MB with this limit. A young generation of 6 MB (semi-spaces of
 * 2 MB, where V8 grows them to 16 MB) takes ~40 MB more off each worker; its rows die young
 * either way. The limit is ~6× what a worker holds alive. Since the CLI keeps young generations
 * from growing (src/cli/young-generation.ts, a setting of the whole process) a worker's stays at
 * its first size (4 MB committed, measured), within this limit.
 */
export const WORKER_HEAP = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 6 } as const;

/**
 * The worker threads planning pieces: a job goes to the worker with the fewest pieces. This
 * thread plans none: it reads the pieces and takes the results (duplicate ids, totals, the
 * command's records), so that its heap — whose limits no worker option sets — holds little
 * more than the setup.
 */
class WorkerPool {
  private readonly workers: { worker: Worker; waiting: Map<number, { resolve: (r: PieceResult) => void; reject: (e: unknown) => void }>; startedWith: boolean }[] = [];
  private failure: unknown;
  private readonly started: Promise<void>[] = [];
  private readonly holding: Promise<void>[] = [];

  /**
   * One worker per init; or `count` workers on standby, which load their modules now and wait
   * for their inits (start) without keeping the process alive.
   */
  constructor(inits: PlanWorkerInit[] | number) {
    const count = typeof inits === 'number' ? inits : inits.length;
    for (let i = 0; i < count; i++) {
      const worker = new Worker(workerScript(), { workerData: typeof inits === 'number' ? null : inits[i], resourceLimits: WORKER_HEAP });
      let ready = () => {};
      const started = new Promise<void>((resolve, reject) => {
        ready = resolve;
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`a planning worker stopped (exit code ${code})`)));
      });
      // A worker on standby that is let go before it is started stops unawaited: no failure then.
      started.catch(() => undefined);
      this.started.push(started);
      let held = () => {};
      this.holding.push(new Promise<void>((resolve) => (held = resolve)));
      const entry = { worker, waiting: new Map() as Map<number, { resolve: (r: PieceResult) => void; reject: (e: unknown) => void }>, startedWith: false };
      worker.on('message', (r: PieceResult | typeof WORKER_READY | typeof YOUNG_GENERATION_HELD) => {
        if (r === YOUNG_GENERATION_HELD) {
          // A worker on standby keeps the process alive only until it has said so (the main
          // thread waits for that); until it is started, a command that stops may exit.
          if (typeof inits === 'number' && !entry.startedWith) worker.unref();
          return held();
        }
        if (r === WORKER_READY) return ready();
        const w = entry.waiting.get(r.seq);
        entry.waiting.delete(r.seq);
        w?.resolve(r);
      });
      const fail = (err: unknown) => {
        this.failure ??= err;
        for (const w of entry.waiting.values()) w.reject(err);
        entry.waiting.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (entry.waiting.size > 0) fail(new Error(`a planning worker stopped (exit code ${code})`));
      });
      this.workers.push(entry);
    }
  }

  run(job: PieceJob): Promise<PieceResult> {
    if (this.failure) return Promise.reject(this.failure);
    let best = this.workers[0];
    for (const w of this.workers) if (w.waiting.size < (best as (typeof this.workers)[number]).waiting.size) best = w;
    if (best === undefined) return Promise.reject(new Error('planning with workers needs at least one'));
    const worker = best;
    return new Promise((resolve, reject) => {
      worker.waiting.set(job.seq, { resolve, reject });
      const transfer: ArrayBuffer[] = [];
      if (job.input.byteLength > 0) transfer.push(job.input);
      if (job.reuse) transfer.push(job.reuse.ints, job.reuse.nums, job.reuse.ids, ...(job.reuse.records ? [job.reuse.records] : []));
      worker.worker.postMessage(job, transfer);
    });
  }

  /**
   * Resolves once every worker has held this process's young generation again
   * (src/engine/heap-growth.ts), or failed to start (online reports that).
   */
  async held(): Promise<void> {
    await Promise.all(this.holding.map((h, i) => Promise.race([h, (this.started[i] as Promise<void>).catch(() => undefined)])));
  }

  get size(): number {
    return this.workers.length;
  }

  /** Sends the workers on standby their inits, one each. */
  start(inits: PlanWorkerInit[]): void {
    this.workers.forEach((w, i) => {
      w.startedWith = true;
      w.worker.ref();
      w.worker.postMessage(inits[i]);
    });
  }

  /** Resolves once every worker has set up and can take pieces; rejects when one fails to start. */
  async online(): Promise<void> {
    await Promise.all(this.started);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

/**
 * Workers started on standby (standByWorkers) while the command sets up: one set per process,
 * taken by the next run that plans on as many workers.
 */
let standby: WorkerPool | undefined;

/**
 * Starts the planning workers a run on `path` with `threads` threads will need, if it will
 * need any (a file of at least `minBytes`; useWorkers decides once the export is open), so
 * that they load their modules while this thread loads the playbook and compiles the setup
 * (~0.4 s of each worker's start at a million rows, on a core that was idle). Workers on
 * standby do not keep the process alive; a run that needs none lets them go (once the export
 * is open when no worker can read it, else when the run ends).
 */
export async function standByWorkers(path: string, threads: number, minBytes = PARALLEL_MIN_BYTES): Promise<void> {
  if (threads < 2) return;
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    // The command reports a missing file itself.
    return;
  }
  if (size < minBytes) return;
  if (standby !== undefined && standby.size !== threads - 1) letStandbyGo();
  standby ??= new WorkerPool(threads - 1);
  // Starting them let this thread's young generation grow again until they hold it: this thread
  // waits (under a tenth of a second: 78–94 ms measured on two busy cores), and allocates nothing meanwhile.
  await standby.held();
}

/** The workers for `inits`: those on standby when there are as many, started with them, else new ones. */
function adoptStandby(inits: PlanWorkerInit[]): WorkerPool {
  const pool = standby;
  standby = undefined;
  if (pool !== undefined && pool.size === inits.length) {
    try {
      pool.start(inits);
    } catch (err) {
      // An init that cannot be sent: no worker is left waiting for one.
      void pool.close();
      throw err;
    }
    return pool;
  }
  if (pool !== undefined) void pool.close();
  return new WorkerPool(inits);
}

/** How many workers stand by (standByWorkers) for the next run. */
export function workersOnStandby(): number {
  return standby?.size ?? 0;
}

/** Stops the workers on standby, if any (a run that planned on this thread, a command that failed before planning). */
export function letStandbyGo(): void {
  const pool = standby;
  standby = undefined;
  if (pool !== undefined) void pool.close();
}

/** The compiled worker script; tests run the TypeScript sources, whose build is in dist/. */
function workerScript(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/engine/plan-worker.js', here) : new URL('./plan-worker.js', here);
}

/** A projection module as a worker loads it: when tests run the TypeScript sources, its build in dist/. */
export function workerModule(url: string): string {
  if (!import.meta.url.endsWith('.ts')) return url;
  const m = /^(.*)\/src\/(.*)\.[jt]s$/.exec(url);
  return m ? `${m[1]}/dist/${m[2]}.js` : url;
}
