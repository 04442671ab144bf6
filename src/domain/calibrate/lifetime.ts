/**
 * The second lifetime as the returns show it (docs/model.md, section 7, "Second lifetime"): how
 * long customers who came back stayed (a second churn date, `cancelled_again`, or still there at
 * the as-of date: right-censored) and what margin they brought per month, each against what the
 * value model expects of them. Learned as two scales on the playbook's second lifetime — its
 * length and its margin — shrunk towards 1, and checked on held-out returners. Pure.
 */
import type { ModelConfig } from '../defaults.js';
import type { OfferSpec, ReasonEntry } from '../playbook-types.js';
import { customerLifetimeFactor, firstLifetime, scaledRetention, type FirstLifetime } from '../value/value.js';
import type { CustomerRow } from '../types.js';

/** One returner: what was observed of the second lifetime and what the value model expects. */
export interface SecondLifeObservation {
  /** months from the return to the second churn, or to the as-of date (censored) */
  months: number;
  /** left again within those months (an event), else still a customer (censored) */
  cancelledAgain: boolean;
  /** margin earned since the return, when the history has it */
  margin?: number;
  /** the value model's expected second lifetime L2 (months) for this customer and offer */
  expectedMonths: number;
  /** the value model's margin for the observed months: M2 per month, the offer's reduction for its term */
  expectedMargin: number;
}

/** The learned second lifetime: scales on the playbook's length and margin. */
export interface SecondLifetimeScale {
  /** factor on the expected second lifetime (every reason's and offer's); 1: the playbook's */
  lengthScale: number;
  /** factor on the second-lifetime margin per month; 1: the playbook's */
  marginScale: number;
  /** returners with a second lifetime, how many left again, their months, and the months the model expected */
  returns: number;
  events: number;
  exposureMonths: number;
  expectedEvents: number;
  /** returners with a margin since return, the margin observed and the margin the model expected */
  marginCases: number;
  observedMargin: number;
  expectedMarginTotal: number;
}

/**
 * Prior strength of the length scale, in pseudo-events (judgement): the model's expectation
 * weighs as much as five observed second churns. Gamma(k, k) on the hazard ratio θ = 1/s: the
 * conjugate prior of the Poisson count of events given the expected count (Clayton & Kaldor
 * 1987, Biometrics 43(3), on shrinking such observed/expected ratios).
 */
export const LENGTH_PRIOR_EVENTS = 5;
/** Prior strength of the margin scale, in pseudo-returners of average expected margin (judgement). */
export const MARGIN_PRIOR_CASES = 5;
/** The scales stay within [1/5, 5] (judgement): a playbook that far off needs a new playbook, not a scale. */
const SCALE_BOUNDS: readonly [number, number] = [0.2, 5];

const clampScale = (s: number) => Math.min(SCALE_BOUNDS[1], Math.max(SCALE_BOUNDS[0], s));

/**
 * What the value model expects of a returner's second lifetime (docs/model.md, section 3): its
 * length L2 = L × lifetimeFactor_reason × lifetimeFactor_offer × c (c the customer's own factor)
 * and its margin over the observed months, M × marginFactor_reason less the offer's reduction
 * (for its term only, where it has one). undefined without a first-lifetime margin.
 */
export function expectedSecondLife(
  row: CustomerRow,
  contactDay: number,
  entry: Pick<ReasonEntry, 'lifetimeFactor' | 'marginFactor'>,
  offer: Pick<OfferSpec, 'lifetimeFactor' | 'marginReduction' | 'marginReductionMonths'> | undefined,
  months: number,
  config: ModelConfig,
): { expectedMonths: number; expectedMargin: number } | undefined {
  const life: FirstLifetime = firstLifetime(row, contactDay, config);
  if (life.monthlyMargin === undefined) return undefined;
  const retention = scaledRetention(config.monthlyRetention, entry.lifetimeFactor * (offer?.lifetimeFactor ?? 1) * customerLifetimeFactor(life, config));
  const full = life.monthlyMargin * entry.marginFactor;
  const reduction = offer?.marginReduction ?? 0;
  const reducedMonths = offer?.marginReductionMonths === undefined ? months : Math.min(months, offer.marginReductionMonths);
  return { expectedMonths: retention >= 1 ? Infinity : 1 / (1 - retention), expectedMargin: full * months - full * reduction * reducedMonths };
}

/**
 * The scales from the returners. Length: the second lifetime taken as exponential with the
 * model's monthly hazard λ_i = 1/L2_i scaled by θ = 1/s; with D events over E = Σ λ_i t_i expected
 * ones (censored months count as exposure: Cox & Oakes 1984, Analysis of Survival Data, §3), the
 * posterior mean of θ under Gamma(k, k) is (D + k)/(E + k), so s = (E + k)/(D + k). Margin: the ratio
 * of observed to expected margin, Σ O_i / Σ P_i, with k' pseudo-returners at ratio 1.
 */
export function secondLifetimeScaleOf(observations: readonly SecondLifeObservation[]): SecondLifetimeScale | undefined {
  const usable = observations.filter((o) => o.months > 0 && Number.isFinite(o.expectedMonths) && o.expectedMonths > 0);
  if (usable.length === 0) return undefined;
  const events = usable.filter((o) => o.cancelledAgain).length;
  const exposureMonths = usable.reduce((s, o) => s + o.months, 0);
  const expectedEvents = usable.reduce((s, o) => s + o.months / o.expectedMonths, 0);
  const withMargin = usable.filter((o) => o.margin !== undefined && o.expectedMargin > 0);
  const observedMargin = withMargin.reduce((s, o) => s + (o.margin as number), 0);
  const expectedMarginTotal = withMargin.reduce((s, o) => s + o.expectedMargin, 0);
  const pseudo = withMargin.length > 0 ? (MARGIN_PRIOR_CASES * expectedMarginTotal) / withMargin.length : 0;
  return {
    lengthScale: clampScale((expectedEvents + LENGTH_PRIOR_EVENTS) / (events + LENGTH_PRIOR_EVENTS)),
    marginScale: withMargin.length > 0 ? clampScale((observedMargin + pseudo) / (expectedMarginTotal + pseudo)) : 1,
    returns: usable.length, events, exposureMonths, expectedEvents,
    marginCases: withMargin.length, observedMargin, expectedMarginTotal,
  };
}

/** Log-likelihood of one returner's months under the exponential with hazard 1/(s·L2). */
export function lengthLogLikelihood(o: SecondLifeObservation, s: number): number {
  const hazard = 1 / (s * o.expectedMonths);
  return (o.cancelledAgain ? Math.log(hazard) : 0) - hazard * o.months;
}

/** How much closer the scaled margin comes to the observed one than the playbook's: (O − P)² − (O − s·P)². */
export function marginGain(o: SecondLifeObservation, s: number): number | undefined {
  if (o.margin === undefined || !(o.expectedMargin > 0)) return undefined;
  return (o.margin - o.expectedMargin) ** 2 - (o.margin - s * o.expectedMargin) ** 2;
}
