/**
 * The one door to an export: a CSV (io/csv/read.ts) or an Excel workbook (io/xlsx/read.ts), told
 * apart by the first bytes whatever the file is named, both read through the same contract
 * (OpenedExport). Kept apart from both readers so that neither imports the other.
 */
import { noteInput } from './run-inputs.js';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { Schema } from '../domain/read/fields.js';
import { IoError } from '../errors.js';
import { keyedError, noteOf } from '../domain/catalogue/index.js';
import { openExport as openCsvExport, type OpenedExport, type ReadOptions } from './csv/read.js';
import { workbookKind } from './xlsx/read.js';

/** Bytes enough to tell a workbook (an OpenDocument file names its type within its first 100). */
const PEEK_BYTES = 512;

/** Opens an export (a path or `-` for stdin), detects whether it is a CSV file or a workbook, and maps its header. */
export async function openExport(
  source: string,
  schema: Schema,
  opts: ReadOptions,
  io: { stdin: NodeJS.ReadableStream | Readable; cwd: string },
  /** the name for messages when `source` is a copy of stdin (a CSV read a second time, see io/csv/read.ts) */
  labelAs?: string,
): Promise<OpenedExport> {
  if (source === '-') return openStdin(schema, opts, io);
  const path = resolve(io.cwd, source);
  const head = await peekFile(path);
  const kind = head === undefined ? undefined : workbookKind(head);
  // A file that cannot be opened goes to the CSV reader, which says why in its words.
  if (kind === undefined) return openCsvExport(source, schema, opts, io, labelAs);
  const { createReadStream } = await import('node:fs');
  const { stat } = await import('node:fs/promises');
  noteInput(path, source, opts.lang);
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const { openWorkbookExport } = await import('./xlsx/read.js');
  return openWorkbookExport({
    // A copy of stdin read a second time (labelAs 'stdin') is still stdin to the user.
    source: labelAs === 'stdin' ? '-' : source, label: labelAs ?? source, kind, head: Buffer.alloc(0), rest: stream[Symbol.asyncIterator](), sizeBytes: (await stat(path)).size,
    release: () => void stream.destroy(), path,
  }, schema, opts);
}

/** The first bytes of a file, or undefined when it cannot be read (missing, a directory, no permission). */
async function peekFile(path: string): Promise<Buffer | undefined> {
  try {
    const handle = await open(path, 'r');
    try {
      const buf = Buffer.alloc(PEEK_BYTES);
      const { bytesRead } = await handle.read(buf, 0, PEEK_BYTES, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

/** stdin: its first bytes decide, then the whole input (those bytes first) goes to the reader. */
async function openStdin(schema: Schema, opts: ReadOptions, io: { stdin: NodeJS.ReadableStream | Readable; cwd: string }): Promise<OpenedExport> {
  const chunks = (io.stdin as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let size = 0;
  try {
    while (size < PEEK_BYTES) {
      const next = await chunks.next();
      if (next.done) break;
      const buf = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      parts.push(buf);
      size += buf.length;
    }
  } catch (err) {
    throw keyedError((m) => new IoError(m), noteOf('files', { key: 'readFailed', args: ['stdin', (err as Error).message] }));
  }
  const head = Buffer.concat(parts);
  const kind = workbookKind(head);
  if (kind !== undefined) {
    const { openWorkbookExport } = await import('./xlsx/read.js');
    return openWorkbookExport({
      source: '-', label: 'stdin', kind, head, rest: chunks, sizeBytes: undefined,
      release: () => void (io.stdin as Readable).destroy?.(), path: undefined,
    }, schema, opts);
  }
  async function* replay(): AsyncGenerator<Buffer | string> {
    for (const part of parts) yield part;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  return openCsvExport('-', schema, opts, { stdin: Readable.from(replay()), cwd: io.cwd });
}
