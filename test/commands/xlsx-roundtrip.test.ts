import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/domain/playbook-types.js';
import { EXCLUDED_COLUMNS, listColumns } from '../../src/io/campaign-output.js';
import type { ColumnSpec } from '../../src/io/csv/write.js';
import { planColumnSpecs } from '../../src/io/xlsx/outputs.js';
import { PLAN_COLUMNS } from '../../src/io/plan/output.js';
import { readCsv, runCli, tempDir } from '../support/cli.js';

const AS_OF = ['--as-of', '2026-11-23'];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function scratch(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

/** A sheet's rows as records keyed by its header, with the values exceljs reads back. */
async function sheets(path: string): Promise<Map<string, Record<string, unknown>[]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const out = new Map<string, Record<string, unknown>[]>();
  for (const ws of book.worksheets) {
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const rows: Record<string, unknown>[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const values = (ws.getRow(r).values as unknown[]).slice(1);
      rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
    }
    out.set(ws.name, rows);
  }
  return out;
}

/** What a plain CSV cell of the column's kind says, as the value a sheet should hold. */
function expected(text: string, kind: ColumnSpec['kind']): unknown {
  if (text === '') return null;
  if (kind === 'date') return new Date(`${text}T00:00:00Z`);
  if (kind === 'text' || kind === 'phone') return text.replace(/^'(?=[=+\-@])/, '');
  return Number(text);
}

function expectSame(sheet: Record<string, unknown>[] | undefined, csv: Record<string, string>[], columns: readonly ColumnSpec[]) {
  expect(sheet).toBeDefined();
  expect(sheet?.length).toBe(csv.length);
  csv.forEach((record, i) => {
    const want = Object.fromEntries(columns.map((c) => [c.name, expected(record[c.name] ?? '', c.kind)]));
    expect(sheet?.[i]).toEqual(want);
  });
}

describe('workbooks reopen with the values, types and leading zeros of the CSVs', () => {
  it('plan --format xlsx --excel: plan.xlsx holds plan.csv as a plain CSV run writes it', async () => {
    const out = join(scratch(), 'plan');
    const r = await runCli(['plan', 'fixtures/lost-customers-de.csv', '--out', out, ...AS_OF, '--format', 'xlsx', '--excel', '--quiet']);
    expect(r.code).toBe(0);
    const plain = join(scratch(), 'plain');
    expect((await runCli(['plan', 'fixtures/lost-customers-de.csv', '--out', plain, ...AS_OF, '--quiet'])).code).toBe(0);
    const planCsv = readCsv(join(plain, 'plan.csv'));
    const headers = Object.keys(planCsv[0] as object).slice(0, -PLAN_COLUMNS.length);
    const book = await sheets(join(out, 'plan.xlsx'));
    expect([...book.keys()]).toEqual(['plan', 'rejects']);
    expectSame(book.get('plan'), planCsv, planColumnSpecs(headers));
    // Postal codes keep their leading zeros, as text.
    const zeros = book.get('plan')?.filter((row) => /^0\d{4}$/.test(String(row.PLZ))) ?? [];
    expect(zeros.length).toBeGreaterThan(10);
    expect(zeros.every((row) => typeof row.PLZ === 'string')).toBe(true);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.outputs['plan.xlsx'].bytes).toBe(readFileSync(join(out, 'plan.xlsx')).length);
  });

  it('campaign --format xlsx: campaign.xlsx has a sheet per list with the CSVs\' values', async () => {
    const out = join(scratch(), 'week');
    const r = await runCli(['campaign', 'fixtures/lost-customers-de.csv', '--out', out, ...AS_OF, '--format', 'xlsx', '--quiet']);
    expect(r.code).toBe(0);
    const book = await sheets(join(out, 'campaign.xlsx'));
    expect([...book.keys()]).toEqual([...CHANNELS, 'excluded', 'rejects']);
    for (const channel of CHANNELS) expectSame(book.get(channel), readCsv(join(out, `campaign-${channel}.csv`)), listColumns(channel));
    expectSame(book.get('excluded'), readCsv(join(out, 'excluded.csv')), EXCLUDED_COLUMNS);
    expect(book.get('letter')?.some((row) => /^0\d{4}$/.test(String(row.postal_code)))).toBe(true);
  });

  it('campaign --excel --format xlsx: the German Excel CSVs give the same workbook values (leading zeros, phone numbers)', async () => {
    const plain = join(scratch(), 'plain');
    const excel = join(scratch(), 'excel');
    expect((await runCli(['campaign', 'fixtures/lost-customers-de.csv', '--out', plain, ...AS_OF, '--format', 'xlsx', '--quiet'])).code).toBe(0);
    expect((await runCli(['campaign', 'fixtures/lost-customers-de.csv', '--out', excel, ...AS_OF, '--format', 'xlsx', '--excel', '--quiet'])).code).toBe(0);
    expect(readFileSync(join(excel, 'campaign-phone.csv'), 'utf8')).toMatch(/;"=""\+49\d+""";/);
    const fromExcel = await sheets(join(excel, 'campaign.xlsx'));
    expect(fromExcel).toEqual(await sheets(join(plain, 'campaign.xlsx')));
    expect(fromExcel.get('phone')?.every((row) => typeof row.phone === 'string' && row.phone.startsWith('+'))).toBe(true);
  });

  it('the config can make xlsx and --excel the default', async () => {
    const dir = scratch();
    const config = join(dir, 'winback.yaml');
    await import('node:fs').then((fs) => fs.writeFileSync(config, 'output:\n  format: xlsx\n  excel: true\n'));
    const out = join(dir, 'plan');
    expect((await runCli(['plan', 'fixtures/lost-customers-en.csv', '--out', out, ...AS_OF, '--config', config, '--quiet'])).code).toBe(0);
    expect(readFileSync(join(out, 'plan.csv'), 'utf8').startsWith('\ufeffCustomer ID;')).toBe(true);
    expect(readFileSync(join(out, 'plan.xlsx')).subarray(0, 2).toString()).toBe('PK');
    const off = join(dir, 'plain');
    expect((await runCli(['plan', 'fixtures/lost-customers-en.csv', '--out', off, ...AS_OF, '--config', config, '--no-excel', '--format', 'csv', '--quiet'])).code).toBe(0);
    expect(readFileSync(join(off, 'plan.csv'), 'utf8').startsWith('Customer ID,')).toBe(true);
    expect(() => readFileSync(join(off, 'plan.xlsx'))).toThrow();
  });
});
