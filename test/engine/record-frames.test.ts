import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordField } from '../../src/domain/record-codec.js';
import { RecordFrameCursor, RecordFrames } from '../../src/engine/plan-pieces.js';
import { propertyRuns } from '../support/property.js';

// Any text, unpaired surrogates included (fc.string with binary units), and every other type.
const field: fc.Arbitrary<RecordField> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ':', '12:', 'Müller & Söhne', '😀', '\uD83D', '\uDE00x', '"a, b"\n'),
  fc.double(),
  fc.constantFrom(-0, Number.NaN, Number.NEGATIVE_INFINITY),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

describe("a piece's records as bytes", () => {
  it('reads every record back in order, each field with its type and exact value, and nothing after the last', () => {
    const frames = new RecordFrames();
    fc.assert(
      fc.property(fc.array(fc.array(field, { maxLength: 6 }), { maxLength: 8 }), (records) => {
        frames.start();
        for (const r of records) frames.add(r);
        // Handed over as a finished piece's records are; the frames start again empty.
        const bytes = frames.done();
        const cursor = new RecordFrameCursor(bytes);
        for (const r of records) {
          const back = cursor.next();
          expect(back).toHaveLength(r.length);
          back?.forEach((f, i) => expect(Object.is(f, r[i]), `field ${i}: ${String(f)}`).toBe(true));
        }
        expect(cursor.next()).toBeUndefined();
      }),
      propertyRuns(100),
    );
  });

  it('grows past its first megabyte', () => {
    const frames = new RecordFrames();
    const long = 'ä'.repeat(300_000);
    for (let i = 0; i < 3; i++) frames.add([i, long, '\uD800']);
    const cursor = new RecordFrameCursor(frames.done());
    for (let i = 0; i < 3; i++) expect(cursor.next()).toEqual([i, long, '\uD800']);
    expect(cursor.next()).toBeUndefined();
  });

  it('writes each piece into memory of its own: the spare a finished piece brought back, never the memory handed over', () => {
    const frames = new RecordFrames();
    frames.start();
    frames.add(['first', 1]);
    const first = frames.done();
    const kept = Uint8Array.from(first);
    // The next piece without a spare gets new memory: the first piece's bytes stay as they were.
    frames.start();
    frames.add(['second', 2]);
    const second = frames.done();
    expect(second.buffer).not.toBe(first.buffer);
    expect(first).toEqual(kept);
    // A spare at least as large as the largest piece so far is written into.
    const spare = new ArrayBuffer(1 << 20);
    frames.start(spare);
    frames.add(['third', 3]);
    const third = frames.done();
    expect(third.buffer).toBe(spare);
    expect(new RecordFrameCursor(third).next()).toEqual(['third', 3]);
    // One smaller than that is left for the collector.
    frames.start(new ArrayBuffer(4));
    frames.add(['fourth', 4]);
    expect(frames.done().buffer.byteLength).toBeGreaterThan(4);
  });
});
