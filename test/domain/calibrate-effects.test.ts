import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logOddsShift, offerEffectsOf, organicRatesOf, type Observation } from '../../src/domain/calibrate/effects.js';
import { calibrateModel, isHoldoutCustomer, type HistoryRow } from '../../src/domain/calibrate/calibrate.js';
import { DEFAULT_MODEL_CONFIG as CONFIG } from '../../src/domain/defaults.js';
import { mulberry32 } from '../../src/domain/random.js';
import { logit, sigmoid } from '../../src/domain/value/value.js';
import { propertyRuns } from '../support/property.js';

describe('logOddsShift: the MAP shift of a log-odds prediction', () => {
  it('is 0 without data, moves towards the data and never beyond the maximum-likelihood shift', () => {
    expect(logOddsShift([])).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: -3, max: 1, noNaN: true }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 200 }), (offset, n, k) => {
        const wins = Math.min(k, n);
        const obs: Observation[] = Array.from({ length: n }, (_, i) => ({ offset, y: i < wins ? 1 : 0 }));
        const delta = logOddsShift(obs);
        const observed = wins / n;
        // the shifted prediction lies between the prior prediction and the observed rate
        const p = sigmoid(offset + delta);
        const lo = Math.min(sigmoid(offset), observed) - 1e-9;
        const hi = Math.max(sigmoid(offset), observed) + 1e-9;
        expect(p).toBeGreaterThanOrEqual(lo);
        expect(p).toBeLessThanOrEqual(hi);
      }),
      propertyRuns(100),
    );
  });

  it('a tighter prior shifts less', () => {
    const obs: Observation[] = Array.from({ length: 40 }, (_, i) => ({ offset: logit(0.1), y: i < 12 ? 1 : 0 }));
    expect(logOddsShift(obs, 0.2)).toBeLessThan(logOddsShift(obs, 0.5));
    expect(logOddsShift(obs, 0.5)).toBeGreaterThan(0);
  });
});

const COEFFICIENTS = CONFIG.coefficients;

describe('organicRatesOf: the organic return per reason from the control group', () => {
  it('stays at the playbook rate without returns to speak of, and finds a higher one where many come back', () => {
    const rand = mulberry32(7);
    const controls = [
      ...Array.from({ length: 2000 }, () => ({ reasonCode: 'price', behaviour: {}, wonBack: rand() < 0.12 })),
      ...Array.from({ length: 3 }, () => ({ reasonCode: 'quality', behaviour: {}, wonBack: false })),
      { reasonCode: 'not_in_playbook', behaviour: {}, wonBack: true },
    ];
    const rates = organicRatesOf(controls, new Map([['price', 0.03], ['quality', 0.01]]), COEFFICIENTS);
    expect(Object.keys(rates)).toEqual(['price', 'quality']);
    expect(rates.price!.rate).toBeGreaterThan(0.1);
    expect(rates.price!.rate).toBeLessThan(0.14);
    expect(rates.price).toMatchObject({ prior: 0.03, cases: 2000 });
    expect(rates.quality!.rate).toBeGreaterThan(0.005);
    expect(rates.quality!.rate).toBeLessThanOrEqual(0.01);
  });
});

describe('offerEffectsOf: offer effects from randomised contacts', () => {
  it('recovers the true odds ratio between two offers from enough randomised data, shrunk where data is thin', () => {
    const rand = mulberry32(11);
    const base = logit(0.15);
    // the playbook says both offers are equal (1.5); the truth: the second doubles the odds
    const rows = Array.from({ length: 6000 }, (_, i) => {
      const offerId = i % 2 === 0 ? 'discount' : 'renewal';
      const trueLogOdds = base + Math.log(1.5) + (offerId === 'renewal' ? Math.log(2) : 0);
      return { reasonCode: 'price', offerId, offset: base + Math.log(1.5), wonBack: rand() < sigmoid(trueLogOdds) };
    });
    const effects = offerEffectsOf([...rows, { reasonCode: 'price', offerId: 'unknown_offer', offset: 0, wonBack: true }], (id) => (id === 'unknown_offer' ? undefined : 1.5));
    expect(Object.keys(effects.price!)).toEqual(['discount', 'renewal']);
    expect(effects.price!.renewal!.factor / effects.price!.discount!.factor).toBeGreaterThan(1.7);
    expect(effects.price!.renewal!.factor / effects.price!.discount!.factor).toBeLessThan(2.3);
    const thin = offerEffectsOf(rows.slice(0, 10), () => 1.5);
    for (const e of Object.values(thin.price!)) expect(Math.abs(Math.log(e.factor / 1.5))).toBeLessThan(0.5);
  });
});

describe('calibrateModel with control rows and randomised contacts', () => {
  const playbook = {
    reasons: [{ code: 'price' as const, baseRate: 0.3, organicRate: 0.03 }],
    offers: [{ id: 'discount', reacquisitionOddsFactor: 1.6 }, { id: 'renewal', reacquisitionOddsFactor: 1.5 }],
  };
  const rand = mulberry32(5);
  const rows: HistoryRow[] = Array.from({ length: 3000 }, (_, i) => {
    const control = i % 5 === 0;
    const offerId = i % 2 === 0 ? 'discount' : 'renewal';
    const p = control ? 0.08 : offerId === 'renewal' ? 0.3 : 0.15;
    return {
      customer_id: `C${i}`, reasonCode: 'price', behaviour: {}, wonBack: rand() < p,
      ...(control ? { control: true } : { offerId, offerOddsFactor: offerId === 'renewal' ? 1.5 : 1.6, randomised: i % 3 === 0 }),
    };
  });
  const model = calibrateModel(rows, playbook, CONFIG, { allRows: true });

  it('fits the response on contacted rows only and learns the organic return from the control rows', () => {
    expect(model.fit.trainCases + model.fit.holdoutCases).toBe(rows.filter((r) => !r.control).length);
    expect(model.fit.controlCases).toBe(600);
    expect(model.organicRates?.price?.rate).toBeGreaterThan(0.05);
    expect(model.organicRates?.price?.cases).toBe(600);
  });

  it('learns offer effects from the randomised contacts only', () => {
    expect(model.fit.randomisedCases).toBe(rows.filter((r) => r.randomised).length);
    const e = model.offerEffects?.price;
    expect((e?.renewal?.cases ?? 0) + (e?.discount?.cases ?? 0)).toBe(model.fit.randomisedCases);
    expect(e!.renewal!.factor).toBeGreaterThan(e!.discount!.factor);
  });

  it('learns the organic return and offer effects from the training customers only while the holdout is kept out', () => {
    const split = calibrateModel(rows, playbook, CONFIG);
    const train = rows.filter((r) => !isHoldoutCustomer(r.customer_id, CONFIG));
    expect(train.length).toBeLessThan(rows.length);
    expect(split.organicRates?.price?.cases).toBe(train.filter((r) => r.control).length);
    const e = split.offerEffects?.price;
    expect((e?.renewal?.cases ?? 0) + (e?.discount?.cases ?? 0)).toBe(train.filter((r) => r.randomised).length);
  });

  it('carries only the parts asked for: without the response, the playbook\'s rates and the config\'s weights', () => {
    const organic = calibrateModel(rows, playbook, CONFIG, { parts: ['organic'] });
    expect(organic.parts).toEqual(['organic']);
    expect(organic.baseRates).toEqual({});
    expect(organic.coefficients).toEqual(CONFIG.coefficients);
    expect(organic.offerEffects).toBeUndefined();
    expect(organic.organicRates?.price?.rate).toBeGreaterThan(0.05);
    const none = calibrateModel(rows, playbook, CONFIG, { parts: [] });
    expect(none.parts).toEqual([]);
    expect(none.organicRates).toBeUndefined();
    expect(none.fit.trainCases).toBeGreaterThan(0);
  });

  it('writes neither without control rows or randomised contacts', () => {
    const plain = calibrateModel(rows.filter((r) => !r.control).map(({ randomised: _r, ...r }) => r), playbook, CONFIG);
    expect(plain.organicRates).toBeUndefined();
    expect(plain.offerEffects).toBeUndefined();
  });
});
