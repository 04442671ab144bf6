/**
 * An output never replaces a file the same run reads, nor another output of the same run: the
 * run stops with 64 before writing anything, and the file stays byte for byte as it was.
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';

const EXPORT = 'fixtures/lost-customers-en.csv';
const TRANSACTIONS = 'fixtures/transactions-en.csv';

describe('an output that is an input', () => {
  it('plan plan.csv --out . (the export named as plan.csv writes): 64, the export untouched, nothing written', async () => {
    const dir = tempDir();
    const file = join(dir, 'plan.csv');
    copyFileSync(EXPORT, file);
    const r = await runCli(['plan', file, '--out', dir, '--as-of', '2026-11-23', '-q']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain(`${file} is the input ${file}: writing there would replace it, so nothing was written`);
    expect(readFileSync(file)).toEqual(readFileSync(EXPORT));
    expect(existsSync(join(dir, 'summary.json'))).toBe(false);
  });

  it('clv --lost-out naming the transactions, and report --html naming the export, in German too', async () => {
    const dir = tempDir();
    const tx = join(dir, 'tx.csv');
    copyFileSync(TRANSACTIONS, tx);
    const clv = await runCli(['clv', tx, '--out', join(dir, 'clv'), '--as-of', '2026-11-23', '--lost-out', tx, '-q', '--lang', 'de']);
    expect(clv.code).toBe(64);
    expect(clv.stderr).toMatch(/tx\.csv ist die Eingabe .*tx\.csv: dorthin zu schreiben würde sie ersetzen, daher wurde nichts geschrieben/);
    expect(readFileSync(tx)).toEqual(readFileSync(TRANSACTIONS));
    const exp = join(dir, 'export.csv');
    copyFileSync(EXPORT, exp);
    const report = await runCli(['report', exp, '--as-of', '2026-11-23', '--html', exp, '-q']);
    expect(report.code).toBe(64);
    expect(readFileSync(exp)).toEqual(readFileSync(EXPORT));
  });
});

describe('two outputs under one name', () => {
  it('clv --lost-out X --retention-out X, or --lost-out into the output folder as customers.csv: 64 before anything is read', async () => {
    const dir = tempDir();
    const same = await runCli(['clv', TRANSACTIONS, '--out', join(dir, 'a'), '--as-of', '2026-11-23', '--lost-out', join(dir, 'x.csv'), '--retention-out', join(dir, 'x.csv'), '-q']);
    expect(same.code).toBe(64);
    expect(same.stderr).toContain('is named for two outputs: the second would replace the first');
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
    const inside = await runCli(['clv', TRANSACTIONS, '--out', join(dir, 'b'), '--as-of', '2026-11-23', '--lost-out', join(dir, 'b', 'customers.csv'), '-q']);
    expect(inside.code).toBe(64);
    expect(existsSync(join(dir, 'b', 'customers.csv'))).toBe(false);
  });
});
