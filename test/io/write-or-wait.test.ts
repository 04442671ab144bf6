import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeOrWait } from '../../src/io/atomic-write.js';

/** A stream that takes one byte before it is full and finishes each write on the next turn. */
function slowStream(): { stream: Writable; written: string[] } {
  const written: string[] = [];
  const stream = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _enc, cb) {
      written.push(chunk.toString());
      setImmediate(cb);
    },
  });
  return { stream, written };
}

describe('writeOrWait', () => {
  it('lets the rows written while a stream is full share one wait (no listener per row)', async () => {
    const { stream, written } = slowStream();
    const waits = new Set<Promise<void>>();
    for (let i = 0; i < 50; i++) {
      const w = writeOrWait(stream, `row ${i}\n`);
      if (w) waits.add(w);
      // One pair of listeners at most: Node warns past ten (MaxListenersExceededWarning).
      expect(stream.listenerCount('drain')).toBeLessThanOrEqual(1);
      expect(stream.listenerCount('error')).toBeLessThanOrEqual(1);
    }
    expect(waits.size).toBe(1);
    await Promise.all(waits);
    expect(stream.listenerCount('drain')).toBe(0);
    // After the drain a full stream waits anew.
    const again = writeOrWait(stream, 'more\n');
    expect(again).toBeInstanceOf(Promise);
    expect(waits.has(again as Promise<void>)).toBe(false);
    await again;
    await new Promise<void>((resolve) => stream.end(resolve));
    expect(written.join('')).toBe(`${Array.from({ length: 50 }, (_, i) => `row ${i}\n`).join('')}more\n`);
  });
});
