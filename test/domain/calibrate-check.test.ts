/**
 * calibrateChecked (docs/model.md, section 7a): a learned part is written only when its gain
 * over the defaults on the held-out control and randomised customers clears the rule — the
 * largest lower bound, above 0; otherwise the model written is the defaults. Issue 18: calibrate
 * never writes a model that decides worse than the defaults on its holdout.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrateChecked } from '../../src/domain/calibrate/check.js';
import type { HistoryRow } from '../../src/domain/calibrate/calibrate.js';
import { CONTROL_ARM, type HoldoutAttempt } from '../../src/domain/calibrate/compare.js';
import { DEFAULT_MODEL_CONFIG } from '../../src/domain/defaults.js';
import type { Playbook } from '../../src/domain/playbook-types.js';
import { mulberry32 } from '../../src/domain/random.js';
import type { CustomerRow } from '../../src/domain/types.js';
import { loadPlaybook } from '../../src/io/playbook-file.js';

const CONTACT = 20_400; // an epoch day in 2025
const OFFERS = ['discount', 'bundle', 'upgrade', 'renewal'];

let playbook: Playbook;
beforeAll(async () => {
  playbook = (await loadPlaybook()).playbook;
});

/**
 * A season of price quitters: a fifth held out as control, the rest contacted by letter with a
 * randomised offer. `p(arm)` is the true chance of a return on each arm.
 */
function season(seed: number, n: number, p: (arm: string) => number): { rows: HistoryRow[]; arms: HoldoutAttempt[] } {
  const random = mulberry32(seed);
  const rows: HistoryRow[] = [];
  const arms: HoldoutAttempt[] = [];
  for (let i = 0; i < n; i++) {
    const id = `S${seed}-${i}`;
    const arm = i % 5 === 0 ? CONTROL_ARM : (OFFERS[i % OFFERS.length] as string);
    const wonBack = random() < p(arm);
    const tenure = 6 + Math.floor(random() * 60);
    const customer: CustomerRow = {
      line: i + 2, customer_id: id, segment: 'B2C', street: 'Hauptstr. 1', postal_code: '10115', city: 'Berlin',
      customer_since: CONTACT - 60 - Math.round(tenure * 30.44), churn_date: CONTACT - 60, orders: 2 + (i % 7), complaints: 0,
      revenue: tenure * (30 + 200 * random()), margin: { kind: 'percent', value: 30 }, reason: 'Price too high', reason_code: 'price', warnings: [],
    };
    const offer = playbook.offers.find((o) => o.id === arm);
    rows.push({
      customer_id: id, reasonCode: 'price', behaviour: { tenureMonths: tenure, orders: customer.orders as number, complaints: 0, monthsSinceChurn: 2 }, wonBack,
      ...(arm === CONTROL_ARM ? { control: true } : { offerId: arm, offerOddsFactor: offer?.reacquisitionOddsFactor ?? 1, randomised: true }),
    });
    arms.push({ customer, reasonCode: 'price', contactDay: CONTACT, channel: 'letter', arm, wonBack });
  }
  return { rows, arms };
}

/** The rule itself: the written parts are the candidate with the largest lower bound above 0, else none. */
function expectRule(result: ReturnType<typeof calibrateChecked>) {
  const { comparison, model } = result;
  const passing = comparison.candidates.filter((c) => c.lowerBound > 0);
  if (passing.length === 0) {
    expect(comparison.accepted).toEqual([]);
    // the defaults: no learned rates, the config's weights, no organic rates, no offer effects
    expect(model.parts).toEqual([]);
    expect(model.baseRates).toEqual({});
    expect(model.coefficients).toEqual(DEFAULT_MODEL_CONFIG.coefficients);
    expect(model.organicRates).toBeUndefined();
    expect(model.offerEffects).toBeUndefined();
  } else {
    const best = passing.reduce((a, b) => (b.lowerBound > a.lowerBound ? b : a));
    expect(comparison.accepted).toEqual(best.parts);
    expect(model.parts).toEqual(best.parts);
  }
}

describe('calibrateChecked: never a model that decides worse than the defaults on the holdout', () => {
  it('writes the defaults when the history says nothing the playbook does not (every offer answers alike)', () => {
    const { rows, arms } = season(11, 2500, (arm) => (arm === CONTROL_ARM ? 0.03 : 0.2));
    const result = calibrateChecked(rows, arms, playbook, DEFAULT_MODEL_CONFIG);
    expect(result.comparison.cases).toBe(2500);
    expect(result.comparison.control).toBe(500);
    expectRule(result);
    // offers that answer alike cannot be learned to decide better than the playbook's order
    expect(result.comparison.accepted).not.toContain('offers');
  });

  it('writes the learned offer effects when the randomised offers show, beyond their noise, that one offer wins far more', () => {
    const { rows, arms } = season(12, 2500, (arm) => (arm === CONTROL_ARM ? 0.03 : arm === 'renewal' ? 0.6 : 0.05));
    const result = calibrateChecked(rows, arms, playbook, DEFAULT_MODEL_CONFIG);
    expectRule(result);
    expect(result.comparison.accepted).toContain('offers');
    expect(result.model.offerEffects?.price?.renewal?.factor).toBeGreaterThan(3);
  });
});
