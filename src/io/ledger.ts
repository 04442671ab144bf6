/**
 * The contact ledger file: an append-only CSV of the win-back contacts made. It is streamed
 * once per run (never held whole: what a run keeps is the per-customer index its visitor
 * builds) and only ever appended to; existing bytes are never changed, so the history of past
 * runs cannot be lost by a later one (a failed append is cut back to where it started).
 */
import { createHash, type Hash } from 'node:crypto';
import { TextDecoder } from 'node:util';
import { createReadStream } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { LedgerEntry } from '../domain/contact-history.js';
import { parseIsoDay } from '../domain/dates.js';
import { CHANNELS, type Channel } from '../domain/playbook-types.js';
import type { EpochDay } from '../domain/types.js';
import { DataError, InputMissingError, IoError } from '../errors.js';
import { toWriteError } from './atomic-write.js';
import { CsvRecordParser, UnclosedQuoteError } from './csv-records.js';
import { createCsvFormatter, PLAIN_CSV, restoreFormulaText, type ColumnSpec } from './csv-write.js';

export const LEDGER_COLUMNS = ['customer_id', 'channel', 'campaign_date', 'campaign_id', 'measure', 'outcome'] as const;
const HEADER = LEDGER_COLUMNS.join(',');
const CORRUPT_HINT = 'the ledger is append-only and was not changed: fix or remove the bad line by hand, then run again';
// Every cell a spreadsheet could run as a formula is neutralised, as in every other output.
const SPECS: readonly ColumnSpec[] = LEDGER_COLUMNS.map((name) => ({ name, kind: name === 'campaign_date' ? 'date' : 'text' }));
const FORMATTER = createCsvFormatter(SPECS, PLAIN_CSV);

/** What one pass over the ledger found, besides the entries it handed to the visitor. */
export interface LedgerScan {
  /** false when the file did not exist yet (first run) */
  exists: boolean;
  bytes: number;
  /** SHA-256 of the file's bytes ('' when it does not exist) */
  sha256: string;
  entries: number;
  /** the file is empty or its last byte ends a line (an append needs no line break first) */
  endsWithNewline: boolean;
  /** the latest entry of another campaign than `exceptCampaign`, with its line */
  latest?: { day: EpochDay; line: number; campaignId: string };
  /** SHA-256 of the first `prefixBytes` bytes, when asked for and the file is that long */
  prefixSha256?: string;
  /** SHA-256 the file will have once `appended` is appended (the hash is not read again) */
  shaAfter(appended: Uint8Array): string;
}

export interface ScanOptions {
  /** campaign whose entries do not count as `latest` (this run's own, on a rerun) */
  exceptCampaign?: string;
  /** also hash the file's first bytes (to check the ledger of the last run is still its start) */
  prefixBytes?: number;
}

/**
 * Streams the ledger once, validating every line and handing each entry to `visit`; a missing
 * file is an empty ledger. Memory stays flat whatever its length: nothing is kept here.
 */
export async function scanLedger(path: string, visit: (entry: LedgerEntry, line: number) => void, options: ScanOptions = {}): Promise<LedgerScan> {
  const hash = createHash('sha256');
  const missing = await checkReadable(path);
  if (missing) return { exists: false, bytes: 0, sha256: '', entries: 0, endsWithNewline: true, shaAfter: (a) => extend(hash, a) };
  const parser = new CsvRecordParser(',');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const state: ParseState = { header: false, entries: 0, path, visit, exceptCampaign: options.exceptCampaign };
  const sink = (cells: string[], line: number) => takeRecord(cells, line, state);
  let bytes = 0;
  let last = 0x0a;
  let prefixSha256: string | undefined;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      const mark = options.prefixBytes;
      if (mark !== undefined && prefixSha256 === undefined && bytes + chunk.length >= mark) {
        hash.update(chunk.subarray(0, mark - bytes));
        prefixSha256 = hash.copy().digest('hex');
        hash.update(chunk.subarray(mark - bytes));
      } else hash.update(chunk);
      bytes += chunk.length;
      if (chunk.length > 0) last = chunk[chunk.length - 1] as number;
      parser.push(decode(decoder, chunk, path), sink);
    }
    parser.push(decode(decoder, undefined, path), sink);
    parser.end(sink);
  } catch (error) {
    throw asLedgerError(error, path);
  }
  if (options.prefixBytes === 0) prefixSha256 = createHash('sha256').digest('hex');
  const sha256 = hash.copy().digest('hex');
  return {
    exists: true, bytes, sha256, entries: state.entries, endsWithNewline: last === 0x0a || last === 0x0d,
    ...(state.latest ? { latest: state.latest } : {}), ...(prefixSha256 !== undefined ? { prefixSha256 } : {}),
    shaAfter: (appended) => extend(hash, appended),
  };
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
  let text = sizeBefore === 0 ? FORMATTER.header() : endsWithNewline ? '' : '\n';
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
      throw new IoError(`ledger ${path} changed during the run (${expectedSize} bytes when read, ${size} now)`, 'another program writes to the ledger: stop it, then run again');
    }
    if (size > 0) await checkHeader(handle, size, path);
    await appendAll(handle, data, size, path);
  } finally {
    await handle.close().catch(() => undefined);
  }
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

interface ParseState {
  header: boolean;
  entries: number;
  path: string;
  visit: (entry: LedgerEntry, line: number) => void;
  exceptCampaign: string | undefined;
  latest?: { day: EpochDay; line: number; campaignId: string };
}

function takeRecord(cells: string[], line: number, s: ParseState): void {
  // Blank lines are skipped, as every reader of the ledger always did.
  if (cells.length === 1 && (cells[0] as string).trim() === '') return;
  if (!s.header) {
    // Spaces a spreadsheet or a hand edit left around a column name do not matter.
    if (cells.map((c) => c.trim()).join(',') !== HEADER) {
      throw new DataError(`ledger ${s.path} is corrupt at line ${line}: header is "${cells.join(',')}", expected "${HEADER}"`, CORRUPT_HINT);
    }
    s.header = true;
    return;
  }
  const entry = toEntry(cells, line, s.path);
  s.entries++;
  if (entry.campaign_id !== s.exceptCampaign && (s.latest === undefined || entry.campaign_date > s.latest.day)) {
    s.latest = { day: entry.campaign_date, line, campaignId: entry.campaign_id };
  }
  s.visit(entry, line);
}

function toRecord(entry: LedgerEntry): unknown[] {
  if (!CHANNELS.includes(entry.channel)) throw new Error(`ledger entry with unknown channel ${entry.channel}`);
  return [entry.customer_id, entry.channel, entry.campaign_date, entry.campaign_id, entry.measure, entry.outcome ?? 'contacted'];
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
    customer_id: restoreFormulaText(customerId),
    channel: channel as Channel,
    campaign_date: day as number,
    campaign_id: restoreFormulaText(campaign),
    measure: restoreFormulaText(measure),
    outcome: outcome === 'control' ? 'control' : 'contacted',
  };
}

/** true when the file does not exist; throws InputMissingError (66) when it cannot be read. */
async function checkReadable(path: string): Promise<boolean> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputMissingError(`ledger ${path} is a directory, not a ledger file`, 'give --ledger the path of a file (it is created on the first run)');
    const handle = await open(path, 'r');
    await handle.close();
    return false;
  } catch (error) {
    if (error instanceof InputMissingError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return true;
    throw new InputMissingError(`ledger ${path} cannot be read (${code ?? (error as Error).message})`, 'check the file permissions');
  }
}

function decode(decoder: TextDecoder, chunk: Buffer | undefined, path: string): string {
  try {
    return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
  } catch {
    throw new DataError(`ledger ${path} is corrupt: it is not valid UTF-8`, CORRUPT_HINT);
  }
}

function asLedgerError(error: unknown, path: string): Error {
  if (error instanceof DataError) return error;
  if (error instanceof UnclosedQuoteError) {
    return new DataError(`ledger ${path} is corrupt at line ${error.openedAt}: a quoted field is never closed`, CORRUPT_HINT);
  }
  return new IoError(`cannot read ledger ${path}: ${(error as Error).message}`);
}

function extend(hash: Hash, appended: Uint8Array): string {
  return hash.copy().update(appended).digest('hex');
}

// Verifies the file is a ledger before anything is appended to it.
async function checkHeader(handle: FileHandle, size: number, path: string): Promise<void> {
  const headLength = Math.min(size, HEADER.length + 4);
  const head = Buffer.alloc(headLength);
  await handle.read(head, 0, headLength, 0);
  const headText = head.toString('utf8').replace(/^\uFEFF/, '');
  if (!headText.startsWith(HEADER)) {
    throw new DataError(`${path} is not a winback ledger: it does not start with "${HEADER}"`, 'choose another --ledger file');
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
