/**
 * Joins the two readings of a reason text: the phrase rules (structure-aware, precise where
 * they fire) and the n-gram model (broad, trained on examples). Both vote per code; the
 * confidence says how much they agree and how clearly the winner stands out.
 */
import type { ReasonCode } from '../playbook-types.js';
import type { NgramReading } from './ngram.js';
import { STATED_SCORE, type RankedReason } from './rules.js';

export interface CombinedReading {
  code: ReasonCode;
  runnerUp: ReasonCode | undefined;
  /** 0..1 */
  confidence: number;
  /** the rule reading of the chosen code, when the rules found it */
  rule: RankedReason | undefined;
}

/** How much a full rule reading counts against the model's posterior (judgement, see docs/reasons-accuracy.md). */
const RULE_WEIGHT = 1;
/** The model alone never makes a reading sure: its best guesses stay below this. */
const MODEL_ONLY_CAP = 0.75;

/** Maps a rule score (sum of phrase weights) to 0..1: one plain phrase ≈ 0.78, a strong one ≈ 0.95. */
export function strengthOf(score: number): number {
  return 1 - Math.exp(-1.5 * score);
}

/**
 * Combines the rule ranking (leading cause first) with the model's posterior; `read` gives
 * the model's reading of the whole text, or of some of its parts only.
 */
export function combineReadings(ranked: readonly RankedReason[], read: (parts?: ReadonlySet<number>) => NgramReading, codes: readonly ReasonCode[]): CombinedReading | undefined {
  const model = read();
  const votes = new Map<ReasonCode, number>();
  const lead = ranked[0];
  const strongest = Math.max(0, ...ranked.map((r) => strengthOf(r.score)));
  for (const r of ranked) votes.set(r.reason, RULE_WEIGHT * (r === lead ? strongest : strengthOf(r.score)));
  const modelKnows = model.knownWords > 0;
  if (modelKnows) codes.forEach((c, k) => votes.set(c, (votes.get(c) ?? 0) + (model.posterior[k] as number)));
  const order = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  // The model reads words, not their order: among causes the rules found, it does not
  // overturn the one the writer stated first; it is asked about that cause's part alone.
  const leadAt = order.findIndex(([c]) => c === lead?.reason);
  const keepLead = lead !== undefined && lead.score >= STATED_SCORE && leadAt > 0 && ranked.some((r) => r.reason === order[0]?.[0]);
  if (keepLead) order.unshift(...order.splice(leadAt, 1));
  const [top, second] = order;
  if (top === undefined) return undefined;
  const [code, vote] = top;
  const rule = ranked.find((r) => r.reason === code);
  const backing = keepLead && lead !== undefined ? read(lead.parts) : model;
  const p = backing.knownWords > 0 ? (backing.posterior[codes.indexOf(code)] as number) : 0;
  const ruleStrength = rule === undefined ? 0 : rule === lead ? strongest : strengthOf(rule.score);
  // How clearly the winner stands out: among the votes for a reading of the model alone,
  // among the rules' causes for a reading the rules back.
  const others = ranked.filter((r) => r !== rule).map((r) => strengthOf(r.score));
  const margin =
    rule === undefined
      ? second === undefined ? 1 : Math.max(0, vote - second[1]) / Math.max(vote, second[1])
      : Math.max(0, ruleStrength - Math.max(0, ...others)) / ruleStrength;
  // The model backs a code fully from a posterior of one half on.
  const support = backing.knownWords > 0 ? Math.min(1, 2 * p) : 0.5;
  const clear = 0.55 + 0.45 * margin;
  const confidence = rule === undefined ? Math.min(MODEL_ONLY_CAP, p) * clear : ruleStrength * (0.6 + 0.4 * support) * clear;
  return { code, runnerUp: second?.[0], confidence: Math.max(0, Math.min(1, confidence)), rule };
}
