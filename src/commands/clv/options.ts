/**
 * The flags of `winback clv` turned into typed options (a usage error names the flag); the
 * command itself is in clv.ts.
 */
import { parseDateFlag, parseRate, type RawReadFlags } from '../../cli/options.js';
import { DEFAULT_CLV_CONFIG, validateClvConfig, type ClvConfig } from '../../domain/clv/clv.js';
import { monthlyFromAnnualRate } from '../../domain/clv/fit-models.js';
import { parseAmountSpec, type AmountSpec } from '../../domain/clv/prepare.js';
import type { PurchaseModelName } from '../../domain/clv/purchase-model.js';
import { periodLengthDays, type PeriodUnit } from '../../domain/clv/summary.js';
import { DEFAULT_MAX_ORGANIC_RETURN } from '../../domain/clv/threshold.js';
import { UsageError } from '../../errors.js';
import { keyedError, noteOf, say, type Lang, type Said } from '../../domain/catalogue/index.js';
import type { TransactionPreparation } from '../../io/clv/input.js';
import type { ClvRunSettings } from '../../io/clv/render.js';
import type { RawOutputFlags } from '../../cli/output-format.js';
import { refuseStdout } from '../../io/table-output.js';

/** Bootstrap replicates of --intervals without a number (judgement). */
export const DEFAULT_REPLICATES = 200;

export interface ClvFlags extends RawReadFlags, RawOutputFlags {
  lang?: string;
  out?: string;
  /** --html FILE: the pictures page */
  html?: string;
  timeUnit?: string;
  /** the old spelling of --time-unit (takeRenamedFlags moves it) */
  period?: string;
  calibrationEnd?: string;
  holdoutEnd?: string;
  holdoutPeriods?: string;
  horizonMonths?: string;
  discountRate?: string;
  asOf?: string;
  summaryInput?: boolean;
  customers?: string;
  lostOut?: string;
  retentionOut?: string;
  order?: string;
  config?: string;
  json?: boolean;
  quiet?: boolean;
  amount?: string;
  returns?: string;
  cancelPrefix?: string;
  inputColumns?: string;
  /** the old spelling of --input-columns (takeRenamedFlags moves it) */
  columns?: string;
  model?: string;
  lostThreshold?: string;
  maxOrganicReturn?: string;
  intervals?: string | boolean;
}

/** Typed options of `winback clv`. */
export interface ClvOptions extends ClvRunSettings {
  out: string;
  customers: string | undefined;
  lostOut: string | undefined;
  retentionOut: string | undefined;
  order: 'per-customer' | 'any';
  preparation: TransactionPreparation;
  /** Column names of a file without a header line (--input-columns). */
  columns: string[] | undefined;
  /** --delimiter whitespace: fields separated by runs of blanks. */
  whitespace: boolean;
  /** 'auto': choose on the holdout; a number: --lost-threshold (checked on a holdout); undefined: the config's. */
  lostThreshold: 'auto' | number | undefined;
  maxOrganicReturn: number;
  /** Bootstrap replicates for --intervals; 0 without. */
  intervalReplicates: number;
}

/** Turns the raw flags into options, or throws a UsageError naming the flag. Never reads the clock. */
export function parseClvOptions(raw: ClvFlags, env: Record<string, string | undefined>, base: ClvConfig = DEFAULT_CLV_CONFIG, lang: Lang = 'en'): ClvOptions {
  if (!raw.out) throw usage({ key: 'out', args: [] }, { key: 'outHint', args: [] });
  refuseStdout('--out', raw.out, 'clv');
  const period = (raw.timeUnit ?? 'week') as PeriodUnit;
  if (!['day', 'week', 'month'].includes(period)) throw usage({ key: 'timeUnit', args: [String(raw.timeUnit)] });
  const order = raw.order ?? 'sorted';
  if (order !== 'sorted' && order !== 'any') throw usage({ key: 'order', args: [String(raw.order)] });
  const { calibrationEnd, calibrationEndSource } = calibrationOf(raw, env, lang);
  const { holdoutEnd, holdoutPeriods } = holdoutOf(raw, calibrationEnd, period, lang);
  // A holdout run judges the model as of the calibration end: its lost and drifting customers
  // are those of that day, and some bought again since. Handed to plan, they would be written to.
  if ((raw.lostOut !== undefined || raw.retentionOut !== undefined) && holdoutEnd !== undefined) {
    throw usage({ key: 'handOverWithHoldout', args: [raw.lostOut !== undefined ? '--lost-out' : '--retention-out'] }, { key: 'handOverWithHoldoutHint', args: [] });
  }
  const threshold = thresholdOf(raw, raw.holdoutEnd !== undefined || raw.holdoutPeriods !== undefined, lang);
  const config: ClvConfig = {
    ...base,
    ...(typeof threshold.lostThreshold === 'number' ? { lostThreshold: threshold.lostThreshold } : {}),
    ...(raw.horizonMonths !== undefined ? { horizonMonths: positive('--horizon-months', raw.horizonMonths) } : {}),
    ...(raw.discountRate !== undefined ? { monthlyDiscountRate: monthlyFromAnnualRate(parseRate('--discount-rate', raw.discountRate, lang)) } : {}),
  };
  const problems = validateClvConfig(config);
  if (problems.length > 0) throw new UsageError(problems.map((p) => say(lang, 'config', p)).join('; '));
  return {
    out: raw.out, period, calibrationEnd, calibrationEndSource, holdoutEnd, holdoutPeriods, config, summaryInput: Boolean(raw.summaryInput),
    customers: raw.customers, lostOut: raw.lostOut, retentionOut: raw.retentionOut, order: order === 'any' ? 'any' : 'per-customer',
    preparation: preparationOf(raw), columns: columnsOf(raw.inputColumns), whitespace: isWhitespace(raw.delimiter), model: modelOf(raw.model),
    ...threshold,
    intervalReplicates: replicatesOf(raw.intervals),
  };
}

/** The fields of `--map quantity=… --map unit_price=…`: the amount as their product, as `--amount 'Q*P'` gives it. */
const PRODUCT_FIELDS = ['quantity', 'unit_price'] as const;

/** `--map` without the product fields, which are not columns of the transaction schema (the reader refuses unknown fields). */
export function mapWithoutProduct(map: readonly string[] | undefined): string[] | undefined {
  return map?.filter((pair) => !PRODUCT_FIELDS.includes(mapField(pair) as (typeof PRODUCT_FIELDS)[number]));
}

function mapField(pair: string): string {
  const eq = pair.indexOf('=');
  return eq > 0 ? pair.slice(0, eq).trim() : '';
}

/** The product of `--map quantity=Q --map unit_price=P`, undefined without either; a usage error with only one. */
function productOfMap(map: readonly string[] | undefined): AmountSpec | undefined {
  const header = (field: string) => map?.filter((pair) => mapField(pair) === field).map((pair) => pair.slice(pair.indexOf('=') + 1).trim()).at(-1);
  const [left, right] = PRODUCT_FIELDS.map(header);
  if (left === undefined && right === undefined) return undefined;
  if (!left || !right) throw usage({ key: 'productPair', args: [left ? 'unit_price' : 'quantity'] }, { key: 'productPairHint', args: [] });
  return { kind: 'product', left, right };
}

function preparationOf(raw: ClvFlags): TransactionPreparation {
  const returns = raw.returns ?? 'net';
  if (returns !== 'net' && returns !== 'reject') throw usage({ key: 'returns', args: [String(raw.returns)] });
  let amount: AmountSpec | undefined = productOfMap(raw.map);
  if (raw.amount !== undefined) {
    if (amount !== undefined) throw usage({ key: 'productAndAmount', args: [] }, { key: 'productPairHint', args: [] });
    const parsed = parseAmountSpec(raw.amount);
    if ('problem' in parsed) throw usage(parsed.problem, { key: 'amountHint', args: [] });
    amount = parsed.spec;
  }
  if (raw.cancelPrefix !== undefined && raw.cancelPrefix.trim() === '') throw usage({ key: 'cancelPrefix', args: [] }, { key: 'cancelPrefixHint', args: [] });
  if ((amount !== undefined || raw.cancelPrefix !== undefined) && raw.summaryInput) throw usage({ key: 'summaryTransactions', args: [] });
  return { returns, ...(amount ? { amount } : {}), ...(raw.cancelPrefix !== undefined ? { cancelPrefix: raw.cancelPrefix.trim() } : {}) };
}

function thresholdOf(raw: ClvFlags, holdout: boolean, lang: Lang): Pick<ClvOptions, 'lostThreshold' | 'maxOrganicReturn'> {
  const maxOrganicReturn = raw.maxOrganicReturn === undefined ? DEFAULT_MAX_ORGANIC_RETURN : parseRate('--max-organic-return', raw.maxOrganicReturn, lang);
  if (raw.lostThreshold === undefined) return { lostThreshold: holdout ? 'auto' : undefined, maxOrganicReturn };
  if (raw.lostThreshold === 'auto') {
    if (!holdout) throw usage({ key: 'autoNeedsHoldout', args: [] }, { key: 'autoNeedsHoldoutHint', args: [] });
    return { lostThreshold: 'auto', maxOrganicReturn };
  }
  return { lostThreshold: parseRate('--lost-threshold', raw.lostThreshold, lang), maxOrganicReturn };
}

function replicatesOf(value: string | boolean | undefined): number {
  if (value === undefined || value === false) return 0;
  if (value === true) return DEFAULT_REPLICATES;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 20 || n > 10_000) throw usage({ key: 'intervals', args: [String(value)] }, { key: 'intervalsHint', args: [DEFAULT_REPLICATES] });
  return n;
}

function modelOf(text: string | undefined): PurchaseModelName {
  const model = text ?? 'bg-nbd';
  if (model !== 'bg-nbd' && model !== 'pareto-nbd') throw usage({ key: 'model', args: [String(text)] });
  return model;
}

function columnsOf(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const names = text.split(',').map((n) => n.trim());
  if (names.length < 2 || names.some((n) => n === '')) throw usage({ key: 'inputColumns', args: [text] }, { key: 'inputColumnsHint', args: [] });
  return names;
}

const isWhitespace = (delimiter: string | undefined) => delimiter !== undefined && ['whitespace', 'space', 'spaces', 'blank', 'blanks'].includes(delimiter.toLowerCase());

// The calibration end: --calibration-end, else --as-of, else WINBACK_AS_OF, else (undefined) the data's last day.
function calibrationOf(raw: ClvFlags, env: Record<string, string | undefined>, lang: Lang): Pick<ClvOptions, 'calibrationEnd' | 'calibrationEndSource'> {
  if (raw.calibrationEnd !== undefined) return { calibrationEnd: parseDateFlag('--calibration-end', raw.calibrationEnd, lang), calibrationEndSource: '--calibration-end' };
  if (raw.asOf !== undefined) return { calibrationEnd: parseDateFlag('--as-of', raw.asOf, lang), calibrationEndSource: '--as-of' };
  if (env.WINBACK_AS_OF) return { calibrationEnd: parseDateFlag('WINBACK_AS_OF', env.WINBACK_AS_OF, lang), calibrationEndSource: 'WINBACK_AS_OF' };
  return { calibrationEnd: undefined, calibrationEndSource: 'last transaction date' };
}

function holdoutOf(raw: ClvFlags, calibrationEnd: number | undefined, period: PeriodUnit, lang: Lang): Pick<ClvOptions, 'holdoutEnd' | 'holdoutPeriods'> {
  if (raw.holdoutEnd === undefined && raw.holdoutPeriods === undefined) return { holdoutEnd: undefined, holdoutPeriods: 0 };
  if (raw.holdoutEnd !== undefined && raw.holdoutPeriods !== undefined) throw usage({ key: 'holdoutTwice', args: [] });
  if (raw.summaryInput) throw usage({ key: 'holdoutSummary', args: [] });
  if (calibrationEnd === undefined) throw usage({ key: 'holdoutNeedsEnd', args: [] }, { key: 'holdoutNeedsEndHint', args: [] });
  const unit = periodLengthDays(period);
  const holdoutEnd = raw.holdoutEnd !== undefined ? parseDateFlag('--holdout-end', raw.holdoutEnd, lang) : calibrationEnd + Math.round(positive('--holdout-periods', raw.holdoutPeriods as string) * unit);
  if (holdoutEnd <= calibrationEnd) throw usage({ key: 'holdoutBeforeEnd', args: [] });
  return { holdoutEnd, holdoutPeriods: (holdoutEnd - calibrationEnd) / unit };
}

function positive(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw usage({ key: 'notPositive', args: [flag, text] });
  return value;
}

/** A usage error of clv's flags, worded in the reader's language where it is shown. */
function usage(message: Said<'clvFlags'>, hint?: Said<'clvFlags'>): UsageError {
  return keyedError((text, h) => new UsageError(text, h), noteOf('clvFlags', message), hint === undefined ? undefined : noteOf('clvFlags', hint));
}
