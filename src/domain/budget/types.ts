/**
 * The shapes of a win-back budget (`plan --budget`, `--capacity`, `campaign --budget`): the
 * candidates a first pass collects, what the choice comes to, and the choice as the planning
 * threads read it. Pure types (and the channels' codes the columns and the choice share).
 */
import type { Channel } from '../playbook-types.js';

/** One action a customer may be approached with: its incremental value today and the money it spends. */
export interface BudgetOption {
  offer: string;
  channel: Channel;
  value: number;
  spend: number;
}

/** A customer the plan would approach, with every action worth making (value above the threshold). */
export interface BudgetCandidate {
  id: string;
  options: readonly BudgetOption[];
}

/** What the budget left out first: a customer's first action, or an upgrade of a chosen one. */
export interface BudgetNext {
  id: string;
  /** extra value per extra unit of cost */
  ratio: number;
  /** extra spend of the step */
  spend: number;
  offer: string;
  channel: Channel;
  /** the action the step would replace (an upgrade), null for a customer not approached */
  from: { offer: string; channel: Channel } | null;
}

/** Places per channel (plan --capacity, campaign --capacity); a channel without a cap is unlimited. */
export type ChannelCaps = Partial<Record<Channel, number>>;

/** What a budget's choice comes to: its money, contacts and places, without the customers themselves. */
export interface BudgetFigures {
  /** the budget; Infinity under a capacity alone */
  amount: number;
  /** customers approached */
  contacts: number;
  spent: number;
  value: number;
  /** the best step left out: its value per unit of cost (null when every step fitted) */
  next: BudgetNext | null;
  /** customers worth approaching that the budget left out altogether */
  leftOut: number;
  /** the places per channel it was chosen within ({} without --capacity) */
  caps: ChannelCaps;
  /** contacts chosen per channel */
  used: Record<Channel, number>;
  /** customers kept from their most valuable action by a full channel (capacityBound's size) */
  boundByCapacity: number;
  /** customers worth approaching left out because every channel of an action worth making was full (part of leftOut) */
  overCapacity: number;
}

/** The actions chosen within a budget, and what the next unit of money would have bought. */
export interface BudgetSelection extends BudgetFigures {
  /** the chosen action per approached customer, in the order they were first chosen */
  selected: ReadonlyMap<string, BudgetOption>;
  /**
   * customers kept from their most valuable action because its channel was full, with that
   * channel: given a lesser action on a channel with room, or none (over capacity)
   */
  capacityBound: ReadonlyMap<string, Channel>;
}

/** The action a budget chose for a customer (an offer or retention measure, on a channel). */
export interface BudgetAction {
  offer: string;
  channel: Channel;
}

/**
 * What a budget chose, as the plan reads it customer by customer (PlanSetup.budget): per
 * customer chosen or kept from their best action by a full channel, the action and the channel.
 * Plain data — the ids sorted and written one after another, a code per customer — so that it
 * crosses to the planning threads by structured clone as it is: as two Maps, the choice among
 * ~500,000 candidates took ~55 MB in every thread.
 */
export interface BudgetChoice {
  /** the customers' ids, sorted (by UTF-16 units, as `<` compares), one after another */
  ids: string;
  /** where each id ends in `ids` */
  ends: Uint32Array;
  /** per customer: (1 + its action's index in `actions`, 0 for none) × 5 + (1 + its full channel's index in CHANNELS, 0 for none) */
  codes: Uint16Array;
  actions: BudgetAction[];
}

/** A channel's number in the columns and the choice: its place in CHANNELS. */
export const CHANNEL_CODE: Record<Channel, number> = { visit: 0, phone: 1, letter: 2, email: 3 };
