import { open, rm, mkdtemp, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IoError } from '../errors.js';

/**
 * An external sort for output records: records are kept in memory up to a byte budget,
 * then each full batch is sorted and written to a temporary run file; reading merges the
 * runs. Memory stays bounded by the budget however many rows there are (issue 9), and a
 * small input never touches the disk.
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

function compare(a: SpoolRecord, b: SpoolRecord): number {
  return a.rank - b.rank || b.key - a.key || a.tie - b.tie;
}

export class SortedSpool {
  private batch: SpoolRecord[] = [];
  private batchBytes = 0;
  private runs: string[] = [];
  private dir: string | undefined;

  constructor(private readonly budgetBytes = 48 * 1024 * 1024) {}

  async add(record: SpoolRecord): Promise<void> {
    this.batch.push(record);
    this.batchBytes += (record.head.length + record.tail.length) * 2 + 96;
    if (this.batchBytes >= this.budgetBytes) await this.spill();
  }

  /** Yields every record in sorted order, then removes the temporary files. */
  async *sorted(): AsyncGenerator<SpoolRecord> {
    this.batch.sort(compare);
    try {
      if (this.runs.length === 0) {
        yield* this.batch;
        return;
      }
      await this.spill();
      yield* mergeRuns(this.runs);
    } finally {
      await this.dispose();
    }
  }

  async dispose(): Promise<void> {
    this.batch = [];
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }

  private async spill(): Promise<void> {
    if (this.batch.length === 0) return;
    this.batch.sort(compare);
    this.dir ??= await mkdtemp(join(tmpdir(), 'winback-sort-'));
    const path = join(this.dir, `run-${this.runs.length}.bin`);
    const fh = await open(path, 'w');
    try {
      let parts: Buffer[] = [];
      let size = 0;
      for (const r of this.batch) {
        const buf = encodeRecord(r);
        parts.push(buf);
        size += buf.length;
        if (size > 1 << 20) {
          await fh.write(Buffer.concat(parts, size));
          parts = [];
          size = 0;
        }
      }
      if (size > 0) await fh.write(Buffer.concat(parts, size));
    } catch (err) {
      throw new IoError(`cannot write the temporary sort file ${path}: ${(err as Error).message}`, 'check free space in the temp directory (TMPDIR)');
    } finally {
      await fh.close();
    }
    this.runs.push(path);
    this.batch = [];
    this.batchBytes = 0;
  }
}

function encodeRecord(r: SpoolRecord): Buffer {
  const head = Buffer.from(r.head, 'utf8');
  const tail = Buffer.from(r.tail, 'utf8');
  const buf = Buffer.allocUnsafe(28 + head.length + tail.length);
  buf.writeDoubleLE(r.rank, 0);
  buf.writeDoubleLE(r.key, 8);
  buf.writeUInt32LE(r.tie, 16);
  buf.writeUInt32LE(head.length, 20);
  buf.writeUInt32LE(tail.length, 24);
  head.copy(buf, 28);
  tail.copy(buf, 28 + head.length);
  return buf;
}

/** Sequential reader of one run file. */
class RunReader {
  private buf = Buffer.alloc(0);
  private pos = 0;
  private eof = false;
  constructor(private readonly fh: FileHandle) {}

  async next(): Promise<SpoolRecord | undefined> {
    if (!(await this.ensure(28))) return undefined;
    const headLen = this.buf.readUInt32LE(this.pos + 20);
    const tailLen = this.buf.readUInt32LE(this.pos + 24);
    if (!(await this.ensure(28 + headLen + tailLen))) throw new IoError('a temporary sort file was cut short');
    const p = this.pos;
    const record: SpoolRecord = {
      rank: this.buf.readDoubleLE(p),
      key: this.buf.readDoubleLE(p + 8),
      tie: this.buf.readUInt32LE(p + 16),
      head: this.buf.toString('utf8', p + 28, p + 28 + headLen),
      tail: this.buf.toString('utf8', p + 28 + headLen, p + 28 + headLen + tailLen),
    };
    this.pos += 28 + headLen + tailLen;
    return record;
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

async function* mergeRuns(paths: string[]): AsyncGenerator<SpoolRecord> {
  const handles = await Promise.all(paths.map((p) => open(p, 'r')));
  try {
    const readers = handles.map((h) => new RunReader(h));
    const heads = await Promise.all(readers.map((r) => r.next()));
    for (;;) {
      let best = -1;
      for (let i = 0; i < heads.length; i++) {
        const h = heads[i];
        if (h && (best < 0 || compare(h, heads[best] as SpoolRecord) < 0)) best = i;
      }
      if (best < 0) return;
      yield heads[best] as SpoolRecord;
      heads[best] = await (readers[best] as RunReader).next();
    }
  } finally {
    await Promise.all(handles.map((h) => h.close()));
  }
}
