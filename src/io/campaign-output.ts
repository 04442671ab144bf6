/**
 * The files of a campaign run: one list per channel, excluded.csv, rejects.csv, and
 * changes.csv against the previous run. Column orders are declared once here.
 */
import { customerKey } from '../domain/campaign/customer-key.js';
import { createReadStream, existsSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseStream } from 'csv-parse';
import { describeChange, type ExclusionReason } from '../domain/campaign/campaign.js';
import { IdStatuses } from '../domain/campaign/id-statuses.js';
import { messages, type Lang } from '../domain/catalogue/index.js';
import { withoutContactPoints, type ListContact } from '../domain/permission/contact-point.js';
import type { Reject } from '../domain/types.js';
import { CHANNELS, type Channel } from '../domain/playbook-types.js';
import type { PlannedCustomer } from '../domain/plan/plan.js';
import { DataError, UsageError } from '../errors.js';
import type { Playbook } from '../domain/playbook-types.js';
import { createAtomicWriteStream, writeOrWait, type AtomicWriteStream, type PreparedFile } from './atomic-write.js';
import { ByteBuffer, createCsvFormatter, putString, type ColumnSpec, type CsvFormat, type CsvFormatter } from './csv/write.js';
import { REJECT_COLUMNS, rejectValues } from './plan/output.js';
import { checkRunOutputs, type RunOutputs } from './run-outputs.js';

/** Contact columns each channel's list carries; other contact data is left out on purpose. */
const CONTACT_COLUMNS: Record<Channel, (keyof PlannedCustomer['row'])[]> = {
  email: ['email'],
  phone: ['phone'],
  letter: ['street', 'postal_code', 'city', 'country'],
  visit: ['phone', 'street', 'postal_code', 'city', 'country'],
};

export function listColumns(channel: Channel): ColumnSpec[] {
  return [
    { name: 'customer_id', kind: 'text' },
    { name: 'name', kind: 'text' },
    ...CONTACT_COLUMNS[channel].map((name): ColumnSpec => ({ name, kind: name === 'phone' ? 'phone' : 'text' })),
    { name: 'reason_code', kind: 'text' },
    { name: 'measure', kind: 'text' },
    { name: 'offer_type', kind: 'text' },
    { name: 'message_angle', kind: 'text' },
    { name: 'contact_until', kind: 'date' },
    { name: 'priority', kind: 'int' },
    { name: 'account_manager', kind: 'text' },
    { name: 'expected_value', kind: 'money' },
    // What a caller needs at hand, in the run's language; added at the end so older readers keep their positions.
    { name: 'contact_person', kind: 'text' },
    { name: 'reason_text', kind: 'text' },
    { name: 'reason_label', kind: 'text' },
    { name: 'offer', kind: 'text' },
    // yes: the offer was drawn at random (campaign --test-offers), not chosen by the plan
    { name: 'offer_randomised', kind: 'text' },
  ];
}

/** Every column name a list can carry, in declared order (the names --columns accepts). */
export const LIST_COLUMN_NAMES: readonly string[] = [
  ...new Set(['customer_id', 'name', 'email', 'phone', ...CHANNELS.flatMap((c) => listColumns(c).map((col) => col.name))]),
];

/**
 * Parses --columns: names of list columns, comma-separated, in the order wanted. The names are
 * the lists' header names in every language (the header is the machine contract). A contact
 * column shows only on the lists of the channels that carry it (a phone number never reaches
 * the e-mail list). Throws a UsageError naming unknown names and listing the valid ones.
 */
export function parseListColumns(text: string, lang: Lang = 'en'): string[] {
  const say = messages(lang).flags;
  const names = text.split(',').map((n) => n.trim()).filter((n) => n !== '');
  const unknown = names.filter((n) => !LIST_COLUMN_NAMES.includes(n));
  if (unknown.length > 0 || names.length === 0) {
    throw new UsageError(say.listColumnsUnknown(unknown.length > 0 ? unknown.map((n) => `'${n}'`).join(', ') : `'${text}'`), say.listColumnsHint(LIST_COLUMN_NAMES.join(',')));
  }
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new UsageError(say.listColumnsTwice(twice), say.listColumnsHint(LIST_COLUMN_NAMES.join(',')));
  if (!names.includes('customer_id')) throw new UsageError(say.listColumnsNeedId, say.listColumnsNeedIdHint);
  return names;
}

/** A channel's list columns as --columns chose them (all of them, in declared order, without). */
export function chosenListColumns(channel: Channel, chosen?: readonly string[]): ColumnSpec[] {
  const all = listColumns(channel);
  return chosen ? chosen.flatMap((name) => all.filter((c) => c.name === name)) : all;
}

/** The texts a list row shows beside the plan: the playbook's offer labels in the run's language. */
export interface ListTexts {
  offerLabel(offerId: string | null | undefined): string;
}

/** ListTexts from the playbook's offers and retention measures (`label.en`, `label.de`). */
export function listTexts(playbook: Pick<Playbook, 'offers' | 'retention'>, lang: Lang): ListTexts {
  const labels = new Map([...playbook.offers, ...(playbook.retention?.measures ?? [])].map((o) => [o.id, o.label[lang]]));
  return { offerLabel: (id) => (id ? (labels.get(id) ?? id) : '') };
}

export const EXCLUDED_COLUMNS: readonly ColumnSpec[] = [
  { name: 'customer_id', kind: 'text' },
  { name: 'reason', kind: 'text' },
  { name: 'detail', kind: 'text' },
  { name: 'priority', kind: 'int' },
];
/** Where excluded.csv's priority column is. */
const EXCLUDED_PRIORITY_AT = 3;

export const CHANGES_COLUMNS: readonly ColumnSpec[] = [
  { name: 'customer_id', kind: 'text' },
  { name: 'change', kind: 'text' },
  { name: 'before', kind: 'text' },
  { name: 'after', kind: 'text' },
  { name: 'why', kind: 'text' },
];


/**
 * The values of one list row, in listColumns(channel) order. E-mail and phone come from
 * `contact` (normalised, and only for channels the customer may be contacted on), never
 * from the row: a visit-list row shows no number without phone permission.
 */
export function listValues(p: PlannedCustomer, channel: Channel, priority: number, contact: ListContact, texts: ListTexts, lang: Lang, randomised = false): unknown[] {
  const r = p.row;
  const cell = (k: keyof PlannedCustomer['row']) => (k === 'email' ? contact.email : k === 'phone' ? contact.phone : r[k]);
  return [
    r.customer_id, r.name, ...CONTACT_COLUMNS[channel].map(cell), p.reason.code, p.measure,
    p.value.offer_type, p.angle, p.window?.contactUntil, priority, r.account_manager, p.value.expected_value,
    withoutContactPoints(r.contact_person, p.permission.allowed), withoutContactPoints(r.reason, p.permission.allowed), p.entry.label[lang], texts.offerLabel(p.value.offer_type),
    randomised ? 'yes' : '',
  ];
}

/**
 * The file of a channel's list: campaign-<channel>.csv for win-back contacts,
 * retention-<channel>.csv for retention contacts (customers alive but drifting), beside them.
 */
export function listFile(channel: Channel, retention = false): string {
  return `${retention ? 'retention' : 'campaign'}-${channel}.csv`;
}

/**
 * A channel list's rows formatted ahead of their priority (listValues order in, the columns
 * --columns chose out): the campaign's first pass formats each listed customer's row where it
 * is planned, a worker thread included.
 */
export class ListRowFormatter {
  /** per channel: where each written column's value sits in listValues(), and where priority is written (-1: not chosen) */
  readonly layout: Record<Channel, { picks: number[]; priorityAt: number }>;
  private readonly formatters: Record<Channel, CsvFormatter>;
  constructor(fmt: CsvFormat, chosen: readonly string[] | undefined) {
    this.layout = Object.fromEntries(CHANNELS.map((c) => {
      const all = listColumns(c).map((col) => col.name);
      const names = chosenListColumns(c, chosen).map((col) => col.name);
      return [c, { picks: names.map((n) => all.indexOf(n)), priorityAt: names.indexOf('priority') }];
    })) as Record<Channel, { picks: number[]; priorityAt: number }>;
    this.formatters = Object.fromEntries(CHANNELS.map((c) => [c, createCsvFormatter(chosenListColumns(c, chosen), fmt)])) as Record<Channel, CsvFormatter>;
    this.excludedFormatter = createCsvFormatter(EXCLUDED_COLUMNS, fmt);
  }

  private readonly excludedFormatter: CsvFormatter;

  /** An excluded.csv row formatted now, its priority left open (see CampaignFiles.excludedBytes). */
  excludedAround(customerId: string, reason: ExclusionReason, detail: string): { head: string; tail: string } {
    return this.excludedFormatter.around([customerId, reason, detail, undefined], EXCLUDED_PRIORITY_AT);
  }

  /** The values of listValues() in the order of the columns written. */
  pick(channel: Channel, values: readonly unknown[]): unknown[] {
    return this.layout[channel].picks.map((i) => values[i]);
  }

  /** A channel's list row (listValues order) formatted now, its priority left open (see CampaignFiles.listedAround). */
  around(channel: Channel, values: readonly unknown[]): { head: string; tail: string } {
    const formatter = this.formatters[channel];
    const { priorityAt } = this.layout[channel];
    const picked = this.pick(channel, values);
    // Without a priority column the row is complete now.
    return priorityAt < 0 ? { head: formatter.row(picked), tail: '' } : formatter.around(picked, priorityAt);
  }
}

/**
 * Rows are gathered per file into bytes of this many before they are written: the second pass
 * writes single rows into several files from a merge that yields only when a file asks it to
 * wait, and each row written alone was a buffer and a queue entry on the heap until written —
 * with 4 MiB queued per file, `campaign` at a million rows grew its main thread's old
 * generation from 24 to 63 MB in the second pass. Bytes, not text: the second pass copies the
 * rows the first pass formatted straight from the sort spool (listedBytes), with no string
 * per row on the way.
 */
const BATCH_BYTES = 1 << 15;
/** Bytes a file queues (batches of rows) before the writer waits for it. */
const LIST_QUEUE_BYTES = 1 << 18;

interface OpenFile {
  stream: AtomicWriteStream;
  formatter: CsvFormatter;
  /** the rows not handed to the stream yet */
  batch: ByteBuffer;
}

/** Temporary files of one run; commit() puts them all in place. */
export class CampaignFiles {
  private streams = new Map<string, OpenFile>();
  private failure: unknown;
  private readonly rows: ListRowFormatter;
  private constructor(private readonly dir: string, private readonly fmt: CsvFormat, private readonly chosen: readonly string[] | undefined) {
    this.rows = new ListRowFormatter(fmt, chosen);
  }

  /**
   * `withRejects`: write rejects.csv too (the worksheet writes it with plan.csv instead);
   * `columns`: the list columns --columns chose (parseListColumns), all of them without;
   * `withRetention`: a retention list per channel beside the win-back lists, with the same columns
   */
  static async open(dir: string, fmt: CsvFormat, withRejects = false, columns?: readonly string[], withRetention = false): Promise<CampaignFiles> {
    const files = new CampaignFiles(dir, fmt, columns);
    try {
      for (const channel of CHANNELS) await files.add(listFile(channel), chosenListColumns(channel, columns));
      if (withRetention) for (const channel of CHANNELS) await files.add(listFile(channel, true), chosenListColumns(channel, columns));
      await files.add('excluded.csv', EXCLUDED_COLUMNS);
      if (withRejects) await files.add('rejects.csv', REJECT_COLUMNS);
    } catch (err) {
      await files.abort();
      throw err;
    }
    return files;
  }

  /** The list columns this run writes (for the workbook made from the lists). */
  get listColumnChoice(): readonly string[] | undefined {
    return this.chosen;
  }

  private async add(name: string, columns: readonly ColumnSpec[]): Promise<void> {
    const stream = await createAtomicWriteStream(join(this.dir, name), LIST_QUEUE_BYTES);
    const formatter = createCsvFormatter(columns, this.fmt);
    // A failed write surfaces at commit() as the I/O error it is, instead of crashing the process.
    stream.on('error', (e: unknown) => (this.failure ??= e));
    const batch = new ByteBuffer(2 * BATCH_BYTES);
    putString(batch, (this.fmt.bom ? '\ufeff' : '') + formatter.header());
    this.streams.set(name, { stream, formatter, batch });
  }

  /** Writes a row (listValues order) to a channel's list (the retention list when asked); a promise when the file's buffer is full (await it before the next). */
  listed(channel: Channel, values: unknown[], retention = false): Promise<void> | undefined {
    return this.write(listFile(channel, retention), this.rows.pick(channel, values));
  }

  /** A channel's list row (listValues order) formatted now, its priority left open (see listedAround). */
  listRowAround(channel: Channel, values: readonly unknown[]): { head: string; tail: string } {
    return this.rows.around(channel, values);
  }

  /** Writes a row formatted by listRowAround with its priority, to the retention list when asked; a promise when the file's buffer is full. */
  listedAround(channel: Channel, head: string, priority: number, tail: string, retention = false): Promise<void> | undefined {
    const name = listFile(channel, retention);
    const s = this.streams.get(name);
    const { priorityAt } = this.rows.layout[channel];
    if (!s) return undefined;
    return this.put(s, priorityAt < 0 ? head : head + s.formatter.cell(priority, priorityAt) + tail);
  }

  /**
   * listedAround() for a row whose head and tail are UTF-8 bytes: `bytes[from, headEnd)` and
   * `bytes[headEnd, end)` (copied before this returns).
   */
  listedBytes(channel: Channel, bytes: Buffer, from: number, headEnd: number, end: number, priority: number, retention = false): Promise<void> | undefined {
    const s = this.streams.get(listFile(channel, retention));
    return s ? this.putAround(s, bytes, from, headEnd, end, priority, this.rows.layout[channel].priorityAt) : undefined;
  }

  /** Writes a row to excluded.csv; a promise when the file's buffer is full (await it before the next). */
  excluded(customerId: string, reason: ExclusionReason, detail: string, priority: number | undefined): Promise<void> | undefined {
    return this.write('excluded.csv', [customerId, reason, detail, priority]);
  }

  /** excluded() for a row formatted by ListRowFormatter.excludedAround, as UTF-8 bytes (see listedBytes). */
  excludedBytes(bytes: Buffer, from: number, headEnd: number, end: number, priority: number): Promise<void> | undefined {
    const s = this.streams.get('excluded.csv');
    return s ? this.putAround(s, bytes, from, headEnd, end, priority, EXCLUDED_PRIORITY_AT) : undefined;
  }

  /** Writes a rejected input row to rejects.csv (opened withRejects); a promise when the file's buffer is full (await it before the next). */
  reject(r: Reject): Promise<void> | undefined {
    if (!this.streams.has('rejects.csv')) throw new Error('CampaignFiles opened without rejects.csv');
    return this.write('rejects.csv', rejectValues(r));
  }

  private write(name: string, values: unknown[]): Promise<void> | undefined {
    const s = this.streams.get(name);
    return s ? this.put(s, s.formatter.row(values)) : undefined;
  }

  /** Adds a row to the file's batch, written once it holds BATCH_BYTES; a promise when the file's queue is full. */
  private put(s: OpenFile, row: string): Promise<void> | undefined {
    putString(s.batch, row);
    return s.batch.at < BATCH_BYTES ? undefined : this.hand(s);
  }

  /** put() of head + the priority's cell at `priorityAt` (none when it is negative) + tail, from bytes. */
  private putAround(s: OpenFile, bytes: Buffer, from: number, headEnd: number, end: number, priority: number, priorityAt: number): Promise<void> | undefined {
    const out = s.batch;
    // copy(), not set() of a view: no object per row.
    out.room(end - from);
    out.at += bytes.copy(out.buf, out.at, from, headEnd);
    if (priorityAt >= 0) putString(out, s.formatter.cell(priority, priorityAt));
    out.room(end - headEnd);
    out.at += bytes.copy(out.buf, out.at, headEnd, end);
    return out.at < BATCH_BYTES ? undefined : this.hand(s);
  }

  /** Hands the batch to the stream (its memory goes with it); a promise when the file's queue is full. */
  private hand(s: OpenFile): Promise<void> | undefined {
    const { batch } = s;
    const bytes = batch.buf.subarray(0, batch.at);
    batch.buf = Buffer.allocUnsafeSlow(2 * BATCH_BYTES);
    batch.at = 0;
    return writeOrWait(s.stream, bytes);
  }

  /** Writes what every file's batch holds. */
  private flushBatches(): void {
    for (const s of this.streams.values()) {
      if (s.batch.at === 0) continue;
      s.stream.write(s.batch.buf.subarray(0, s.batch.at));
      s.batch.buf = Buffer.allocUnsafe(0);
      s.batch.at = 0;
    }
  }

  /** Renames every file into place; returns their sizes (for summary.json). */
  async commit(): Promise<RunOutputs> {
    if (this.failure) throw this.failure;
    this.flushBatches();
    const outputs: RunOutputs = {};
    for (const [name, { stream }] of this.streams) {
      await stream.commit();
      outputs[name] = { bytes: stream.bytesWritten };
    }
    return outputs;
  }

  /** Finishes and syncs every file without renaming it yet (see PreparedFile), in output order. */
  async prepare(): Promise<PreparedFile[]> {
    if (this.failure) throw this.failure;
    this.flushBatches();
    const prepared: PreparedFile[] = [];
    try {
      for (const { stream } of this.streams.values()) prepared.push(await stream.prepare());
    } catch (err) {
      for (const p of prepared) await p.discard();
      throw err;
    }
    return prepared;
  }

  async abort(): Promise<void> {
    for (const { stream } of this.streams.values()) await stream.abort();
  }
}

/** A customer's status by id, and every id that has one: a Map, or the previous run's compact statuses (previousStatuses). */
export interface StatusLookup {
  get(id: string): string | undefined;
  keys(): Iterable<string>;
}

/** changes.csv: who entered, left or moved between the lists since the previous run, and why. */
export function formatChanges(previous: StatusLookup, now: ReadonlyMap<string, string>, fmt: CsvFormat, lang?: Lang): Buffer {
  // Each row written as it is decided: a week in which a few hundred thousand customers left
  // the lists made as many row arrays, then one string of them all (~130 MiB at the peak).
  const f = createCsvFormatter(CHANGES_COLUMNS, fmt);
  const out = new ByteBuffer();
  putString(out, (fmt.bom ? '\ufeff' : '') + f.header());
  // One customer whose id the export now spells another way ("KD-1001", then "kd-1001") is
  // matched by the key campaign paces by, and shown under this run's spelling.
  // `now` holds this run's listed customers and those the previous run listed, not every id of the export.
  const nowId = new Map<string, string>();
  for (const id of now.keys()) nowId.set(customerKey(id), id);
  const spelled = (id: string) => (now.has(id) ? id : (nowId.get(customerKey(id)) ?? id));
  const ids = [...new Set([...previous.keys()].map(spelled))];
  const before = new Map<string, string | undefined>();
  for (const id of previous.keys()) before.set(spelled(id), previous.get(id));
  for (const id of now.keys()) if (!before.has(id)) ids.push(id);
  ids.sort();
  for (const id of ids) {
    const was = before.get(id);
    const after = now.get(id);
    const inBefore = was?.startsWith('list:') ?? false;
    const inAfter = after?.startsWith('list:') ?? false;
    if (was === after || (!inBefore && !inAfter)) continue;
    const change = inAfter && !inBefore ? 'entered' : inBefore && !inAfter ? 'left' : 'moved';
    putString(out, f.row([id, change, was ?? '', after ?? '', describeChange(was, after, lang)]));
  }
  return out.buf.subarray(0, out.at);
}



/**
 * What changes.csv compares this run with: a previous run's output folder and the status of
 * each customer it listed ('list:<channel>', 'list:retention-<channel>'). Only a customer
 * listed in one of the two runs can be a change, so the previous exclusion reasons are read
 * later, for the customers this run lists alone (previousStatuses). Reading every status of
 * both runs into memory took 680 MiB and 68 s at a million customers (2026-12-06).
 */
export interface PreviousRun {
  dir: string;
  /** the rows its export had (summary.json), when it says */
  rows?: number;
  /** kept for the whole run, compact (IdStatuses) */
  listed: IdStatuses;
  lang: Lang;
}

/** The previous run's listed customers; undefined when the directory does not exist yet (the first weekly run). */
export async function readPreviousStatus(dir: string, lang: Lang = 'en'): Promise<PreviousRun | undefined> {
  const t = messages(lang).campaign;
  if (!existsSync(dir)) return undefined;
  // A run killed while it replaced its files leaves lists of two runs: compare with its summary first.
  const summary = await readJsonObject(join(dir, 'summary.json'));
  if (summary) await checkRunOutputs(dir, `--previous ${dir}`, summary);
  const listed = new IdStatuses();
  for (const channel of CHANNELS) await eachPreviousRow(dir, `campaign-${channel}.csv`, lang, (r) => void listed.set(unquote(r.customer_id), `list:${channel}`));
  for (const channel of CHANNELS) await eachPreviousRow(dir, listFile(channel, true), lang, (r) => void listed.set(unquote(r.customer_id), `list:retention-${channel}`));
  // Without its summary nothing vouches for excluded.csv, which changes.csv reads after planning: read it through now,
  // so that a broken file stops the run before it plans and writes anything.
  const anyExcluded = summary ? undefined : await eachPreviousRow(dir, 'excluded.csv', lang, () => undefined);
  // A run that listed nobody still has its exclusions.
  if (listed.size === 0 && !(anyExcluded ?? (await eachPreviousRow(dir, 'excluded.csv', lang, () => false)))) throw new DataError(t.previousNoLists(dir), t.previousHint);
  // The rows its export had: accepted and rejected, as its summary.json counts them.
  const rows = typeof summary?.accepted === 'number' && typeof summary.rejected === 'number' ? summary.accepted + summary.rejected : undefined;
  return { dir, listed, lang, ...(rows !== undefined ? { rows } : {}) };
}

/**
 * The previous statuses changes.csv needs once this run's statuses (`now`) are known: of
 * every customer the previous run listed, and the exclusion reason of each customer listed
 * now whom it did not list (from its excluded.csv).
 */
export async function previousStatuses(previous: PreviousRun, now: ReadonlyMap<string, string>): Promise<StatusLookup> {
  const { listed } = previous;
  // The earlier reasons of the customers listed now alone: a few, beside the compact lists.
  // Matched by key (formatChanges): an id the export now spells another way is the same customer.
  const excluded = new Map<string, string>();
  // The customers listed now whom the previous run did not list under that spelling, by key.
  const listedNow = new Map<string, string>();
  for (const [id, status] of now) if (status.startsWith('list:') && !listed.has(id)) listedNow.set(customerKey(id), id);
  await eachPreviousRow(previous.dir, 'excluded.csv', previous.lang, (r) => {
    const id = unquote(r.customer_id);
    // One run writes one spelling of a customer: listed there, or excluded.
    if (!listed.has(id) && !excluded.has(id) && listedNow.has(customerKey(id))) excluded.set(id, r.reason ?? '');
  });
  return {
    get: (id) => listed.get(id) ?? excluded.get(id),
    *keys() {
      yield* listed.keys();
      yield* excluded.keys();
    },
  };
}

/**
 * Hands each row of a previous run's output file to `visit` as it is read (its delimiter
 * from the header line), until `visit` returns false; a file that does not exist has no rows.
 * Returns whether the file had a row.
 */
async function eachPreviousRow(dir: string, name: string, lang: Lang, visit: (row: PreviousRow) => boolean | void): Promise<boolean> {
  const t = messages(lang).campaign;
  const path = join(dir, name);
  let any = false;
  try {
    const delimiter = await headerDelimiter(path);
    // Records as arrays, the two columns read by their place in the header: objects with every column cost twice the time.
    const rows = createReadStream(path).pipe(parseStream({ delimiter, relax_column_count: true, bom: true }));
    let header: string[] | undefined;
    let idAt = -1;
    let reasonAt = -1;
    for await (const r of rows as AsyncIterable<string[]>) {
      if (header === undefined) {
        header = r;
        idAt = r.indexOf('customer_id');
        reasonAt = r.indexOf('reason');
        continue;
      }
      any = true;
      // A column the file lacks reads as missing, as a record with fewer cells does.
      if (visit({ customer_id: idAt < 0 ? undefined : r[idAt], reason: reasonAt < 0 ? undefined : r[reasonAt] }) === false) {
        rows.destroy();
        break;
      }
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new DataError(t.previousUnreadable(dir, name, (err as Error).message), t.previousHint);
  }
  return any;
}

/** The cells of a previous output's row that changes.csv reads. */
interface PreviousRow {
  customer_id: string | undefined;
  reason: string | undefined;
}

/** The delimiter of an output file, from its header line: `;` when it holds one (German Excel), else `,`. */
async function headerDelimiter(path: string): Promise<',' | ';'> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(HEADER_PEEK);
    const { bytesRead } = await handle.read(head, 0, HEADER_PEEK, 0);
    const text = head.toString('utf8', 0, bytesRead);
    const end = text.indexOf('\n');
    return (end < 0 ? text : text.slice(0, end)).includes(';') ? ';' : ',';
  } finally {
    await handle.close();
  }
}
/** Bytes read for the header line (the longest list header is a few hundred bytes). */
const HEADER_PEEK = 4096;

async function readJsonObject(path: string): Promise<Record<string, unknown> | undefined> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as unknown;
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

// Ids that were neutralised against formulas on writing carry a leading apostrophe.
function unquote(id: string | undefined): string {
  return (id ?? '').replace(/^'(?=[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\ufe66\ufe6b\s])/, '');
}
