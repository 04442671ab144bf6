import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMeasure } from '../../src/domain/results/attribution.js';
import { formatMeasure, testOffer } from '../../src/domain/campaign/test-offers.js';
import { propertyRuns } from '../support/property.js';

const OFFERS = ['discount', 'bundle', 'upgrade', 'renewal'];

describe('testOffer: the randomised offers of campaign --test-offers', () => {
  it('draws the same offer for the same customer and salt, whatever else is drawn, and only among the offers given', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), (id, share) => {
        const a = testOffer(id, 'winback', share, OFFERS);
        expect(testOffer(` ${id} `, 'winback', share, OFFERS)).toBe(a);
        if (a !== undefined) expect(OFFERS).toContain(a);
        // a larger share keeps everyone a smaller one drew, with the same offer
        if (a !== undefined && share < 1) expect(testOffer(id, 'winback', Math.min(1, share + 0.1), OFFERS)).toBe(a);
      }),
      propertyRuns(100),
    );
  });

  it('draws about the share asked for, and each offer about equally often', () => {
    const drawn = Array.from({ length: 4000 }, (_, i) => testOffer(`C-${i}`, 'winback', 0.25, OFFERS));
    const inShare = drawn.filter((o) => o !== undefined);
    expect(inShare.length / drawn.length).toBeGreaterThan(0.22);
    expect(inShare.length / drawn.length).toBeLessThan(0.28);
    for (const offer of OFFERS) {
      const n = inShare.filter((o) => o === offer).length;
      expect(n / inShare.length, offer).toBeGreaterThan(0.2);
      expect(n / inShare.length, offer).toBeLessThan(0.3);
    }
  });

  it('draws nobody at share 0 or without offers, everybody at share 1; another salt draws other customers', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `K${i}`);
    expect(ids.every((id) => testOffer(id, 's', 0, OFFERS) === undefined)).toBe(true);
    expect(ids.every((id) => testOffer(id, 's', 1, []) === undefined)).toBe(true);
    expect(ids.every((id) => testOffer(id, 's', 1, OFFERS) !== undefined)).toBe(true);
    const a = ids.map((id) => testOffer(id, 'a', 0.5, OFFERS) !== undefined);
    const b = ids.map((id) => testOffer(id, 'b', 0.5, OFFERS) !== undefined);
    expect(a).not.toEqual(b);
    expect(() => testOffer('x', 's', 1.5, OFFERS)).toThrow(RangeError);
  });

  it('marks a randomised offer in the ledger measure, and results reads the mark back', () => {
    expect(formatMeasure('price', 'renewal', true)).toBe('price:renewal:randomised');
    expect(parseMeasure(formatMeasure('price', 'renewal', true))).toEqual({ reasonCode: 'price', offerType: 'renewal', randomised: true });
    expect(parseMeasure(formatMeasure('price', 'renewal', false))).toEqual({ reasonCode: 'price', offerType: 'renewal', randomised: false });
    expect(parseMeasure('price')).toEqual({ reasonCode: 'price', offerType: 'none', randomised: false });
  });
});
