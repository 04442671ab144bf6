import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../../src/domain/clv/bgnbd.js';
import { fitGammaGamma } from '../../../src/domain/clv/gamma-gamma.js';
import { simulateBgNbd, simulateSpend } from '../../../src/domain/clv/simulate.js';
import { mulberry32 } from '../../../src/domain/random.js';

// Tolerance stated in docs/clv.md: with 50,000 simulated customers every BG/NBD parameter is
// recovered within 10 % (r, alpha) and 20 % (a, b), and every Gamma-Gamma parameter within 15 %.
const truthBg = { r: 0.5, alpha: 5, a: 0.8, b: 3 };
const truthGg = { p: 6, q: 4, v: 15 };

function simulate(seed: number, customers: number) {
  const random = mulberry32(seed);
  const T = Float64Array.from({ length: customers }, () => 20 + 32 * random());
  const rfm = simulateBgNbd(truthBg, T, random);
  return { rfm, m: simulateSpend(truthGg, rfm.x, random) };
}

const within = (value: number, truth: number, relative: number) => Math.abs(value / truth - 1) <= relative;

describe('fitting synthetic data drawn from known parameters', () => {
  it.each([1, 2, 3])('recovers BG/NBD and Gamma-Gamma parameters (seed %i)', (seed) => {
    const { rfm, m } = simulate(seed, 50_000);
    const bg = fitBgNbd(rfm);
    expect(bg.converged).toBe(true);
    expect(within(bg.r, truthBg.r, 0.1)).toBe(true);
    expect(within(bg.alpha, truthBg.alpha, 0.1)).toBe(true);
    expect(within(bg.a, truthBg.a, 0.2)).toBe(true);
    expect(within(bg.b, truthBg.b, 0.2)).toBe(true);
    const gg = fitGammaGamma({ x: rfm.x, m });
    expect(gg.converged).toBe(true);
    expect(within(gg.p, truthGg.p, 0.15)).toBe(true);
    expect(within(gg.q, truthGg.q, 0.15)).toBe(true);
    expect(within(gg.v, truthGg.v, 0.15)).toBe(true);
  });

  it('gives the same fit for aggregated weights as for repeated rows', () => {
    const { rfm } = simulate(7, 2000);
    const doubled = {
      x: Float64Array.from([...rfm.x, ...rfm.x]),
      tX: Float64Array.from([...rfm.tX, ...rfm.tX]),
      T: Float64Array.from([...rfm.T, ...rfm.T]),
    };
    const weighted = { ...rfm, weights: new Float64Array(rfm.x.length).fill(2) };
    const a = fitBgNbd(doubled);
    const b = fitBgNbd(weighted);
    expect(b.rows).toBe(a.rows);
    expect(b.logLikelihood).toBeCloseTo(a.logLikelihood, 6);
    expect(b.r).toBeCloseTo(a.r, 6);
  });
});
