import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** One cell of a test workbook: a value, and optionally its number format. */
export type TestCell = string | number | boolean | Date | null | { value: unknown; numFmt?: string };

/** Writes a workbook with the given sheets (in order) to `path`, as Excel would: shared strings, styles. */
export async function writeWorkbook(path: string, sheets: { name: string; rows: TestCell[][] }[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const cells of sheet.rows) {
      const row = ws.addRow(cells.map((c) => (c !== null && typeof c === 'object' && !(c instanceof Date) ? c.value : c)));
      cells.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        if (c instanceof Date) cell.numFmt = 'dd.mm.yyyy';
        else if (c !== null && typeof c === 'object' && c.numFmt) cell.numFmt = c.numFmt;
      });
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
}

/** The records of a CSV file (all text), in UTF-8 or, as the German fixture, Windows-1252. */
export function csvRecords(path: string, delimiter: string, encoding: 'utf8' | 'win1252' = 'utf8'): string[][] {
  const text = iconv.decode(readFileSync(path), encoding).replace(/^\ufeff/, '');
  return parse(text, { delimiter, relax_column_count: true }) as string[][];
}

/**
 * A CSV record's cells as an export with typed cells holds them, where the type says the
 * same as the text: plain numbers as numbers, ISO days as dates; everything else as text.
 */
export function typedWhereLossless(cells: string[]): TestCell[] {
  return cells.map((c) => {
    if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(c) && String(Number(c)) === c) return Number(c);
    if (/^\d{4}-\d{2}-\d{2}$/.test(c)) {
      const d = new Date(`${c}T00:00:00Z`);
      if (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === c) return d;
    }
    return c;
  });
}
