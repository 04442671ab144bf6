import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECORD_HEADER, SortedSpool, WITHDRAWN, type SpoolRecord } from '../../src/io/sorted-spool.js';

/** Records in the run format, in the order given (a pre-sorted run); `withdrawn` ties are marked. */
function runOf(records: SpoolRecord[], withdrawn: Set<number> = new Set()): Buffer {
  const parts = records.map((r) => {
    const head = Buffer.from(r.head);
    const tail = Buffer.from(r.tail);
    const h = Buffer.alloc(RECORD_HEADER);
    h.writeDoubleLE(r.rank, 0);
    h.writeDoubleLE(r.key, 8);
    h.writeUInt32LE(r.tie, 16);
    h.writeUInt32LE(head.length + (withdrawn.has(r.tie) ? WITHDRAWN : 0), 20);
    h.writeUInt32LE(tail.length, 24);
    return Buffer.concat([h, head, tail]);
  });
  return Buffer.concat(parts);
}

const byOrder = (a: SpoolRecord, b: SpoolRecord) => a.rank - b.rank || b.key - a.key || a.tie - b.tie;

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

  it('merges runs sorted elsewhere with its own, skipping withdrawn records', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(record, { maxLength: 40 }), { maxLength: 6 }), fc.array(record, { maxLength: 40 }), fc.nat(), async (runs, own, seed) => {
        let tie = 0;
        const spool = new SortedSpool(300);
        const kept: SpoolRecord[] = [];
        for (const r of own) {
          const rec = { ...r, tie: tie++ };
          spool.add(rec);
          kept.push(rec);
        }
        const writes: Promise<void>[] = [];
        for (const run of runs) {
          const recs = run.map((r) => ({ ...r, tie: tie++ })).sort(byOrder);
          const withdrawn = new Set(recs.filter((r) => (r.tie + seed) % 3 === 0).map((r) => r.tie));
          kept.push(...recs.filter((r) => !withdrawn.has(r.tie)));
          writes.push(spool.addSortedRun(runOf(recs, withdrawn)));
        }
        await Promise.all(writes);
        const out: SpoolRecord[] = [];
        for await (const r of spool.sorted()) out.push(r);
        expect(out).toEqual(kept.sort(byOrder));
      }),
      { numRuns: 30 },
    );
  });
});
