/**
 * The documented defaults of the value model (docs/model.md explains each one), and the
 * validation of a user's `model:` config section, which is merged over these defaults.
 */
import { z } from 'zod';

export { BEHAVIOUR_FEATURES, EXPECTED_SIGNS, type BehaviourCoefficients, type BehaviourFeature, type BehaviourTerm } from './value/behaviour.js';
import { BEHAVIOUR_FEATURES, EXPECTED_SIGNS, type BehaviourCoefficients } from './value/behaviour.js';
import { noteOf, sayNoted, type Said, type SavedNote } from './catalogue/index.js';

/** Settings of `winback calibrate`. */
export interface CalibrationConfig {
  /** pseudo-cases of the beta prior that pulls a reason's base rate to the playbook default */
  priorStrength: number;
  /** L2 penalty on the behaviour weights */
  l2: number;
  /** share of customers (by hash of customer_id) kept out of the fit to measure it */
  holdoutShare: number;
  /** salt of that hash; change it to draw a different holdout */
  salt: string;
  maxIterations: number;
}

export interface ModelConfig {
  /** share of second-lifetime customers still active one month later (expected lifetime 1/(1−m)) */
  monthlyRetention: number;
  annualDiscountRate: number;
  /** months of second lifetime counted in sltv */
  horizonMonths: number;
  /** the second lifetime grows with the first: (tenure / reference)^elasticity (0 switches it off) */
  tenureLifetimeElasticity: number;
  /** first tenure in months at which the second lifetime is 1/(1 − monthlyRetention) */
  tenureLifetimeReferenceMonths: number;
  /** each complaint of the first lifetime (up to five) multiplies the second lifetime by this */
  complaintLifetimeFactor: number;
  /** bounds of the customer's own factor on the second lifetime (tenure × complaints) */
  minCustomerLifetimeFactor: number;
  maxCustomerLifetimeFactor: number;
  /** margin in percent of revenue used where the export has none (flagged per row) */
  defaultMarginPercent: number;
  /** tenure below this counts as this many months when revenue is spread per month */
  minTenureMonths: number;
  /** win back only when expected value is above this (currency units) */
  decisionThreshold: number;
  /** reasons classified with a confidence below this go to review */
  reviewConfidence: number;
  /** shown in decision and offer texts */
  currencySymbol: string;
  coefficients: BehaviourCoefficients;
  calibration: CalibrationConfig;
}

export const DEFAULT_MODEL_CONFIG: ModelConfig = deepFreeze({
  monthlyRetention: 0.95,
  annualDiscountRate: 0.1,
  horizonMonths: 36,
  tenureLifetimeElasticity: 0.3,
  tenureLifetimeReferenceMonths: 24,
  complaintLifetimeFactor: 0.9,
  minCustomerLifetimeFactor: 0.5,
  maxCustomerLifetimeFactor: 2,
  defaultMarginPercent: 25,
  minTenureMonths: 1,
  decisionThreshold: 0,
  reviewConfidence: 0.5,
  currencySymbol: '€',
  coefficients: {
    tenureMonths: { weight: 0.35, reference: 24, cap: 240 },
    orders: { weight: 0.3, reference: 12, cap: 1000 },
    complaints: { weight: -0.6, reference: 0, cap: 20 },
    monthsSinceChurn: { weight: -0.45, reference: 3, cap: 120 },
  },
  calibration: { priorStrength: 20, l2: 1, holdoutShare: 0.2, salt: 'winback-calibration', maxIterations: 50 },
});

/** A problem in a config file, with the dotted path of the bad entry. */
export interface ConfigIssue {
  path: string;
  /** in English; `note`, where given, words it in the reader's language */
  message: string;
  note?: SavedNote;
}

/** An issue found beyond the schema: its catalogue key, with the English text beside it. */
function issue(path: string, said: Said<'config'>): ConfigIssue {
  const note = noteOf('config', said);
  return { path, message: sayNoted('en', note) ?? note.key, note };
}

const termSchema = z
  .object({ weight: z.number(), reference: z.number().min(0), cap: z.number().positive() })
  .partial();

const configSchema = z
  .object({
    monthlyRetention: z.number().min(0).max(1),
    annualDiscountRate: z.number().min(0).max(1),
    horizonMonths: z.number().int().min(1).max(600),
    tenureLifetimeElasticity: z.number().min(0).max(2),
    tenureLifetimeReferenceMonths: z.number().positive(),
    complaintLifetimeFactor: z.number().positive().max(1),
    minCustomerLifetimeFactor: z.number().positive(),
    maxCustomerLifetimeFactor: z.number().positive(),
    defaultMarginPercent: z.number().min(-100).max(100),
    minTenureMonths: z.number().positive(),
    decisionThreshold: z.number(),
    reviewConfidence: z.number().min(0).max(1),
    currencySymbol: z.string(),
    coefficients: z.object(Object.fromEntries(BEHAVIOUR_FEATURES.map((f) => [f, termSchema]))).partial(),
    calibration: z
      .object({
        priorStrength: z.number().min(0),
        l2: z.number().min(0),
        holdoutShare: z.number().min(0).max(0.9),
        salt: z.string(),
        maxIterations: z.number().int().min(1).max(1000),
      })
      .partial(),
  })
  .partial();

/** Validates a user's model config section and merges it over the defaults; never throws. */
export function validateModelConfig(data: unknown): {
  config?: ModelConfig;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
} {
  if (data === undefined || data === null) return { config: DEFAULT_MODEL_CONFIG, errors: [], warnings: [] };
  const warnings = unknownKeys(data, DEFAULT_MODEL_CONFIG, '');
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    return { errors, warnings };
  }
  const user = parsed.data;
  const coefficients = Object.fromEntries(
    BEHAVIOUR_FEATURES.map((f) => [f, { ...DEFAULT_MODEL_CONFIG.coefficients[f], ...user.coefficients?.[f] }]),
  ) as BehaviourCoefficients;
  const config: ModelConfig = {
    ...DEFAULT_MODEL_CONFIG,
    ...user,
    coefficients,
    calibration: { ...DEFAULT_MODEL_CONFIG.calibration, ...user.calibration },
  };
  const errors = checkCoefficients(config.coefficients);
  if (config.minCustomerLifetimeFactor > config.maxCustomerLifetimeFactor) {
    errors.push(issue('minCustomerLifetimeFactor', { key: 'aboveMaxLifetime', args: [config.maxCustomerLifetimeFactor] }));
  }
  if (config.monthlyRetention > 0.99) {
    warnings.push(issue('monthlyRetention', { key: 'retentionHigh', args: [] }));
  }
  return errors.length > 0 ? { errors, warnings } : { config: deepFreeze(config), errors, warnings };
}

/** Errors for weights whose sign would break the model's monotonicity, and caps below references. */
export function checkCoefficients(coefficients: BehaviourCoefficients): ConfigIssue[] {
  const errors: ConfigIssue[] = [];
  for (const f of BEHAVIOUR_FEATURES) {
    const term = coefficients[f];
    if (term.weight * EXPECTED_SIGNS[f] < 0) {
      errors.push(issue(`coefficients.${f}.weight`, { key: 'weightSign', args: [EXPECTED_SIGNS[f] > 0] }));
    }
    if (term.cap < term.reference) {
      errors.push(issue(`coefficients.${f}.cap`, { key: 'capBelow', args: [term.reference] }));
    }
  }
  return errors;
}

// Unknown keys are warnings, not errors, so an older tool can read a newer config file.
function unknownKeys(data: unknown, shape: unknown, prefix: string): ConfigIssue[] {
  if (!isRecord(data) || !isRecord(shape)) return [];
  const out: ConfigIssue[] = [];
  for (const key of Object.keys(data)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (!(key in shape)) out.push(issue(path, { key: 'unknownSetting', args: [] }));
    else out.push(...unknownKeys(data[key], shape[key], path));
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Freezes an object and everything below it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
