import { hash32 } from './hash.js';

/**
 * A compact set of customer ids for duplicate detection over millions of rows.
 * Ids are stored as two independent 32-bit hashes (a 64-bit fingerprint) plus the line
 * where each was first seen: 12 bytes a slot instead of a string per id. Two different ids
 * collide with probability about n²/2⁶⁵ (≈ 3·10⁻⁸ at a million ids); documented in
 * docs/performance.md as the price of flat memory. The table is filled up to 80 % (linear
 * probing) and may have any number of slots, not only a power of two, so that a million
 * expected ids take 15 MB instead of 24 MB.
 */
export class IdIndex {
  private h1: Uint32Array;
  private h2: Uint32Array;
  private lines: Uint32Array;
  private used = 0;

  /** `capacity`: how many ids to expect (the table grows past it when needed). */
  constructor(capacity = 1 << 16) {
    const size = Math.max(16, Math.ceil(capacity / MAX_LOAD) + 1);
    this.h1 = new Uint32Array(size);
    this.h2 = new Uint32Array(size);
    this.lines = new Uint32Array(size);
  }

  /** Records `id` first seen at `line` (≥ 1); returns the earlier line if the id was seen before, else 0. */
  add(id: string, line: number): number {
    const [a, b] = idFingerprint(id);
    return this.addFingerprint(a, b, line);
  }

  /** Like add(), with the id's fingerprint computed elsewhere (idFingerprint, e.g. in a worker thread). */
  addFingerprint(a: number, b: number, line: number): number {
    if (this.used + 1 > this.lines.length * MAX_LOAD) this.grow();
    return this.insert(a, b, line);
  }

  get size(): number {
    return this.used;
  }

  private insert(a: number, b: number, line: number): number {
    const n = this.lines.length;
    // Multiply-shift maps the hash onto 0..n-1 for any n.
    let slot = Math.floor((a / 4294967296) * n);
    for (;;) {
      const seen = this.lines[slot] as number;
      if (seen === 0) {
        this.h1[slot] = a;
        this.h2[slot] = b;
        this.lines[slot] = line;
        this.used++;
        return 0;
      }
      if (this.h1[slot] === a && this.h2[slot] === b) return seen;
      slot = slot + 1 === n ? 0 : slot + 1;
    }
  }

  private grow(): void {
    const { h1, h2, lines } = this;
    const size = Math.ceil(lines.length * 1.5);
    this.h1 = new Uint32Array(size);
    this.h2 = new Uint32Array(size);
    this.lines = new Uint32Array(size);
    this.used = 0;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] !== 0) this.insert(h1[i] as number, h2[i] as number, lines[i] as number);
    }
  }
}

const MAX_LOAD = 0.8;

/** Two independently seeded 32-bit hashes: a 64-bit fingerprint of the id. */
export function idFingerprint(text: string): [number, number] {
  return [hash32(text, 0x3c6ef372), hash32(text, 0xa54ff53a)];
}
