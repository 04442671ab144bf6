/**
 * plan --capacity customer by customer, over random books: the places chosen in a first pass
 * (pipeline/plan-budget.ts does the same over a file), then every customer planned again under
 * them. No channel carries more win-back customers than its places, nobody is planned on a
 * channel they may not be contacted on, no objector is approached, and every customer the places
 * kept from their best action is either on a lesser permitted one or let go, over capacity.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { budgetCandidate, selectWithinBudget } from '../../src/domain/budget/budget.js';
import { budgetChoice } from '../../src/domain/budget/choice.js';
import type { ChannelCaps } from '../../src/domain/budget/types.js';
import { planCustomer, type PlanSetup } from '../../src/domain/plan/plan.js';
import { CHANNELS } from '../../src/domain/playbook-types.js';
import { loadPlanSetup } from '../../src/pipeline/plan-setup.js';
import { planOptions } from '../../src/cli/plan-options.js';
import { memoryContext } from '../support/memory-context.js';
import { propertyRuns } from '../support/property.js';
import { lostCustomer } from '../support/random-customer.js';

let setup: PlanSetup;
beforeAll(async () => {
  setup = (await loadPlanSetup(memoryContext().ctx, planOptions(memoryContext().ctx, { asOf: '2026-11-23', lang: 'en' }))).setup;
});

const book = fc.uniqueArray(lostCustomer, { minLength: 1, maxLength: 25, selector: (r) => r.customer_id });
const caps: fc.Arbitrary<ChannelCaps> = fc.record({ visit: fc.nat(3), phone: fc.nat(4), letter: fc.nat(6), email: fc.nat(6) }, { requiredKeys: [] });

describe('plan --capacity, customer by customer', () => {
  it('fills no channel over its places, plans nobody on a channel without permission, approaches no objector', () => {
    fc.assert(
      fc.property(book, caps, fc.option(fc.integer({ min: 50, max: 2_000 }), { nil: undefined }), (rows, cap, amount) => {
        const first = rows.map((row) => planCustomer(row, setup));
        const threshold = setup.config.model.decisionThreshold;
        const candidates = first.filter((p) => p.value.decision === 'win_back' && p.value.expected_value !== null).map((p) => budgetCandidate(p.value, setup.playbook, threshold));
        const selection = selectWithinBudget(candidates, amount ?? Infinity, cap);
        const limited = { ...setup, budget: { amount: amount ?? Infinity, choice: budgetChoice(selection), caps: cap } };
        const plans = rows.map((row) => planCustomer(row, limited));
        for (const c of CHANNELS) {
          const n = plans.filter((p) => p.value.decision === 'win_back' && p.channel === c).length;
          if (cap[c] !== undefined) expect(n, c).toBeLessThanOrEqual(cap[c] as number);
        }
        plans.forEach((p, i) => {
          const before = first[i]!;
          if (p.value.decision === 'win_back') {
            expect(p.channel).not.toBeNull();
            expect(p.permission.blockAll).toBeUndefined();
            expect(p.permission.allowed[p.channel!], `${p.row.customer_id} on ${p.channel}`).toBe(true);
            // the action is one of the customer's own valued ones, never worth more than their best
            expect(before.value.offersConsidered.some((o) => o.offer_type === p.value.offer_type && o.channel === p.channel)).toBe(true);
            expect(p.value.expected_value!).toBeLessThanOrEqual(before.value.expected_value! + 1e-9);
          } else if (before.value.decision === 'win_back') {
            // left out: over capacity when the places kept them from their best action, else over budget
            expect(p.value.decision).toBe('let_go');
            expect(p.value.decisionReason).toMatch(selection.capacityBound.has(p.row.customer_id) ? /^over capacity: / : /^over budget: /);
          } else expect(p.value.decision).toBe(before.value.decision);
        });
      }),
      propertyRuns(60),
    );
  });
});
