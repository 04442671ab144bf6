/**
 * Calibration of the reacquisition model from past win-back attempts (docs/model.md,
 * "Calibration"): per-reason base rates shrunk towards the playbook by a beta prior, and the
 * behaviour weights by L2-penalised logistic regression, fitted jointly by Newton's method on a
 * training part; AUC and calibration by decile on a holdout chosen by a hash of customer_id.
 */
import { noteOf, readSavedWarnings, savedWarnings, type Lang, type Said, type SavedNote } from '../catalogue/index.js';
import { z } from 'zod';
import type { BehaviourCoefficients, ConfigIssue, ModelConfig } from '../defaults.js';
import { BEHAVIOUR_FEATURES, EXPECTED_SIGNS, checkCoefficients, deepFreeze } from '../defaults.js';
import type { ReasonEntry } from '../playbook-types.js';
import { hashToUnit } from '../random.js';
import type { BehaviourFeatures } from '../value/value.js';
import { behaviourShift, featureValue, logit, sigmoid } from '../value/value.js';
import type { OfferSpec } from '../playbook-types.js';
import { offerEffectsOf, organicRatesOf, type OfferEffect, type OrganicRate } from './effects.js';
import { channelEffectsOf, type ChannelEffect } from './channels.js';
import { secondLifetimeScaleOf, type SecondLifeObservation, type SecondLifetimeScale } from './lifetime.js';
import { CHANNELS, type Channel } from '../playbook-types.js';
import type { FitData } from './fit.js';
import { fitPenalisedLogistic, linearPredictor, logPosterior } from './fit.js';

/** One past win-back attempt. */
export interface HistoryRow {
  customer_id: string;
  reasonCode: string;
  behaviour: BehaviourFeatures;
  wonBack: boolean;
  /** odds factor of the offer made in that attempt, used as a fixed offset; 1 when unknown */
  offerOddsFactor?: number;
  /** the offer's id, when the playbook knows it */
  offerId?: string;
  /** a control customer (held out, not contacted): counts for the organic return only */
  control?: boolean;
  /** the offer was drawn at random (campaign --test-offers): counts for the offer effects */
  randomised?: boolean;
  /** the channel of a contact, and the playbook's odds factor for it (a fixed offset of the fit, like the offer's) */
  channel?: Channel;
  channelOddsFactor?: number;
  /** the channel was drawn at random among the customer's permitted channels: counts for the channel effects */
  channelRandomised?: boolean;
  /** a returner's second lifetime as observed and as the value model expects it */
  secondLife?: SecondLifeObservation;
}

export interface ReasonRate {
  /** win-back probability of the reference customer with a plain approach */
  rate: number;
  /** the playbook's base rate the estimate was shrunk towards */
  prior: number;
  /** training cases and wins of this reason */
  cases: number;
  wins: number;
}

export interface CalibrationBin {
  bin: number;
  cases: number;
  meanPredicted: number;
  observedRate: number;
}

export interface FitStats {
  trainCases: number;
  holdoutCases: number;
  iterations: number;
  converged: boolean;
  logPosterior: number;
  priorStrength: number;
  l2: number;
  holdoutShare: number;
  salt: string;
  /** area under the ROC curve on the holdout; null when it holds no win or no loss */
  auc: number | null;
  brier: number | null;
  calibration: CalibrationBin[];
  /** features whose fitted weight had the wrong sign and were fixed at 0 */
  fixedAtZero: string[];
  /** control customers (organic return) and randomised contacts (offer effects) in the history */
  controlCases?: number;
  randomisedCases?: number;
  /** the model was fitted once more on every row after the holdout comparison accepted it (the fit quality above is the holdout's) */
  finalFitOnAllRows?: boolean;
}

/**
 * The learned parts of a model: the response (per-reason base rates and behaviour weights),
 * the organic return (control groups) and the offer effects (randomised offers). `calibrate`
 * keeps each only where it decides better than the defaults on the holdout.
 */
export type CalibrationPart = 'response' | 'organic' | 'offers' | 'channels' | 'lifetime';
export const CALIBRATION_PARTS: readonly CalibrationPart[] = ['response', 'organic', 'offers', 'channels', 'lifetime'];

/** The parts a model holds figures for (a part without data — no control customers, no randomised offer — is not one). */
export function partsLearned(model: Pick<CalibratedModel, 'baseRates' | 'organicRates' | 'offerEffects' | 'channelEffects' | 'secondLifetime'>): CalibrationPart[] {
  const has: Record<CalibrationPart, boolean> = {
    response: Object.keys(model.baseRates).length > 0,
    organic: model.organicRates !== undefined,
    offers: model.offerEffects !== undefined,
    channels: model.channelEffects !== undefined,
    lifetime: model.secondLifetime !== undefined,
  };
  return CALIBRATION_PARTS.filter((p) => has[p]);
}

/** What to fit: which parts, and whether the holdout is kept out (the comparison) or every row is used (the final fit). */
export interface CalibrationOptions {
  parts?: readonly CalibrationPart[];
  /** fit on every row, holdout included (the final fit of an accepted model); default false */
  allRows?: boolean;
  /** hold out this fold instead of the holdout (fold 0): the comparison's cross-fitting (holdoutFold) */
  fold?: number;
  /** which of the second lifetime's scales to learn (the others stay 1); default both */
  lifetimeScales?: { length: boolean; margin: boolean };
}

/** A fitted reacquisition model: JSON-serialisable and frozen. */
export interface CalibratedModel {
  version: 1;
  kind: 'winback-reacquisition-model';
  /** the learned parts the model carries; absent (older models): all of them */
  parts?: CalibrationPart[];
  baseRates: Record<string, ReasonRate>;
  coefficients: BehaviourCoefficients;
  fit: FitStats;
  /** organic return per reason from the control group (absent: the playbook's organicRate) */
  organicRates?: Record<string, OrganicRate>;
  /** offer odds factors per reason × offer from randomised contacts (absent: the playbook's) */
  offerEffects?: Record<string, Record<string, OfferEffect>>;
  /** odds factors per channel from contacts whose channel was drawn at random (absent: the playbook's channelResponse) */
  channelEffects?: Partial<Record<Channel, ChannelEffect>>;
  /** scales on the playbook's second-lifetime length and margin, from the returns (absent: 1) */
  secondLifetime?: SecondLifetimeScale;
  /** the English texts of the fit's warnings (what older readers show) */
  warnings: string[];
  /** beside each warning its catalogue key and arguments, worded in the reader's language (absent in older models) */
  warning_keys?: (SavedNote | null)[];
}

// The smallest prior used, so a reason whose history is all wins or all losses stays finite.
const MIN_PRIOR_STRENGTH = 0.5;
const PRIOR_CLAMP = 1e-3;

type CalibrationPlaybook = {
  reasons: readonly Pick<ReasonEntry, 'code' | 'baseRate' | 'organicRate'>[];
  offers?: readonly Pick<OfferSpec, 'id' | 'reacquisitionOddsFactor'>[];
  channelResponse?: Partial<Record<Channel, number>>;
};

/** A warning of the fit, as a catalogue key (messages.ts, calibrate); model.json keeps its English words. */
export type CalibrationNote = Extract<Said<'calibrate'>, { key: 'unknownReasons' | 'notConverged' | 'fixedAtZero' | 'fewHoldout' }>;

/** Fits the model on the history; reasons missing from the playbook are ignored with a warning. */
export function calibrateModel(rows: readonly HistoryRow[], playbook: CalibrationPlaybook, config: ModelConfig, options: CalibrationOptions = {}): CalibratedModel {
  return calibrateModelWithNotes(rows, playbook, config, options).model;
}

/** The model and its warnings as catalogue keys, to be worded in the reader's language. */
export function calibrateModelWithNotes(
  rows: readonly HistoryRow[],
  playbook: CalibrationPlaybook,
  config: ModelConfig,
  options: CalibrationOptions = {},
): { model: CalibratedModel; notes: CalibrationNote[] } {
  const settings = config.calibration;
  const parts = options.parts ?? CALIBRATION_PARTS;
  const codes = playbook.reasons.map((r) => r.code as string);
  const warnings: CalibrationNote[] = [];
  const unknown = rows.filter((r) => !codes.includes(r.reasonCode));
  if (unknown.length > 0) {
    const names = [...new Set(unknown.map((r) => r.reasonCode))].sort().join(', ');
    warnings.push({ key: 'unknownReasons', args: [unknown.length, names] });
  }
  const known = rows.filter((r) => codes.includes(r.reasonCode));
  // Control customers were not contacted: they tell the organic return, not the response.
  const usable = known.filter((r) => r.control !== true);
  const controls = known.filter((r) => r.control === true);
  const heldOut = options.fold ?? 0;
  const isHoldout = (r: HistoryRow) => options.allRows !== true && holdoutFold(r.customer_id, config) === heldOut;
  const train = designOf(usable.filter((r) => !isHoldout(r)), playbook, config);
  const holdout = designOf(usable.filter(isHoldout), playbook, config);
  const response = parts.includes('response');
  // Without the response part nothing is fitted: the playbook's rates and the config's weights stand.
  const { fit, fixedAtZero } = response ? fitWithSigns(train, settings.maxIterations) : { fit: defaultsFit(train, config), fixedAtZero: [] };
  if (!fit.converged) warnings.push({ key: 'notConverged', args: [settings.maxIterations] });
  if (fixedAtZero.length > 0) warnings.push({ key: 'fixedAtZero', args: [fixedAtZero.join(', ')] });
  // Below this many holdout cases the AUC and the decile table are mostly noise.
  if (holdout.y.length < MIN_HOLDOUT_CASES) {
    warnings.push({ key: 'fewHoldout', args: [holdout.y.length, MIN_HOLDOUT_CASES] });
  }
  // Without the response part the plan keeps the playbook's rates and the config's weights, and
  // the organic return and offer effects are measured against those.
  const coefficients = response
    ? Object.fromEntries(BEHAVIOUR_FEATURES.map((f, j) => [f, { ...config.coefficients[f], weight: fit.beta[j] as number }])) as BehaviourCoefficients
    : config.coefficients;
  const alpha = fit.alpha;
  const learnFrom = (r: HistoryRow) => !isHoldout(r);
  const organicRates = parts.includes('organic')
    ? organicRatesOf(controls.filter(learnFrom), new Map(playbook.reasons.map((r) => [r.code as string, r.organicRate ?? 0])), coefficients)
    : {};
  // Channels first (against the playbook's offer factors), then the offers against the learned channels.
  const channelEffects = parts.includes('channels') ? channelEffectsFrom(usable.filter(learnFrom), playbook, alpha, coefficients) : {};
  const channelFactor = (r: HistoryRow) => (r.channel !== undefined ? channelEffects[r.channel]?.factor : undefined) ?? r.channelOddsFactor ?? 1;
  const offerEffects = parts.includes('offers') ? offerEffectsFrom(usable.filter(learnFrom), playbook, alpha, coefficients, channelFactor) : {};
  const scales = options.lifetimeScales ?? { length: true, margin: true };
  const learnedLife = parts.includes('lifetime') && (scales.length || scales.margin)
    ? secondLifetimeScaleOf(known.filter(learnFrom).flatMap((r) => (r.secondLife ? [r.secondLife] : [])))
    : undefined;
  const secondLifetime = learnedLife && { ...learnedLife, lengthScale: scales.length ? learnedLife.lengthScale : 1, marginScale: scales.margin ? learnedLife.marginScale : 1 };
  const model: CalibratedModel = deepFreeze({
    version: 1,
    kind: 'winback-reacquisition-model',
    parts: CALIBRATION_PARTS.filter((p) => parts.includes(p)),
    baseRates: response ? baseRatesOf(codes, train, fit.alpha) : {},
    coefficients,
    fit: {
      trainCases: train.y.length,
      holdoutCases: holdout.y.length,
      iterations: fit.iterations,
      converged: fit.converged,
      logPosterior: fit.logPosterior,
      priorStrength: train.priorStrength,
      l2: settings.l2,
      holdoutShare: settings.holdoutShare,
      salt: settings.salt,
      ...holdoutStats(holdout, fit.alpha, fit.beta),
      fixedAtZero,
      controlCases: controls.length,
      randomisedCases: usable.filter((r) => r.randomised === true).length,
    },
    ...(Object.keys(organicRates).length > 0 ? { organicRates } : {}),
    ...(Object.keys(offerEffects).length > 0 ? { offerEffects } : {}),
    ...(Object.keys(channelEffects).length > 0 ? { channelEffects } : {}),
    ...(secondLifetime ? { secondLifetime } : {}),
    ...savedWarnings(warnings.map((note) => noteOf('calibrate', note))),
  });
  return { model, notes: warnings };
}

// The randomised contacts' log-odds under the fitted model with the playbook's offer factor, per reason × offer.
function offerEffectsFrom(
  usable: readonly HistoryRow[],
  playbook: { reasons: readonly Pick<ReasonEntry, 'code'>[]; offers?: readonly Pick<OfferSpec, 'id' | 'reacquisitionOddsFactor'>[] },
  alpha: readonly number[],
  coefficients: BehaviourCoefficients,
  channelFactor: (r: HistoryRow) => number,
) {
  const index = new Map(playbook.reasons.map((r, i) => [r.code as string, i]));
  const factors = new Map((playbook.offers ?? []).map((o) => [o.id, o.reacquisitionOddsFactor]));
  const randomised = usable.filter((r) => r.randomised === true && r.offerId !== undefined && factors.has(r.offerId));
  return offerEffectsOf(
    randomised.map((r) => ({
      reasonCode: r.reasonCode,
      offerId: r.offerId as string,
      offset: (alpha[index.get(r.reasonCode) as number] as number) + behaviourShift(r.behaviour, coefficients) + Math.log(factors.get(r.offerId as string) as number) + Math.log(channelFactor(r)),
      wonBack: r.wonBack,
    })),
    (id) => factors.get(id),
  );
}

// The contacts whose channel was drawn at random: their log-odds under the fitted model with the offer's and the playbook's channel factor.
function channelEffectsFrom(
  usable: readonly HistoryRow[],
  playbook: Pick<CalibrationPlaybook, 'reasons' | 'channelResponse'>,
  alpha: readonly number[],
  coefficients: BehaviourCoefficients,
) {
  const index = new Map(playbook.reasons.map((r, i) => [r.code as string, i]));
  const randomised = usable.filter((r): r is HistoryRow & { channel: Channel } => r.channelRandomised === true && r.channel !== undefined);
  return channelEffectsOf(
    randomised.map((r) => ({
      channel: r.channel,
      offset: (alpha[index.get(r.reasonCode) as number] as number) + behaviourShift(r.behaviour, coefficients) + Math.log(r.offerOddsFactor ?? 1) + Math.log(r.channelOddsFactor ?? 1),
      wonBack: r.wonBack,
    })),
    (c) => playbook.channelResponse?.[c] ?? 1,
  );
}

const MIN_HOLDOUT_CASES = 100;

/** A customer is in the holdout when the hash of their id (salted) falls below the holdout share: stable across runs and row orders. */
export function isHoldoutCustomer(customerId: string, config: ModelConfig): boolean {
  return holdoutFold(customerId, config) === 0;
}

/**
 * The customer's fold: the hash u of their id (salted) cut into folds of the holdout share h,
 * fold j = ⌊u / h⌋, the last fold taking the rest (h = 0.3: [0, 0.3), [0.3, 0.6), [0.6, 1)).
 * Fold 0 is the holdout; the comparison with the defaults holds out each fold in turn. With
 * h = 0 every customer is in fold 1 (nobody held out).
 */
export function holdoutFold(customerId: string, config: ModelConfig): number {
  const h = config.calibration.holdoutShare;
  if (!(h > 0)) return 1;
  return Math.min(foldCount(config) - 1, Math.floor(hashToUnit(customerId, config.calibration.salt) / h));
}

/** How many folds the holdout share cuts the customers into: ⌊1 / h⌋, at least 2. */
export function foldCount(config: ModelConfig): number {
  const h = config.calibration.holdoutShare;
  return h > 0 ? Math.max(2, Math.floor(1 / h)) : 1;
}

function holdoutStats(holdout: FitData, alpha: number[], beta: number[]) {
  const predicted = Array.from(holdout.y, (_, i) => sigmoid(linearPredictor(holdout, alpha, beta, i)));
  const squaredErrors = predicted.reduce((s, p, i) => s + (p - (holdout.y[i] as number)) ** 2, 0);
  return {
    auc: areaUnderCurve(predicted, holdout.y),
    brier: predicted.length === 0 ? null : squaredErrors / predicted.length,
    calibration: calibrationByDecile(predicted, holdout.y),
  };
}

function designOf(rows: readonly HistoryRow[], playbook: { reasons: readonly Pick<ReasonEntry, 'code' | 'baseRate'>[] }, config: ModelConfig): FitData {
  const index = new Map(playbook.reasons.map((r, i) => [r.code as string, i]));
  return {
    group: Int32Array.from(rows, (r) => index.get(r.reasonCode) as number),
    features: BEHAVIOUR_FEATURES.map((f) => Float64Array.from(rows, (r) => featureValue(r.behaviour[f], config.coefficients[f]))),
    // The offer's and the channel's factors are the plan's own: the reason's rate is the reference customer's on a letter (factor 1).
    offset: Float64Array.from(rows, (r) => Math.log(r.offerOddsFactor ?? 1) + Math.log(r.channelOddsFactor ?? 1)),
    y: Uint8Array.from(rows, (r) => (r.wonBack ? 1 : 0)),
    priorMean: playbook.reasons.map((r) => Math.min(Math.max(r.baseRate, PRIOR_CLAMP), 1 - PRIOR_CLAMP)),
    priorStrength: Math.max(config.calibration.priorStrength, MIN_PRIOR_STRENGTH),
    l2: config.calibration.l2,
  };
}

// The defaults as a fit: the playbook's rates (as the prior means) and the config's weights.
function defaultsFit(data: FitData, config: ModelConfig) {
  const alpha = data.priorMean.map(logit);
  const beta = BEHAVIOUR_FEATURES.map((f) => config.coefficients[f].weight);
  return { alpha, beta, iterations: 0, converged: true, logPosterior: logPosterior(data, alpha, beta) };
}

// Refit without any weight whose sign contradicts EXPECTED_SIGNS, so the model stays monotone.
function fitWithSigns(data: FitData, maxIterations: number) {
  const active = BEHAVIOUR_FEATURES.map(() => true);
  for (;;) {
    const fit = fitPenalisedLogistic(data, active, maxIterations);
    const wrong = BEHAVIOUR_FEATURES.findIndex((f, j) => active[j] && (fit.beta[j] as number) * EXPECTED_SIGNS[f] < 0);
    if (wrong < 0) {
      return { fit, fixedAtZero: BEHAVIOUR_FEATURES.filter((_, j) => !active[j]) as string[] };
    }
    active[wrong] = false;
  }
}

function baseRatesOf(codes: string[], train: FitData, alpha: number[]): Record<string, ReasonRate> {
  const out: Record<string, ReasonRate> = {};
  codes.forEach((code, r) => {
    let cases = 0;
    let wins = 0;
    train.group.forEach((g, i) => {
      if (g === r) {
        cases++;
        wins += train.y[i] as number;
      }
    });
    if (cases > 0) out[code] = { rate: sigmoid(alpha[r] as number), prior: train.priorMean[r] as number, cases, wins };
  });
  return out;
}

/** Area under the ROC curve (Mann–Whitney, ties counted half); null without both classes. */
export function areaUnderCurve(predicted: readonly number[], y: ArrayLike<number>): number | null {
  const order = predicted.map((_p, i) => i).sort((a, b) => (predicted[a] as number) - (predicted[b] as number));
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && predicted[order[end + 1] as number] === predicted[order[start] as number]) end++;
    const midRank = (start + end) / 2 + 1; // average 1-based rank of the tied block
    for (let k = start; k <= end; k++) {
      if (y[order[k] as number] === 1) {
        positives++;
        rankSum += midRank;
      }
    }
    start = end + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Cases sorted by prediction and cut into ten near-equal bins: mean prediction vs observed rate. */
export function calibrationByDecile(predicted: readonly number[], y: ArrayLike<number>): CalibrationBin[] {
  const order = predicted.map((_p, i) => i).sort((a, b) => (predicted[a] as number) - (predicted[b] as number) || a - b);
  const bins: CalibrationBin[] = [];
  for (let bin = 0; bin < 10; bin++) {
    const members = order.slice(Math.floor((bin * order.length) / 10), Math.floor(((bin + 1) * order.length) / 10));
    if (members.length === 0) continue;
    const meanPredicted = members.reduce((s, i) => s + (predicted[i] as number), 0) / members.length;
    const observedRate = members.reduce((s, i) => s + (y[i] as number), 0) / members.length;
    bins.push({ bin: bin + 1, cases: members.length, meanPredicted, observedRate });
  }
  return bins;
}

const probability = z.number().min(0).max(1);
const modelSchema = z.object({
  version: z.literal(1),
  kind: z.literal('winback-reacquisition-model'),
  parts: z.array(z.enum(['response', 'organic', 'offers', 'channels', 'lifetime'])).optional(),
  baseRates: z.record(z.string(), z.object({ rate: probability, prior: probability, cases: z.number().int().min(0), wins: z.number().int().min(0) })),
  coefficients: z.object(
    Object.fromEntries(BEHAVIOUR_FEATURES.map((f) => [f, z.object({ weight: z.number(), reference: z.number().min(0), cap: z.number().positive() })])),
  ),
  fit: z.looseObject({ trainCases: z.number().int().min(0), auc: z.number().min(0).max(1).nullable() }),
  organicRates: z.record(z.string(), z.object({ rate: probability, prior: probability, cases: z.number().int().min(0), returns: z.number().int().min(0) })).optional(),
  offerEffects: z.record(z.string(), z.record(z.string(), z.object({ factor: z.number().positive(), prior: z.number().positive(), cases: z.number().int().min(0), wins: z.number().int().min(0) }))).optional(),
  channelEffects: z.partialRecord(z.enum(CHANNELS), z.object({ factor: z.number().positive(), prior: z.number().positive(), cases: z.number().int().min(0), wins: z.number().int().min(0), weight: z.number().min(0).max(1) })).optional(),
  secondLifetime: z.looseObject({ lengthScale: z.number().positive(), marginScale: z.number().positive() }).optional(),
  warnings: z.array(z.string()),
  warning_keys: z.array(z.object({ key: z.string(), args: z.array(z.unknown()) }).nullable()).optional(),
});

/** Validates a loaded model.json; returns the frozen model or every error with its path, and its warnings in `lang`. */
export function validateCalibratedModel(data: unknown, lang: Lang = 'en'): { model?: CalibratedModel; errors: ConfigIssue[]; warnings: ConfigIssue[] } {
  const parsed = modelSchema.safeParse(data);
  if (!parsed.success) {
    return { errors: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })), warnings: [] };
  }
  const model = parsed.data as unknown as CalibratedModel;
  const errors = checkCoefficients(model.coefficients);
  const warnings = readSavedWarnings(lang, model.warnings, model.warning_keys).map((message) => ({ path: 'warnings', message }));
  return errors.length > 0 ? { errors, warnings } : { model: deepFreeze(structuredClone(model)), errors, warnings };
}
