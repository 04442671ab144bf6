/**
 * report --previous: the headline figures, decisions and customers per reason next to an
 * earlier run's, with the change, and honest words when the as-of date or the input differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/domain/report/finish.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const EN = 'fixtures/lost-customers-en.csv';
const DE = 'fixtures/lost-customers-de.csv';

async function plan(dir: string, name: string, file: string, asOf: string) {
  const out = join(dir, name);
  const r = await runCli(['plan', file, '--out', out, '--as-of', asOf, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  return { out, summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { expected_value_total: number; accepted: number; decisions: Record<string, number>; reasons: Record<string, { count: number }> } };
}

async function report(args: string[]): Promise<Report> {
  const r = await runCli(['report', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

describe('report --previous', () => {
  const dir = tempDir();

  it('compares with an earlier plan directory: figures of both summaries, the change, and the other as-of date said', async () => {
    const before = await plan(dir, 'week-48', EN, '2026-11-23');
    const now = await plan(dir, 'week-50', EN, '2026-12-07');
    const r = await report([now.out, '--previous', before.out]);
    const c = r.changes!;
    expect(c.same_as_of).toBe(false);
    expect(c.same_input).toBe(true);
    expect(c.previous.as_of).toBe('2026-11-23');
    const profit = c.headline.find((x) => x.figure === 'expected_profit')!;
    expect(profit.previous).toBe(Math.round(before.summary.expected_value_total * 100) / 100);
    expect(profit.current).toBe(Math.round(now.summary.expected_value_total * 100) / 100);
    expect(profit.change).toBe(Math.round(((profit.current as number) - (profit.previous as number)) * 100) / 100);
    expect(c.headline.find((x) => x.figure === 'customers')).toMatchObject({ previous: before.summary.accepted, current: now.summary.accepted, change: 0 });
    for (const [code, x] of Object.entries(before.summary.reasons)) expect(c.reasons.find((y) => y.figure === code)?.previous).toBe(x.count);
    expect(c.decisions.find((x) => x.figure === 'win_back')).toMatchObject({ previous: before.summary.decisions.win_back, current: now.summary.decisions.win_back });
    const terminal = await runCli(['report', now.out, '--previous', before.out]);
    expect(terminal.stdout).toContain('Change since the last run');
    expect(terminal.stdout).toContain('The previous run was as of 2026-11-23, this one as of 2026-12-07');
    expect(terminal.stdout).toContain('Same input as the previous run');
  });

  it('says so when the previous run read another export (German), and reads a saved report --json', async () => {
    const before = await plan(dir, 'de-48', DE, '2026-11-23');
    const html = join(dir, 'bericht.html');
    const r = await runCli(['report', EN, '--as-of', '2026-11-23', '--previous', before.out, '--lang', 'de', '--html', html, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const c = (JSON.parse(r.stdout) as Report).changes!;
    expect(c.same_input).toBe(false);
    expect(c.same_as_of).toBe(true);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<section id="changes">');
    expect(page).toContain('Der vorige Lauf las eine andere Eingabe');
    expect(page).toContain('Derselbe Stichtag wie im vorigen Lauf.');
    // A report saved with --json: compared by its figures; its input is not recorded, and the report says so.
    const saved = join(dir, 'saved.json');
    writeFileSync(saved, r.stdout);
    const again = await report([EN, '--as-of', '2026-11-23', '--previous', saved]);
    expect(again.changes!.same_input).toBeNull();
    expect(again.changes!.headline.every((x) => x.change === 0 || x.change === null)).toBe(true);
  });

  it('exits 66 for a missing previous run and 65 for a file that is not a report', async () => {
    const missing = await runCli(['report', EN, '--as-of', '2026-11-23', '--previous', join(dir, 'nope')]);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toContain('--previous');
    const bad = await runCli(['report', EN, '--as-of', '2026-11-23', '--previous', 'fixtures/outcomes-en.csv', '--lang', 'de']);
    expect(bad.code).toBe(65);
    expect(bad.stderr).toContain('kein mit winback report --json gespeicherter Bericht');
  });
});
