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
/**
 * How much the model's posterior counts against a full rule reading. On the fresh sets F and
 * T3 the model alone read more texts right than the rules (F: 300 against 257 of 320), while
 * on the sets the phrases were tuned on the rules lead: 1.3 lifted F and T3's tuning half by
 * 1.5–2 points, cost the tuned-on sets at most 0.7 (judgement, docs/reasons-accuracy.md).
 */
const MODEL_WEIGHT = 1.3;
/**
 * The model overturns the cause stated first when it reads that cause's statement as another
 * cause the rules found with at least this posterior, knowing at least FAMILIAR_SHARE of the
 * words ("Mit der neuen Preisstruktur würden sich unsere Lizenzkosten verdreifachen": the
 * rules' "mit der neuen" is a contact change, the model reads the price).
 */
const MODEL_SURE = 0.85;
/**
 * Causes that state the end of the relationship as a fact (a closed business, our own
 * termination): the model does not overturn them when they are stated first ("Firma
 * aufgelöst Ansprechpartner gewechselt" stays a closed business). A death is not among them:
 * "seit mein Mann gestorben ist, reicht die Rente nicht" is the survivor's hardship.
 */
const STATED_ENDS: ReadonlySet<ReasonCode> = new Set(['business_closed', 'terminated_by_us']);
/** A text that states several causes is a little less sure of its first one (judgement). */
const SEVERAL_CAUSES = 0.9;
/** Share of a text's words the model must know to read it alone with its full posterior (judgement). */
const FAMILIAR_SHARE = 0.6;
/** The model alone never makes a reading sure: its best guesses stay below this. */
const MODEL_ONLY_CAP = 0.75;

/** Maps a rule score (sum of phrase weights) to 0..1: one plain phrase ≈ 0.78, a strong one ≈ 0.95. */
export function strengthOf(score: number): number {
  return 1 - Math.exp(-1.5 * score);
}

/**
 * Combines the rule ranking (leading cause first) with the model's posterior; `read` gives
 * the model's reading of the whole text, of some of its parts, or of the words near a match.
 */
export function combineReadings(ranked: readonly RankedReason[], read: PartReader, codes: readonly ReasonCode[]): CombinedReading | undefined {
  const model = read();
  const { order, keptLead } = vote(ranked, model, codes, () => read((ranked[0] as RankedReason).parts));
  const [top, second] = order;
  if (top === undefined) return undefined;
  const [code, votes] = top;
  const k = codes.indexOf(code);
  const rule = ranked.find((r) => r.reason === code);
  if (rule === undefined) {
    // A reading of the model alone: never sure, and only as far as it knows the words.
    const margin = second === undefined ? 1 : Math.max(0, votes - second[1]) / Math.max(votes, second[1]);
    const familiar = model.words === 0 ? 0 : Math.min(1, model.knownWords / (FAMILIAR_SHARE * model.words));
    const p = model.knownWords > 0 ? (model.posterior[k] as number) : 0;
    return { code, runnerUp: second?.[0], confidence: Math.min(MODEL_ONLY_CAP, p) * clarity(margin) * familiar, rule };
  }
  const lead = ranked[0] as RankedReason;
  const strength = rule === lead ? Math.max(...ranked.map((r) => strengthOf(r.score))) : strengthOf(rule.score);
  // Against other readings of the same statement: a cause stated apart from it is a second
  // reason, not a doubt about the first, though it makes the first a little less sure.
  const statement = Math.min(...rule.parts);
  const rivals = ranked.filter((r) => r !== rule && r.parts.has(statement)).map((r) => r.score);
  const margin = Math.max(0, rule.score - Math.max(0, ...rivals)) / rule.score;
  const alone = ranked.every((r) => r === rule || r.parts.has(statement)) ? 1 : SEVERAL_CAUSES;
  const support = backing(rule, keptLead ? read(lead.parts) : model, read, k);
  const confidence = strength * (0.6 + 0.4 * support) * clarity(margin) * alone;
  return { code, runnerUp: second?.[0], confidence: Math.min(1, confidence), rule };
}

/**
 * The combined score as fresh text bears it out. On every set measured before any tuning on
 * it (A, T2, E, and T2's held-out half: docs/reasons-accuracy.md), readings scored 0.9 or more
 * were right 97–99 % of the time, those between 0.8 and 0.9 only 73–92 %: what scores 0.9
 * is reported as 0.8, the band below is stretched down to it, and nothing at or below 0.5
 * (where `plan` sends a reading to review) moves, so no decision changes.
 */
export function calibrated(score: number): number {
  if (score <= CALIBRATION_KEEP) return score;
  if (score <= CALIBRATION_SURE) return CALIBRATION_KEEP + ((score - CALIBRATION_KEEP) * (REPORTED_SURE - CALIBRATION_KEEP)) / (CALIBRATION_SURE - CALIBRATION_KEEP);
  return REPORTED_SURE + ((score - CALIBRATION_SURE) * (1 - REPORTED_SURE)) / (1 - CALIBRATION_SURE);
}

/** Scores up to this stay as they are (the review threshold of `plan`). */
const CALIBRATION_KEEP = 0.5;
/** The score from which fresh text was right at least 97 % of the time … */
const CALIBRATION_SURE = 0.9;
/** … is reported as the confidence the issue calls sure. */
const REPORTED_SURE = 0.8;

/** The model's reading of the whole text, of the statements `parts`, or of the words around a match. */
export type PartReader = (parts?: ReadonlySet<number>, near?: { start: number; end: number }) => NgramReading;

/**
 * The votes per code, best first: the rules' strength (the lead's raised to the strongest)
 * plus the model's posterior. The model reads words, not their order: among causes the
 * rules found, it does not overturn the one the writer stated first (`keptLead`) unless it
 * reads that statement as surely another cause (a stated end excepted).
 */
function vote(
  ranked: readonly RankedReason[],
  model: NgramReading,
  codes: readonly ReasonCode[],
  leadReading: () => NgramReading,
): { order: [ReasonCode, number][]; keptLead: boolean } {
  const votes = new Map<ReasonCode, number>();
  const lead = ranked[0];
  const strongest = Math.max(0, ...ranked.map((r) => strengthOf(r.score)));
  for (const r of ranked) votes.set(r.reason, RULE_WEIGHT * (r === lead ? strongest : strengthOf(r.score)));
  // "unknown" is no cause: the model's reading of it does not weigh more than a cause the rules found ("Kündigung ohne Angabe, Budget gekürzt").
  if (model.knownWords > 0) codes.forEach((c, k) => votes.set(c, (votes.get(c) ?? 0) + (c === 'unknown' ? 1 : MODEL_WEIGHT) * (model.posterior[k] as number)));
  const order = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  const leadAt = order.findIndex(([c]) => c === lead?.reason);
  const keptLead =
    lead !== undefined &&
    lead.score >= STATED_SCORE &&
    leadAt > 0 &&
    ranked.some((r) => r.reason === order[0]?.[0]) &&
    (STATED_ENDS.has(lead.reason) || !modelSureOf(leadReading(), codes, order[0]?.[0]));
  if (keptLead) order.unshift(...order.splice(leadAt, 1));
  return { order, keptLead };
}

/** The model is sure of `code` and knows most of the text's words. */
function modelSureOf(model: NgramReading, codes: readonly ReasonCode[], code: ReasonCode | undefined): boolean {
  if (code === undefined || model.knownWords === 0 || model.knownWords < FAMILIAR_SHARE * model.words) return false;
  return (model.posterior[codes.indexOf(code)] as number) >= MODEL_SURE;
}

/**
 * How far the model backs a rule reading, 0..1: fully from a posterior of one half on, in
 * the text (or the lead's statement) or else in the words around the phrase; 0.5 when it
 * knows none of the words.
 */
function backing(rule: RankedReason, reading: NgramReading, read: PartReader, k: number): number {
  const posteriorIn = (r: NgramReading) => (r.knownWords > 0 ? (r.posterior[k] as number) : -1);
  let p = posteriorIn(reading);
  if (p < 0.5) p = Math.max(p, posteriorIn(read(undefined, rule.best)));
  return p < 0 ? 0.5 : Math.min(1, 2 * p);
}

/** 0.55 for a reading that does not stand out at all, 1 for one without rivals. */
function clarity(margin: number): number {
  return 0.55 + 0.45 * margin;
}
