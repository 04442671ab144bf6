/**
 * The hand-over from `winback clv` to `winback plan` for customers who never cancelled: their
 * second lifetime is valued with the fitted purchase model — expected purchases if regained ×
 * expected spend per purchase × margin, over the value model's horizon and discount — never
 * as a contract's run rate (first-life revenue spread over the months between first and last
 * purchase). clv writes the columns; plan reads them with `readPurchaseModelHandover` and
 * values the customer with `purchaseModelSecondLifetime`.
 */
import { discountedPurchases } from './clv.js';
import type { Said } from '../catalogue/index.js';

/** Why a hand-over row cannot be read, as a catalogue key (messages.ts, value) worded by plan in the run's language. */
export type HandoverProblem = Extract<Said<'value'>, { key: 'handoverNotNumber' | 'handoverThreshold' }>;
/** A warning of the hand-over's valuation, as a catalogue key. */
export type HandoverWarning = Extract<Said<'value'>, { key: 'horizonMismatch' }>;
import type { PurchaseModel } from './purchase-model.js';

/** Value basis written into every hand-over row; plan must not fall back to a run rate for it. */
export const PURCHASE_MODEL_BASIS = 'purchase_model';

/** The hand-over columns, in the order `--lost-out` writes them after the lost-customer columns. */
export const HANDOVER_COLUMNS = [
  'value_basis', 'model', 'p_alive', 'expected_purchases_horizon', 'discounted_purchases_horizon', 'discounted_purchases_year',
  'expected_spend', 'second_life_revenue', 'clv', 'horizon_months', 'annual_discount_rate', 'lost_threshold',
] as const;

/** What the purchase model says about one customer if regained, over the value model's horizon. */
export interface PurchaseModelHandover {
  /** e.g. `bg-nbd+gamma-gamma`. */
  readonly model: string;
  readonly pAlive: number;
  /** E[Y(H) | alive now]: purchases in the horizon if the customer is (made) alive now. */
  readonly expectedPurchasesHorizon: number;
  /** The same, each month discounted: Σ_i (E[Y(i) | alive] − E[Y(i−1) | alive]) / (1 + d)^i. */
  readonly discountedPurchasesHorizon: number;
  /**
   * The same over the first 12 months (the horizon when shorter): where an offer's price cut holds
   * for a term, the purchases it applies to. Missing in hand-overs written before the column existed.
   */
  readonly discountedPurchasesYear?: number;
  /** E[M | x, m̄] (Gamma-Gamma), revenue per purchase. */
  readonly expectedSpend: number;
  readonly horizonMonths: number;
  readonly annualDiscountRate: number;
  /**
   * The P(alive) below which clv called the customer lost; plan lets a customer at or above it
   * be (still buying). Missing in hand-overs written before the column existed.
   */
  readonly lostThreshold?: number;
}

/** The months of `discounted_purchases_year`: a year, the term a lower rate or a win-back discount is commonly given for. */
export const YEAR_MONTHS = 12;

/** The value model's horizon and discount (plan's `model.horizonMonths`, `model.annualDiscountRate`). */
export interface ValueHorizon {
  readonly horizonMonths: number;
  readonly annualDiscountRate: number;
}

/** The hand-over of one customer (clv side). */
export function purchaseModelHandover(
  purchases: PurchaseModel, spendModel: string, history: { x: number; tX: number; T: number }, expectedSpend: number, horizon: ValueHorizon, unitsInMonth: number,
): PurchaseModelHandover {
  const { x, tX, T } = history;
  const monthly = Math.pow(1 + horizon.annualDiscountRate, 1 / 12) - 1;
  const ifAlive = (t: number) => purchases.expectedIfAlive(t, x, tX, T);
  return {
    model: `${purchases.name}+${spendModel}`,
    pAlive: purchases.pAlive(x, tX, T),
    expectedPurchasesHorizon: ifAlive(horizon.horizonMonths * unitsInMonth),
    discountedPurchasesHorizon: discountedPurchases(ifAlive, horizon.horizonMonths, monthly, unitsInMonth),
    discountedPurchasesYear: discountedPurchases(ifAlive, Math.min(YEAR_MONTHS, horizon.horizonMonths), monthly, unitsInMonth),
    expectedSpend,
    horizonMonths: horizon.horizonMonths,
    annualDiscountRate: horizon.annualDiscountRate,
  };
}

/** Discounted revenue of the second lifetime if regained: discounted purchases × spend. */
export function secondLifeRevenue(h: PurchaseModelHandover): number {
  return h.discountedPurchasesHorizon * h.expectedSpend;
}

/**
 * Reads the hand-over from a row's raw cells (plan side): undefined when the row has no
 * `value_basis` of `purchase_model` (an ordinary lost customer), a sentence when it has one but
 * a figure is missing or not a number.
 */
export function readPurchaseModelHandover(cell: (column: string) => string | undefined): PurchaseModelHandover | { problem: HandoverProblem } | undefined {
  if ((cell('value_basis') ?? '').trim() !== PURCHASE_MODEL_BASIS) return undefined;
  const numbers: Record<string, number> = {};
  for (const column of ['p_alive', 'expected_purchases_horizon', 'discounted_purchases_horizon', 'expected_spend', 'horizon_months', 'annual_discount_rate']) {
    const text = (cell(column) ?? '').trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value) || value < 0) return { problem: { key: 'handoverNotNumber', args: [column, text] } };
    numbers[column] = value;
  }
  const threshold = (cell('lost_threshold') ?? '').trim();
  const lostThreshold = Number(threshold);
  if (threshold !== '' && !(lostThreshold >= 0 && lostThreshold <= 1)) return { problem: { key: 'handoverThreshold', args: [threshold] } };
  const yearText = (cell('discounted_purchases_year') ?? '').trim();
  const year = Number(yearText);
  if (yearText !== '' && !(Number.isFinite(year) && year >= 0)) return { problem: { key: 'handoverNotNumber', args: ['discounted_purchases_year', yearText] } };
  return {
    model: (cell('model') ?? '').trim(),
    pAlive: numbers.p_alive as number,
    expectedPurchasesHorizon: numbers.expected_purchases_horizon as number,
    discountedPurchasesHorizon: numbers.discounted_purchases_horizon as number,
    expectedSpend: numbers.expected_spend as number,
    horizonMonths: numbers.horizon_months as number,
    annualDiscountRate: numbers.annual_discount_rate as number,
    ...(threshold === '' ? {} : { lostThreshold }),
    ...(yearText === '' ? {} : { discountedPurchasesYear: year }),
  };
}

/**
 * Second-lifetime value (margin) of a non-contractual customer if regained (plan side):
 * discounted purchases × expected spend × margin rate × the reason's margin factor, less the
 * offer's margin reduction on the purchases it holds for — all of them, or those of its term
 * (`reductionMonths`, a lower rate for a renewal term) as `discountedPurchasesWithin` counts them.
 * No monthly retention is applied on top: the purchase model's own drop-out is already in the
 * purchases. Warns when the hand-over was computed for another horizon or discount than the
 * value model's (rerun clv with the same config).
 */
export function purchaseModelSecondLifetime(
  h: PurchaseModelHandover,
  marginRate: number,
  valueModel: ValueHorizon,
  factors: { marginFactor?: number; marginReduction?: number; reductionMonths?: number } = {},
): { value: number; revenue: number; reducedPurchases: number; warnings: HandoverWarning[] } {
  const revenue = secondLifeRevenue(h);
  const full = marginRate * (factors.marginFactor ?? 1);
  const reducedPurchases = discountedPurchasesWithin(h, factors.reductionMonths);
  const value = revenue * full - h.expectedSpend * full * (factors.marginReduction ?? 0) * reducedPurchases;
  const warnings: HandoverWarning[] = [];
  if (h.horizonMonths !== valueModel.horizonMonths || Math.abs(h.annualDiscountRate - valueModel.annualDiscountRate) > 1e-9) {
    warnings.push({ key: 'horizonMismatch', args: [h.horizonMonths, (h.annualDiscountRate * 100).toFixed(1), valueModel.horizonMonths, (valueModel.annualDiscountRate * 100).toFixed(1)] });
  }
  return { value, revenue, reducedPurchases, warnings };
}

/**
 * Discounted purchases in the first `months` of the second lifetime: the hand-over's cumulative
 * curve, known at 0, at 12 months (`discountedPurchasesYear`) and at the horizon, joined by
 * straight lines in between (exact at 12 months and at the horizon; the purchase model's curve
 * bends, so a term between is valued a little short). Without a term, or without the year's
 * figure (an older hand-over), every purchase of the horizon: the cautious reading.
 */
export function discountedPurchasesWithin(h: PurchaseModelHandover, months: number | undefined): number {
  const D = h.discountedPurchasesHorizon;
  const H = h.horizonMonths;
  if (months === undefined || h.discountedPurchasesYear === undefined || !(months < H)) return D;
  const yearEnd = Math.min(YEAR_MONTHS, H);
  const Y = Math.min(Math.max(h.discountedPurchasesYear, 0), D);
  if (months <= yearEnd) return (Y * Math.max(months, 0)) / yearEnd;
  return Y + ((D - Y) * (months - yearEnd)) / (H - yearEnd);
}
