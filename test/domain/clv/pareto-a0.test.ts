import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paretoNbdLogA0Quadrature, paretoNbdLogA0Series } from '../../../src/domain/clv/pareto-nbd.js';
import { gaussLegendre } from '../../../src/domain/clv/special.js';
import { propertyRuns } from '../../support/property.js';

describe('Pareto/NBD A0 by its integral', () => {
  it('Gauss–Legendre integrates polynomials up to degree 2n−1 exactly', () => {
    const { nodes, weights } = gaussLegendre(8);
    const integral = (f: (x: number) => number) => nodes.reduce((sum, x, i) => sum + (weights[i] as number) * f(x), 0);
    expect(integral(() => 1)).toBeCloseTo(2, 14);
    expect(integral((x) => x ** 14)).toBeCloseTo(2 / 15, 14);
    expect(integral((x) => x ** 3 - x)).toBeCloseTo(0, 14);
  });

  it('equals the 2F1 series wherever the series is quick (z up to 0.9)', () => {
    fc.assert(
      fc.property(
        fc.record({
          r: fc.double({ min: 0.05, max: 5, noNaN: true }),
          alpha: fc.double({ min: 0.1, max: 50, noNaN: true }),
          s: fc.double({ min: 0.05, max: 5, noNaN: true }),
          beta: fc.double({ min: 0.1, max: 50, noNaN: true }),
        }),
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }), // not a vanishing tX..T, where the series itself cancels
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        (p, x, share, T) => {
          const tX = x === 0 ? 0 : share * T;
          const series = paretoNbdLogA0Series(p, x, tX, T);
          const quadrature = paretoNbdLogA0Quadrature(p, x, tX, T);
          if (series === -Infinity) return expect(quadrature).toBeLessThan(-30);
          expect(Math.abs(quadrature - series)).toBeLessThan(1e-6 * Math.max(1, Math.abs(series)));
        },
      ),
      { ...propertyRuns(200), seed: 7 },
    );
  });

  it('agrees with the slow series near z = 1 (alpha 1000 times beta) and stays finite where the series gives up', () => {
    const near = { r: 0.5, alpha: 100, s: 0.7, beta: 0.1 };
    expect(paretoNbdLogA0Quadrature(near, 3, 0, 10)).toBeCloseTo(paretoNbdLogA0Series(near, 3, 0, 10), 6);
    // z = 1 − 1e-6: the series does not settle within its ten million terms; the integral does.
    const extreme = { r: 0.5, alpha: 1e-3, s: 0.7, beta: 1e3 };
    expect(paretoNbdLogA0Series(extreme, 3, 0, 10)).toBeNaN();
    const value = paretoNbdLogA0Quadrature(extreme, 3, 0, 10);
    expect(Number.isFinite(value)).toBe(true);
    // Less time left to die unobserved, less mass: A0 falls as tX moves towards T.
    expect(paretoNbdLogA0Quadrature(extreme, 3, 5, 10)).toBeLessThan(value);
  });
});
