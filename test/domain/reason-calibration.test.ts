import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrated } from '../../src/domain/reasons/combine.js';
import { propertyRuns } from '../support/property.js';

/** The reported confidence: what fresh text bears out (docs/reasons-accuracy.md, "Confidence"). */
describe('calibrated confidence', () => {
  it.each([
    [0, 0],
    [0.4, 0.4],
    [0.5, 0.5],
    [0.7, 0.65],
    [0.9, 0.8],
    [0.95, 0.9],
    [1, 1],
  ])('reports a score of %s as %s', (score, reported) => {
    expect(calibrated(score)).toBeCloseTo(reported, 10);
  });

  it('keeps the order of scores and stays within 0..1, moving nothing at or below the review threshold', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(calibrated(lo)).toBeLessThanOrEqual(calibrated(hi));
        expect(calibrated(hi)).toBeLessThanOrEqual(1);
        expect(calibrated(lo)).toBeGreaterThanOrEqual(0);
        if (lo <= 0.5) expect(calibrated(lo)).toBe(lo);
        else expect(calibrated(lo)).toBeLessThanOrEqual(lo);
      }),
      propertyRuns(100),
    );
  });
});
