/**
 * The report's money per region: read from a Region column (or Gebiet, Bundesland,
 * PLZ-Bereich), summed like the money per segment, the same from the export and from its
 * plan directory, and shown in the HTML in both languages.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/domain/report-finish.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

async function report(args: string[]): Promise<Report> {
  const r = await runCli(['report', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

describe('report: money per region', () => {
  const dir = tempDir();

  it('sums every customer into its region, from the export and from the plan directory alike', async () => {
    const html = join(dir, 'report.html');
    const r = await report(['fixtures/lost-customers-en.csv', '--as-of', '2026-11-23', '--html', html]);
    expect(r.regions.length).toBeGreaterThan(1);
    expect(r.regions.reduce((a, x) => a + x.count, 0)).toBe(r.rows.accepted);
    expect(r.regions.reduce((a, x) => a + x.win_back, 0)).toBe(r.decisions.win_back);
    expect(r.regions.reduce((a, x) => a + x.expected_value, 0)).toBeCloseTo(r.money.expected_profit, 1);
    expect(r.regions.reduce((a, x) => a + (x.cost ?? 0), 0)).toBeCloseTo(r.money.cost ?? NaN, 1);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('id="money-by-region"');
    for (const x of r.regions.filter((y) => y.win_back > 0)) expect(page).toContain(`<th scope="row">${x.region}</th>`);
    const plan = await runCli(['plan', 'fixtures/lost-customers-en.csv', '--out', join(dir, 'plan'), '--as-of', '2026-11-23', '--quiet']);
    expect(plan.code, plan.stderr).toBe(0);
    expect((await report([join(dir, 'plan')])).regions).toEqual(r.regions);
  });

  it('reads a German Bundesland column and writes the table in German; none without a region column', async () => {
    const source = readFileSync('fixtures/lost-customers-de.csv');
    const header = source.indexOf(0x0a);
    const head = source.subarray(0, header).toString('latin1').replace('Filiale', 'Bundesland');
    const file = join(dir, 'kunden.csv');
    writeFileSync(file, Buffer.concat([Buffer.from(head, 'latin1'), source.subarray(header)]));
    const html = join(dir, 'bericht.html');
    const r = await report([file, '--as-of', '2026-11-23', '--lang', 'de', '--html', html]);
    expect(r.regions.length).toBeGreaterThan(1);
    expect(r.regions.reduce((a, x) => a + x.count, 0)).toBe(r.rows.accepted);
    expect(readFileSync(html, 'utf8')).toContain('>nach Region</h3>');
    expect((await report(['fixtures/lost-customers-de.csv', '--as-of', '2026-11-23'])).regions).toEqual([]);
  });
});
