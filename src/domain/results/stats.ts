/**
 * Confidence intervals for regain rates and for the lift of a campaign over its control group
 * (docs/results.md, "Confidence interval"). Pure arithmetic.
 */

/** Two-sided 95 % normal quantile. */
export const Z_95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for a proportion x/n (Wilson 1927; Newcombe 1998, method 3);
 * null when n is 0. Unlike the Wald interval it stays inside [0, 1] and keeps its coverage
 * for rates near 0, which regain rates often are.
 */
export function wilsonInterval(x: number, n: number, z = Z_95): Interval | null {
  if (n <= 0) return null;
  const p = x / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** A difference of two proportions with its interval. */
export interface Lift extends Interval {
  /** p1 − p2 in absolute terms (0.05 = five percentage points) */
  difference: number;
  /** p1 / p2 − 1; null when p2 is 0 */
  relative: number | null;
  method: 'newcombe-wilson-hybrid';
}

/**
 * Interval for p1 − p2 by Newcombe's hybrid score method (Newcombe 1998, Stat. Med. 17:873,
 * method 10): the Wilson limits of each rate combined as
 * L = d − √((p1 − l1)² + (u2 − p2)²), U = d + √((u1 − p1)² + (p2 − l2)²).
 * Null when either group is empty.
 */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, z = Z_95): Lift | null {
  const w1 = wilsonInterval(x1, n1, z);
  const w2 = wilsonInterval(x2, n2, z);
  if (w1 === null || w2 === null) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const difference = p1 - p2;
  const low = difference - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2);
  const high = difference + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2);
  return { difference, low, high, relative: p2 > 0 ? p1 / p2 - 1 : null, method: 'newcombe-wilson-hybrid' };
}

/** An estimate with its 95 % interval. */
export interface Estimate extends Interval {
  value: number;
}

/**
 * Interval for the difference of two means, x̄1 − x̄2, from each group's sum and sum of
 * squares: the normal approximation with the unpooled (Welch) standard error
 * √(s1²/n1 + s2²/n2), the difference-in-means estimator of a randomised experiment (Gerber &
 * Green 2012, Field Experiments, eq. 3.6). Null unless each group has two members at least: a
 * group of one shows no spread, and an interval of width 0 would claim a certainty it lacks.
 */
export function meanDifference(g1: MeanInput, g2: MeanInput, z = Z_95): Estimate | null {
  if (g1.n < 2 || g2.n < 2) return null;
  const mean = (g: MeanInput) => g.sum / g.n;
  const variance = (g: MeanInput) => Math.max(g.varianceFloor ?? 0, (g.sumSquares - g.n * mean(g) ** 2) / (g.n - 1));
  const value = mean(g1) - mean(g2);
  const half = z * Math.sqrt(variance(g1) / g1.n + variance(g2) / g2.n);
  return { value, low: value - half, high: value + half };
}

/** A group's count, sum and sum of squares of one quantity per member. */
export interface MeanInput {
  n: number;
  sum: number;
  sumSquares: number;
  /** the least variance the group's mean is given (a small group whose members all agree shows no spread it really has) */
  varianceFloor?: number;
}
