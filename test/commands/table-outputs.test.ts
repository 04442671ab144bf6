import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv, ROOT, runCli, tempDir } from '../support/cli.js';

const AS_OF = ['--as-of', '2026-11-23'];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function scratch(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

describe('one table: a file, stdout (-) or a workbook (.xlsx)', () => {
  it('reasons --out - writes the table to stdout and nothing else', async () => {
    const file = join(scratch(), 'reasons.csv');
    expect((await runCli(['reasons', 'fixtures/lost-customers-de.csv', '--reasons-out', file])).code).toBe(0);
    const r = await runCli(['reasons', 'fixtures/lost-customers-de.csv', '--reasons-out', '-']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(file, 'utf8'));
    expect(existsSync(join(ROOT, '-'))).toBe(false);
  });

  it('reasons --excel writes for German Excel; --out NAME.xlsx writes a workbook of the same rows', async () => {
    const dir = scratch();
    expect((await runCli(['reasons', 'fixtures/lost-customers-de.csv', '--reasons-out', join(dir, 'r.csv'), '--excel'])).code).toBe(0);
    const text = readFileSync(join(dir, 'r.csv'), 'utf8');
    expect(text.startsWith('\ufeffcustomer_id;reason_text;')).toBe(true);
    expect((await runCli(['reasons', 'fixtures/lost-customers-de.csv', '--reasons-out', join(dir, 'r.xlsx')])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'r.xlsx'));
    const ws = book.getWorksheet('reasons') as ExcelJS.Worksheet;
    const csv = readCsv(join(dir, 'r.csv'), ';');
    expect(ws.rowCount - 1).toBe(csv.length);
    expect(ws.getCell('A2').value).toBe(csv[0]?.customer_id);
    expect(typeof ws.getCell('E2').value).toBe('number');
    // Only the workbook and the CSV: the intermediate file is gone.
    expect(readFileSync(join(dir, 'r.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect((await import('node:fs')).readdirSync(dir).sort()).toEqual(['r.csv', 'r.xlsx']);
  });

  it('results --history-out NAME.xlsx is read back by calibrate', async () => {
    const dir = scratch();
    const ledger = join(dir, 'ledger.csv');
    expect((await runCli(['campaign', 'fixtures/lost-customers-en.csv', '--out', join(dir, 'week'), ...AS_OF, '--ledger', ledger, '--quiet'])).code).toBe(0);
    const history = join(dir, 'history.xlsx');
    const r = await runCli(['results', '--ledger', ledger, '--outcomes', 'fixtures/outcomes-en.csv', '--as-of', '2027-03-01', '--history-out', history, '--export', 'fixtures/lost-customers-en.csv']);
    expect(r.code).toBe(0);
    const cal = await runCli(['calibrate', history, '--model-out', join(dir, 'model.json'), '--as-of', '2027-03-01', '--quiet', '--allow-defaults']);
    expect(cal.code).toBe(0);
    const stdout = await runCli(['results', '--ledger', ledger, '--outcomes', 'fixtures/outcomes-en.csv', '--as-of', '2027-03-01', '--history-out', '-', '--export', 'fixtures/lost-customers-en.csv']);
    expect(stdout.stdout.split('\n')[0]).toMatch(/^customer_id,segment,/);
  });
});

describe('several tables: --out - is a usage error, and no folder named - appears', () => {
  it.each([
    ['plan', ['plan', 'fixtures/lost-customers-en.csv', '--out', '-', ...AS_OF]],
    ['campaign', ['campaign', 'fixtures/lost-customers-en.csv', '--out', '-', ...AS_OF]],
    ['clv', ['clv', 'fixtures/transactions-en.csv', '--out', '-']],
    ['calibrate', ['calibrate', 'fixtures/outcomes-en.csv', '--model-out', '-']],
    ['worksheet', ['worksheet', 'fixtures/lost-customers-en.csv', '--session', 'x.json', '--answers', 'docs/worksheet-answers.example.json', '--out', '-']],
  ])('%s --out -', async (_, args) => {
    const r = await runCli(args);
    expect(r.code).toBe(64);
    // The flag given the '-' is named (--out, or calibrate's --model-out).
    expect(r.stderr).toContain(`${args[args.indexOf('-') - 1]} -`);
    expect(r.stderr).toMatch(/hint: /);
    expect(existsSync(join(ROOT, '-'))).toBe(false);
  });
});

describe('--excel and --format xlsx on the other commands', () => {
  it('worksheet --format xlsx --excel writes plan.xlsx and campaign.xlsx beside German-Excel CSVs', async () => {
    const dir = scratch();
    const r = await runCli(['worksheet', 'fixtures/lost-customers-en.csv', '--session', join(dir, 's.json'), '--answers', 'docs/worksheet-answers.example.json', ...AS_OF, '--format', 'xlsx', '--excel']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'plan.csv'), 'utf8').startsWith('\ufeffCustomer ID;')).toBe(true);
    expect(existsSync(join(dir, 'plan.xlsx')) && existsSync(join(dir, 'campaign.xlsx'))).toBe(true);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(Object.keys(summary.outputs)).toEqual(expect.arrayContaining(['plan.xlsx', 'campaign.xlsx']));
  });

  it('clv --format xlsx writes clv.xlsx with the customers typed as in customers.csv', async () => {
    const dir = scratch();
    expect((await runCli(['clv', 'fixtures/transactions-en.csv', '--out', dir, ...AS_OF, '--format', 'xlsx', '--quiet'])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'clv.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['customers', 'rejects']);
    const csv = readCsv(join(dir, 'customers.csv'));
    const ws = book.getWorksheet('customers') as ExcelJS.Worksheet;
    expect(ws.rowCount - 1).toBe(csv.length);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const row = (ws.getRow(2).values as unknown[]).slice(1);
    const at = header.indexOf('p_alive');
    expect(row[at]).toBe(Number(csv[0]?.p_alive));
    expect(row[header.indexOf('customer_id')]).toBe(csv[0]?.customer_id);
  });

  it('clv --excel writes customers.csv and the lost customers for German Excel, which plan reads', async () => {
    const dir = scratch();
    const lost = join(dir, 'lost.csv');
    expect((await runCli(['clv', 'fixtures/transactions-de.csv', '--out', join(dir, 'clv'), ...AS_OF, '--excel', '--lost-out', lost, '--quiet'])).code).toBe(0);
    expect(readFileSync(join(dir, 'clv', 'customers.csv'), 'utf8').startsWith('\ufeffcustomer_id;frequency;')).toBe(true);
    expect((await runCli(['plan', lost, '--out', join(dir, 'plan'), ...AS_OF, '--quiet'])).code).toBe(0);
  });
});
