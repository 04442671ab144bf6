import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isControl } from '../../src/domain/campaign/control-group.js';
import { hash32, hash53, hashUnit } from '../../src/domain/hash.js';

describe('hash', () => {
  it('is deterministic and 32-bit / 53-bit', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const a = hash32(s);
        expect(hash32(s)).toBe(a);
        expect(Number.isInteger(a) && a >= 0 && a < 2 ** 32).toBe(true);
        const b = hash53(s);
        expect(Number.isSafeInteger(b) && b >= 0).toBe(true);
        const u = hashUnit(s);
        expect(u >= 0 && u < 1).toBe(true);
      }),
    );
  });

  it('separates ids that differ in one character', () => {
    expect(hash32('C1001')).not.toBe(hash32('C1002'));
    expect(hash53('C1001')).not.toBe(hash53('C1002'));
    expect(hash32('abc', 1)).not.toBe(hash32('abc', 2));
  });

  it('has no collisions among 200k sequential ids at 53 bits', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200_000; i++) seen.add(hash53(`K-${i}`));
    expect(seen.size).toBe(200_000);
  });
});

describe('isControl', () => {
  it('is stable across calls', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.double({ min: 0, max: 1, noNaN: true }), (id, salt, share) => {
        expect(isControl(id, salt, share)).toBe(isControl(id, salt, share));
      }),
    );
  });

  it.each([0.05, 0.1, 0.25, 0.5])('assigns close to share %f of 100k ids', (share) => {
    const n = 100_000;
    let hits = 0;
    for (let i = 0; i < n; i++) if (isControl(`C${100000 + i}`, 'programme-2026', share)) hits++;
    // 4.5 binomial standard deviations: a correct hash fails this about once in 150,000 runs.
    const sd = Math.sqrt(n * share * (1 - share));
    expect(Math.abs(hits - n * share)).toBeLessThan(4.5 * sd);
  });

  it('does not depend on the order in which customers are seen', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `ID-${i * 7}`);
    const forward = new Map(ids.map((id) => [id, isControl(id, 's', 0.1)]));
    const reversed = [...ids].reverse();
    for (const id of reversed) expect(isControl(id, 's', 0.1)).toBe(forward.get(id));
  });

  it('is monotone in share: a control customer stays control when the share grows', () => {
    fc.assert(
      fc.property(fc.string(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (id, a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        if (isControl(id, 'salt', lo)) expect(isControl(id, 'salt', hi)).toBe(true);
      }),
    );
  });

  it('gives different groups for different salts', () => {
    let differ = 0;
    for (let i = 0; i < 1000; i++) if (isControl(`C${i}`, 'a', 0.5) !== isControl(`C${i}`, 'b', 0.5)) differ++;
    expect(differ).toBeGreaterThan(400);
    expect(differ).toBeLessThan(600);
  });

  it('handles the extremes and rejects invalid shares', () => {
    expect(isControl('x', 's', 0)).toBe(false);
    expect(isControl('x', 's', 1)).toBe(true);
    expect(() => isControl('x', 's', 1.5)).toThrow(RangeError);
    expect(() => isControl('x', 's', Number.NaN)).toThrow(RangeError);
  });
});
