/**
 * The types of a customer's valuation: what evaluateCustomer (value-decision.ts) takes and
 * returns, and the `--explain` steps value-explain.ts builds.
 */
import type { CustomerRow, EpochDay } from './types.js';
import type { ModelConfig } from './defaults.js';
import type { Channel, ChannelCosts, OfferSpec, ReasonEntry } from './playbook-types.js';
import type { CalibratedModel } from './calibrate.js';
import type { FirstLifetime } from './value.js';

export type Decision = 'win_back' | 'let_go' | 'never' | 'review';

/** One line of `--explain`: the quantity, the formula with numbers filled in, the exact value. */
export interface ExplainStep {
  label: string;
  formula: string;
  value: number;
}

/** The figures of one offer for one customer. */
export interface OfferValue {
  offer_type: string;
  p_winback: number;
  sltv: number;
  expected_value: number;
}

export interface ValueResult {
  customer_id: string;
  decision: Decision;
  decisionReason: string;
  /** null when the data do not allow a valuation (decision review) */
  p_winback: number | null;
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
  /** the channel the approach was valued with */
  channel: Channel;
}

export interface EvaluateInput {
  row: CustomerRow;
  reasonCode: string;
  reasonConfidence: number;
  entry: ReasonEntry;
  /** the playbook's offers; only those the reason allows are considered */
  offers: OfferSpec[];
  /** the approach's channel, or a rule choosing it from the value at stake */
  channel: Channel | ((valueAtStake: number) => Channel);
  channelCosts: ChannelCosts;
  /** fill explainSteps (costly: only for --explain, never per row of a batch) */
  explain?: boolean;
  asOf: EpochDay;
  config: ModelConfig;
  model?: CalibratedModel;
}
