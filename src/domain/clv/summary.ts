/**
 * Per-customer RFM summaries from a transaction stream, with the conventions of the CDNOW data
 * (FHL 2005; ../shared/data/cdnow/SOURCE.md): same-day rows are merged, frequency = distinct
 * purchase days − 1, recency = (last − first day) / period length, T = (calibration end − first
 * day) / period length, monetary = mean total of the repeat days (first day left out).
 * Returns (negative amounts) are netted: a day whose rows, returns included, net to nothing or
 * less is a return day, not a purchase day, and its value comes off the customer's earlier spend.
 *
 * Order: with `order: 'per-customer'` (default) each customer's rows must arrive in
 * non-decreasing date order (customers may interleave), and the state per customer is a few
 * numbers — a 10-million-row file costs memory per customer, not per row. An earlier date for a
 * customer throws a DataError. With `order: 'any'` each customer's distinct purchase days are
 * kept, so any order works at the price of memory that grows with distinct purchase days.
 */
import { DataError, UsageError } from '../../errors.js';
import { keyedError, noteOf } from '../catalogue/index.js';
import { DAYS_PER_MONTH } from '../dates.js';
import type { EpochDay } from '../types.js';

export type PeriodUnit = 'day' | 'week' | 'month';

export interface Transaction {
  readonly customerId: string;
  readonly day: EpochDay;
  readonly amount?: number;
  /** the row's line in the export, for a customer who is not modelled (only returns) */
  readonly line?: number;
}

/**
 * A customer with no purchase day in the calibration period — only returns, or purchases
 * returned on their day: not modelled, their rows rejected (io/clv/input.ts).
 */
export interface NotModelled {
  customerId: string;
  /** the lines of the customer's calibration rows */
  lines: number[];
  /** their net amount */
  amount: number;
  /** whether some of the rows were purchases (cancelled by returns on their day) */
  purchases: boolean;
}

export interface SummaryOptions {
  period: PeriodUnit;
  /** Last day of the calibration period (inclusive); default: the latest transaction day. */
  calibrationEnd?: EpochDay;
  /** Last day of the holdout period (inclusive), after calibrationEnd; counts holdout purchase days. */
  holdoutEnd?: EpochDay;
  order?: 'per-customer' | 'any';
}

export interface CustomerSummary {
  readonly customerId: string;
  /** Repeat purchase days in the calibration period (distinct days − 1). */
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  /** Mean total of the repeat purchase days; 0 when frequency is 0; undefined when amounts are missing. */
  readonly monetary: number | undefined;
  readonly firstDay: EpochDay;
  readonly lastDay: EpochDay;
  /** Sum of all calibration amounts, first day included; undefined when amounts are missing. */
  readonly totalAmount: number | undefined;
  /** Distinct purchase days in (calibrationEnd, holdoutEnd]; present only with a holdout. */
  readonly holdoutFrequency?: number;
}

export interface SummaryStats {
  transactions: number;
  /** Rows after the calibration end (or the holdout end) that no summary uses. */
  ignoredAfterEnd: number;
  /** Customers whose first purchase falls in the holdout: not part of the calibration cohort. */
  outsideCohort: number;
  /** Rows with a negative amount (returns, cancellations), netted against the customer's purchases. */
  returnRows: number;
  /** Customer-days whose rows net to nothing or less: return days, not purchase days. */
  returnDays: number;
  /** Returned value taken off the customers' calibration spend. */
  returnedAmount: number;
  /** Returned value with no earlier purchase to net against (bought before the data starts). */
  unmatchedReturnAmount: number;
  /** Customers with rows but no purchase day left after netting (only returns). */
  onlyReturns: number;
}

/** One open (not yet closed) day of a customer: its net total and whether a return is in it. */
interface OpenDay {
  day: number;
  total: number;
  hasReturn: boolean;
}

interface CustomerState {
  first: number;
  last: number;
  days: number;
  firstTotal: number;
  repeatSum: number;
  noAmount: boolean;
  holdoutDays: number;
  /** Order 'per-customer': the latest day seen, still open to more rows of the same day. */
  open?: OpenDay;
  holdoutOpen?: OpenDay;
  /** Order 'any': every day's net total and return flag, replayed in date order at the end. */
  dayTotals?: Map<number, OpenDay>;
  holdoutTotals?: Map<number, OpenDay>;
  seenInCalibration: boolean;
  /**
   * The lines of the calibration rows while the customer has no purchase day (the rows carry
   * lines); undefined once a day closes as a purchase day. With them, a customer whose days all
   * net to a return (only returns, or a purchase returned and more on its day) is rejected row
   * by row; their net amount.
   */
  lines?: number[];
  /** whether a calibration row was a purchase (a return may have cancelled it on its day) */
  purchaseRow: boolean;
  net: number;
  /** calibration rows so far */
  rows: number;
}

/** Days in one period unit (a month is the mean Gregorian month). */
export function periodLengthDays(period: PeriodUnit): number {
  return period === 'day' ? 1 : period === 'week' ? 7 : DAYS_PER_MONTH;
}

// Sums of cents in binary floating point: a day that nets to less than this is nothing.
const NET_ZERO = 1e-6;

/** Streaming accumulator: add transactions one by one, then read the summaries. */
export class TransactionSummarizer {
  private readonly customers = new Map<string, CustomerState>();
  private readonly anyOrder: boolean;
  private latestDay = -Infinity;
  /** Customers with only returns, found as the summaries are read (summaries()). */
  readonly notModelled: NotModelled[] = [];
  readonly stats: SummaryStats = { transactions: 0, ignoredAfterEnd: 0, outsideCohort: 0, returnRows: 0, returnDays: 0, returnedAmount: 0, unmatchedReturnAmount: 0, onlyReturns: 0 };

  constructor(private readonly options: SummaryOptions) {
    const { calibrationEnd, holdoutEnd } = options;
    if (holdoutEnd !== undefined && calibrationEnd === undefined) throw keyedError((m, h) => new UsageError(m, h), noteOf('clvFlags', { key: 'holdoutNeedsEnd', args: [] }), noteOf('clvFlags', { key: 'holdoutNeedsEndHint', args: [] }));
    if (holdoutEnd !== undefined && calibrationEnd !== undefined && holdoutEnd <= calibrationEnd) {
      throw keyedError((m) => new UsageError(m), noteOf('clvFlags', { key: 'holdoutBeforeEnd', args: [] }));
    }
    this.anyOrder = options.order === 'any';
  }

  /** Adds one transaction row; a negative amount is a return, netted against the customer's purchases. */
  add(tx: Transaction): void {
    const { day } = tx;
    if (!Number.isInteger(day)) throw keyedError((m) => new DataError(m), noteOf('clvData', { key: 'day', args: [tx.customerId, day] }));
    if (tx.amount !== undefined && !Number.isFinite(tx.amount)) throw keyedError((m) => new DataError(m), noteOf('clvData', { key: 'amount', args: [tx.customerId, tx.amount] }));
    this.stats.transactions++;
    const end = this.options.calibrationEnd;
    const last = this.options.holdoutEnd ?? end;
    if (last !== undefined && day > last) {
      this.stats.ignoredAfterEnd++;
      return;
    }
    if (tx.amount !== undefined && tx.amount < 0) this.stats.returnRows++;
    const state = this.stateOf(tx.customerId);
    const holdout = end !== undefined && day > end;
    if (!holdout) {
      this.latestDay = Math.max(this.latestDay, day);
      state.seenInCalibration = true;
      if (tx.amount === undefined) state.noAmount = true;
      state.net += tx.amount ?? 0;
      if (tx.line !== undefined && state.days === 0 && (state.lines !== undefined || state.rows === 0)) (state.lines ??= []).push(tx.line);
      else state.lines = undefined;
      if (tx.amount === undefined || tx.amount >= 0) state.purchaseRow = true;
      state.rows++;
    }
    if (this.anyOrder) {
      const totals = (holdout ? state.holdoutTotals : state.dayTotals) as Map<number, OpenDay>;
      const open = totals.get(day) ?? { day, total: 0, hasReturn: false };
      totals.set(day, addToDay(open, tx.amount));
      return;
    }
    const current = holdout ? state.holdoutOpen : state.open;
    if (current && day < current.day) throw outOfOrder(tx.customerId, day, current.day);
    if (current && day === current.day) {
      addToDay(current, tx.amount);
      return;
    }
    if (current) this.close(state, current, holdout);
    const next = addToDay({ day, total: 0, hasReturn: false }, tx.amount);
    if (holdout) state.holdoutOpen = next;
    else state.open = next;
  }

  /** The summaries, in order of each customer's first appearance. */
  *summaries(): Generator<CustomerSummary> {
    const end = this.options.calibrationEnd ?? this.latestDay;
    const unit = periodLengthDays(this.options.period);
    const withHoldout = this.options.holdoutEnd !== undefined;
    this.stats.outsideCohort = 0;
    this.stats.onlyReturns = 0;
    for (const [customerId, s] of this.customers) {
      this.closeAll(s);
      if (s.days === 0) {
        if (s.seenInCalibration) {
          this.stats.onlyReturns++;
          if (s.lines !== undefined) this.notModelled.push({ customerId, lines: s.lines, amount: s.net, purchases: s.purchaseRow });
        } else this.stats.outsideCohort++;
        continue;
      }
      const frequency = s.days - 1;
      const amountsKnown = !s.noAmount;
      yield {
        customerId,
        frequency,
        recency: (s.last - s.first) / unit,
        T: (end - s.first) / unit,
        monetary: amountsKnown ? (frequency > 0 ? s.repeatSum / frequency : 0) : undefined,
        firstDay: s.first,
        lastDay: s.last,
        totalAmount: amountsKnown ? s.firstTotal + s.repeatSum : undefined,
        ...(withHoldout ? { holdoutFrequency: s.holdoutDays } : {}),
      };
    }
  }

  // Closes the days still open (order 'per-customer'), or replays all days in date order ('any'); once.
  private closeAll(s: CustomerState): void {
    if (s.dayTotals) for (const d of [...s.dayTotals.values()].sort((p, q) => p.day - q.day)) this.close(s, d, false);
    if (s.holdoutTotals) for (const d of s.holdoutTotals.values()) this.close(s, d, true);
    if (s.open) this.close(s, s.open, false);
    if (s.holdoutOpen) this.close(s, s.holdoutOpen, true);
    s.dayTotals = s.holdoutTotals = s.open = s.holdoutOpen = undefined;
  }

  /**
   * A finished day: a purchase day, or — when a return is in it and it nets to nothing or less —
   * a return day, whose value comes off the spend of the customer's latest purchases: the
   * repeat days first, then the first day; what is left has nothing to net against.
   */
  private close(s: CustomerState, d: OpenDay, holdout: boolean): void {
    const returnDay = d.hasReturn && d.total < NET_ZERO;
    if (holdout) {
      if (!returnDay) s.holdoutDays++;
      return;
    }
    if (!returnDay) {
      s.days++;
      s.lines = undefined;
      if (s.days === 1) {
        s.first = d.day;
        s.firstTotal = d.total;
      } else s.repeatSum += d.total;
      s.last = d.day;
      return;
    }
    this.stats.returnDays++;
    let left = -d.total;
    const fromRepeat = Math.min(left, Math.max(0, s.repeatSum));
    s.repeatSum -= fromRepeat;
    left -= fromRepeat;
    const fromFirst = s.days > 0 ? Math.min(left, Math.max(0, s.firstTotal)) : 0;
    s.firstTotal -= fromFirst;
    left -= fromFirst;
    this.stats.returnedAmount += -d.total - left;
    this.stats.unmatchedReturnAmount += left;
  }

  private stateOf(id: string): CustomerState {
    let state = this.customers.get(id);
    if (!state) {
      state = { first: Infinity, last: -Infinity, days: 0, firstTotal: 0, repeatSum: 0, noAmount: false, holdoutDays: 0, seenInCalibration: false, rows: 0, purchaseRow: false, net: 0 };
      if (this.anyOrder) {
        state.dayTotals = new Map();
        state.holdoutTotals = new Map();
      }
      this.customers.set(id, state);
    }
    return state;
  }
}

function addToDay(d: OpenDay, amount: number | undefined): OpenDay {
  if (amount === undefined) return d;
  d.total += amount;
  if (amount < 0) d.hasReturn = true;
  return d;
}

function outOfOrder(id: string, day: number, previous: number): DataError {
  return keyedError((m, h) => new DataError(m, h), noteOf('clvData', { key: 'outOfOrder', args: [id, day, previous] }), noteOf('clvData', { key: 'outOfOrderHint', args: [] }));
}

/** Summarises a whole iterable of transactions (see TransactionSummarizer for the streaming form). */
export function summarizeTransactions(transactions: Iterable<Transaction>, options: SummaryOptions): CustomerSummary[] {
  const summarizer = new TransactionSummarizer(options);
  for (const tx of transactions) summarizer.add(tx);
  return [...summarizer.summaries()];
}

/** Model input columns from summaries: x, tX, T and mean repeat spend m (0 where unknown). */
export function toModelColumns(summaries: readonly CustomerSummary[]) {
  return {
    x: Float64Array.from(summaries, (s) => s.frequency),
    tX: Float64Array.from(summaries, (s) => s.recency),
    T: Float64Array.from(summaries, (s) => s.T),
    m: Float64Array.from(summaries, (s) => s.monetary ?? 0),
  };
}
