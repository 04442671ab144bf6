/**
 * What an approach costs, in the value model's own terms (docs/model.md section 4):
 * expected_value = discount × (p × sltv − organic value − channel_cost(channel) − p × incentive_cost(offer)),
 * where discount is today's value of a unit at the contact date (the ValueResult's `discount`).
 * The channel cost is paid for every approach, the incentive only by those who accept (so its
 * expected cost is p × incentive); both are paid at the contact date, so both are discounted
 * as the value is. Only win_back customers are approached, so only they cost. Pure.
 */
import type { ChannelCosts, OfferSpec, RetentionMeasureSpec } from '../playbook-types.js';
import { NEUTRAL_OFFER } from '../value/decision.js';
import type { Decision } from '../value/types.js';

/** The two cost terms of one planned approach, in currency units. */
export interface ApproachCost {
  contact: number;
  incentive: number;
}

/** The figures of a planned customer that its cost depends on (a ValueResult or a plan.csv row). */
export interface CostFacts {
  decision: Decision;
  channel: string | null;
  offer_type: string | null;
  p_winback: number | null;
  /** the value model's discount from the contact date to as-of (ValueResult.discount); null where not valued */
  discount: number | null;
  /**
   * on the retention track, the purchase model's P(alive): the customers still there take a
   * retention incentive too, so its expected cost is (P(alive) + p) × incentive
   */
  p_alive?: number;
}

/** The playbook's prices: channel costs, the offers' and the retention measures' incentives. */
export interface CostPrices {
  channelCosts: ChannelCosts;
  offers: readonly Pick<OfferSpec, 'id' | 'incentiveCost'>[];
  retention?: { measures: readonly Pick<RetentionMeasureSpec, 'id' | 'incentiveCost'>[] };
}

/**
 * The expected cost of the approach the plan chose: null for customers who are not approached
 * (any decision but win_back), and null when the figures do not say what the approach is.
 */
export function approachCost(v: CostFacts, prices: CostPrices): ApproachCost | null {
  return approachCostOf(v.decision, v.channel, v.offer_type, v.p_winback, v.discount, v.p_alive, prices);
}

/** approachCost from the figures one by one: what the totals ask per row, without a CostFacts object made for it. */
export function approachCostOf(decision: Decision, channel: string | null, offerType: string | null, pWinback: number | null, discount: number | null, pAlive: number | undefined, prices: CostPrices): ApproachCost | null {
  if (decision !== 'win_back' || pWinback === null || channel === null || discount === null) return null;
  const contact = (prices.channelCosts as Record<string, number | undefined>)[channel];
  if (contact === undefined) return null;
  // A reason without offers is approached plainly (NEUTRAL_OFFER): no incentive.
  if (pAlive !== undefined) {
    const measure = prices.retention?.measures.find((m) => m.id === offerType);
    return measure === undefined ? null : { contact: discount * contact, incentive: discount * (pAlive + pWinback) * measure.incentiveCost };
  }
  const offer = prices.offers.find((o) => o.id === offerType) ?? (offerType === NEUTRAL_OFFER.id || !offerType ? NEUTRAL_OFFER : undefined);
  if (offer === undefined) return null;
  return { contact: discount * contact, incentive: discount * pWinback * offer.incentiveCost };
}

/** Net return per unit spent: expected profit ÷ cost; null when nothing is spent. */
export function returnOnSpend(profit: number, cost: number): number | null {
  return cost > 0 ? profit / cost : null;
}
