/**
 * The contact ledger file: an append-only CSV of the win-back contacts made. It is read in
 * full (to enforce gaps and attempt caps) and only ever appended to; it is never truncated
 * or rewritten, so the history of past runs cannot be lost by a later one.
 */
import { createHash } from 'node:crypto';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { LedgerEntry } from '../domain/contact-history.js';
import { formatIsoDay, parseIsoDay } from '../domain/dates.js';
import { CHANNELS, type Channel } from '../domain/playbook-types.js';
import { DataError, IoError } from '../errors.js';
import { toWriteError } from './atomic-write.js';

export const LEDGER_COLUMNS = ['customer_id', 'channel', 'campaign_date', 'campaign_id', 'measure', 'outcome'] as const;
const HEADER = LEDGER_COLUMNS.join(',');
const CORRUPT_HINT = 'the ledger is append-only and was not changed: fix or remove the bad line by hand, then run again';

/** The ledger as read, with what a run manifest needs to describe its state. */
export interface LedgerSnapshot {
  entries: LedgerEntry[];
  /** false when the file did not exist yet (first run) */
  exists: boolean;
  bytes: number;
  /** SHA-256 of the file's bytes ('' when it does not exist) */
  sha256: string;
}

/** Reads and validates a ledger; a missing file is an empty ledger. */
export async function readLedger(path: string): Promise<LedgerSnapshot> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { entries: [], exists: false, bytes: 0, sha256: '' };
    throw new IoError(`cannot read ledger ${path}: ${(error as Error).message}`, 'check the file permissions');
  }
  const sha256 = createHash('sha256').update(buffer).digest('hex');
  return { entries: parseLedger(decodeUtf8(buffer, path), path), exists: true, bytes: buffer.length, sha256 };
}

/** Parses ledger text; throws DataError naming line and column of the first problem. */
export function parseLedger(text: string, path: string): LedgerEntry[] {
  if (text.trim() === '') return [];
  let records: Array<{ record: string[]; raw: string; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new DataError(`ledger ${path} is corrupt${line ? ` at line ${line}` : ''}: ${(error as Error).message}`, CORRUPT_HINT);
  }
  const [head, ...rows] = records;
  if (head === undefined || head.record.join(',') !== HEADER) {
    const found = head?.record.join(',') ?? '';
    throw new DataError(`ledger ${path} is corrupt at line 1: header is "${found}", expected "${HEADER}"`, CORRUPT_HINT);
  }
  return rows.map((r) => toEntry(r.record, startLine(r.raw, r.info.lines), path));
}

/**
 * Appends entries to the ledger (creating it with a header when new) with O_APPEND and
 * fsync. Existing bytes are never changed: a missing final newline is repaired by writing
 * one before the new lines.
 */
export async function appendLedger(path: string, entries: readonly LedgerEntry[]): Promise<{ appendedBytes: number }> {
  if (entries.length === 0) return { appendedBytes: 0 };
  const lines = stringify(entries.map(toRecord), { record_delimiter: 'unix' });
  let handle: FileHandle;
  try {
    handle = await open(path, 'a+', 0o644);
  } catch (error) {
    throw toWriteError(error, path);
  }
  try {
    const size = (await handle.stat()).size;
    const prefix = size === 0 ? `${HEADER}\n` : await checkExisting(handle, size, path);
    const data = Buffer.from(prefix + lines, 'utf8');
    await appendAll(handle, data, size, path);
    return { appendedBytes: data.length };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

// Verifies the file is a ledger and returns what must precede the new lines.
async function checkExisting(handle: FileHandle, size: number, path: string): Promise<string> {
  const headLength = Math.min(size, HEADER.length + 4);
  const head = Buffer.alloc(headLength);
  await handle.read(head, 0, headLength, 0);
  const headText = head.toString('utf8').replace(/^\uFEFF/, '');
  if (!headText.startsWith(HEADER)) {
    throw new DataError(`${path} is not a winback ledger: it does not start with "${HEADER}"`, 'choose another --ledger file');
  }
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  return last[0] === 0x0a || last[0] === 0x0d ? '' : '\n';
}

async function appendAll(handle: FileHandle, data: Buffer, sizeBefore: number, path: string): Promise<void> {
  try {
    let offset = 0;
    while (offset < data.length) {
      const { bytesWritten } = await handle.write(data, offset, data.length - offset);
      offset += bytesWritten;
    }
    await handle.sync();
  } catch (error) {
    // Cut back only the bytes this call appended (e.g. a half line on a full disk), so the
    // ledger stays readable; everything that was there before is left exactly as it was.
    await handle.truncate(sizeBefore).catch(() => undefined);
    throw toWriteError(error, path);
  }
}

function toRecord(entry: LedgerEntry): string[] {
  if (!CHANNELS.includes(entry.channel)) throw new Error(`ledger entry with unknown channel ${entry.channel}`);
  return [
    entry.customer_id,
    entry.channel,
    formatIsoDay(entry.campaign_date),
    entry.campaign_id,
    entry.measure,
    entry.outcome ?? 'contacted',
  ];
}

function toEntry(record: string[], line: number, path: string): LedgerEntry {
  const fail = (column: string, problem: string): never => {
    throw new DataError(`ledger ${path} is corrupt at line ${line}, column ${column}: ${problem}`, CORRUPT_HINT);
  };
  if (record.length !== LEDGER_COLUMNS.length) {
    fail('-', `expected ${LEDGER_COLUMNS.length} fields, found ${record.length}`);
  }
  const [customerId, channel, date, campaign, measure, outcome] = record as [string, string, string, string, string, string];
  if (customerId.trim() === '') fail('customer_id', 'empty customer id');
  if (!CHANNELS.includes(channel as Channel)) fail('channel', `unknown channel "${channel}" (expected ${CHANNELS.join(', ')})`);
  const day = parseIsoDay(date);
  if (day === undefined) fail('campaign_date', `"${date}" is not a date (YYYY-MM-DD)`);
  if (campaign.trim() === '') fail('campaign_id', 'empty campaign id');
  if (outcome !== '' && outcome !== 'contacted' && outcome !== 'control') {
    fail('outcome', `unknown outcome "${outcome}" (expected contacted or control)`);
  }
  return {
    customer_id: customerId,
    channel: channel as Channel,
    campaign_date: day as number,
    campaign_id: campaign,
    measure,
    outcome: outcome === 'control' ? 'control' : 'contacted',
  };
}

// csv-parse reports the line where a record ends; a quoted field may span several lines,
// and skipped blank lines are part of the raw text before the record.
function startLine(raw: string, endLine: number): number {
  const body = raw.replace(/^[\r\n]+/, '').replace(/(\r\n|\n|\r)$/, '');
  const breaks = body.match(/\r\n|\r|\n/g)?.length ?? 0;
  return endLine - breaks;
}

function decodeUtf8(buffer: Buffer, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new DataError(`ledger ${path} is corrupt: it is not valid UTF-8`, CORRUPT_HINT);
  }
}
