/**
 * Reading the outputs of earlier runs for `winback report`: a plan directory (plan.csv +
 * summary.json) or a campaign directory (summary.json + lists + excluded.csv). Rows are
 * streamed; only a small sample is held to detect the input columns' number and date style.
 * The input columns of plan.csv are mapped and parsed with the export reader's own header
 * mapping and row converter, so a plan directory reads exactly like the export it came from.
 */
import { createReadStream, promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { CsvError, parse, type Options } from 'csv-parse';
import { parseIsoDay } from '../../domain/dates.js';
import { LOST_CUSTOMER_SCHEMA } from '../../domain/read/fields.js';
import { mapHeaders } from '../../domain/read/header-map.js';
import { CHANNELS, type Channel } from '../../domain/playbook-types.js';
import type { PlanFacts } from '../../domain/report/facts.js';
import { createRowConverter } from '../../domain/read/row-convert.js';
import type { CustomerRow } from '../../domain/types.js';
import { DECISIONS, type Decision } from '../../domain/value/types.js';
import { DataError, InputMissingError } from '../../errors.js';
import type { ReadOptions } from '../csv/read.js';
import { restoreText } from '../csv/write.js';
import { listFile } from '../campaign-output.js';
import { PLAN_COLUMNS, PLAN_COLUMNS_WITHOUT_P_ORGANIC, PLAN_COLUMNS_WITHOUT_TRACK } from '../plan/output.js';
import type { ColumnSpec } from '../csv/write.js';
import { detectConventions } from '../csv/sniff.js';
import { keyedError, messages, noteOf, type Lang, type SavedNote } from '../../domain/catalogue/index.js';

export type ReportSource = 'export' | 'plan' | 'campaign';
export interface PlannedRecord { row: CustomerRow; facts: PlanFacts }
const SAMPLE_ROWS = 200;
const DECISION_SET = new Set<string>(DECISIONS);
// A row valued with the default margin says so in plan.csv's warnings, in the language of the run that wrote it.
const DEFAULT_MARGIN_MARKS = (['en', 'de'] as const).map((lang) => messages(lang).value.marginDefault('\u0000').split('\u0000')[0] as string);

/** Tells an export file from a plan or campaign output directory. */
export async function detectReportSource(path: string, label: string, lang?: Lang): Promise<ReportSource> {
  const say = messages(lang).report;
  if (label === '-') return 'export';
  const st = await fsp.stat(path).catch(() => undefined);
  if (!st) throw new InputMissingError(say.noInput(label), say.noInputHint);
  if (!st.isDirectory()) return 'export';
  if (await exists(join(path, 'plan.csv'))) return 'plan';
  if (await exists(join(path, 'excluded.csv')) || await exists(join(path, 'campaign-letter.csv'))) return 'campaign';
  throw new InputMissingError(say.notOutputDir(label), say.notOutputDirHint);
}

/** Reads summary.json of an output directory (plan or campaign). */
export async function readRunSummary(dir: string, label: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await fsp.readFile(join(dir, 'summary.json'), 'utf8');
  } catch {
    throw keyedError((m, h) => new InputMissingError(m, h), noteOf('files', { key: 'summaryMissing', args: [label] }), noteOf('files', { key: 'summaryMissingHint', args: [] }));
  }
  try {
    const data = JSON.parse(text) as unknown;
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) return data as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw keyedError((m, h) => new DataError(m, h), noteOf('files', { key: 'summaryNotObject', args: [label] }), noteOf('files', { key: 'summaryNotObjectHint', args: [] }));
}

/** Streams plan.csv of a plan directory as (input row, plan facts) records. */
export async function* readPlanCsv(dir: string, label: string, read: ReadOptions): AsyncGenerator<PlannedRecord> {
  const path = join(dir, 'plan.csv');
  const delimiter = await planDelimiter(path, label);
  const decimal = delimiter === ';' ? ',' : '.';
  const records = csvRecords(path, `${label}/plan.csv`, { bom: true, delimiter, relax_quotes: false }, 'plan');
  let header: string[] | undefined;
  let start = 0;
  let columns: readonly ColumnSpec[] = PLAN_COLUMNS;
  let sample: string[][] = [];
  let convert: ((cells: readonly string[], line: number) => ReturnType<ReturnType<typeof createRowConverter>>) | undefined;
  let line = 1;
  const emit = function* (cells: string[]): Generator<PlannedRecord> {
    line++;
    yield { row: inputRow(cells, start, line, convert), facts: planFacts(cells.slice(start), columns, decimal, label, line) };
  };
  for await (const record of records) {
    if (!header) {
      header = record;
      // A plan.csv written before the track column (or before p_organic) has win-back rows only.
      const layout = planLayout(header);
      if (layout === undefined) {
        throw outputError(noteOf('report', { key: 'planColumns', args: [label, PLAN_COLUMNS.map((c) => c.name).join(', ')] }), 'plan');
      }
      ({ start, columns } = layout);
      continue;
    }
    if (convert === undefined && sample.length < SAMPLE_ROWS) {
      sample.push(record);
      continue;
    }
    convert ??= inputConverter(header.slice(0, start), sample, delimiter, read);
    for (const cells of sample) yield* emit(cells);
    sample = [];
    yield* emit(record);
  }
  if (!header) throw keyedError((m, h) => new DataError(m, h), noteOf('report', { key: 'planEmpty', args: [label] }), noteOf('report', { key: 'planAgainHint', args: [] }));
  if (convert === undefined) convert = inputConverter(header.slice(0, start), sample, delimiter, read);
  for (const cells of sample) yield* emit(cells);
}

/** Where the plan columns start: the current layout, or that of plans written before track or p_organic. */
function planLayout(header: readonly string[]): { start: number; columns: readonly ColumnSpec[] } | undefined {
  for (const columns of [PLAN_COLUMNS, PLAN_COLUMNS_WITHOUT_TRACK, PLAN_COLUMNS_WITHOUT_P_ORGANIC]) {
    const start = header.length - columns.length;
    if (start >= 0 && columns.every((c, i) => header[start + i] === c.name)) return { start, columns };
  }
  return undefined;
}

// The header's last column is "track" ("p_organic" or "warnings" in older plans): what precedes it names the delimiter, with no guessing.
async function planDelimiter(path: string, label: string): Promise<string> {
  const first = await firstLine(path, `${label}/plan.csv`);
  return first.endsWith(';track') || first.endsWith(';p_organic') || first.endsWith(';warnings') ? ';' : ',';
}

async function firstLine(path: string, label: string): Promise<string> {
  const handle = await fsp.open(path, 'r').catch(() => {
    throw keyedError((m) => new InputMissingError(m), noteOf('report', { key: 'fileUnreadable', args: [label] }));
  });
  try {
    const buf = Buffer.alloc(1 << 16);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.toString('utf8', 0, bytesRead).split(/\r?\n/)[0] ?? '';
  } finally {
    await handle.close();
  }
}

function inputConverter(headers: string[], sample: string[][], delimiter: string, read: ReadOptions) {
  const { mapping } = mapHeaders(headers, LOST_CUSTOMER_SCHEMA, read.map ?? {});
  const inputs = sample.map((cells) => cells.slice(0, headers.length));
  const conventions = detectConventions(inputs, mapping, LOST_CUSTOMER_SCHEMA, delimiter, read);
  return createRowConverter(headers, mapping, { ...LOST_CUSTOMER_SCHEMA, fields: LOST_CUSTOMER_SCHEMA.fields.filter((f) => f.type !== 'id') }, conventions);
}

// The plan's customer_id column is authoritative; a row the converter would reject keeps its id only.
function inputRow(cells: string[], start: number, line: number, convert: ReturnType<typeof inputConverter> | undefined): CustomerRow {
  const id = cells[start] ?? '';
  // Cells were neutralised on writing ('+49 …, ="01101"): read what the export held.
  const converted = convert?.(cells.slice(0, start).map(restoreText), line);
  const values = converted?.ok ? converted.values : {};
  return { ...values, customer_id: id, line, warnings: [] } as CustomerRow;
}

function planFacts(cells: string[], columns: readonly ColumnSpec[], decimal: string, label: string, line: number): PlanFacts {
  const at = (name: string) => {
    const i = columns.findIndex((c) => c.name === name);
    return i < 0 ? '' : (cells[i] ?? '');
  };
  const num = (name: string) => {
    const text = at(name);
    if (text === '') return null;
    const value = Number(decimal === ',' ? text.replace(',', '.') : text);
    if (!Number.isFinite(value)) throw outputError(noteOf('report', { key: 'notNumber', args: [`${label}/plan.csv`, line, name, text] }), 'plan');
    return value;
  };
  const decision = at('decision');
  if (!DECISION_SET.has(decision)) throw outputError(noteOf('report', { key: 'unknownDecision', args: [`${label}/plan.csv`, line, 'decision', decision] }), 'plan');
  const channel = at('channel');
  return {
    // A retention-track customer is counted apart from every departure reason, as plan's summary does.
    reason_code: at('track') === 'retention' ? 'retention' : at('reason_code'),
    decision: decision as Decision,
    channel: (CHANNELS as readonly string[]).includes(channel) ? (channel as Channel) : '',
    p_winback: num('p_winback'),
    p_organic: num('p_organic'),
    expected_value: num('expected_value'),
    value_at_stake: num('value_at_stake'),
    contact_from: parseIsoDay(at('contact_from')) ?? null,
    contact_until: parseIsoDay(at('contact_until')) ?? null,
    default_margin: DEFAULT_MARGIN_MARKS.some((mark) => at('warnings').includes(mark)),
    offer_type: at('offer_type'),
  };
}

/** Streams the listed customers of a campaign directory (all lists), with what the lists carry. */
export async function* readCampaignLists(dir: string, label: string): AsyncGenerator<PlannedRecord> {
  // The win-back lists, then the retention lists (counted apart, as plan counts them).
  for (const [channel, retention] of [...CHANNELS.map((c) => [c, false] as const), ...CHANNELS.map((c) => [c, true] as const)]) {
    const file = listFile(channel, retention);
    const path = join(dir, file);
    if (!(await exists(path))) continue;
    const first = await firstLine(path, `${label}/${file}`);
    // Column names are snake_case: a ';' in the header is the delimiter. The header names the
    // columns, as --columns may have chosen and ordered them.
    const delimiter = first.includes(';') ? ';' : ',';
    const names = first.replace(/^\ufeff/, '').split(delimiter).map((n) => n.trim().replace(/^"(.*)"$/, '$1'));
    let line = 1;
    for await (const cells of csvRecords(path, `${label}/${file}`, { bom: true, delimiter, from_line: 2 }, 'campaign')) {
      line++;
      const at = (name: string) => cells[names.indexOf(name)] ?? '';
      const ev = at('expected_value');
      // The lists' cells were neutralised on writing ('@home …): the report shows what the export held.
      const row = { customer_id: restoreText(at('customer_id')), name: restoreText(at('name')), account_manager: restoreText(at('account_manager')), line, warnings: [] } as CustomerRow;
      const facts: PlanFacts = {
        reason_code: retention ? 'retention' : at('reason_code'), decision: 'win_back', channel, p_winback: null, p_organic: null,
        expected_value: ev === '' ? null : Number(delimiter === ';' ? ev.replace(',', '.') : ev),
        value_at_stake: null, contact_from: null, contact_until: null, default_margin: false, offer_type: at('offer_type'),
      };
      if (facts.expected_value !== null && !Number.isFinite(facts.expected_value)) {
        throw outputError(noteOf('report', { key: 'notNumber', args: [`${label}/${file}`, line, 'expected_value', ev] }), 'campaign');
      }
      yield { row, facts };
    }
  }
}

/** The records of a file a run wrote; one the CSV parser cannot read is a data error naming file and line. */
async function* csvRecords(path: string, file: string, options: Options, command: 'plan' | 'campaign'): AsyncGenerator<string[]> {
  try {
    for await (const record of createReadStream(path).pipe(parse(options)) as AsyncIterable<string[]>) yield record;
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = Number((err as CsvError & { lines?: unknown }).lines);
    throw outputError(noteOf('report', { key: 'csvBroken', args: [file, Number.isFinite(line) ? line : 0, err.message] }), command);
  }
}

/** A file of a plan or campaign run the report cannot use: worded in the reader's language where it is shown. */
function outputError(message: SavedNote, command: 'plan' | 'campaign'): DataError {
  return keyedError((m, h) => new DataError(m, h), message, noteOf('report', { key: 'editedHint', args: [command] }));
}

async function exists(path: string): Promise<boolean> {
  return fsp.access(path).then(() => true, () => false);
}
