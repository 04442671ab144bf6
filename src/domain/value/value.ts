/**
 * The value model (docs/model.md): first-lifetime figures, the reacquisition probability, the
 * second-lifetime value per customer; the win-back decision built on them is in
 * decision.ts. Pure: the as-of date, the playbook entries and the config are parameters.
 */
import type { EpochDay, CustomerRow } from '../types.js';
import { DAYS_PER_MONTH, DAYS_PER_YEAR } from '../dates.js';
import type { BehaviourCoefficients, BehaviourTerm } from './behaviour.js';
import type { ModelConfig } from '../defaults.js';
import { BEHAVIOUR_FEATURES } from './behaviour.js';
import type { OfferSpec, ReasonEntry } from '../playbook-types.js';

/** What the model needs from a customer's first lifetime; undefined where the export lacks it. */
export interface FirstLifetime {
  tenureMonths?: number;
  monthlyRevenue?: number;
  monthlyMargin?: number;
  marginSource?: 'percent' | 'amount' | 'default';
  /** total orders of the first lifetime (the model's feature) */
  orders?: number;
  /** orders per month, for reports */
  ordersPerMonth?: number;
  complaints?: number;
  monthsSinceChurn?: number;
  /** inputs that were missing or unusable: tenure, revenue, margin, orders, complaints, churn_date */
  missing: string[];
}

/** Behaviour features of the reacquisition model; an undefined feature contributes nothing. */
export type BehaviourFeatures = Partial<Record<(typeof BEHAVIOUR_FEATURES)[number], number>>;

/** The second lifetime under one offer. */
export interface SecondLifetime {
  /** margin per month while the offer's reduction holds (the whole second lifetime unless it is for a term) */
  monthlyMargin: number;
  /** an offer whose reduction holds for a term: the full margin per month after it, and Σ_{t<term} q^t */
  afterTerm?: { monthlyMargin: number; months: number; termAnnuityFactor: number };
  monthlyRetention: number;
  /** undiscounted, unlimited expected length 1/(1 − retention) */
  expectedLifetimeMonths: number;
  /** Σ_{t<H} (retention/(1+d))^t: discounted expected months within the horizon */
  annuityFactor: number;
  value: number;
}

/** Derives tenure, monthly revenue and margin, order rate and recency from an export row. */
export function firstLifetime(row: CustomerRow, asOf: EpochDay, config: ModelConfig): FirstLifetime {
  const missing: string[] = [];
  const tenureMonths = tenureOf(row);
  if (tenureMonths === undefined) missing.push('tenure');
  const divisor = tenureMonths === undefined ? undefined : Math.max(tenureMonths, config.minTenureMonths);
  const monthlyRevenue =
    row.revenue !== undefined && divisor !== undefined ? row.revenue / divisor : row.monthly_revenue;
  if (monthlyRevenue === undefined) missing.push('revenue');
  const margin = monthlyMarginOf(row, monthlyRevenue, divisor, config);
  if (margin.source !== 'percent' && margin.source !== 'amount') missing.push('margin');
  const ordersPerMonth = row.orders !== undefined && divisor !== undefined ? row.orders / divisor : undefined;
  if (row.orders === undefined) missing.push('orders');
  if (row.complaints === undefined) missing.push('complaints');
  if (row.churn_date === undefined) missing.push('churn_date');
  const monthsSinceChurn =
    row.churn_date === undefined ? undefined : Math.max(0, (asOf - row.churn_date) / DAYS_PER_MONTH);
  // Only defined figures become keys, in this order (no spread: this runs once per row).
  const life = {} as FirstLifetime;
  if (tenureMonths !== undefined) life.tenureMonths = tenureMonths;
  if (monthlyRevenue !== undefined) life.monthlyRevenue = monthlyRevenue;
  if (row.orders !== undefined) life.orders = row.orders;
  if (ordersPerMonth !== undefined) life.ordersPerMonth = ordersPerMonth;
  if (monthsSinceChurn !== undefined) life.monthsSinceChurn = monthsSinceChurn;
  if (row.complaints !== undefined) life.complaints = row.complaints;
  if (margin.value !== undefined) life.monthlyMargin = margin.value;
  if (margin.source !== undefined) life.marginSource = margin.source;
  life.missing = missing;
  return life;
}

function tenureOf(row: CustomerRow): number | undefined {
  if (row.customer_since !== undefined && row.churn_date !== undefined && row.churn_date >= row.customer_since) {
    return (row.churn_date - row.customer_since) / DAYS_PER_MONTH;
  }
  return row.tenure_months !== undefined && row.tenure_months >= 0 ? row.tenure_months : undefined;
}

function monthlyMarginOf(
  row: CustomerRow,
  monthlyRevenue: number | undefined,
  divisor: number | undefined,
  config: ModelConfig,
): { value?: number; source?: FirstLifetime['marginSource'] } {
  const m = row.margin;
  if (m?.kind === 'percent' && monthlyRevenue !== undefined) {
    return { value: (monthlyRevenue * m.value) / 100, source: 'percent' };
  }
  if (m?.kind === 'amount' && divisor !== undefined) return { value: m.value / divisor, source: 'amount' };
  // An amount without tenure can still be read as a share of total revenue.
  if (m?.kind === 'amount' && monthlyRevenue !== undefined && row.revenue !== undefined && row.revenue > 0) {
    return { value: (monthlyRevenue * m.value) / row.revenue, source: 'amount' };
  }
  if (monthlyRevenue === undefined) return {};
  return { value: (monthlyRevenue * config.defaultMarginPercent) / 100, source: 'default' };
}

/**
 * The value at stake as plan.csv and the reports show it: what the customer would have
 * brought, at least 0 — losing a customer who cost money lost nothing. Sums over customers
 * then never grow as customers are left out (a report's funnel narrows). The value model
 * itself keeps the signed figure (a negative margin is let go on its own rule).
 */
export function shownStake(value: number): number {
  return value > 0 ? value : 0;
}

/** A final reason's stake, as a reason without factors of its own. */
const FINAL_STAKE: Pick<ReasonEntry, 'lifetimeFactor' | 'marginFactor'> = Object.freeze({ lifetimeFactor: 1, marginFactor: 1 });

/**
 * The reason's factors for the value at stake. A final reason's are 0 (nobody comes back from
 * it, so no second lifetime can be won), yet what was lost is what the customer would have
 * brought had they stayed: valued as a reason without factors (docs/model.md §5, rule 1).
 */
export function stakeEntry(entry: Pick<ReasonEntry, 'final' | 'lifetimeFactor' | 'marginFactor'>): Pick<ReasonEntry, 'lifetimeFactor' | 'marginFactor'> {
  return entry.final ? FINAL_STAKE : entry;
}

/** The transformed feature ln(1+min(x,cap)) − ln(1+reference); 0 when the feature is unknown. */
export function featureValue(x: number | undefined, term: BehaviourTerm): number {
  if (x === undefined || Number.isNaN(x)) return 0;
  return Math.log1p(Math.min(Math.max(x, 0), term.cap)) - Math.log1p(term.reference);
}

/** Sum of the bounded behaviour terms, in log-odds. */
export function behaviourShift(behaviour: BehaviourFeatures, coefficients: BehaviourCoefficients): number {
  let shift = 0;
  for (const f of BEHAVIOUR_FEATURES) shift += coefficients[f].weight * featureValue(behaviour[f], coefficients[f]);
  return shift;
}

/** p = σ(logit(baseRate) + behaviour shift + ln(offer odds factor)), in [0, 1]. */
export function reacquisitionProbability(
  baseRate: number,
  behaviour: BehaviourFeatures,
  coefficients: BehaviourCoefficients,
  offerOddsFactor = 1,
): number {
  return reacquisitionWithShift(baseRate, behaviourShift(behaviour, coefficients), offerOddsFactor);
}

/** reacquisitionProbability with the customer's behaviour shift already summed (it is the same for every offer and channel). */
export function reacquisitionWithShift(baseRate: number, shift: number, offerOddsFactor = 1): number {
  if (baseRate <= 0 || offerOddsFactor <= 0) return 0;
  if (baseRate >= 1) return 1;
  return sigmoid(logit(baseRate) + shift + Math.log(offerOddsFactor));
}

/**
 * Chance of a return without any contact (docs/model.md, section 2a): the reason's organic
 * rate shifted by the same customer terms as a contact's response, so loyal, recently lost
 * customers also come back unasked more often. 0 when the rate is 0.
 */
export function organicProbability(organicRate: number, behaviour: BehaviourFeatures, coefficients: BehaviourCoefficients): number {
  return reacquisitionProbability(organicRate, behaviour, coefficients, 1);
}

export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/** Logistic function, written so that large |x| neither overflows nor loses precision. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * The customer's own factor on the expected second lifetime (docs/model.md, section 3): a
 * longer first lifetime predicts a longer second one, complaints a shorter one, bounded.
 * (tenure / reference)^elasticity × complaintFactor^min(complaints, 5); unknown figures count 1.
 */
export function customerLifetimeFactor(life: Pick<FirstLifetime, 'tenureMonths' | 'complaints'>, config: ModelConfig): number {
  const tenure = life.tenureMonths === undefined ? 1 : (Math.max(life.tenureMonths, 1) / config.tenureLifetimeReferenceMonths) ** config.tenureLifetimeElasticity;
  const complaints = life.complaints === undefined ? 1 : config.complaintLifetimeFactor ** Math.min(Math.max(life.complaints, 0), MAX_LIFETIME_COMPLAINTS);
  return Math.min(config.maxCustomerLifetimeFactor, Math.max(config.minCustomerLifetimeFactor, tenure * complaints));
}

/** Complaints beyond this many say nothing more about the second lifetime (judgement). */
const MAX_LIFETIME_COMPLAINTS = 5;

/** Today's value of one currency unit spent or earned on `day`: (1 + annual rate)^(−years from as-of), 1 on or before as-of. */
export function discountToAsOf(asOf: EpochDay, day: EpochDay, config: Pick<ModelConfig, 'annualDiscountRate'>): number {
  return (1 + config.annualDiscountRate) ** (-Math.max(0, day - asOf) / DAYS_PER_YEAR);
}


/**
 * Discounted expected margin of a second lifetime under an offer, over the config's horizon, with
 * the figures it is made of (for --explain and the worksheet); its value is secondLifetimeWorth's.
 */
export function secondLifetimeValue(
  monthlyMargin: number,
  offer: Pick<OfferSpec, 'lifetimeFactor' | 'marginReduction' | 'marginReductionMonths'>,
  entry: Pick<ReasonEntry, 'lifetimeFactor' | 'marginFactor'>,
  config: ModelConfig,
  customerFactor = 1,
): SecondLifetime {
  const full = monthlyMargin * entry.marginFactor;
  const margin = full * (1 - offer.marginReduction);
  const retention = scaledRetention(config.monthlyRetention, entry.lifetimeFactor * offer.lifetimeFactor * customerFactor);
  const q = retention / (1 + monthlyDiscountRate(config));
  const annuityFactor = annuity(q, config.horizonMonths);
  const expectedLifetimeMonths = retention >= 1 ? Infinity : 1 / (1 - retention);
  const value = secondLifetimeWorth(monthlyMargin, offer, entry, config, customerFactor);
  const term = offer.marginReductionMonths;
  if (reducedForTerm(offer, config)) {
    // A lower rate for a term (a renewal): the reduction is given in the first `term` months only.
    const termAnnuityFactor = annuity(q, term as number);
    return { monthlyMargin: margin, afterTerm: { monthlyMargin: full, months: term as number, termAnnuityFactor }, monthlyRetention: retention, expectedLifetimeMonths, annuityFactor, value };
  }
  return { monthlyMargin: margin, monthlyRetention: retention, expectedLifetimeMonths, annuityFactor, value };
}

/** True when the offer's margin reduction holds for a term shorter than the horizon (a renewal). */
function reducedForTerm(offer: Pick<OfferSpec, 'marginReduction' | 'marginReductionMonths'>, config: ModelConfig): boolean {
  const term = offer.marginReductionMonths;
  return term !== undefined && term < config.horizonMonths && offer.marginReduction > 0;
}

/**
 * A second lifetime's discounted value alone, without the object of its figures: the value
 * model asks it for every offer of every row and keeps the figures of the chosen offer only
 * (secondLifetimeValue, whose value this is).
 */
export function secondLifetimeWorth(
  monthlyMargin: number,
  offer: Pick<OfferSpec, 'lifetimeFactor' | 'marginReduction' | 'marginReductionMonths'>,
  entry: Pick<ReasonEntry, 'lifetimeFactor' | 'marginFactor'>,
  config: ModelConfig,
  customerFactor = 1,
): number {
  const full = monthlyMargin * entry.marginFactor;
  const retention = scaledRetention(config.monthlyRetention, entry.lifetimeFactor * offer.lifetimeFactor * customerFactor);
  const q = retention / (1 + monthlyDiscountRate(config));
  const H = config.horizonMonths;
  if (reducedForTerm(offer, config)) return full * annuity(q, H) - full * offer.marginReduction * annuity(q, offer.marginReductionMonths as number);
  return full * (1 - offer.marginReduction) * annuity(q, H);
}

/** Σ_{t<months} q^t. */
function annuity(q: number, months: number): number {
  return q === 1 ? months : (1 - q ** months) / (1 - q);
}

// The monthly rate of the config's annual discount rate: the same for every row of a run, so
// the last one is kept (one entry, checked against the config and its rate).
let discountedConfig: Pick<ModelConfig, 'annualDiscountRate'> | undefined;
let discountedAnnual = NaN;
let discountedRate = 0;

/** (1 + annual rate)^(1/12) − 1. */
export function monthlyDiscountRate(config: Pick<ModelConfig, 'annualDiscountRate'>): number {
  if (config !== discountedConfig || config.annualDiscountRate !== discountedAnnual) {
    discountedRate = (1 + config.annualDiscountRate) ** (1 / 12) - 1;
    discountedAnnual = config.annualDiscountRate;
    discountedConfig = config;
  }
  return discountedRate;
}

/** Retention m' whose expected lifetime is factor × 1/(1−m): m' = 1 − 1/(L·factor), at least 0. */
export function scaledRetention(monthlyRetention: number, lifetimeFactor: number): number {
  if (monthlyRetention >= 1) return 1;
  const lifetime = (1 / (1 - monthlyRetention)) * lifetimeFactor;
  return lifetime > 1 ? 1 - 1 / lifetime : 0;
}
