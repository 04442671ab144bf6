/**
 * Joins the two readings of a reason text: the phrase rules (structure-aware, precise where
 * they fire) and the n-gram model (broad, trained on examples). Both vote per code; the
 * confidence says how much they agree and how clearly the winner stands out.
 */
import type { ReasonCode } from '../playbook-types.js';
import type { NgramReading } from './ngram.js';
import type { RankedReason } from './rules.js';

export interface CombinedReading {
  code: ReasonCode;
  runnerUp: ReasonCode | undefined;
  /** 0..1 */
  confidence: number;
  /** the rule reading of the chosen code, when the rules found it */
  rule: RankedReason | undefined;
}

/** How much a full rule reading counts against the model's posterior (judgement, see docs/reasons-accuracy.md). */
const RULE_WEIGHT = Number(globalThis.process?.env.WB_RW ?? 1);
/** The model alone never makes a reading sure: its best guesses stay below this. */
const MODEL_ONLY_CAP = Number(globalThis.process?.env.WB_CAP ?? 0.75);

/** Maps a rule score (sum of phrase weights) to 0..1: one plain phrase ≈ 0.78, a strong one ≈ 0.95. */
export function strengthOf(score: number): number {
  return 1 - Math.exp(-1.5 * score);
}

/** Combines the rule ranking (leading cause first) with the model's posterior. */
export function combineReadings(ranked: readonly RankedReason[], model: NgramReading, codes: readonly ReasonCode[]): CombinedReading | undefined {
  const votes = new Map<ReasonCode, number>();
  const lead = ranked[0];
  const strongest = Math.max(0, ...ranked.map((r) => strengthOf(r.score)));
  for (const r of ranked) votes.set(r.reason, RULE_WEIGHT * (r === lead ? strongest : strengthOf(r.score)));
  const modelKnows = model.knownWords > 0;
  if (modelKnows) codes.forEach((c, k) => votes.set(c, (votes.get(c) ?? 0) + (model.posterior[k] as number)));
  const order = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = order;
  if (top === undefined) return undefined;
  const [code, vote] = top;
  const rule = ranked.find((r) => r.reason === code);
  const p = modelKnows ? (model.posterior[codes.indexOf(code)] as number) : 0;
  const ruleStrength = rule === undefined ? 0 : rule === lead ? strongest : strengthOf(rule.score);
  const margin = second === undefined ? 1 : (vote - second[1]) / vote;
  let confidence: number;
  if (rule === undefined) confidence = Math.min(MODEL_ONLY_CAP, p) * (0.6 + 0.4 * margin);
  else confidence = (ruleStrength * (0.5 + 0.5 * Math.min(1, 2 * p)) * 0.6 + 0.4 * margin) ;
  return { code, runnerUp: second?.[0], confidence: Math.max(0, Math.min(1, confidence)), rule };
}
