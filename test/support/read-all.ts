import { Readable } from 'node:stream';
import { LOST_CUSTOMER_SCHEMA, type Schema } from '../../src/domain/read/fields.js';
import type { Reject } from '../../src/domain/types.js';
import type { OpenedExport, ReadOptions } from '../../src/io/csv/read.js';
import { openExport } from '../../src/io/open-export.js';

/** Reads a whole export given as bytes through stdin; returns the rows, rejects and the handle. */
export async function readAll(data: Buffer | string, opts: ReadOptions = {}, schema: Schema = LOST_CUSTOMER_SCHEMA, chunkSize = 0) {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const chunks: Buffer[] = [];
  if (chunkSize > 0) for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  else chunks.push(bytes);
  const opened: OpenedExport = await openExport('-', schema, opts, { stdin: Readable.from(chunks), cwd: process.cwd() });
  const rows: { line: number; values: Record<string, unknown>; cells: string[]; warnings: string[] }[] = [];
  const rejects: Reject[] = [];
  for await (const r of opened.rows()) {
    if (r.ok) rows.push(r);
    else rejects.push(r.reject);
  }
  return { opened, rows, rejects };
}
