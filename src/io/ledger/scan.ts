/**
 * One pass over the contact ledger, in bytes. A year of weekly runs is a million lines, and a
 * campaign needs of each only the customer's key, the date, the campaign and whether it was a
 * control: an ordinary line (no quotes) is cut at its commas in the buffer and its id hashed
 * there, without a string per field. Every other line — quoted fields, an id that needs
 * customerKey's normalising, anything invalid — goes through the general path, which parses
 * it as CSV and names line and column of a problem. The result is the same either way.
 */
import { createHash, type Hash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { LedgerEntry } from '../../domain/campaign/contact-history.js';
import { customerKey } from '../../domain/campaign/customer-key.js';
import { epochDayOf, parseIsoDay } from '../../domain/dates.js';
import { idFingerprint, idFingerprintBytes } from '../../domain/id-index.js';
import { CHANNELS, type Channel } from '../../domain/playbook-types.js';
import type { EpochDay } from '../../domain/types.js';
import { DataError, InputMissingError, IoError } from '../../errors.js';
import { keyedError, noteOf, type Messages } from '../../domain/catalogue/index.js';
import { CsvRecordParser, type RecordSink, UnclosedQuoteError } from '../csv/records.js';
import { restoreFormulaText } from '../csv/write.js';

export const LEDGER_COLUMNS = ['customer_id', 'channel', 'campaign_date', 'campaign_id', 'measure', 'outcome'] as const;
export const LEDGER_HEADER = LEDGER_COLUMNS.join(',');
/** A corrupt line of the ledger, worded in the reader's language where it is shown. */
function corrupt(path: string, line: number, column: string, problem: Parameters<Messages['ledger']['corrupt']>[3], a = '', b = ''): DataError {
  return keyedError((m, h) => new DataError(m, h), noteOf('ledger', { key: 'corrupt', args: [path, line, column, problem, a, b] }), noteOf('ledger', { key: 'corruptHint', args: [] }));
}

/** Receives every entry by its customer's key fingerprint (idFingerprint of customerKey). */
export interface KeyedVisitor {
  entry(a: number, b: number, day: EpochDay, campaignId: string, control: boolean): void;
  /** customers whose entries are also handed over whole (default: none) */
  want?(a: number, b: number): boolean;
  whole?(entry: LedgerEntry, line: number): void;
}

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
  /** SHA-256 the file will have once `appended` is appended (the file is not read again) */
  shaAfter(appended: Uint8Array): string;
}

export interface ScanOptions {
  /** campaign whose entries do not count as `latest` (this run's own, on a rerun) */
  exceptCampaign?: string;
  /** also hash the file's first bytes (to check that the ledger the last run left is still its start) */
  prefixBytes?: number;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;
const CHANNEL_BYTES = CHANNELS.map((c) => Buffer.from(c));
const CONTACTED = Buffer.from('contacted');
const CONTROL = Buffer.from('control');

/** Streams the ledger once, validating every line; a missing file is an empty ledger. Memory stays flat. */
export async function scanLedgerKeyed(path: string, visitor: KeyedVisitor, options: ScanOptions = {}): Promise<LedgerScan> {
  const hash = createHash('sha256');
  if (await isMissing(path)) return { exists: false, bytes: 0, sha256: '', entries: 0, endsWithNewline: true, shaAfter: (a) => extend(hash, a) };
  const s = new ScanState(path, visitor, options.exceptCampaign);
  let carry: Buffer | undefined;
  let bytes = 0;
  let last = LF;
  let prefixSha256: string | undefined;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      const mark = options.prefixBytes;
      if (mark !== undefined && prefixSha256 === undefined && bytes + chunk.length >= mark) {
        hash.update(chunk.subarray(0, mark - bytes));
        prefixSha256 = hash.copy().digest('hex');
        hash.update(chunk.subarray(mark - bytes));
      } else hash.update(chunk);
      let buf = chunk;
      // A byte-order mark a spreadsheet may have put first.
      if (bytes === 0 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
      bytes += chunk.length;
      if (chunk.length > 0) last = chunk[chunk.length - 1] as number;
      if (carry !== undefined) {
        // The line cut by the chunk's start is completed alone, instead of copying the whole chunk.
        const nl = buf.indexOf(LF);
        const head = Buffer.concat([carry, nl < 0 ? buf : buf.subarray(0, nl + 1)]);
        const taken = s.lines(head, false);
        if (taken < head.length || nl < 0) {
          carry = Buffer.concat([head.subarray(taken), nl < 0 ? Buffer.alloc(0) : buf.subarray(nl + 1)]);
          continue;
        }
        buf = buf.subarray(nl + 1);
      }
      const done = s.lines(buf, false);
      carry = done < buf.length ? Buffer.from(buf.subarray(done)) : undefined;
    }
    if (carry !== undefined && carry.length > 0) s.lines(carry, true);
  } catch (error) {
    throw asLedgerError(error, path);
  }
  if (options.prefixBytes === 0) prefixSha256 = createHash('sha256').digest('hex');
  return {
    exists: true, bytes, sha256: hash.copy().digest('hex'), entries: s.entries, endsWithNewline: last === LF || last === CR,
    ...(s.latest ? { latest: s.latest } : {}), ...(prefixSha256 !== undefined ? { prefixSha256 } : {}),
    shaAfter: (appended) => extend(hash, appended),
  };
}

class ScanState {
  entries = 0;
  line = 1;
  header = false;
  latest?: { day: EpochDay; line: number; campaignId: string };
  // The previous line's date and campaign: consecutive lines mostly share them.
  private dayBytes = Buffer.alloc(10);
  private day = -Infinity;
  private campaignBytes = Buffer.alloc(0);
  private campaign = '';

  constructor(readonly path: string, readonly visitor: KeyedVisitor, readonly exceptCampaign: string | undefined) {}

  /** Takes the complete records of buf; returns where the unfinished rest starts. */
  lines(buf: Buffer, final: boolean): number {
    const end = final ? buf.length : buf.lastIndexOf(LF) + 1;
    if (end <= 0) return 0;
    if (!isUtf8(buf.subarray(0, end))) throw corrupt(this.path, this.line, '', 'utf8');
    if (hasLoneCr(buf, end)) {
      // Lines ended by CR alone (a spreadsheet's "CSV for Macintosh"): rare and small, read whole at the end.
      if (!final) return 0;
      this.records(buf.toString('utf8', 0, end));
      return end;
    }
    let nextQuote = buf.indexOf(QUOTE, 0);
    if (nextQuote < 0 || nextQuote >= end) nextQuote = end;
    let pos = 0;
    while (pos < end) {
      let nl = buf.indexOf(LF, pos);
      if (nl < 0 || nl >= end) nl = end;
      if (nextQuote < pos) {
        nextQuote = buf.indexOf(QUOTE, pos);
        if (nextQuote < 0 || nextQuote >= end) nextQuote = end;
      }
      if (nextQuote < nl) {
        // A quoted field may hold line breaks: the record ends at the first line end after an even number of quotes.
        const stop = recordEnd(buf, pos, end);
        if (stop < 0) {
          if (!final) return pos;
          throw corrupt(this.path, this.line, '', 'quote');
        }
        this.general(buf.toString('utf8', pos, stop));
        this.line += countBreaks(buf, pos, stop) + 1;
        pos = stop + 1;
        continue;
      }
      const lineEnd = nl > pos && buf[nl - 1] === CR ? nl - 1 : nl;
      if (lineEnd > pos && !(this.header && this.fast(buf, pos, lineEnd))) this.general(buf.toString('utf8', pos, lineEnd));
      this.line++;
      pos = nl + 1;
    }
    return end;
  }

  /** An ordinary line in bytes; false when the general path must take it. */
  private fast(buf: Buffer, start: number, end: number): boolean {
    const c1 = buf.indexOf(COMMA, start);
    const c2 = c1 < 0 || c1 >= end ? -1 : buf.indexOf(COMMA, c1 + 1);
    const c3 = c2 < 0 || c2 >= end ? -1 : buf.indexOf(COMMA, c2 + 1);
    const c4 = c3 < 0 || c3 >= end ? -1 : buf.indexOf(COMMA, c3 + 1);
    const c5 = c4 < 0 || c4 >= end ? -1 : buf.indexOf(COMMA, c4 + 1);
    if (c5 < 0 || c5 >= end || (c1 === start)) return false;
    const next = buf.indexOf(COMMA, c5 + 1);
    if (next >= 0 && next < end) return false;
    if (!isChannel(buf, c1 + 1, c2)) return false;
    const day = this.dayOf(buf, c2 + 1, c3);
    if (day === undefined) return false;
    const campaign = this.campaignOf(buf, c3 + 1, c4);
    if (campaign === undefined) return false;
    const control = equals(buf, c5 + 1, end, CONTROL);
    if (!control && c5 + 1 !== end && !equals(buf, c5 + 1, end, CONTACTED)) return false;
    const key = keyFingerprint(buf, start, c1);
    if (key === undefined) return false;
    const [a, b] = key;
    const v = this.visitor;
    if (v.want?.(a, b)) return false;
    this.take(a, b, day, campaign, control);
    return true;
  }

  /** Every record of text, through the CSV record parser (which also takes lines ended by CR alone). */
  private records(text: string): void {
    const parser = new CsvRecordParser(',', { firstLine: this.line, atStart: false });
    const take: RecordSink = {
      record: (cells, line) => {
        this.line = line;
        this.cells(cells);
      },
      broken: (b) => {
        throw corrupt(this.path, b.line, '', 'quote');
      },
    };
    parser.push(text, take);
    parser.end(take);
  }

  /** Any line: parsed as CSV, validated with line and column, handed over whole when wanted. */
  private general(text: string): void {
    this.cells(text.includes('"') ? parseRecord(text, this.line) : text.split(','));
  }

  private cells(cells: string[]): void {
    if (cells.length === 1 && (cells[0] as string).trim() === '') return;
    if (!this.header) {
      // Spaces a spreadsheet or a hand edit left around a column name do not matter.
      if (cells.map((c) => c.trim()).join(',') !== LEDGER_HEADER) {
        throw corrupt(this.path, this.line, '', 'header', cells.join(','), LEDGER_HEADER);
      }
      this.header = true;
      return;
    }
    const entry = toEntry(cells, this.line, this.path);
    const [a, b] = idFingerprint(customerKey(entry.customer_id));
    this.take(a, b, entry.campaign_date, entry.campaign_id, entry.outcome === 'control');
    if (this.visitor.want?.(a, b)) this.visitor.whole?.(entry, this.line);
  }

  private take(a: number, b: number, day: EpochDay, campaign: string, control: boolean): void {
    this.entries++;
    if (campaign !== this.exceptCampaign && (this.latest === undefined || day > this.latest.day)) this.latest = { day, line: this.line, campaignId: campaign };
    this.visitor.entry(a, b, day, campaign, control);
  }

  private dayOf(buf: Buffer, start: number, end: number): EpochDay | undefined {
    if (end - start !== 10) return undefined;
    if (same(buf, start, this.dayBytes, 10)) return this.day;
    const digits = (from: number, to: number): number => {
      let n = 0;
      for (let i = from; i < to; i++) {
        const d = (buf[i] as number) - 48;
        if (d < 0 || d > 9) return NaN;
        n = n * 10 + d;
      }
      return n;
    };
    if (buf[start + 4] !== 45 || buf[start + 7] !== 45) return undefined;
    const day = epochDayOf(digits(start, start + 4), digits(start + 5, start + 7), digits(start + 8, end));
    if (day === undefined) return undefined;
    buf.copy(this.dayBytes, 0, start, end);
    this.day = day;
    return day;
  }

  private campaignOf(buf: Buffer, start: number, end: number): string | undefined {
    if (end === start) return undefined;
    const n = end - start;
    if (n === this.campaignBytes.length && same(buf, start, this.campaignBytes, n)) return this.campaign;
    // A neutralised campaign id or one with edge spaces: the general path.
    const first = buf[start] as number;
    if (first === 39 || first === 32 || buf[end - 1] === 32) return undefined;
    this.campaignBytes = Buffer.from(buf.subarray(start, end));
    this.campaign = buf.toString('utf8', start, end);
    return this.campaign;
  }
}

/**
 * The fingerprint of customerKey(id) for an ASCII id that starts with a letter and holds no space,
 * '_', '/' or '.' (customerKey lower-cases it and drops a dash between a letter and a digit) or
 * that is all digits (leading zeros skipped); otherwise undefined.
 */
function keyFingerprint(buf: Buffer, start: number, end: number): [number, number] | undefined {
  const first = buf[start] as number;
  const lastByte = buf[end - 1] as number;
  if (lastByte <= 32 || lastByte >= 128) return undefined;
  if ((first >= 65 && first <= 90) || (first >= 97 && first <= 122)) {
    let dashes = false;
    // Non-ASCII, and a separator customerKey writes as '-' (space, '_', '/', '.'): the slow path.
    for (let i = start; i < end; i++) {
      const c = buf[i] as number;
      if (c >= 128 || c === 32 || c === 9 || c === 95 || c === 47 || c === 46) return undefined;
      if (c === 45) dashes = true;
    }
    if (!dashes) return idFingerprintBytes(buf, start, end);
    // "C-00128" is "c00128": the id without the dashes customerKey drops, hashed as it is.
    if (end - start > KEY_SCRATCH.length) return undefined;
    let n = 0;
    for (let i = start; i < end; i++) {
      const c = buf[i] as number;
      if (c === 45 && i > start && i < end - 1 && prefixDash(buf[i - 1] as number, buf[i + 1] as number)) continue;
      KEY_SCRATCH[n++] = c;
    }
    return idFingerprintBytes(KEY_SCRATCH, 0, n);
  }
  if (first < 48 || first > 57) return undefined;
  let from = start;
  for (let i = start; i < end; i++) {
    const c = buf[i] as number;
    if (c < 48 || c > 57) return undefined;
    if (c === 48 && from === i && i < end - 1) from++;
  }
  return idFingerprintBytes(buf, from, end);
}

/** Room for an id folded on the fast path; a longer id takes the slow one. */
const KEY_SCRATCH = new Uint8Array(256);

/** A dash between an ASCII letter and a digit, either way round (customerKey's PREFIX_DASH). */
function prefixDash(before: number, after: number): boolean {
  const letter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const digit = (c: number) => c >= 48 && c <= 57;
  return (letter(before) && digit(after)) || (digit(before) && letter(after));
}

function isChannel(buf: Buffer, start: number, end: number): boolean {
  for (const c of CHANNEL_BYTES) if (equals(buf, start, end, c)) return true;
  return false;
}

function equals(buf: Buffer, start: number, end: number, word: Buffer): boolean {
  return end - start === word.length && same(buf, start, word, word.length);
}

// A loop beats Buffer.compare with offsets on a few bytes (its argument checks cost more).
function same(buf: Buffer, start: number, other: Buffer, n: number): boolean {
  for (let i = 0; i < n; i++) if (buf[start + i] !== other[i]) return false;
  return true;
}

/** A CR in buf[0, end) that no LF follows. */
function hasLoneCr(buf: Buffer, end: number): boolean {
  for (let i = buf.indexOf(CR); i >= 0 && i < end; i = buf.indexOf(CR, i + 1)) if (buf[i + 1] !== LF) return true;
  return false;
}

/** Index of the line feed that ends the record starting at pos (quotes balanced), or -1. */
function recordEnd(buf: Buffer, pos: number, end: number): number {
  let quoted = false;
  for (let i = pos; i < end; i++) {
    const c = buf[i] as number;
    if (c === QUOTE) quoted = !quoted;
    else if (c === LF && !quoted) return i;
  }
  return quoted ? -1 : end;
}

function countBreaks(buf: Buffer, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (buf[i] === LF) n++;
  return n;
}

function parseRecord(text: string, line: number): string[] {
  const parser = new CsvRecordParser(',', { firstLine: line, atStart: false });
  let cells: string[] | undefined;
  const take: RecordSink = {
    record: (c) => void (cells ??= c),
    // Caught where the ledger is read (asLedgerError), which names the file.
    broken: (b) => {
      throw new UnclosedQuoteError(b.line, b.line);
    },
  };
  parser.push(text.replace(/\r$/, ''), take);
  parser.end(take);
  return cells ?? [''];
}

function toEntry(record: string[], line: number, path: string): LedgerEntry {
  const fail = (column: string, problem: Parameters<typeof corrupt>[3], a = '', b = ''): never => {
    throw corrupt(path, line, column, problem, a, b);
  };
  if (record.length !== LEDGER_COLUMNS.length) fail('', 'fields', String(LEDGER_COLUMNS.length), String(record.length));
  const [customerId, channel, date, campaign, measure, outcome] = record as [string, string, string, string, string, string];
  if (customerId.trim() === '') fail('customer_id', 'emptyId');
  if (!CHANNELS.includes(channel as Channel)) fail('channel', 'channel', channel, CHANNELS.join(', '));
  const day = parseIsoDay(date);
  if (day === undefined) fail('campaign_date', 'date', date);
  if (campaign.trim() === '') fail('campaign_id', 'emptyCampaign');
  if (outcome !== '' && outcome !== 'contacted' && outcome !== 'control') fail('outcome', 'outcome', outcome);
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
async function isMissing(path: string): Promise<boolean> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw keyedError((m, h) => new InputMissingError(m, h), noteOf('ledger', { key: 'isDirectory', args: [path] }), noteOf('ledger', { key: 'isDirectoryHint', args: [] }));
    const handle = await open(path, 'r');
    await handle.close();
    return false;
  } catch (error) {
    if (error instanceof InputMissingError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return true;
    throw keyedError((m, h) => new InputMissingError(m, h), noteOf('ledger', { key: 'unreadable', args: [path, code ?? (error as Error).message] }), noteOf('ledger', { key: 'unreadableHint', args: [] }));
  }
}

function asLedgerError(error: unknown, path: string): Error {
  if (error instanceof DataError) return error;
  if (error instanceof UnclosedQuoteError) return corrupt(path, error.openedAt, '', 'quote');
  return keyedError((m) => new IoError(m), noteOf('ledger', { key: 'readFailed', args: [path, (error as Error).message] }));
}

function extend(hash: Hash, appended: Uint8Array): string {
  return hash.copy().update(appended).digest('hex');
}
