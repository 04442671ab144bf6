/**
 * Per-customer RFM summaries from a transaction stream, with the conventions of the CDNOW data
 * (FHL 2005; ../shared/data/cdnow/SOURCE.md): same-day rows are merged, frequency = distinct
 * purchase days − 1, recency = (last − first day) / period length, T = (calibration end − first
 * day) / period length, monetary = mean total of the repeat days (first day left out).
 *
 * Order: with `order: 'per-customer'` (default) each customer's rows must arrive in
 * non-decreasing date order (customers may interleave), and the state per customer is a few
 * numbers — a 10-million-row file costs memory per customer, not per row. An earlier date for a
 * customer throws a DataError. With `order: 'any'` each customer's distinct purchase days are
 * kept, so any order works at the price of memory that grows with distinct purchase days.
 */
import { DataError, UsageError } from '../../errors.js';
import { DAYS_PER_MONTH } from '../dates.js';
import type { EpochDay } from '../types.js';

export type PeriodUnit = 'day' | 'week' | 'month';

export interface Transaction {
  readonly customerId: string;
  readonly day: EpochDay;
  readonly amount?: number;
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
}

interface CustomerState {
  first: number;
  last: number;
  days: number;
  firstTotal: number;
  repeatSum: number;
  noAmount: boolean;
  holdoutLast: number;
  holdoutDays: number;
  /** Only with order 'any': distinct calibration days with their totals, and holdout days. */
  dayTotals?: Map<number, number>;
  holdoutSet?: Set<number>;
}

/** Days in one period unit (a month is the mean Gregorian month). */
export function periodLengthDays(period: PeriodUnit): number {
  return period === 'day' ? 1 : period === 'week' ? 7 : DAYS_PER_MONTH;
}

/** Streaming accumulator: add transactions one by one, then read the summaries. */
export class TransactionSummarizer {
  private readonly customers = new Map<string, CustomerState>();
  private readonly anyOrder: boolean;
  private latestDay = -Infinity;
  readonly stats: SummaryStats = { transactions: 0, ignoredAfterEnd: 0, outsideCohort: 0 };

  constructor(private readonly options: SummaryOptions) {
    const { calibrationEnd, holdoutEnd } = options;
    if (holdoutEnd !== undefined && calibrationEnd === undefined) throw new UsageError('a holdout end needs a calibration end');
    if (holdoutEnd !== undefined && calibrationEnd !== undefined && holdoutEnd <= calibrationEnd) {
      throw new UsageError('the holdout end must come after the calibration end');
    }
    this.anyOrder = options.order === 'any';
  }

  /** Adds one transaction row. */
  add(tx: Transaction): void {
    const { day } = tx;
    if (!Number.isInteger(day)) throw new DataError(`customer ${tx.customerId}: the date must be a whole epoch day, got ${day}`);
    if (tx.amount !== undefined && !Number.isFinite(tx.amount)) throw new DataError(`customer ${tx.customerId}: the amount must be a number, got ${tx.amount}`);
    this.stats.transactions++;
    const end = this.options.calibrationEnd;
    const last = this.options.holdoutEnd ?? end;
    if (last !== undefined && day > last) {
      this.stats.ignoredAfterEnd++;
      return;
    }
    const state = this.stateOf(tx.customerId);
    if (end !== undefined && day > end) addHoldoutDay(state, day, this.anyOrder, tx.customerId);
    else {
      this.latestDay = Math.max(this.latestDay, day);
      addCalibrationDay(state, day, tx.amount, this.anyOrder, tx.customerId);
    }
  }

  /** The summaries, in order of each customer's first appearance. */
  *summaries(): Generator<CustomerSummary> {
    const end = this.options.calibrationEnd ?? this.latestDay;
    const unit = periodLengthDays(this.options.period);
    const withHoldout = this.options.holdoutEnd !== undefined;
    this.stats.outsideCohort = 0;
    for (const [customerId, s] of this.customers) {
      if (s.days === 0) {
        this.stats.outsideCohort++;
        continue;
      }
      if (s.dayTotals) splitFirstDay(s, s.dayTotals);
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

  private stateOf(id: string): CustomerState {
    let state = this.customers.get(id);
    if (!state) {
      state = { first: Infinity, last: -Infinity, days: 0, firstTotal: 0, repeatSum: 0, noAmount: false, holdoutLast: -Infinity, holdoutDays: 0 };
      if (this.anyOrder) {
        state.dayTotals = new Map();
        state.holdoutSet = new Set();
      }
      this.customers.set(id, state);
    }
    return state;
  }
}

function addCalibrationDay(s: CustomerState, day: number, amount: number | undefined, anyOrder: boolean, id: string): void {
  if (amount === undefined) s.noAmount = true;
  const value = amount ?? 0;
  if (anyOrder) {
    const totals = s.dayTotals as Map<number, number>;
    totals.set(day, (totals.get(day) ?? 0) + value);
    s.days = totals.size;
    s.first = Math.min(s.first, day);
    s.last = Math.max(s.last, day);
    return;
  }
  if (day < s.last) throw outOfOrder(id, day, s.last);
  if (day > s.last) {
    s.days++;
    s.last = day;
    if (s.days === 1) s.first = day;
  }
  if (day === s.first) s.firstTotal += value;
  else s.repeatSum += value;
}

// With order 'any' the first day is known only at the end: split its total from the repeat days then.
function splitFirstDay(s: CustomerState, totals: Map<number, number>): void {
  s.firstTotal = totals.get(s.first) as number;
  s.repeatSum = 0;
  for (const [day, total] of totals) if (day !== s.first) s.repeatSum += total;
}

function addHoldoutDay(s: CustomerState, day: number, anyOrder: boolean, id: string): void {
  if (anyOrder) {
    const set = s.holdoutSet as Set<number>;
    set.add(day);
    s.holdoutDays = set.size;
    return;
  }
  if (day < s.holdoutLast) throw outOfOrder(id, day, s.holdoutLast);
  if (day > s.holdoutLast) {
    s.holdoutDays++;
    s.holdoutLast = day;
  }
}

function outOfOrder(id: string, day: number, previous: number): DataError {
  return new DataError(
    `transactions of customer ${id} are not in date order (day ${day} after day ${previous})`,
    'sort the file by customer and date, or summarise with order "any" (uses more memory)',
  );
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
