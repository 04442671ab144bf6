import { describe, expect, it } from 'vitest';
import { minimize, minimizeBfgs, minimizeNelderMead, numericGradient } from '../../../src/domain/clv/optimize.js';

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
    const result = minimize(quadratic, [3, 3, 3, 3], { gradient: wrong });
    result.x.forEach((xi, i) => expect(xi).toBeCloseTo(i, 4));
  });

  it('treats non-finite values as +∞ and stays in the domain', () => {
    const logBarrier = ([x]: readonly number[]) => (x! <= 0 ? NaN : x! - Math.log(x!));
    const result = minimize(logBarrier, [5]);
    expect(result.x[0]).toBeCloseTo(1, 5);
  });
});
