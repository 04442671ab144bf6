import { describe, expect, it } from 'vitest';
import { bootstrapModels, clvIntervals, poissonDraw, quantileSorted } from '../../../src/domain/clv/bootstrap.js';
import { DEFAULT_CLV_CONFIG } from '../../../src/domain/clv/clv.js';
import { fitModels, valueCustomerAt, type CustomerTable } from '../../../src/domain/clv/fit-models.js';
import { simulateBgNbd, simulateSpend } from '../../../src/domain/clv/simulate.js';
import { mulberry32 } from '../../../src/domain/random.js';

const truth = { r: 0.5, alpha: 5, a: 0.8, b: 3, p: 6, q: 4, v: 15 };

/** n customers of ages 26–52 weeks (times in whole days) drawn from the true parameters. */
function simulatedTable(n: number, seed: number): CustomerTable {
  const random = mulberry32(seed);
  const T = Float64Array.from({ length: n }, () => Math.round((26 + random() * 26) * 7) / 7);
  const sim = simulateBgNbd(truth, T, random);
  const tX = sim.tX.map((v) => Math.round(v * 7) / 7);
  const m = simulateSpend(truth, sim.x, random);
  const nan = () => new Float64Array(n).fill(NaN);
  return { ids: Array.from({ length: n }, (_, i) => String(i)), x: sim.x, tX, T, m, firstDay: nan(), lastDay: nan(), total: nan(), holdout: nan(), hasSpend: true };
}

describe('bootstrap intervals', () => {
  it('cover the true parameters of simulated data at about their nominal 90 % (40 data sets × 7 parameters)', () => {
    const covered: Record<string, number> = {};
    const sets = 40;
    for (let d = 0; d < sets; d++) {
      const table = simulatedTable(600, 1000 + d);
      const boot = bootstrapModels(fitModels(table), table, 40, 0.9, mulberry32(d));
      expect(boot.failed).toBe(0);
      for (const iv of [...boot.purchase, ...boot.spend]) {
        const value = truth[iv.name as keyof typeof truth];
        if (iv.low <= value && value <= iv.high) covered[iv.name] = (covered[iv.name] ?? 0) + 1;
      }
    }
    const rates = Object.values(covered).map((c) => c / sets);
    expect(Object.keys(covered).sort()).toEqual(['a', 'alpha', 'b', 'p', 'q', 'r', 'v']);
    // 40 sets: one rate's binomial standard error is 0.047; percentile intervals run a little short in small samples.
    for (const rate of rates) expect(rate).toBeGreaterThanOrEqual(0.75);
    const overall = rates.reduce((s, r) => s + r, 0) / rates.length;
    expect(overall).toBeGreaterThanOrEqual(0.8);
    expect(overall).toBeLessThanOrEqual(0.97);
  }, 120_000);

  it('gives each customer a CLV interval around the point value', () => {
    const table = simulatedTable(800, 7);
    const models = fitModels(table);
    const boot = bootstrapModels(models, table, 60, 0.9, mulberry32(3));
    const { low, high } = clvIntervals(boot, table, DEFAULT_CLV_CONFIG, 4.348);
    let inside = 0;
    for (let i = 0; i < table.x.length; i++) {
      const clv = valueCustomerAt(models, table, i, DEFAULT_CLV_CONFIG, 4.348).clv as number;
      expect(low[i]).toBeLessThanOrEqual(high[i]!);
      if (low[i]! <= clv * (1 + 1e-9) && clv <= high[i]! * (1 + 1e-9)) inside++;
    }
    expect(inside / table.x.length).toBeGreaterThan(0.95);
  }, 60_000);

  it('draws Poisson weights with mean and variance λ', () => {
    const random = mulberry32(5);
    for (const lambda of [1, 4, 50]) {
      const draws = Array.from({ length: 20_000 }, () => poissonDraw(lambda, random));
      const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
      const variance = draws.reduce((s, v) => s + (v - mean) ** 2, 0) / draws.length;
      expect(mean).toBeCloseTo(lambda, lambda < 10 ? 1 : 0);
      expect(variance / lambda).toBeGreaterThan(0.93);
      expect(variance / lambda).toBeLessThan(1.07);
    }
    expect(poissonDraw(0, random)).toBe(0);
  });

  it('interpolates quantiles between order statistics', () => {
    expect(quantileSorted([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantileSorted([1, 2, 3, 4, 5], 0.05)).toBeCloseTo(1.2, 12);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});
