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
export function combineReadings(
  ranked: readonly RankedReason[],
  read: (parts?: ReadonlySet<number>, near?: { start: number; end: number }) => NgramReading,
  codes: readonly ReasonCode[],
): CombinedReading | undefined {
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
  // The model backs the rules' reading if it reads the same in the whole text, in the
  // lead's statement (when the lead was kept), or in the words around the phrase found.
  const k = codes.indexOf(code);
  const backedBy = (r: NgramReading) => (r.knownWords > 0 ? (r.posterior[k] as number) : -1);
  let p = backedBy(keepLead && lead !== undefined ? read(lead.parts) : model);
  // Full backing needs no second look (p counts from one half on).
  if (rule !== undefined && p < 0.5) p = Math.max(p, backedBy(read(undefined, rule.best)));
  if (rule === undefined) p = modelKnows ? (model.posterior[k] as number) : 0;
  const backing = { knownWords: p < 0 ? 0 : 1 };
  const ruleStrength = rule === undefined ? 0 : rule === lead ? strongest : strengthOf(rule.score);
  // How clearly the winner stands out: among the votes for a reading of the model alone;
  // for a reading the rules back, against other readings of the same statement (a cause
  // stated apart from it is a second reason, not a doubt about the first).
  const statement = rule === undefined ? -1 : Math.min(...rule.parts);
  const rivals = ranked.filter((r) => r !== rule && r.parts.has(statement)).map((r) => r.score);
  const margin =
    rule === undefined
      ? second === undefined ? 1 : Math.max(0, vote - second[1]) / Math.max(vote, second[1])
      : Math.max(0, rule.score - Math.max(0, ...rivals)) / rule.score;
  const alone = ranked.every((r) => r === rule || r.parts.has(statement)) ? 1 : SEVERAL_CAUSES;
  // The model backs a code fully from a posterior of one half on.
  const support = backing.knownWords > 0 ? Math.min(1, 2 * p) : 0.5;
  const clear = 0.55 + 0.45 * margin;
  // The model alone reads a text only as far as it knows its words.
  const familiar = model.words === 0 ? 0 : Math.min(1, model.knownWords / (FAMILIAR_SHARE * model.words));
  const confidence = rule === undefined ? Math.min(MODEL_ONLY_CAP, p) * clear * familiar : ruleStrength * (0.6 + 0.4 * support) * clear * alone;
  return { code, runnerUp: second?.[0], confidence: Math.max(0, Math.min(1, confidence)), rule };
}
