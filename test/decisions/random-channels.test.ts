/**
 * campaign --test-channels over random customers: a drawn channel is always one the permission
 * verdict allows and the plan valued, never one without consent, never an objector's; the
 * ledger measure carries the mark, and the draw keeps the plan's priority.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { planCustomer, type PlanSetup } from '../../src/domain/plan/plan.js';
import { loadPlanSetup } from '../../src/pipeline/plan-setup.js';
import { planOptions } from '../../src/cli/plan-options.js';
import { createProjection, type CampaignProjectionOptions, type CampaignRecord } from '../../src/commands/campaign/project.js';
import { unpack } from '../../src/domain/record-codec.js';
import { PLAIN_CSV } from '../../src/io/csv/write.js';
import type { Channel } from '../../src/domain/playbook-types.js';
import { memoryContext } from '../support/memory-context.js';
import { propertyRuns } from '../support/property.js';
import { lostCustomer as customer } from '../support/random-customer.js';

let setup: PlanSetup;
beforeAll(async () => {
  setup = (await loadPlanSetup(memoryContext().ctx, planOptions(memoryContext().ctx, { asOf: '2026-11-23', lang: 'en' }))).setup;
});

function projection(testChannels: number, testOffers = 0) {
  const o: CampaignProjectionOptions = {
    rules: { asOf: setup.asOf, periodEnd: setup.asOf + 366, campaignId: 'test', permission: setup.config.permission, campaign: setup.config.campaign, holdout: 0.1, testOffers, testChannels, lang: 'en' },
    fmt: PLAIN_CSV,
  };
  return createProjection(o, setup);
}

/** The listed channel and ledger measure of a projected customer; undefined when not listed. */
function listed(record: CampaignRecord): { channel: Channel; measure: string } | undefined {
  const fields = unpack(record[4]);
  return fields[0] === 'L' ? { channel: fields[1] as Channel, measure: fields[4] as string } : undefined;
}

describe('campaign --test-channels', () => {
  it('draws only a channel the customer may be contacted on and the plan valued; never lists an objector', () => {
    const project = projection(1, 0.5);
    fc.assert(
      fc.property(customer, (row) => {
        const p = planCustomer(row, setup);
        const out = listed(project(p) as CampaignRecord);
        if (out === undefined) return;
        expect(p.permission.blockAll).toBeUndefined();
        expect(p.value.decision).toBe('win_back');
        expect(p.permission.allowed[out.channel], `${row.customer_id} on ${out.channel}`).toBe(true);
        expect(p.value.offersConsidered.some((o) => o.channel === out.channel)).toBe(true);
        // share 1: every listed win-back customer's channel was drawn, and the ledger says so
        expect(out.measure.endsWith(':random-channel')).toBe(true);
      }),
      propertyRuns(100),
    );
  });

  it('draws other channels than the plan\'s for some, keeps the plan\'s priority, and leaves everyone outside the share as planned', () => {
    const all = projection(1);
    const none = projection(0);
    const half = projection(0.5);
    const customers = fc.sample(customer, { numRuns: 300, seed: 7 }).map((row) => planCustomer(row, setup));
    let moved = 0, drawn = 0, kept = 0;
    for (const p of customers) {
      const a = all(p) as CampaignRecord;
      const plain = none(p) as CampaignRecord;
      const h = half(p) as CampaignRecord;
      // rank, key and tie of the priority order are the plan's, drawn channel or not
      expect(a.slice(0, 3)).toEqual(plain.slice(0, 3));
      const [x, y, z] = [listed(a), listed(plain), listed(h)];
      expect(x === undefined).toBe(y === undefined);
      if (x === undefined || y === undefined || z === undefined) continue;
      if (x.channel !== y.channel) moved++;
      expect(y.measure.includes('random-channel')).toBe(false);
      if (z.measure.endsWith(':random-channel')) {
        drawn++;
        expect(z.channel).toBe(x.channel);
      } else {
        kept++;
        expect(z).toEqual(y);
      }
    }
    expect(moved).toBeGreaterThan(0);
    expect(drawn).toBeGreaterThan(0);
    expect(kept).toBeGreaterThan(0);
  });
});
