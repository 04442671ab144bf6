import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBudget } from '../../src/pipeline/plan-budget.js';
import { describe, expect, it } from 'vitest';
import { readCsv, runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const AS_OF = ['--as-of', '2026-11-23'];
const FILE = 'fixtures/lost-customers-en.csv';
/** A budget under which some customers get a cheaper action than their best (found on the fixture). */
const CHEAPER_BUDGET = 300;

async function plan(extra: string[] = []) {
  const out = tempDir();
  const r = await runCli(['plan', FILE, '--out', out, ...AS_OF, ...extra]);
  return { ...r, out, rows: r.code === 0 ? readCsv(join(out, 'plan.csv')) : [] };
}

describe('winback plan --budget', () => {
  it('approaches the contacts with the most value per unit of cost until the budget is spent; the rest worth it are let go, over budget', async () => {
    const full = await plan();
    const budgeted = await plan(['--budget', '300']);
    expect(budgeted.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(budgeted.out, 'summary.json'), 'utf8'));
    expect(summary.budget.spent).toBeLessThanOrEqual(300);
    expect(summary.budget.spent).toBeGreaterThan(250);
    // Customers waiting for a fix (no window) are left to it: no contact to buy.
    const chosen = budgeted.rows.filter((r) => r.decision === 'win_back' && r.contact_from !== '');
    const waiting = budgeted.rows.filter((r) => r.decision === 'win_back' && r.contact_from === '');
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((r) => ['quality', 'availability'].includes(r.reason_code as string) && String(r.warnings).includes('no contact window until the fix is confirmed'))).toBe(true);
    const before = new Map(full.rows.map((r) => [r.customer_id, r]));
    expect(chosen.length).toBe(summary.budget.contacts);
    expect(chosen.length).toBeLessThan(full.rows.filter((r) => r.decision === 'win_back').length);
    // Every budgeted contact was a contact of the full plan: with the same action and value, or with a
    // cheaper action of the same customer, worth less, that the budget chose for its value per unit of cost.
    for (const r of chosen) {
      const b = before.get(r.customer_id)!;
      expect(b.decision).toBe('win_back');
      if (b.offer_type === r.offer_type && b.channel === r.channel) expect(r.expected_value).toBe(b.expected_value);
      else {
        expect(Number(r.expected_value)).toBeLessThan(Number(b.expected_value));
        expect(r.offer_reason).toMatch(/^within the budget: /);
      }
    }
    const over = budgeted.rows.filter((r) => String(r.decision_reason).startsWith('over budget'));
    expect(over.length).toBe(summary.budget.left_out);
    expect(over.every((r) => r.decision === 'let_go' && r.channel === '' && r.contact_from === '')).toBe(true);
    expect(budgeted.stdout).toMatch(/budget €300: \d+ contacts, €\d+ spent, expected incremental value €[\d,]+; \d+ contacts worth making left out; the next €1 would buy €[\d.]+ \(C-\d+: \w+ by \w+(, instead of \w+ by \w+)?\)/);
  });

  it('gives a customer a cheaper action when the budget buys more with it, and --explain --budget agrees with plan.csv to the cent', async () => {
    const full = await plan();
    const budgeted = await plan(['--budget', String(CHEAPER_BUDGET)]);
    const before = new Map(full.rows.map((r) => [r.customer_id, r]));
    const cheaper = budgeted.rows.filter((r) => r.decision === 'win_back' && (before.get(r.customer_id)!.channel !== r.channel || before.get(r.customer_id)!.offer_type !== r.offer_type));
    expect(cheaper.length).toBeGreaterThan(0);
    for (const row of cheaper.slice(0, 2)) {
      const id = String(row.customer_id);
      const r = await runCli(['plan', FILE, ...AS_OF, '--budget', String(CHEAPER_BUDGET), '--explain', id, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect([doc.decision, doc.offer_type, doc.channel, doc.expected_value.toFixed(2), doc.p_winback.toFixed(4)]).toEqual(['win_back', row.offer_type, row.channel, row.expected_value, row.p_winback]);
      expect(doc.offer_reason).toBe(row.offer_reason);
      // the steps compute the budget's action, the table still shows every permitted action, its best unchosen
      expect(doc.steps.find((s: { label: string }) => s.label.startsWith('expected value')).value).toBeCloseTo(doc.expected_value, 9);
      const marked = doc.actions.filter((a: { chosen: boolean }) => a.chosen);
      expect(marked.map((a: { offer_type: string; channel: string }) => `${a.offer_type}:${a.channel}`)).toEqual([`${row.offer_type}:${row.channel}`]);
      expect(Math.max(...doc.actions.map((a: { expected_value: number }) => a.expected_value))).toBeCloseTo(Number(before.get(id)!.expected_value), 2);
      expect(doc.why).toMatch(/chosen within the budget over the dearer/);
    }
  });

  it('chooses on worker threads as on one: plan.csv and summary.json byte for byte, under a budget and places', async () => {
    // The first pass plans on workers when the export is large enough (here: any size).
    const limits = ['--budget', String(CHEAPER_BUDGET), '--capacity', 'phone=2,email=40', '--quiet'];
    const one = await plan([...limits, '--threads', '1']);
    const out = tempDir();
    const r = await runCli(['plan', FILE, '--out', out, ...AS_OF, ...limits, '--threads', '3'], { env: { WINBACK_PARALLEL_MIN_BYTES: '0' } });
    expect(r.code, r.stderr).toBe(0);
    expect(one.rows.filter((x) => x.decision === 'win_back').length).toBeGreaterThan(0);
    for (const name of ['plan.csv', 'summary.json']) expect(readFileSync(join(out, name), 'utf8'), name).toBe(readFileSync(join(one.out, name), 'utf8'));
  }, 60_000);

  it('a budget larger than every contact changes nothing', async () => {
    const full = await plan();
    const rich = await plan(['--budget', '100000000']);
    expect(rich.rows).toEqual(full.rows);
    expect(rich.stdout).toContain('every contact worth making fits');
  });

  it('the campaign lists only contacts the budget bought', async () => {
    const out = tempDir();
    const budgetedPlan = await plan(['--budget', '300']);
    const bought = new Set(budgetedPlan.rows.filter((r) => r.decision === 'win_back').map((r) => r.customer_id));
    const r = await runCli(['campaign', FILE, '--out', out, ...AS_OF, '--period', '366d', '--budget', '300', '--quiet']);
    expect(r.code).toBe(0);
    const listed = ['visit', 'phone', 'letter', 'email'].flatMap((c) => readCsv(join(out, `campaign-${c}.csv`)).map((row) => row.customer_id));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((id) => bought.has(id))).toBe(true);
    // summary.json says what the budget bought, as plan's does.
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const planSummary = JSON.parse(readFileSync(join(budgetedPlan.out, 'summary.json'), 'utf8'));
    expect(summary.budget).toEqual(planSummary.budget);
    expect(summary.budget.spent).toBeLessThanOrEqual(300);
  });

  it.each([['abc'], ['-5'], ['0'], ['1.000.50'], ['1,000,5']])('refuses --budget %s as a usage error', async (amount) => {
    const r = await plan(['--budget', amount]);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain(`winback plan: --budget '${amount}' is not a positive amount`);
  });

  it.each([['1.000'], ['1,000']])('refuses --budget %s as ambiguous (a German thousand, or one unit), in German too', async (amount) => {
    const r = await plan(['--budget', amount]);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain(`--budget '${amount}' is ambiguous: a thousands separator or a decimal mark`);
    expect(r.stderr).toContain('write --budget 1000 for the thousands, or --budget 1.000 for the decimal');
    const de = await plan(['--budget', amount, '--lang', 'de']);
    expect(de.stderr).toContain(`--budget '${amount}' ist mehrdeutig`);
  });

  it('reads an amount as people write it: a decimal comma, grouping with either mark', () => {
    expect(['1000', '1000.5', '1000,5', '2,5', '1.000.000', '1,000,000', '1.000,50', '1,000.50', ' 300 '].map((t) => parseBudget(t))).toEqual([1000, 1000.5, 1000.5, 2.5, 1_000_000, 1_000_000, 1000.5, 1000.5, 300]);
  });
});

describe('a budget and customers waiting for a fix', () => {
  it('buys no contact for a quality leaver without a confirmed fix (no window): left win_back, waiting, not let go as over budget; --explain says why', async () => {
    const dir = tempDir();
    const file = join(dir, 'export.csv');
    const head = 'customer_id,name,email,consent_email,first_purchase_date,churn_date,orders,revenue_total,margin_pct,reason';
    const row = (id: string, reason: string) => `${id},Ann ${id},${id.toLowerCase()}@example.com,yes,2018-01-10,2026-06-01,40,60000,35,${reason}`;
    writeFileSync(file, [head, row('Q1', 'the product kept breaking down'), row('P1', 'too expensive'), row('P2', 'too expensive')].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['plan', file, '--out', out, ...AS_OF, '--budget', '2']);
    expect(r.code, r.stderr).toBe(0);
    const plan = new Map(readCsv(join(out, 'plan.csv')).map((x) => [x.customer_id as string, x]));
    expect([plan.get('Q1')?.reason_code, plan.get('Q1')?.decision, plan.get('Q1')?.contact_from]).toEqual(['quality', 'win_back', '']);
    expect(plan.get('Q1')?.warnings).toContain('no contact window until the fix is confirmed');
    // The money went to the customers who can be contacted.
    const budget = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).budget as { contacts: number };
    expect(budget.contacts).toBe(2);
    const explained = await runCli(['plan', file, ...AS_OF, '--explain', 'Q1']);
    expect(explained.stdout).toMatch(/Quality defects: no contact window until the fix is confirmed/);
  });
});
