/** Counts of classified reasons for `winback reasons` (pure, incremental, bounded memory). */
import type { ReasonClassification } from './index.js';

const EXAMPLES_PER_CODE = 3;
const UNCLASSIFIED_KEPT = 5000;
const UNCLASSIFIED_SHOWN = 15;

export interface ReasonStats {
  codes: Map<string, { count: number; examples: string[] }>;
  unclassified: Map<string, number>;
  /** reason_code values the playbook does not know (neither a code, a label nor under codes:) */
  unknownCodes: Map<string, number>;
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
  unknown_codes: { code: string; count: number }[];
}

export function emptyReasonStats(): ReasonStats {
  return { codes: new Map(), unclassified: new Map(), unknownCodes: new Map(), total: 0 };
}

/**
 * Adds one classified row; `codeCell` is its reason_code as given. Distinct unclassified
 * texts and unknown codes are capped so memory stays bounded.
 */
export function addReason(s: ReasonStats, r: ReasonClassification, text: string, codeCell = ''): void {
  s.total++;
  const code = codeCell.trim();
  if (code !== '' && r.source !== 'code') countCapped(s.unknownCodes, code);
  const entry = s.codes.get(r.code) ?? { count: 0, examples: [] };
  entry.count++;
  const shown = text.trim();
  if (shown && entry.examples.length < EXAMPLES_PER_CODE && !entry.examples.includes(shown)) entry.examples.push(shown);
  s.codes.set(r.code, entry);
  if (r.code === 'unknown' && shown) countCapped(s.unclassified, shown.toLowerCase());
}

function countCapped(map: Map<string, number>, key: string): void {
  const n = map.get(key);
  if (n !== undefined) map.set(key, n + 1);
  else if (map.size < UNCLASSIFIED_KEPT) map.set(key, 1);
}

function mostFrequent(map: Map<string, number>): [string, number][] {
  return [...map.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, UNCLASSIFIED_SHOWN);
}

/** The report: codes by count (ties by code), shares, and the most frequent unclassified texts. */
export function summarizeReasons(s: ReasonStats, rows: { read: number; accepted: number; rejected: number }): ReasonSummary {
  const codes = [...s.codes.entries()]
    .map(([code, e]) => ({ code, count: e.count, share: s.total ? e.count / s.total : 0, examples: e.examples }))
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
  const unknown = s.codes.get('unknown')?.count ?? 0;
  const texts = mostFrequent(s.unclassified).map(([text, count]) => ({ text, count }));
  return {
    rows_read: rows.read,
    accepted: rows.accepted,
    rejected: rows.rejected,
    classified: s.total - unknown,
    unclassified: unknown,
    codes,
    unclassified_texts: texts,
    unknown_codes: mostFrequent(s.unknownCodes).map(([code, count]) => ({ code, count })),
  };
}
