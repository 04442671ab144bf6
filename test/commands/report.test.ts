/**
 * `winback report` end to end, in-process: the numbers equal plan.csv/summary.json of the
 * same run, a plan directory reports like the export, a campaign directory reports what it
 * can, the terminal fits 80 columns, and the HTML is escaped, deterministic and atomic.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Report } from '../../src/domain/report/finish.js';
import { findEnglish } from '../support/english-words.js';
import { memoryContext } from '../support/memory-context.js';

const ROOT = resolve(import.meta.dirname, '../..');
const AS_OF = ['--as-of', '2026-11-23'];
const temp = mkdtempSync(join(tmpdir(), 'winback-report-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function cli(args: string[]) {
  const m = memoryContext({ cwd: ROOT });
  const code = await main(args, m.ctx);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

async function reportJson(args: string[]): Promise<Report> {
  const r = await cli(['report', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

// Everything except where it came from and the carried-over warnings, which differ by source.
const figures = (r: Report) => ({ ...r, source: undefined, notes: undefined });

describe.each([
  ['en', 'fixtures/lost-customers-en.csv', []],
  ['de', 'fixtures/lost-customers-de.csv', ['--lang', 'de']],
  ['de, Excel plan files', 'fixtures/lost-customers-de.csv', ['--excel']],
])('report and plan agree (%s)', (name, fixture, extra) => {
  const dir = join(temp, `plan-${name.replace(/\W+/g, '-')}`);

  it('reports the numbers of summary.json and plan.csv', async () => {
    const plan = await cli(['plan', fixture, '--out', dir, ...AS_OF, ...extra, '--quiet']);
    expect(plan.code, plan.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    const excel = extra.includes('--excel');
    const rows = parse(readFileSync(join(dir, 'plan.csv'), 'utf8').replace(/^\ufeff/, ''), { columns: true, delimiter: excel ? ';' : ',' }) as Record<string, string>[];
    const money = (text: string) => Number((text || '0').replace(',', '.'));

    for (const report of [await reportJson([fixture, ...AS_OF]), await reportJson([dir])]) {
      expect(report.rows).toEqual({ read: summary.input_rows, accepted: summary.accepted, rejected: summary.rejected });
      expect(report.decisions).toEqual(summary.decisions);
      expect(report.totals).toEqual({ customers: summary.accepted, value_at_stake: summary.value_at_stake_total, expected_value: summary.expected_value_total });
      expect(Object.fromEntries(report.reasons.map((l) => [l.code, {
        count: l.count, win_back: l.win_back, value_at_stake: l.value_at_stake, expected_value: l.expected_value,
        value_at_stake_win_back: l.value_at_stake_win_back, contact_cost: l.contact_cost, incentive_cost: l.incentive_cost,
      }]))).toEqual(summary.reasons);
      // The headline money is summary.json's, to the cent; cost and return follow from it.
      const cost = Math.round((summary.contact_cost_total + summary.incentive_cost_total) * 100) / 100;
      expect(report.money).toEqual({
        currency: summary.currency, basis: 'plan', customers: summary.decisions.win_back,
        expected_profit: summary.expected_value_total, value_at_stake_win_back: summary.value_at_stake_win_back_total,
        contact_cost: summary.contact_cost_total, incentive_cost: summary.incentive_cost_total, cost,
        return_on_spend: summary.expected_value_total / cost, value_at_stake_all: summary.value_at_stake_total,
      });
      expect(cost).toBeGreaterThan(0);
      expect(report.funnel.steps[0]).toMatchObject({ step: 'lost', count: summary.accepted, value_at_stake: summary.value_at_stake_total });
      // A funnel narrows: no step holds more customers or more at stake than the one before (a loss-maker puts 0 at stake, not less).
      for (let i = 1; i < report.funnel.steps.length; i++) {
        const [step, before] = [report.funnel.steps[i]!, report.funnel.steps[i - 1]!];
        expect(step.count).toBeLessThanOrEqual(before.count);
        expect(step.value_at_stake ?? 0).toBeLessThanOrEqual(before.value_at_stake ?? 0);
      }
      expect(rows.filter((r) => r.value_at_stake !== '' && Number(r.value_at_stake) < 0)).toEqual([]);
      expect(report.quality.unknown_reasons).toBe(rows.filter((r) => r.reason_code === 'unknown').length);
      // the top list is plan.csv's head of win_back customers, in plan.csv's order
      const head = rows.filter((r) => r.decision === 'win_back').slice(0, report.top.length);
      expect(report.top.map((t) => [t.customer_id, t.expected_value, t.p_organic])).toEqual(head.map((r) => [r.customer_id, money(r.expected_value as string), money(r.p_organic as string)]));
      for (const w of report.calendar.weeks) {
        expect(w.total).toBe(rows.filter((r) => r.decision === 'win_back' && r.contact_from !== '' && r.contact_from! >= w.from && r.contact_from! < addDays(w.from, 7)).length);
      }
    }
  });

  it('gives the same report from the export and from the plan directory', async () => {
    const fromExport = await reportJson([fixture, ...AS_OF, ...extra.filter((x) => x !== '--excel')]);
    const fromPlan = await reportJson([dir, ...extra.filter((x) => x !== '--excel')]);
    expect(fromPlan.source.kind).toBe('plan');
    expect(figures(fromPlan)).toEqual(figures(fromExport));
    // and the same notes, the rows with unclear values too (the export's says where winback plan shows them)
    const unclear = (notes: string[]) => notes.filter((n) => /with unclear values|mit unklaren Werten/.test(n)).map((n) => n.replace(/ \(.*\)$/, ''));
    expect(unclear(fromPlan.notes).length).toBe(1);
    expect(unclear(fromExport.notes)).toEqual(unclear(fromPlan.notes));
  });
});

describe('report on a plan directory written before plan.csv had p_organic', () => {
  it('reads it as before: the same figures, the top list without an organic probability', async () => {
    const dir = join(temp, 'plan-old-layout');
    const plan = await cli(['plan', 'fixtures/lost-customers-en.csv', '--out', dir, ...AS_OF, '--quiet']);
    expect(plan.code, plan.stderr).toBe(0);
    const current = await reportJson([dir]);
    const path = join(dir, 'plan.csv');
    const records = parse(readFileSync(path, 'utf8'), { relax_column_count: false }) as string[][];
    // written before p_organic (and track, added after it)
    expect(records[0]?.slice(-2)).toEqual(['p_organic', 'track']);
    const text = stringify(records.map((r) => r.slice(0, -2)));
    writeFileSync(path, text);
    // an old run's summary.json names the size of the plan.csv it wrote
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    summary.outputs['plan.csv'].bytes = Buffer.byteLength(text);
    writeFileSync(join(dir, 'summary.json'), JSON.stringify(summary, null, 2));
    const old = await reportJson([dir]);
    expect(old.top.every((t) => t.p_organic === null)).toBe(true);
    const withoutOrganic = (r: Report) => ({ ...figures(r), top: r.top.map((t) => ({ ...t, p_organic: null })) });
    expect(withoutOrganic(old)).toEqual(withoutOrganic(current));
  });
});

describe('report on a plan directory made under other permission settings', () => {
  it("re-checks the channels with the run's permission settings from summary.json, not the current config's", async () => {
    const dir = join(temp, 'plan-permissive');
    const config = join(temp, 'permissive.yaml');
    writeFileSync(config, 'permission:\n  allowB2bPhoneWithoutConsent: true\n  emailExistingCustomerException: true\n  fallbackOutsidePreference: true\n');
    const fixture = 'fixtures/lost-customers-en.csv';
    const plan = await cli(['plan', fixture, '--out', dir, ...AS_OF, '--config', config, '--quiet']);
    expect(plan.code, plan.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).permission).toMatchObject({ allowB2bPhoneWithoutConsent: true });
    const underRunSettings = await reportJson([fixture, ...AS_OF, '--config', config]);
    const fromPlan = await reportJson([dir]);
    expect(figures(fromPlan)).toEqual(figures(underRunSettings));

    // A summary.json of an older winback, without the settings: today's config it is, with a note.
    const summaryPath = join(dir, 'summary.json');
    const { permission: _recorded, ...older } = JSON.parse(readFileSync(summaryPath, 'utf8'));
    writeFileSync(summaryPath, JSON.stringify(older));
    const fallback = await reportJson([dir]);
    expect(fallback.quality.blocked_channel).toBeGreaterThan(underRunSettings.quality.blocked_channel);
    expect(fallback.notes.join('\n')).toMatch(/does not record the permission settings of its run/);

    writeFileSync(summaryPath, JSON.stringify({ ...older, permission: { allowB2bPhoneWithoutConsent: 'yes' } }));
    const bad = await cli(['report', dir]);
    expect(bad.code).toBe(65);
    expect(bad.stderr).toMatch(/"permission" is not a set of permission settings/);
  });
});

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('report on a campaign directory', () => {
  it('reports the listed customers and the decisions, and names what is missing', async () => {
    const dir = join(temp, 'campaign');
    const run = await cli(['campaign', 'fixtures/lost-customers-en.csv', '--out', dir, ...AS_OF, '--capacity', 'phone=5']);
    expect(run.code, run.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    const report = await reportJson([dir]);
    const plan = await reportJson(['fixtures/lost-customers-en.csv', ...AS_OF]);
    expect(report.source.kind).toBe('campaign');
    expect(report.totals.customers).toBe(manifest.counts.listed);
    expect(report.decisions).toEqual(plan.decisions);
    expect(report.missing.map((m) => m.section)).toEqual(['money', 'reasons', 'segments', 'calendar', 'switching', 'quality']);
    expect(report.top.length).toBe(Math.min(20, manifest.counts.listed));
    const text = await cli(['report', dir]);
    expect(text.stdout).toContain('Not available from this input');
    expect(text.stdout).toContain('winback report on the plan directory');
    // No figure the lists cannot give is shown as 0: no value at stake, no reasons table, no unchecked quality lines.
    expect(text.stdout).not.toMatch(/at stake [€\d]|Losses by reason|default margin/);
    const html = join(dir, 'report.html');
    expect((await cli(['report', dir, '--html', html])).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).not.toMatch(/at stake [€\d]|id="pareto"|id="segments"|id="calendar"|default margin/);
    expect(page).toContain('Where to get them: run winback report on the plan directory');
    // The top table shows only columns the lists fill: no segment, contact date or probability.
    const head = /<table id="top-table"><thead><tr>(.*?)<\/tr>/.exec(page)?.[1] ?? '';
    expect(head).toContain('customer');
    expect(head).not.toMatch(/segment|contact from|>p</);
    expect(page).toContain('>195</span><span class="k">customers');
  });
});

describe('terminal and HTML output', () => {
  const hostile = join(temp, 'hostile.csv');
  writeFileSync(hostile, [
    'customer_id,name,segment,customer_since,churn_date,orders,revenue,margin %,reason,email,consent_email',
    'X1,"<script>alert(1)</script> & Söhne GmbH und Co. KG mit sehr langem Namen",B2B,2019-01-01,2026-10-01,40,90000,30,too expensive,a@x.de,yes',
    'X2,"=HYPERLINK(""http://evil.example"",""click"")",B2C,2020-01-01,2026-10-15,12,3000,25,"moved away",b@x.de,yes',
    `X3-${'9'.repeat(40)},"bell\u0007 and \u001b[31mred",B2B,2018-01-01,2026-09-01,100,250000,20,"<b>bad service</b>",c@x.de,yes`,
  ].join('\n'));

  it.each([
    ['fixtures/lost-customers-en.csv', 'en'],
    ['fixtures/lost-customers-de.csv', 'de'],
    [hostile, 'en'],
  ])('fits 80 columns: %s (%s)', async (file, lang) => {
    const r = await cli(['report', file, ...AS_OF, '--lang', lang]);
    expect(r.code, r.stderr).toBe(0);
    const long = r.stdout.split('\n').filter((l) => [...l].length > 80);
    expect(long).toEqual([]);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });

  it('writes escaped, deterministic, self-contained HTML atomically', async () => {
    const dir = join(temp, 'html');
    mkdirSync(dir);
    const a = await cli(['report', hostile, ...AS_OF, '--html', join(dir, 'a.html')]);
    expect(a.code, a.stderr).toBe(0);
    const b = await cli(['report', hostile, ...AS_OF, '--html', join(dir, 'b.html')]);
    expect(b.code).toBe(0);
    const html = readFileSync(join(dir, 'a.html'), 'utf8');
    const json = await reportJson([hostile, ...AS_OF]);
    expect(json.top.map((t) => t.customer_id)).toContain('X1');
    expect(readFileSync(join(dir, 'b.html'), 'utf8')).toBe(html);
    expect(readdirSync(dir).sort()).toEqual(['a.html', 'b.html']);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Söhne');
    expect(html).not.toContain('<b>bad');
    expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;');
    expect(html).not.toMatch(/(src|href)=["']?https?:/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<svg');
  });

  it('writes the German page in German: no English word and no ISO date, also beside the last run', async () => {
    const plan = join(temp, 'plan-for-german-page');
    expect((await cli(['plan', 'fixtures/lost-customers-de.csv', '--out', plan, ...AS_OF, '--lang', 'de', '--quiet'])).code).toBe(0);
    const file = join(temp, 'bericht.html');
    const r = await cli(['report', 'fixtures/lost-customers-de.csv', ...AS_OF, '--lang', 'de', '--previous', plan, '--html', file]);
    expect(r.code, r.stderr).toBe(0);
    const page = readFileSync(file, 'utf8');
    expect(page).toContain('<section id="changes">');
    const text = page.slice(page.indexOf('<body>')).replace(/<[^>]+>/g, '\n').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');
    expect(text.match(/\b\d{4}-\d\d-\d\d\b/g) ?? []).toEqual([]);
    expect(text).toMatch(/\b23\.11\.2026\b/);
    // The export's own cells (names, reasons as typed, competitors) are data, not the page's words.
    const cells = (parse(readFileSync(join(ROOT, 'fixtures/lost-customers-de.csv'), 'latin1'), { delimiter: ';', relax_column_count: true }) as string[][]).flat().filter((c) => c.length > 2);
    expect(findEnglish(text, [...new Set(cells)].sort((a, b) => b.length - a.length))).toEqual([]);
  });

  it('prints colours only when the context allows them', async () => {
    const plain = memoryContext({ cwd: ROOT });
    await main(['report', 'fixtures/lost-customers-en.csv', ...AS_OF], plain.ctx);
    expect(plain.stdout()).not.toMatch(/\x1b\[/);
    const colour = memoryContext({ cwd: ROOT });
    colour.ctx.color = true;
    await main(['report', 'fixtures/lost-customers-en.csv', ...AS_OF], colour.ctx);
    expect(colour.stdout()).toMatch(/\x1b\[/);
  });
});

describe('report input errors', () => {
  it('exits 66 for a directory without plan or campaign output', async () => {
    const dir = join(temp, 'empty');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    const r = await cli(['report', dir]);
    expect(r.code).toBe(66);
    expect(r.stderr).toContain('neither plan.csv nor campaign lists');
  });

  it('exits 65 when plan.csv and summary.json do not belong together', async () => {
    const dir = join(temp, 'mixed');
    expect((await cli(['plan', 'fixtures/lost-customers-en.csv', '--out', dir, ...AS_OF, '--quiet'])).code).toBe(0);
    const other = join(temp, 'mixed-other');
    expect((await cli(['plan', 'fixtures/lost-customers-de.csv', '--out', other, ...AS_OF, '--quiet'])).code).toBe(0);
    const foreign = JSON.parse(readFileSync(join(other, 'summary.json'), 'utf8'));
    writeFileSync(join(dir, 'summary.json'), JSON.stringify(foreign));
    const r = await cli(['report', dir]);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/plan\.csv is not the file .*summary\.json describes/);
    // a summary of an older winback, without the sizes of its files: the counts still tell
    const { outputs: _sizes, ...older } = foreign;
    writeFileSync(join(dir, 'summary.json'), JSON.stringify(older));
    const o = await cli(['report', dir]);
    expect(o.code).toBe(65);
    expect(o.stderr).toContain('do not belong to the same run');
  });
});

describe('report on a campaign directory whose names were neutralised on writing', () => {
  it('shows the names as the export held them (@home, +Punkt), not the lists’ formula guard', async () => {
    const dir = join(temp, 'apos');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'export.csv');
    writeFileSync(file, 'Kundennummer;Name;Straße;PLZ;Ort;Kundentyp;Kunde seit;Kündigungsdatum;Umsatz;Kündigungsgrund\n1;@home Service GmbH;Weg 1;10115;Berlin;B2B;01.01.2015;01.08.2026;50.000,00;zu teuer\n2;+Punkt Reisen;Weg 2;10115;Berlin;B2B;01.01.2015;01.08.2026;40.000,00;zu teuer\n');
    const out = join(dir, 'campaign');
    const run = await cli(['campaign', file, '--out', out, ...AS_OF, '-q']);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(out, 'campaign-letter.csv'), 'utf8')).toContain("'@home Service GmbH");
    const report = await reportJson([out]);
    expect(report.top.map((t) => t.name).sort()).toEqual(['+Punkt Reisen', '@home Service GmbH']);
  });
});
