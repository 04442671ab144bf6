/**
 * The rule reading of a reason text: playbook phrases found in the prepared tokens, ranked
 * so that the cause the writer stated first leads, and causes named in passing ("also had
 * an outage once") stay second.
 */
import type { ReasonCode } from '../playbook-types.js';
import { findMatches, type PhraseMatch } from './match.js';
import { BOUNDARY } from './normalize.js';
import type { ReasonVocabulary } from './vocabulary.js';

export interface RankedReason {
  reason: ReasonCode;
  /** sum of the reason's phrase weights (the best one whole, further ones in part) */
  score: number;
  best: PhraseMatch;
  /** first token of the reason's first stated (strong enough) match */
  first: number;
}

/** Further matches of a reason add this share of their weight to its score. */
const EXTRA_MATCH_SHARE = 0.3;
/** A reason needs this score to count as a stated cause (a lone weak word is a hint). */
const STATED_SCORE = Number(globalThis.process?.env.WB_STATED ?? 1.2);
/** A later cause leads only when its score is this many times the first one's. */
const OVERRIDE_RATIO = Number(globalThis.process?.env.WB_RATIO ?? 1.8);
/** Words in a clause before a phrase that say it is mentioned in passing. */
const ASIDE_WORDS = new Set(['also', 'auch', 'ausserdem', 'zudem', 'ebenfalls', 'additionally', 'besides', 'plus', 'nebenbei', 'uebrigens', 'zusaetzlich', 'sowie']);
/** Weight share a phrase keeps in an aside clause. */
const ASIDE_SHARE = 0.6;

/**
 * Phrase matches in the tokens, asserted and not hidden by a stronger match, weighted for
 * asides; and the tokens with every denied phrase blanked out, for the model to read.
 */
export function ruleMatches(tokens: string[], v: ReasonVocabulary): { matches: PhraseMatch[]; asserted: string[] } {
  const denied: PhraseMatch[] = [];
  const matches = dropCovered(findMatches(tokens, v, denied)).map((m) => (isAside(tokens, m.start) ? { ...m, weight: m.weight * ASIDE_SHARE } : m));
  if (denied.length === 0) return { matches, asserted: tokens };
  const asserted = [...tokens];
  for (const m of denied) {
    // A denied phrase inside an asserted one ("nicht zufrieden" holds "zufrieden") stays.
    if (matches.some((o) => o.start <= m.start && m.end <= o.end)) continue;
    for (let i = m.start; i <= m.end; i++) if (asserted[i] !== BOUNDARY) asserted[i] = DENIED;
  }
  return { matches, asserted };
}

/** Stands for a denied word in the tokens the model reads. */
const DENIED = '|';

/**
 * Scores per reason, the leading cause first: the first stated cause unless a later one is
 * far stronger; the rest by score. Ties go to the reason mentioned first.
 */
export function rankReasons(matches: PhraseMatch[]): RankedReason[] {
  const byReason = new Map<ReasonCode, PhraseMatch[]>();
  for (const m of [...matches].sort((a, b) => b.weight - a.weight || a.start - b.start)) {
    const list = byReason.get(m.reason) ?? [];
    // Overlapping matches of one reason ("zu teuer" and "teuer") count once.
    if (!list.some((o) => m.start <= o.end && o.start <= m.end)) list.push(m);
    byReason.set(m.reason, list);
  }
  const ranked: RankedReason[] = [];
  for (const [reason, list] of byReason) {
    const best = list[0] as PhraseMatch;
    const rest = list.slice(1).reduce((sum, m) => sum + m.weight, 0);
    const strong = list.filter((m) => m.weight >= STATED_SCORE / 2);
    const first = Math.min(...(strong.length > 0 ? strong : list).map((m) => m.start));
    ranked.push({ reason, score: Math.min(4, best.weight + EXTRA_MATCH_SHARE * rest), best, first });
  }
  ranked.sort((a, b) => b.score - a.score || a.first - b.first);
  const strongest = ranked[0];
  if (strongest === undefined) return ranked;
  const stated = ranked.filter((r) => r.score >= STATED_SCORE).sort((a, b) => a.first - b.first);
  const lead = stated[0];
  if (lead === undefined || lead === strongest || strongest.score >= OVERRIDE_RATIO * lead.score) return ranked;
  return [lead, ...ranked.filter((r) => r !== lead)];
}

/** True when an aside word ("also", "auch") stands in the phrase's clause before it. */
function isAside(tokens: string[], start: number): boolean {
  for (let j = start - 1; j >= 0 && tokens[j] !== BOUNDARY; j--) if (ASIDE_WORDS.has(tokens[j] as string)) return true;
  return false;
}

/** Drops a match lying inside a stronger match of another reason ("Ansprechpartner gewechselt" is not a switch). */
function dropCovered(matches: PhraseMatch[]): PhraseMatch[] {
  return matches.filter(
    (m) => !matches.some((o) => o.reason !== m.reason && o.weight > m.weight && o.start <= m.start && m.end <= o.end),
  );
}
