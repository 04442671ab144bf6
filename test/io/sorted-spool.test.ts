import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSortIndex, RECORD_HEADER, SortedSpool, writeRunAt, type SpoolRecord } from '../../src/io/sorted-spool.js';
import { propertyRuns } from '../support/property.js';

/** Records in the run format, in the order given (a pre-sorted run). */
function runOf(records: SpoolRecord[]): Buffer {
  const parts = records.map((r) => {
    const head = Buffer.from(r.head);
    const tail = Buffer.from(r.tail);
    const h = Buffer.alloc(RECORD_HEADER);
    h.writeDoubleLE(r.rank, 0);
    h.writeDoubleLE(r.key, 8);
    h.writeUInt32LE(r.tie, 16);
    h.writeUInt32LE(head.length, 20);
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

describe('mergeSortIndex', () => {
  it('orders indices as the stable Array.prototype.sort does, equal keys in index order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 300 }), (keys) => {
        const compare = (a: number, b: number) => (keys[a] as number) - (keys[b] as number);
        const expected = keys.map((_, i) => i).sort(compare);
        const idx = Uint32Array.from(keys.keys());
        const sorted = mergeSortIndex(idx, new Uint32Array(keys.length), compare);
        expect([...sorted]).toEqual(expected);
      }),
      propertyRuns(100),
    );
  });
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
      propertyRuns(40),
    );
  });

  it('takes back the record added last, which is never output and whose bytes the next record reuses, spilled or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(record, fc.boolean()), { maxLength: 200 }), fc.constantFrom(300, 1 << 30), async (items, budget) => {
        const spool = new SortedSpool(budget);
        const kept: SpoolRecord[] = [];
        items.forEach(([r, withdrawn], i) => {
          spool.push(r.rank, r.key, i, r.head, r.tail);
          if (withdrawn) spool.withdrawLast();
          else kept.push({ ...r, tie: i });
        });
        const out: SpoolRecord[] = [];
        for await (const r of spool.sorted()) out.push(r);
        expect(out).toEqual([...kept].sort(byOrder));
      }),
      propertyRuns(40),
    );
  });

  it('keeps multi-byte text intact through run files', async () => {
    const out = await sortWith([{ rank: 0, key: 1, tie: 1, head: 'Müller,"x\ny"', tail: 'ß€' }, { rank: 0, key: 2, tie: 0, head: 'Köln', tail: '' }], 10);
    expect(out.map((r) => r.head + r.tail)).toEqual(['Köln', 'Müller,"x\ny"ß€']);
  });

  it('spills records larger than its write segment, and many segments per run, intact', async () => {
    // Several runs of a few megabytes, each written a quarter of a megabyte at a time, and a
    // record of a megabyte that fits no segment.
    const big = 'ä'.repeat(600_000);
    const records: SpoolRecord[] = Array.from({ length: 3000 }, (_, i) => ({ rank: i % 3, key: (i * 7919) % 1000, tie: i, head: `row ${i} `.repeat(40), tail: i === 1234 ? big : `;${i}` }));
    const out = await sortWith(records, 1 << 20);
    expect(out).toEqual([...records].sort(byOrder));
  });

  it('merges runs sorted and written elsewhere with its own, leaving out the records it was told to skip, without changing a byte written', async () => {
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
        // Runs written elsewhere, two files taking turns (as worker threads do), one after the
        // other in each file; some records to be skipped, told after their run was written.
        const paths = [spool.runFilePath('a.runs'), spool.runFilePath('b.runs')];
        const ends = [0, 0];
        runs.forEach((run, n) => {
          const recs = run.map((r) => ({ ...r, tie: tie++ })).sort(byOrder);
          const skipped = new Set(recs.filter((r) => (r.tie + seed) % 3 === 0).map((r) => r.tie));
          kept.push(...recs.filter((r) => !skipped.has(r.tie)));
          const bytes = runOf(recs);
          const f = n % 2;
          const start = ends[f] as number;
          writeRunAt(paths[f] as string, bytes, start);
          ends[f] = start + bytes.length;
          spool.addRunExtent(paths[f] as string, start, start + bytes.length);
          let at = start;
          for (const r of recs) {
            if (skipped.has(r.tie)) spool.skip(paths[f] as string, at);
            at += RECORD_HEADER + Buffer.byteLength(r.head) + Buffer.byteLength(r.tail);
          }
        });
        const written = paths.map((p, f) => ((ends[f] as number) > 0 ? readFileSync(p) : undefined));
        const out: SpoolRecord[] = [];
        const cursor = spool.sorted();
        const firstOut = await cursor.next();
        // The run files as they are when the merge has begun: as written. (A merge with nothing
        // left to give — every record skipped — has ended and removed its files.)
        if (!firstOut.done) {
          paths.forEach((p, f) => {
            if ((ends[f] as number) > 0) expect(readFileSync(p).equals(written[f] as Buffer)).toBe(true);
          });
        }
        if (!firstOut.done) out.push(firstOut.value);
        for await (const r of cursor) out.push(r);
        expect(out).toEqual(kept.sort(byOrder));
      }),
      propertyRuns(30),
    );
  });
});
