/**
 * What calibrate learns beside the reacquisition fit (docs/model.md, "Calibration"): the
 * organic return per reason from the control group, and each offer's effect per reason from
 * the contacts whose offer was drawn at random (`campaign --test-offers`). Both are one shift in
 * log-odds on top of what the model already predicts, estimated by maximum a posteriori with a
 * normal prior around 0, so thin data stays near the playbook. Pure.
 */
import type { BehaviourCoefficients } from '../defaults.js';
import type { BehaviourFeatures } from '../value/value.js';
import { behaviourShift, logit, sigmoid } from '../value/value.js';

/** The organic return of a reason as the control group shows it. */
export interface OrganicRate {
  /** chance of a return without contact, reference customer */
  rate: number;
  /** the playbook's organicRate it was shrunk towards */
  prior: number;
  /** control customers of the reason, and how many of them came back */
  cases: number;
  returns: number;
}

/** An offer's effect for one reason, from randomised contacts. */
export interface OfferEffect {
  /** odds factor of the offer (the playbook's × e^shift) */
  factor: number;
  /** the playbook's factor it was shrunk towards */
  prior: number;
  cases: number;
  wins: number;
}

/** One observation: the model's log-odds before the shift, and whether the customer came back. */
export interface Observation {
  offset: number;
  y: 0 | 1;
}

/**
 * Standard deviation of the prior on a shift, in log-odds (judgement): a shift of 0.5 (odds ×1.65)
 * is plausible, one of 1.5 (×4.5) needs much data. With a return rate of 20 %, some 25 cases per
 * cell weigh as much as the prior.
 */
export const SHIFT_PRIOR_SD = 0.5;

/**
 * The MAP shift δ of Σ log-likelihood(y | σ(offset + δ)) − δ² / (2 sd²), by Newton's method
 * with steps of at most 1 (the objective is strictly concave; a full step from far away, say a
 * prior of 3 % against an observed 50 %, would overshoot).
 */
export function logOddsShift(obs: readonly Observation[], sd = SHIFT_PRIOR_SD): number {
  let delta = 0;
  const precision = 1 / (sd * sd);
  for (let iteration = 0; iteration < 200; iteration++) {
    let gradient = -delta * precision;
    let curvature = precision;
    for (const o of obs) {
      const p = sigmoid(o.offset + delta);
      gradient += o.y - p;
      curvature += p * (1 - p);
    }
    const step = Math.max(-1, Math.min(1, gradient / curvature));
    delta += step;
    if (Math.abs(step) < 1e-10) break;
  }
  return delta;
}

const CLAMP = 1e-3;
const clampRate = (p: number) => Math.min(Math.max(p, CLAMP), 1 - CLAMP);

/** A control customer: reason, behaviour at the campaign date, whether they came back. */
export interface ControlRow {
  reasonCode: string;
  behaviour: BehaviourFeatures;
  wonBack: boolean;
}

/**
 * Organic return per reason from the control group: the playbook's organicRate (the prior)
 * shifted so that, with the customer terms the plan applies to it, it predicts the control
 * group's returns. Reasons without control customers are left out (the plan keeps the playbook's).
 */
export function organicRatesOf(
  controls: readonly ControlRow[],
  priors: ReadonlyMap<string, number>,
  coefficients: BehaviourCoefficients,
): Record<string, OrganicRate> {
  const byReason = new Map<string, ControlRow[]>();
  for (const c of controls) {
    if (!priors.has(c.reasonCode)) continue;
    const list = byReason.get(c.reasonCode);
    if (list) list.push(c);
    else byReason.set(c.reasonCode, [c]);
  }
  const out: Record<string, OrganicRate> = {};
  for (const code of [...byReason.keys()].sort()) {
    const rows = byReason.get(code) as ControlRow[];
    const prior = priors.get(code) as number;
    const base = logit(clampRate(prior));
    const delta = logOddsShift(rows.map((r) => ({ offset: base + behaviourShift(r.behaviour, coefficients), y: r.wonBack ? 1 : 0 })));
    out[code] = { rate: sigmoid(base + delta), prior, cases: rows.length, returns: rows.filter((r) => r.wonBack).length };
  }
  return out;
}

/** A randomised contact: reason, offer, the model's log-odds with the playbook's offer factor, the outcome. */
export interface RandomisedRow {
  reasonCode: string;
  offerId: string;
  offset: number;
  wonBack: boolean;
}

/**
 * Offer effects per reason × offer from randomised contacts: the playbook's odds factor times
 * e^δ, where δ is what the randomised outcomes say beyond the fitted model. Offers were drawn at
 * random among the reason's offers, so a difference between offers is the offers' doing, not the
 * customers' (the past plan's choices would confound it).
 */
export function offerEffectsOf(rows: readonly RandomisedRow[], priorFactor: (offerId: string) => number | undefined): Record<string, Record<string, OfferEffect>> {
  const cells = new Map<string, RandomisedRow[]>();
  for (const r of rows) {
    if (priorFactor(r.offerId) === undefined) continue;
    const key = `${r.reasonCode}\u001f${r.offerId}`;
    const list = cells.get(key);
    if (list) list.push(r);
    else cells.set(key, [r]);
  }
  const out: Record<string, Record<string, OfferEffect>> = {};
  for (const key of [...cells.keys()].sort()) {
    const list = cells.get(key) as RandomisedRow[];
    const { reasonCode, offerId } = list[0] as RandomisedRow;
    const prior = priorFactor(offerId) as number;
    const delta = logOddsShift(list.map((r) => ({ offset: r.offset, y: r.wonBack ? 1 : 0 })));
    (out[reasonCode] ??= {})[offerId] = { factor: prior * Math.exp(delta), prior, cases: list.length, wins: list.filter((r) => r.wonBack).length };
  }
  return out;
}
