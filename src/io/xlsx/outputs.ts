/**
 * The workbooks of the commands that write several lists into a directory: plan.xlsx,
 * campaign.xlsx and clv.xlsx, one sheet per list, made from the CSV files of the same run once those
 * are complete (the CSVs stay: they are the record `report` and `campaign --previous` read).
 */
import { basename, join } from 'node:path';
import type { PreparedFile } from '../atomic-write.js';
import { CHANNELS } from '../../domain/playbook-types.js';
import { CHANGES_COLUMNS, chosenListColumns, EXCLUDED_COLUMNS } from '../campaign-output.js';
import { CUSTOMER_COLUMNS, HOLDOUT_COLUMNS, INTERVAL_COLUMNS } from '../clv/output.js';
import type { ColumnSpec, CsvFormat } from '../csv/write.js';
import { PLAN_COLUMNS, planHeader, REJECT_COLUMNS } from '../plan/output.js';
import type { RunOutputs } from '../run-outputs.js';
import { messages, type Lang } from '../../domain/catalogue/index.js';
import { csvRowsOf, prepareWorkbook, writeWorkbookAtomic, type WorkbookSheet } from './write.js';

/** How a run writes its tables: the CSV layout, and whether a workbook is written too. */
export interface OutputFormat {
  csv: CsvFormat;
  xlsx: boolean;
}

/** Columns of plan.csv: the input's (as text), then the computed ones with their kinds. */
export function planColumnSpecs(inputHeaders: readonly string[]): ColumnSpec[] {
  const names = planHeader(inputHeaders);
  return names.map((name, i) => ({ name, kind: i < inputHeaders.length ? 'text' : (PLAN_COLUMNS[i - inputHeaders.length] as ColumnSpec).kind }));
}

/** Writes plan.xlsx (sheets plan and rejects) from plan.csv and rejects.csv in `dir`. */
export async function writePlanWorkbook(dir: string, inputHeaders: readonly string[], fmt: CsvFormat, lang: Lang = 'en'): Promise<RunOutputs> {
  const columns = planColumnSpecs(inputHeaders);
  return workbookOf(dir, 'plan.xlsx', [
    { name: 'plan', columns, file: 'plan.csv' },
    { name: 'rejects', columns: REJECT_COLUMNS, file: 'rejects.csv' },
  ], fmt, lang);
}

/** The lists of a campaign run, in sheet order: a sheet per channel, then excluded, changes and rejects. */
function campaignLists(columns?: readonly string[]): { name: string; columns: readonly ColumnSpec[]; file: string }[] {
  return [
    ...CHANNELS.map((channel) => ({ name: channel, columns: chosenListColumns(channel, columns), file: `campaign-${channel}.csv` })),
    ...CHANNELS.map((channel) => ({ name: `retention ${channel}`, columns: chosenListColumns(channel, columns), file: `retention-${channel}.csv` })),
    { name: 'excluded', columns: EXCLUDED_COLUMNS, file: 'excluded.csv' },
    { name: 'changes', columns: CHANGES_COLUMNS, file: 'changes.csv' },
    { name: 'rejects', columns: REJECT_COLUMNS, file: 'rejects.csv' },
  ];
}

/**
 * Prepares campaign.xlsx from the run's prepared (not yet renamed) CSVs, to be committed with
 * them: a sheet per list the run wrote, with the list columns --columns chose (`columns`).
 */
export async function prepareCampaignWorkbook(dir: string, fmt: CsvFormat, prepared: readonly PreparedFile[], columns?: readonly string[], lang: Lang = 'en'): Promise<PreparedFile> {
  const temps = new Map(prepared.map((f) => [basename(f.path), f.tempPath]));
  const sheets: WorkbookSheet[] = campaignLists(columns).flatMap((l) => {
    const temp = temps.get(l.file);
    return temp === undefined ? [] : [{ name: messages(lang).names.sheet(l.name), columns: l.columns, rows: csvRowsOf(temp, l.columns, fmt), lang }];
  });
  return prepareWorkbook(join(dir, 'campaign.xlsx'), sheets);
}

/** Writes campaign.xlsx from the lists in `dir`, as far as `written` names them (the worksheet's lists). */
export async function writeCampaignWorkbook(dir: string, fmt: CsvFormat, written: RunOutputs, lang: Lang = 'en'): Promise<RunOutputs> {
  return workbookOf(dir, 'campaign.xlsx', campaignLists().filter((l) => written[l.file] !== undefined), fmt, lang);
}

/** Writes clv.xlsx: the customers (with the holdout and interval columns when customers.csv has them) and the rejects. */
export async function writeClvWorkbook(dir: string, fmt: CsvFormat, has: { holdout: boolean; intervals: boolean }, lang: Lang = 'en'): Promise<RunOutputs> {
  const customers = [...CUSTOMER_COLUMNS, ...(has.holdout ? HOLDOUT_COLUMNS : []), ...(has.intervals ? INTERVAL_COLUMNS : [])];
  return workbookOf(dir, 'clv.xlsx', [
    { name: 'customers', columns: customers, file: 'customers.csv' },
    { name: 'rejects', columns: REJECT_COLUMNS, file: 'rejects.csv' },
  ], fmt, lang);
}

/** The sheets are named in the run's language (the lists' columns keep their names: they are the files' contract). */
async function workbookOf(dir: string, name: string, lists: { name: string; columns: readonly ColumnSpec[]; file: string }[], fmt: CsvFormat, lang: Lang): Promise<RunOutputs> {
  const sheets: WorkbookSheet[] = lists
    .map((l) => ({ name: messages(lang).names.sheet(l.name), columns: l.columns, rows: csvRowsOf(join(dir, l.file), l.columns, fmt), lang }));
  return { [name]: { bytes: await writeWorkbookAtomic(join(dir, name), sheets) } };
}
