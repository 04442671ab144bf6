import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedSpool, type SpoolRecord } from '../../src/io/sorted-spool.js';

async function sortWith(records: SpoolRecord[], budget: number): Promise<SpoolRecord[]> {
  const spool = new SortedSpool(budget);
  for (const r of records) await spool.add(r);
  const out: SpoolRecord[] = [];
  for await (const r of spool.sorted()) out.push(r);
  return out;
}

const record = fc.record({
  rank: fc.integer({ min: 0, max: 3 }),
  key: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  tie: fc.nat(),
  head: fc.string({ maxLength: 20 }),
  tail: fc.string({ maxLength: 20 }),
});

describe('SortedSpool', () => {
  it('gives the same order whether it spills to disk or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 300 }), async (records) => {
        const unique = records.map((r, i) => ({ ...r, tie: i }));
        const inMemory = await sortWith(unique, 1 << 30);
        const spilled = await sortWith(unique, 500);
        expect(spilled).toEqual(inMemory);
        for (let i = 1; i < inMemory.length; i++) {
          const a = inMemory[i - 1] as SpoolRecord;
          const b = inMemory[i] as SpoolRecord;
          expect(a.rank < b.rank || (a.rank === b.rank && (a.key > b.key || (a.key === b.key && a.tie < b.tie)))).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('keeps multi-byte text intact through run files', async () => {
    const out = await sortWith([{ rank: 0, key: 1, tie: 1, head: 'Müller,"x\ny"', tail: 'ß€' }, { rank: 0, key: 2, tie: 0, head: 'Köln', tail: '' }], 10);
    expect(out.map((r) => r.head + r.tail)).toEqual(['Köln', 'Müller,"x\ny"ß€']);
  });
});
