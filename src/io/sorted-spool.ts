import { open, rm, mkdtemp, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IoError } from '../errors.js';

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

/** Receives sorted output bytes; may return a promise to make the writer wait. */
export type ByteSink = (bytes: Buffer) => Promise<void> | void;

const RECORD_HEADER = 28;
const MIN_ARENA = 1 << 20;
const WRITE_CHUNK = 1 << 20;

export class SortedSpool {
  private arena = Buffer.allocUnsafe(0);
  private used = 0;
  private count = 0;
  private rank = new Float64Array(1024);
  private key = new Float64Array(1024);
  private tie = new Uint32Array(1024);
  private offset = new Uint32Array(1024);
  private headLen = new Uint32Array(1024);
  private tailLen = new Uint32Array(1024);
  private runs: string[] = [];
  private dir: string | undefined;

  constructor(private readonly budgetBytes = 32 * 1024 * 1024) {}

  /** Adds a record; returns a promise only when the arena was full and had to be written out. */
  add(record: SpoolRecord): Promise<void> | undefined {
    return this.push(record.rank, record.key, record.tie, record.head, record.tail);
  }

  /** Like add(), without a record object. */
  push(rank: number, key: number, tie: number, head: string, tail: string): Promise<void> | undefined {
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    const worst = 3 * (head.length + tail.length);
    if (this.used + worst > this.arena.length) {
      if (this.count > 0 && this.used + worst > this.budgetBytes) {
        return this.spill().then(() => void this.push(rank, key, tie, head, tail));
      }
      this.growArena(this.used + worst);
    }
    if (this.count === this.rank.length) this.growKeys();
    const i = this.count++;
    this.rank[i] = rank;
    this.key[i] = key;
    this.tie[i] = tie;
    this.offset[i] = this.used;
    const h = head === '' ? 0 : this.arena.write(head, this.used, 'utf8');
    const t = tail === '' ? 0 : this.arena.write(tail, this.used + h, 'utf8');
    this.headLen[i] = h;
    this.tailLen[i] = t;
    this.used += h + t;
    return undefined;
  }

  /** Yields every record in sorted order, then removes the temporary files. */
  async *sorted(): AsyncGenerator<SpoolRecord> {
    for await (const [r, bytes, h] of this.sortedRaw()) {
      yield { rank: r.rank, key: r.key, tie: r.tie, head: bytes.toString('utf8', 0, h), tail: bytes.toString('utf8', h) };
    }
  }

  /** Writes head + priority (1, 2, …) + tail of every record in order, as bytes; then cleans up. */
  async writeNumbered(sink: ByteSink): Promise<void> {
    let out = Buffer.allocUnsafe(WRITE_CHUNK);
    let at = 0;
    let priority = 0;
    for await (const [, bytes, h] of this.sortedRaw()) {
      const need = bytes.length + 16;
      if (at + need > out.length) {
        if (at > 0) {
          const pending = sink(out.subarray(0, at));
          if (pending) await pending;
        }
        out = Buffer.allocUnsafe(Math.max(WRITE_CHUNK, need));
        at = 0;
      }
      at += bytes.copy(out, at, 0, h);
      at += out.write(String(++priority), at, 'latin1');
      at += bytes.copy(out, at, h);
    }
    if (at > 0) await sink(out.subarray(0, at));
  }

  async dispose(): Promise<void> {
    this.arena = Buffer.allocUnsafe(0);
    this.used = 0;
    this.count = 0;
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }

  /** Sorted records as (keys, head+tail bytes, head length); the bytes are valid until the next step. */
  private async *sortedRaw(): AsyncGenerator<[SpoolRecord, Buffer, number]> {
    try {
      if (this.runs.length === 0) {
        const keys: SpoolRecord = { rank: 0, key: 0, tie: 0, head: '', tail: '' };
        for (const i of this.order()) {
          keys.rank = this.rank[i] as number;
          keys.key = this.key[i] as number;
          keys.tie = this.tie[i] as number;
          const from = this.offset[i] as number;
          const h = this.headLen[i] as number;
          yield [keys, this.arena.subarray(from, from + h + (this.tailLen[i] as number)), h];
        }
        return;
      }
      await this.spill();
      yield* mergeRuns(this.runs);
    } finally {
      await this.dispose();
    }
  }

  /** Indices of the arena's records in sort order. */
  private order(): Uint32Array {
    const idx = new Uint32Array(this.count);
    for (let i = 0; i < idx.length; i++) idx[i] = i;
    const { rank, key, tie } = this;
    return idx.sort((a, b) => (rank[a] as number) - (rank[b] as number) || (key[b] as number) - (key[a] as number) || (tie[a] as number) - (tie[b] as number));
  }

  private growArena(needed: number): void {
    let size = Math.max(MIN_ARENA, this.arena.length * 2);
    while (size < needed) size *= 2;
    size = Math.max(needed, Math.min(size, this.budgetBytes));
    const next = Buffer.allocUnsafe(size);
    this.arena.copy(next, 0, 0, this.used);
    this.arena = next;
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

  private async spill(): Promise<void> {
    if (this.count === 0) return;
    this.dir ??= await mkdtemp(join(tmpdir(), 'winback-sort-'));
    const path = join(this.dir, `run-${this.runs.length}.bin`);
    const fh = await open(path, 'w');
    try {
      let out = Buffer.allocUnsafe(WRITE_CHUNK);
      let at = 0;
      for (const i of this.order()) {
        const h = this.headLen[i] as number;
        const len = h + (this.tailLen[i] as number);
        if (at + RECORD_HEADER + len > out.length) {
          await fh.write(out, 0, at);
          out = Buffer.allocUnsafe(Math.max(WRITE_CHUNK, RECORD_HEADER + len));
          at = 0;
        }
        out.writeDoubleLE(this.rank[i] as number, at);
        out.writeDoubleLE(this.key[i] as number, at + 8);
        out.writeUInt32LE(this.tie[i] as number, at + 16);
        out.writeUInt32LE(h, at + 20);
        out.writeUInt32LE(len - h, at + 24);
        const from = this.offset[i] as number;
        at += RECORD_HEADER + this.arena.copy(out, at + RECORD_HEADER, from, from + len);
      }
      if (at > 0) await fh.write(out, 0, at);
    } catch (err) {
      throw new IoError(`cannot write the temporary sort file ${path}: ${(err as Error).message}`, 'check free space in the temp directory (TMPDIR)');
    } finally {
      await fh.close();
    }
    this.runs.push(path);
    this.used = 0;
    this.count = 0;
  }
}

/** Sequential reader of one run file. */
class RunReader {
  private buf = Buffer.alloc(0);
  private pos = 0;
  private eof = false;
  readonly keys: SpoolRecord = { rank: 0, key: 0, tie: 0, head: '', tail: '' };
  bytes: Buffer = Buffer.alloc(0);
  headLen = 0;
  constructor(private readonly fh: FileHandle) {}

  /** Moves to the next record; false at the end of the run. */
  async next(): Promise<boolean> {
    if (!(await this.ensure(RECORD_HEADER))) return false;
    const headLen = this.buf.readUInt32LE(this.pos + 20);
    const tailLen = this.buf.readUInt32LE(this.pos + 24);
    if (!(await this.ensure(RECORD_HEADER + headLen + tailLen))) throw new IoError('a temporary sort file was cut short');
    const p = this.pos;
    this.keys.rank = this.buf.readDoubleLE(p);
    this.keys.key = this.buf.readDoubleLE(p + 8);
    this.keys.tie = this.buf.readUInt32LE(p + 16);
    this.headLen = headLen;
    this.bytes = this.buf.subarray(p + RECORD_HEADER, p + RECORD_HEADER + headLen + tailLen);
    this.pos += RECORD_HEADER + headLen + tailLen;
    return true;
  }

  private async ensure(n: number): Promise<boolean> {
    while (this.buf.length - this.pos < n) {
      if (this.eof) return false;
      const chunk = Buffer.allocUnsafe(Math.max(1 << 20, n));
      const { bytesRead } = await this.fh.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) this.eof = true;
      this.buf = Buffer.concat([this.buf.subarray(this.pos), chunk.subarray(0, bytesRead)]);
      this.pos = 0;
    }
    return true;
  }
}

function before(a: SpoolRecord, b: SpoolRecord): boolean {
  return (a.rank - b.rank || b.key - a.key || a.tie - b.tie) < 0;
}

async function* mergeRuns(paths: string[]): AsyncGenerator<[SpoolRecord, Buffer, number]> {
  const handles = await Promise.all(paths.map((p) => open(p, 'r')));
  try {
    const readers = handles.map((h) => new RunReader(h));
    let live = (await Promise.all(readers.map(async (r) => ((await r.next()) ? r : undefined)))).filter((r) => r !== undefined);
    while (live.length > 0) {
      let best = live[0] as RunReader;
      for (let i = 1; i < live.length; i++) if (before((live[i] as RunReader).keys, best.keys)) best = live[i] as RunReader;
      yield [best.keys, best.bytes, best.headLen];
      if (!(await best.next())) live = live.filter((r) => r !== best);
    }
  } finally {
    await Promise.all(handles.map((h) => h.close()));
  }
}
