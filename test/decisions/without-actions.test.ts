/**
 * A plan without its table of every offer × channel (PlanSetup.withoutActions, what the engine
 * sets for plan.csv, campaign lists and reports) is the same plan: only offersConsidered is
 * left empty. The table, where it is made, holds the chosen action with the result's figures.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { planCustomer, type PlanSetup } from '../../src/domain/plan/plan.js';
import { loadPlanSetup } from '../../src/pipeline/plan-setup.js';
import { planOptions } from '../../src/cli/plan-options.js';
import { memoryContext } from '../support/memory-context.js';
import { propertyRuns } from '../support/property.js';
import { lostCustomer } from '../support/random-customer.js';

const RUNS = propertyRuns(200);

let setup: PlanSetup;
beforeAll(async () => {
  setup = (await loadPlanSetup(memoryContext().ctx, planOptions(memoryContext().ctx, { asOf: '2026-11-23', lang: 'en' }))).setup;
});

describe('a plan without the table of actions', () => {
  it('is the same plan with offersConsidered left empty', () => {
    fc.assert(
      fc.property(lostCustomer, fc.boolean(), (row, defaultMargin) => {
        const r = defaultMargin ? { ...row, margin: undefined } : row;
        const full = planCustomer(r, setup);
        const lean = planCustomer(r, { ...setup, withoutActions: true });
        expect(lean.value.offersConsidered).toEqual([]);
        expect({ ...lean, value: { ...lean.value, offersConsidered: full.value.offersConsidered } }).toEqual(full);
        // The table holds the action chosen, with the result's figures, where one was chosen on a permitted channel.
        if (full.value.offersConsidered.length > 0 && full.value.channel !== null && full.value.expected_value !== null) {
          const chosen = full.value.offersConsidered.find((o) => o.offer_type === full.value.offer_type && o.channel === full.value.channel);
          expect(chosen).toEqual({ offer_type: full.value.offer_type, channel: full.value.channel, p_winback: full.value.p_winback, sltv: full.value.sltv, expected_value: full.value.expected_value });
        }
      }),
      RUNS,
    );
  });
});
