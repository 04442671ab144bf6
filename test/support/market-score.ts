/**
 * Scores a plan against a known truth: the expected incremental profit of each customer's
 * planned action, next to the best permitted action for that customer, and every contact
 * that must not happen (a channel without permission, or a customer who objected).
 */
import { parseIsoDay } from '../../src/domain/dates.js';
import { CHANNELS, type Channel } from '../../src/domain/playbook-types.js';
import type { EpochDay } from '../../src/domain/types.js';
import type { Action } from './market-truth.js';
import { selectWithinBudget } from '../../src/domain/budget/budget.js';
import type { BudgetCandidate, BudgetOption } from '../../src/domain/budget/types.js';

/** One customer as the scorer sees them: permission, the choices a planner has, and their true value. */
export interface MarketCustomer {
  id: string;
  /** for the breakdown, e.g. the true reason */
  group: string;
  objector: boolean;
  permitted: Record<Channel, boolean>;
  /** the offers a planner may make (the playbook's for the reason); none: never contacted */
  offers: readonly string[];
  /** the contact days a planner may choose from */
  days: readonly EpochDay[];
  /** expected incremental profit of an action, discounted to as-of */
  value: (action: Action) => number;
  /** money an action spends: channel cost plus the incentive at the chance it is paid */
  spend?: (action: Action) => number;
}

/** The columns of plan.csv the score reads. */
export interface PlanDecision {
  customer_id: string;
  decision: string;
  offer_type: string;
  channel: string;
  contact_from: string;
}

export interface GroupScore {
  chosen: number;
  best: number;
}

export interface PlanScore extends GroupScore {
  /** chosen / best (1 when nothing was worth doing and nothing was done) */
  share: number;
  customers: number;
  contacted: number;
  /** customers whose best permitted action is worth more than doing nothing */
  worthContacting: number;
  /** best value of the customers worth contacting whom the plan left alone */
  missedValue: number;
  /** contacts whose value under the truth is negative, and what they lose */
  lossMaking: number;
  lossValue: number;
  violations: { noPermission: number; objector: number; unknownChannel: number };
  /** contacted rows without a contact date (valued at as-of) */
  undated: number;
  /** customers of the market without a row in the plan */
  unplanned: number;
  byGroup: Record<string, GroupScore>;
}

const bestValues = new WeakMap<MarketCustomer, number>();

/** The value of the best permitted action, computed once per customer. */
function bestValue(c: MarketCustomer): number {
  let value = bestValues.get(c);
  if (value === undefined) {
    value = bestAction(c).value;
    bestValues.set(c, value);
  }
  return value;
}

/** The best permitted action and its value (0 and no action when nothing is worth doing). */
export function bestAction(c: MarketCustomer): { value: number; action?: Action } {
  let best: { value: number; action?: Action } = { value: 0 };
  if (c.objector) return best;
  for (const offer of c.offers) {
    for (const channel of CHANNELS) {
      if (!c.permitted[channel]) continue;
      for (const day of c.days) {
        const action = { offer, channel, day };
        const value = c.value(action);
        if (value > best.value) best = { value, action };
      }
    }
  }
  return best;
}

/** Scores the plan's decisions; a contact that must not happen is a violation and earns nothing. */
export function scorePlan(customers: readonly MarketCustomer[], plan: readonly PlanDecision[], asOf: EpochDay): PlanScore {
  const rows = new Map(plan.map((r) => [r.customer_id, r]));
  const s: PlanScore = {
    chosen: 0, best: 0, share: 1, customers: customers.length, contacted: 0, worthContacting: 0, missedValue: 0, lossMaking: 0,
    lossValue: 0, violations: { noPermission: 0, objector: 0, unknownChannel: 0 }, undated: 0, unplanned: 0, byGroup: {},
  };
  for (const c of customers) {
    const best = bestValue(c);
    const group = (s.byGroup[c.group] ??= { chosen: 0, best: 0 });
    s.best += best;
    group.best += best;
    if (best > 0) s.worthContacting++;
    const row = rows.get(c.id);
    if (row === undefined) s.unplanned++;
    if (row === undefined || row.decision !== 'win_back') {
      s.missedValue += best;
      continue;
    }
    s.contacted++;
    const chosen = chosenValue(c, row, asOf, s);
    s.chosen += chosen;
    group.chosen += chosen;
    if (chosen < 0) {
      s.lossMaking++;
      s.lossValue += chosen;
    }
  }
  s.share = s.best > 0 ? s.chosen / s.best : s.contacted === 0 ? 1 : 0;
  return s;
}

function chosenValue(c: MarketCustomer, row: PlanDecision, asOf: EpochDay, s: PlanScore): number {
  const channel = row.channel.trim() as Channel;
  if (!CHANNELS.includes(channel)) {
    s.violations.unknownChannel++;
    return 0;
  }
  if (c.objector) {
    s.violations.objector++;
    return 0;
  }
  if (!c.permitted[channel]) {
    s.violations.noPermission++;
    return 0;
  }
  const planned = parseIsoDay(row.contact_from);
  if (planned === undefined) s.undated++;
  const day = Math.max(asOf, planned ?? asOf);
  return c.value({ offer: row.offer_type.trim() || 'none', channel, day });
}

/** Weekly contact days from `first` over `weeks` weeks. */
export function weeklyDays(first: EpochDay, weeks: number): EpochDay[] {
  return Array.from({ length: weeks }, (_, i) => first + 7 * i);
}

/** The best selection within a budget under the truth, and the same rule restricted to each customer's single best action. */
export interface BudgetBest {
  value: number;
  spent: number;
  contacts: number;
  /** the selection when each customer may only get their best action (the benchmark before 2026-12-05's budget change) */
  bestActionOnly: { value: number; spent: number; contacts: number };
}

/**
 * The best selection within a budget under the truth: the same greedy with upgrade steps as
 * the plan (domain/budget/budget.ts), over each customer's permitted actions — per offer × channel its
 * best day — with the true values and costs; and, for comparison, over each customer's single
 * best action only.
 */
export function bestWithinBudget(customers: readonly MarketCustomer[], amount: number): BudgetBest {
  const all: BudgetCandidate[] = [];
  const single: BudgetCandidate[] = [];
  for (const c of customers) {
    const best = bestAction(c);
    if (best.action === undefined || best.value <= 0 || c.spend === undefined) continue;
    single.push({ id: c.id, options: [{ offer: best.action.offer, channel: best.action.channel, value: best.value, spend: c.spend(best.action) }] });
    all.push({ id: c.id, options: truthOptions(c) });
  }
  const brief = (s: ReturnType<typeof selectWithinBudget>) => ({ value: s.value, spent: s.spent, contacts: s.selected.size });
  return { ...brief(selectWithinBudget(all, amount)), bestActionOnly: brief(selectWithinBudget(single, amount)) };
}

/** A customer's permitted actions under the truth: per offer × channel its best day, when worth more than nothing. */
function truthOptions(c: MarketCustomer): BudgetOption[] {
  const options: BudgetOption[] = [];
  if (c.spend === undefined) return options;
  for (const offer of c.offers) {
    for (const channel of CHANNELS) {
      if (!c.permitted[channel]) continue;
      let top: { value: number; action: Action } | undefined;
      for (const day of c.days) {
        const action = { offer, channel, day };
        const value = c.value(action);
        if (value > 0 && (top === undefined || value > top.value)) top = { value, action };
      }
      if (top !== undefined) options.push({ offer, channel, value: top.value, spend: c.spend(top.action) });
    }
  }
  return options;
}

/** The best selection within places per channel under the truth (exact), and what the plan's own rule reaches there. */
export interface CapacityBest {
  /** the most any selection of one action per customer within the places can earn under the truth */
  value: number;
  /** the plan's rule (selectWithinBudget with the places, no budget) on the true values */
  greedy: number;
}

/**
 * The best selection within places per channel under the truth, exactly: choosing at most one
 * action per customer within each channel's places is a transportation problem, whose linear
 * programme has integral optima (its constraint matrix is the incidence matrix of a bipartite
 * graph, so totally unimodular). Its optimum therefore equals the minimum of the Lagrangian dual
 * Σ_i max(0, max_a (v_a − λ_channel(a))) + Σ_c λ_c·cap_c over λ ≥ 0, a convex function of one
 * price per capped channel, minimised here by nested ternary searches.
 */
export function bestWithinCapacity(customers: readonly MarketCustomer[], caps: Partial<Record<Channel, number>>): CapacityBest {
  const all: BudgetCandidate[] = customers.map((c) => ({ id: c.id, options: truthOptions(c) })).filter((c) => c.options.length > 0);
  const capped = CHANNELS.filter((c) => caps[c] !== undefined);
  const top = Math.max(1, ...all.flatMap((c) => c.options.map((o) => o.value)));
  const dual = (price: Partial<Record<Channel, number>>) => {
    let sum = 0;
    for (const c of capped) sum += (price[c] as number) * (caps[c] as number);
    for (const cand of all) {
      let best = 0;
      for (const o of cand.options) best = Math.max(best, o.value - (price[o.channel] ?? 0));
      sum += best;
    }
    return sum;
  };
  // min over the prices of the channels from index i on, the earlier ones fixed
  const minimise = (i: number, price: Partial<Record<Channel, number>>): number => {
    if (i === capped.length) return dual(price);
    const channel = capped[i] as Channel;
    let lo = 0, hi = top;
    const at = (x: number) => minimise(i + 1, { ...price, [channel]: x });
    for (let k = 0; k < 40; k++) {
      const a = lo + (hi - lo) / 3, b = hi - (hi - lo) / 3;
      if (at(a) <= at(b)) hi = b;
      else lo = a;
    }
    return at((lo + hi) / 2);
  };
  return { value: minimise(0, {}), greedy: selectWithinBudget(all, Infinity, caps).value };
}

/** How a plan chose one offer: where the truth makes it the best offer, and where the plan took it. */
export interface OfferChoice {
  offer: string;
  /** contacted customers for whom the truth makes `offer` the best at the plan's channel and date */
  bestThere: number;
  /** of those, how many the plan gave `offer` */
  chosenThere: number;
  /** contacted customers the plan gave `offer` */
  chosen: number;
  /** truth's value lost where the plan chose another offer than the truth's best at its channel and date */
  lostValue: number;
}

/**
 * Compares a plan's offers with the truth's best offer for each contacted, permitted customer,
 * at the channel and date the plan chose: does the plan pick `offer` where it is worth most?
 */
export function offerChoice(customers: readonly MarketCustomer[], plan: readonly PlanDecision[], asOf: EpochDay, offer: string): OfferChoice {
  const byId = new Map(customers.map((c) => [c.id, c]));
  const out: OfferChoice = { offer, bestThere: 0, chosenThere: 0, chosen: 0, lostValue: 0 };
  for (const row of plan) {
    const c = byId.get(row.customer_id);
    const channel = row.channel.trim() as Channel;
    if (c === undefined || row.decision !== 'win_back' || c.objector || !CHANNELS.includes(channel) || !c.permitted[channel]) continue;
    if (!c.offers.includes(offer)) continue;
    const day = Math.max(asOf, parseIsoDay(row.contact_from) ?? asOf);
    const values = c.offers.map((o) => ({ o, v: c.value({ offer: o, channel, day }) }));
    const best = values.reduce((a, b) => (b.v > a.v ? b : a));
    const planned = row.offer_type.trim();
    if (planned === offer) out.chosen++;
    if (best.o === offer) {
      out.bestThere++;
      if (planned === offer) out.chosenThere++;
    }
    out.lostValue += best.v - (values.find((x) => x.o === planned)?.v ?? best.v);
  }
  return out;
}
