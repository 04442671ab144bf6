/**
 * A win-back budget (`plan --budget`, `campaign --budget`): the contacts with the highest
 * incremental value per unit of cost, until the money is spent — the regain-profit idea of
 * Stauss & Friege (1999, Journal of Service Research 1(4)): spend recovery money where each
 * euro regains the most profit. Pure; the commands collect the candidates in a first pass.
 */
import { CHANNELS, type Channel, type OfferSpec, type Playbook } from './playbook-types.js';
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

/** A choice in columns: per customer the chosen action (-1: none) and the full channel that bound them (-1: none). */
interface ColumnChoice {
  figures: BudgetFigures;
  chosenAt: Int32Array;
  bound: Int8Array;
  /** the customers in the order they were first chosen */
  firstChosen: number[];
}

function chooseInColumns(table: BudgetCandidates, amount: number, caps: ChannelCaps): ColumnChoice {
  const { ids, first, optChannel, optValue, optSpend } = table.columns();
  const n = ids.length;
  const steps = upgradeSteps(table);
  const order = sortedSteps(steps, ids);
  // Per customer: the level reached (-1: skipped) and the chosen action (-1: none).
  const level = new Int32Array(n);
  const chosenAt = new Int32Array(n).fill(-1);
  // Customers in the order they were first chosen (the selection's order).
  const firstChosen: number[] = [];
  const used: Record<Channel, number> = { visit: 0, phone: 0, letter: 0, email: 0 };
  const channelOf = (k: number) => CHANNELS[optChannel[k] as number] as Channel;
  // A move within one channel keeps its place; a move to another channel needs a place there and frees the old one.
  const room = (to: Channel, from: number) => (from >= 0 && channelOf(from) === to) || caps[to] === undefined || used[to] < (caps[to] as number);
  const move = (c: number, to: number) => {
    const from = chosenAt[c] as number;
    if (from >= 0) used[channelOf(from)]--;
    else firstChosen.push(c);
    used[channelOf(to)]++;
    chosenAt[c] = to;
  };
  const skipped: number[] = [];
  let spent = 0;
  let next: BudgetNext | null = null;
  for (let i = 0; i < order.length; i++) {
    const s = order[i] as number;
    const c = steps.customer[s] as number;
    if (level[c] !== (steps.level[s] as number) - 1) continue;
    const option = steps.option[s] as number;
    if (!room(channelOf(option), chosenAt[c] as number)) {
      // A full channel: no money buys this step, so it is not what the next euro would buy.
      level[c] = -1;
      skipped.push(c);
    } else if (spent + (steps.spend[s] as number) <= amount + 1e-9) {
      level[c] = steps.level[s] as number;
      move(c, option);
      spent += steps.spend[s] as number;
    } else {
      // Skipped: the customer stays where they are, and their dearer steps do not fit either.
      level[c] = -1;
      skipped.push(c);
      if (next === null) {
        const from = steps.from[s] as number;
        next = { id: ids[c] as string, ratio: steps.ratio[s] as number, spend: steps.spend[s] as number, offer: table.offerAt(option), channel: channelOf(option), from: from < 0 ? null : { offer: table.offerAt(from), channel: channelOf(from) } };
      }
    }
  }
  for (const c of skipped) {
    const now = chosenAt[c] as number;
    const nowValue = now >= 0 ? (optValue[now] as number) : 0;
    const nowSpend = now >= 0 ? (optSpend[now] as number) : 0;
    const left = amount - spent + 1e-9;
    let best = -1;
    for (let k = first[c] as number; k < (first[c + 1] as number); k++) {
      const value = optValue[k] as number;
      const spend = optSpend[k] as number;
      if (value <= nowValue || spend < 0 || spend - nowSpend > left || !room(channelOf(k), now)) continue;
      if (best < 0 || value > (optValue[best] as number) || (value === optValue[best] && spend < (optSpend[best] as number))) best = k;
    }
    if (best < 0) continue;
    spent += (optSpend[best] as number) - nowSpend;
    move(c, best);
  }
  let value = 0;
  for (const c of firstChosen) value += optValue[chosenAt[c] as number] as number;
  const bound = new Int8Array(n).fill(-1);
  let boundByCapacity = 0;
  let overCapacity = 0;
  let worth = 0;
  for (let c = 0; c < n; c++) {
    const top = mostValuable(table, c);
    if (top < 0) continue;
    worth++;
    const channel = channelOf(top);
    const chosen = chosenAt[c] as number;
    const full = caps[channel] !== undefined && used[channel] >= (caps[channel] as number);
    if (!full || (chosen >= 0 && table.offerAt(chosen) === table.offerAt(top) && channelOf(chosen) === channel)) continue;
    bound[c] = CHANNEL_CODE[channel];
    boundByCapacity++;
    if (chosen < 0) overCapacity++;
  }
  const figures: BudgetFigures = { amount, contacts: firstChosen.length, spent, value, next, leftOut: worth - firstChosen.length, caps, used, boundByCapacity, overCapacity };
  return { figures, chosenAt, bound, firstChosen };
}

/**
 * Candidates kept in columns (a budget's first pass collects hundreds of thousands): the ids,
 * where each customer's actions start, and per action its offer (a number into the few
 * distinct ones), channel, value and spend — 18 bytes an action instead of an object.
 */
export class BudgetCandidates {
  private readonly ids: string[] = [];
  private first = new Uint32Array(1024);
  private offer = new Uint8Array(4096);
  private channel = new Uint8Array(4096);
  private value = new Float64Array(4096);
  private spend = new Float64Array(4096);
  private options = 0;
  private readonly offers: string[] = [];
  private readonly offerCode = new Map<string, number>();

  /** The candidates of a list, in its order. */
  static of(candidates: readonly BudgetCandidate[]): BudgetCandidates {
    const table = new BudgetCandidates();
    for (const c of candidates) {
      table.startCustomer(c.id);
      for (const o of c.options) table.addOption(o.offer, o.channel, o.value, o.spend);
    }
    return table;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Starts the next customer's actions (`id` is kept as its own string, not as a slice of a larger one). */
  startCustomer(id: string): void {
    const c = this.ids.length;
    if (c + 1 >= this.first.length) this.first = grownTo(this.first, new Uint32Array(2 * this.first.length));
    this.ids.push(`${id} `.slice(0, -1));
    this.first[c] = this.options;
    this.first[c + 1] = this.options;
  }

  /** An action of the customer started last. */
  addOption(offer: string, channel: Channel, value: number, spend: number): void {
    const k = this.options;
    if (k === this.value.length) {
      const size = 2 * k;
      this.offer = grownTo(this.offer, new Uint8Array(size));
      this.channel = grownTo(this.channel, new Uint8Array(size));
      this.value = grownTo(this.value, new Float64Array(size));
      this.spend = grownTo(this.spend, new Float64Array(size));
    }
    let code = this.offerCode.get(offer);
    if (code === undefined) {
      code = this.offers.length;
      if (code > 255) throw new RangeError('a budget holds at most 256 distinct offers');
      this.offers.push(offer);
      this.offerCode.set(offer, code);
    }
    this.offer[k] = code;
    this.channel[k] = CHANNEL_CODE[channel];
    this.value[k] = value;
    this.spend[k] = spend;
    this.options = k + 1;
    this.first[this.ids.length] = this.options;
  }

  /** The columns the selection reads: customer c's actions are first[c] up to first[c + 1]. */
  columns(): { ids: readonly string[]; first: Uint32Array; optChannel: Uint8Array; optValue: Float64Array; optSpend: Float64Array } {
    return { ids: this.ids, first: this.first, optChannel: this.channel, optValue: this.value, optSpend: this.spend };
  }

  offerAt(k: number): string {
    return this.offers[this.offer[k] as number] as string;
  }

  channelAt(k: number): Channel {
    return CHANNELS[this.channel[k] as number] as Channel;
  }

  optionAt(k: number): BudgetOption {
    return { offer: this.offerAt(k), channel: CHANNELS[this.channel[k] as number] as Channel, value: this.value[k] as number, spend: this.spend[k] as number };
  }
}

const CHANNEL_CODE: Record<Channel, number> = { visit: 0, phone: 1, letter: 2, email: 3 };

function grownTo<T extends Uint8Array | Uint32Array | Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}

/** A customer's most valuable action worth more than nothing: the cheapest of equal value, then the first given; -1 for none. */
function mostValuable(table: BudgetCandidates, c: number): number {
  const { first, optValue, optSpend } = table.columns();
  let best = -1;
  let any = false;
  for (let k = first[c] as number; k < (first[c + 1] as number); k++) {
    if ((optValue[k] as number) > 0) any = true;
    if (best < 0 || (optValue[k] as number) > (optValue[best] as number) || (optValue[k] === optValue[best] && (optSpend[k] as number) < (optSpend[best] as number))) best = k;
  }
  return any ? best : -1;
}

/** The steps of every customer, in columns: step s moves customer[s] to level[s] with action option[s] from action from[s] (-1: none). */
interface Steps {
  customer: Uint32Array;
  level: Uint32Array;
  ratio: Float64Array;
  spend: Float64Array;
  option: Uint32Array;
  from: Int32Array;
  count: number;
}

/** Each customer's steps along the upper convex hull of their actions worth more than nothing. */
function upgradeSteps(table: BudgetCandidates): Steps {
  const { ids, first, optValue, optSpend } = table.columns();
  // At most one step per action: sized once, never grown (a grown copy is garbage of the same size).
  const size = Math.max(1, first[ids.length] as number);
  const steps: Steps = { customer: new Uint32Array(size), level: new Uint32Array(size), ratio: new Float64Array(size), spend: new Float64Array(size), option: new Uint32Array(size), from: new Int32Array(size), count: 0 };
  const hull: number[] = [];
  const options: number[] = [];
  for (let c = 0; c < ids.length; c++) {
    options.length = 0;
    for (let k = first[c] as number; k < (first[c + 1] as number); k++) if ((optValue[k] as number) > 0 && (optSpend[k] as number) >= 0) options.push(k);
    // Cheapest first; at equal spend the most valuable first, then the given order (stable sort).
    options.sort((a, b) => (optSpend[a] as number) - (optSpend[b] as number) || (optValue[b] as number) - (optValue[a] as number));
    // The hull's points after "no contact" at (0, 0), as action indices.
    hull.length = 0;
    const spendOf = (h: number) => (h < 0 ? 0 : (optSpend[hull[h] as number] as number));
    const valueOf = (h: number) => (h < 0 ? 0 : (optValue[hull[h] as number] as number));
    for (const k of options) {
      const oSpend = optSpend[k] as number;
      const oValue = optValue[k] as number;
      // Dominated: costs at least as much and adds nothing.
      if (oValue <= valueOf(hull.length - 1)) continue;
      // Not on the upper hull: the step to the point before last is at least as steep through o.
      while (hull.length >= 1) {
        const a = hull.length - 2;
        const b = hull.length - 1;
        if ((valueOf(b) - valueOf(a)) * (oSpend - spendOf(b)) > (oValue - valueOf(b)) * (spendOf(b) - spendOf(a))) break;
        hull.pop();
      }
      hull.push(k);
    }
    for (let h = 0; h < hull.length; h++) {
      const s = steps.count++;
      const spend = spendOf(h) - spendOf(h - 1);
      steps.customer[s] = c;
      steps.level[s] = h + 1;
      steps.ratio[s] = spend > 0 ? (valueOf(h) - valueOf(h - 1)) / spend : Infinity;
      steps.spend[s] = spend;
      steps.option[s] = hull[h] as number;
      steps.from[s] = h === 0 ? -1 : (hull[h - 1] as number);
    }
  }
  return steps;
}

/** The steps in the order they are taken: by ratio, highest first; ties by customer id, then the customer's own order. */
function sortedSteps(steps: Steps, ids: readonly string[]): Uint32Array {
  const order = new Uint32Array(steps.count);
  for (let s = 0; s < steps.count; s++) order[s] = s;
  const { ratio, customer, level } = steps;
  order.sort((a, b) => {
    const byRatio = (ratio[b] as number) - (ratio[a] as number);
    if (byRatio) return byRatio;
    const ia = ids[customer[a] as number] as string;
    const ib = ids[customer[b] as number] as string;
    if (ia !== ib) return ia < ib ? -1 : 1;
    return (level[a] as number) - (level[b] as number) || a - b;
  });
  return order;
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

/** The choice of a selection: the actions of its chosen customers and the channels that bound the others. */
export function budgetChoice(selection: Pick<BudgetSelection, 'selected' | 'capacityBound'>): BudgetChoice {
  const ids = [...new Set([...selection.selected.keys(), ...selection.capacityBound.keys()])].sort();
  const choice = newChoice(ids.length);
  for (const id of ids) addToChoice(choice, id, selection.selected.get(id), selection.capacityBound.get(id));
  return finishedChoice(choice);
}

/** A choice being written, customer by customer in id order. */
interface ChoiceWriter {
  ids: string[];
  ends: Uint32Array;
  codes: Uint16Array;
  actions: BudgetAction[];
  actionCode: Map<string, number>;
  at: number;
}

function newChoice(size: number): ChoiceWriter {
  return { ids: [], ends: new Uint32Array(size), codes: new Uint16Array(size), actions: [], actionCode: new Map(), at: 0 };
}

function addToChoice(w: ChoiceWriter, id: string, chosen: BudgetAction | undefined, bound: Channel | undefined): void {
  const i = w.ids.length;
  w.at += id.length;
  w.ends[i] = w.at;
  w.ids.push(id);
  let action = 0;
  if (chosen !== undefined) {
    const key = `${chosen.channel} ${chosen.offer}`;
    let code = w.actionCode.get(key);
    if (code === undefined) {
      code = w.actions.push({ offer: chosen.offer, channel: chosen.channel });
      if (code * 5 + 4 > 0xffff) throw new RangeError('a budget chooses among at most 13,106 distinct actions');
      w.actionCode.set(key, code);
    }
    action = code;
  }
  w.codes[i] = action * 5 + (bound === undefined ? 0 : CHANNEL_CODE[bound] + 1);
}

function finishedChoice(w: ChoiceWriter): BudgetChoice {
  return { ids: w.ids.join(''), ends: w.ends, codes: w.codes, actions: w.actions };
}

/** The action chosen for customer `id`, and the channel whose places kept them from their best one; undefined for neither. */
export function choiceFor(choice: BudgetChoice, id: string): { action: BudgetAction | undefined; fullChannel: Channel | undefined } | undefined {
  const i = findId(choice, id);
  if (i < 0) return undefined;
  const code = choice.codes[i] as number;
  const action = Math.floor(code / 5);
  const bound = code % 5;
  return { action: action === 0 ? undefined : choice.actions[action - 1], fullChannel: bound === 0 ? undefined : CHANNELS[bound - 1] };
}

/** Where `id` is among the choice's sorted ids (binary search, comparing in place), or -1. */
function findId(choice: BudgetChoice, id: string): number {
  const { ids, ends } = choice;
  let lo = 0;
  let hi = ends.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const start = mid === 0 ? 0 : (ends[mid - 1] as number);
    const c = compareAt(ids, start, ends[mid] as number, id);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** ids[start, end) compared with `id` by UTF-16 units: negative when it sorts first. */
function compareAt(ids: string, start: number, end: number, id: string): number {
  const n = Math.min(end - start, id.length);
  for (let k = 0; k < n; k++) {
    const d = ids.charCodeAt(start + k) - id.charCodeAt(k);
    if (d !== 0) return d;
  }
  return end - start - id.length;
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
