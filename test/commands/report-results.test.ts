/**
 * The report with the campaign's results (--ledger, --outcomes): the funnel goes on to
 * contacted and returned, and the lift over the control group equals `winback results`'
 * figures on the same ledger and returns, in both languages; the files are found in the
 * input directory when the flags are left out.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIsoDay, parseIsoDay } from '../../src/domain/dates.js';
import type { Report } from '../../src/domain/report/finish.js';
import { readCsv, runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const EXPORT = 'fixtures/lost-customers-en.csv';
const AS_OF = '2026-11-23';
const LATER = '2027-06-01';

/** A campaign with a control group, and returns of contacted and control customers. */
async function campaignWithReturns(dir: string) {
  const out = join(dir, 'week');
  const ledgerFile = join(dir, 'ledger.csv');
  const r = await runCli(['campaign', EXPORT, '--out', out, '--as-of', AS_OF, '--ledger', ledgerFile, '--holdout', '20%', '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  const ledger = readCsv(ledgerFile);
  const contacted = ledger.filter((e) => e.outcome === 'contacted').map((e) => e.customer_id as string);
  const control = ledger.filter((e) => e.outcome === 'control').map((e) => e.customer_id as string);
  expect(control.length).toBeGreaterThan(1);
  const at = (days: number) => formatIsoDay((parseIsoDay(AS_OF) as number) + days);
  const lines = ['Customer ID,Return Date,Revenue since return,Margin since return,Cancelled again'];
  contacted.slice(0, 9).forEach((id, i) => lines.push(`${id},${at(5 + i)},${1000 + i * 100},${300 + i * 10},`));
  lines.push(`${control[0]},${at(20)},800,200,`);
  const outcomes = join(dir, 'returns.csv');
  writeFileSync(outcomes, `${lines.join('\n')}\n`);
  return { out, ledgerFile, outcomes };
}

describe('report --ledger --outcomes', () => {
  const dir = tempDir();

  it('adds contacted and returned to the funnel and shows the lift exactly as winback results does', async () => {
    const { ledgerFile, outcomes } = await campaignWithReturns(dir);
    const res = await runCli(['results', '--ledger', ledgerFile, '--outcomes', outcomes, '--as-of', LATER, '--json']);
    expect(res.code, res.stderr).toBe(0);
    const results = JSON.parse(res.stdout) as { total: Record<string, unknown>; by_reason: Record<string, unknown>[]; window_days: number };
    const html = join(dir, 'report.html');
    const rep = await runCli(['report', EXPORT, '--as-of', LATER, '--ledger', ledgerFile, '--outcomes', outcomes, '--json', '--html', html]);
    expect(rep.code, rep.stderr).toBe(0);
    const report = JSON.parse(rep.stdout) as Report;
    expect(report.results?.total).toEqual(results.total);
    expect(report.results?.by_reason).toEqual(results.by_reason);
    expect(report.results?.window_days).toBe(results.window_days);
    const total = results.total as { contacted: { customers: number; regained: number; cost: number; margin: number }; lift: { difference: number } };
    expect(total.contacted.regained).toBe(9);
    expect(total.lift.difference).toBeGreaterThan(0);
    const steps = report.funnel.steps.map((s) => s.step);
    expect(steps.slice(-2)).toEqual(['contacted', 'returned']);
    expect(report.funnel.steps.at(-2)).toMatchObject({ count: total.contacted.customers, cost: total.contacted.cost });
    expect(report.funnel.steps.at(-1)).toMatchObject({ count: 9, margin: total.contacted.margin });
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<section id="results">');
    expect(page).toMatch(/contacted: \d+/);
    // "+x.x pp [low; high]" as results' terminal table prints it, to one decimal
    const pp = (x: number) => (x * 100).toFixed(1);
    const lift = total.lift as { difference: number; low: number; high: number };
    expect(page).toContain(`+${pp(lift.difference)} pp [${pp(lift.low)}; ${pp(lift.high)}]`);
    const terminal = await runCli(['report', EXPORT, '--as-of', LATER, '--ledger', ledgerFile, '--outcomes', outcomes]);
    expect(terminal.stdout).toContain('Results against the control group');
    expect(terminal.stdout).toContain(`+${pp(lift.difference)} pp`);
  });

  it('leaves customers who came back out of the plan\'s figures, as campaign --outcomes leaves them off its lists', async () => {
    const { ledgerFile, outcomes } = await campaignWithReturns(tempDir());
    const camp = join(dir, 'later');
    const c = await runCli(['campaign', EXPORT, '--out', camp, '--as-of', LATER, '--ledger', ledgerFile, '--outcomes', outcomes, '--dry-run', '--force', '--quiet']);
    expect(c.code, c.stderr).toBe(0);
    const back = readCsv(join(camp, 'excluded.csv')).filter((r) => r.reason === 'returned').map((r) => r.customer_id as string);
    expect(back.length).toBeGreaterThanOrEqual(10);
    const without = JSON.parse((await runCli(['report', EXPORT, '--as-of', LATER, '--json'])).stdout) as Report;
    const rep = await runCli(['report', EXPORT, '--as-of', LATER, '--ledger', ledgerFile, '--outcomes', outcomes, '--json']);
    expect(rep.code, rep.stderr).toBe(0);
    const report = JSON.parse(rep.stdout) as Report;
    expect(report.returned, JSON.stringify(back)).toBe(back.length);
    expect(Object.values(report.decisions).reduce((a, b) => a + b, 0) + back.length).toBe(report.rows.accepted);
    expect(report.top.map((t) => t.customer_id).filter((id) => back.includes(id))).toEqual([]);
    expect(without.top.map((t) => t.customer_id).filter((id) => back.includes(id)).length).toBeGreaterThan(0);
    expect(report.money.expected_profit).toBeLessThan(without.money.expected_profit);
    expect(report.notes.join('\n')).toContain(`${back.length} customers of the export came back and are customers again (--outcomes)`);
    // The reasons' lines add up to the customers left.
    expect(report.reasons.reduce((a, r) => a + r.count, 0)).toBe(report.rows.accepted - back.length);
  });

  it('in German, and from ledger.csv and outcomes.csv in the campaign directory', async () => {
    const { out, ledgerFile, outcomes } = await campaignWithReturns(tempDir());
    copyFileSync(ledgerFile, join(out, 'ledger.csv'));
    copyFileSync(outcomes, join(out, 'outcomes.csv'));
    const html = join(out, 'bericht.html');
    const rep = await runCli(['report', out, '--as-of', LATER, '--lang', 'de', '--json', '--html', html]);
    expect(rep.code, rep.stderr).toBe(0);
    const report = JSON.parse(rep.stdout) as Report;
    const res = await runCli(['results', '--ledger', ledgerFile, '--outcomes', outcomes, '--as-of', LATER, '--json']);
    expect(report.results?.total).toEqual(JSON.parse(res.stdout).total);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('Ergebnisse im Vergleich zur Kontrollgruppe');
    // The results note names the two files, not the folder they were found in.
    const note = /<section id="results"><h2>[^<]*<\/h2><p class="note">([^<]*)<\/p>/.exec(page)?.[1] ?? '';
    expect(note).toContain('(Kontaktbuch ledger.csv, Rückkehrer outcomes.csv)');
    expect(note).not.toContain(out);
    expect(page).toContain('kontaktiert: ');
    expect(page).toMatch(/\+\d+,\d Pp\. \[-?\d+,\d; \d+,\d\]/);
  });

  it('refuses one of the two files alone (usage, in the chosen language)', async () => {
    const r = await runCli(['report', EXPORT, '--as-of', LATER, '--ledger', join(dir, 'ledger.csv')]);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('--ledger and --outcomes go together');
    const de = await runCli(['report', EXPORT, '--as-of', LATER, '--outcomes', 'fixtures/outcomes-en.csv', '--lang', 'de']);
    expect(de.code).toBe(64);
    expect(de.stderr).toContain('gehören zusammen');
    const plain = await runCli(['report', EXPORT, '--as-of', AS_OF, '--json']);
    expect((JSON.parse(plain.stdout) as Report).results).toBeUndefined();
  });
});
