import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv, runCli, tempDir } from '../support/cli.js';

/** clv → --lost-out, then the CRM's contact data joined on (the lost-out carries ids only). */
async function silentChurners() {
  const dir = tempDir('winback-handover-');
  const lost = path.join(dir, 'lost.csv');
  const r = await runCli(['clv', 'fixtures/transactions-en.csv', '--out', path.join(dir, 'clv'), '--as-of', '2026-11-23', '--lost-out', lost, '-q']);
  expect(r.code).toBe(0);
  const [head, ...lines] = readFileSync(lost, 'utf8').trimEnd().split('\n');
  const joined = path.join(dir, 'lost-contact.csv');
  writeFileSync(joined, [`${head},street,postal_code,city,country`, ...lines.map((l, i) => `${l},Main Street ${i + 1},10115,Berlin,DE`)].join('\n') + '\n');
  return { dir, lost: readCsv(lost), joined };
}

const cents = (v: number) => Math.round(v * 100) / 100;

describe('plan values silent churners with the purchase model that found them', () => {
  it('one customer, one money: sltv and value at stake are the formula on clv\'s own outputs, to the cent; the living are let be or kept (retention)', async () => {
    const { dir, lost, joined } = await silentChurners();
    const out = path.join(dir, 'plan');
    const r = await runCli(['plan', joined, '--out', out, '--as-of', '2026-11-23', '-q']);
    expect(r.code).toBe(0);
    const plan = readCsv(path.join(out, 'plan.csv'));
    expect(plan).toHaveLength(lost.length);
    const byId = new Map(lost.map((l) => [l.customer_id, l]));
    const decisions = new Set<string>();
    let alive = 0;
    for (const row of plan) {
      const h = byId.get(row.customer_id as string)!;
      const pAlive = Number(h.p_alive);
      // discounted purchases × expected spend × default margin 25 % × the unknown reason's margin factor 1.
      const sltv = Number(h.discounted_purchases_horizon) * Number(h.expected_spend) * 0.25;
      expect(Math.abs(Number(row.value_at_stake) - cents((1 - pAlive) * sltv))).toBeLessThanOrEqual(0.01);
      decisions.add(row.decision as string);
      expect(row.track).toBe(h.phase === 'core_defector' ? 'retention' : 'win_back');
      if (row.track === 'retention') {
        // Alive but drifting: the retention track (test/commands/plan-retention.test.ts checks its value).
        expect(row.decision_reason).toMatch(/^retention/);
        continue;
      }
      expect(Math.abs(Number(row.sltv) - cents(sltv))).toBeLessThanOrEqual(0.01);
      if (pAlive >= Number(h.lost_threshold)) {
        alive++;
        expect(row.decision).toBe('let_go');
        expect(row.decision_reason).toMatch(/^alive per the purchase model/);
      } else {
        expect(['win_back', 'let_go']).toContain(row.decision);
        expect(row.decision_reason).toMatch(/\(purchase model, P\(alive\) \d\.\d\d\)$/);
      }
      if (row.decision === 'win_back') expect(Number(row.expected_value)).toBeGreaterThan(0);
    }
    expect(decisions).toEqual(new Set(['win_back', 'let_go']));
    expect(alive).toBeGreaterThan(0);
    // The campaign lists the same customers with the same expected value.
    const camp = path.join(dir, 'campaign');
    expect((await runCli(['campaign', joined, '--out', camp, '--as-of', '2026-11-23', '-q'])).code).toBe(0);
    const letters = readCsv(path.join(camp, 'campaign-letter.csv'));
    const winBack = plan.filter((p) => p.decision === 'win_back' && p.track === 'win_back');
    expect(letters.map((l) => [l.customer_id, l.expected_value]).sort()).toEqual(winBack.map((p) => [p.customer_id, p.expected_value]).sort());
    // The report plans the export the same way: the same money at stake and expected.
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    const report = await runCli(['report', joined, '--as-of', '2026-11-23', '--json']);
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout).totals).toMatchObject({ value_at_stake: summary.value_at_stake_total, expected_value: summary.expected_value_total });
    expect(summary.expected_value_total).toBeGreaterThan(0);
    // The worksheet plans the same hand-over the same way: with every default accepted, its plan.csv is plan's, byte for byte.
    const answers = path.join(dir, 'answers.json');
    writeFileSync(answers, '{}');
    const sheet = await runCli(['worksheet', joined, '--session', path.join(dir, 'session.json'), '--answers', answers, '--out', path.join(dir, 'worksheet'), '--as-of', '2026-11-23']);
    expect(sheet.code, sheet.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'worksheet', 'plan.csv'), 'utf8')).toBe(readFileSync(path.join(out, 'plan.csv'), 'utf8'));
  });

  it('without contact data the valued churners are no_channel, never review for missing revenue', async () => {
    const { dir } = await silentChurners();
    const out = path.join(dir, 'plan');
    expect((await runCli(['plan', path.join(dir, 'lost.csv'), '--out', out, '--as-of', '2026-11-23', '-q'])).code).toBe(0);
    const plan = readCsv(path.join(out, 'plan.csv'));
    expect(plan.filter((p) => p.decision === 'review')).toEqual([]);
    expect(plan.some((p) => p.decision === 'no_channel')).toBe(true);
  });

  it('a broken hand-over figure goes to review with the column named', async () => {
    const dir = tempDir('winback-handover-');
    const file = path.join(dir, 'lost.csv');
    writeFileSync(file, 'customer_id,customer_since,churn_date,orders,reason_code,value_basis,p_alive,expected_purchases_horizon,discounted_purchases_horizon,expected_spend,horizon_months,annual_discount_rate\n' +
      'A1,2024-01-10,2025-02-01,9,unknown,purchase_model,0.01,5,4.5,,36,0.1\n');
    const out = path.join(dir, 'plan');
    expect((await runCli(['plan', file, '--out', out, '--as-of', '2026-11-23', '-q'])).code).toBe(0);
    const [row] = readCsv(path.join(out, 'plan.csv'));
    expect(row).toMatchObject({ decision: 'review', sltv: '' });
    expect(row!.decision_reason).toMatch(/^missing data: expected_spend '' is not a number/);
  });

  it('--explain shows the purchase-model steps', async () => {
    const { joined, lost } = await silentChurners();
    const dead = lost.find((l) => Number(l.p_alive) < 0.01)!;
    const r = await runCli(['plan', joined, '--as-of', '2026-11-23', '--explain', dead.customer_id as string]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/P\(alive\) \(purchase model\)/);
    expect(r.stdout).toMatch(new RegExp(`sltv +${Number(dead.discounted_purchases_horizon)} × ${Number(dead.expected_spend)} × 0\\.25`));
  });
});
