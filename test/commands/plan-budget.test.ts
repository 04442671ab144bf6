import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv, runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const AS_OF = ['--as-of', '2026-11-23'];
const FILE = 'fixtures/lost-customers-en.csv';

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
    const chosen = budgeted.rows.filter((r) => r.decision === 'win_back');
    const before = new Map(full.rows.map((r) => [r.customer_id, r]));
    expect(chosen.length).toBe(summary.budget.contacts);
    expect(chosen.length).toBeLessThan(full.rows.filter((r) => r.decision === 'win_back').length);
    // Every budgeted contact was a contact of the full plan, with the same offer, channel and value.
    for (const r of chosen) {
      const b = before.get(r.customer_id)!;
      expect([b.decision, b.offer_type, b.channel, b.expected_value]).toEqual(['win_back', r.offer_type, r.channel, r.expected_value]);
    }
    const over = budgeted.rows.filter((r) => String(r.decision_reason).startsWith('over budget'));
    expect(over.length).toBe(summary.budget.left_out);
    expect(over.every((r) => r.decision === 'let_go' && r.channel === '' && r.contact_from === '')).toBe(true);
    expect(budgeted.stdout).toMatch(/budget €300: \d+ contacts, €\d+ spent, expected incremental value €[\d,]+; \d+ contacts worth making left out; the next €1 would buy €[\d.]+ \(C-\d+\)/);
  });

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

  it.each([['abc'], ['-5'], ['0'], ['1,000']])('refuses --budget %s as a usage error', async (amount) => {
    const r = await plan(['--budget', amount]);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain(`winback plan: --budget '${amount}' is not a positive amount`);
  });
});
