/**
 * Planning one piece of an export, as a worker thread does it on large files
 * (src/engine/parallel-plan.ts, docs/performance.md): the piece's bytes are decoded, read,
 * checked, classified, valued and timed exactly as on one thread. Sorted by priority (`plan`),
 * the rows are formatted into plan.csv rows and sorted into a run that the worker writes to
 * its own run file; what goes back is typed arrays and the run's place in the file — no
 * object per row and no row text crosses threads. Sorted into a command's spool (`campaign`),
 * the command's spool projection writes each planned customer's record into the run instead,
 * and the few notes it makes for the main thread go back as bytes (RecordFrames). In input order
 * (`report`), the command's projection makes of each planned customer the compact record the
 * command reads (src/domain/record-codec.ts); a piece's records go back as bytes, in file
 * order, to be handed to the command once their duplicate check is passed. What needs every row in order
 * (duplicate ids, totals, rejects, the merge of all runs) stays with the main thread.
 */
import iconv from 'iconv-lite';
import { LOST_CUSTOMER_SCHEMA } from '../domain/read/fields.js';
import { factsObject, rejectedPoints, rowFacts, type RejectedPoints } from '../domain/read/duplicate-ids.js';
import { IdIndex, idFingerprint } from '../domain/id-index.js';
import { objectorPrints, plannedContactPrints } from '../domain/permission/objector-keys.js';
import { customerKey } from '../domain/campaign/customer-key.js';
import { planCustomer, type PlannedCustomer, type PlanSetup } from '../domain/plan/plan.js';
import { planCostOf, totalsFlags, totalsKey } from '../domain/plan/summary.js';
import type { LearnedReader } from '../domain/reasons/learned.js';
import type { FeatureTable } from '../domain/reasons/feature-table.js';
import { useObjectionWeights } from '../domain/objections/text.js';
import { usePrefilterFactors, type PrefilterFactors } from '../domain/objections/prefilter.js';
import { compileVocabulary } from '../domain/reasons/vocabulary.js';
import { decodeRecord, encodeRecord, type RecordField } from '../domain/record-codec.js';
import { grown } from '../domain/compact.js';
import type { CustomerRow, Reject } from '../domain/types.js';
import { DataError, IoError, type WinbackError } from '../errors.js';
import { createPieceReader, type PieceOptions, type PieceReaderSpec, type RowEvent } from '../io/csv/read.js';
import type { ParserState } from '../io/csv/records.js';
import type { CsvFormat } from '../io/csv/write.js';
import type { EncodingName } from '../io/csv/decode.js';
import { PlanRowFormatter, planSortKeys } from '../io/plan/output.js';
import { ByteBuffer } from '../io/csv/write.js';
import { RECORD_HEADER, writeRunAt } from '../io/sorted-spool.js';

/** What every worker is started with (structured-clonable). */
export interface PlanWorkerInit {
  reader: PieceReaderSpec;
  /** the plan setup without its compiled vocabulary, which each worker compiles itself */
  setup: Omit<PlanSetup, 'vocabulary'>;
  /** the learned reader the main thread trained, so that no worker trains it again (its tables are shared memory) */
  learned?: LearnedReader;
  /** the objection model's weights as the main thread decoded them, in shared memory */
  objectionWeights?: FeatureTable;
  /** the objection rules' prefilter literals as the main thread derived them (src/domain/objections/prefilter.ts) */
  objectionFactors?: PrefilterFactors;
  /** shared by the workers of a run while they compile the objection rules (src/engine/regexp-code.ts) */
  compiling?: SharedArrayBuffer;
  fmt: CsvFormat;
  /**
   * The file this worker writes its sorted runs to, one after the other
   * (SortedSpool.runFilePath); without one the projection's records are sent back in file order.
   */
  runPath?: string;
  /**
   * The command's projection: the module whose createProjection(options, setup) makes each
   * planned customer's record (in input order, without a run file), or — `spool`, with a run
   * file — whose createSpoolProjection(options, setup) writes each one's sorted-run record.
   */
  projection?: { module: string; options: unknown; spool?: boolean };
  /** bytes of the run written at a time (default SEGMENT_BYTES) */
  segmentBytes?: number;
  /** bytes of the piece decoded at a time (default PART_BYTES) */
  partBytes?: number;
  /** a reading that may be repeated: each planned customer's contact-point fingerprints are sent back (PieceResult.contacts) */
  notesContacts?: boolean;
}

/** One piece to plan: `input[0, length)` holds whole lines of the export. */
export interface PieceJob {
  seq: number;
  input: ArrayBuffer;
  length: number;
  /** the line of the piece's first byte */
  line: number;
  options: PieceOptions;
  /** spent result arrays to write this piece's results into, when they are big enough */
  reuse?: ResultBuffers;
  /**
   * The export is to be read again (DuplicateTracker.readAgain): the rows are read and their
   * ids, consent facts and objectors' points sent, but not planned, and no run is written.
   */
  countOnly?: boolean;
}

/** The memory of a result's ints, nums, ids and records: handed back with a later job instead of left to the collector. */
export interface ResultBuffers {
  ints: ArrayBuffer;
  nums: ArrayBuffer;
  ids: ArrayBuffer;
  records?: ArrayBuffer;
}

/** What a worker posts once it can take pieces. */
export const WORKER_READY = 'ready';

/** Bytes of a run written to the run file at a time. */
const SEGMENT_BYTES = 1 << 18;
/**
 * Integers per accepted row in PieceResult.ints: line, id bytes, id fingerprint (2), meta,
 * offset in the run file, consent facts and modification date (for duplicate ids: rowFacts).
 */
export const INTS_PER_ROW = 8;
/** Numbers per accepted row in PieceResult.nums: value at stake, expected value, contact cost, incentive cost (NaN: none). */
export const NUMS_PER_ROW = 4;
/** Bits of the meta integer: decision rank (3 bits), totals flags (2), has an id (1), has a note (1), reason code index (from bit 8). */
export const META_HAS_ID = 32;
/** The bit of the meta integer that says the row's spool projection made a note (PieceResult.records holds it). */
export const META_HAS_NOTE = 64;
/** The decision rank's bits of the meta integer. */
export const META_RANK = 7;
/** Shift of the totals flags in the meta integer. */
export const META_FLAGS_SHIFT = 3;

export interface PieceResult {
  seq: number;
  /** the input buffer and length, handed back */
  input: ArrayBuffer;
  length: number;
  /** rows accepted (before the duplicate check) */
  count: number;
  /** per row, in file order: see INTS_PER_ROW */
  ints: Uint32Array;
  nums: Float64Array;
  /** the rows' ids as UTF-8, one after the other */
  ids: Uint8Array;
  /** the piece's plan.csv rows sorted by priority, in SortedSpool's run format: bytes [runStart, runEnd) of runPath */
  runPath: string | undefined;
  runStart: number;
  runEnd: number;
  reasonCodes: string[];
  /**
   * Without a run file: one record per accepted row, in file order (see RecordFrames); with a
   * spool projection: the notes of the rows whose meta has META_HAS_NOTE, in file order.
   */
  records?: Uint8Array;
  /**
   * With PlanWorkerInit.notesContacts: per row with contact points to note (permission/
   * objector-keys.ts: an objector row's objectorPrints, else plannedContactPrints), in file
   * order, four numbers a point — the row's index among the piece's accepted rows, 1 for an
   * objector's point, the point's fingerprint (two numbers).
   */
  contacts?: Uint32Array;
  /**
   * The contact points of the piece's rows in PieceReaderSpec.objectorLines, an objector's
   * whether the row is used or dropped: three numbers a point, its line and its fingerprint.
   */
  linePoints?: Uint32Array;
  /** rejected rows, each after `rejectAt[i]` accepted rows */
  rejects: Reject[];
  rejectAt: number[];
  /** per reject (null: nothing), what it holds of an objector (rejectedPoints), on a reading that notes contact points */
  rejectPoints?: (RejectedPoints | null)[];
  read: number;
  rejected: number;
  blankLines: number;
  /** the unfinished record the piece ends with (the parser's state; undefined at a record boundary) */
  rest: ParserState | undefined;
  /** records with text still to pass over before the rows (PieceOptions.header) */
  headerPending: number;
  /** a data error in the piece, or (io) the run could not be written; `keyed`: its catalogue keys, worded where it is shown */
  error?: { message: string; hint?: string; io?: boolean; keyed?: WinbackError['keyed'] };
}

/** What a command reads of a planned customer, as the fields of a compact record (src/domain/record-codec.ts). */
export type Projection = (p: PlannedCustomer) => RecordField[];

/**
 * What a command writes of a planned customer into a sorted run (the engine's order
 * 'spool'): the record's bytes into `out` from its `at` on — head, then tail — and a note for
 * the main thread, when it has to decide something about the customer there.
 */
export type SpoolProjection = (p: PlannedCustomer, out: ByteBuffer) => SpoolWritten;

export interface SpoolWritten {
  /** where in `out` the record's head ends and its tail starts */
  headEnd: number;
  /** what the main thread reads of the customer (undefined: nothing) */
  note: RecordField[] | undefined;
}

/** A module a worker loads to make the records of input order, or to write sorted runs (PlanWorkerInit.projection). */
export interface ProjectionModule {
  createProjection(options: unknown, setup: PlanSetup): Projection;
  createSpoolProjection?(options: unknown, setup: PlanSetup): SpoolProjection;
}

/** How a planner makes a command's records: in input order (`records`) or written into its sorted runs (`spool`). */
export type ProjectionMaker = { records: (setup: PlanSetup) => Projection } | { spool: (setup: PlanSetup) => SpoolProjection };

/**
 * A planner of pieces for one run: call it with each job, in any order. A worker compiles the
 * playbook's vocabulary itself; the main thread passes its own. Without a run file,
 * `projection` makes each planned customer's record; with one, a spool projection writes it
 * into the run (else the row goes there as plan.csv's).
 */
export function createPiecePlanner(init: PlanWorkerInit, vocabulary = compileVocabulary(init.setup.playbook, init.learned), projection?: ProjectionMaker): (job: PieceJob) => PieceResult {
  if (init.objectionWeights) useObjectionWeights(init.objectionWeights);
  if (init.objectionFactors) usePrefilterFactors(init.objectionFactors);
  const setup: PlanSetup = { ...init.setup, vocabulary, ...(init.setup.objectorKeys ? { objectorKeys: IdIndex.revive(init.setup.objectorKeys) } : {}) };
  const phoneCountry = setup.config.permission.defaultPhoneCountry;
  // Four numbers a noted contact point (PieceResult.contacts), kept for the next piece too.
  let contacts: Uint32Array | undefined = init.notesContacts ? new Uint32Array(1024) : undefined;
  const project = init.runPath === undefined && projection && 'records' in projection ? projection.records(setup) : undefined;
  // With a run file, the command's projection writes the run's records instead of plan.csv rows.
  const spoolProject = init.runPath !== undefined && projection && 'spool' in projection ? projection.spool(setup) : undefined;
  const frames = new RecordFrames();
  // The points of the rows of ids that object by another row (objector-keys.ts), per piece.
  let linePoints: number[] = [];
  const reader = createPieceReader(init.reader, LOST_CUSTOMER_SCHEMA, (line, values) => {
    const prints = objectorPrints(values, phoneCountry);
    for (let j = 0; j + 1 < prints.length; j += 2) linePoints.push(line, prints[j] as number, prints[j + 1] as number);
  });
  const formatter = new PlanRowFormatter(init.fmt, init.reader.headers.length, init.reader.delimiter);
  const { encoding } = init.reader;

  // Rows are written as UTF-8 into this buffer in file order (formatInto: no row string is
  // built), then copied in sorted order into the segment buffer, which is written to the run
  // file whenever full; the same buffers serve every piece (fresh ones would churn the allocator).
  const rows = new ByteBuffer(1 << 22);
  const segment = { buf: Buffer.allocUnsafeSlow(init.segmentBytes ?? SEGMENT_BYTES) };
  let ids: Buffer = Buffer.allocUnsafeSlow(1 << 16);
  // Per row, grown as needed and kept for the next piece too.
  let ints = new Uint32Array(1024 * INTS_PER_ROW);
  let nums = new Float64Array(1024 * NUMS_PER_ROW);
  let spans = new Uint32Array(1024 * 3);
  let keys = new Float64Array(1024);
  const order = { rank: new Uint8Array(1024), index: new Uint32Array(1024) };
  const { runPath } = init;
  let runFileEnd = 0;

  return (job) => {
    const input = Buffer.from(job.input, 0, job.length);
    const decoded = decodeParts(input, encoding, job.options.first, init.partBytes);
    rows.at = 0;
    let idAt = 0;
    let count = 0;
    const codes = new Map<string, number>();
    const rejects: Reject[] = [];
    const rejectAt: number[] = [];
    // Per reject, what it holds of an objector (a reading that notes contact points only).
    let rejectPoints: (RejectedPoints | null)[] | undefined;
    let contactAt = 0;
    linePoints = [];
    const records = project !== undefined && !job.countOnly;
    const notes = spoolProject !== undefined && !job.countOnly;
    if (records || notes) frames.start(job.reuse?.records);
    const before = { ...reader.stats };

    const visit = (ev: RowEvent): void => {
      if (!ev.ok) {
        const points = contacts === undefined ? undefined : rejectedPoints(ev.readings, setup.config.permission.extraObjectionPhrases, phoneCountry);
        if (points !== undefined) (rejectPoints ??= new Array<RejectedPoints | null>(rejects.length).fill(null))[rejects.length] = points;
        else if (rejectPoints !== undefined) rejectPoints[rejects.length] = null;
        rejects.push(ev.reject);
        rejectAt.push(count);
        return;
      }
      const row = ev.values as unknown as CustomerRow & { line: number; warnings: string[] };
      row.line = ev.line;
      row.warnings = ev.warnings;
      // Read before planning, from the values as the reader gave them (the main thread decides duplicate ids by them).
      const facts = rowFacts(ev.values, setup.config.permission.extraObjectionPhrases);
      const p = job.countOnly ? undefined : planCustomer(row, setup);
      let noted = false;
      if (p && records) frames.add((project as Projection)(p));
      else if (p) {
        if (count * 3 === spans.length) spans = grown(spans, new Uint32Array(spans.length * 2));
        const start = rows.at;
        let headEnd: number;
        if (spoolProject) {
          const written = spoolProject(p, rows);
          headEnd = written.headEnd;
          if (written.note) {
            frames.add(written.note);
            noted = true;
          }
        } else headEnd = formatter.formatInto(p, ev.cells, ev.raw, rows);
        spans[count * 3] = start;
        spans[count * 3 + 1] = headEnd - start;
        spans[count * 3 + 2] = rows.at - headEnd;
      }
      if (count * INTS_PER_ROW === ints.length) {
        ints = grown(ints, new Uint32Array(ints.length * 2));
        nums = grown(nums, new Float64Array(nums.length * 2));
        keys = grown(keys, new Float64Array(keys.length * 2));
      }
      const id = row.customer_id as string | undefined;
      const i = count * INTS_PER_ROW;
      let meta = 0;
      if (p) {
        const key = totalsKey(p);
        let code = codes.get(key);
        if (code === undefined) codes.set(key, (code = codes.size));
        const sort = planSortKeys(p);
        keys[count] = sort.key;
        meta = sort.rank | (totalsFlags(p) << META_FLAGS_SHIFT) | (code << 8);
        if (noted) meta |= META_HAS_NOTE;
      }
      if (id !== undefined) {
        // Compared as the ledger compares ids (domain/read/duplicate-ids.ts).
        const [a, b] = idFingerprint(customerKey(id));
        ints[i + 2] = a;
        ints[i + 3] = b;
        meta |= META_HAS_ID;
        if (idAt + 3 * id.length > ids.length) ids = grownBuffer(ids, idAt, idAt + 3 * id.length);
        const n = ids.write(id, idAt, 'utf8');
        idAt += n;
        ints[i + 1] = n;
      } else ints[i + 1] = 0;
      ints[i] = ev.line;
      ints[i + 4] = meta;
      ints[i + 6] = facts;
      // An epoch day as its 32 bits; the main thread reads it back with `| 0`.
      ints[i + 7] = typeof row.last_modified === 'number' ? row.last_modified >>> 0 : 0;
      // An objector's points from its facts, planned or only counted; another customer's from its planned channel.
      const objector = contacts !== undefined && factsObject(facts);
      const prints = contacts === undefined ? undefined : objector ? objectorPrints(ev.values, phoneCountry) : p ? plannedContactPrints(p, phoneCountry) : undefined;
      if (prints !== undefined) {
        while (contactAt + 2 * prints.length > (contacts as Uint32Array).length) contacts = grown(contacts as Uint32Array, new Uint32Array((contacts as Uint32Array).length * 2));
        const into = contacts as Uint32Array;
        for (let j = 0; j + 1 < prints.length; j += 2) {
          into[contactAt] = count;
          into[contactAt + 1] = objector ? 1 : 0;
          into[contactAt + 2] = prints[j] as number;
          into[contactAt + 3] = prints[j + 1] as number;
          contactAt += 4;
        }
      }
      if (p) {
        nums[count * NUMS_PER_ROW] = p.value.value_at_stake ?? Number.NaN;
        nums[count * NUMS_PER_ROW + 1] = p.value.expected_value ?? Number.NaN;
        const cost = planCostOf(p, setup.playbook);
        nums[count * NUMS_PER_ROW + 2] = cost?.contact ?? Number.NaN;
        nums[count * NUMS_PER_ROW + 3] = cost?.incentive ?? Number.NaN;
      }
      count++;
    };

    let rest: ParserState | undefined;
    let headerPending = 0;
    let error: PieceResult['error'];
    try {
      ({ rest, headerPending } = reader.read(decoded, job.line, job.options, visit));
    } catch (err) {
      if (!(err instanceof DataError)) throw err;
      error = { message: err.message, ...(err.hint !== undefined ? { hint: err.hint } : {}), ...(err.keyed ? { keyed: err.keyed } : {}) };
    }
    const runStart = runFileEnd;
    if (error === undefined && count > 0 && !job.countOnly && runPath !== undefined) {
      try {
        if (order.index.length < count) order.index = new Uint32Array(keys.length);
        if (order.rank.length < count) order.rank = new Uint8Array(keys.length);
        runFileEnd += writeRun(segment, order, count, ints, keys, spans, rows.buf, (bytes, at) => writeRunAt(runPath, bytes, runStart + at));
      } catch (err) {
        if (!(err instanceof IoError)) throw err;
        error = { message: err.message, ...(err.hint !== undefined ? { hint: err.hint } : {}), io: true, ...(err.keyed ? { keyed: err.keyed } : {}) };
      }
    }
    const { stats } = reader;
    return {
      seq: job.seq,
      input: job.input,
      length: job.length,
      count,
      ints: copyInto(Uint32Array, job.reuse?.ints, ints, count * INTS_PER_ROW),
      nums: copyInto(Float64Array, job.reuse?.nums, nums, count * NUMS_PER_ROW),
      ids: copyInto(Uint8Array, job.reuse?.ids, ids, idAt),
      runPath,
      runStart,
      runEnd: runFileEnd,
      reasonCodes: [...codes.keys()],
      ...(records || notes ? { records: frames.done() } : {}),
      ...(contacts && contactAt > 0 ? { contacts: contacts.slice(0, contactAt) } : {}),
      ...(linePoints.length > 0 ? { linePoints: Uint32Array.from(linePoints) } : {}),
      rejects,
      rejectAt,
      ...(rejectPoints ? { rejectPoints } : {}),
      read: stats.read - before.read,
      rejected: stats.rejected - before.rejected,
      blankLines: stats.blankLines - before.blankLines,
      rest,
      headerPending,
      ...(error ? { error } : {}),
    };
  };
}

/**
 * Writes the rows as a run sorted as plan.csv is (decision rank, expected value descending,
 * line), each behind its record header, through `segment` to `write(bytes, offsetInRun)`;
 * notes each row's offset in the run (ints[5]) and returns the run's length.
 */
function writeRun(
  segment: { buf: Buffer },
  work: { rank: Uint8Array; index: Uint32Array },
  count: number,
  ints: Uint32Array,
  key: Float64Array,
  spans: Uint32Array,
  rows: Buffer,
  write: (bytes: Buffer, at: number) => void,
): number {
  const { rank } = work;
  const order = work.index.subarray(0, count);
  for (let i = 0; i < count; i++) {
    order[i] = i;
    rank[i] = (ints[i * INTS_PER_ROW + 4] as number) & META_RANK;
  }
  // Rows are in file order, so the index breaks ties by line.
  order.sort((a, b) => (rank[a] as number) - (rank[b] as number) || (key[b] as number) - (key[a] as number) || a - b);
  let at = 0;
  let used = 0;
  let out = segment.buf;
  for (let k = 0; k < count; k++) {
    const i = order[k] as number;
    const from = spans[i * 3] as number;
    const headLen = spans[i * 3 + 1] as number;
    const tailLen = spans[i * 3 + 2] as number;
    const size = RECORD_HEADER + headLen + tailLen;
    if (used + size > out.length) {
      if (used > 0) write(out.subarray(0, used), at - used);
      used = 0;
      if (size > out.length) out = segment.buf = Buffer.allocUnsafeSlow(size);
    }
    ints[i * INTS_PER_ROW + 5] = at;
    out.writeDoubleLE(rank[i] as number, used);
    out.writeDoubleLE(key[i] as number, used + 8);
    out.writeUInt32LE(ints[i * INTS_PER_ROW] as number, used + 16);
    out.writeUInt32LE(headLen, used + 20);
    out.writeUInt32LE(tailLen, used + 24);
    rows.copy(out, used + RECORD_HEADER, from, from + headLen + tailLen);
    used += size;
    at += size;
  }
  if (used > 0) write(out.subarray(0, used), at - used);
  return at;
}

type ArrayKind<T> = { new (length: number): T; new (buffer: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number };

/**
 * The first `length` elements of `from` in memory of their own (a view would send all of
 * `from` to the other thread): in `spare` when it is big enough, else in a new array with
 * room to spare, so that it can serve the next pieces too. Results made anew for every piece
 * were ~280 KB of garbage a piece, which piled up to 20 MB between full collections.
 */
function copyInto<T extends Uint32Array | Float64Array | Uint8Array>(Kind: ArrayKind<T>, spare: ArrayBuffer | undefined, from: { subarray(start: number, end: number): ArrayLike<number> }, length: number): T {
  const fits = spare !== undefined && spare.byteLength >= length * Kind.BYTES_PER_ELEMENT;
  const out = fits ? new Kind(spare, 0, length) : new Kind(new ArrayBuffer(Math.ceil(length * RESULT_HEADROOM) * Kind.BYTES_PER_ELEMENT), 0, length);
  out.set(from.subarray(0, length));
  return out;
}
const RESULT_HEADROOM = 1.25;

function grownBuffer(buf: Buffer, used: number, needed: number): Buffer {
  const bigger = Buffer.allocUnsafeSlow(Math.max(2 * buf.length, needed));
  buf.copy(bigger, 0, 0, used);
  return bigger;
}
/**
 * Bytes of a piece decoded at a time. Each part is a string of its own: below V8's
 * large-object size (128 KB; a part of two-byte characters takes twice its bytes), it is
 * allocated young and dies young, instead of waiting in the large-object space for a full
 * collection (measured: 5–20 MB per thread with 1 MiB pieces decoded whole).
 */
export const PART_BYTES = 1 << 15;

/**
 * Decodes a piece of whole lines in parts that each end after a line feed (the first holds at
 * least the first line); a byte-order mark is dropped at the start of the file only. Cutting
 * at a line-feed byte is safe in the encodings pieces are planned in (useWorkers).
 */
export function* decodeParts(input: Buffer, encoding: EncodingName, first: boolean, partBytes = PART_BYTES): Generator<string> {
  if (encoding !== 'utf8' && encoding !== 'latin1' && encoding !== 'win1252') {
    yield iconv.decode(input, encoding, { stripBOM: first });
    return;
  }
  let start = first && encoding === 'utf8' && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  while (start < input.length) {
    let end = input.length;
    if (end - start > partBytes) {
      const lf = input.lastIndexOf(10, start + partBytes - 1);
      const cut = lf >= start ? lf : input.indexOf(10, start + partBytes);
      if (cut >= 0) end = cut + 1;
    }
    yield decodeBytes(input, start, end, encoding);
    start = end;
  }
}

function decodeBytes(input: Buffer, start: number, end: number, encoding: 'utf8' | 'latin1' | 'win1252'): string {
  if (encoding === 'utf8') return input.toString('utf8', start, end);
  const text = input.toString('latin1', start, end);
  return encoding === 'latin1' ? text : text.replace(WIN1252_ONLY, win1252Char);
}

// Windows-1252 is Latin-1 except for 0x80–0x9F: decoding as Latin-1 (one native call) and
// replacing those few is twice as fast as a table lookup per byte, with the same text.
const WIN1252_ONLY = /[\x80-\x9f]/g;
const WIN1252_CHARS = new Map<string, string>();
function win1252Char(c: string): string {
  let text = WIN1252_CHARS.get(c);
  if (text === undefined) WIN1252_CHARS.set(c, (text = iconv.decode(Buffer.from([c.charCodeAt(0)]), 'win1252')));
  return text;
}

/**
 * A piece's records as bytes: per record a header (u32, little-endian: its length in bytes,
 * and UTF16_FRAME when it is written as UTF-16) and its text (encodeRecord), one after the
 * other. Bytes, not one string: a piece's records are megabytes, and as a string they were
 * built up in the worker's heap (surviving its young generation) and arrived whole in the
 * main thread's old generation, where a record's fields, cut from it, kept all of it alive.
 * As bytes they are moved between the threads, reused for later pieces, and each record is
 * decoded on its own. A record is written as UTF-8 (compact), or as UTF-16 when it holds a
 * surrogate (which UTF-8 could not give back unchanged when one is unpaired).
 *
 * The records are written straight into the memory that is moved to the main thread: done()
 * hands that memory over and the frames start again in the spare memory the next piece brings
 * back (or new memory), so a worker keeps no buffer of records of its own beside the ones in
 * flight (a copy per piece cost each worker one more buffer the size of a piece's records:
 * 4–7 MB for campaign's list rows).
 */
export class RecordFrames {
  private buf: Buffer | undefined;
  private at = 0;
  /** bytes of the largest piece's records so far, to size new memory */
  private largest = 0;

  /** Starts a piece's records in `spare` (memory a finished piece handed back) when it is not too small. */
  start(spare?: ArrayBuffer): void {
    this.at = 0;
    this.buf = spare !== undefined && spare.byteLength >= this.largest ? Buffer.from(spare) : undefined;
  }

  add(fields: readonly RecordField[]): void {
    const text = encodeRecord(fields);
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    const worst = this.at + 4 + 3 * text.length;
    if (this.buf === undefined) this.buf = Buffer.allocUnsafeSlow(Math.max(FIRST_FRAMES, Math.ceil(this.largest * RESULT_HEADROOM), worst));
    else if (worst > this.buf.length) {
      // A quarter to spare, not twice: this memory goes round between the threads as the next pieces' spare.
      const bigger = Buffer.allocUnsafeSlow(Math.ceil(Math.max(worst, this.largest) * RESULT_HEADROOM));
      this.buf.copy(bigger, 0, 0, this.at);
      this.buf = bigger;
    }
    const utf16 = SURROGATE.test(text);
    const n = this.buf.write(text, this.at + 4, utf16 ? 'utf16le' : 'utf8');
    this.buf.writeUInt32LE(utf16 ? n + UTF16_FRAME : n, this.at);
    this.at += 4 + n;
  }

  /** The piece's records, in memory of their own that the caller may move to another thread; the frames start again empty. */
  done(): Uint8Array {
    const buf = this.buf ?? Buffer.allocUnsafeSlow(0);
    const out = new Uint8Array(buf.buffer, buf.byteOffset, this.at);
    this.largest = Math.max(this.largest, this.at);
    this.buf = undefined;
    this.at = 0;
    return out;
  }
}
/** Bytes of a worker's first records buffer (grown as a piece needs). */
const FIRST_FRAMES = 1 << 20;

/** Reads the records of RecordFrames' bytes in order. */
export class RecordFrameCursor {
  private at = 0;
  private readonly buf: Buffer;
  constructor(bytes: Uint8Array) {
    this.buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  }

  /** the next record's fields; undefined after the last */
  next(): RecordField[] | undefined {
    if (this.at + 4 > this.buf.length) return undefined;
    const start = this.at + 4;
    const header = this.buf.readUInt32LE(this.at);
    this.at = start + (header & ~UTF16_FRAME);
    return decodeRecord(this.buf.toString(header & UTF16_FRAME ? 'utf16le' : 'utf8', start, this.at));
  }
}

/** The bit of a frame's header that says its record is written as UTF-16. */
const UTF16_FRAME = 0x8000_0000;
const SURROGATE = /[\uD800-\uDFFF]/;
