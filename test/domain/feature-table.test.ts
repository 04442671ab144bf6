/**
 * The models' feature tables (src/domain/reasons/feature-table.ts): the same answers as a Map,
 * in shared memory that a worker thread is handed without a copy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeObjectionWeights, objectionModelOf } from '../../src/domain/objections/learned.js';
import { OBJECTION_BIAS, OBJECTION_WEIGHTS } from '../../src/domain/objections/weights.js';
import { featureTable, featureValue } from '../../src/domain/reasons/feature-table.js';
import { trainNgramModel } from '../../src/domain/reasons/ngram.js';
import { propertyRuns } from '../support/property.js';

const int32 = fc.integer({ min: -0x8000_0000, max: 0x7fff_ffff });

describe('feature tables', () => {
  it('give what a Map of the same entries gives, a later entry of a key replacing the earlier', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(int32, fc.integer({ min: -3, max: 3 })), fc.integer({ min: -40_000, max: 1_000_000 })), { maxLength: 300 }), fc.array(int32, { maxLength: 50 }), (entries, probes) => {
        const map = new Map(entries);
        const table = featureTable(entries, entries.length);
        for (const [key] of entries) expect(featureValue(table, key)).toBe(map.get(key));
        for (const key of probes) expect(featureValue(table, key)).toBe(map.get(key));
      }),
      propertyRuns(100),
    );
  });

  it('refuse a value they cannot hold', () => {
    expect(() => featureTable([[1, 0x7fff_ffff]], 1)).toThrow(RangeError);
    expect(() => featureTable([[1, 0.5]], 1)).toThrow(RangeError);
  });

  it('are shared memory: a copy made for another thread reads the same bytes', () => {
    const table = featureTable([[7, 1], [-9, 2]], 2);
    expect(table.keys.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(table.values.buffer).toBeInstanceOf(SharedArrayBuffer);
    const handed = structuredClone(table);
    table.values.fill(5, 0, table.values.length);
    expect([...handed.values]).toEqual([...table.values]);
  });
});

describe('the models in feature tables', () => {
  it('read each shipped objection weight exactly as its thousandths, the last of a hash counting', () => {
    const bytes = Buffer.from(OBJECTION_WEIGHTS, 'base64');
    const expected = new Map<number, number>();
    for (let at = 0; at + 6 <= bytes.length; at += 6) expected.set(bytes.readInt32LE(at), bytes.readInt16LE(at + 4) / 1000);
    const model = objectionModelOf(OBJECTION_BIAS, decodeObjectionWeights(OBJECTION_WEIGHTS));
    expect(expected.size).toBeGreaterThan(10_000);
    const wrong = [...expected].filter(([feature, weight]) => model.weight(feature) !== weight);
    expect(wrong).toEqual([]);
    expect(model.weight(0x1234_5678)).toBe(expected.get(0x1234_5678) ?? 0);
  });

  it('keep the n-gram model\'s rows and counts in shared memory', () => {
    const model = trainNgramModel(['price', 'service'], [{ tokens: ['zu', 'teuer'], code: 'price', weight: 1 }, { tokens: ['schlechter', 'service'], code: 'service', weight: 1 }]);
    expect(model.counts.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(model.rows.keys.buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});
