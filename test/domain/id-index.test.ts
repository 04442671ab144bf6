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
    expect(addNew(index, 0, 102_000)).toEqual([]);
    // Overflow: 1/32 of the estimate; growing by copying would need 2.5 times the table.
    expect(index.bytes).toBeLessThan(presized * 1.04);
    expect(addNew(index, 102_000, 112_000)).toEqual([]);
    expect(index.bytes).toBeLessThan(presized * 1.17);
    expect(findAgain(index, 0, 112_000, 997)).toEqual([]);
    // Past the overflow tables the ids are merged into one table, and still all found.
    expect(addNew(index, 112_000, 200_000)).toEqual([]);
    expect(findAgain(index, 0, 200_000, 991)).toEqual([]);
    expect(index.size).toBe(200_000);
  });

  it('keeps a hundred thousand distinct ids apart', () => {
    const index = new IdIndex(1000);
    expect(addNew(index, 0, 100_000)).toEqual([]);
    expect(index.add('KD-77', 1)).toBe(79);
    expect(index.size).toBe(100_000);
  });
});

/** Adds ids KD-from … KD-(to−1) on lines from+2 …; gives those the index took for repeats (none expected). */
function addNew(index: IdIndex, from: number, to: number): string[] {
  const wrong: string[] = [];
  for (let i = from; i < to; i++) if (index.add(`KD-${i}`, i + 2) !== 0) wrong.push(`KD-${i}`);
  return wrong;
}

/** Adds every step-th id again; gives those whose first line the index does not report. */
function findAgain(index: IdIndex, from: number, to: number, step: number): string[] {
  const wrong: string[] = [];
  for (let i = from; i < to; i += step) if (index.add(`KD-${i}`, 1) !== i + 2) wrong.push(`KD-${i}`);
  return wrong;
}
