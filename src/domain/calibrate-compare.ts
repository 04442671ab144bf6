/**
 * Does a calibrated model decide better than the defaults? (docs/model.md, section 7a.) On the
 * holdout customers of the history, the money each model's decisions would have made is
 * estimated from the two parts of past campaigns whose assignment was random: the control
 * group (no contact) and the contacts whose offer was drawn at random (`campaign
 * --test-offers`). Per reason, each arm's customers are a random sample of the reason's
 * customers, so the mean over an arm of "what this customer brought, if the model would have
 * chosen this arm for them" estimates the model's value on that arm (a stratified
 * inverse-propensity estimate with the arms' observed shares as propensities: Horvitz &
 * Thompson 1952; Hirano, Imbens & Ridder 2003, Econometrica 71(4), on estimated propensities).
 * Pure.
 */
import type { CalibratedModel } from './calibrate.js';
import type { ModelConfig } from './defaults.js';
import type { Channel, ChannelCosts, OfferSpec, ReasonEntry } from './playbook-types.js';
import type { CustomerRow, EpochDay } from './types.js';
import { evaluateCustomer } from './value-decision.js';

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
  /** the difference over all holdout customers of the comparison (perCustomer × cases) */
  total: number;
}

/**
 * The stratified estimate of V(candidate) − V(baseline), with its standard error:
 * Δ = Σ_r (n_r/N) Σ_a mean_{i ∈ (r,a)} reward_i · (1[candidate_i = a] − 1[baseline_i = a]),
 * Var = Σ_r (n_r/N)² Σ_a s²_{r,a} / n_{r,a} (a cell of one case counts its own square).
 */
export function policyDifference(cases: readonly CompareCase[], candidate: readonly string[], baseline: readonly string[]): PolicyDifference {
  const strata = new Map<string, Map<string, number[]>>();
  cases.forEach((c, i) => {
    const arms = strata.get(c.stratum) ?? new Map<string, number[]>();
    strata.set(c.stratum, arms);
    const cell = arms.get(c.arm) ?? [];
    arms.set(c.arm, cell);
    cell.push(i);
  });
  const N = cases.length;
  let delta = 0;
  let variance = 0;
  let largestContribution = 0;
  for (const arms of strata.values()) {
    const nr = [...arms.values()].reduce((s, cell) => s + cell.length, 0);
    const w = nr / N;
    for (const [arm, cell] of arms) {
      const d = cell.map((i) => (cases[i] as CompareCase).reward * (Number(candidate[i] === arm) - Number(baseline[i] === arm)));
      const mean = d.reduce((s, x) => s + x, 0) / d.length;
      const s2 = d.length > 1 ? d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1) : (d[0] as number) ** 2;
      delta += w * mean;
      variance += (w * w * s2) / d.length;
      for (const x of d) largestContribution = Math.max(largestContribution, (w * x) / d.length);
    }
  }
  let differing = 0;
  let unmeasured = 0;
  cases.forEach((c, i) => {
    if (candidate[i] === baseline[i]) return;
    differing++;
    const arms = strata.get(c.stratum) as Map<string, number[]>;
    if (!arms.has(candidate[i] as string) || !arms.has(baseline[i] as string)) unmeasured++;
  });
  const perCustomer = N === 0 ? 0 : delta;
  return { cases: N, differing, unmeasured, perCustomer, standardError: Math.sqrt(variance), largestContribution, total: perCustomer * N };
}

/**
 * What a model would do for a holdout customer on the channel and day they were approached:
 * the offer of its best action when that is worth a contact, else CONTROL_ARM (no contact).
 * undefined when the customer cannot be valued (no margin, a final reason).
 */
export function holdoutChoice(a: HoldoutAttempt, playbook: ComparePlaybook, config: ModelConfig, model: CalibratedModel | undefined): { choice: string; rewards: Map<string, number> } | undefined {
  const entry = playbook.reasons.find((r) => r.code === a.reasonCode);
  if (entry === undefined || entry.final) return undefined;
  const input: Parameters<typeof evaluateCustomer>[0] = {
    row: a.customer, reasonCode: a.reasonCode, reasonConfidence: 1, entry, offers: playbook.offers, channels: [a.channel],
    channelCosts: playbook.channelCosts, asOf: a.contactDay, contactDay: a.contactDay, config,
  };
  if (playbook.channelResponse) input.channelResponse = playbook.channelResponse;
  if (model) input.model = model;
  const v = evaluateCustomer(input);
  if (v.value_at_stake === null || v.offersConsidered.length === 0) return undefined;
  // The money each arm made when the customer came back: the second lifetime under the offer
  // net of its incentive, less the channel's cost; without contact, the plain second lifetime.
  const cost = playbook.channelCosts[a.channel];
  const rewards = new Map<string, number>([[CONTROL_ARM, a.wonBack ? v.value_at_stake : 0]]);
  for (const o of v.offersConsidered) {
    const incentive = playbook.offers.find((x) => x.id === o.offer_type)?.incentiveCost ?? 0;
    rewards.set(o.offer_type, (a.wonBack ? o.sltv - incentive : 0) - cost);
  }
  return { choice: v.decision === 'win_back' && v.offer_type !== null ? v.offer_type : CONTROL_ARM, rewards };
}
