/**
 * Does a calibrated model decide better than the defaults? (docs/model.md, section 7a.) On the
 * holdout customers of the history, the money each model's decisions would have made is
 * estimated from the two parts of past campaigns whose assignment was random: the control
 * group (no contact) and the contacts whose offer was drawn at random (`campaign
 * --test-offers`). Per reason, each arm's customers are a random sample of the reason's
 * customers, so the mean over an arm of "what this customer brought, if the model would have
 * chosen this arm for them" estimates the model's value on that arm (a stratified
 * inverse-propensity estimate with the arms' observed shares as propensities: Horvitz &
 * Thompson 1952; Hirano, Imbens & Ridder 2003, Econometrica 71(4), on estimated propensities),
 * augmented by the models' own predictions of that money (doubly robust: policyDifference).
 * Pure.
 */
import type { CalibratedModel } from './calibrate.js';
import type { ModelConfig } from '../defaults.js';
import type { Channel, ChannelCosts, OfferSpec, ReasonEntry } from '../playbook-types.js';
import type { CustomerRow, EpochDay } from '../types.js';
import { evaluateCustomer } from '../value/decision.js';
import { withLearnedFactors } from './apply.js';

// Per model and playbook the folded playbook is built once, not per held-out customer.
const folded = new WeakMap<CalibratedModel, { playbook: ComparePlaybook; applied: ComparePlaybook }>();
function learnedPlaybook(playbook: ComparePlaybook, model: CalibratedModel): ComparePlaybook {
  const hit = folded.get(model);
  if (hit !== undefined && hit.playbook === playbook) return hit.applied;
  const applied = withLearnedFactors(playbook, model);
  folded.set(model, { playbook, applied });
  return applied;
}

/** The arm of a customer who was not contacted (the control group), and of a decision not to contact. */
export const CONTROL_ARM = 'control';

/** A holdout customer whose arm was random: a control customer, or a contact with a randomised offer. */
export interface HoldoutAttempt {
  customer: CustomerRow;
  reasonCode: string;
  contactDay: EpochDay;
  channel: Channel;
  /** CONTROL_ARM, or the offer that was drawn */
  arm: string;
  wonBack: boolean;
}

/** What the comparison needs of the playbook. */
export interface ComparePlaybook {
  reasons: readonly ReasonEntry[];
  offers: OfferSpec[];
  channelCosts: ChannelCosts;
  channelResponse?: Partial<Record<Channel, number>>;
}

/** One holdout customer, ready to compare: their stratum, arm, the money the arm made, and each model's choice. */
export interface CompareCase {
  stratum: string;
  arm: string;
  reward: number;
}

/** A candidate against the baseline on the holdout, in money. */
export interface PolicyDifference {
  /** holdout customers in the comparison (control and randomised) */
  cases: number;
  /** customers for whom the two models decide differently */
  differing: number;
  /** of those, customers for whom a model chose an arm no compared customer of their reason was in (that choice earns 0: against the model that makes it) */
  unmeasured: number;
  /** estimated money per holdout customer: candidate − baseline */
  perCustomer: number;
  /** its standard error */
  standardError: number;
  /**
   * the most any single customer adds to perCustomer (0 when none adds anything): money is
   * heavy-tailed, and a gain that rests on one large customer's return is not one the standard
   * error can vouch for
   */
  largestContribution: number;
  /**
   * the estimate and its standard error without the customer whose d_i is largest (the most
   * favourable one): a gain that holds only with that customer is not one the rest can vouch for
   */
  withoutLargest: { mean: number; error: number };
  /** the difference over all holdout customers of the comparison (perCustomer × cases) */
  total: number;
}

/**
 * The doubly robust (augmented inverse-propensity) estimate of V(candidate) − V(baseline), paired
 * customer by customer (Robins, Rotnitzky & Zhao 1994; Dudík, Langford & Li 2011). Per customer i
 * of reason r, logged on arm A with reward R, and μ_i(a) a prediction of the money arm a makes:
 * d_i = μ_i(c_i) − μ_i(b_i) + (1[c_i = A] − 1[b_i = A]) · (R − μ_i(A)) / π_{r,A},
 * π_{r,a} = n_{r,a} / n_r the arm's share of the reason's compared customers (its propensity).
 * Δ = Σ_i d_i / N; Var = Σ_{r,a} (n_{r,a}/N)² s²_{r,a}(d) / n_{r,a}, the variance of a sample
 * stratified by reason and arm (a cell of one customer counts its own square). Where the two
 * models decide alike d_i is 0: only customers they differ on carry signal. Without `predicted`
 * (μ = 0) it is the plain inverse-propensity estimate. An arm no compared customer of the reason
 * was in cannot be checked: a choice of it earns 0 (against the model that makes it).
 */
export function policyDifference(
  cases: readonly CompareCase[],
  candidate: readonly string[],
  baseline: readonly string[],
  predicted?: readonly (ReadonlyMap<string, number> | undefined)[],
): PolicyDifference {
  const strata = new Map<string, { n: number; arms: Map<string, number> }>();
  for (const c of cases) {
    const s = strata.get(c.stratum) ?? { n: 0, arms: new Map<string, number>() };
    strata.set(c.stratum, s);
    s.n++;
    s.arms.set(c.arm, (s.arms.get(c.arm) ?? 0) + 1);
  }
  const N = cases.length;
  const ds: number[] = [];
  const cellOf: string[] = [];
  let differing = 0;
  let unmeasured = 0;
  let top = -1;
  cases.forEach((c, i) => {
    const s = strata.get(c.stratum) as { n: number; arms: Map<string, number> };
    const mu = predicted?.[i];
    // What the estimate credits a choice of arm a with on this customer.
    const value = (a: string) => {
      if (!s.arms.has(a)) return 0;
      const direct = mu?.get(a) ?? 0;
      return a === c.arm ? direct + ((c.reward - direct) * s.n) / (s.arms.get(a) as number) : direct;
    };
    const same = candidate[i] === baseline[i];
    if (!same) {
      differing++;
      if (!s.arms.has(candidate[i] as string) || !s.arms.has(baseline[i] as string)) unmeasured++;
    }
    const d = same ? 0 : value(candidate[i] as string) - value(baseline[i] as string);
    ds.push(d);
    cellOf.push(`${c.stratum}\u001f${c.arm}`);
    if (top < 0 || d > (ds[top] as number)) top = i;
  });
  const all = meanAndError(ds, cellOf, -1);
  const largest = N === 0 ? 0 : Math.max(0, ds[top] as number);
  return {
    cases: N, differing, unmeasured, perCustomer: all.mean, standardError: all.error, largestContribution: N === 0 ? 0 : largest / N,
    withoutLargest: N > 1 ? meanAndError(ds, cellOf, top) : { mean: 0, error: 0 }, total: all.mean * N,
  };
}

/** Mean of d and its standard error, stratified by reason × arm cell; `skip` leaves one customer out (−1: none). */
function meanAndError(d: readonly number[], cellOf: readonly string[], skip: number): { mean: number; error: number } {
  const cells = new Map<string, number[]>();
  d.forEach((x, i) => {
    if (i === skip) return;
    const cell = cells.get(cellOf[i] as string) ?? [];
    cells.set(cellOf[i] as string, cell);
    cell.push(x);
  });
  const N = d.length - (skip >= 0 ? 1 : 0);
  if (N <= 0) return { mean: 0, error: 0 };
  let sum = 0;
  let variance = 0;
  for (const cell of cells.values()) {
    const n = cell.length;
    const mean = cell.reduce((a, x) => a + x, 0) / n;
    const s2 = n > 1 ? cell.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1) : (cell[0] as number) ** 2;
    sum += mean * n;
    variance += ((n / N) ** 2 * s2) / n;
  }
  return { mean: sum / N, error: Math.sqrt(variance) };
}

/**
 * What a model would do for a holdout customer on the channel and day they were approached:
 * the offer of its best action when that is worth a contact, else CONTROL_ARM (no contact).
 * undefined when the customer cannot be valued (no margin, a final reason).
 */
export function holdoutChoice(
  a: HoldoutAttempt,
  playbook: ComparePlaybook,
  config: ModelConfig,
  model: CalibratedModel | undefined,
): HoldoutDecision | undefined {
  // The model's channel factors and second-lifetime scales act through the playbook's fields, as in the plan.
  const pb = model ? learnedPlaybook(playbook, model) : playbook;
  const entry = pb.reasons.find((r) => r.code === a.reasonCode);
  if (entry === undefined || entry.final) return undefined;
  const input: Parameters<typeof evaluateCustomer>[0] = {
    row: a.customer, reasonCode: a.reasonCode, reasonConfidence: 1, entry, offers: playbook.offers, channels: [a.channel],
    channelCosts: playbook.channelCosts, asOf: a.contactDay, contactDay: a.contactDay, config,
  };
  if (pb.channelResponse) input.channelResponse = pb.channelResponse;
  if (model) input.model = model;
  const v = evaluateCustomer(input);
  if (v.value_at_stake === null || v.offersConsidered.length === 0) return undefined;
  // The money each arm made when the customer came back: the second lifetime under the offer
  // net of its incentive, less the channel's cost; without contact, the plain second lifetime.
  const cost = playbook.channelCosts[a.channel];
  const rewards = new Map<string, number>([[CONTROL_ARM, a.wonBack ? v.value_at_stake : 0]]);
  const payoff = new Map<string, number>([[CONTROL_ARM, v.value_at_stake]]);
  const chance = new Map<string, number>([[CONTROL_ARM, v.p_organic ?? 0]]);
  // The model's expectation of the same money: its chance of a return on each arm (no contact:
  // the organic return) times what the return brings.
  const predicted = new Map<string, number>([[CONTROL_ARM, (v.p_organic ?? 0) * v.value_at_stake]]);
  for (const o of v.offersConsidered) {
    const incentive = playbook.offers.find((x) => x.id === o.offer_type)?.incentiveCost ?? 0;
    rewards.set(o.offer_type, (a.wonBack ? o.sltv - incentive : 0) - cost);
    payoff.set(o.offer_type, o.sltv - incentive);
    chance.set(o.offer_type, o.p_winback);
    predicted.set(o.offer_type, o.p_winback * (o.sltv - incentive) - cost);
  }
  return { choice: v.decision === 'win_back' && v.offer_type !== null ? v.offer_type : CONTROL_ARM, rewards, predicted, chance, payoff, cost };
}

/** A model's decision for a held-out customer, with the money each arm made and what the model expects of each. */
export interface HoldoutDecision {
  /** the offer the model would make on the logged channel and day, or CONTROL_ARM */
  choice: string;
  /** the money each arm made: what the return brought if the customer came back, less the channel's cost on a contact */
  rewards: Map<string, number>;
  /** the model's expectation of that money: its chance of a return on the arm times what the return brings, less the cost */
  predicted: Map<string, number>;
  /** the model's chance of a return on each arm (no contact: the organic return) */
  chance: Map<string, number>;
  /** what a return brings on each arm (net of the offer's incentive), by the playbook the decision was valued with */
  payoff: Map<string, number>;
  /** the channel's cost, paid on every contact arm */
  cost: number;
}

/**
 * A model's prediction of the money each arm makes, valued with another playbook's second
 * lifetime (the learned one the comparison values returns with): the model's chances times the
 * valuation's payoffs. A control variate that predicts the money actually measured.
 */
export function predictedMoney(model: HoldoutDecision, valuation: HoldoutDecision): Map<string, number> {
  const out = new Map<string, number>();
  for (const [arm, p] of model.chance) out.set(arm, p * (valuation.payoff.get(arm) ?? 0) - (arm === CONTROL_ARM ? 0 : valuation.cost));
  return out;
}
