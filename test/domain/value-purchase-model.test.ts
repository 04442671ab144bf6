import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_MODEL_CONFIG as CONFIG } from '../../src/domain/defaults.js';
import type { ReasonEntry } from '../../src/domain/playbook-types.js';
import type { CustomerRow } from '../../src/domain/types.js';
import { evaluateCustomer } from '../../src/domain/value/decision.js';
import { purchaseModelHandoverOf, valueCustomer } from '../../src/domain/value/purchase-model.js';
import { reacquisitionProbability, firstLifetime } from '../../src/domain/value/value.js';
import type { EvaluateInput } from '../../src/domain/value/types.js';
import { propertyRuns } from '../support/property.js';
import type { OfferSpec } from '../../src/domain/playbook-types.js';
import { CHANNEL_COSTS, DECEASED, NO_OFFERS, OFFERS, PRICE, day, row } from './value-fixtures.js';

const AS_OF = day('2024-09-30');

/** A silent churner as `winback clv --lost-out` hands them over: no revenue, no margin, the model's figures. */
function churner(o: Partial<CustomerRow> = {}): CustomerRow {
  return row({
    revenue: undefined, margin: undefined, complaints: undefined, orders: 12,
    value_basis: 'purchase_model', p_alive: 0.02, expected_purchases_horizon: 9, discounted_purchases_horizon: 8, expected_spend: 50,
    horizon_months: 36, annual_discount_rate: 0.1, lost_threshold: 0.3, ...o,
  });
}

function value(r: CustomerRow, e: ReasonEntry = NO_OFFERS, over: Partial<EvaluateInput> = {}) {
  return valueCustomer({
    row: r, reasonCode: e.code, reasonConfidence: 1, entry: e, offers: OFFERS,
    channels: ['letter'], channelCosts: CHANNEL_COSTS, asOf: AS_OF, config: CONFIG, explain: true, ...over,
  });
}

describe('valueCustomer: the purchase-model hand-over', () => {
  it('leaves a row without a hand-over to the contract value model, unchanged', () => {
    const input = { row: row(), reasonCode: PRICE.code, reasonConfidence: 0.9, entry: PRICE, offers: OFFERS, channels: ['phone'] as const, channelCosts: CHANNEL_COSTS, asOf: AS_OF, config: CONFIG };
    expect(valueCustomer({ ...input, channels: ['phone'] })).toEqual(evaluateCustomer({ ...input, channels: ['phone'] }));
    expect(purchaseModelHandoverOf(row())).toBeUndefined();
  });

  it('values the second lifetime from the model: discounted purchases × spend × margin, no run rate', () => {
    const v = value(churner());
    // 8 discounted purchases × €50 × default margin 25 % × the reason's margin factor 1.
    expect(v.sltv).toBeCloseTo(8 * 50 * 0.25, 10);
    const p = reacquisitionProbability(NO_OFFERS.baseRate, firstLifetime(churner(), AS_OF, CONFIG), CONFIG.coefficients);
    expect(v.p_winback).toBeCloseTo(0.98 * p, 12);
    expect(v.expected_value).toBeCloseTo(0.98 * p * 100 - CHANNEL_COSTS.letter, 10);
    expect(v.value_at_stake).toBeCloseTo(0.98 * 100, 10);
    expect(v.decision).toBe('win_back');
    expect(v.decisionReason).toMatch(/^expected value €\d+(?:\.\d\d)? > threshold €0\.00 \(purchase model, P\(alive\) 0\.02\)$/);
    expect(v.warnings).toEqual(['margin missing: default 25 % used']);
    expect(v.firstLifetime.marginSource).toBe('default');
  });

  it('uses the row\'s margin percentage and the offer\'s margin reduction and incentive', () => {
    const e: ReasonEntry = { ...PRICE, offers: ['discount'], marginFactor: 0.8 };
    const v = value(churner({ margin: { kind: 'percent', value: 40 } }), e);
    const sltv = 8 * 50 * 0.4 * 0.8 * (1 - 0.15);
    expect(v.sltv).toBeCloseTo(sltv, 10);
    // An alive customer takes the €20 incentive too.
    expect(v.expected_value).toBeCloseTo((v.p_winback as number) * (sltv - 20) - 0.02 * 20 - CHANNEL_COSTS.letter, 10);
    expect(v.warnings).toEqual([]);
  });

  it.each([
    ['alive per the model', churner({ p_alive: 0.45 }), NO_OFFERS, 'let_go', /^alive per the purchase model \(P\(alive\) 0\.45 ≥ lost threshold 0\.30\): still buying, not lost — no win-back$/],
    ['alive against the default threshold when the hand-over has none', churner({ p_alive: 0.3, lost_threshold: undefined }), NO_OFFERS, 'let_go', /lost threshold 0\.30/],
    ['a single purchase under BG/NBD', churner({ p_alive: 1, orders: 1 }), NO_OFFERS, 'let_go', /after a single purchase BG\/NBD cannot tell/],
    ['worth less than the letter', churner({ discounted_purchases_horizon: 0.1 }), NO_OFFERS, 'let_go', /^expected value -?€\d+(?:\.\d\d)? ≤ threshold €0\.00 \(purchase model/],
    ['a broken hand-over', churner({ expected_spend: undefined }), NO_OFFERS, 'review', /missing data: expected_spend '' is not a number/],
    ['a final reason', churner(), DECEASED, 'never', /final reason \(deceased\)/],
    ['zero margin', churner({ margin: { kind: 'percent', value: 0 } }), NO_OFFERS, 'let_go', /margin ≤ 0/],
    ['no churn date', churner({ churn_date: undefined }), NO_OFFERS, 'review', /no churn date/],
  ] as const)('%s → %s', (_name, r, e, decision, reason) => {
    const v = value(r, e);
    expect(v.decision).toBe(decision);
    expect(v.decisionReason).toMatch(reason);
  });

  it('says no_channel, not win_back, when no channel may be used', () => {
    const v = value(churner(), NO_OFFERS, { unpermitted: true });
    expect(v.decision).toBe('no_channel');
    expect(v.channel).toBeNull();
    expect(v.offersConsidered).toEqual([]);
  });

  it('warns when the hand-over was made for another horizon than the value model\'s', () => {
    expect(value(churner({ horizon_months: 12 })).warnings.join(' ')).toMatch(/computed for 12 months .* the value model uses 36 months/);
  });

  it('explains with the numbers it decided on', () => {
    const v = value(churner());
    const step = (label: RegExp) => v.explainSteps.find((s) => label.test(s.label))?.value;
    expect(step(/^sltv$/)).toBe(v.sltv);
    expect(step(/^expected value$/)).toBe(v.expected_value);
    expect(step(/^p_winback/)).toBe(v.p_winback);
    expect(step(/^P\(alive\)/)).toBe(0.02);
  });

  it('gives a lower rate for a term on the purchases of that term only, as for contract customers', () => {
    const renewal = { ...(OFFERS[0] as OfferSpec), id: 'renewal', marginReduction: 0.2, marginReductionMonths: 12, incentiveCost: 0 };
    const e: ReasonEntry = { ...PRICE, offers: ['renewal'] };
    const offers = [...OFFERS, renewal];
    // 8 discounted purchases over 36 months, 3.5 of them in the first year: the 20 % off 3.5 purchases, not 8.
    const v = value(churner({ discounted_purchases_year: 3.5 }), e, { offers });
    expect(v.sltv).toBeCloseTo((8 - 0.2 * 3.5) * 50 * 0.25, 10);
    const formula = v.explainSteps.find((s) => s.label === 'sltv')?.formula;
    expect(formula).toBe('(8 − 0.2 × 3.5) × 50 × 0.25 × 1');
    // a term of 24 months: the first year's 3.5 and half of the remaining 4.5 purchases
    const longer = value(churner({ discounted_purchases_year: 3.5 }), e, { offers: [...OFFERS, { ...renewal, marginReductionMonths: 24 }] });
    expect(longer.sltv).toBeCloseTo((8 - 0.2 * (3.5 + 4.5 / 2)) * 50 * 0.25, 10);
    // a hand-over without the first year's purchases (an older clv): the reduction over the whole horizon
    expect(value(churner(), e, { offers }).sltv).toBeCloseTo(8 * 0.8 * 50 * 0.25, 10);
    // a lasting discount takes the reduction on every purchase, year figure or not
    expect(value(churner({ discounted_purchases_year: 3.5 }), { ...PRICE, offers: ['discount'] }).sltv).toBeCloseTo(8 * 0.85 * 50 * 0.25, 10);
  });

  it('never values an offer more for a longer term of its price cut', () => {
    fc.assert(fc.property(
      fc.double({ min: 0, max: 200, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }),
      (purchases, yearShare, a, b, reduction) => {
        const [short, long] = a <= b ? [a, b] : [b, a];
        const at = (months: number) => {
          const renewal = { ...(OFFERS[0] as OfferSpec), id: 'renewal', marginReduction: reduction, marginReductionMonths: months };
          return value(churner({ discounted_purchases_horizon: purchases, discounted_purchases_year: purchases * yearShare }), { ...PRICE, offers: ['renewal'] }, { offers: [...OFFERS, renewal] });
        };
        const s = at(short);
        const l = at(long);
        expect(l.sltv as number).toBeLessThanOrEqual((s.sltv as number) + 1e-9);
        expect(l.expected_value as number).toBeLessThanOrEqual((s.expected_value as number) + 1e-9);
        // never below the lasting cut, never above no cut
        expect(l.sltv as number).toBeGreaterThanOrEqual(purchases * 50 * 0.25 * (1 - reduction) - 1e-9);
        expect(s.sltv as number).toBeLessThanOrEqual(purchases * 50 * 0.25 + 1e-9);
      },
    ), propertyRuns(100));
  });

  it('never contacts a customer more likely alive than the threshold, and a higher P(alive) never raises the value', () => {
    fc.assert(fc.property(
      fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 200, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }),
      (a, b, purchases, spend) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const at = (p: number) => value(churner({ p_alive: p, discounted_purchases_horizon: purchases, expected_spend: spend }), PRICE);
        const low = at(lo);
        const high = at(hi);
        expect(high.expected_value as number).toBeLessThanOrEqual((low.expected_value as number) + 1e-9);
        if (hi >= 0.3) expect(high.decision).toBe('let_go');
        expect(high.p_winback as number).toBeGreaterThanOrEqual(0);
        expect(high.p_winback as number).toBeLessThanOrEqual(1);
      },
    ), propertyRuns(50));
  });
});
