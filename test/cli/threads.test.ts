/**
 * `--threads` on campaign and report: an export read here and planned by a worker gives the
 * same bytes as one planned on this thread alone. Workers are forced on a small export
 * (WINBACK_PARALLEL_MIN_BYTES), as on a large one; the engine's own test cuts exports into
 * many small pieces (test/engine/parallel-plan.test.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLostCustomers } from '../../dev/generate-fixtures.js';
import { runCli, tempDir } from '../support/cli.js';

// Workers from the first byte: the export, one piece, is planned by a worker (the engine's own
// test cuts exports into many pieces).
const FORCED = { WINBACK_PARALLEL_MIN_BYTES: '0' };

/**
 * An export in which an early customer comes again on the next line, now with
 * do-not-contact: that row wins, so the export is read twice.
 */
function exportWithDuplicate(style: 'en' | 'de'): string {
  const text = generateLostCustomers({ rows: 2_000, seed: 17, style, badRows: true });
  const lines = text.split('\n');
  const delimiter = style === 'de' ? ';' : ',';
  // A plain record (no quotes) with every column: its cells are the split line.
  const at = lines.findIndex((l, i) => i > 0 && !l.includes('"') && l.split(delimiter).length === 25);
  const cells = (lines[at] as string).split(delimiter);
  cells[23] = style === 'de' ? 'ja' : 'yes';
  lines.splice(at + 1, 0, cells.join(delimiter));
  const file = join(tempDir(), `export-${style}.csv`);
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('--threads on campaign and report', () => {
  it('campaign writes the same lists, exclusions, rejects and summary with --threads 1 and --threads 2', async () => {
    const file = exportWithDuplicate('de');
    const dir = tempDir();
    const outs = [join(dir, 'one'), join(dir, 'two')];
    const run = (out: string, threads: string) =>
      runCli(['campaign', file, '--out', out, '--as-of', '23.11.2026', '--lang', 'de', '--holdout', '10%', '--test-offers', '20%', '--threads', threads, '--quiet'], { env: FORCED });
    const one = await run(outs[0] as string, '1');
    const two = await run(outs[1] as string, '2');
    expect([one.code, two.code, two.stderr]).toEqual([0, 0, one.stderr]);
    const names = readdirSync(outs[0] as string).sort();
    expect(names).toEqual(expect.arrayContaining(['excluded.csv', 'rejects.csv', 'summary.json']));
    expect(names.some((n) => /^campaign-\w+\.csv$/.test(n))).toBe(true);
    expect(readdirSync(outs[1] as string).sort()).toEqual(names);
    for (const name of names) expect(readFileSync(join(outs[1] as string, name)).equals(readFileSync(join(outs[0] as string, name))), name).toBe(true);
    // The duplicate was decided for the later, objecting row (the export read twice).
    expect(readFileSync(join(outs[1] as string, 'rejects.csv'), 'utf8')).toMatch(/customer_id/);
    expect(JSON.parse(readFileSync(join(outs[1] as string, 'summary.json'), 'utf8')).accepted).toBeGreaterThan(1_800);
  }, 480_000);

  it('report prints the same JSON and writes the same HTML with --threads 1 and --threads 2', async () => {
    const file = exportWithDuplicate('en');
    const dir = tempDir();
    mkdirSync(join(dir, 'html'));
    const run = (threads: string) => runCli(['report', file, '--as-of', '2026-11-23', '--json', '--html', join(dir, 'html', `${threads}.html`), '--threads', threads], { env: FORCED });
    const one = await run('1');
    const two = await run('2');
    expect([one.code, two.code, two.stderr]).toEqual([0, 0, one.stderr]);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).rows.accepted).toBeGreaterThan(1_800);
    expect(readFileSync(join(dir, 'html', '2.html')).equals(readFileSync(join(dir, 'html', '1.html')))).toBe(true);
  }, 480_000);

  it.each(['campaign', 'report'])('%s refuses --threads 0 as a usage error (64), in German too, before writing anything', async (command) => {
    const out = join(tempDir(), 'out');
    const args = command === 'campaign' ? ['campaign', 'fixtures/lost-customers-en.csv', '--out', out] : ['report', 'fixtures/lost-customers-en.csv', '--html', join(out, 'r.html')];
    const en = await runCli([...args, '--as-of', '2026-11-23', '--threads', '0']);
    expect(en.code).toBe(64);
    expect(existsSync(out)).toBe(false);
    expect(en.stderr).toMatch(new RegExp(`^winback ${command}: --threads '0' is not a whole number from 1 to 64\\nhint: e\\.g\\. --threads 2`));
    const de = await runCli([...args, '--as-of', '2026-11-23', '--threads', 'zwei', '--lang', 'de']);
    expect(de.code).toBe(64);
    expect(de.stderr).toMatch(/--threads 'zwei' ist keine ganze Zahl von 1 bis 64/);
  });
});
