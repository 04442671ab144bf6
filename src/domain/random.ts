/**
 * Deterministic randomness for the pure domain: a seeded PRNG and a stable string hash.
 * Anything random in winback (synthetic data, holdout splits, control groups) goes through
 * here so that the same seed or id always gives the same result.
 */

import { hashUnit } from './hash.js';

/** A function returning uniform numbers in [0, 1). */
export type Random = () => number;

/** mulberry32: a small, fast 32-bit seeded PRNG; good enough for simulation, not for crypto. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Stable uniform number in [0, 1) for an id and a salt: the same customer always lands in the
 * same bucket (calibration holdout) across runs. Built on the project's one string hash.
 */
export function hashToUnit(id: string, salt = ''): number {
  return hashUnit(`${salt}\u0000${id}`);
}

/** Standard normal draw (Box–Muller) from a uniform source. */
export function normalDraw(random: Random): number {
  const u = 1 - random(); // (0, 1], so the log is finite
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
