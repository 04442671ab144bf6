/**
 * Looking tokens up in a compiled vocabulary: the words a token matches exactly, by stem or
 * within one typo, and the word classes they belong to. Results are cached per token.
 */
import { deletions, withinOneEdit, type WordPattern } from './phrase.js';
import type { ReasonVocabulary, TokenHit } from './vocabulary-types.js';

/** Typo tolerance applies to words and stems of at least this many letters. */
export const FUZZY_MIN_LENGTH = 6;
const TOKEN_CACHE_LIMIT = 100_000;
const ALL_DIGITS = /^\d+$/;

/** True when the token is a vocabulary word or stem as written (no typo tolerance). */
export function knowsWord(v: ReasonVocabulary, token: string): boolean {
  const cached = v.tokenCache.get(token);
  if (cached !== undefined) return cached.some((h) => !h.fuzzy);
  const n = token.length;
  if (v.maps.exact.has(token)) return true;
  for (let len = 1; len <= n; len++) {
    if (v.maps.prefix.has(token.slice(0, len)) || v.maps.suffix.has(token.slice(n - len))) return true;
  }
  return v.infixLengths.some((len) => {
    for (let i = 0; i + len <= n; i++) if (v.maps.infix.has(token.slice(i, i + len))) return true;
    return false;
  });
}

/** Vocabulary words a token matches: exactly, by stem, or (when nothing else) within one typo. */
export function resolveToken(v: ReasonVocabulary, token: string): TokenHit[] {
  // A number that is not a word matches nothing, not even within one typo (a word would
  // need all but one of its digits). Not cached: ticket numbers hardly repeat, and they
  // filled the cache.
  if (v.numberWords !== undefined && ALL_DIGITS.test(token) && !v.numberWords.has(token)) return [];
  const cached = v.tokenCache.get(token);
  if (cached !== undefined) return cached;
  const found = new Set<number>();
  const add = (ids: number[] | undefined) => ids?.forEach((id) => found.add(id));
  const n = token.length;
  add(v.maps.exact.get(token));
  for (let len = 1; len <= n; len++) {
    add(v.maps.prefix.get(token.slice(0, len)));
    add(v.maps.suffix.get(token.slice(n - len)));
  }
  for (const len of v.infixLengths) {
    for (let i = 0; i + len <= n; i++) add(v.maps.infix.get(token.slice(i, i + len)));
  }
  let hits: TokenHit[] = [...found].map((word) => ({ word, fuzzy: false }));
  if (hits.length === 0 && n >= FUZZY_MIN_LENGTH - 1 && !v.exactWords.has(token)) {
    hits = [...fuzzyMatches(v, token)].map((word) => ({ word, fuzzy: true }));
  }
  hits = withClasses(v, hits);
  if (v.tokenCache.size >= TOKEN_CACHE_LIMIT) v.tokenCache.clear();
  v.tokenCache.set(token, hits);
  return hits;
}

function withClasses(v: ReasonVocabulary, hits: TokenHit[]): TokenHit[] {
  const out = [...hits];
  for (const hit of hits) {
    for (const word of v.classesOf.get(hit.word) ?? []) {
      const known = out.find((h) => h.word === word);
      if (known === undefined) out.push({ word, fuzzy: hit.fuzzy });
      else known.fuzzy &&= hit.fuzzy;
    }
  }
  return out;
}

function fuzzyMatches(v: ReasonVocabulary, token: string): Set<number> {
  const found = new Set<number>();
  const probe = (map: Map<string, number[]>, part: string) => {
    for (const key of [part, ...deletions(part)]) {
      for (const id of map.get(key) ?? []) {
        const w = v.words[id] as WordPattern;
        if (withinOneEdit(part, w.text)) found.add(id);
      }
    }
  };
  probe(v.fuzzyExact, token);
  // Stems: compare the token's beginning (or end) of about the stem's length.
  for (let len = FUZZY_MIN_LENGTH - 1; len < token.length; len++) {
    probe(v.fuzzyPrefix, token.slice(0, len));
    probe(v.fuzzySuffix, token.slice(token.length - len));
  }
  probe(v.fuzzyPrefix, token);
  probe(v.fuzzySuffix, token);
  // The longest near-matches win: "konkurenz" is a misspelt "konkurrenz", not "konkurs".
  const longest = Math.max(0, ...[...found].map((id) => (v.words[id] as WordPattern).text.length));
  return new Set([...found].filter((id) => (v.words[id] as WordPattern).text.length >= longest - 2));
}
