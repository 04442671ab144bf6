/**
 * Does the learned second lifetime predict held-out returners better than the playbook's?
 * (docs/model.md, section 7a, "The second lifetime's own check".) Cross-fitted like the money
 * comparison: for each fold the scales are learned on the other folds' returners and scored on
 * the fold's, paired customer by customer against scale 1. Pure.
 */
import { foldCount, holdoutFold, type HistoryRow } from './calibrate.js';
import type { ModelConfig } from '../defaults.js';
import { lengthLogLikelihood, marginGain, secondLifetimeScaleOf, type SecondLifeObservation } from './lifetime.js';

/** One scale's check: the paired gain per held-out returner, its standard error, and the rule's verdict. */
export interface ScaleCheck {
  /** held-out returners scored */
  cases: number;
  /** mean gain per returner (log-likelihood for the length, squared error of the margin) and its standard error, without the most favourable returner */
  gain: number;
  standardError: number;
  /** gain − z × standard error; above 0: the scale is kept */
  lowerBound: number;
  accepted: boolean;
}

export interface LifetimeCheck {
  length: ScaleCheck;
  margin: ScaleCheck;
}

/**
 * The least evidence a scale is judged on (judgement): ten second churns among the scored
 * returners for the length — without churns every returner favours a longer lifetime, however
 * few they are — and thirty returners with a margin for the margin. A margin gain is a
 * difference of squared errors, heavy-tailed: with twenty returners the mean ± z·se rule let a
 * scale of 0.37 through on the README's fixture and cut every customer's second-lifetime value by
 * two thirds (2026-12-07); thirty is the usual floor for a mean's normal approximation.
 */
export const MIN_LENGTH_EVENTS = 10;
export const MIN_MARGIN_CASES = 30;

/**
 * Each held-out returner's gain from the learned scale over the playbook's (scale 1): for the
 * length the log-likelihood of their months (an event or censored) under the exponential with
 * hazard 1/(s·L2), for the margin the fall in the squared error of the margin earned. A scale is
 * kept when the mean gain, without the most favourable returner, clears `z` standard errors of
 * the rest — the money comparison's rule (check.ts), for the same reason: a few large or
 * long-lived customers carry most of it.
 */
export function checkLifetime(rows: readonly HistoryRow[], config: ModelConfig, z: number): LifetimeCheck {
  const length: number[] = [];
  const margin: number[] = [];
  let events = 0;
  const folds = config.calibration.holdoutShare > 0 ? foldCount(config) : 0;
  const observed = rows.filter((r): r is HistoryRow & { secondLife: SecondLifeObservation } => r.secondLife !== undefined);
  for (let fold = 0; fold < folds; fold++) {
    const inFold = (r: HistoryRow) => holdoutFold(r.customer_id, config) === fold;
    const scale = secondLifetimeScaleOf(observed.filter((r) => !inFold(r)).map((r) => r.secondLife));
    if (scale === undefined) continue;
    for (const r of observed.filter(inFold)) {
      const o = r.secondLife;
      if (!(o.months > 0) || !Number.isFinite(o.expectedMonths)) continue;
      length.push(lengthLogLikelihood(o, scale.lengthScale) - lengthLogLikelihood(o, 1));
      if (o.cancelledAgain) events++;
      const g = marginGain(o, scale.marginScale);
      if (g !== undefined) margin.push(g);
    }
  }
  return { length: verdict(length, z, events >= MIN_LENGTH_EVENTS), margin: verdict(margin, z, margin.length >= MIN_MARGIN_CASES) };
}

function verdict(gains: readonly number[], z: number, enough: boolean): ScaleCheck {
  if (gains.length < 2) return { cases: gains.length, gain: 0, standardError: 0, lowerBound: 0, accepted: false };
  const top = gains.reduce((best, g, i) => (g > (gains[best] as number) ? i : best), 0);
  const rest = gains.filter((_, i) => i !== top);
  const mean = rest.reduce((s, g) => s + g, 0) / rest.length;
  const variance = rest.length > 1 ? rest.reduce((s, g) => s + (g - mean) ** 2, 0) / (rest.length - 1) : mean ** 2;
  const standardError = Math.sqrt(variance / rest.length);
  const lowerBound = mean - z * standardError;
  return { cases: gains.length, gain: mean, standardError, lowerBound, accepted: enough && lowerBound > 0 };
}
