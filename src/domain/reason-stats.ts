/** Counts of classified reasons for `winback reasons` (pure, incremental, bounded memory). */
import type { ReasonClassification } from './reasons/index.js';

const EXAMPLES_PER_CODE = 3;
const UNCLASSIFIED_KEPT = 5000;
const UNCLASSIFIED_SHOWN = 15;

export interface ReasonStats {
  codes: Map<string, { count: number; examples: string[] }>;
  unclassified: Map<string, number>;
  total: number;
}

export interface ReasonSummary {
  rows_read: number;
  accepted: number;
  rejected: number;
  classified: number;
  unclassified: number;
  codes: { code: string; count: number; share: number; examples: string[] }[];
  unclassified_texts: { text: string; count: number }[];
}

export function emptyReasonStats(): ReasonStats {
  return { codes: new Map(), unclassified: new Map(), total: 0 };
}

/** Adds one classified row. Distinct unclassified texts are capped so memory stays bounded. */
export function addReason(s: ReasonStats, r: ReasonClassification, text: string): void {
  s.total++;
  const entry = s.codes.get(r.code) ?? { count: 0, examples: [] };
  entry.count++;
  const shown = text.trim();
  if (shown && entry.examples.length < EXAMPLES_PER_CODE && !entry.examples.includes(shown)) entry.examples.push(shown);
  s.codes.set(r.code, entry);
  if (r.code === 'unknown' && shown) {
    const key = shown.toLowerCase();
    const n = s.unclassified.get(key);
    if (n !== undefined) s.unclassified.set(key, n + 1);
    else if (s.unclassified.size < UNCLASSIFIED_KEPT) s.unclassified.set(key, 1);
  }
}

/** The report: codes by count (ties by code), shares, and the most frequent unclassified texts. */
export function summarizeReasons(s: ReasonStats, rows: { read: number; accepted: number; rejected: number }): ReasonSummary {
  const codes = [...s.codes.entries()]
    .map(([code, e]) => ({ code, count: e.count, share: s.total ? e.count / s.total : 0, examples: e.examples }))
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
  const unknown = s.codes.get('unknown')?.count ?? 0;
  const texts = [...s.unclassified.entries()]
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : 1))
    .slice(0, UNCLASSIFIED_SHOWN);
  return {
    rows_read: rows.read,
    accepted: rows.accepted,
    rejected: rows.rejected,
    classified: s.total - unknown,
    unclassified: unknown,
    codes,
    unclassified_texts: texts,
  };
}
