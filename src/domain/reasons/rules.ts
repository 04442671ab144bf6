/**
 * The rule reading of a reason text: playbook phrases found in the prepared tokens, ranked
 * so that the cause the writer stated first leads, and causes named in passing ("also had
 * an outage once") stay second.
 */
import type { ReasonCode } from '../playbook-types.js';
import { findMatches, startsAt, type PhraseMatch } from './match.js';
import { BOUNDARY } from './normalize.js';
import type { ReasonVocabulary } from './vocabulary.js';

export interface RankedReason {
  reason: ReasonCode;
  /** sum of the reason's phrase weights (the best one whole, further ones in part) */
  score: number;
  best: PhraseMatch;
  /** first token of the reason's first stated (strong enough) match */
  first: number;
  /** the parts of the text its matches stand in */
  parts: Set<number>;
  /** some stated match stands after a cause word ("weil", "because") in its part */
  given: boolean;
}

/** Further matches of a reason add this share of their weight to its score. */
const EXTRA_MATCH_SHARE = 0.3;
/** A reason needs this score to count as a stated cause (a lone weak word is a hint). */
export const STATED_SCORE = 1.2;
/** A later cause leads only when its score is this many times the first one's. */
const OVERRIDE_RATIO = 1.8;
/** Words in a clause before a phrase that say it is mentioned in passing. */
const ASIDE_WORDS = new Set(['also', 'auch', 'ausserdem', 'zudem', 'ebenfalls', 'additionally', 'besides', 'plus', 'nebenbei', 'uebrigens', 'zusaetzlich', 'sowie']);
/** Words that join two statements: what stands on either side is a cause of its own. */
const JOINING_WORDS = new Set(['und', 'and', 'sowie', 'plus', 'ausserdem', 'zudem', 'also', 'additionally', 'besides', 'dazu']);
/** Words that introduce the cause itself ("gekündigt, weil …", "cancelled because …"). */
const CAUSE_WORDS = new Set(['weil', 'wegen', 'aufgrund', 'because', 'due', 'da', 'denn']);
/** Weight share a phrase keeps in an aside clause. */
const ASIDE_SHARE = 0.6;

/**
 * Phrase matches in the tokens, asserted and not hidden by a stronger match, weighted for
 * asides; and the tokens with every denied phrase blanked out, for the model to read.
 */
export function ruleMatches(tokens: string[], v: ReasonVocabulary): { matches: PhraseMatch[]; asserted: string[]; parts: number[] } {
  const denied: PhraseMatch[] = [];
  const parts = partsOf(tokens);
  const found = praiseDenied(dropCovered(findMatches(tokens, v, denied)), tokens, v, denied);
  const aside = found.length > 0 ? afterWordIn(tokens, ASIDE_WORDS) : [];
  const given = found.length > 0 ? afterWordIn(tokens, CAUSE_WORDS) : [];
  // The matches are this call's own objects: marked in place.
  for (const m of found) {
    if (aside[m.start] === true) m.weight *= ASIDE_SHARE;
    m.part = parts[m.start] as number;
    m.given = given[m.start] === true;
  }
  const matches = found;
  if (denied.length === 0) return { matches, asserted: tokens, parts };
  // The denial reaches over its clause ("Preis war nicht das Problem"), up to what the
  // clause also asserts ("found other bank with … no fees" keeps "found other bank").
  const asserted = [...tokens];
  for (const m of denied) {
    if (matches.some((o) => o.start <= m.end && m.start <= o.end)) continue;
    let from = m.start;
    while (from > 0 && tokens[from - 1] !== BOUNDARY && !matches.some((o) => o.end === from - 1)) from--;
    let to = m.end;
    while (to < tokens.length - 1 && tokens[to + 1] !== BOUNDARY && !matches.some((o) => o.start === to + 1)) to++;
    for (let i = from; i <= to; i++) asserted[i] = BOUNDARY;
  }
  return { matches, asserted, parts };
}

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
    const parts = new Set(list.map((m) => m.part ?? 0));
    const given = strong.some((m) => m.given === true);
    ranked.push({ reason, score: Math.min(4, best.weight + EXTRA_MATCH_SHARE * rest), best, first, parts, given });
  }
  ranked.sort((a, b) => b.score - a.score || a.first - b.first);
  const strongest = ranked[0];
  if (strongest === undefined) return ranked;
  // The first cause given with "weil"/"because" leads; else the first stated one.
  const stated = ranked.filter((r) => r.score >= STATED_SCORE).sort((a, b) => Number(b.given) - Number(a.given) || a.first - b.first);
  // A competitor who came to the customer is the more telling account of the same switch.
  const approached = stated.find((r) => r.reason === 'poached');
  const lead = approached !== undefined && stated[0]?.reason === 'competitor_offer' ? approached : stated[0];
  if (lead === undefined || lead === strongest || strongest.score >= OVERRIDE_RATIO * lead.score) return ranked;
  // Within one statement ("Hotline dauerbesetzt") the stronger reading wins, not the first word.
  if (strongest.parts.has(Math.min(...lead.parts))) return ranked;
  return [lead, ...ranked.filter((r) => r !== lead)];
}

/** The part of the text each token stands in: a new part after a clause break or a joining word. */
export function partsOf(tokens: readonly string[]): number[] {
  let part = 0;
  return tokens.map((t) => (t === BOUNDARY || JOINING_WORDS.has(t) ? ++part : part));
}

/** Per token: one of `words` stands before it in its clause ("also", "weil"). */
function afterWordIn(tokens: readonly string[], words: ReadonlySet<string>): boolean[] {
  let seen = false;
  return tokens.map((t) => {
    const before = seen;
    if (t === BOUNDARY) seen = false;
    else if (words.has(t)) seen = true;
    return before && t !== BOUNDARY;
  });
}

/** Verdicts that cover the thing of their clause either side ("zufrieden mit dem Service"). */
const CONTENT_WORDS = new Set(['zufrieden', 'satisfied', 'happy', 'nichts auszusetzen']);
/** Words that open a clause without judging anything ("Ok, ich war im Rückstand"). */
const OPENERS = new Set(['ok', 'okay', 'gut', 'good', 'fine', 'great', 'super', 'prima', 'passt']);

/**
 * Moves to `denied` the matches of a clause that praises them ("An Ihrem Service hatte ich
 * nichts auszusetzen, aber …", "Your support team was always helpful, …"): the praised
 * thing is what the writer rules out. A verdict
 * judges what stands before it in its clause; being content also what follows it.
 */
function praiseDenied(found: PhraseMatch[], tokens: readonly string[], v: ReasonVocabulary, denied: PhraseMatch[]): PhraseMatch[] {
  const praised = found.filter((m) => praiseAround(m, tokens, v));
  if (praised.length === 0) return found;
  denied.push(...praised);
  return found.filter((m) => !praised.includes(m));
}

/** An unnegated praise in the match's clause that judges it. */
function praiseAround(m: PhraseMatch, tokens: readonly string[], v: ReasonVocabulary): boolean {
  let from = m.start;
  while (from > 0 && tokens[from - 1] !== BOUNDARY) from--;
  for (let j = from; j < tokens.length && tokens[j] !== BOUNDARY; j++) {
    if (j >= m.start && j <= m.end) continue;
    for (const n of v.neutralizers) {
      if (!startsAt(tokens, j, n)) continue;
      const phrase = n.join(' ');
      if (j === from && OPENERS.has(phrase)) continue;
      // "closed for good" means for ever.
      if (phrase === 'good' && tokens[j - 1] === 'for') continue;
      if (j < m.start && !CONTENT_WORDS.has(phrase)) continue;
      const before = tokens[j - 1] ?? '';
      const after = tokens[j + n.length] ?? '';
      if (v.negations.has(n[0] as string) || (!v.negations.has(before) && !v.negations.has(after))) return true;
    }
  }
  return false;
}

/** Drops a match lying inside a stronger match of another reason ("Ansprechpartner gewechselt" is not a switch). */
function dropCovered(matches: PhraseMatch[]): PhraseMatch[] {
  return matches.filter(
    (m) => !matches.some((o) => o.reason !== m.reason && o.weight > m.weight && o.start <= m.start && m.end <= o.end),
  );
}
