/**
 * Synthetic customers drawn from known BG/NBD and Gamma-Gamma parameters, for tests and the
 * benchmark: fitting them back must recover the parameters. Randomness is injected (seeded).
 */
import { normalDraw, type Random } from '../random.js';
import type { BgNbdParams } from './bgnbd.js';
import type { RfmColumns } from './columns.js';
import type { GammaGammaParams } from './gamma-gamma.js';

/** Gamma(shape, rate) draw (Marsaglia–Tsang; shape < 1 by the U^(1/shape) boost). */
export function gammaDraw(shape: number, rate: number, random: Random): number {
  if (shape < 1) return gammaDraw(shape + 1, rate, random) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normalDraw(random);
    const v = Math.pow(1 + c * z, 3);
    if (v <= 0) continue;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

/** Beta(a, b) draw from two gamma draws. */
export function betaDraw(a: number, b: number, random: Random): number {
  const g = gammaDraw(a, 1, random);
  return g / (g + gammaDraw(b, 1, random));
}

/**
 * Repeat frequency and recency of customers with the given ages T under BG/NBD (FHL 2005 sec. 3):
 * Poisson purchases at rate λ ~ Gamma(r, alpha); after each repeat purchase, drop-out with p ~ Beta(a, b).
 */
export function simulateBgNbd(params: BgNbdParams, T: Float64Array, random: Random): RfmColumns {
  const x = new Float64Array(T.length);
  const tX = new Float64Array(T.length);
  for (let i = 0; i < T.length; i++) {
    const lambda = gammaDraw(params.r, params.alpha, random);
    const p = betaDraw(params.a, params.b, random);
    let t = 0;
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (t > (T[i] as number)) break;
      x[i] = (x[i] as number) + 1;
      tX[i] = t;
      if (random() < p) break;
    }
  }
  return { x, tX, T };
}

/** Mean repeat spend per customer under Gamma-Gamma: ν ~ Gamma(q, v), each value ~ Gamma(p, ν); 0 when x = 0. */
export function simulateSpend(params: GammaGammaParams, x: Float64Array, random: Random): Float64Array {
  return x.map((xi) => {
    if (xi === 0) return 0;
    const nu = gammaDraw(params.q, params.v, random);
    return gammaDraw(params.p * xi, nu, random) / xi;
  });
}
