import { closeSync, mkdtempSync, openSync, readSync, writeSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IoError } from '../errors.js';
import { keyedError, noteOf } from '../domain/catalogue/index.js';
import { registerTemp } from './temp-cleanup.js';
import { ByteBuffer, putString } from './csv/write.js';

/**
 * An external sort for output records (docs/performance.md): records are encoded as UTF-8
 * into one byte arena up to a byte budget, with their sort keys in typed arrays; a full
 * arena is sorted and written to a temporary run file; reading merges the runs. Memory
 * stays bounded by the budget however many rows there are (issue 9) — no string or object
 * per record is kept alive — and a small input never touches the disk.
 *
 * A record is (rank, key, tie, head, tail): ascending rank, then descending key, then
 * ascending tie; head and tail are text written around a number assigned on output
 * (the priority column).
 */
export interface SpoolRecord {
  rank: number;
  key: number;
  tie: number;
  head: string;
  tail: string;
}

/** Receives sorted output bytes; a returned promise says when the bytes have been written (the buffer is reused then). */
export type ByteSink = (bytes: Buffer) => Promise<void> | void;

/** Bytes before each record in a run: rank (f64), key (f64), tie (u32), head length (u32), tail length (u32). */
export const RECORD_HEADER = 28;
const MIN_ARENA = 1 << 20;
// Sorted output is handed to the writer a megabyte at a time.
const WRITE_CHUNK = 1 << 20;
// A full arena goes to its run file this many bytes at a time.
const SPILL_SEGMENT = 1 << 18;
// Per run file while merging: small, since a million rows make some seventy runs.
const READ_CHUNK = 1 << 16;

export class SortedSpool {
  /** the arena: the records' bytes, written in place by begin() and end() or by push() */
  private readonly bytes = new ByteBuffer(0);
  private count = 0;
  /** where the record begun by begin() starts */
  private start = 0;
  /** @internal sort keys and byte extents per record, read by ArenaCursor */
  rank = new Float64Array(1024);
  key = new Float64Array(1024);
  tie = new Uint32Array(1024);
  offset = new Uint32Array(1024);
  headLen = new Uint32Array(1024);
  tailLen = new Uint32Array(1024);
  private runs: RunExtent[] = [];
  /** per run file written elsewhere: byte offsets of the records the merge leaves out */
  private readonly skipped = new Map<string, Set<number>>();
  private dir: string | undefined;
  private forgetDir: (() => void) | undefined;
  /** the sorted records of a full arena on their way to its run file, a segment at a time */
  private segment = Buffer.alloc(0);
  /** the arena's record indices being sorted, and the merge sort's second array (order()) */
  private sortIndex = new Uint32Array(0);
  private sortScratch = new Uint32Array(0);

  constructor(private readonly budgetBytes = 8 * 1024 * 1024) {}

  /** Adds a record (synchronously; a full arena is written to a run file first). */
  add(record: SpoolRecord): void {
    this.push(record.rank, record.key, record.tie, record.head, record.tail);
  }

  /** Like add(), without a record object. */
  push(rank: number, key: number, tie: number, head: string, tail: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    const out = this.begin(3 * (head.length + tail.length));
    putString(out, head);
    const headEnd = out.at;
    putString(out, tail);
    this.end(rank, key, tie, headEnd);
  }

  /**
   * Starts a record written in place: its head and tail bytes go into the returned buffer
   * (from its `at` on), then end() adds the record. `room`: the bytes the record is expected
   * to need, for the decision to spill the arena first (a longer record grows it).
   */
  begin(room: number): ByteBuffer {
    const out = this.bytes;
    if (out.at + room > out.buf.length) {
      if (this.count > 0 && out.at + room > this.budgetBytes) this.spill();
      if (out.at + room > out.buf.length) this.growArena(out.at + room);
    }
    this.start = out.at;
    return out;
  }

  /** Adds the record written since begin(), with its head ending at byte `headEnd` of the buffer. */
  end(rank: number, key: number, tie: number, headEnd: number): void {
    if (this.count === this.rank.length) this.growKeys();
    const i = this.count++;
    this.rank[i] = rank;
    this.key[i] = key;
    this.tie[i] = tie;
    this.offset[i] = this.start;
    this.headLen[i] = headEnd - this.start;
    this.tailLen[i] = this.bytes.at - headEnd;
  }

  /**
   * Takes the record end() added last out again (it is never output; its bytes are
   * overwritten by the next record). Only right after that end().
   */
  withdrawLast(): void {
    if (this.count === 0) return;
    this.count--;
    this.bytes.at = this.offset[this.count] as number;
  }

  /**
   * A path for a run file written elsewhere (a worker thread, with writeRunAt) in the spool's
   * temporary directory, which the spool removes when done (or interrupted).
   */
  runFilePath(name: string): string {
    return join(this.tempDir(), name);
  }

  /**
   * Adds a run sorted and written elsewhere: bytes [start, end) of `path`, in the run format
   * (each record behind its RECORD_HEADER).
   */
  addRunExtent(path: string, start: number, end: number): void {
    if (end > start) this.runs.push({ path, start, end });
  }

  /**
   * Leaves the record at byte `offset` of a run file written elsewhere out of the output (a
   * row whose id a later row of the file decided against). Nothing written is changed: the
   * merge, which starts once every record to leave out is known, passes over it.
   */
  skip(path: string, offset: number): void {
    let at = this.skipped.get(path);
    if (at === undefined) this.skipped.set(path, (at = new Set()));
    at.add(offset);
  }

  /** Yields every record in sorted order, then removes the temporary files. */
  async *sorted(): AsyncGenerator<SpoolRecord> {
    const cursor = await this.cursor();
    try {
      while (cursor.valid) {
        const { keys, bytes, headLen: h } = cursor;
        yield { rank: keys.rank, key: keys.key, tie: keys.tie, head: bytes.toString('utf8', 0, h), tail: bytes.toString('utf8', h) };
        const more = cursor.advance();
        if (more) await more;
      }
    } finally {
      await cursor.close();
      await this.dispose();
    }
  }

  /**
   * Hands each record in sorted order to `visit` as a place in a buffer — its head is
   * `bytes[start, headEnd)`, its tail `bytes[headEnd, end)` — awaiting a promise `visit`
   * returns; then removes the temporary files. The bytes stay as they are until `visit`
   * returns (or its promise resolves): no string, view or other object is made per record,
   * for a reader that copies most of each record somewhere else (campaign's second pass).
   */
  async eachBytes(visit: (bytes: Buffer, start: number, headEnd: number, end: number) => Promise<void> | undefined): Promise<void> {
    const cursor = await this.cursor();
    try {
      while (cursor.valid) {
        const start = cursor.recordStart;
        const waiting = visit(cursor.source, start, start + cursor.headLen, cursor.recordEnd);
        if (waiting) await waiting;
        const more = cursor.advance();
        if (more) await more;
      }
    } finally {
      await cursor.close();
      await this.dispose();
    }
  }

  /**
   * Writes head + priority (1, 2, …) + tail of every record in order, as bytes; then cleans
   * up. Two output buffers take turns: one is filled while the sink writes the other, and is
   * reused once the sink's promise for it has resolved (fresh memory for every megabyte
   * would cost a page fault per page).
   */
  async writeNumbered(sink: ByteSink): Promise<void> {
    const cursor = await this.cursor();
    try {
      const buffers = [Buffer.allocUnsafeSlow(WRITE_CHUNK), Buffer.allocUnsafeSlow(WRITE_CHUNK)];
      const inFlight: (Promise<void> | void)[] = [undefined, undefined];
      let turn = 0;
      let out = buffers[0] as Buffer;
      let at = 0;
      let priority = 0;
      const hand = async () => {
        inFlight[turn] = sink(out.subarray(0, at));
        turn ^= 1;
        await inFlight[turn];
        inFlight[turn] = undefined;
        out = buffers[turn] as Buffer;
        at = 0;
      };
      while (cursor.valid) {
        const { source, recordStart: start, recordEnd: end, headLen: h } = cursor;
        const length = end - start;
        if (at + length + 16 > out.length) {
          if (at > 0) await hand();
          if (length + 16 > out.length) out = buffers[turn] = Buffer.allocUnsafeSlow(length + 16);
        }
        // One copy of head and tail, then the tail moved up in place to make room for the
        // priority, written as digits: a copy of a part makes a view (Buffer.copy too), so one is
        // made, and no string (a million of each at a million rows, in the run's last second,
        // when the main thread alone works).
        out.set(source.subarray(start, end), at);
        const digits = decimalLength(++priority);
        out.copyWithin(at + h + digits, at + h, at + length);
        putDecimalDigits(out, at + h, priority, digits);
        at += length + digits;
        cursor.advance();
      }
      if (at > 0) await hand();
      await inFlight[turn ^ 1];
    } finally {
      await cursor.close();
      await this.dispose();
    }
  }

  async dispose(): Promise<void> {
    this.bytes.buf = Buffer.allocUnsafe(0);
    this.segment = Buffer.alloc(0);
    this.sortIndex = this.sortScratch = new Uint32Array(0);
    this.bytes.at = 0;
    this.count = 0;
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.forgetDir?.();
    this.dir = undefined;
  }

  /** The directory of the run files, made on first use (and removed should the process be interrupted). */
  private tempDir(): string {
    if (this.dir === undefined) {
      this.dir = mkdtempSync(join(tmpdir(), 'winback-sort-'));
      this.forgetDir = registerTemp(this.dir);
    }
    return this.dir;
  }

  /** A cursor over all records in order: the arena alone, or the merged run files. */
  private async cursor(): Promise<Cursor> {
    if (this.runs.length === 0) return new ArenaCursor(this.bytes.buf, this.order(), this);
    this.spill();
    // The arena, the segment and the sort's indices are not needed while merging: let them go.
    this.bytes.buf = Buffer.allocUnsafe(0);
    this.segment = Buffer.alloc(0);
    this.sortIndex = this.sortScratch = new Uint32Array(0);
    return MergeCursor.open(this.runs, this.skipped);
  }

  /**
   * Indices of the arena's records in sort order, in memory reused from one arena to the next.
   * Sorted by mergeSortIndex: `Uint32Array.prototype.sort` with a comparator copies the array
   * into two arrays on the heap per call, which for an arena's ~50,000 records land in V8's
   * large-object space and wait there for a full collection (`campaign` at a million rows:
   * ~14 MB of them on the main thread by the end of the first pass).
   */
  private order(): Uint32Array {
    const n = this.count;
    if (this.sortIndex.length < n) {
      this.sortIndex = new Uint32Array(this.rank.length);
      this.sortScratch = new Uint32Array(this.rank.length);
    }
    const idx = this.sortIndex.subarray(0, n);
    for (let i = 0; i < n; i++) idx[i] = i;
    const { rank, key, tie } = this;
    return mergeSortIndex(idx, this.sortScratch.subarray(0, n), (a, b) => (rank[a] as number) - (rank[b] as number) || (key[b] as number) - (key[a] as number) || (tie[a] as number) - (tie[b] as number));
  }

  private growArena(needed: number): void {
    // The whole budget at once: untouched pages of a large allocation cost no memory, and
    // growing step by step would leave every smaller arena behind as garbage.
    const size = Math.max(needed, this.budgetBytes, MIN_ARENA);
    const next = Buffer.allocUnsafeSlow(size);
    this.bytes.buf.copy(next, 0, 0, this.bytes.at);
    this.bytes.buf = next;
  }

  private growKeys(): void {
    const n = this.rank.length * 2;
    const grow = <T extends Float64Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.rank = grow(this.rank, (k) => new Float64Array(k));
    this.key = grow(this.key, (k) => new Float64Array(k));
    this.tie = grow(this.tie, (k) => new Uint32Array(k));
    this.offset = grow(this.offset, (k) => new Uint32Array(k));
    this.headLen = grow(this.headLen, (k) => new Uint32Array(k));
    this.tailLen = grow(this.tailLen, (k) => new Uint32Array(k));
  }

  /**
   * Writes the arena's records in sort order to a new run file, each behind its 28-byte
   * header, through one reused segment of SPILL_SEGMENT bytes (synchronous writes, which the
   * page cache takes at memory speed); the arena is free again at once. Before, the sorted run
   * was copied whole into a run buffer as large as the arena and written in the background —
   * and into a second one when the first was still being written: up to twice the budget
   * beside the arena, for a write the page cache finishes in milliseconds.
   */
  private spill(): void {
    if (this.count === 0) return;
    const path = join(this.tempDir(), `run-${this.runs.length}.bin`);
    if (this.segment.length === 0) this.segment = Buffer.allocUnsafeSlow(SPILL_SEGMENT);
    let fd: number | undefined;
    let written = 0;
    try {
      fd = openSync(path, 'w');
      const out = fd;
      written = this.sortInto((bytes) => {
        for (let done = 0; done < bytes.length; ) done += writeSync(out, bytes, done, bytes.length - done);
      });
    } catch (err) {
      throw spillError(path, err);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    this.runs.push({ path, start: 0, end: written });
    this.bytes.at = 0;
    this.count = 0;
  }

  /** Hands the arena's records in sort order, each behind its 28-byte header, to `write` a segment at a time; returns the bytes written. */
  private sortInto(write: (bytes: Buffer) => void): number {
    let out = this.segment;
    let used = 0;
    let total = 0;
    for (const i of this.order()) {
      const h = this.headLen[i] as number;
      const len = h + (this.tailLen[i] as number);
      const size = RECORD_HEADER + len;
      if (used + size > out.length) {
        if (used > 0) write(out.subarray(0, used));
        used = 0;
        // A record larger than the segment goes through a buffer of its own.
        out = size > this.segment.length ? Buffer.allocUnsafe(size) : this.segment;
      }
      out.writeDoubleLE(this.rank[i] as number, used);
      out.writeDoubleLE(this.key[i] as number, used + 8);
      out.writeUInt32LE(this.tie[i] as number, used + 16);
      out.writeUInt32LE(h, used + 20);
      out.writeUInt32LE(len - h, used + 24);
      const from = this.offset[i] as number;
      used += RECORD_HEADER + this.bytes.buf.copy(out, used + RECORD_HEADER, from, from + len);
      total += size;
    }
    if (used > 0) write(out.subarray(0, used));
    return total;
  }
}

/** Insertion-sorted stretches of this many indices start the merge sort. */
const SORT_RUN = 32;

/**
 * Sorts the indices `idx` by `compare` (stably, as Array.prototype.sort does), through
 * `scratch` (as long as `idx`): insertion-sorted stretches of SORT_RUN, then merged bottom-up,
 * back and forth between the two arrays. Returns the one holding the result. Nothing is
 * allocated, where `TypedArray.prototype.sort` with a comparator copies into the heap.
 */
export function mergeSortIndex(idx: Uint32Array, scratch: Uint32Array, compare: (a: number, b: number) => number): Uint32Array {
  const n = idx.length;
  for (let lo = 0; lo < n; lo += SORT_RUN) {
    const hi = Math.min(lo + SORT_RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const v = idx[i] as number;
      let j = i - 1;
      for (; j >= lo && compare(idx[j] as number, v) > 0; j--) idx[j + 1] = idx[j] as number;
      idx[j + 1] = v;
    }
  }
  let from = idx;
  let to = scratch;
  for (let width = SORT_RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      // The left one first when they compare equal: stable.
      while (i < mid && j < hi) to[k++] = compare(from[j] as number, from[i] as number) < 0 ? (from[j++] as number) : (from[i++] as number);
      while (i < mid) to[k++] = from[i++] as number;
      while (j < hi) to[k++] = from[j++] as number;
    }
    const t = from;
    from = to;
    to = t;
  }
  return from;
}

function spillError(path: string, err: unknown): IoError {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return keyedError((m, h) => new IoError(m, h), noteOf('files', { key: 'spillWrite', args: [path, code, (err as Error).message] }), noteOf('files', { key: 'spillWriteHint', args: [] }));
}

function spillReadError(err: unknown): IoError {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return keyedError((m, h) => new IoError(m, h), noteOf('files', { key: 'spillRead', args: [code, (err as Error).message] }), noteOf('files', { key: 'spillReadHint', args: [] }));
}

/**
 * Writes `bytes` to the run file `path` at `position`, creating the file when `position` is 0
 * — for a worker thread writing its own runs (see SortedSpool.addRunExtent).
 */
export function writeRunAt(path: string, bytes: Uint8Array, position: number): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, position === 0 ? 'w' : 'r+');
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
  } catch (err) {
    throw spillError(path, err);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Where a run lies: a whole run file, or a stretch of the file of pre-sorted runs. */
interface RunExtent {
  path: string;
  start: number;
  end: number;
}

/** Sequential reader of one run, through one reused buffer. */
class RunReader {
  private buf = Buffer.allocUnsafe(READ_CHUNK);
  private pos = 0;
  private end = 0;
  private eof = false;
  private need = 0;
  readonly keys: SpoolRecord = { rank: 0, key: 0, tie: 0, head: '', tail: '' };
  /** the current record's head and tail: bytes [recordStart, recordEnd) of source, valid until next() (no view made per record) */
  source: Buffer = this.buf;
  recordStart = 0;
  recordEnd = 0;
  headLen = 0;
  private position: number;
  /** the file offset of buf[0] */
  private base: number;
  constructor(
    private readonly fd: number,
    start: number,
    private readonly stop: number,
    /** offsets in the file of records to pass over (SortedSpool.skip) */
    private readonly skipped: ReadonlySet<number> | undefined,
  ) {
    this.position = start;
    this.base = start;
  }

  /**
   * Moves to the next record; false at the end of the run. Reads synchronously: a read from
   * a run file just written comes from the page cache, and waiting for the event loop's
   * round trip on each of thousands of small reads would leave the merge idle most of the time.
   */
  next(): boolean {
    for (;;) {
      const moved = this.nextInBuffer();
      if (moved !== undefined) return moved;
      this.fill();
    }
  }

  /** Moves to the next record if it is in the buffer; undefined when more must be read first. */
  private nextInBuffer(): boolean | undefined {
    for (;;) {
      const avail = this.end - this.pos;
      if (avail < RECORD_HEADER) return this.eof ? this.finish(avail) : undefined;
      const p = this.pos;
      const headLen = this.buf.readUInt32LE(p + 20);
      const size = RECORD_HEADER + headLen + this.buf.readUInt32LE(p + 24);
      if (avail < size) {
        this.need = size;
        return this.eof ? this.finish(avail) : undefined;
      }
      this.pos += size;
      if (this.skipped?.has(this.base + p)) continue;
      this.keys.rank = this.buf.readDoubleLE(p);
      this.keys.key = this.buf.readDoubleLE(p + 8);
      this.keys.tie = this.buf.readUInt32LE(p + 16);
      this.headLen = headLen;
      this.source = this.buf;
      this.recordStart = p + RECORD_HEADER;
      this.recordEnd = p + size;
      return true;
    }
  }

  private finish(avail: number): false {
    if (avail > 0) throw keyedError((m) => new IoError(m), noteOf('files', { key: 'spillCut', args: [] }));
    return false;
  }

  /** Reads more of the file behind the unread rest (grown only for an outsized record). */
  private fill(): void {
    const n = Math.max(this.need, RECORD_HEADER);
    if (n > this.buf.length) {
      const bigger = Buffer.allocUnsafe(n);
      this.buf.copy(bigger, 0, this.pos, this.end);
      this.buf = bigger;
    } else this.buf.copyWithin(0, this.pos, this.end);
    this.base += this.pos;
    this.end -= this.pos;
    this.pos = 0;
    let bytesRead: number;
    try {
      bytesRead = readSync(this.fd, this.buf, this.end, Math.min(this.buf.length - this.end, this.stop - this.position), this.position);
      this.position += bytesRead;
    } catch (err) {
      throw spillReadError(err);
    }
    if (bytesRead === 0) this.eof = true;
    this.end += bytesRead;
  }
}

function before(a: SpoolRecord, b: SpoolRecord): boolean {
  return (a.rank - b.rank || b.key - a.key || a.tie - b.tie) < 0;
}

/** The current record of an ordered walk; advance() returns a promise only when it must read. */
interface Cursor {
  valid: boolean;
  keys: SpoolRecord;
  /** the record's head and tail: bytes [recordStart, recordEnd) of source */
  source: Buffer;
  recordStart: number;
  recordEnd: number;
  /** the same bytes as a view of their own */
  readonly bytes: Buffer;
  headLen: number;
  advance(): Promise<void> | undefined;
  close(): Promise<void>;
}

class ArenaCursor implements Cursor {
  valid = false;
  keys: SpoolRecord = { rank: 0, key: 0, tie: 0, head: '', tail: '' };
  recordStart = 0;
  recordEnd = 0;
  headLen = 0;
  private at = -1;
  constructor(
    readonly source: Buffer,
    private readonly order: Uint32Array,
    private readonly spool: SortedSpool,
  ) {
    this.advance();
  }

  /** The record's bytes as a view of their own (made on request only). */
  get bytes(): Buffer {
    return this.source.subarray(this.recordStart, this.recordEnd);
  }

  advance(): undefined {
    const i = this.order[++this.at];
    this.valid = i !== undefined;
    if (i === undefined) return undefined;
    const s = this.spool;
    this.keys.rank = s.rank[i] as number;
    this.keys.key = s.key[i] as number;
    this.keys.tie = s.tie[i] as number;
    this.recordStart = s.offset[i] as number;
    this.headLen = s.headLen[i] as number;
    this.recordEnd = this.recordStart + this.headLen + (s.tailLen[i] as number);
    return undefined;
  }

  async close(): Promise<void> {}
}

/** How many decimal digits the positive integer `n` has. */
function decimalLength(n: number): number {
  let digits = 1;
  for (let v = n; v >= 10; v = Math.floor(v / 10)) digits++;
  return digits;
}

/** Writes the `digits` decimal digits of the positive integer `n` into `out` from `at` on. */
function putDecimalDigits(out: Buffer, at: number, n: number, digits: number): void {
  for (let v = n, k = at + digits - 1; k >= at; k--, v = Math.floor(v / 10)) out[k] = 48 + (v % 10);
}

/** k-way merge of the run files through a binary heap of their readers. */
class MergeCursor implements Cursor {
  valid = false;
  keys: SpoolRecord = { rank: 0, key: 0, tie: 0, head: '', tail: '' };
  source: Buffer = Buffer.alloc(0);
  recordStart = 0;
  recordEnd = 0;
  headLen = 0;
  private constructor(
    private readonly fds: number[],
    private readonly heap: RunReader[],
  ) {}

  /** The record's bytes as a view of their own (made on request only). */
  get bytes(): Buffer {
    return this.source.subarray(this.recordStart, this.recordEnd);
  }

  static async open(runs: RunExtent[], skipped: ReadonlyMap<string, ReadonlySet<number>>): Promise<MergeCursor> {
    const fds = new Map<string, number>();
    try {
      for (const r of runs) if (!fds.has(r.path)) fds.set(r.path, openSync(r.path, 'r'));
    } catch (err) {
      for (const fd of fds.values()) closeSync(fd);
      throw spillReadError(err);
    }
    const heap = runs.map((r) => new RunReader(fds.get(r.path) as number, r.start, r.end, skipped.get(r.path))).filter((r) => r.next());
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, i);
    const cursor = new MergeCursor([...fds.values()], heap);
    cursor.show();
    return cursor;
  }

  advance(): undefined {
    this.settle((this.heap[0] as RunReader).next());
    return undefined;
  }

  async close(): Promise<void> {
    for (const fd of this.fds) closeSync(fd);
  }

  private settle(moved: boolean): void {
    if (!moved) {
      const last = this.heap.pop() as RunReader;
      if (this.heap.length > 0) this.heap[0] = last;
    }
    if (this.heap.length > 0) siftDown(this.heap, 0);
    this.show();
  }

  private show(): void {
    const best = this.heap[0];
    this.valid = best !== undefined;
    if (best === undefined) return;
    this.keys = best.keys;
    this.source = best.source;
    this.recordStart = best.recordStart;
    this.recordEnd = best.recordEnd;
    this.headLen = best.headLen;
  }
}

function siftDown(heap: RunReader[], at: number): void {
  const n = heap.length;
  let i = at;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < n && before((heap[l] as RunReader).keys, (heap[m] as RunReader).keys)) m = l;
    if (r < n && before((heap[r] as RunReader).keys, (heap[m] as RunReader).keys)) m = r;
    if (m === i) return;
    [heap[i], heap[m]] = [heap[m] as RunReader, heap[i] as RunReader];
    i = m;
  }
}
