import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedPurchases, expectedPurchasesNew, fitBgNbd, pAlive } from '../../../src/domain/clv/bgnbd.js';
import {
  customerLifetimeValue,
  DEFAULT_CLV_CONFIG,
  lifecyclePhase,
  purchaseRateRatio,
  unitsPerMonth,
  validateClvConfig,
  valueCustomer,
} from '../../../src/domain/clv/clv.js';
import { fitGammaGamma } from '../../../src/domain/clv/gamma-gamma.js';
import { bgNbdModel } from '../../../src/domain/clv/purchase-model.js';
import { cdnowPresent, column, readNumericCsv } from './support.js';

const present = cdnowPresent();

describe.runIf(present)('CLV on the CDNOW sample', () => {
  const rows = present ? readNumericCsv('cdnow_customers_summary_with_transactions.csv') : [];
  const x = column(rows, 'x');
  const tX = column(rows, 't_x');
  const T = column(rows, 'T');
  const m = column(rows, 'zbar');
  const bgNbd = present ? fitBgNbd({ x, tX, T }) : undefined;
  const models = present ? { purchases: bgNbdModel(bgNbd!), gammaGamma: fitGammaGamma({ x, m }) } : undefined;
  const config = { ...DEFAULT_CLV_CONFIG, horizonMonths: 12, monthlyDiscountRate: 0.01 };
  const clvOf = (i: number, unitsInMonth: number) =>
    customerLifetimeValue(models!, { x: x[i]!, tX: tX[i]!, T: T[i]!, mbar: m[i]! }, config, unitsInMonth);

  it('reproduces the lifetimes Quickstart example, whose "month" is 30 units (here weeks)', () => {
    const expected = [140.096211, 18.943467, 38.180574, 38.180574, 38.180574, 1003.868107, 28.109683, 38.180574, 167.418216, 38.180574];
    expected.forEach((e, i) => expect(Math.abs(clvOf(i, 30) / e - 1)).toBeLessThan(1e-6));
  });

  it('gives the REFERENCE.md figures for a real month of 4.345 weeks', () => {
    const expected = [36.2785, 4.6375, 8.3441, 8.3441, 8.3441, 283.5236, 6.8814, 8.3441, 43.3536, 8.3441];
    expected.forEach((e, i) => expect(clvOf(i, 4.345)).toBeCloseTo(e, 3));
    expect(unitsPerMonth('week')).toBeCloseTo(4.348, 3);
  });

  it('puts every customer in exactly one phase and ranks active heavy buyers as core', () => {
    const phases = rows.map((_, i) => valueCustomer(models!, { x: x[i]!, tX: tX[i]!, T: T[i]!, mbar: m[i]! }, DEFAULT_CLV_CONFIG, unitsPerMonth('week')).phase);
    expect(new Set(phases).size).toBeGreaterThan(3);
    // ID 157 (x 29, tX 37.71, T 38.00) bought recently and often.
    expect(lifecyclePhase({ x: 29, tX: 37.71, T: 38, pAlive: pAlive(bgNbd!, 29, 37.71, 38) }, DEFAULT_CLV_CONFIG, 4.348)).toBe('core');
  });
});

describe('lifecycle phases', () => {
  const c = DEFAULT_CLV_CONFIG;
  const u = 4.348; // weeks per month
  it.each([
    [{ x: undefined, tX: 0, T: 0, pAlive: 1 }, 'prospect'],
    [{ x: 0, tX: 0, T: 20, pAlive: 1 }, 'first_time_buyer'],
    [{ x: 0, tX: 0, T: 60, pAlive: 1 }, 'lost'],
    [{ x: 1, tX: 5, T: 20, pAlive: 0.2 }, 'lost'],
    [{ x: 2, tX: 15, T: 20, pAlive: 0.8 }, 'early_repeat'],
    [{ x: 10, tX: 30, T: 31, pAlive: 0.95 }, 'core'],
    [{ x: 10, tX: 30, T: 31, pAlive: 0.5 }, 'core_defector'],
    [{ x: 10, tX: 20, T: 30, pAlive: 0.9 }, 'core_defector'],
  ] as const)('%o is %s', (input, phase) => {
    expect(lifecyclePhase(input, c, u)).toBe(phase);
  });

  it('measures the purchase-rate ratio against the usual gap', () => {
    expect(purchaseRateRatio(10, 20, 21)).toBe(1);
    expect(purchaseRateRatio(10, 20, 26)).toBeCloseTo(2 / 6, 12);
    expect(purchaseRateRatio(0, 0, 30)).toBe(1);
  });

  it('validates its config', () => {
    expect(validateClvConfig(DEFAULT_CLV_CONFIG)).toEqual([]);
    expect(validateClvConfig({ ...DEFAULT_CLV_CONFIG, lostThreshold: 1.5, horizonMonths: 2.5 })).toHaveLength(3);
  });
});

const params = fc.record({
  r: fc.double({ min: 0.05, max: 5, noNaN: true }),
  alpha: fc.double({ min: 0.1, max: 50, noNaN: true }),
  a: fc.double({ min: 0.05, max: 5, noNaN: true }),
  b: fc.double({ min: 0.05, max: 10, noNaN: true }),
});
const history = fc
  .record({ x: fc.integer({ min: 0, max: 60 }), T: fc.double({ min: 0.1, max: 100, noNaN: true }), share: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ x, T, share }) => ({ x, T, tX: x === 0 ? 0 : share * T }));

describe('model invariants (property tests)', () => {
  it('P(alive) lies in [0, 1]', () => {
    fc.assert(fc.property(params, history, (p, h) => {
      const v = pAlive(p, h.x, h.tX, h.T);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }));
  });

  it('expected purchases are non-negative and grow with the horizon', () => {
    fc.assert(fc.property(params, history, fc.double({ min: 0, max: 150, noNaN: true }), fc.double({ min: 0.01, max: 50, noNaN: true }), (p, h, t, dt) => {
      const e1 = expectedPurchases(p, t, h.x, h.tX, h.T);
      const e2 = expectedPurchases(p, t + dt, h.x, h.tX, h.T);
      expect(Number.isFinite(e1) && Number.isFinite(e2)).toBe(true);
      expect(e1).toBeGreaterThanOrEqual(-1e-9);
      expect(e2).toBeGreaterThanOrEqual(e1 - 1e-9 * Math.max(1, e1));
      const n1 = expectedPurchasesNew(p, t);
      expect(expectedPurchasesNew(p, t + dt)).toBeGreaterThanOrEqual(n1 - 1e-9 * Math.max(1, n1));
    }));
  });

  it('CLV is non-negative and does not fall when the horizon grows', () => {
    fc.assert(fc.property(params, history, fc.integer({ min: 0, max: 24 }), (p, h, months) => {
      const models = { purchases: bgNbdModel(p), gammaGamma: { p: 6, q: 4, v: 15 } };
      const customer = { ...h, mbar: 30 };
      const shorter = customerLifetimeValue(models, customer, { ...DEFAULT_CLV_CONFIG, horizonMonths: months }, 4.348);
      const longer = customerLifetimeValue(models, customer, { ...DEFAULT_CLV_CONFIG, horizonMonths: months + 1 }, 4.348);
      expect(shorter).toBeGreaterThanOrEqual(-1e-9);
      expect(longer).toBeGreaterThanOrEqual(shorter - 1e-9 * Math.max(1, shorter));
    }));
  });
});
