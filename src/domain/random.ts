/**
 * Deterministic randomness for the pure domain: a seeded PRNG and a stable string hash.
 * Anything random in winback (synthetic data, holdout splits, control groups) goes through
 * here so that the same seed or id always gives the same result.
 */

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

/** FNV-1a 32-bit hash of a string (UTF-16 code units), as an unsigned integer. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Stable uniform number in [0, 1) for an id and a salt: the same customer always lands in the
 * same bucket (holdout, control group) across runs. The hash is mixed once more because FNV's
 * low bits alone are weak for ids that differ only in the last character.
 */
export function hashToUnit(id: string, salt = ''): number {
  let h = fnv1a32(`${salt}\u0000${id}`);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Standard normal draw (Box–Muller) from a uniform source. */
export function normalDraw(random: Random): number {
  const u = 1 - random(); // (0, 1], so the log is finite
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
