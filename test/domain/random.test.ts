import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hashToUnit, mulberry32, normalDraw } from '../../src/domain/random.js';
import { propertyRuns } from '../support/property.js';

describe('mulberry32', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const c = mulberry32(2);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
  });
  it('stays in [0, 1) with a mean near 1/2', () => {
    fc.assert(fc.property(fc.integer(), (seed) => {
      const r = mulberry32(seed);
      let sum = 0;
      for (let i = 0; i < 2000; i++) {
        const u = r();
        if (u < 0 || u >= 1) return false;
        sum += u;
      }
      return Math.abs(sum / 2000 - 0.5) < 0.05;
    }), propertyRuns(20));
  });
});

describe('normalDraw', () => {
  it('has mean 0 and variance 1 roughly', () => {
    const r = mulberry32(9);
    const xs = Array.from({ length: 20_000 }, () => normalDraw(r));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
});

describe('hashing', () => {
  it('maps ids stably into [0, 1), depending on the salt', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (id, salt) => {
      const u = hashToUnit(id, salt);
      return u >= 0 && u < 1 && hashToUnit(id, salt) === u;
    }));
    expect(hashToUnit('K1', 'a')).not.toBe(hashToUnit('K1', 'b'));
  });
  it('spreads sequential ids evenly', () => {
    const n = 10_000;
    const below = Array.from({ length: n }, (_, i) => hashToUnit(`C${i}`)).filter((u) => u < 0.1).length;
    expect(Math.abs(below / n - 0.1)).toBeLessThan(0.01);
  });
});
