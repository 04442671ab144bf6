/**
 * A win-back budget (`plan --budget`, `campaign --budget`): the contacts with the highest
 * incremental value per unit of cost, until the money is spent — the regain-profit idea of
 * Stauss & Friege (1999, Journal of Service Research 1(4)): spend recovery money where each
 * euro regains the most profit. Pure; the commands collect the candidates in a first pass.
 */
import type { OfferSpec, Playbook } from '../playbook-types.js';
import type { DecisionNote, ValueResult } from '../value/types.js';
import { formatAmount, type Lang } from '../catalogue/index.js';
import { BudgetCandidates, chooseInColumns } from './columns.js';
import { addToChoice, finishedChoice, newChoice } from './choice.js';
import { CHANNELS, type Channel } from '../playbook-types.js';
import type { BudgetCandidate, BudgetChoice, BudgetFigures, BudgetOption, BudgetSelection, ChannelCaps } from './types.js';

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
export function selectWithinBudget(candidates: readonly BudgetCandidate[] | BudgetCandidates, amount: number, caps: ChannelCaps = {}): BudgetSelection {
  const table = candidates instanceof BudgetCandidates ? candidates : BudgetCandidates.of(candidates);
  const chosen = chooseInColumns(table, amount, caps);
  const { ids } = table.columns();
  const selected = new Map<string, BudgetOption>();
  for (const c of chosen.firstChosen) selected.set(ids[c] as string, table.optionAt(chosen.chosenAt[c] as number));
  const capacityBound = new Map<string, Channel>();
  for (let c = 0; c < ids.length; c++) if ((chosen.bound[c] as number) >= 0) capacityBound.set(ids[c] as string, CHANNELS[chosen.bound[c] as number] as Channel);
  return { ...chosen.figures, selected, capacityBound };
}

/**
 * The same choice as selectWithinBudget, as the commands keep it: its figures, and the
 * customers' actions as a BudgetChoice for the planning threads — no Map of the customers.
 */
export function choiceWithinBudget(table: BudgetCandidates, amount: number, caps: ChannelCaps = {}): { figures: BudgetFigures; choice: BudgetChoice } {
  const chosen = chooseInColumns(table, amount, caps);
  const { ids } = table.columns();
  const customers: number[] = [];
  for (let c = 0; c < ids.length; c++) if ((chosen.chosenAt[c] as number) >= 0 || (chosen.bound[c] as number) >= 0) customers.push(c);
  customers.sort((a, b) => ((ids[a] as string) < (ids[b] as string) ? -1 : 1));
  const choice = newChoice(customers.length);
  for (const c of customers) {
    const k = chosen.chosenAt[c] as number;
    addToChoice(choice, ids[c] as string, k < 0 ? undefined : { offer: table.offerAt(k), channel: table.channelAt(k) }, (chosen.bound[c] as number) < 0 ? undefined : CHANNELS[chosen.bound[c] as number]);
  }
  return { figures: chosen.figures, choice: finishedChoice(choice) };
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

/**
 * A candidate's actions without those another action on the same channel dominates (worth at
 * most as much at no lower spend; of two alike, the first given stays): no step of the
 * selection, no repair and no "most valuable" ever picks such an action, so the selection is
 * the same without it — and the first pass keeps a third as many actions per customer.
 */
export function withoutDominated(c: BudgetCandidate): BudgetCandidate {
  const { options } = c;
  const kept = options.filter((o, i) => !options.some((p, j) => j !== i && p.channel === o.channel && p.value >= o.value && p.spend <= o.spend && (j < i || p.value > o.value || p.spend < o.spend)));
  return kept.length === options.length ? c : { id: c.id, options: kept };
}

/** The decision note of a contact worth making that the budget leaves out. */
export function overBudgetNote(budget: Pick<BudgetSelection, 'amount'>, symbol: string, lang: Lang = 'en'): DecisionNote {
  return { key: 'overBudget', args: [formatAmount(budget.amount, lang), symbol] };
}

/** The decision note of a contact worth making that no channel with room can carry (plan --capacity). */
export function overCapacityNote(channel: Channel, places: number): DecisionNote {
  return { key: 'overCapacity', args: [channel, places] };
}
