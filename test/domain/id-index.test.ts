import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdIndex } from '../../src/domain/id-index.js';
import { propertyRuns } from '../support/property.js';

describe('IdIndex', () => {
  it('reports the first line of every repeated id and 0 for new ones, like a Map, at any starting capacity', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 400 }), fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }), (ids, capacity) => {
        const index = new IdIndex(capacity);
        const oracle = new Map<string, number>();
        ids.forEach((id, i) => {
          const line = i + 2;
          const first = oracle.get(id);
          expect(index.add(id, line)).toBe(first ?? 0);
          if (first === undefined) oracle.set(id, line);
        });
        expect(index.size).toBe(oracle.size);
      }),
      propertyRuns(300),
    );
  });

  it('takes a few more ids than estimated into overflow tables, without holding a copy of the table', () => {
    const index = new IdIndex(100_000);
    const presized = index.bytes;
    for (let i = 0; i < 102_000; i++) expect(index.add(`KD-${i}`, i + 2)).toBe(0);
    // Overflow: 1/32 of the estimate; growing by copying would need 2.5 times the table.
    expect(index.bytes).toBeLessThan(presized * 1.04);
    for (let i = 102_000; i < 112_000; i++) expect(index.add(`KD-${i}`, i + 2)).toBe(0);
    expect(index.bytes).toBeLessThan(presized * 1.17);
    for (let i = 0; i < 112_000; i += 997) expect(index.add(`KD-${i}`, 1)).toBe(i + 2);
    // Past the overflow tables the ids are merged into one table, and still all found.
    for (let i = 112_000; i < 200_000; i++) expect(index.add(`KD-${i}`, i + 2)).toBe(0);
    for (let i = 0; i < 200_000; i += 991) expect(index.add(`KD-${i}`, 1)).toBe(i + 2);
    expect(index.size).toBe(200_000);
  });

  it('keeps a hundred thousand distinct ids apart', () => {
    const index = new IdIndex(1000);
    for (let i = 0; i < 100_000; i++) expect(index.add(`KD-${i}`, i + 2)).toBe(0);
    expect(index.add('KD-77', 1)).toBe(79);
    expect(index.size).toBe(100_000);
  });
});
