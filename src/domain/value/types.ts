/**
 * The types of a customer's valuation: what evaluateCustomer (decision.ts) takes and
 * returns, and the `--explain` steps explain.ts builds.
 */
import type { Lang } from '../catalogue/entry.js';
import type { Messages, Said } from '../catalogue/index.js';
import type { CustomerRow, Decision, EpochDay } from '../types.js';
import type { ModelConfig } from '../defaults.js';
import type { Channel, ChannelCosts, OfferSpec, ReasonEntry, RetentionMeasureSpec } from '../playbook-types.js';
import type { CalibratedModel } from '../calibrate/calibrate.js';
import type { FirstLifetime } from './value.js';

export type { Decision } from '../types.js';

/**
 * Which playbook a customer is planned with: win_back for the lost (departure reason, offers),
 * retention for customers still alive per the purchase model but drifting (the playbook's
 * retention section). One track per customer, never both.
 */
export type Track = 'win_back' | 'retention';

/** Every track, in the order plan.csv's summary lists them. */
export const TRACKS: readonly Track[] = ['win_back', 'retention'];

/** A retention measure and the channels it may use for one customer (permission applied). */
export interface RetentionOption {
  measure: RetentionMeasureSpec;
  /** the measure's channels permitted to the customer */
  channels: readonly Channel[];
  /** the measure's channels the customer has a contact point for, permitted or not (no_channel's value is told on them) */
  reachable?: readonly Channel[];
}

/** Every decision, in the order plan.csv, summaries and reports list them. */
export const DECISIONS: readonly Decision[] = ['win_back', 'review', 'no_channel', 'let_go', 'never'];

/** One line of `--explain`: the quantity, the formula with numbers filled in, the exact value. */
export interface ExplainStep {
  label: string;
  formula: string;
  value: number;
}

/** The figures of one offer on one channel for one customer. */
export interface OfferValue {
  offer_type: string;
  channel: Channel;
  p_winback: number;
  sltv: number;
  expected_value: number;
}

/** A figure inside a decision's words, kept a number so that each page words it in its own form. */
export type NoteFigure = { readonly money: number; readonly cents?: true } | { readonly fixed: number };

type ValueTexts = Messages['value'];
type Figured<A> = { readonly [I in keyof A]: A[I] extends string ? string | NoteFigure | Said<'value'> : A[I] };

/**
 * What decision_reason is worded from: its catalogue key (`value` section) and arguments, money
 * and shares as figures (note.ts words it). The worksheet words it again with whole money; no
 * page reads the text back.
 */
export type DecisionNote = {
  [K in keyof ValueTexts]: ValueTexts[K] extends (...a: infer A) => string ? { readonly key: K; readonly args: Figured<A> } : { readonly key: K; readonly args: readonly [] };
}[keyof ValueTexts];

export interface ValueResult {
  customer_id: string;
  decision: Decision;
  /** decision_reason in the run's language: `decisionNote` worded with plan.csv's money (cents) */
  decisionReason: string;
  decisionNote: DecisionNote;
  /** null when the data do not allow a valuation (decision review) */
  p_winback: number | null;
  /** chance of a return without contact (at the contact date); null where not valued */
  p_organic: number | null;
  /**
   * today's value of one currency unit at the contact date (discountToAsOf): expected_value is
   * this factor times the undiscounted terms, and a contact's cost is discounted by it too;
   * null where not valued
   */
  discount: number | null;
  sltv: number | null;
  expected_value: number | null;
  /** second-lifetime value with a plain approach, before probability: what the loss is worth */
  value_at_stake: number | null;
  offer_type: string | null;
  offerReason: string;
  offersConsidered: OfferValue[];
  firstLifetime: FirstLifetime;
  warnings: string[];
  explainSteps: ExplainStep[];
  /** the channel of the best approach; null when none may be used (decision never or no_channel) */
  channel: Channel | null;
  /** the customer's track; absent means win_back */
  track?: Track;
  /** the retention measure chosen on the retention track (absent when none is planned: never, not valued) */
  retention?: RetentionMeasureSpec;
  /** plan --capacity: the full channel that kept the customer from their most valuable action (absent otherwise) */
  fullChannel?: { channel: Channel; places: number };
}

export interface EvaluateInput {
  row: CustomerRow;
  reasonCode: string;
  reasonConfidence: number;
  /**
   * no reason recorded at all (empty text and code): certainly `unknown`, so the reason's own
   * measure (ask) is valued instead of sending the customer to review
   */
  reasonMissing?: boolean;
  entry: ReasonEntry;
  /** the playbook's offers; only those the reason allows are considered */
  offers: OfferSpec[];
  /** the channels the customer may be contacted on, in preference order; every one is valued */
  channels: readonly Channel[];
  /** when no channel may be used: value the approach as if these could, to tell no_channel from let_go */
  unpermitted?: boolean;
  channelCosts: ChannelCosts;
  /** odds factor of a return per channel (a visit persuades more than a letter); 1 where missing */
  channelResponse?: Partial<Record<Channel, number>>;
  /** fill explainSteps (costly: only for --explain, never per row of a batch) */
  explain?: boolean;
  /**
   * leave offersConsidered empty: the table of every offer × channel (an object per action,
   * ~1 KB a row) is made only for outputs that show the alternatives (PlanSetup.withoutActions)
   */
  withoutActions?: boolean;
  asOf: EpochDay;
  /**
   * the planned contact date: recency is measured at it and the value discounted from it to
   * as-of; undefined values the contact at as-of
   */
  contactDay?: EpochDay;
  config: ModelConfig;
  model?: CalibratedModel;
  /** language of the texts (decision_reason, offer_reason, explain steps); English when not given */
  lang?: Lang;
  /**
   * the playbook's retention measures with the channels each may use for this customer; a
   * customer alive per the purchase model but drifting (clv's core defector) is valued with them
   */
  retention?: readonly RetentionOption[];
}

