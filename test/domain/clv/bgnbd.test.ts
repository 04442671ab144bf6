import { describe, expect, it } from 'vitest';
import {
  bgNbdLogLikelihood,
  expectedPurchases,
  expectedPurchasesNew,
  fitBgNbd,
  pAlive,
  probabilityOfPurchases,
} from '../../../src/domain/clv/bgnbd.js';
import { cdnowPresent, column, readNumericCsv } from './support.js';

const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const present = cdnowPresent();

describe.runIf(present)('BG/NBD on the CDNOW sample (FHL 2005, sec. 7)', () => {
  const rows = present ? readNumericCsv('cdnow_customers_summary.csv') : [];
  const data = { x: column(rows, 'frequency'), tX: column(rows, 'recency'), T: column(rows, 'T') };

  it('recovers the published parameters to three significant digits and LL −9582.4', () => {
    const fit = fitBgNbd(data);
    expect(fit.converged).toBe(true);
    expect(fit.n).toBe(2357);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Number(fit[key].toPrecision(3))).toBeCloseTo(Number(published[key].toPrecision(3)), 10);
    }
    expect(fit.logLikelihood).toBeCloseTo(-9582.42556, 3);
    expect(Object.isFrozen(fit)).toBe(true);
  });

  it('reaches the same optimum with derivative-free Nelder–Mead', () => {
    const fit = fitBgNbd(data, { method: 'nelder-mead' });
    const reference = fitBgNbd(data);
    expect(fit.converged).toBe(true);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(fit[key] / reference[key]).toBeCloseTo(1, 4);
    expect(fit.logLikelihood).toBeCloseTo(-9582.42556, 3);
  });

  it('gives the log-likelihood at the rounded published parameters', () => {
    expect(bgNbdLogLikelihood(published, data)).toBeCloseTo(-9582.42683, 3);
  });

  it('matches the reference conditional expectations and P(alive)', () => {
    const fit = fitBgNbd(data);
    expect(expectedPurchases(fit, 39, 2, 30.43, 38.86)).toBeCloseTo(1.22591, 4);
    expect(pAlive(fit, 2, 30.43, 38.86)).toBeCloseTo(0.72661, 4);
    expect(pAlive(fit, 7, 29.43, 38.86)).toBeCloseTo(0.6418, 4);
    expect(expectedPurchases(fit, 39, 7, 29.43, 38.86)).toBeCloseTo(3.3372, 3);
    const ranking: [number, number, number, number][] = [
      [18, 35.14, 35.86, 0.424877],
      [19, 34.0, 34.14, 0.474738],
      [17, 28.43, 28.86, 0.486526],
      [29, 37.71, 38.0, 0.662396],
      [26, 30.86, 31.0, 0.710623],
    ];
    for (const [x, tX, T, expected] of ranking) expect(expectedPurchases(fit, 1, x, tX, T)).toBeCloseTo(expected, 5);
    let total = 0;
    for (let i = 0; i < data.x.length; i++) total += expectedPurchases(fit, 39, data.x[i]!, data.tX[i]!, data.T[i]!);
    expect(total).toBeCloseTo(1653.42, 1);
  });

  it('matches the unconditional expectations E[X(t)] (FHL 2005 eq. 7)', () => {
    const fit = fitBgNbd(data);
    const cases: [number, number][] = [[0.1429, 0.0078], [1, 0.0532], [3, 0.1506], [31.8571, 1.0405], [32, 1.0437], [78, 1.858]];
    for (const [t, expected] of cases) expect(expectedPurchasesNew(fit, t)).toBeCloseTo(expected, 4);
  });
});

describe('BG/NBD closed forms at fixed parameters', () => {
  it('reproduces P(X(t)=n) from R BTYD', () => {
    expect(probabilityOfPurchases(published, 2, 10)).toBeCloseTo(1.07869e-7, 12);
    expect(probabilityOfPurchases(published, 39, 0)).toBeCloseTo(0.5737864, 7);
    const expected = [0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638, 0.0005517902,
      0.0004361913, 0.0003467171, 0.0002769613, 0.000222226];
    expected.forEach((p, k) => expect(probabilityOfPurchases(published, 30, 11 + k)).toBeCloseTo(p, 10));
  });

  it('refuses degenerate data with a plain sentence', () => {
    const ones = { x: new Float64Array(50), tX: new Float64Array(50), T: new Float64Array(50).fill(10) };
    expect(() => fitBgNbd(ones)).toThrow(/bought only once/);
    const few = { x: Float64Array.from([1, 2]), tX: Float64Array.from([3, 4]), T: Float64Array.from([5, 6]) };
    expect(() => fitBgNbd(few)).toThrow(/too few customers/);
    const bad = { x: Float64Array.from([1]), tX: Float64Array.from([7]), T: Float64Array.from([5]) };
    expect(() => fitBgNbd(bad)).toThrow(/row 1: recency must lie between 0 and T/);
    const negative = { x: Float64Array.from([0]), tX: Float64Array.from([0]), T: Float64Array.from([-1]) };
    expect(() => fitBgNbd(negative)).toThrow(/T \(customer age\) must be a number ≥ 0/);
  });

  it('says a customer without repeat purchases is alive', () => {
    expect(pAlive(published, 0, 0, 30)).toBe(1);
  });
});
