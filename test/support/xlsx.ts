import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import zlib from 'node:zlib';

/** One cell of a test workbook: a value, and optionally its number format. */
export type TestCell = string | number | boolean | Date | null | { value: unknown; numFmt?: string };

/** A sheet of a test workbook: its rows, merged ranges, and whether Excel hides its tab. */
export interface TestSheet {
  name: string;
  rows: TestCell[][];
  merges?: string[];
  hidden?: boolean;
}

/** Writes a workbook with the given sheets (in order) to `path`, as Excel would: shared strings, styles. */
export async function writeWorkbook(path: string, sheets: TestSheet[]): Promise<void> {
  // Merged ranges need the whole sheet at hand (the streaming writer commits rows as they come).
  if (sheets.some((s) => (s.merges ?? []).length > 0)) return writeWholeWorkbook(path, sheets);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, sheet.hidden ? { state: 'hidden' } : {});
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

async function writeWholeWorkbook(path: string, sheets: TestSheet[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, sheet.hidden ? { state: 'hidden' } : {});
    sheet.rows.forEach((cells, r) => {
      cells.forEach((c, i) => {
        const cell = ws.getCell(r + 1, i + 1);
        cell.value = (c !== null && typeof c === 'object' && !(c instanceof Date) ? c.value : c) as ExcelJS.CellValue;
        if (c instanceof Date) cell.numFmt = 'dd.mm.yyyy';
        else if (c !== null && typeof c === 'object' && c.numFmt) cell.numFmt = c.numFmt;
      });
    });
    for (const range of sheet.merges ?? []) ws.mergeCells(range);
  }
  await wb.xlsx.writeFile(path);
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

/** The parts of a zip (a workbook), by path. */
export async function zipParts(bytes: Buffer): Promise<Map<string, Buffer>> {
  // unzipper reads a zip from memory too (Open.buffer), which its type declarations leave out.
  const { Open } = (await import('unzipper')) as unknown as { Open: { buffer(data: Buffer): Promise<{ files: { path: string; buffer(): Promise<Buffer> }[] }> } };
  const directory = await Open.buffer(bytes);
  const parts = new Map<string, Buffer>();
  for (const f of directory.files) parts.set(f.path, await f.buffer());
  return parts;
}

/** A zip of the given parts, stored without compression (as valid a zip as Excel's deflated ones). */
export function storedZip(parts: ReadonlyMap<string, Buffer>): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [path, data] of parts) {
    const name = Buffer.from(path, 'utf8');
    const crc = zlib.crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    local.push(head, name, data);
    central.push(entry, name);
    offset += head.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.size, 8);
  end.writeUInt16LE(parts.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}
