/**
 * A win-back budget (`plan --budget`, `campaign --budget`): the contacts with the highest
 * incremental value per unit of cost, until the money is spent — the regain-profit idea of
 * Stauss & Friege (1999, Journal of Service Research 1(4)): spend recovery money where each
 * euro regains the most profit. Pure; the commands collect the candidates in a first pass.
 */
import type { Channel, OfferSpec, Playbook } from './playbook-types.js';
import type { DecisionNote, ValueResult } from './value/types.js';
import { formatAmount, type Lang } from './catalogue/index.js';

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

/** The actions chosen within a budget, and what the next unit of money would have bought. */
export interface BudgetSelection {
  /** the budget; Infinity under a capacity alone */
  amount: number;
  /** the chosen action per approached customer */
  selected: ReadonlyMap<string, BudgetOption>;
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
  /**
   * customers kept from their most valuable action because its channel was full, with that
   * channel: given a lesser action on a channel with room, or none (over capacity)
   */
  capacityBound: ReadonlyMap<string, Channel>;
  /** customers worth approaching left out because every channel of an action worth making was full (part of leftOut) */
  overCapacity: number;
}

/**
 * What a contact spends: the channel's cost, paid for every approach, plus the incentive
 * each accepting customer receives, at the chance they accept (a discount's cost is in the
 * margin and so already in the value).
 */
export function contactSpend(value: { channel: Channel | null; offer_type: string | null; p_winback: number | null }, playbook: Pick<Playbook, 'channelCosts' | 'offers'>): number {
  const channelCost = value.channel === null ? 0 : playbook.channelCosts[value.channel];
  const offer: OfferSpec | undefined = playbook.offers.find((o) => o.id === value.offer_type);
  return channelCost + (value.p_winback ?? 0) * (offer?.incentiveCost ?? 0);
}

/**
 * The multiple-choice knapsack of a budget: at most one action per customer, the most value
 * within the amount. Solved by the greedy with upgrade steps of Sinha & Zoltners (1979,
 * Operations Research 27(3), the LP relaxation of the multiple-choice knapsack; Kellerer,
 * Pferschy & Pisinger 2004, Knapsack Problems, section 11.2): per customer, the actions on the
 * upper convex hull of (spend, value) from "no contact" at (0, 0), each a step of extra value per
 * extra spend, falling along the hull; all steps are taken by that ratio, highest first (ties by
 * customer id, then the customer's own order), each when it fits the money left and its
 * customer stands on the step before it. So a customer is first bought their cheapest
 * worthwhile action (a letter), and moved to a dearer one (a visit) only when what it adds per
 * extra unit of cost beats the next customer's. A step that does not fit is skipped, and the
 * customer's later steps with it (each costs more). What money is left then goes, in the order
 * the steps were skipped, to each such customer's most valuable action that still fits (one
 * off the hull may: judgement, a common repair of the greedy). Deterministic; free actions
 * always fit.
 *
 * `caps` (plan --capacity) limit the places per channel: a step fits only when its channel has
 * a place left (an upgrade within the same channel keeps its place; one to another channel frees
 * the old place). A step that meets a full channel is skipped like one that does not fit the
 * money, but it is never "what the next euro would buy"; the repair then gives the customer the
 * most valuable action on a channel with room. Without a budget (`amount` Infinity) every step
 * fits the money, so only the places ration, highest extra value per extra unit of cost first.
 */
export function selectWithinBudget(candidates: readonly BudgetCandidate[], amount: number, caps: ChannelCaps = {}): BudgetSelection {
  const steps = candidates.flatMap((c) => upgradeSteps(c));
  steps.sort((a, b) => b.ratio - a.ratio || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || a.level - b.level);
  const level = new Map<string, number>();
  const selected = new Map<string, BudgetOption>();
  const used: Record<Channel, number> = { visit: 0, phone: 0, letter: 0, email: 0 };
  // A move within one channel keeps its place; a move to another channel needs a place there and frees the old one.
  const room = (to: Channel, from: BudgetOption | undefined) => from?.channel === to || caps[to] === undefined || used[to] < (caps[to] as number);
  const move = (id: string, to: BudgetOption, from: BudgetOption | undefined) => {
    if (from) used[from.channel]--;
    used[to.channel]++;
    selected.set(id, to);
  };
  const skipped: string[] = [];
  let spent = 0;
  let next: BudgetNext | null = null;
  for (const s of steps) {
    if ((level.get(s.id) ?? 0) !== s.level - 1) continue;
    const now = selected.get(s.id);
    if (!room(s.option.channel, now)) {
      // A full channel: no money buys this step, so it is not what the next euro would buy.
      level.set(s.id, -1);
      skipped.push(s.id);
    } else if (spent + s.spend <= amount + 1e-9) {
      level.set(s.id, s.level);
      move(s.id, s.option, now);
      spent += s.spend;
    } else {
      // Skipped: the customer stays where they are, and their dearer steps do not fit either.
      level.set(s.id, -1);
      skipped.push(s.id);
      next ??= { id: s.id, ratio: s.ratio, spend: s.spend, offer: s.option.offer, channel: s.option.channel, from: s.from === null ? null : { offer: s.from.offer, channel: s.from.channel } };
    }
  }
  const optionsOf = new Map(candidates.map((c) => [c.id, c.options]));
  for (const id of skipped) {
    const now = selected.get(id);
    const left = amount - spent + 1e-9;
    let best: BudgetOption | undefined;
    for (const o of optionsOf.get(id) ?? []) {
      if (o.value <= (now?.value ?? 0) || o.spend < 0 || o.spend - (now?.spend ?? 0) > left || !room(o.channel, now)) continue;
      if (best === undefined || o.value > best.value || (o.value === best.value && o.spend < best.spend)) best = o;
    }
    if (best === undefined) continue;
    spent += best.spend - (now?.spend ?? 0);
    move(id, best, now);
  }
  let value = 0;
  for (const o of selected.values()) value += o.value;
  const worth = candidates.filter((c) => c.options.some((o) => o.value > 0));
  const capacityBound = new Map<string, Channel>();
  let overCapacity = 0;
  for (const c of worth) {
    const top = mostValuable(c.options);
    const chosen = selected.get(c.id);
    const full = caps[top.channel] !== undefined && used[top.channel] >= (caps[top.channel] as number);
    if (!full || (chosen !== undefined && chosen.offer === top.offer && chosen.channel === top.channel)) continue;
    capacityBound.set(c.id, top.channel);
    if (chosen === undefined) overCapacity++;
  }
  return { amount, selected, spent, value, next, leftOut: worth.length - selected.size, caps, used, capacityBound, overCapacity };
}

/** A customer's most valuable action: the cheapest of equal value, then the first given. */
function mostValuable(options: readonly BudgetOption[]): BudgetOption {
  let best = options[0] as BudgetOption;
  for (const o of options) if (o.value > best.value || (o.value === best.value && o.spend < best.spend)) best = o;
  return best;
}

interface UpgradeStep {
  id: string;
  /** 1 for the customer's first action, 2 for the first upgrade, … */
  level: number;
  ratio: number;
  spend: number;
  option: BudgetOption;
  from: BudgetOption | null;
}

/** A customer's steps along the upper convex hull of their actions worth more than nothing. */
function upgradeSteps(c: BudgetCandidate): UpgradeStep[] {
  // Cheapest first; at equal spend the most valuable first, then the given order (stable sort).
  const options = c.options.filter((o) => o.value > 0 && o.spend >= 0).sort((a, b) => a.spend - b.spend || b.value - a.value);
  const hull: { spend: number; value: number; option: BudgetOption | null }[] = [{ spend: 0, value: 0, option: null }];
  for (const o of options) {
    const last = hull[hull.length - 1]!;
    // Dominated: costs at least as much and adds nothing.
    if (o.value <= last.value) continue;
    // Not on the upper hull: the step to the point before last is at least as steep through o.
    while (hull.length >= 2) {
      const a = hull[hull.length - 2]!;
      const b = hull[hull.length - 1]!;
      if ((b.value - a.value) * (o.spend - b.spend) > (o.value - b.value) * (b.spend - a.spend)) break;
      hull.pop();
    }
    hull.push({ spend: o.spend, value: o.value, option: o });
  }
  return hull.slice(1).map((h, i) => {
    const before = hull[i]!;
    const spend = h.spend - before.spend;
    return { id: c.id, level: i + 1, ratio: spend > 0 ? (h.value - before.value) / spend : Infinity, spend, option: h.option!, from: before.option };
  });
}

/**
 * A customer's candidate: every permitted action (offer × channel at the planned date) worth
 * more than the decision threshold as plan.csv rounds it (cents), each with what it spends.
 */
export function budgetCandidate(value: Pick<ValueResult, 'customer_id' | 'channel' | 'offer_type' | 'p_winback' | 'expected_value' | 'offersConsidered'>, playbook: Pick<Playbook, 'channelCosts' | 'offers'>, threshold: number): BudgetCandidate {
  const floor = Math.max(0, threshold);
  const worth = value.offersConsidered.filter((o) => Number(o.expected_value.toFixed(2)) > floor);
  const options = worth.map((o) => ({ offer: o.offer_type, channel: o.channel, value: o.expected_value, spend: contactSpend(o, playbook) }));
  // A valuation without its table (none is made today) still offers its chosen action.
  if (options.length === 0 && value.channel !== null && value.expected_value !== null && value.expected_value > 0) {
    options.push({ offer: value.offer_type ?? 'none', channel: value.channel, value: value.expected_value, spend: contactSpend(value, playbook) });
  }
  return { id: value.customer_id, options };
}

/** The decision note of a contact worth making that the budget leaves out. */
export function overBudgetNote(budget: Pick<BudgetSelection, 'amount'>, symbol: string, lang: Lang = 'en'): DecisionNote {
  return { key: 'overBudget', args: [formatAmount(budget.amount, lang), symbol] };
}

/** The decision note of a contact worth making that no channel with room can carry (plan --capacity). */
export function overCapacityNote(channel: Channel, places: number): DecisionNote {
  return { key: 'overCapacity', args: [channel, places] };
}
