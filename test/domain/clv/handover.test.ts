import { say } from '../../../src/domain/catalogue/index.js';
import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../../src/domain/clv/bgnbd.js';
import { customerLifetimeValue, DEFAULT_CLV_CONFIG, discountedPurchases, unitsPerMonth } from '../../../src/domain/clv/clv.js';
import { expectedSpend, fitGammaGamma } from '../../../src/domain/clv/gamma-gamma.js';
import { purchaseModelHandover, purchaseModelSecondLifetime, readPurchaseModelHandover, secondLifeRevenue } from '../../../src/domain/clv/handover.js';
import { bgNbdModel, paretoNbdModel } from '../../../src/domain/clv/purchase-model.js';
import { retentionCase } from '../../../src/domain/clv/retention.js';
import { cdnowPresent, column, readNumericCsv } from './support.js';

const present = cdnowPresent();
const units = unitsPerMonth('week');

describe.runIf(present)('the hand-over on CDNOW: one customer, one money', () => {
  const rows = present ? readNumericCsv('cdnow_customers_summary_with_transactions.csv') : [];
  const x = column(rows, 'x');
  const tX = column(rows, 't_x');
  const T = column(rows, 'T');
  const m = column(rows, 'zbar');
  const purchases = present ? bgNbdModel(fitBgNbd({ x, tX, T })) : undefined;
  const gg = present ? fitGammaGamma({ x, m }) : undefined;

  it('CLV = P(alive) × second-life revenue when both use the same horizon and discount', () => {
    const horizon = { horizonMonths: DEFAULT_CLV_CONFIG.horizonMonths, annualDiscountRate: Math.pow(1 + DEFAULT_CLV_CONFIG.monthlyDiscountRate, 12) - 1 };
    for (let i = 0; i < 200; i++) {
      const history = { x: x[i]!, tX: tX[i]!, T: T[i]! };
      const spend = expectedSpend(gg!, history.x, m[i]!);
      const h = purchaseModelHandover(purchases!, 'gamma-gamma', history, spend, horizon, units);
      const clv = customerLifetimeValue({ purchases: purchases!, gammaGamma: gg! }, { ...history, mbar: m[i]! }, DEFAULT_CLV_CONFIG, units);
      expect(h.pAlive * secondLifeRevenue(h)).toBeCloseTo(clv, 6);
      expect(h.discountedPurchasesHorizon).toBeLessThanOrEqual(h.expectedPurchasesHorizon);
      // the first year's purchases: part of the horizon's, and more than a third of them (the curve bends: drop-out)
      expect(h.discountedPurchasesYear).toBeLessThanOrEqual(h.discountedPurchasesHorizon);
      expect(h.discountedPurchasesYear).toBeGreaterThanOrEqual(h.discountedPurchasesHorizon / 3 - 1e-12);
    }
  });

  it('values the 22-purchase-days-in-33-days customer (ID 1901, P(alive) ≈ 0) by the model, and plan reads it back', () => {
    const i = rows.findIndex((r) => r.ID === 1901);
    const history = { x: x[i]!, tX: tX[i]!, T: T[i]! };
    expect(history.x).toBe(21);
    const h = purchaseModelHandover(purchases!, 'gamma-gamma', history, expectedSpend(gg!, history.x, m[i]!), { horizonMonths: 36, annualDiscountRate: 0.1 }, units);
    expect(h.pAlive).toBeLessThan(1e-4);
    const cells: Record<string, string> = {
      value_basis: 'purchase_model', model: h.model, p_alive: String(h.pAlive), expected_purchases_horizon: String(h.expectedPurchasesHorizon),
      discounted_purchases_horizon: String(h.discountedPurchasesHorizon), discounted_purchases_year: String(h.discountedPurchasesYear), expected_spend: String(h.expectedSpend), horizon_months: '36', annual_discount_rate: '0.1',
    };
    const read = readPurchaseModelHandover((c) => cells[c]);
    expect(read).toEqual(h);
    const second = purchaseModelSecondLifetime(h, 0.25, { horizonMonths: 36, annualDiscountRate: 0.1 });
    expect(second.value).toBeCloseTo(secondLifeRevenue(h) * 0.25, 9);
    expect(second.warnings).toEqual([]);
    // The run rate plan used to apply: first-life revenue spread over 33 days.
    expect(second.revenue).toBeLessThan(6552.7 / (33 / 30.44) * 36);
  });

  it('Pareto/NBD hands over through the same interface', () => {
    const h = purchaseModelHandover(paretoNbdModel({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }), 'gamma-gamma', { x: 2, tX: 30.43, T: 38.86 }, 30, { horizonMonths: 12, annualDiscountRate: 0.1 }, units);
    expect(h.model).toBe('pareto-nbd+gamma-gamma');
    expect(h.pAlive).toBeGreaterThan(0);
    expect(h.discountedPurchasesHorizon).toBeGreaterThan(0);
  });
});

describe('hand-over rows and the plan-side value', () => {
  const h = { model: 'bg-nbd+gamma-gamma', pAlive: 0.1, expectedPurchasesHorizon: 10, discountedPurchasesHorizon: 8, expectedSpend: 50, horizonMonths: 36, annualDiscountRate: 0.1 };

  it('is undefined for an ordinary lost customer and a problem for a broken row', () => {
    expect(readPurchaseModelHandover(() => undefined)).toBeUndefined();
    expect(readPurchaseModelHandover((c) => ({ value_basis: 'purchase_model', p_alive: '0.1' } as Record<string, string>)[c])).toHaveProperty('problem');
  });

  it('applies margin, the reason\'s margin factor and the offer\'s reduction, and warns on another horizon', () => {
    const r = purchaseModelSecondLifetime(h, 0.3, { horizonMonths: 36, annualDiscountRate: 0.1 }, { marginFactor: 0.8, marginReduction: 0.25 });
    expect(r.revenue).toBe(400);
    expect(r.value).toBeCloseTo(400 * 0.3 * 0.8 * 0.75, 12);
    // a lower rate for a 12-month term: the reduction on the first year's purchases only (3 of 8)
    const term = purchaseModelSecondLifetime({ ...h, discountedPurchasesYear: 3 }, 0.3, { horizonMonths: 36, annualDiscountRate: 0.1 }, { marginFactor: 0.8, marginReduction: 0.25, reductionMonths: 12 });
    expect(term.value).toBeCloseTo((8 - 0.25 * 3) * 50 * 0.3 * 0.8, 12);
    expect(term.reducedPurchases).toBe(3);
    const mismatch = purchaseModelSecondLifetime(h, 0.3, { horizonMonths: 24, annualDiscountRate: 0.1 }).warnings[0]!;
    expect(say('en', 'value', mismatch)).toMatch(/36 months at 10\.0 % a year, the value model uses 24 months/);
    expect(say('de', 'value', mismatch)).toMatch(/für 36 Monate zu 10,0 % im Jahr berechnet, das Wertmodell rechnet mit 24 Monaten/);
  });

  it('discounts purchases month by month', () => {
    expect(discountedPurchases((t) => t, 2, 0.1, 1)).toBeCloseTo(1 / 1.1 + 1 / 1.21, 12);
  });
});

describe('retention cases of core defectors', () => {
  it('asks what changed when P(alive) is below the defector threshold, reminds otherwise; value at risk = (1 − P(alive)) × CLV if alive', () => {
    const doubt = retentionCase({ x: 6, tX: 20, T: 39, pAlive: 0.4 }, 500, DEFAULT_CLV_CONFIG);
    expect(doubt.measure).toBe('personal_check_in');
    expect(doubt.valueAtRisk).toBeCloseTo(300, 12);
    const rhythm = retentionCase({ x: 10, tX: 20, T: 39, pAlive: 0.7 }, 500, DEFAULT_CLV_CONFIG);
    expect(rhythm.measure).toBe('reactivation_reminder');
    expect(rhythm.rateRatio).toBeCloseTo(2 / 19, 12);
    expect(rhythm.reason).toEqual({ key: 'retentionRhythm', args: [0.7, 2 / 19] });
    expect(say('en', 'clv', rhythm.reason)).toMatch(/9\.5 times the usual gap/);
    expect(say('de', 'clv', rhythm.reason)).toMatch(/9,5-mal der üblichen Pause/);
    expect(say('de', 'clv', doubt.reason)).toMatch(/^P\(aktiv\) 0,40 liegt unter 0,6: fragen/);
  });
});
