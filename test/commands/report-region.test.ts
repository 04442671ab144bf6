/**
 * The report's money per region: read from a Region column (or Gebiet, Bundesland,
 * PLZ-Bereich), summed like the money per segment, the same from the export and from its
 * plan directory, and shown in the HTML in both languages; the terminal report has the money
 * per account manager and per region too (the first twelve groups, the rest summed).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/domain/report/finish.js';
import { formatDecimal, formatMoney } from '../../src/domain/catalogue/index.js';
import { TERMINAL_GROUPS } from '../../src/io/report/render.js';
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

describe('report in the terminal: money per account manager and per region', () => {
  const dir = tempDir();
  // eslint-disable-next-line no-control-regex
  const width = (line: string) => [...line.replace(/\u001b\[[0-9;]*m/g, '')].length;
  /** The table under a section title: its body rows, cells trimmed. */
  function table(text: string, title: string): string[][] {
    const lines = text.split('\n');
    const at = lines.indexOf(title);
    expect(at, title).toBeGreaterThan(-1);
    const body: string[][] = [];
    for (const line of lines.slice(at + 4)) {
      if (!line.startsWith('|')) break;
      body.push(line.split('|').slice(1, -1).map((x) => x.trim()));
    }
    return body;
  }

  it.each([
    ['en', 'fixtures/lost-customers-en.csv', 'The plan in money by account manager', 'The plan in money by region'],
    ['de', 'fixtures/lost-customers-de.csv', 'Der Plan in Geld nach Betreuer', undefined],
  ] as const)('lists every group with its money, as --json has it, within 80 columns (%s)', async (lang, file, managers, regions) => {
    const args = [file, '--as-of', '2026-11-23', '--lang', lang];
    const r = await report(args);
    const text = await runCli(['report', ...args]);
    expect(text.code, text.stderr).toBe(0);
    for (const line of text.stdout.split('\n')) expect(width(line), line).toBeLessThanOrEqual(80);
    const money = (v: number) => formatMoney(v, lang);
    const none = lang === 'de' ? '(keiner)' : '(none)';
    const rows = table(text.stdout, managers);
    expect(rows.map((x) => x[0])).toEqual(r.account_managers.map((x) => (x.account_manager === '' ? none : x.account_manager)));
    r.account_managers.forEach((x, i) => {
      expect(rows[i]).toEqual([rows[i]?.[0], String(x.count), String(x.win_back), money(x.value_at_stake), money(x.expected_value), money(x.cost ?? NaN), formatDecimal(x.return_on_spend ?? NaN, lang)]);
    });
    if (regions === undefined) {
      expect(text.stdout).not.toContain('nach Region');
      return;
    }
    const byRegion = table(text.stdout, regions);
    expect(byRegion.map((x) => [x[0], x[1], x[4]])).toEqual(r.regions.map((x) => [x.region, String(x.count), money(x.expected_value)]));
  });

  it('sums the groups beyond the first twelve into one line', async () => {
    const lines = readFileSync('fixtures/lost-customers-en.csv', 'utf8').split('\n');
    // Region is the last column: twenty regions.
    const many = lines.map((line, i) => (i === 0 || line === '' ? line : line.replace(/,[^,]*$/, `,Area ${String(i % 20).padStart(2, '0')}`)));
    const file = join(dir, 'areas.csv');
    writeFileSync(file, many.join('\n'));
    const r = await report([file, '--as-of', '2026-11-23']);
    expect(r.regions.length).toBe(20);
    const text = await runCli(['report', file, '--as-of', '2026-11-23']);
    const rows = table(text.stdout, 'The plan in money by region');
    expect(rows.length).toBe(TERMINAL_GROUPS + 1);
    const rest = r.regions.slice(TERMINAL_GROUPS);
    const last = rows[TERMINAL_GROUPS] as string[];
    expect(last[0]).toBe(`(all others) (${rest.length})`);
    expect(last[1]).toBe(String(rest.reduce((a, x) => a + x.count, 0)));
    expect(last[4]).toBe(formatMoney(rest.reduce((a, x) => a + x.expected_value, 0), 'en'));
    const cost = rest.reduce((a, x) => a + (x.cost ?? 0), 0);
    expect(last[6]).toBe(formatDecimal(rest.reduce((a, x) => a + x.expected_value, 0) / cost, 'en'));
  });
});
