/**
 * A win-back budget (`plan --budget`, `campaign --budget`): the contacts with the highest
 * incremental value per unit of cost, until the money is spent — the regain-profit idea of
 * Stauss & Friege (1999, Journal of Service Research 1(4)): spend recovery money where each
 * euro regains the most profit. Pure; the commands collect the candidates in a first pass.
 */
import type { OfferSpec, Playbook } from './playbook-types.js';
import type { ValueResult } from './value/types.js';
import { formatAmount, messages, type Lang } from './catalogue/index.js';

/** A contact the plan would make: its incremental value today and the money it spends. */
export interface BudgetCandidate {
  id: string;
  value: number;
  spend: number;
}

/** The contacts chosen within a budget, and what the next unit of money would have bought. */
export interface BudgetSelection {
  amount: number;
  selected: ReadonlySet<string>;
  spent: number;
  value: number;
  /** the best contact left out: its value per unit of cost (null when every contact fitted) */
  next: { id: string; ratio: number; spend: number } | null;
  /** contacts worth making that the budget left out */
  leftOut: number;
}

/**
 * What a contact spends: the channel's cost, paid for every approach, plus the incentive
 * each accepting customer receives, at the chance they accept (a discount's cost is in the
 * margin and so already in the value).
 */
export function contactSpend(value: Pick<ValueResult, 'channel' | 'offer_type' | 'p_winback'>, playbook: Pick<Playbook, 'channelCosts' | 'offers'>): number {
  const channelCost = value.channel === null ? 0 : playbook.channelCosts[value.channel];
  const offer: OfferSpec | undefined = playbook.offers.find((o) => o.id === value.offer_type);
  return channelCost + (value.p_winback ?? 0) * (offer?.incentiveCost ?? 0);
}

/**
 * Greedy selection by value per unit of spend (highest first; ties by id): each candidate
 * that still fits the remaining budget is taken, one that does not is skipped, so a cheap
 * letter can still use the money a visit could not. Free contacts always fit.
 */
export function selectWithinBudget(candidates: readonly BudgetCandidate[], amount: number): BudgetSelection {
  const ratio = (c: BudgetCandidate) => (c.spend > 0 ? c.value / c.spend : Infinity);
  const order = candidates.filter((c) => c.value > 0).sort((a, b) => ratio(b) - ratio(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const selected = new Set<string>();
  let spent = 0;
  let value = 0;
  let next: BudgetSelection['next'] = null;
  for (const c of order) {
    if (spent + c.spend <= amount + 1e-9) {
      selected.add(c.id);
      spent += c.spend;
      value += c.value;
    } else if (next === null) {
      next = { id: c.id, ratio: ratio(c), spend: c.spend };
    }
  }
  return { amount, selected, spent, value, next, leftOut: order.length - selected.size };
}

/** The decision text of a contact worth making that the budget leaves out. */
export function overBudgetReason(budget: Pick<BudgetSelection, 'amount'>, symbol: string, lang: Lang = 'en'): string {
  return messages(lang).budget.overBudget(formatAmount(budget.amount, lang), symbol);
}
