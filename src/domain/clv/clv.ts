/**
 * Customer lifetime value from BG/NBD (how many purchases) × Gamma-Gamma (how much per
 * purchase), discounted month by month, and the lifecycle phase of each customer
 * (DOMAIN.md section 5). Time inside the models is in the summary's period unit; the CLV
 * horizon and discount rate are monthly and converted through `unitsPerMonth`.
 */
import { DAYS_PER_MONTH } from '../dates.js';
import { expectedSpend, type GammaGammaParams } from './gamma-gamma.js';
import type { PurchaseModel } from './purchase-model.js';
import { periodLengthDays, type PeriodUnit } from './summary.js';
import type { Said } from '../catalogue/index.js';

export type LifecyclePhase = 'prospect' | 'first_time_buyer' | 'early_repeat' | 'core' | 'core_defector' | 'lost';

export interface ClvConfig {
  /** Months of future purchases valued by CLV (and counted in expected_purchases). */
  readonly horizonMonths: number;
  /** Discount rate per month applied to each month's expected margin. */
  readonly monthlyDiscountRate: number;
  /** P(alive) below this: lost. */
  readonly lostThreshold: number;
  /** A core customer with P(alive) below this is a core defector. */
  readonly defectorThreshold: number;
  /** A core customer whose purchase-rate ratio falls below this is a core defector. */
  readonly defectorRateRatio: number;
  /** Repeat purchase days from which a customer counts as core. */
  readonly coreMinRepeat: number;
  /** A first-time buyer without a repeat purchase for this many months is lost (BG/NBD says P(alive) = 1 for them). */
  readonly firstTimeLostAfterMonths: number;
}

/** Defaults, also listed in docs/clv.md. */
export const DEFAULT_CLV_CONFIG: ClvConfig = Object.freeze({
  horizonMonths: 12,
  monthlyDiscountRate: 0.01,
  lostThreshold: 0.3,
  defectorThreshold: 0.6,
  defectorRateRatio: 0.5,
  coreMinRepeat: 3,
  firstTimeLostAfterMonths: 12,
});

/** One customer's summary in the models' time unit; mbar is the mean repeat spend. */
export interface ClvCustomer {
  readonly x: number;
  readonly tX: number;
  readonly T: number;
  readonly mbar: number;
}

export interface ClvModels {
  /** BG/NBD or Pareto/NBD (purchase-model.ts). */
  readonly purchases: PurchaseModel;
  readonly gammaGamma: GammaGammaParams;
}

export interface CustomerValue {
  readonly pAlive: number;
  readonly expectedPurchases: number;
  readonly expectedSpend: number;
  readonly clv: number;
  readonly phase: LifecyclePhase;
}

/** Model time units in one month (a month is the mean Gregorian month). */
export function unitsPerMonth(period: PeriodUnit): number {
  return DAYS_PER_MONTH / periodLengthDays(period);
}

/**
 * CLV = Σ_{i=1..H} E[M | x, m̄] · (E[Y(i·u) | x, tX, T] − E[Y((i−1)·u) | x, tX, T]) / (1 + d)^i,
 * with u model units per month, d the monthly discount rate (FHL 2005 eq. 10; Fader & Hardie 2013 eq. 5).
 * Everything but the purchase curve is the same for discountedPurchases (hand-over to plan).
 */
export function customerLifetimeValue(models: ClvModels, customer: ClvCustomer, config: ClvConfig, unitsInMonth: number): number {
  const { x, tX, T, mbar } = customer;
  const spend = expectedSpend(models.gammaGamma, x, mbar);
  return spend * discountedPurchases((t) => models.purchases.expectedPurchases(t, x, tX, T), config.horizonMonths, config.monthlyDiscountRate, unitsInMonth);
}

/** Σ_{i=1..H} (E(i·u) − E((i−1)·u)) / (1 + d)^i for a cumulative purchase curve E(t). */
export function discountedPurchases(curve: (t: number) => number, horizonMonths: number, monthlyDiscountRate: number, unitsInMonth: number): number {
  let value = 0;
  let before = 0;
  for (let month = 1; month <= horizonMonths; month++) {
    const upTo = curve(month * unitsInMonth);
    value += (upTo - before) / Math.pow(1 + monthlyDiscountRate, month);
    before = upTo;
  }
  return value;
}

/**
 * Current purchase rate relative to the customer's own history, in (0, 1]: the mean gap between
 * purchase days tX/x divided by the time since the last purchase once that is longer.
 * 0.5 means twice the usual gap has passed without a purchase. 1 without repeat purchases.
 */
export function purchaseRateRatio(x: number, tX: number, T: number): number {
  if (x === 0 || tX === 0) return 1;
  const meanGap = tX / x;
  return meanGap / Math.max(meanGap, T - tX);
}

export interface PhaseInput {
  /** Repeat purchases; undefined for a listed customer without any purchase (a prospect). */
  readonly x: number | undefined;
  readonly tX: number;
  readonly T: number;
  readonly pAlive: number;
}

/** The lifecycle phase (DOMAIN.md section 5) by the thresholds of the config, rules in docs/clv.md. */
export function lifecyclePhase(input: PhaseInput, config: ClvConfig, unitsInMonth: number): LifecyclePhase {
  const { x, tX, T } = input;
  if (x === undefined) return 'prospect';
  if (x === 0) return T / unitsInMonth > config.firstTimeLostAfterMonths ? 'lost' : 'first_time_buyer';
  if (input.pAlive < config.lostThreshold) return 'lost';
  if (x < config.coreMinRepeat) return 'early_repeat';
  const drifting = input.pAlive < config.defectorThreshold || purchaseRateRatio(x, tX, T) < config.defectorRateRatio;
  return drifting ? 'core_defector' : 'core';
}

/** Everything the clv command reports per customer, from the two fitted models. */
export function valueCustomer(models: ClvModels, customer: ClvCustomer, config: ClvConfig, unitsInMonth: number): CustomerValue {
  const { x, tX, T, mbar } = customer;
  const alive = models.purchases.pAlive(x, tX, T);
  return {
    pAlive: alive,
    expectedPurchases: models.purchases.expectedPurchases(config.horizonMonths * unitsInMonth, x, tX, T),
    expectedSpend: expectedSpend(models.gammaGamma, x, mbar),
    clv: customerLifetimeValue(models, customer, config, unitsInMonth),
    phase: lifecyclePhase({ x, tX, T, pAlive: alive }, config, unitsInMonth),
  };
}

/** Plain-sentence problems of a CLV config (empty when it is usable). */
export function validateClvConfig(config: ClvConfig): ClvConfigProblem[] {
  const problems: ClvConfigProblem[] = [];
  const check = (ok: boolean, key: ClvConfigProblem['key']) => ok || problems.push({ key, args: [] });
  check(Number.isInteger(config.horizonMonths) && config.horizonMonths >= 0, 'horizonMonths');
  check(config.monthlyDiscountRate > -1 && Number.isFinite(config.monthlyDiscountRate), 'monthlyDiscountRate');
  check(config.lostThreshold >= 0 && config.lostThreshold <= 1, 'lostThreshold');
  check(config.defectorThreshold >= config.lostThreshold && config.defectorThreshold <= 1, 'defectorThreshold');
  check(config.defectorRateRatio >= 0 && config.defectorRateRatio <= 1, 'defectorRateRatio');
  check(Number.isInteger(config.coreMinRepeat) && config.coreMinRepeat >= 1, 'coreMinRepeat');
  check(config.firstTimeLostAfterMonths > 0, 'firstTimeLostAfterMonths');
  return problems;
}

/** A clv setting out of range, as a catalogue key named after the setting (catalogue/messages.ts, config). */
export type ClvConfigProblem = Extract<Said<'config'>, { key: 'horizonMonths' | 'monthlyDiscountRate' | 'lostThreshold' | 'defectorThreshold' | 'defectorRateRatio' | 'coreMinRepeat' | 'firstTimeLostAfterMonths' }>;
