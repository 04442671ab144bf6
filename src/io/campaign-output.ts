/**
 * The files of a campaign run: one list per channel, excluded.csv, rejects.csv, and
 * changes.csv against the previous run. Column orders are declared once here.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describeChange, type ExclusionReason } from '../domain/campaign.js';
import type { Lang } from '../domain/messages.js';
import type { ListContact } from '../domain/contact-point.js';
import type { Reject } from '../domain/types.js';
import { CHANNELS, type Channel } from '../domain/playbook-types.js';
import type { PlannedCustomer } from '../domain/plan.js';
import { DataError } from '../errors.js';
import { createAtomicWriteStream, writeOrWait, type AtomicWriteStream, type PreparedFile } from './atomic-write.js';
import { createCsvFormatter, formatCsv, type ColumnSpec, type CsvFormat, type CsvFormatter } from './csv-write.js';
import { REJECT_COLUMNS, rejectValues } from './plan-output.js';
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
  ];
}

export const EXCLUDED_COLUMNS: readonly ColumnSpec[] = [
  { name: 'customer_id', kind: 'text' },
  { name: 'reason', kind: 'text' },
  { name: 'detail', kind: 'text' },
  { name: 'priority', kind: 'int' },
];

export const CHANGES_COLUMNS: readonly ColumnSpec[] = [
  { name: 'customer_id', kind: 'text' },
  { name: 'change', kind: 'text' },
  { name: 'before', kind: 'text' },
  { name: 'after', kind: 'text' },
  { name: 'why', kind: 'text' },
];

/**
 * The file of a channel's list: campaign-<channel>.csv for win-back contacts,
 * retention-<channel>.csv for retention contacts (customers alive but drifting), beside them.
 */
export function listFile(channel: Channel, retention = false): string {
  return `${retention ? 'retention' : 'campaign'}-${channel}.csv`;
}

/** Where each channel's list has its priority column. */
const PRIORITY_AT = Object.fromEntries(CHANNELS.map((c) => [c, listColumns(c).findIndex((col) => col.name === 'priority')])) as Record<Channel, number>;

/**
 * The values of one list row, in listColumns(channel) order. E-mail and phone come from
 * `contact` (normalised, and only for channels the customer may be contacted on), never
 * from the row: a visit-list row shows no number without phone permission.
 */
export function listValues(p: PlannedCustomer, channel: Channel, priority: number, contact: ListContact): unknown[] {
  const r = p.row;
  const cell = (k: keyof PlannedCustomer['row']) => (k === 'email' ? contact.email : k === 'phone' ? contact.phone : r[k]);
  return [
    r.customer_id, r.name, ...CONTACT_COLUMNS[channel].map(cell), p.reason.code, p.measure,
    p.value.offer_type, p.angle, p.window?.contactUntil, priority, r.account_manager, p.value.expected_value,
  ];
}

/** Temporary files of one run; commit() puts them all in place. */
export class CampaignFiles {
  private streams = new Map<string, { stream: AtomicWriteStream; formatter: CsvFormatter }>();
  private failure: unknown;
  private constructor(private readonly dir: string, private readonly fmt: CsvFormat) {}

  /**
   * `withRejects`: write rejects.csv too (the worksheet writes it with plan.csv instead);
   * `withRetention`: a retention list per channel beside the win-back lists
   */
  static async open(dir: string, fmt: CsvFormat, withRejects = false, withRetention = false): Promise<CampaignFiles> {
    const files = new CampaignFiles(dir, fmt);
    try {
      for (const channel of CHANNELS) await files.add(listFile(channel), listColumns(channel));
      if (withRetention) for (const channel of CHANNELS) await files.add(listFile(channel, true), listColumns(channel));
      await files.add('excluded.csv', EXCLUDED_COLUMNS);
      if (withRejects) await files.add('rejects.csv', REJECT_COLUMNS);
    } catch (err) {
      await files.abort();
      throw err;
    }
    return files;
  }

  private async add(name: string, columns: readonly ColumnSpec[]): Promise<void> {
    const stream = await createAtomicWriteStream(join(this.dir, name));
    const formatter = createCsvFormatter(columns, this.fmt);
    // A failed write surfaces at commit() as the I/O error it is, instead of crashing the process.
    stream.on('error', (e: unknown) => (this.failure ??= e));
    stream.write((this.fmt.bom ? '\ufeff' : '') + formatter.header());
    this.streams.set(name, { stream, formatter });
  }

  /** Writes a row to a channel's list (the retention list when asked); a promise when the file's buffer is full (await it before the next). */
  listed(channel: Channel, values: unknown[], retention = false): Promise<void> | undefined {
    return this.write(listFile(channel, retention), values);
  }

  /** A channel's list row formatted now, its priority left open (see listedAround). */
  listRowAround(channel: Channel, values: readonly unknown[]): { head: string; tail: string } {
    return this.formatterOf(listFile(channel)).around(values, PRIORITY_AT[channel]);
  }

  /** Writes a row formatted by listRowAround with its priority, to the retention list when asked; a promise when the file's buffer is full. */
  listedAround(channel: Channel, head: string, priority: number, tail: string, retention = false): Promise<void> | undefined {
    const name = listFile(channel, retention);
    const s = this.streams.get(name);
    return s ? writeOrWait(s.stream, head + s.formatter.cell(priority, PRIORITY_AT[channel]) + tail) : undefined;
  }

  private formatterOf(name: string): CsvFormatter {
    const s = this.streams.get(name);
    if (!s) throw new Error(`CampaignFiles has no ${name}`);
    return s.formatter;
  }

  /** Writes a row to excluded.csv; a promise when the file's buffer is full (await it before the next). */
  excluded(customerId: string, reason: ExclusionReason, detail: string, priority: number | undefined): Promise<void> | undefined {
    return this.write('excluded.csv', [customerId, reason, detail, priority]);
  }

  /** Writes a rejected input row to rejects.csv (opened withRejects); a promise when the file's buffer is full (await it before the next). */
  reject(r: Reject): Promise<void> | undefined {
    if (!this.streams.has('rejects.csv')) throw new Error('CampaignFiles opened without rejects.csv');
    return this.write('rejects.csv', rejectValues(r));
  }

  private write(name: string, values: unknown[]): Promise<void> | undefined {
    const s = this.streams.get(name);
    return s ? writeOrWait(s.stream, s.formatter.row(values)) : undefined;
  }

  /** Renames every file into place; returns their sizes (for summary.json). */
  async commit(): Promise<RunOutputs> {
    if (this.failure) throw this.failure;
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

/** changes.csv: who entered, left or moved between the lists since the previous run, and why. */
export function formatChanges(previous: Map<string, string>, now: Map<string, string>, fmt: CsvFormat, lang?: Lang): string {
  const rows: unknown[][] = [];
  const ids = [...new Set([...previous.keys(), ...now.keys()])].sort();
  for (const id of ids) {
    const before = previous.get(id);
    const after = now.get(id);
    const inBefore = before?.startsWith('list:') ?? false;
    const inAfter = after?.startsWith('list:') ?? false;
    if (before === after || (!inBefore && !inAfter)) continue;
    const change = inAfter && !inBefore ? 'entered' : inBefore && !inAfter ? 'left' : 'moved';
    rows.push([id, change, before ?? '', after ?? '', describeChange(before, after, lang)]);
  }
  return formatCsv(CHANGES_COLUMNS, rows, fmt);
}

/**
 * Status of each customer in a previous run's output: 'list:<channel>' or the exclusion
 * reason; undefined when the directory does not exist yet (the first weekly run).
 */
export async function readPreviousStatus(dir: string): Promise<Map<string, string> | undefined> {
  if (!existsSync(dir)) return undefined;
  // A run killed while it replaced its files leaves lists of two runs: compare with its summary first.
  const summary = await readJsonObject(join(dir, 'summary.json'));
  if (summary) await checkRunOutputs(dir, `--previous ${dir}`, summary);
  const status = new Map<string, string>();
  const read = async (name: string): Promise<Record<string, string>[]> => {
    try {
      const text = (await readFile(join(dir, name), 'utf8')).replace(/^\ufeff/, '');
      const delimiter = text.slice(0, text.indexOf('\n')).includes(';') ? ';' : ',';
      return parse(text, { columns: true, delimiter, relax_column_count: true }) as Record<string, string>[];
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new DataError(`--previous ${dir}: ${name} cannot be read (${(err as Error).message})`, 'point --previous at the output directory of an earlier campaign run');
    }
  };
  for (const channel of CHANNELS) for (const r of await read(listFile(channel))) status.set(unquote(r.customer_id), `list:${channel}`);
  for (const channel of CHANNELS) for (const r of await read(listFile(channel, true))) status.set(unquote(r.customer_id), `list:retention-${channel}`);
  for (const r of await read('excluded.csv')) status.set(unquote(r.customer_id), r.reason ?? '');
  if (status.size === 0) throw new DataError(`--previous ${dir} holds no campaign lists`, 'point --previous at the output directory of an earlier campaign run');
  return status;
}

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
  return (id ?? '').replace(/^'(?=[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20\s])/, '');
}
