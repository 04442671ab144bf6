/**
 * Small, fast, non-cryptographic string hashes for stable assignments (control groups) and
 * compact indexes (duplicate customer ids). Not for security: anyone can find collisions.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over UTF-16 code units, with a final avalanche so every output bit is well mixed. */
export function hash32(text: string, seed = 0): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return avalanche32(h);
}

/** hash32 over bytes, ASCII capitals read as small letters: equal to hash32 of the text lower-cased when every byte is ASCII. */
export function hash32Bytes(bytes: Uint8Array, start: number, end: number, seed = 0): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i] as number;
    h ^= b >= 65 && b <= 90 ? b + 32 : b;
    h = Math.imul(h, FNV_PRIME);
  }
  return avalanche32(h);
}

/**
 * 53-bit hash (a safe JavaScript integer) from two independently seeded 32-bit lanes; with
 * millions of ids the chance of any collision stays small enough for an index that
 * confirms matches anyway.
 */
export function hash53(text: string): number {
  const high = hash32(text, 0x9e3779b9) & 0x1fffff; // 21 bits
  const low = hash32(text, 0x85ebca6b); // 32 bits
  return high * 0x100000000 + low;
}

/** Uniform number in [0, 1) derived from a string: the basis of stable random assignment. */
export function hashUnit(text: string): number {
  return hash32(text) / 0x100000000;
}

// FNV-1a alone leaves the high bits weakly dependent on the last characters, so ids that
// differ only at the end ("C1001", "C1002") would cluster; this finaliser spreads them.
function avalanche32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}
