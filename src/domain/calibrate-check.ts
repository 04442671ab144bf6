/**
 * Calibration that never decides worse than the defaults (docs/model.md, section 7a): fit each
 * candidate — every learned part, and each part alone — on the training customers, compare its
 * decisions with the defaults' in money on the holdout (calibrate-compare.ts), and keep the
 * candidate whose gain is largest beyond its noise; none when no gain is. The model written is
 * then fitted once more on every row, with the accepted parts only. Pure.
 */
import { CALIBRATION_PARTS, calibrateModel, type CalibratedModel, type CalibrationPart, type HistoryRow } from './calibrate.js';
import { CONTROL_ARM, holdoutChoice, policyDifference, type ComparePlaybook, type CompareCase, type HoldoutAttempt, type PolicyDifference } from './calibrate-compare.js';
import { deepFreeze, type ModelConfig } from './defaults.js';
import type { OfferSpec, ReasonEntry } from './playbook-types.js';

/**
 * The margin a candidate's gain must clear, in standard errors: a one-sided 95 % bound with a
 * Bonferroni correction over the four candidates compared (z for 1 − 0.05/4 = 0.9875). Source:
 * the normal quantile; the choice of 5 % is convention, the correction keeps four tries from
 * passing noise for a gain.
 */
export const ACCEPT_Z = 2.2414;

/** The candidates compared: all learned parts together, then each alone. */
export const CANDIDATES: readonly (readonly CalibrationPart[])[] = [CALIBRATION_PARTS, ['response'], ['organic'], ['offers']];

export interface CandidateResult {
  parts: CalibrationPart[];
  /** candidate − defaults on the holdout */
  difference: PolicyDifference;
  /** perCustomer − ACCEPT_Z × standardError: above 0, the gain is more than noise */
  lowerBound: number;
}

/** The comparison `calibrate --json` reports as `comparison`. */
export interface HoldoutComparison {
  /** holdout customers compared: control customers and contacts with a randomised offer */
  cases: number;
  control: number;
  randomised: number;
  z: number;
  /** what the defaults' decisions add over contacting nobody, per holdout customer (estimate, standard error) */
  defaults: { perCustomer: number; standardError: number };
  candidates: CandidateResult[];
  /** the parts the written model carries; empty: the defaults */
  accepted: CalibrationPart[];
}

/** Fits, compares on the holdout, and returns the model to write with the comparison. */
export function calibrateChecked(
  rows: readonly HistoryRow[],
  holdout: readonly HoldoutAttempt[],
  playbook: ComparePlaybook & { reasons: readonly ReasonEntry[]; offers: OfferSpec[] },
  config: ModelConfig,
): { model: CalibratedModel; learned: CalibratedModel; comparison: HoldoutComparison } {
  // Every part fitted on the training customers: what was learned, and the first candidate.
  const learned = calibrateModel(rows, playbook, config);
  const withParts = (parts: readonly CalibrationPart[]): CalibratedModel => {
    if (parts.length === CALIBRATION_PARTS.length) return learned;
    // The response alone is the learned model without the rest; the others are measured against the defaults' response.
    if (parts.length === 1 && parts[0] === 'response') return stripped(learned, parts, config);
    return calibrateModel(rows, playbook, config, { parts });
  };
  // The money each holdout customer's arm made, and what the defaults would have chosen.
  const cases: CompareCase[] = [];
  const usable: HoldoutAttempt[] = [];
  const defaults: string[] = [];
  for (const a of holdout) {
    const d = holdoutChoice(a, playbook, config, undefined);
    const reward = d?.rewards.get(a.arm);
    if (d === undefined || reward === undefined) continue;
    cases.push({ stratum: a.reasonCode, arm: a.arm, reward });
    usable.push(a);
    defaults.push(d.choice);
  }
  // Without a random arm on the holdout there is nothing to compare on: the defaults are written.
  const candidates = cases.length === 0 ? [] : CANDIDATES.map((parts): CandidateResult => {
    const model = withParts(parts);
    const choices = usable.map((a) => holdoutChoice(a, playbook, config, model)?.choice ?? CONTROL_ARM);
    const difference = policyDifference(cases, choices, defaults);
    return { parts: [...parts], difference, lowerBound: difference.perCustomer - ACCEPT_Z * difference.standardError };
  });
  const best = candidates.reduce<CandidateResult | undefined>((b, c) => (c.lowerBound > 0 && (b === undefined || c.lowerBound > b.lowerBound) ? c : b), undefined);
  const accepted = best?.parts ?? [];
  const nobody = policyDifference(cases, defaults, usable.map(() => CONTROL_ARM));
  const comparison: HoldoutComparison = {
    cases: cases.length,
    control: cases.filter((c) => c.arm === CONTROL_ARM).length,
    randomised: cases.filter((c) => c.arm !== CONTROL_ARM).length,
    z: ACCEPT_Z,
    defaults: { perCustomer: nobody.perCustomer, standardError: nobody.standardError },
    candidates,
    accepted,
  };
  // An accepted model is fitted once more on every row; the fit quality stays the holdout's.
  const final = accepted.length > 0 ? calibrateModel(rows, playbook, config, { parts: accepted, allRows: true }) : stripped(learned, [], config);
  const model: CalibratedModel = deepFreeze({ ...final, fit: { ...learned.fit, finalFitOnAllRows: accepted.length > 0 } });
  return { model, learned, comparison };
}

/** The learned model with only `parts`: the others give way to the playbook's and the config's values. */
function stripped(learned: CalibratedModel, parts: readonly CalibrationPart[], config: ModelConfig): CalibratedModel {
  const { organicRates, offerEffects, ...rest } = learned;
  return deepFreeze({
    ...rest,
    parts: [...parts],
    ...(parts.includes('response') ? {} : { baseRates: {}, coefficients: config.coefficients }),
    ...(parts.includes('organic') && organicRates ? { organicRates } : {}),
    ...(parts.includes('offers') && offerEffects ? { offerEffects } : {}),
  });
}
