import { say } from '../../../src/domain/catalogue/index.js';
import { describe, expect, it } from 'vitest';
import {
  expectedSpend,
  fitGammaGamma,
  frequencySpendCorrelation,
  gammaGammaLogLikelihood,
  spendCorrelationWarning,
} from '../../../src/domain/clv/gamma-gamma.js';
import { cdnowPresent, column, readNumericCsv } from './support.js';

const present = cdnowPresent();

describe.runIf(present)('Gamma-Gamma on the CDNOW sample (Fader & Hardie 2013)', () => {
  const rows = present ? readNumericCsv('cdnow_customers_summary_with_transactions.csv') : [];
  const data = { x: column(rows, 'x'), m: column(rows, 'zbar') };

  it('recovers p≈6.25, q≈3.74, v≈15.44 from the 946 repeat customers', () => {
    const fit = fitGammaGamma(data);
    expect(fit.converged).toBe(true);
    expect(fit.n).toBe(946);
    expect(fit.p).toBeCloseTo(6.25, 2);
    expect(fit.q).toBeCloseTo(3.74, 2);
    expect(fit.v).toBeCloseTo(15.44, 1);
    expect(fit.logLikelihood).toBeCloseTo(-4055.9232, 3);
    expect(fit.correlation).toBeCloseTo(0.113884, 5);
    expect(fit.warnings).toEqual([]);
  });

  it('gives the log-likelihood at the rounded parameters', () => {
    expect(gammaGammaLogLikelihood({ p: 6.25, q: 3.74, v: 15.44 }, data)).toBeCloseTo(-4055.9247, 3);
  });

  it('reproduces the conditional expected spend of the first ten customers', () => {
    const fit = fitGammaGamma(data);
    const expected = [24.658619, 18.911489, 35.170981, 35.170981, 35.170981, 71.462843, 18.911489, 35.170981, 27.282408, 35.170981];
    expected.forEach((e, i) => expect(expectedSpend(fit, data.x[i]!, data.m[i]!)).toBeCloseTo(e, 4));
    let total = 0;
    for (let i = 0; i < data.x.length; i++) total += expectedSpend(fit, data.x[i]!, data.m[i]!);
    expect(total / data.x.length).toBeCloseTo(35.25296, 4);
  });
});

describe('Gamma-Gamma helpers', () => {
  it('warns only when the correlation exceeds the threshold', () => {
    expect(spendCorrelationWarning(0.11, 0.3)).toBeUndefined();
    expect(say('en', 'clvFit', spendCorrelationWarning(-0.5, 0.3)!)).toMatch(/correlated \(Pearson -0\.500, above 0\.3\)/);
    expect(say('de', 'clvFit', spendCorrelationWarning(-0.5, 0.3)!)).toMatch(/hängen zusammen \(Pearson -0,500, über 0,3\)/);
  });

  it('measures the correlation over repeat customers only', () => {
    const x = Float64Array.from([0, 1, 2, 3]);
    const m = Float64Array.from([0, 10, 20, 30]);
    expect(frequencySpendCorrelation({ x, m })).toBeCloseTo(1, 12);
  });

  it('rejects too few repeat customers and non-positive spend', () => {
    expect(() => fitGammaGamma({ x: Float64Array.from([1, 0]), m: Float64Array.from([5, 0]) })).toThrow(/too few/);
    expect(() => fitGammaGamma({ x: Float64Array.from([1]), m: Float64Array.from([0]) })).toThrow(/must be positive/);
  });

  it('uses the population mean p·v/(q−1) for customers without repeat purchases', () => {
    expect(expectedSpend({ p: 6, q: 4, v: 15 }, 0, 0)).toBeCloseTo(30, 12);
    expect(expectedSpend({ p: 6, q: 0.5, v: 15 }, 0, 0)).toBe(Infinity);
  });
});

describe('degenerate spend', () => {
  it('refuses at once, with a plain reason, when every customer spends the same', () => {
    const x = Float64Array.from({ length: 50 }, (_, i) => 1 + (i % 4));
    const m = new Float64Array(50).fill(50);
    expect(() => fitGammaGamma({ x, m })).toThrow(/same for every customer/);
  });
});
