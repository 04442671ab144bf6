/**
 * Atomic file replacement: write to a temporary file in the target's directory, fsync,
 * then rename over the target. A reader (or a run killed at any moment) sees either the
 * old file or the new one, never a half-written file. Temporary files are named
 * `.<name>.<pid>.<random>.tmp` so they are hidden and traceable to the run that left them.
 */
import { randomBytes } from 'node:crypto';
import { refuseInputAsOutput } from './run-inputs.js';
import { open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { CannotCreateError, IoError, WinbackError } from '../errors.js';
import { keyedError, noteOf } from '../domain/catalogue/index.js';
import { registerTemp } from './temp-cleanup.js';

// A target that exists and is no regular file: a device, a pipe or a socket (no Node code of its own).
const NOT_REGULAR = 'ENOTREG';

// Codes that mean "this output cannot be created here" (exit 73) rather than a failing device (74).
const CANNOT_CREATE = new Set(['EACCES', 'EPERM', 'ENOENT', 'ENOTDIR', 'EISDIR', 'EROFS', 'EEXIST', 'ENAMETOOLONG', NOT_REGULAR]);


/** Turns a Node file-system error into CannotCreateError (73) or IoError (74) naming the path. */
export function toWriteError(error: unknown, path: string): WinbackError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  if (CANNOT_CREATE.has(code)) {
    const hint = code === NOT_REGULAR ? noteOf('files', { key: 'notRegularHint', args: [] }) : noteOf('files', { key: 'cannotCreateHint', args: [] });
    return keyedError((m, h) => new CannotCreateError(m, h), noteOf('files', { key: 'cannotCreate', args: [path, code, detail] }), hint);
  }
  const hint = code === 'ENOSPC' || code === 'EDQUOT' ? noteOf('files', { key: 'diskFullHint', args: [] }) : undefined;
  return keyedError((m, h) => new IoError(m, h), noteOf('files', { key: 'cannotWrite', args: [path, code, detail] }), hint);
}

/**
 * Refuses a target that exists and is no regular file or directory — a device, a pipe, a
 * socket (through a symlink too, as /dev/fd/63 of a shell's process substitution): the atomic
 * rename would replace it by a file (a run as root replaced /dev/full), and a pipe's reader
 * would get nothing.
 */
async function refuseSpecialTarget(path: string): Promise<void> {
  let kind: Awaited<ReturnType<typeof stat>>;
  try {
    kind = await stat(path);
  } catch {
    return;
  }
  if (!kind.isFile() && !kind.isDirectory()) throw Object.assign(new Error('not a regular file'), { code: NOT_REGULAR });
}

/** Path of a fresh temporary file next to the target. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Replaces the file at path with data atomically. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = await writeTemp(path, data);
  try {
    await rename(temp.path, path);
  } catch (error) {
    await removeQuietly(temp.path);
    throw toWriteError(error, path);
  } finally {
    temp.forget();
  }
  await syncDirectory(dirname(path));
}

/**
 * Replaces a set of files in dir. All temporary files are written and synced first; only
 * when every one succeeded are they renamed, one after the other. A failure while writing
 * leaves every old file untouched. The remaining window: a kill between two renames leaves
 * some files new and some old (each one whole); callers that need to detect this can
 * rename a manifest (e.g. summary.json) last and compare it with the other files.
 */
export async function commitFilesAtomic(dir: string, files: ReadonlyArray<{ name: string; data: string | Uint8Array }>): Promise<void> {
  const temps: TempFile[] = [];
  try {
    for (const file of files) temps.push(await writeTemp(join(dir, file.name), file.data));
    for (let i = 0; i < files.length; i++) {
      const target = join(dir, (files[i] as { name: string }).name);
      try {
        await rename((temps[i] as TempFile).path, target);
      } catch (error) {
        throw toWriteError(error, target);
      }
    }
  } catch (error) {
    // Renamed ones are gone from their temporary paths: removing those is a no-op.
    await Promise.all(temps.map((t) => removeQuietly(t.path)));
    throw error;
  } finally {
    for (const t of temps) t.forget();
  }
  await syncDirectory(dir);
}

const SYNC_EVERY = 64 << 20;

/**
 * Writes `chunk` to `stream`: undefined when the stream took it, else a promise that resolves
 * once the stream can take more (or has failed — a failure surfaces at commit()). Await it
 * before the next write, so that a fast producer does not pile output up in memory.
 */
export function writeOrWait(stream: Writable, chunk: string | Buffer): Promise<void> | undefined {
  if (stream.write(chunk)) return undefined;
  // Writes made before the first wait is over (the rows of one input chunk) share that wait:
  // one pair of listeners per stream, however many rows are written meanwhile.
  const waiting = drains.get(stream);
  if (waiting) return waiting;
  const drained = new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('error', done);
      drains.delete(stream);
      resolve();
    };
    stream.once('drain', done);
    stream.once('error', done);
  });
  drains.set(stream, drained);
  return drained;
}

const drains = new WeakMap<Writable, Promise<void>>();

/** A writable that streams into a temporary file; commit() makes it the target, abort() discards it. */
export class AtomicWriteStream extends Writable {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private settled = false;
  /** bytes written since the last flush to disk was started, and that flush */
  private unsynced = 0;
  private syncing: Promise<unknown> = Promise.resolve();
  private written = 0;
  /** forgets the temporary file in the list of what an interruption removes */
  private readonly forgetTemp: () => void;

  constructor(
    readonly path: string,
    readonly tempPath: string,
    private readonly handle: FileHandle,
    private readonly bufferBytes = 1 << 16,
    queueBytes = WRITE_QUEUE_BYTES,
  ) {
    // Up to a few megabytes may queue while the previous write is under way, so that the
    // writer (e.g. the merge of plan.csv) goes on producing instead of waiting for each one.
    super({ decodeStrings: true, highWaterMark: queueBytes });
    this.forgetTemp = registerTemp(tempPath);
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    // Many tiny writes (one per CSV record) would cost one system call each: batch them.
    if (this.pendingBytes < this.bufferBytes) return callback();
    this.flush().then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.flush().then(() => callback(), callback);
  }

  /** Bytes written to the file so far (all of it, once committed). */
  get bytesWritten(): number {
    return this.written;
  }

  /** Finishes writing, syncs and renames the temporary file over the target. */
  async commit(): Promise<void> {
    await (await this.prepare()).publish();
  }

  /**
   * Finishes writing and syncs the temporary file, without renaming it yet: the first half of a
   * commit that must happen together with another write (the contact ledger).
   */
  async prepare(): Promise<PreparedFile> {
    if (this.settled) throw new Error('atomic write stream already committed or aborted');
    this.settled = true;
    try {
      if (!this.writableFinished) await finishWritable(this);
      await this.syncing;
      await this.handle.sync();
      await this.handle.close();
    } catch (error) {
      await this.handle.close().catch(() => undefined);
      await removeQuietly(this.tempPath);
      this.forgetTemp();
      throw error instanceof WinbackError ? error : toWriteError(error, this.path);
    }
    return preparedFile(this.path, this.tempPath, this.written, this.forgetTemp);
  }

  /** Discards everything written; the target stays as it was. */
  async abort(): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    this.destroy();
    await this.handle.close().catch(() => undefined);
    await removeQuietly(this.tempPath);
    this.forgetTemp();
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const data = this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    try {
      await this.handle.write(data);
    } catch (error) {
      throw toWriteError(error, this.path);
    }
    this.written += data.length;
    // A large file goes to disk while it is being written, in the background, so that the
    // sync before the rename has little left to do (on plan.csv of a million rows: ~0.3 s).
    this.unsynced += data.length;
    if (this.unsynced >= SYNC_EVERY) {
      this.unsynced = 0;
      // A failure here shows again in the sync of commit(), which reports it.
      this.syncing = this.syncing.then(() => this.handle.datasync()).catch(() => undefined);
    }
  }
}

/** A whole, synced temporary file waiting to replace its target. */
export interface PreparedFile {
  readonly path: string;
  readonly tempPath: string;
  readonly bytes: number;
  /** Renames the temporary file over the target (and syncs the directory). */
  publish(): Promise<void>;
  /** Removes the temporary file; the target stays as it was. */
  discard(): Promise<void>;
  /** Keeps the temporary file should the run be interrupted (a later run completes the commit). */
  keepOnInterrupt(): void;
}

function preparedFile(path: string, tempPath: string, bytes: number, forget: () => void): PreparedFile {
  let settled = false;
  let kept = false;
  return {
    path, tempPath, bytes,
    async publish() {
      if (settled) throw new Error(`${path} already published or discarded`);
      settled = true;
      try {
        await rename(tempPath, path);
      } catch (error) {
        // A kept file belongs to a commit that a later run completes: leave it for that run.
        if (!kept) await removeQuietly(tempPath);
        throw toWriteError(error, path);
      } finally {
        forget();
      }
      await syncDirectory(dirname(path));
    },
    async discard() {
      if (settled) return;
      settled = true;
      await removeQuietly(tempPath);
      forget();
    },
    keepOnInterrupt() {
      kept = true;
      forget();
    },
  };
}

/** Writes data to a synced temporary file next to path, to be published later. */
export async function prepareFile(path: string, data: string | Uint8Array): Promise<PreparedFile> {
  const temp = await writeTemp(path, data);
  return preparedFile(path, temp.path, typeof data === 'string' ? Buffer.byteLength(data) : data.length, temp.forget);
}

/** Opens a temporary file next to path and returns a stream that replaces path on commit(). */
/** Bytes a stream queues while a write is under way, before write() asks the writer to wait (see AtomicWriteStream). */
export const WRITE_QUEUE_BYTES = 4 << 20;

/**
 * A stream into a temporary file beside `path` (commit() renames it there). `queueBytes`: what
 * may queue before write() asks the writer to wait (a writer of many small rows into several
 * files queues less: each row queued is an object on the heap).
 */
export async function createAtomicWriteStream(path: string, queueBytes = WRITE_QUEUE_BYTES): Promise<AtomicWriteStream> {
  refuseInputAsOutput(path);
  const temp = tempPathFor(path);
  let handle: FileHandle;
  try {
    await refuseSpecialTarget(path);
    handle = await open(temp, 'wx', 0o644);
  } catch (error) {
    throw toWriteError(error, path);
  }
  return new AtomicWriteStream(path, temp, handle, undefined, queueBytes);
}

/**
 * Removes temporary files left in dir by runs that were killed (their process no longer
 * exists); returns the names removed. Call it while holding the run lock.
 */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (!match || isProcessAlive(Number(match[1]))) continue;
    await removeQuietly(join(dir, name));
    removed.push(name);
  }
  return removed;
}

const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;

function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface TempFile {
  path: string;
  /** takes the file off the list of what an interruption removes (once renamed or removed) */
  forget: () => void;
}

/** Writes `data` to a fresh temporary file next to `path`, removed should the run be interrupted until forgotten. */
async function writeTemp(path: string, data: string | Uint8Array): Promise<TempFile> {
  refuseInputAsOutput(path);
  const temp = tempPathFor(path);
  const forget = registerTemp(temp);
  let handle: FileHandle | undefined;
  try {
    await refuseSpecialTarget(path);
    handle = await open(temp, 'wx', 0o644);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    return { path: temp, forget };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    if (handle !== undefined) await removeQuietly(temp);
    forget();
    throw toWriteError(error, path);
  }
}

async function finishWritable(stream: Writable): Promise<void> {
  stream.end();
  await finished(stream);
}

// Makes the rename itself durable; not every platform or file system allows fsync on a directory.
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // best effort
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}
