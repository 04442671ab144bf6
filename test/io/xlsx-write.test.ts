import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/domain/dates.js';
import { EXCEL_DE_CSV, formatCsv, PLAIN_CSV, type ColumnSpec } from '../../src/io/csv/write.js';
import { csvRowsOf, EXCEL_CELL_CHARS, writeWorkbookAtomic } from '../../src/io/xlsx/write.js';
import { tempDir } from '../support/cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function scratch(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

const COLUMNS: ColumnSpec[] = [
  { name: 'customer_id', kind: 'text' },
  { name: 'postal_code', kind: 'text' },
  { name: 'phone', kind: 'text' },
  { name: 'priority', kind: 'int' },
  { name: 'expected_value', kind: 'money' },
  { name: 'p_winback', kind: 'ratio' },
  { name: 'contact_from', kind: 'date' },
  { name: 'note', kind: 'text' },
];
const ROWS: unknown[][] = [
  ['000123', '01067', '+49 171 2345678', 1, 1234.567, 0.12345, parseIsoDay('2026-11-23'), '=HYPERLINK("http://x")'],
  ['C-2', '80331', '0049 89 123', 2, -0.5, 0.5, undefined, '@SUM(A1)'],
];

async function reopen(path: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

describe('writing a workbook', () => {
  it('writes typed cells: numbers as numbers, dates as dates, ids and formulas as text', async () => {
    const path = join(scratch(), 'out.xlsx');
    const bytes = await writeWorkbookAtomic(path, [{ name: 'plan', columns: COLUMNS, rows: ROWS }]);
    const ws = (await reopen(path)).getWorksheet('plan') as ExcelJS.Worksheet;
    expect(ws.getRow(1).values).toEqual([undefined, ...COLUMNS.map((c) => c.name)]);
    expect(ws.getRow(1).font?.bold ?? ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:H1');
    const [, ...first] = ws.getRow(2).values as unknown[];
    expect(first).toEqual(['000123', '01067', '+49 171 2345678', 1, 1234.57, 0.1235, new Date('2026-11-23T00:00:00Z'), '=HYPERLINK("http://x")']);
    expect(ws.getCell('G2').numFmt).toBe('mm-dd-yy');
    expect(ws.getCell('E2').numFmt).toBe('#,##0.00');
    // Text is a string cell, never a formula.
    expect(ws.getCell('H2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('H3').value).toBe('@SUM(A1)');
    // Formatted as text, so that editing the cell (F2, Enter) or saving the sheet as CSV keeps it text.
    for (const ref of ['A2', 'C2', 'H2', 'H3']) expect(ws.getCell(ref).numFmt, ref).toBe('@');
    expect(ws.getCell('G3').value).toBeNull();
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual('+49 171 2345678'.length);
    expect(ws.getColumn(3).width).toBeLessThanOrEqual(50);
    expect(bytes).toBeGreaterThan(1000);
    // Only the workbook is left in the folder: no temporary file.
    expect(readdirSync(join(path, '..'))).toEqual(['out.xlsx']);
  });

  it('cuts a text longer than an Excel cell holds (32,767 characters) and says so at its end; a text that fits stays whole', async () => {
    const path = join(scratch(), 'long.xlsx');
    const long = `${'Kunde schreibt: '.repeat(3000)}Ende`;
    const columns: ColumnSpec[] = [{ name: 'notes', kind: 'text' }];
    await writeWorkbookAtomic(path, [{ name: 'plan', columns, rows: [[long], ['kurz'], ['x'.repeat(EXCEL_CELL_CHARS)]] }]);
    const ws = (await reopen(path)).getWorksheet('plan') as ExcelJS.Worksheet;
    const cut = ws.getCell('A2').value as string;
    expect(cut.length).toBeLessThanOrEqual(EXCEL_CELL_CHARS);
    expect(cut.startsWith('Kunde schreibt: Kunde')).toBe(true);
    const [, count] = /… \[(\d+) characters cut: see the CSV\]$/.exec(cut) ?? [];
    expect(cut.length - (cut.length - cut.indexOf(' … [')) + Number(count)).toBe(long.length);
    expect(ws.getCell('A3').value).toBe('kurz');
    expect((ws.getCell('A4').value as string).length).toBe(EXCEL_CELL_CHARS);
    // A German run's workbook says it in German.
    const de = join(scratch(), 'lang.xlsx');
    await writeWorkbookAtomic(de, [{ name: 'Plan', columns, rows: [[long]], lang: 'de' }]);
    expect(((await reopen(de)).getWorksheet('Plan') as ExcelJS.Worksheet).getCell('A2').value).toMatch(/… \[\d+ Zeichen gekürzt: siehe die CSV-Datei\]$/);
  });

  it('goes on in a second sheet when a list is longer than a sheet holds', async () => {
    const path = join(scratch(), 'long.xlsx');
    const rows = Array.from({ length: 5 }, (_, i) => [`C${i}`, '', '', i + 1, i, 0, undefined, '']);
    await writeWorkbookAtomic(path, [{ name: 'plan', columns: COLUMNS, rows }, { name: 'rejects', columns: COLUMNS, rows: [] }], 2);
    const book = await reopen(path);
    expect(book.worksheets.map((w) => [w.name, w.rowCount])).toEqual([['plan', 3], ['plan (2)', 3], ['plan (3)', 2], ['rejects', 1]]);
    expect(book.getWorksheet('plan (3)')?.getCell('A2').value).toBe('C4');
  });

  it.each([['plain', PLAIN_CSV], ['German Excel', EXCEL_DE_CSV]] as const)('reads back a %s CSV it wrote as the values it was written from', async (_, fmt) => {
    const path = join(scratch(), 'list.csv');
    writeFileSync(path, formatCsv(COLUMNS, ROWS, fmt));
    const back: unknown[][] = [];
    for await (const r of csvRowsOf(path, COLUMNS, fmt)) back.push(r);
    expect(back).toEqual([
      ['000123', '01067', '+49 171 2345678', 1, 1234.57, 0.1235, parseIsoDay('2026-11-23'), '=HYPERLINK("http://x")'],
      ['C-2', '80331', '0049 89 123', 2, -0.5, 0.5, undefined, '@SUM(A1)'],
    ]);
  });
});

describe('a workbook written twice', () => {
  it('has the same bytes whatever the clock says: no time of writing in its properties or zip entries', async () => {
    const { vi } = await import('vitest');
    const dir = tempDir();
    const sheet = { name: 'plan', columns: [{ name: 'customer_id', kind: 'text' }, { name: 'orders', kind: 'int' }] as ColumnSpec[], rows: [['A1', 3], ['B2', 5]] };
    const write = async (path: string, at: string) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(at));
      try {
        await writeWorkbookAtomic(path, [sheet]);
      } finally {
        vi.useRealTimers();
      }
      return readFileSync(path);
    };
    const first = await write(join(dir, 'a.xlsx'), '2026-03-01T08:00:00Z');
    const second = await write(join(dir, 'b.xlsx'), '2026-11-23T17:45:13Z');
    expect(second.equals(first)).toBe(true);
  });
});
