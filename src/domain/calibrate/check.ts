/**
 * Calibration that never decides worse than the defaults (docs/model.md, section 7a): fit each
 * candidate — every learned part, and each part alone — on the training customers, compare its
 * decisions with the defaults' in money on the held-out customers, each fold in turn (domain/calibrate/compare.ts), and keep the
 * candidate whose gain is largest beyond its noise; none when no gain is. The model written is
 * then fitted once more on every row, with the accepted parts only. Pure.
 */
import { CALIBRATION_PARTS, calibrateModel, partsLearned, calibrateModelWithNotes, foldCount, holdoutFold, type CalibratedModel, type CalibrationNote, type CalibrationPart, type HistoryRow } from './calibrate.js';
import { CONTROL_ARM, holdoutChoice, policyDifference, predictedMoney, type HoldoutDecision, type ComparePlaybook, type CompareCase, type HoldoutAttempt, type PolicyDifference } from './compare.js';
import { deepFreeze, type ModelConfig } from '../defaults.js';
import { withLearnedFactors } from './apply.js';
import { checkLifetime, type LifetimeCheck } from './lifetime-check.js';
import type { OfferSpec, ReasonEntry } from '../playbook-types.js';

/**
 * The margin a candidate's gain must clear, in standard errors: "better by more than its
 * noise", the gain without the most favourable customer above one standard error of the rest
 * (judgement). A season's history holds a few hundred control and randomised customers and money
 * per customer is heavy-tailed (a few large customers carry most of it), so a one-sided 95 % bound
 * (1.64, or 2.24 corrected for the four candidates) refused every model in the simulated market,
 * even where the playbook's response rates were a third of the truth (docs/simulation.md,
 * section 6). With no true gain a candidate clears one standard error about one time in six; the
 * simulated market's seeds measure what that costs (docs/model.md, section 7a).
 */
export const ACCEPT_Z = 1;

/** The candidates compared: all learned parts together, then each alone (then the parts that passed alone, together). */
export const CANDIDATES: readonly (readonly CalibrationPart[])[] = [CALIBRATION_PARTS, ...CALIBRATION_PARTS.map((p) => [p])];

export interface CandidateResult {
  parts: CalibrationPart[];
  /** candidate − defaults on the holdout */
  difference: PolicyDifference;
  /** withoutLargest.mean − ACCEPT_Z × withoutLargest.error: above 0, the gain is more than one customer and more than noise */
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
  /** the second lifetime's own check on held-out returners (a candidate only where a scale passes it) */
  lifetime: LifetimeCheck;
}

/** Fits, compares on the holdout, and returns the model to write with the comparison. */
export function calibrateChecked(
  rows: readonly HistoryRow[],
  randomArms: readonly HoldoutAttempt[],
  playbook: ComparePlaybook & { reasons: readonly ReasonEntry[]; offers: OfferSpec[] },
  config: ModelConfig,
): { model: CalibratedModel; learned: CalibratedModel; comparison: HoldoutComparison; notes: CalibrationNote[] } {
  // Every part fitted on the training customers (fold 0 held out): what was learned, and its fit quality.
  const { model: learned, notes } = calibrateModelWithNotes(rows, playbook, config);
  // The second lifetime is checked on its own evidence first, the held-out returners' months and
  // margin; a scale that passes values the money below (its length decides what a return is worth).
  const lifetime = checkLifetime(rows, config, ACCEPT_Z);
  const scales = { length: lifetime.length.accepted, margin: lifetime.margin.accepted };
  const lifetimeOk = scales.length || scales.margin;
  // Parts without data (no randomised channel, no returner) are no candidates; nor is a second lifetime that failed its check.
  const available = partsLearned(learned).filter((p) => p !== 'lifetime' || lifetimeOk);
  const listed = CANDIDATES.map((parts) => (parts.length === CALIBRATION_PARTS.length ? available : parts)).filter((parts) => parts.length > 0 && parts.every((p) => available.includes(p)));
  const candidates0 = listed.filter((parts, i) => listed.findIndex((q) => q.join() === parts.join()) === i);
  const valuation = lifetimeOk ? withLearnedFactors(playbook, { secondLifetime: calibrateModel(rows, playbook, config, { parts: ['lifetime'], allRows: true, lifetimeScales: scales }).secondLifetime }) : playbook;
  const compare = (list: readonly (readonly CalibrationPart[])[]) => compareCandidates(list, { rows, randomArms, playbook, valuation, config, learned, scales });
  const first = compare(candidates0);
  const { cases, defaults } = first;
  let candidates = first.candidates;
  // The parts that passed alone, together, where that is neither one of them nor every part.
  const passing = candidates.filter((c) => c.parts.length === 1 && c.lowerBound > 0).flatMap((c) => c.parts);
  if (passing.length > 1 && passing.length < available.length) candidates = [...candidates, ...compare([passing]).candidates];
  const best = candidates.reduce<CandidateResult | undefined>((b, c) => (c.lowerBound > 0 && (b === undefined || c.lowerBound > b.lowerBound) ? c : b), undefined);
  let accepted = best?.parts ?? [];
  // The second lifetime's evidence is the returners (its own check, passed above); the money
  // comparison on the logged channel and day cannot resolve a change of a few euros per customer,
  // so for this part it is the guard, not the evidence: added where the decisions with it are
  // not worse on the holdout (their estimate at least that of what is written without it, and at least 0).
  if (lifetimeOk && !accepted.includes('lifetime')) {
    const parts: CalibrationPart[] = [...accepted, 'lifetime'];
    const known = candidates.find((c) => c.parts.join() === parts.join());
    const withLife = known ?? compare([parts]).candidates[0];
    if (withLife !== undefined) {
      if (known === undefined) candidates = [...candidates, withLife];
      if (withLife.difference.perCustomer >= Math.max(0, best?.difference.perCustomer ?? 0)) accepted = withLife.parts;
    }
  }
  const nobody = policyDifference(cases, defaults, cases.map(() => CONTROL_ARM));
  const comparison: HoldoutComparison = {
    cases: cases.length,
    control: cases.filter((c) => c.arm === CONTROL_ARM).length,
    randomised: cases.filter((c) => c.arm !== CONTROL_ARM).length,
    z: ACCEPT_Z,
    defaults: { perCustomer: nobody.perCustomer, standardError: nobody.standardError },
    candidates,
    accepted,
    lifetime,
  };
  // An accepted model is fitted once more on every row; the fit quality stays the holdout's.
  const final = accepted.length > 0 ? calibrateModel(rows, playbook, config, { parts: accepted, allRows: true, lifetimeScales: scales }) : stripped(learned, [], config);
  // The response fit's warnings (weights fixed at 0, no convergence) travel only with a written response: without it the plan keeps the defaults.
  const kept = (learned.warning_keys ?? []).map((k, i) => (accepted.includes('response') || !RESPONSE_WARNINGS.has(k?.key ?? '') ? i : -1)).filter((i) => i >= 0);
  const warnings = learned.warning_keys ? { warnings: kept.map((i) => learned.warnings[i] as string), warning_keys: kept.map((i) => learned.warning_keys?.[i] ?? null) } : { warnings: learned.warnings };
  const model: CalibratedModel = deepFreeze({ ...final, fit: { ...learned.fit, finalFitOnAllRows: accepted.length > 0 }, ...warnings });
  return { model, learned, comparison, notes };
}

/** The warnings of the response fit (saved keys, section first): said of the learned weights, which a model without the response part does not hold. */
const RESPONSE_WARNINGS = new Set(['calibrate.fixedAtZero', 'calibrate.notConverged', 'fixedAtZero', 'notConverged']);

interface CompareInput {
  rows: readonly HistoryRow[];
  randomArms: readonly HoldoutAttempt[];
  playbook: Parameters<typeof calibrateChecked>[2];
  /** the playbook whose second lifetime values the arms' money (the learned one where it passed its check) */
  valuation: ComparePlaybook;
  config: ModelConfig;
  learned: CalibratedModel;
  scales: { length: boolean; margin: boolean };
}

/**
 * Cross-fitting: each fold in turn is held out, the candidates are fitted on the others and
 * their decisions valued on the fold's customers whose arm was random, so every such customer counts once.
 */
function compareCandidates(list: readonly (readonly CalibrationPart[])[], k: CompareInput): { cases: CompareCase[]; defaults: string[]; candidates: CandidateResult[] } {
  const { rows, playbook, config } = k;
  const cases: CompareCase[] = [];
  const defaults: string[] = [];
  const choices: string[][] = list.map(() => []);
  const predicted: (Map<string, number> | undefined)[][] = list.map(() => []);
  const folds = foldCount(config);
  for (let fold = 0; fold < folds && config.calibration.holdoutShare > 0; fold++) {
    const here = k.randomArms.filter((a) => holdoutFold(a.customer.customer_id, config) === fold);
    if (here.length === 0) continue;
    // The fold's response fit, for the candidate of the response alone (the other candidates are fitted with their parts).
    const all = fold === 0 ? k.learned : calibrateModel(rows, playbook, config, { fold, parts: ['response'] });
    const models = list.map((parts) => withParts(all, parts, rows, playbook, config, fold, k.scales));
    for (const a of here) {
      const d = holdoutChoice(a, playbook, config, undefined);
      const valued = k.valuation === playbook ? d : holdoutChoice(a, k.valuation, config, undefined);
      const reward = valued?.rewards.get(a.arm);
      if (d === undefined || reward === undefined) continue;
      cases.push({ stratum: a.reasonCode, arm: a.arm, reward });
      defaults.push(d.choice);
      models.forEach((m, j) => {
        const c = holdoutChoice(a, playbook, config, m);
        (choices[j] as string[]).push(c?.choice ?? CONTROL_ARM);
        // The candidate's chances with the money as it is measured (the valuation's second lifetime).
        (predicted[j] as (Map<string, number> | undefined)[]).push(c === undefined ? undefined : valued === d ? c.predicted : predictedMoney(c, valued as HoldoutDecision));
      });
    }
  }
  const candidates = cases.length === 0 ? [] : list.map((parts, j): CandidateResult => {
    // The candidate's own prediction of each arm's money is the control variate (doubly robust).
    const difference = policyDifference(cases, choices[j] as string[], defaults, predicted[j]);
    // Without its most favourable customer, and then by more than the noise of the rest.
    return { parts: [...parts], difference, lowerBound: difference.withoutLargest.mean - ACCEPT_Z * difference.withoutLargest.error };
  });
  return { cases, defaults, candidates };
}

/** A candidate of one fold: the fold's full fit, or only some parts of it (those not from the response refitted against the defaults). */
function withParts(all: CalibratedModel, parts: readonly CalibrationPart[], rows: readonly HistoryRow[], playbook: Parameters<typeof calibrateModel>[1], config: ModelConfig, fold: number, scales: { length: boolean; margin: boolean }): CalibratedModel {
  // The response alone is the full fit without the rest; the other parts alone are measured against the defaults' response.
  if (parts.length === 1 && parts[0] === 'response') return stripped(all, parts, config);
  return calibrateModel(rows, playbook, config, { parts, fold, lifetimeScales: scales });
}

/** The learned model with only `parts`: the others give way to the playbook's and the config's values. */
function stripped(learned: CalibratedModel, parts: readonly CalibrationPart[], config: ModelConfig): CalibratedModel {
  const { organicRates, offerEffects, channelEffects, secondLifetime, ...rest } = learned;
  return deepFreeze({
    ...rest,
    parts: [...parts],
    ...(parts.includes('response') ? {} : { baseRates: {}, coefficients: config.coefficients }),
    ...(parts.includes('organic') && organicRates ? { organicRates } : {}),
    ...(parts.includes('offers') && offerEffects ? { offerEffects } : {}),
    ...(parts.includes('channels') && channelEffects ? { channelEffects } : {}),
    ...(parts.includes('lifetime') && secondLifetime ? { secondLifetime } : {}),
  });
}
