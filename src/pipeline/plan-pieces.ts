/**
 * Planning one piece of an export, as a worker thread does it for `winback plan` on large
 * files (src/pipeline/parallel-plan.ts, docs/performance.md): the piece's bytes are decoded,
 * read, checked, classified, valued, timed and formatted into plan.csv rows, exactly as the
 * single-threaded pipeline does, and handed back as bytes and typed arrays — no object per
 * row crosses threads. What needs every row in order (duplicate ids, totals, the priority
 * sort) stays with the main thread.
 */
import iconv from 'iconv-lite';
import { LOST_CUSTOMER_SCHEMA } from '../domain/fields.js';
import { idFingerprint } from '../domain/id-index.js';
import { DECISION_RANK, planCustomer, type PlanSetup } from '../domain/plan.js';
import { totalsFlags } from '../domain/plan-summary.js';
import { compileVocabulary } from '../domain/reasons/vocabulary.js';
import type { CustomerRow, Reject } from '../domain/types.js';
import { DataError } from '../errors.js';
import { createPieceReader, type PieceOptions, type PieceReaderSpec, type RowEvent } from '../io/csv-read.js';
import type { CsvFormat } from '../io/csv-write.js';
import type { EncodingName } from '../io/decode.js';
import { PlanRowFormatter, type PlanRowText } from '../io/plan-output.js';

/** What every worker is started with (structured-clonable). */
export interface PlanWorkerInit {
  reader: PieceReaderSpec;
  /** the plan setup without its compiled vocabulary, which each worker compiles itself */
  setup: Omit<PlanSetup, 'vocabulary'>;
  fmt: CsvFormat;
}

/** One piece to plan: `input[0, length)` holds whole lines of the export. */
export interface PieceJob {
  seq: number;
  input: ArrayBuffer;
  length: number;
  /** the line of the piece's first byte */
  line: number;
  options: PieceOptions;
  /** an output buffer to reuse (the main thread hands spent ones back) */
  out?: ArrayBuffer;
}

/** Integers per accepted row in PieceResult.ints. */
export const INTS_PER_ROW = 7;
/** Numbers per accepted row in PieceResult.nums: value at stake, expected value (NaN: none). */
export const NUMS_PER_ROW = 2;
/** Bits of the meta integer: decision rank (2 bits), totals flags (2), has an id (1), reason code index (from bit 8). */
export const META_HAS_ID = 16;

export interface PieceResult {
  seq: number;
  /** the input buffer and length, handed back */
  input: ArrayBuffer;
  length: number;
  /** rows accepted (before the duplicate check) */
  count: number;
  /** per row: line, id bytes, head bytes, tail bytes, id fingerprint (2), meta */
  ints: Uint32Array;
  nums: Float64Array;
  /** per row: its id, head and tail as UTF-8, one after the other */
  bytes: ArrayBuffer;
  reasonCodes: string[];
  /** rejected rows, each after `rejectAt[i]` accepted rows */
  rejects: Reject[];
  rejectAt: number[];
  read: number;
  rejected: number;
  blankLines: number;
  /** the unfinished record the piece ends with */
  rest: string;
  restLine: number;
  headerPending: boolean;
  error?: { message: string; hint?: string };
}

/** A planner of pieces for one run: call it with each job, in any order. */
export function createPiecePlanner(init: PlanWorkerInit): (job: PieceJob) => PieceResult {
  const setup: PlanSetup = { ...init.setup, vocabulary: compileVocabulary(init.setup.playbook) };
  const reader = createPieceReader(init.reader, LOST_CUSTOMER_SCHEMA);
  const formatter = new PlanRowFormatter(init.fmt, init.reader.headers.length, init.reader.delimiter);
  const text: PlanRowText = { head: '', tail: '' };
  const { encoding } = init.reader;

  return (job) => {
    const input = Buffer.from(job.input, 0, job.length);
    const decoded = decodePiece(input, encoding, job.options.first);
    let out = job.out && job.out.byteLength >= 3 * job.length ? Buffer.from(job.out) : Buffer.allocUnsafeSlow(Math.max(1 << 16, 4 * job.length));
    let at = 0;
    let count = 0;
    let ints = new Uint32Array(1024 * INTS_PER_ROW);
    let nums = new Float64Array(1024 * NUMS_PER_ROW);
    const codes = new Map<string, number>();
    const rejects: Reject[] = [];
    const rejectAt: number[] = [];
    const before = { ...reader.stats };

    /** Writes `s` as UTF-8 at the end of `out`, growing it first when it could be too small. */
    const put = (s: string): number => {
      if (at + 3 * s.length > out.length) {
        const bigger = Buffer.allocUnsafeSlow(Math.max(2 * out.length, at + 3 * s.length));
        out.copy(bigger, 0, 0, at);
        out = bigger;
      }
      const n = out.write(s, at, 'utf8');
      at += n;
      return n;
    };

    const visit = (ev: RowEvent): void => {
      if (!ev.ok) {
        rejects.push(ev.reject);
        rejectAt.push(count);
        return;
      }
      const row = ev.values as unknown as CustomerRow & { line: number; warnings: string[] };
      row.line = ev.line;
      row.warnings = ev.warnings;
      const p = planCustomer(row, setup);
      formatter.format(p, ev.cells, ev.raw, text);
      if (count * INTS_PER_ROW === ints.length) {
        ints = grow(ints, new Uint32Array(ints.length * 2));
        nums = grow(nums, new Float64Array(nums.length * 2));
      }
      const id = row.customer_id as string | undefined;
      let code = codes.get(p.reason.code);
      if (code === undefined) codes.set(p.reason.code, (code = codes.size));
      const i = count * INTS_PER_ROW;
      let meta = DECISION_RANK[p.value.decision] | (totalsFlags(p) << 2) | (code << 8);
      if (id !== undefined) {
        const [a, b] = idFingerprint(id);
        ints[i + 4] = a;
        ints[i + 5] = b;
        meta |= META_HAS_ID;
      }
      ints[i] = ev.line;
      ints[i + 1] = id === undefined ? 0 : put(id);
      ints[i + 2] = put(text.head);
      ints[i + 3] = put(text.tail);
      ints[i + 6] = meta;
      nums[count * NUMS_PER_ROW] = p.value.value_at_stake ?? Number.NaN;
      nums[count * NUMS_PER_ROW + 1] = p.value.expected_value ?? Number.NaN;
      count++;
    };

    let rest = '';
    let restLine = 0;
    let headerPending = false;
    let error: PieceResult['error'];
    try {
      ({ rest, restLine, headerPending } = reader.read(decoded, job.line, job.options, visit));
    } catch (err) {
      if (!(err instanceof DataError)) throw err;
      error = { message: err.message, ...(err.hint !== undefined ? { hint: err.hint } : {}) };
    }
    const { stats } = reader;
    return {
      seq: job.seq,
      input: job.input,
      length: job.length,
      count,
      ints: ints.subarray(0, count * INTS_PER_ROW),
      nums: nums.subarray(0, count * NUMS_PER_ROW),
      bytes: out.buffer,
      reasonCodes: [...codes.keys()],
      rejects,
      rejectAt,
      read: stats.read - before.read,
      rejected: stats.rejected - before.rejected,
      blankLines: stats.blankLines - before.blankLines,
      rest,
      restLine,
      headerPending,
      ...(error ? { error } : {}),
    };
  };
}

/** Decodes a piece of whole lines; a byte-order mark is dropped at the start of the file only. */
function decodePiece(input: Buffer, encoding: EncodingName, first: boolean): string {
  if (encoding === 'utf8') {
    const bom = first && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
    return input.toString('utf8', bom);
  }
  if (encoding === 'latin1') return input.toString('latin1');
  return iconv.decode(input, encoding, { stripBOM: first });
}

function grow<T extends Uint32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
