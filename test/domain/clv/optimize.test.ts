import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_EVALUATIONS, minimize, minimizeBfgs, minimizeNelderMead, numericGradient } from '../../../src/domain/clv/optimize.js';

const rosenbrock = ([x, y]: readonly number[]) => (1 - x!) ** 2 + 100 * (y! - x! * x!) ** 2;
const quadratic = (v: readonly number[]) => v.reduce((s, vi, i) => s + (i + 1) * (vi - i) ** 2, 0);

describe('minimisers', () => {
  it('finds the Rosenbrock minimum with BFGS and a numeric gradient', () => {
    const result = minimizeBfgs(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
  });

  it('finds the Rosenbrock minimum with Nelder–Mead and restarts', () => {
    const result = minimizeNelderMead(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(1, 4);
  });

  it('solves a four-dimensional quadratic exactly enough with each method', () => {
    for (const result of [minimizeBfgs(quadratic, [5, 5, 5, 5]), minimizeNelderMead(quadratic, [5, 5, 5, 5]), minimize(quadratic, [5, 5, 5, 5])]) {
      result.x.forEach((xi, i) => expect(xi).toBeCloseTo(i, 4));
    }
  });

  it('is deterministic', () => {
    expect(minimize(rosenbrock, [-1.2, 1])).toEqual(minimize(rosenbrock, [-1.2, 1]));
  });

  it('rescues a run whose gradient is useless with Nelder–Mead', () => {
    // A gradient that always points the wrong way makes every BFGS line search fail.
    const wrong = (x: readonly number[]) => ({ value: quadratic(x), gradient: numericGradient(quadratic, x).map((g) => -g) });
    // Nelder–Mead from this start needs more than the default evaluation budget (~120,000).
    const result = minimize(quadratic, [3, 3, 3, 3], { gradient: wrong, maxEvaluations: 200_000 });
    result.x.forEach((xi, i) => expect(xi).toBeCloseTo(i, 4));
  });

  it('stops within its evaluation budget on an objective without a minimum, and says it did not converge', () => {
    // Falls without end along a line: no minimiser can settle.
    let calls = 0;
    const sliding = ([x, y]: readonly number[]) => (calls++, -x! - 0.5 * y!);
    for (const budget of [50, 500, 5000]) {
      calls = 0;
      const result = minimize(sliding, [0, 0], { maxEvaluations: budget });
      expect(result.converged).toBe(false);
      // A numeric gradient costs 1 + 2n calls; one may start just before the budget runs out.
      expect(calls).toBeLessThanOrEqual(budget + 2 * 5);
      expect(calls).toBeGreaterThan(budget / 2);
    }
    calls = 0;
    expect(minimize(sliding, [0, 0]).converged).toBe(false);
    expect(calls).toBeLessThanOrEqual(DEFAULT_MAX_EVALUATIONS + 2 * 5);
    calls = 0;
    expect(minimizeNelderMead(sliding, [0, 0], { maxEvaluations: 300 }).converged).toBe(false);
    expect(calls).toBeLessThanOrEqual(300 + 1);
  });

  it('treats non-finite values as +∞ and stays in the domain', () => {
    const logBarrier = ([x]: readonly number[]) => (x! <= 0 ? NaN : x! - Math.log(x!));
    const result = minimize(logBarrier, [5]);
    expect(result.x[0]).toBeCloseTo(1, 5);
  });
});
