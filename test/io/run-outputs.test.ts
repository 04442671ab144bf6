import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { checkRunOutputs } from '../../src/io/run-outputs.js';
import { runCli as cli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const temp = tempDir('winback-outputs-');

describe('the output files a run records in summary.json', () => {
  it('pass when they are the files described, and older summaries without the list pass', async () => {
    const dir = mkdtempSync(join(temp, 'ok-'));
    writeFileSync(join(dir, 'a.csv'), 'abc\n');
    await expect(checkRunOutputs(dir, 'out', { outputs: { 'a.csv': { bytes: 4 } } })).resolves.toBeUndefined();
    await expect(checkRunOutputs(dir, 'out', {})).resolves.toBeUndefined();
  });

  it('name the file that is another run’s, or missing, and say what happened', async () => {
    const dir = mkdtempSync(join(temp, 'bad-'));
    writeFileSync(join(dir, 'a.csv'), 'abcd\n');
    const other = checkRunOutputs(dir, 'out', { outputs: { 'a.csv': { bytes: 4 } } });
    await expect(other).rejects.toBeInstanceOf(DataError);
    await expect(other).rejects.toThrow('out/a.csv is not the file out/summary.json describes (4 bytes; it has 5 bytes)');
    await expect(checkRunOutputs(dir, 'out', { outputs: { 'b.csv': { bytes: 4 } } })).rejects.toThrow('(4 bytes; it is missing)');
    await expect(checkRunOutputs(dir, 'out', { outputs: { 'a.csv': {} } })).rejects.toThrow('gives no size for a.csv');
  });

  it('match what plan and campaign wrote, so that report reads them; a file of another run stops report and --previous (65)', async () => {
    const fixture = 'fixtures/lost-customers-en.csv';
    const plan = join(temp, 'plan');
    const week = join(temp, 'week');
    expect((await cli(['plan', fixture, '--out', plan, '--as-of', '2026-11-23', '--quiet'])).code).toBe(0);
    expect((await cli(['campaign', fixture, '--out', week, '--as-of', '2026-11-23', '--quiet'])).code).toBe(0);
    expect((await cli(['report', plan, '--json'])).code).toBe(0);
    expect((await cli(['report', week, '--json'])).code).toBe(0);

    appendFileSync(join(plan, 'rejects.csv'), '99,X,,,\n');
    const report = await cli(['report', plan]);
    expect(report.code).toBe(65);
    expect(report.stderr).toMatch(/rejects\.csv is not the file .*summary\.json describes/);
    expect(report.stderr).toContain('the file was edited or replaced since the run (saved from a spreadsheet?), or the run was interrupted while it replaced its files');

    appendFileSync(join(week, 'campaign-letter.csv'), 'C-9,Someone,,,,,,,,,,\n');
    expect((await cli(['report', week])).code).toBe(65);
    const next = await cli(['campaign', fixture, '--out', join(temp, 'week2'), '--as-of', '2026-11-30', '--previous', week, '--quiet']);
    expect(next.code).toBe(65);
    expect(next.stderr).toMatch(/--previous .*campaign-letter\.csv is not the file/);
  });
});
