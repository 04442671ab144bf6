/**
 * The report's money, funnel and outliers through the CLI: the HTML headline shows
 * plan's summary.json to the cent (from the export and from the plan directory), a campaign
 * directory shows the listed customers' expected value as the plan gave it, the funnel is
 * the first chart with permission reasons in words, and the customer who carries two fifths of
 * the plan's expected profit is flagged at the top.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/domain/report/finish.js';
import { readCsv, runCli } from '../support/cli.js';

const AS_OF = ['--as-of', '2026-11-23'];
const temp = mkdtempSync(join(tmpdir(), 'winback-report-money-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function report(args: string[], html?: string): Promise<Report> {
  const r = await runCli(['report', ...args, '--json', ...(html ? ['--html', html] : [])]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

// Formatted independently of the report's own formatter (Intl), so a wrong formatter fails.
const euro = (v: number, lang: 'en' | 'de') => (lang === 'de'
  ? `${v.toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`
  : `€${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
const tiles = (html: string) => [...(/<section id="money">(.*?)<\/section>/s.exec(html)?.[1] ?? '').matchAll(/<span class="v">([^<]*)<\/span>/g)].map((m) => m[1]);
const text = (html: string) => html.replace(/<style>.*?<\/style>/s, '').replace(/<[^>]*>/g, ' ');

describe.each(['en', 'de'] as const)('the money headline equals summary.json to the cent (%s)', (lang) => {
  const fixture = `fixtures/lost-customers-${lang}.csv`;
  const dir = join(temp, `plan-${lang}`);

  it('from the export and from the plan directory', async () => {
    const plan = await runCli(['plan', fixture, '--out', dir, ...AS_OF, '--lang', lang, '--quiet']);
    expect(plan.code, plan.stderr).toBe(0);
    const s = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    const cost = Math.round((s.contact_cost_total + s.incentive_cost_total) * 100) / 100;
    const expected = [s.expected_value_total, cost].map((v) => euro(v, lang));
    for (const [name, args] of [['export', [fixture, ...AS_OF]], ['plan', [dir]]] as const) {
      const html = join(temp, `${lang}-${name}.html`);
      const r = await report([...args, '--lang', lang], html);
      const shown = tiles(readFileSync(html, 'utf8'));
      expect(shown, name).toEqual([...expected, expect.stringContaining(lang === 'de' ? ' je 1 €' : ' per € 1'), euro(s.value_at_stake_win_back_total, lang), euro(s.value_at_stake_total, lang)]);
      expect(r.money.return_on_spend).toBeCloseTo(s.expected_value_total / cost, 10);
      // Every reason's money is summary.json's for that reason, to the cent, and the reasons add up to the headline.
      expect(r.reasons.map((x) => x.code).sort(), name).toEqual(Object.keys(s.reasons).sort());
      for (const x of r.reasons) {
        const want = s.reasons[x.code];
        for (const k of ['value_at_stake', 'expected_value', 'value_at_stake_win_back', 'contact_cost', 'incentive_cost'] as const) {
          expect(Math.abs((x[k] ?? NaN) - want[k]), `${name}: ${x.code} ${k}`).toBeLessThan(0.005);
        }
        expect([x.count, x.win_back], `${name}: ${x.code}`).toEqual([want.count, want.win_back]);
      }
      // … and so is the page's table of money by reason (profit and value at stake of the win-back customers).
      const table = /<table id="money-by-reason">(.*?)<\/table>/s.exec(readFileSync(html, 'utf8'))?.[1] ?? '';
      const cells = [...table.matchAll(/<tr><th scope="row">[^<]*<\/th><td class="num">[^<]*<\/td><td class="num">([^<]*)<\/td>(?:<td class="num">[^<]*<\/td>){2}<td class="num">([^<]*)<\/td><\/tr>/g)].map((m) => `${m[1]} | ${m[2]}`);
      const wanted = Object.values(s.reasons as Record<string, { win_back: number; expected_value: number; value_at_stake_win_back: number }>)
        .filter((x) => x.win_back > 0).map((x) => `${euro(x.expected_value, lang)} | ${euro(x.value_at_stake_win_back, lang)}`);
      expect(cells.length, name).toBeGreaterThan(3);
      expect(cells.sort(), name).toEqual(wanted.sort());
      const sum = (k: 'expected_value' | 'contact_cost') => Math.round(r.reasons.reduce((a, x) => a + (x[k] ?? 0), 0) * 100) / 100;
      expect(sum('expected_value')).toBeCloseTo(s.expected_value_total, 1);
      expect(sum('contact_cost')).toBeCloseTo(s.contact_cost_total, 1);
    }
  });
});

describe('money from a campaign directory', () => {
  it('shows what the lists hold, to the cent, and nothing it cannot know', async () => {
    const planDir = join(temp, 'plan-for-campaign');
    const campaignDir = join(temp, 'campaign');
    expect((await runCli(['plan', 'fixtures/lost-customers-en.csv', '--out', planDir, ...AS_OF, '--quiet'])).code).toBe(0);
    const run = await runCli(['campaign', 'fixtures/lost-customers-en.csv', '--out', campaignDir, ...AS_OF]);
    expect(run.code, run.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(campaignDir, 'summary.json'), 'utf8'));
    const html = join(temp, 'campaign.html');
    const r = await report([campaignDir], html);
    const listed = new Set(Object.keys(manifest.counts.lists).flatMap((c) => readCsv(join(campaignDir, `campaign-${c}.csv`)).map((row) => row.customer_id)));
    const planned = readCsv(join(planDir, 'plan.csv')).filter((row) => listed.has(row.customer_id as string));
    const expected = Math.round(planned.reduce((a, row) => a + Number(row.expected_value), 0) * 100) / 100;
    expect(r.money).toMatchObject({ basis: 'listed', customers: manifest.counts.listed, expected_profit: expected, value_at_stake_all: null, value_at_stake_win_back: null, incentive_cost: null, cost: null, return_on_spend: null });
    expect(r.money.contact_cost).toBeGreaterThan(0);
    const shown = tiles(readFileSync(html, 'utf8'));
    expect(shown[0]).toBe(euro(expected, 'en'));
    expect(shown).toHaveLength(2);
    expect(r.funnel.steps.map((s) => s.step)).toEqual(['lost', 'worth', 'contactable', 'due', 'listed']);
    expect(r.funnel.steps[0]?.count).toBe(manifest.accepted);
    expect(r.funnel.steps[4]).toMatchObject({ count: manifest.counts.listed, expected_value: expected, value_at_stake: null });
  });
});

describe('the funnel', () => {
  it('is the first chart, counts every step and names permission reasons in words', async () => {
    const html = join(temp, 'funnel.html');
    const r = await report(['fixtures/lost-customers-en.csv', ...AS_OF], html);
    const steps = Object.fromEntries(r.funnel.steps.map((s) => [s.step, s]));
    expect(steps.lost?.count).toBe(r.totals.customers);
    expect(steps.worth?.count).toBe(r.decisions.win_back + r.decisions.no_channel);
    expect(steps.contactable?.count).toBe(r.decisions.win_back - r.quality.blocked_channel);
    expect(steps.due?.count).toBeLessThanOrEqual(steps.contactable?.count ?? 0);
    expect(steps.due?.count).toBeGreaterThan(0);
    expect(Object.values(r.funnel.unreachable).reduce((a, b) => a + b, 0)).toBe((steps.worth?.count ?? 0) - (steps.contactable?.count ?? 0));
    const page = readFileSync(html, 'utf8');
    expect(/<svg[^>]*id="([^"]+)"/.exec(page)?.[1]).toBe('chart-funnel');
    expect(text(page)).toContain('no channel may be used (letters: letters refused)');
    expect(text(page)).not.toMatch(/\b(no_phone_consent|no_email_consent|letter_refused|no_postal_address|no_channel)\b/);
  });
});

describe('outliers', () => {
  it('flags the customer who carries two fifths of the plan, with its implausible revenue, at the top', async () => {
    const html = join(temp, 'outliers.html');
    const r = await report(['fixtures/lost-customers-en.csv', ...AS_OF], html);
    const top = r.outliers.customers.find((c) => c.customer_id === 'C-00176');
    expect(top?.why).toEqual(['value_share', 'revenue_vs_median']);
    // 39.0 % of the expected profit (2026-11-23 fixture): once 51 %, before the value model
    // subtracted the organic return and discounted each contact from its date, then 40.7 % until
    // the renewal was priced over its own term and "Don't know" became a confident unknown (two
    // more customers won back) — each changes the plan's total, so the share is pinned to the figure itself.
    expect(top?.share).toBeCloseTo(0.39, 3);
    expect(r.outliers.customers.filter((c) => c.why.includes('value_share')).every((c) => (c.share ?? 0) > 0.1)).toBe(true);
    const page = readFileSync(html, 'utf8');
    expect(page.indexOf('id="outliers"')).toBeLessThan(page.indexOf('id="money"'));
    expect(text(page)).toContain('carries 39.0 % of the expected profit (more than 10.0 %)');
  });

  it('takes the share from --outlier-share and refuses one that is not a percentage', async () => {
    const r = await report(['fixtures/lost-customers-en.csv', ...AS_OF, '--outlier-share', '60']);
    expect(r.outliers.share).toBe(0.6);
    expect(r.outliers.customers.find((c) => c.customer_id === 'C-00176')?.why).toEqual(['revenue_vs_median']);
    const bad = await runCli(['report', 'fixtures/lost-customers-en.csv', ...AS_OF, '--outlier-share', '0']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/--outlier-share '0' is not a percentage/);
  });
});
