import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_MODEL_CONFIG as CONFIG } from '../../src/domain/defaults.js';
import type { Channel, RetentionMeasureSpec } from '../../src/domain/playbook-types.js';
import type { CustomerRow } from '../../src/domain/types.js';
import { valueCustomer } from '../../src/domain/value/purchase-model.js';
import { isDrifting, valueRetentionMeasure } from '../../src/domain/value/retention.js';
import type { EvaluateInput, RetentionOption } from '../../src/domain/value/types.js';
import { propertyRuns } from '../support/property.js';
import { CHANNEL_COSTS, DECEASED, NO_OFFERS, OFFERS, day, row } from './value-fixtures.js';

const AS_OF = day('2024-09-30');

const text = (en: string) => ({ en, de: `${en} (de)` });

function measure(o: Partial<RetentionMeasureSpec> = {}): RetentionMeasureSpec {
  return {
    id: 'check_in', label: text('Check-in'), measure: text('Ask what changed'), angle: text('Is all well?'),
    channels: ['phone', 'letter'], keepRate: 0.2, incentiveCost: 0, marginReduction: 0, timing: { afterDays: 0, windowDays: 14 }, ...o,
  };
}

/** A core defector as `winback clv --lost-out` hands them over. */
function defector(o: Partial<CustomerRow> = {}): CustomerRow {
  return row({
    revenue: undefined, margin: { kind: 'percent', value: 40 }, complaints: undefined, orders: 12, phase: 'core_defector',
    value_basis: 'purchase_model', p_alive: 0.6, expected_purchases_horizon: 9, discounted_purchases_horizon: 8, expected_spend: 50,
    horizon_months: 36, annual_discount_rate: 0.1, lost_threshold: 0.3, ...o,
  });
}

function options(measures: RetentionMeasureSpec[], allowed: readonly Channel[] = ['phone', 'letter', 'email']): RetentionOption[] {
  return measures.map((m) => ({ measure: m, channels: m.channels.filter((c) => allowed.includes(c)) }));
}

function value(r: CustomerRow, retention: RetentionOption[], over: Partial<EvaluateInput> = {}) {
  return valueCustomer({
    row: r, reasonCode: 'unknown', reasonConfidence: 1, entry: NO_OFFERS, offers: OFFERS,
    channels: ['letter'], channelCosts: CHANNEL_COSTS, asOf: AS_OF, config: CONFIG, explain: true, retention, ...over,
  });
}

describe('the retention track', () => {
  it('values keeping a drifting customer over the drift: (1 − P(alive)) × q × V − cost', () => {
    const v = value(defector(), options([measure()]));
    // V = 8 discounted purchases × €50 × 40 % margin = €160; on a letter (response 1) q = keepRate.
    const V = 160;
    expect(v.track).toBe('retention');
    expect(v.p_winback).toBeCloseTo(0.4 * 0.2, 12);
    expect(v.value_at_stake).toBeCloseTo(0.4 * V, 10);
    // A phone call costs €15, a letter €3: same keep chance without a channel response, so the letter wins.
    expect(v.channel).toBe('letter');
    expect(v.expected_value).toBeCloseTo(0.4 * 0.2 * V - CHANNEL_COSTS.letter, 10);
    expect(v.decision).toBe('win_back');
    expect(v.decisionReason).toMatch(/^retention: expected value €9\.80 > threshold €0\.00 \(alive but drifting, P\(alive\) 0\.60\)$/);
    expect(v.offer_type).toBe('check_in');
    expect(v.retention?.id).toBe('check_in');
    expect(v.explainSteps.at(-2)?.value).toBeCloseTo(v.expected_value as number, 10);
  });

  it('charges the give-away to everyone kept, the living included', () => {
    const bonus = measure({ id: 'bonus', keepRate: 0.3, incentiveCost: 5, marginReduction: 0.1 });
    const v = value(defector(), options([bonus]), { channelResponse: { phone: 1.5 } });
    const V = 160;
    const q = 0.3;
    const kept = 0.6 + 0.4 * q;
    expect(v.expected_value).toBeCloseTo(kept * (V * 0.9 - 5) - 0.6 * V - CHANNEL_COSTS.letter, 10);
    // Phone: the channel response moves the odds, as for win-back offers.
    const phone = v.offersConsidered.find((o) => o.channel === 'phone');
    const qPhone = (0.3 * 1.5) / (1 - 0.3 + 0.3 * 1.5);
    expect(phone?.p_winback).toBeCloseTo(0.4 * qPhone, 12);
  });

  it.each([
    ['worth nothing: the incentive eats the gain', measure({ keepRate: 0.01, incentiveCost: 50 }), ['letter'], 'let_go', /^retention not worth it: expected value -€\d+(?:\.\d\d)? ≤ threshold €0\.00/],
    ['no permitted channel', measure({ channels: ['email'] }), ['letter'], 'no_channel', /^retention worth it \(€\d+(?:\.\d\d)? by email\), but no channel may be used$/],
  ] as const)('%s', (_name, m, allowed, decision, reason) => {
    const v = value(defector(), options([m], allowed));
    expect(v.track).toBe('retention');
    expect(v.decision).toBe(decision);
    expect(v.decisionReason).toMatch(reason);
  });

  it('without a permitted channel, is valued on the channels the customer could be reached at, else on all the measure has', () => {
    const both = measure({ channels: ['phone', 'letter'], keepRate: 0.5 });
    // A number, no address: the value is told by phone (not by the cheaper letter they cannot be sent).
    const byPhone = value(defector(), [{ measure: both, channels: [], reachable: ['phone'] }]);
    expect(byPhone.decision).toBe('no_channel');
    expect(byPhone.decisionReason).toMatch(/^retention worth it \(€\d+(?:\.\d\d)? by phone\), but no channel may be used$/);
    const anywhere = value(defector(), [{ measure: both, channels: [], reachable: [] }]);
    expect(anywhere.decisionReason).toMatch(/ by letter\), but no channel may be used$/);
  });

  it('picks the measure with the highest expected value, in the playbook order on ties', () => {
    const weak = measure({ id: 'reminder', label: text('Reminder'), keepRate: 0.05, channels: ['email'] });
    const strong = measure({ id: 'check_in', keepRate: 0.3, channels: ['phone'] });
    const v = value(defector(), options([weak, strong]));
    expect(v.offer_type).toBe('check_in');
    // The measures by their labels in the run's language, as the win-back offers are named.
    expect(v.offerReason).toMatch(/^Check-in: highest expected value \(€\d+ vs Reminder €\d+\)$/);
    const tie = value(defector(), options([measure({ id: 'a' }), measure({ id: 'b' })]));
    expect(tie.offer_type).toBe('a');
  });

  it('a final reason is never contacted on either track', () => {
    const v = value(defector(), options([measure()]), { entry: DECEASED, reasonCode: 'deceased' });
    expect(v).toMatchObject({ track: 'retention', decision: 'never', channel: null, expected_value: 0 });
  });

  it('the lost, a hand-over without a phase and a playbook without retention stay on the win-back track', () => {
    expect(isDrifting(defector(), { pAlive: 0.6, lostThreshold: 0.3 } as never)).toBe(true);
    const lost = value(defector({ p_alive: 0.1, phase: 'lost' }), options([measure()]));
    expect(lost.track).toBeUndefined();
    // A core defector under the threshold (another threshold than clv's) is lost: win-back.
    expect(value(defector({ p_alive: 0.2 }), options([measure()])).track).toBeUndefined();
    const noPhase = value(defector({ phase: undefined }), options([measure()]));
    expect(noPhase).toMatchObject({ decision: 'let_go' });
    expect(noPhase.track).toBeUndefined();
    expect(value(defector(), []).decisionReason).toMatch(/^alive per the purchase model/);
  });

  it('never approaches a customer whose contact is worth ≤ 0, and the added chance stays within 1 − P(alive)', () => {
    fc.assert(fc.property(
      fc.double({ min: 0.3, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 60, noNaN: true }), fc.constantFrom<Channel>('phone', 'letter', 'email'),
      (pAlive, keepRate, incentiveCost, marginReduction, purchases, channel) => {
        const m = measure({ keepRate, incentiveCost, marginReduction, channels: [channel] });
        const v = value(defector({ p_alive: pAlive, discounted_purchases_horizon: purchases }), options([m]));
        expect(v.track).toBe('retention');
        if (v.decision === 'win_back') expect(Number((v.expected_value as number).toFixed(2))).toBeGreaterThan(0);
        expect(v.p_winback as number).toBeLessThanOrEqual(1 - pAlive + 1e-12);
        expect(v.p_winback as number).toBeGreaterThanOrEqual(0);
      },
    ), propertyRuns(100));
  });

  it('gives a reduction with a term on the term\'s purchases only, as offers do (marginReductionMonths)', () => {
    // 8 discounted purchases over 36 months, 3 of them in the first year: a one-month bonus falls on 3/12 of them
    const h = { model: 'bg-nbd', pAlive: 0.5, expectedPurchasesHorizon: 9, discountedPurchasesHorizon: 8, discountedPurchasesYear: 3, expectedSpend: 50, horizonMonths: 36, annualDiscountRate: 0.1 };
    const bonus = measure({ marginReduction: 0.1, incentiveCost: 5 });
    const whole = valueRetentionMeasure(h, 160, bonus, 'letter', 3);
    const month = valueRetentionMeasure(h, 160, { ...bonus, marginReductionMonths: 1 }, 'letter', 3);
    expect(whole.valueKept).toBeCloseTo(160 * 0.9, 10);
    expect(month.valueKept).toBeCloseTo(160 - 0.1 * 50 * 0.4 * (3 / 12), 10);
    expect(month.ev - whole.ev).toBeCloseTo(month.q === whole.q ? (0.5 + 0.5 * whole.q) * (month.valueKept - whole.valueKept) : NaN, 10);
    // a term as long as the horizon, or a hand-over without the year's figure, is the reduction throughout
    expect(valueRetentionMeasure(h, 160, { ...bonus, marginReductionMonths: 36 }, 'letter', 3).valueKept).toBeCloseTo(whole.valueKept, 10);
    const older = { model: 'bg-nbd', pAlive: 0.5, expectedPurchasesHorizon: 9, discountedPurchasesHorizon: 8, expectedSpend: 50, horizonMonths: 36, annualDiscountRate: 0.1 };
    expect(valueRetentionMeasure(older, 160, { ...bonus, marginReductionMonths: 1 }, 'letter', 3).valueKept).toBeCloseTo(whole.valueKept, 10);
    // explain shows the same value kept
    const v = value(defector({ discounted_purchases_year: 3 }), options([{ ...bonus, marginReductionMonths: 1 }]));
    expect(v.sltv).toBeCloseTo(month.valueKept, 10);
    expect(v.explainSteps.find((x) => x.value === v.expected_value)?.formula).toContain('× 0.25 / 8)');
  });

  it('a longer term never raises a retention measure\'s value', () => {
    fc.assert(fc.property(
      fc.double({ min: 0, max: 8, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 48 }), fc.integer({ min: 0, max: 48 }), fc.double({ min: 0, max: 1e4, noNaN: true }),
      (year, reduction, months, more, valueIfAlive) => {
        const h = { model: 'bg-nbd', pAlive: 0.5, expectedPurchasesHorizon: 9, discountedPurchasesHorizon: 8, discountedPurchasesYear: year, expectedSpend: 50, horizonMonths: 36, annualDiscountRate: 0.1 };
        const m = measure({ marginReduction: reduction, incentiveCost: 5 });
        const shorter = valueRetentionMeasure(h, valueIfAlive, { ...m, marginReductionMonths: months }, 'letter', 3).ev;
        const longer = valueRetentionMeasure(h, valueIfAlive, { ...m, marginReductionMonths: months + more }, 'letter', 3).ev;
        const whole = valueRetentionMeasure(h, valueIfAlive, m, 'letter', 3).ev;
        return longer <= shorter + 1e-9 * Math.max(1, Math.abs(shorter)) && whole <= longer + 1e-9 * Math.max(1, Math.abs(longer));
      }), propertyRuns(100));
  });

  it('a measure that keeps more is worth more, other things equal', () => {
    const h = { model: 'bg-nbd', pAlive: 0.5, expectedPurchasesHorizon: 9, discountedPurchasesHorizon: 8, expectedSpend: 50, horizonMonths: 36, annualDiscountRate: 0.1 };
    fc.assert(fc.property(fc.double({ min: 0, max: 0.99, noNaN: true }), fc.double({ min: 0.001, max: 0.5, noNaN: true }), (k, dk) => {
      const lo = valueRetentionMeasure(h, 160, measure({ keepRate: k }), 'letter', 3);
      const hi = valueRetentionMeasure(h, 160, measure({ keepRate: Math.min(1, k + dk) }), 'letter', 3);
      expect(hi.ev).toBeGreaterThan(lo.ev);
    }), propertyRuns(50));
  });
});
