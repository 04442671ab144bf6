import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMeasure } from '../../src/domain/results/attribution.js';
import { formatMeasure, measureMarks, testChannel, testOffer } from '../../src/domain/campaign/test-offers.js';
import { isControl } from '../../src/domain/campaign/control-group.js';
import type { Channel } from '../../src/domain/playbook-types.js';
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
    expect(parseMeasure(formatMeasure('price', 'renewal', true))).toEqual({ reasonCode: 'price', offerType: 'renewal', randomised: true, channelRandomised: false });
    expect(parseMeasure(formatMeasure('price', 'renewal', false))).toEqual({ reasonCode: 'price', offerType: 'renewal', randomised: false, channelRandomised: false });
    expect(parseMeasure('price')).toEqual({ reasonCode: 'price', offerType: 'none', randomised: false, channelRandomised: false });
  });
});

describe('testChannel: the randomised channels of campaign --test-channels', () => {
  const PERMITTED: Channel[] = ['phone', 'letter', 'email'];

  it('draws the same channel for the same customer, only among the channels given, and nobody without one', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.subarray(['visit', 'phone', 'letter', 'email'] as Channel[]), (id, share, channels) => {
        const a = testChannel(id, 'winback', share, channels);
        expect(testChannel(` ${id} `, 'winback', share, channels)).toBe(a);
        if (a !== undefined) expect(channels).toContain(a);
        if (channels.length === 0) expect(a).toBeUndefined();
      }),
      propertyRuns(100),
    );
    expect(() => testChannel('x', 's', -0.1, PERMITTED)).toThrow(RangeError);
  });

  it('draws about the share asked for, each channel about equally often, independently of the offer draw and the control group', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `C-${i}`);
    const drawn = ids.map((id) => testChannel(id, 'winback', 0.5, PERMITTED));
    const inShare = drawn.filter((c) => c !== undefined);
    expect(inShare.length / ids.length).toBeGreaterThan(0.46);
    expect(inShare.length / ids.length).toBeLessThan(0.54);
    for (const c of PERMITTED) {
      const n = inShare.filter((x) => x === c).length / inShare.length;
      expect(n, c).toBeGreaterThan(0.29);
      expect(n, c).toBeLessThan(0.38);
    }
    // the three draws are independent: each overlap is about the product of the shares
    const offered = ids.map((id) => testOffer(id, 'winback', 0.5, OFFERS) !== undefined);
    const control = ids.map((id) => isControl(id, 'winback', 0.5));
    const both = (xs: boolean[]) => drawn.filter((c, i) => c !== undefined && xs[i]).length / ids.length;
    expect(both(offered)).toBeGreaterThan(0.21);
    expect(both(offered)).toBeLessThan(0.29);
    expect(both(control)).toBeGreaterThan(0.21);
    expect(both(control)).toBeLessThan(0.29);
  });

  it('marks a randomised channel last in the ledger measure; a measure without the mark (older ledgers) reads as chosen', () => {
    expect(formatMeasure('price', 'renewal', true, true)).toBe('price:renewal:randomised:random-channel');
    expect(formatMeasure('price', 'renewal', false, true)).toBe('price:renewal:random-channel');
    expect(parseMeasure('price:renewal:randomised:random-channel')).toEqual({ reasonCode: 'price', offerType: 'renewal', randomised: true, channelRandomised: true });
    expect(parseMeasure('price:renewal:random-channel')).toEqual({ reasonCode: 'price', offerType: 'renewal', randomised: false, channelRandomised: true });
    expect(parseMeasure('price:renewal:randomised')).toEqual({ reasonCode: 'price', offerType: 'renewal', randomised: true, channelRandomised: false });
    expect(measureMarks('price:renewal:randomised:random-channel')).toEqual({ offerRandomised: true, channelRandomised: true });
    expect(measureMarks('price:renewal:random-channel')).toEqual({ offerRandomised: false, channelRandomised: true });
    expect(measureMarks('price:renewal')).toEqual({ offerRandomised: false, channelRandomised: false });
    expect(measureMarks('retention:personal_check_in')).toEqual({ offerRandomised: false, channelRandomised: false });
  });
});
