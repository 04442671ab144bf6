import { hash32, hash32Bytes } from './hash.js';

/**
 * A compact set of customer ids for duplicate detection over millions of rows.
 * Ids are stored as two independent 32-bit hashes (a 64-bit fingerprint) plus the line
 * where each was first seen: 12 bytes a slot instead of a string per id, the three side by
 * side so that a probe touches one cache line. Two different ids collide with probability
 * about n²/2⁶⁵ (≈ 3·10⁻⁸ at a million ids); documented in docs/performance.md as the price
 * of flat memory. A table is filled up to 80 % (linear probing) and may have any number of
 * slots, not only a power of two, so that a million expected ids take 15 MB instead of 24 MB.
 *
 * An index presized from an estimate (the file's size) that turns out a little low does not
 * grow by copying — that would hold the table twice, 15 + 22 MB at the end of a million rows
 * — but gets up to three overflow tables (1/32, 1/8, then 1/4 of the estimate) that are
 * searched too. Only past those, or without an estimate, are the tables merged into a bigger one.
 */
export class IdIndex {
  private tables: Table[];
  private used = 0;
  private overflows: number;

  /** `expected`: how many ids the file is estimated to hold (the index grows past it when needed). */
  constructor(expected?: number) {
    const capacity = expected ?? DEFAULT_CAPACITY;
    this.tables = [newTable(capacity)];
    this.overflows = expected === undefined ? 0 : MAX_OVERFLOWS;
  }

  /** Records `id` first seen at `line` (≥ 1); returns the earlier line if the id was seen before, else 0. */
  add(id: string, line: number): number {
    const [a, b] = idFingerprint(id);
    return this.addFingerprint(a, b, line);
  }

  /** Like add(), with the id's fingerprint computed elsewhere (idFingerprint, e.g. in a worker thread). */
  addFingerprint(a: number, b: number, line: number): number {
    const { tables } = this;
    const last = tables.length - 1;
    for (let t = 0; t < last; t++) {
      const seen = find(tables[t] as Table, a, b);
      if (seen !== 0) return seen;
    }
    let table = tables[last] as Table;
    if (table.used + 1 > table.limit) {
      const seen = find(table, a, b);
      if (seen !== 0) return seen;
      table = this.makeRoom();
    }
    const seen = insert(table, a, b, line);
    if (seen === 0) this.used++;
    return seen;
  }

  /** The line `id` was first seen at, or 0 when it was not seen (nothing is recorded). */
  lineOf(id: string): number {
    const [a, b] = idFingerprint(id);
    return this.lineOfFingerprint(a, b);
  }

  /** Like lineOf(), with the id's fingerprint (idFingerprint). */
  lineOfFingerprint(a: number, b: number): number {
    for (const t of this.tables) {
      const seen = find(t, a, b);
      if (seen !== 0) return seen;
    }
    return 0;
  }

  get size(): number {
    return this.used;
  }

  /** Calls `fn` with every fingerprint stored and the line it was first seen at. */
  forEach(fn: (a: number, b: number, line: number) => void): void {
    for (const { slots } of this.tables) {
      for (let s = 0; s < slots.length; s += 3) if (slots[s + 2] !== 0) fn(slots[s] as number, slots[s + 1] as number, slots[s + 2] as number);
    }
  }

  /** Bytes the tables take. */
  get bytes(): number {
    return this.tables.reduce((sum, t) => sum + t.slots.byteLength, 0);
  }

  /**
   * The index as another thread receives it (structured clone keeps the fields, not the class):
   * the same lookups on the same tables, nothing copied.
   */
  static revive(cloned: IdIndex): IdIndex {
    if (cloned instanceof IdIndex) return cloned;
    const index = Object.create(IdIndex.prototype) as IdIndex;
    const fields = cloned as unknown as { tables: Table[]; used: number; overflows: number };
    Object.assign(index, { tables: fields.tables, used: fields.used, overflows: fields.overflows });
    return index;
  }

  /** A table with room for one more id (the ids already stored are in none of its slots). */
  private makeRoom(): Table {
    const first = this.tables[0] as Table;
    if (this.overflows > 0) {
      // Overflow tables for 1/32, then 1/8, then 1/4 of the first table's ids.
      const share = OVERFLOW_SHARES[MAX_OVERFLOWS - this.overflows] as number;
      this.overflows--;
      const overflow = newTable(Math.ceil(first.limit / share));
      this.tables.push(overflow);
      return overflow;
    }
    const merged = newTable(Math.ceil(this.used * GROWTH));
    for (const t of this.tables) {
      const { slots } = t;
      for (let s = 0; s < slots.length; s += 3) if (slots[s + 2] !== 0) insert(merged, slots[s] as number, slots[s + 1] as number, slots[s + 2] as number);
    }
    this.tables = [merged];
    return merged;
  }
}

interface Table {
  /** per slot: first hash, second hash, line (0: empty) */
  slots: Uint32Array;
  /** slot count */
  n: number;
  used: number;
  /** ids the table takes (MAX_LOAD of its slots) */
  limit: number;
}

const MAX_LOAD = 0.8;
const GROWTH = 1.5;
const DEFAULT_CAPACITY = 1 << 16;
const OVERFLOW_SHARES = [32, 8, 4];
const MAX_OVERFLOWS = OVERFLOW_SHARES.length;

function newTable(capacity: number): Table {
  const n = Math.max(16, Math.ceil(capacity / MAX_LOAD) + 1);
  return { slots: new Uint32Array(3 * n), n, used: 0, limit: Math.floor(n * MAX_LOAD) };
}

/** Multiply-shift maps the hash onto 0..n-1 for any n. */
function home(t: Table, a: number): number {
  return Math.floor((a / 4294967296) * t.n);
}

/** The line stored for fingerprint (a, b) in `t`, or 0. */
function find(t: Table, a: number, b: number): number {
  const { slots } = t;
  const end = slots.length;
  for (let s = 3 * home(t, a); ; ) {
    const seen = slots[s + 2] as number;
    if (seen === 0) return 0;
    if (slots[s] === a && slots[s + 1] === b) return seen;
    s = s + 3 === end ? 0 : s + 3;
  }
}

/** Stores (a, b, line) unless the fingerprint is there already; returns its earlier line, else 0. */
function insert(t: Table, a: number, b: number, line: number): number {
  const { slots } = t;
  const end = slots.length;
  for (let s = 3 * home(t, a); ; ) {
    const seen = slots[s + 2] as number;
    if (seen === 0) {
      slots[s] = a;
      slots[s + 1] = b;
      slots[s + 2] = line;
      t.used++;
      return 0;
    }
    if (slots[s] === a && slots[s + 1] === b) return seen;
    s = s + 3 === end ? 0 : s + 3;
  }
}

/** Two independently seeded 32-bit hashes: a 64-bit fingerprint of the id. */
export function idFingerprint(text: string): [number, number] {
  return [hash32(text, 0x3c6ef372), hash32(text, 0xa54ff53a)];
}

/** idFingerprint of the ASCII text in bytes[start, end), lower-cased (the two hashes of a customerKey, without a string). */
export function idFingerprintBytes(bytes: Uint8Array, start: number, end: number): [number, number] {
  return [hash32Bytes(bytes, start, end, 0x3c6ef372), hash32Bytes(bytes, start, end, 0xa54ff53a)];
}
