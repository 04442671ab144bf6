/**
 * The contact ledger file: an append-only CSV of the win-back contacts made. It is streamed
 * once per run (never held whole: what a run keeps is the per-customer index its visitor
 * builds) and only ever appended to; existing bytes are never changed, so the history of past
 * runs cannot be lost by a later one (a failed append is cut back to where it started).
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import { isNewLedgerEntry, type ContactLookup, type LedgerEntry } from '../../domain/campaign/contact-history.js';
import { CHANNELS } from '../../domain/playbook-types.js';
import { DataError, IoError } from '../../errors.js';
import { keyedError, noteOf } from '../../domain/catalogue/index.js';
import { toWriteError } from '../atomic-write.js';
import { ByteBuffer, createCsvFormatter, PLAIN_CSV, putString, type ColumnSpec } from '../csv/write.js';
import { LEDGER_COLUMNS, LEDGER_HEADER as HEADER, scanLedgerKeyed, type LedgerScan, type ScanOptions } from './scan.js';

export { LEDGER_COLUMNS, scanLedgerKeyed, type KeyedVisitor, type LedgerScan, type ScanOptions } from './scan.js';

// Every cell a spreadsheet could run as a formula is neutralised, as in every other output.
const SPECS: readonly ColumnSpec[] = LEDGER_COLUMNS.map((name) => ({ name, kind: name === 'campaign_date' ? 'date' : 'text' }));
const FORMATTER = createCsvFormatter(SPECS, PLAIN_CSV);

/** Streams the ledger once, handing every entry whole to `visit` (see scanLedgerKeyed for the fast pass). */
export async function scanLedger(path: string, visit: (entry: LedgerEntry, line: number) => void, options: ScanOptions = {}): Promise<LedgerScan> {
  return scanLedgerKeyed(path, { entry: () => undefined, want: () => true, whole: visit }, options);
}

/** The whole ledger in memory (for `winback results`, which reports on every entry). */
export async function readLedger(path: string): Promise<{ entries: LedgerEntry[]; exists: boolean; bytes: number; sha256: string }> {
  const entries: LedgerEntry[] = [];
  const scan = await scanLedger(path, (e) => entries.push(e));
  return { entries, exists: scan.exists, bytes: scan.bytes, sha256: scan.sha256 };
}

/**
 * The bytes that append `entries` to a ledger of `sizeBefore` bytes: the header first when the
 * file is new or empty, a line break first when its last line has none.
 */
export function formatLedgerAppend(entries: readonly LedgerEntry[], sizeBefore: number, endsWithNewline: boolean): Buffer {
  let text = appendPrefix(sizeBefore, endsWithNewline);
  for (const e of entries) text += FORMATTER.row(toRecord(e));
  return Buffer.from(text, 'utf8');
}

/**
 * Appends `data` with O_APPEND and fsync, after checking the file still has `expectedSize`
 * bytes and is a ledger. On failure the bytes this call appended are cut off again, so the
 * ledger stays as it was.
 */
export async function appendLedgerBytes(path: string, data: Uint8Array, expectedSize: number): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'a+', 0o644);
  } catch (error) {
    throw toWriteError(error, path);
  }
  try {
    const size = (await handle.stat()).size;
    if (size !== expectedSize) {
      throw keyedError((m, h) => new IoError(m, h), noteOf('ledger', { key: 'changedDuringRun', args: [path, expectedSize, size] }), noteOf('ledger', { key: 'changedDuringRunHint', args: [] }));
    }
    if (size > 0) await checkHeader(handle, size, path);
    await appendAll(handle, data, size, path);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * A run's new ledger entries (newLedgerEntries: each customer once per kind, none the ledger
 * holds for this campaign already), formatted as they are added: no object per entry is kept.
 * `campaign` adds one per listed customer — at a million customers ~190,000 — and held them
 * as entry objects, then as row strings, until the commit (a peak of ~370 MiB where the run
 * without a ledger peaks at ~255 MiB).
 */
export class LedgerAppend {
  private readonly rows = new ByteBuffer(1 << 16);
  private readonly seen = new Set<string>();
  /** entries added */
  length = 0;

  constructor(private readonly existing: Pick<ContactLookup, 'recordedNow'>) {}

  add(entry: LedgerEntry): void {
    if (!isNewLedgerEntry(this.existing, entry, this.seen)) return;
    putString(this.rows, FORMATTER.row(toRecord(entry)));
    this.length++;
  }

  /** What formatLedgerAppend gives for the entries added. */
  bytes(sizeBefore: number, endsWithNewline: boolean): Buffer {
    const before = Buffer.from(appendPrefix(sizeBefore, endsWithNewline), 'utf8');
    return Buffer.concat([before, this.rows.buf.subarray(0, this.rows.at)]);
  }
}

/** What comes before the first appended entry: the header when the file is new or empty, a line break when its last line has none. */
function appendPrefix(sizeBefore: number, endsWithNewline: boolean): string {
  return sizeBefore === 0 ? FORMATTER.header() : endsWithNewline ? '' : '\n';
}

/** Appends entries (creating the ledger with a header when new); for tests and small tools. */
export async function appendLedger(path: string, entries: readonly LedgerEntry[]): Promise<{ appendedBytes: number }> {
  if (entries.length === 0) return { appendedBytes: 0 };
  const before = await stat(path).then((s) => s.size, () => 0);
  let endsWithNewline = true;
  if (before > 0) {
    const handle = await open(path, 'r');
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, before - 1).finally(() => handle.close());
    endsWithNewline = last[0] === 0x0a || last[0] === 0x0d;
  }
  const data = formatLedgerAppend(entries, before, endsWithNewline);
  await appendLedgerBytes(path, data, before);
  return { appendedBytes: data.length };
}

/** Cuts the ledger back to `size` bytes (rolling back an append whose run did not finish). */
export async function truncateLedger(path: string, size: number): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r+');
    await handle.truncate(size);
    await handle.sync();
  } catch (error) {
    throw toWriteError(error, path);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

// Verifies the file is a ledger before anything is appended to it.
async function checkHeader(handle: FileHandle, size: number, path: string): Promise<void> {
  const headLength = Math.min(size, HEADER.length + 4);
  const head = Buffer.alloc(headLength);
  await handle.read(head, 0, headLength, 0);
  const headText = head.toString('utf8').replace(/^\uFEFF/, '');
  if (!headText.startsWith(HEADER)) {
    throw keyedError((m, h) => new DataError(m, h), noteOf('ledger', { key: 'notLedger', args: [path, HEADER] }), noteOf('ledger', { key: 'notLedgerHint', args: [] }));
  }
}

async function appendAll(handle: FileHandle, data: Uint8Array, sizeBefore: number, path: string): Promise<void> {
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

function toRecord(entry: LedgerEntry): unknown[] {
  if (!CHANNELS.includes(entry.channel)) throw new Error(`ledger entry with unknown channel ${entry.channel}`);
  return [entry.customer_id, entry.channel, entry.campaign_date, entry.campaign_id, entry.measure, entry.outcome ?? 'contacted'];
}
