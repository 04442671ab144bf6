/**
 * The budget's choice over candidates kept in columns: the multiple-choice knapsack that
 * selectWithinBudget (budget.ts) describes, run on typed arrays, since a first pass at a
 * million rows collects hundreds of thousands of candidates. Pure.
 */
import { CHANNELS, type Channel } from '../playbook-types.js';
import { ByteCodes, grown } from '../compact.js';
import { CHANNEL_CODE, type BudgetCandidate, type BudgetFigures, type BudgetNext, type BudgetOption, type ChannelCaps } from './types.js';

/** A choice in columns: per customer the chosen action (-1: none) and the full channel that bound them (-1: none). */
export interface ColumnChoice {
  figures: BudgetFigures;
  chosenAt: Int32Array;
  bound: Int8Array;
  /** the customers in the order they were first chosen */
  firstChosen: number[];
}

/** The choice within `amount` and `caps` (selectWithinBudget says how), in columns. */
export function chooseInColumns(table: BudgetCandidates, amount: number, caps: ChannelCaps): ColumnChoice {
  const state = new Choosing(table, amount, caps);
  const skipped = state.takeSteps(sortedSteps(upgradeSteps(table), table.columns().ids));
  state.repair(skipped);
  return state.finished();
}

/** The choice being made: per customer the level reached (-1: skipped) and the chosen action (-1: none), and each channel's places used. */
class Choosing {
  private readonly cols: ReturnType<BudgetCandidates['columns']>;
  private readonly level: Int32Array;
  private readonly chosenAt: Int32Array;
  /** customers in the order they were first chosen (the selection's order) */
  private readonly firstChosen: number[] = [];
  private readonly used: Record<Channel, number> = { visit: 0, phone: 0, letter: 0, email: 0 };
  private spent = 0;
  private next: BudgetNext | null = null;

  constructor(private readonly table: BudgetCandidates, private readonly amount: number, private readonly caps: ChannelCaps) {
    this.cols = table.columns();
    this.level = new Int32Array(this.cols.ids.length);
    this.chosenAt = new Int32Array(this.cols.ids.length).fill(-1);
  }

  /** Takes the steps in their order, each when its customer stands on the step before, it fits the money and its channel has room; returns the customers skipped. */
  takeSteps(steps: SortedSteps): number[] {
    const { level, chosenAt } = this;
    const skipped: number[] = [];
    for (let i = 0; i < steps.order.length; i++) {
      const s = steps.order[i] as number;
      const c = steps.customer[s] as number;
      if (level[c] !== (steps.level[s] as number) - 1) continue;
      const option = steps.option[s] as number;
      const fits = this.room(this.channelOf(option), chosenAt[c] as number);
      if (fits && this.spent + (steps.spend[s] as number) <= this.amount + 1e-9) {
        level[c] = steps.level[s] as number;
        this.move(c, option);
        this.spent += steps.spend[s] as number;
        continue;
      }
      // Skipped: the customer stays where they are, and their dearer steps do not fit either. A
      // full channel is no money's doing, so only a step the money stopped is what the next euro would buy.
      level[c] = -1;
      skipped.push(c);
      if (fits && this.next === null) {
        const from = steps.from[s] as number;
        this.next = { id: this.cols.ids[c] as string, ratio: steps.ratio[s] as number, spend: steps.spend[s] as number, offer: this.table.offerAt(option), channel: this.channelOf(option), from: from < 0 ? null : { offer: this.table.offerAt(from), channel: this.channelOf(from) } };
      }
    }
    return skipped;
  }

  /** What money is left goes, in the order the steps were skipped, to each such customer's most valuable action that still fits. */
  repair(skipped: readonly number[]): void {
    const { first, optValue, optSpend } = this.cols;
    for (const c of skipped) {
      const now = this.chosenAt[c] as number;
      const nowValue = now >= 0 ? (optValue[now] as number) : 0;
      const nowSpend = now >= 0 ? (optSpend[now] as number) : 0;
      const left = this.amount - this.spent + 1e-9;
      let best = -1;
      for (let k = first[c] as number; k < (first[c + 1] as number); k++) {
        const value = optValue[k] as number;
        const spend = optSpend[k] as number;
        if (value <= nowValue || spend < 0 || spend - nowSpend > left || !this.room(this.channelOf(k), now)) continue;
        if (best < 0 || value > (optValue[best] as number) || (value === optValue[best] && spend < (optSpend[best] as number))) best = k;
      }
      if (best < 0) continue;
      this.spent += (optSpend[best] as number) - nowSpend;
      this.move(c, best);
    }
  }

  /** The choice's figures, and per customer kept from their most valuable action by a full channel, that channel. */
  finished(): ColumnChoice {
    const { chosenAt, firstChosen, used, caps, table } = this;
    const n = this.cols.ids.length;
    let value = 0;
    for (const c of firstChosen) value += this.cols.optValue[chosenAt[c] as number] as number;
    const bound = new Int8Array(n).fill(-1);
    let boundByCapacity = 0;
    let overCapacity = 0;
    let worth = 0;
    for (let c = 0; c < n; c++) {
      const top = mostValuable(table, c);
      if (top < 0) continue;
      worth++;
      const channel = this.channelOf(top);
      const chosen = chosenAt[c] as number;
      const full = caps[channel] !== undefined && used[channel] >= (caps[channel] as number);
      if (!full || (chosen >= 0 && table.offerAt(chosen) === table.offerAt(top) && this.channelOf(chosen) === channel)) continue;
      bound[c] = CHANNEL_CODE[channel];
      boundByCapacity++;
      if (chosen < 0) overCapacity++;
    }
    const figures: BudgetFigures = { amount: this.amount, contacts: firstChosen.length, spent: this.spent, value, next: this.next, leftOut: worth - firstChosen.length, caps, used, boundByCapacity, overCapacity };
    return { figures, chosenAt, bound, firstChosen };
  }

  private channelOf(k: number): Channel {
    return CHANNELS[this.cols.optChannel[k] as number] as Channel;
  }

  /** A move within one channel keeps its place; a move to another channel needs a place there and frees the old one. */
  private room(to: Channel, from: number): boolean {
    return (from >= 0 && this.channelOf(from) === to) || this.caps[to] === undefined || this.used[to] < (this.caps[to] as number);
  }

  private move(c: number, to: number): void {
    const from = this.chosenAt[c] as number;
    if (from >= 0) this.used[this.channelOf(from)]--;
    else this.firstChosen.push(c);
    this.used[this.channelOf(to)]++;
    this.chosenAt[c] = to;
  }
}

/**
 * Candidates kept in columns (a budget's first pass collects hundreds of thousands): the ids,
 * where each customer's actions start, and per action its offer (a number into the few
 * distinct ones), channel, value and spend — 19 bytes an action instead of an object.
 */
export class BudgetCandidates {
  private readonly ids: string[] = [];
  private first = new Uint32Array(1024);
  private offer = new Uint16Array(4096);
  private channel = new Uint8Array(4096);
  private value = new Float64Array(4096);
  private spend = new Float64Array(4096);
  private options = 0;
  // Two bytes an offer: a playbook may name hundreds of offers and retention measures.
  private readonly offers = new ByteCodes('offers', 1 << 16);

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
    if (c + 1 >= this.first.length) this.first = grown(this.first, new Uint32Array(2 * this.first.length));
    this.ids.push(`${id} `.slice(0, -1));
    this.first[c] = this.options;
    this.first[c + 1] = this.options;
  }

  /** An action of the customer started last. */
  addOption(offer: string, channel: Channel, value: number, spend: number): void {
    const k = this.options;
    if (k === this.value.length) {
      const size = 2 * k;
      this.offer = grown(this.offer, new Uint16Array(size));
      this.channel = grown(this.channel, new Uint8Array(size));
      this.value = grown(this.value, new Float64Array(size));
      this.spend = grown(this.spend, new Float64Array(size));
    }
    this.offer[k] = this.offers.code(offer);
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
    return this.offers.text(this.offer[k] as number);
  }

  channelAt(k: number): Channel {
    return CHANNELS[this.channel[k] as number] as Channel;
  }

  optionAt(k: number): BudgetOption {
    return { offer: this.offerAt(k), channel: CHANNELS[this.channel[k] as number] as Channel, value: this.value[k] as number, spend: this.spend[k] as number };
  }
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
/** Steps with the order they are taken in (indices into the columns). */
type SortedSteps = Steps & { order: Uint32Array };

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
function sortedSteps(steps: Steps, ids: readonly string[]): SortedSteps {
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
  return { ...steps, order };
}

