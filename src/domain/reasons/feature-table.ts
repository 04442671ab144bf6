/**
 * A read-only table from 32-bit feature hashes to whole numbers — the rows of the reason
 * model's n-grams, the objection model's weights — in two typed arrays (open addressing, at
 * most half full): 8 bytes a slot where a Map took ~32 an entry. The arrays are made on a
 * SharedArrayBuffer, so a table handed to a worker thread is the same memory there, not a copy
 * (docs/performance.md, "Memory at a million rows").
 */
export interface FeatureTable {
  /** the feature hash in each slot */
  keys: Int32Array;
  /** the value in each slot; EMPTY where the slot holds no feature */
  values: Int32Array;
}

const EMPTY = 0x7fff_ffff;

/** Memory that worker threads can share: a SharedArrayBuffer where the runtime has one. */
export function sharedMemory(bytes: number): ArrayBufferLike {
  return typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

/** A table of `entries` (a later entry of the same key replaces the earlier); `count` is how many there are at most. */
export function featureTable(entries: Iterable<readonly [number, number]>, count: number): FeatureTable {
  return featureTableOf(count, (put) => {
    for (const [key, value] of entries) put(key, value);
  });
}

/**
 * The table of the entries `fill` puts, in that order (as featureTable); `count` is how many
 * there are at most. No pair is made per entry: decoding tens of thousands of them at every
 * start made megabytes of short-lived garbage.
 */
export function featureTableOf(count: number, fill: (put: (key: number, value: number) => void) => void): FeatureTable {
  let slots = 16;
  while (slots < 2 * count) slots *= 2;
  const keys = new Int32Array(sharedMemory(4 * slots));
  const values = new Int32Array(sharedMemory(4 * slots)).fill(EMPTY);
  const mask = slots - 1;
  fill((key, value) => {
    if (!Number.isInteger(value) || value >= EMPTY || value < -EMPTY) throw new RangeError(`feature value ${value} out of range`);
    let i = slotOf(key, mask);
    while (values[i] !== EMPTY && keys[i] !== key) i = (i + 1) & mask;
    keys[i] = key;
    values[i] = value;
  });
  return { keys, values };
}

/** The value of `key`, or undefined when the table does not hold it. */
export function featureValue(table: FeatureTable, key: number): number | undefined {
  const { keys, values } = table;
  const mask = keys.length - 1;
  for (let i = slotOf(key, mask); ; i = (i + 1) & mask) {
    const value = values[i] as number;
    if (value === EMPTY) return undefined;
    if (keys[i] === key) return value;
  }
}

function slotOf(key: number, mask: number): number {
  const h = Math.imul(key, 0x9e37_79b1);
  return (h ^ (h >>> 15)) & mask;
}
