import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv, runCli, tempDir } from '../support/cli.js';
import { csvRecords, typedWhereLossless, writeWorkbook, type TestCell } from '../support/xlsx.js';

const AS_OF = ['--as-of', '2026-11-23'];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function scratch(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

async function planOf(file: string, extra: string[] = []) {
  const out = join(scratch(), 'plan');
  const r = await runCli(['plan', file, '--out', out, ...AS_OF, '--quiet', ...extra]);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return { ...r, out, plan: readFileSync(join(out, 'plan.csv'), 'utf8') };
}

/**
 * A fixture and its twin: the CSV's records, short rows filled up to the header's width (a
 * sheet has no "missing fields"), as a CSV and as a workbook with the cells `cell` makes.
 */
async function twins(fixture: string, delimiter: string, cell: (cells: string[]) => TestCell[]) {
  const records = csvRecords(fixture, delimiter, fixture.endsWith('-de.csv') ? 'win1252' : 'utf8');
  const width = (records[0] as string[]).length;
  const full = records.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r));
  const dir = scratch();
  const csv = join(dir, 'export.csv');
  writeFileSync(csv, stringify(full, { delimiter }));
  const xlsx = join(dir, 'export.xlsx');
  await writeWorkbook(xlsx, [{ name: 'Kunden', rows: full.map((r, i) => (i === 0 ? r : cell(r))) }]);
  return { csv, xlsx };
}

describe('winback plan on an Excel workbook', () => {
  it('plans byte for byte the plan.csv of its CSV twin (English export, numbers and dates typed)', async () => {
    const { csv, xlsx } = await twins('fixtures/lost-customers-en.csv', ',', typedWhereLossless);
    const fromCsv = await planOf(csv);
    const fromXlsx = await planOf(xlsx);
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.plan.split('\n').length).toBeGreaterThan(150);
    expect(fromXlsx.plan).toBe(fromCsv.plan);
    const summary = JSON.parse(readFileSync(join(fromXlsx.out, 'summary.json'), 'utf8'));
    expect(summary.input).toMatchObject({ file: xlsx, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(summary.input_rows).toBe(summary.accepted + summary.rejected);
  });

  it('plans byte for byte the plan.csv of its CSV twin (German export, cells as text)', async () => {
    const { csv, xlsx } = await twins('fixtures/lost-customers-de.csv', ';', (cells) => cells);
    const fromCsv = await planOf(csv, ['--lang', 'de']);
    const fromXlsx = await planOf(xlsx, ['--lang', 'de']);
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.plan).toBe(fromCsv.plan);
  });

  it('values a German workbook with typed numbers and dates like the CSV it was made from', async () => {
    const { csv, xlsx } = await twins('fixtures/lost-customers-de.csv', ';', germanTyped);
    const fromCsv = readCsv(join((await planOf(csv)).out, 'plan.csv'));
    const fromXlsx = readCsv(join((await planOf(xlsx)).out, 'plan.csv'));
    const computed = (r: Record<string, string>) => [r.customer_id, r.decision, r.p_winback, r.expected_value, r.contact_from, r.channel];
    expect(fromXlsx.map(computed)).toEqual(fromCsv.map(computed));
  });

  // Workbooks LibreOffice wrote from the shipped fixtures (dev/libreoffice-fixtures.sh; the
  // tests need no LibreOffice): typed numbers and dates, leading zeros of ZIP codes gone,
  // as a user's spreadsheet has them.
  it('plans a workbook LibreOffice wrote byte for byte as the CSV LibreOffice saves from it', async () => {
    const fromXlsx = await planOf('test/fixtures/libreoffice/lost-customers-en.xlsx');
    const fromTwin = await planOf('test/fixtures/libreoffice/lost-customers-en.twin.csv');
    expect(fromXlsx.plan).toBe(fromTwin.plan);
    // the workbook really is a typed one: LibreOffice made 07126 a number
    expect(fromXlsx.plan).toContain(',7126,Newark,');
  });

  it('values the workbook LibreOffice made from the German export like the export itself', async () => {
    const fromCsv = readCsv(join((await planOf('fixtures/lost-customers-de.csv')).out, 'plan.csv'));
    const fromXlsx = readCsv(join((await planOf('test/fixtures/libreoffice/lost-customers-de.xlsx')).out, 'plan.csv'));
    const computed = (r: Record<string, string>) => [r.customer_id, r.decision, r.p_winback, r.expected_value, r.contact_from, r.channel, r.offer_type];
    // A sheet has no short rows: the CSV's line 152 (22 of 25 fields, rejected there) is a full
    // row in the workbook, planned with empty cells.
    const planned = fromXlsx.filter((r) => r.customer_id !== '100151');
    expect(planned.length).toBe(fromCsv.length);
    expect(planned.map(computed)).toEqual(fromCsv.map(computed));
  });

  it('names the cell of a rejected value, and reads --sheet by name', async () => {
    const dir = scratch();
    const file = join(dir, 'crm.xlsx');
    await writeWorkbook(file, [
      { name: 'Info', rows: [['exported by the CRM']] },
      { name: 'Kunden', rows: [['Kundennummer', 'Kündigungsdatum', 'Umsatz'], ['K1', new Date('2026-03-01'), 1200], ['K2', new Date('2026-03-02'), 'viel']] },
    ]);
    const out = join(dir, 'plan');
    const r = await runCli(['plan', file, '--sheet', 'Kunden', '--out', out, ...AS_OF, '--quiet', '--max-reject-rate', '50%']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: expect.not.stringContaining('winback plan:') });
    expect(readCsv(join(out, 'rejects.csv'))).toEqual([expect.objectContaining({ line: '3', customer_id: 'K2', column: 'Umsatz', error: expect.stringMatching(/^Kunden!C3: Umsatz 'viel' is not a number/) })]);
    const missing = await runCli(['plan', file, '--sheet', 'Customers', '--out', out, ...AS_OF]);
    expect(missing.code).toBe(64);
    expect(missing.stderr).toMatch(/--sheet 'Customers'.*no such sheet[\s\S]*hint: its sheets: Info, Kunden/);
    // The first sheet has no customer id column: said as for a CSV file, with the headers found.
    const first = await runCli(['plan', file, '--out', out, ...AS_OF]);
    expect(first.code).toBe(65);
    expect(first.stderr).toMatch(/required column missing.*customer_id.*'exported by the CRM'/);
  });

  it('refuses an old .xls workbook with a hint instead of printing its bytes', async () => {
    const file = join(scratch(), 'old.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600, 7)]));
    const r = await runCli(['plan', file, '--out', join(scratch(), 'p'), ...AS_OF]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('Excel 97–2003 workbook (.xls)');
    expect(r.stderr).toContain('hint: open it in Excel and save it as .xlsx');
    expect(r.stderr).not.toMatch(/[\u0000-\u0008]/);
  });
});

/** German text cells typed as a German CRM would export them: numbers and dates as such. */
function germanTyped(cells: string[]): TestCell[] {
  return cells.map((c) => {
    const day = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(c);
    if (day) {
      const d = new Date(`${day[3]}-${day[2]}-${day[1]}T00:00:00Z`);
      if (!Number.isNaN(d.getTime()) && d.getUTCDate() === Number(day[1])) return d;
    }
    if (/^-?\d{1,3}(\.\d{3})*(,\d+)?$/.test(c) && !/^0\d/.test(c)) return Number(c.replace(/\./g, '').replace(',', '.'));
    const pct = /^(-?\d+(?:,\d+)?) ?%$/.exec(c);
    if (pct) return { value: Number((pct[1] as string).replace(',', '.')) / 100, numFmt: '0.0%' };
    return c;
  });
}
