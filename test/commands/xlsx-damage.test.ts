import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv, runCli, tempDir } from '../support/cli.js';
import { writeWorkbook } from '../support/xlsx.js';

const AS_OF = ['--as-of', '2026-11-23'];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function scratch(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

/** Temporary copies of a workbook read from stdin (named as the reader names them). */
const stdinCopies = () => readdirSync(tmpdir()).filter((n) => n.startsWith('winback-xlsx-'));

async function goodWorkbook(): Promise<Buffer> {
  const path = join(scratch(), 'good.xlsx');
  await writeWorkbook(path, [{ name: 'Kunden', rows: [
    ['Kundennummer', 'Kündigungsdatum', 'Umsatz', 'PLZ'],
    ['K1', new Date('2026-03-01T00:00:00Z'), 1200, '01067'],
    ['K2', new Date('2026-03-02T00:00:00Z'), 800.5, '04109'],
  ] }]);
  return readFileSync(path);
}

describe('a damaged .xlsx', () => {
  it.each([
    ['cut off after its first bytes', (b: Buffer) => b.subarray(0, 600)],
    ['cut off before its directory', (b: Buffer) => b.subarray(0, b.length - 40)],
    ['with its middle overwritten', (b: Buffer) => Buffer.concat([b.subarray(0, 300), Buffer.alloc(b.length - 600, 0x41), b.subarray(b.length - 300)])],
  ])('%s exits 65 with a clear message and no stack trace, from a file and from stdin', async (_name, damage) => {
    const bytes = damage(await goodWorkbook());
    const dir = scratch();
    const file = join(dir, 'kunden.xlsx');
    writeFileSync(file, bytes);
    for (const r of [
      await runCli(['plan', file, '--out', join(dir, 'plan'), ...AS_OF]),
      await runCli(['plan', '-', '--out', join(dir, 'plan'), ...AS_OF], { stdin: bytes }),
    ]) {
      expect(r.code).toBe(65);
      expect(r.stderr).toMatch(/^winback plan: (.*kunden\.xlsx|stdin) is not a readable Excel workbook \(.+\)\nhint: open it in Excel and save it again as \.xlsx, or export it as CSV\n$/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(dir)).toEqual(['kunden.xlsx']);
    expect(stdinCopies()).toEqual([]);
  });
});

describe('a workbook on stdin', () => {
  it('is read from a temporary copy that is gone after the run', async () => {
    const dir = scratch();
    const r = await runCli(['plan', '-', '--out', join(dir, 'plan'), ...AS_OF, '--quiet'], { stdin: await goodWorkbook() });
    expect(r.code).toBe(0);
    expect(readCsv(join(dir, 'plan', 'plan.csv')).map((row) => row.customer_id)).toEqual(['K1', 'K2']);
    expect(stdinCopies()).toEqual([]);
  });

  it('leaves no temporary copy when the run fails after opening it', async () => {
    const path = join(scratch(), 'bad.xlsx');
    await writeWorkbook(path, [{ name: 'Kunden', rows: [['Kundennummer', 'Kündigungsdatum', 'Umsatz'], ['K1', '2026-03-01', 'viel'], ['K2', '2026-03-02', 'mehr']] }]);
    const missing = await runCli(['plan', '-', '--sheet', 'Customers', '--out', join(scratch(), 'p'), ...AS_OF], { stdin: readFileSync(path) });
    expect(missing.code).toBe(64);
    const rejected = await runCli(['plan', '-', '--out', join(scratch(), 'p'), ...AS_OF], { stdin: readFileSync(path) });
    expect(rejected.code).toBe(65);
    expect(rejected.stderr).toContain('all 2 rows were rejected');
    expect(stdinCopies()).toEqual([]);
  });
});
