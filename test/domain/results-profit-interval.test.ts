/**
 * The incremental profit's interval does not claim a certainty small groups lack: a control
 * group in which nobody came back shows no spread, yet its return rate is uncertain.
 */
import { describe, expect, it } from 'vitest';
import { incrementalProfitOf, type GroupKpi } from '../../src/domain/results/results.js';

function group(margins: number[], cost = 0): GroupKpi {
  const regained = margins.filter((m) => m > 0).length;
  const margin = margins.reduce((a, b) => a + b, 0);
  const marginSquares = margins.reduce((a, b) => a + b * b, 0);
  return { customers: margins.length, regained, rate: regained / margins.length, revenue: margin, margin, marginSquares, cost, profit: margin - cost, return: null, repeatChurn: 0, repeatChurnRate: null, windowOpen: 0 };
}

describe('the incremental profit interval', () => {
  it('stays wide where two controls came back neither: their return rate is not known to be 0', () => {
    const e = incrementalProfitOf(group([300, 0, 0, 0, 250, 0, 0, 0], 40), group([0, 0]));
    expect(e).not.toBeNull();
    const width = (e?.high as number) - (e?.low as number);
    // the contacted group's spread alone gave about ±1,070; the two controls' own uncertainty adds to it
    expect(width).toBeGreaterThan(2 * 1200);
    expect(e?.low).toBeLessThan(0);
  });

  it('gives none where nobody in either group came back: nothing tells what a return is worth', () => {
    expect(incrementalProfitOf(group([0, 0, 0, 0], 40), group([0, 0]))).toBeNull();
  });

  it("is the difference-in-means interval where the groups' returners bring different margins (a helper's case: 500 beside 400)", () => {
    const contacted = group(Array.from({ length: 2400 }, (_, i) => (i % 6 === 0 ? 500 : 0)));
    const control = group(Array.from({ length: 594 }, (_, i) => (i < 28 ? 400 : 0)));
    const e = incrementalProfitOf(contacted, control) as { value: number; low: number; high: number };
    const v = (g: GroupKpi) => (g.marginSquares - g.customers * (g.margin / g.customers) ** 2) / (g.customers - 1);
    const half = 1.959963984540054 * Math.sqrt(v(contacted) / 2400 + v(control) / 594) * 2400;
    expect(Math.abs(e.high - e.value - half) / half).toBeLessThan(0.02);
  });

  it('is the difference-in-means interval where the groups are large (the floor within 1 % of their spread)', () => {
    const margins = (n: number, every: number) => Array.from({ length: n }, (_, i) => (i % every === 0 ? 200 + (i % 7) * 10 : 0));
    const contacted = group(margins(2000, 5));
    const control = group(margins(1000, 20));
    const e = incrementalProfitOf(contacted, control) as { value: number; low: number; high: number };
    const v = (g: GroupKpi) => (g.marginSquares - g.customers * (g.margin / g.customers) ** 2) / (g.customers - 1);
    const half = 1.959963984540054 * Math.sqrt(v(contacted) / 2000 + v(control) / 1000) * 2000;
    expect(Math.abs(e.high - e.value - half) / half).toBeLessThan(0.01);
  });
});
