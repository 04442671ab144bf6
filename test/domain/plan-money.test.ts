/**
 * The cost of a planned approach is the value model's own cost terms, discounted as its value
 * is: for every win_back customer of the fixtures,
 * expected_value = discount × (p × sltv − organic value) − (contact + incentive), where organic
 * value = p_organic × value_at_stake (the return without contact, which is not the contact's
 * doing). So profit + cost is the discounted gross increment and the report cannot drift from the model.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { approachCost, returnOnSpend } from '../../src/domain/plan/money.js';
import { planCostOf } from '../../src/domain/plan/summary.js';
import type { PlannedCustomer } from '../../src/domain/plan/plan.js';
import { planExport } from '../../src/engine/index.js';
import { loadPlanSetup, openLostCustomers } from '../../src/pipeline/plan-setup.js';
import { planOptions } from '../../src/cli/plan-options.js';
import { memoryContext } from '../support/memory-context.js';

const ROOT = resolve(import.meta.dirname, '../..');
const prices = { channelCosts: { visit: 120, phone: 8, letter: 2.5, email: 0.2 }, offers: [{ id: 'discount', incentiveCost: 40 }, { id: 'none', incentiveCost: 99 }] };

describe('approachCost', () => {
  it.each([
    ['a letter with a discount', { decision: 'win_back', channel: 'letter', offer_type: 'discount', p_winback: 0.25, discount: 1 }, { contact: 2.5, incentive: 10 }],
    ['a later contact, discounted as its value is', { decision: 'win_back', channel: 'letter', offer_type: 'discount', p_winback: 0.25, discount: 0.8 }, { contact: 2, incentive: 8 }],
    ['a plain approach without offer', { decision: 'win_back', channel: 'visit', offer_type: null, p_winback: 0.5, discount: 1 }, { contact: 120, incentive: 0 }],
    ['a playbook offer called none wins over the plain approach', { decision: 'win_back', channel: 'email', offer_type: 'none', p_winback: 0.5, discount: 1 }, { contact: 0.2, incentive: 49.5 }],
    ['an offer the playbook does not know', { decision: 'win_back', channel: 'letter', offer_type: 'upgrade', p_winback: 0.25, discount: 1 }, null],
    ['a customer who is not approached', { decision: 'let_go', channel: 'letter', offer_type: 'discount', p_winback: 0.25, discount: 1 }, null],
    ['a win_back customer without channel', { decision: 'win_back', channel: null, offer_type: 'discount', p_winback: 0.25, discount: 1 }, null],
    ['a win_back customer the model did not value', { decision: 'win_back', channel: 'letter', offer_type: 'discount', p_winback: 0.25, discount: null }, null],
  ] as const)('%s', (_name, facts, expected) => {
    expect(approachCost(facts, prices)).toEqual(expected);
  });

  it('gives no return on spend when nothing is spent', () => {
    expect(returnOnSpend(100, 0)).toBeNull();
    expect(returnOnSpend(300, 100)).toBe(3);
  });
});

describe.each(['en', 'de'])('the cost terms of the value model (%s fixture)', (lang) => {
  it('is the difference between the discounted gross increment and expected_value for every win_back customer', async () => {
    const ctx = memoryContext({ cwd: ROOT }).ctx;
    const loaded = await loadPlanSetup(ctx, planOptions(ctx, { asOf: '2026-11-23', lang }));
    const file = `fixtures/lost-customers-${lang}.csv`;
    const opened = await openLostCustomers(ctx, file, loaded);
    const { made: planned } = await planExport(ctx, file, loaded, opened, { order: 'input', start: (): PlannedCustomer[] => [], customer: (list, p) => void list.push(p) });
    const winBack = planned.filter((p) => p.value.decision === 'win_back');
    expect(winBack.length).toBeGreaterThan(20);
    let withIncentive = 0;
    let discounted = 0;
    let organic = 0;
    for (const p of planned) {
      const cost = planCostOf(p, loaded.setup.playbook);
      if (p.value.decision !== 'win_back') {
        expect(cost).toBeNull();
        continue;
      }
      const v = p.value as { p_winback: number; p_organic: number; discount: number; sltv: number; value_at_stake: number; expected_value: number };
      expect(cost, p.row.customer_id).not.toBeNull();
      const { contact, incentive } = cost as { contact: number; incentive: number };
      const organicValue = v.p_organic * v.value_at_stake;
      expect(v.expected_value, p.row.customer_id).toBeCloseTo(v.discount * (v.p_winback * v.sltv - organicValue) - (contact + incentive), 6);
      if (incentive > 0) withIncentive++;
      if (v.discount < 1) discounted++;
      if (organicValue > 0) organic++;
    }
    // Each term is exercised: an undiscounted cost or a missing organic value would break the sum above.
    expect(withIncentive).toBeGreaterThan(0);
    expect(discounted).toBeGreaterThan(0);
    expect(organic).toBeGreaterThan(0);
  });
});
