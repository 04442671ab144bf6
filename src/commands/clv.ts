import { join, resolve } from 'node:path';
import type { Context } from '../cli/context.js';
import { parseDateFlag, parseReadFlags, parseRate, type RawReadFlags } from '../cli/options.js';
import { DEFAULT_CLV_CONFIG, unitsPerMonth, validateClvConfig, type ClvConfig } from '../domain/clv/clv.js';
import { fitModels, monthlyFromAnnualRate, type FittedModels } from '../domain/clv/fit-models.js';
import { parseAmountSpec, type AmountSpec } from '../domain/clv/prepare.js';
import { DEFAULT_MAX_ORGANIC_RETURN, settleLostThreshold } from '../domain/clv/threshold.js';
import { bootstrapModels, clvIntervals } from '../domain/clv/bootstrap.js';
import { mulberry32 } from '../domain/random.js';

/** --intervals: replicates without a number, the level, and the seed that makes runs repeat exactly (judgement). */
const DEFAULT_REPLICATES = 200;
const INTERVAL_LEVEL = 0.9;
const BOOTSTRAP_SEED = 20050101;
import type { PurchaseModelName } from '../domain/clv/purchase-model.js';
import { periodLengthDays, type PeriodUnit } from '../domain/clv/summary.js';
import { CUSTOMER_LIST_SCHEMA, RFM_SUMMARY_SCHEMA, TRANSACTION_SCHEMA } from '../domain/fields.js';
import type { Reject } from '../domain/types.js';
import { DataError, ExitCode, UsageError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { readProspects, readSummaryTable, readTransactionTable, type ClvInput, type TransactionPreparation } from '../io/clv-input.js';
import { RejectFile, writeCustomerFiles } from '../io/clv-output.js';
import { buildClvReport, renderClvReport, type ClvRunSettings } from '../io/clv-render.js';
import { openExport } from '../io/csv-read.js';
import { loadConfig } from '../io/config-file.js';
import { ensureOutputDir } from '../io/output-dir.js';

export interface ClvFlags extends RawReadFlags {
  out?: string;
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
  /** Column names of a file without a header line (--columns). */
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
export function parseClvOptions(raw: ClvFlags, env: Record<string, string | undefined>, base: ClvConfig = DEFAULT_CLV_CONFIG): ClvOptions {
  if (!raw.out) throw new UsageError('--out DIR is required', 'e.g. winback clv transactions.csv --out out/clv');
  const period = (raw.period ?? 'week') as PeriodUnit;
  if (!['day', 'week', 'month'].includes(period)) throw new UsageError(`--period '${raw.period}' must be day, week or month`);
  const order = raw.order ?? 'sorted';
  if (order !== 'sorted' && order !== 'any') throw new UsageError(`--order '${raw.order}' must be sorted or any`);
  const { calibrationEnd, calibrationEndSource } = calibrationOf(raw, env);
  const { holdoutEnd, holdoutPeriods } = holdoutOf(raw, calibrationEnd, period);
  const threshold = thresholdOf(raw, raw.holdoutEnd !== undefined || raw.holdoutPeriods !== undefined);
  const config: ClvConfig = {
    ...base,
    ...(typeof threshold.lostThreshold === 'number' ? { lostThreshold: threshold.lostThreshold } : {}),
    ...(raw.horizonMonths !== undefined ? { horizonMonths: positive('--horizon-months', raw.horizonMonths) } : {}),
    ...(raw.discountRate !== undefined ? { monthlyDiscountRate: monthlyFromAnnualRate(parseRate('--discount-rate', raw.discountRate)) } : {}),
  };
  const problems = validateClvConfig(config);
  if (problems.length > 0) throw new UsageError(problems.join('; '));
  return {
    out: raw.out, period, calibrationEnd, calibrationEndSource, holdoutEnd, holdoutPeriods, config, summaryInput: Boolean(raw.summaryInput),
    customers: raw.customers, lostOut: raw.lostOut, retentionOut: raw.retentionOut, order: order === 'any' ? 'any' : 'per-customer',
    preparation: preparationOf(raw), columns: columnsOf(raw.columns), whitespace: isWhitespace(raw.delimiter), model: modelOf(raw.model),
    ...threshold,
    intervalReplicates: replicatesOf(raw.intervals),
  };
}

function preparationOf(raw: ClvFlags): TransactionPreparation {
  const returns = raw.returns ?? 'net';
  if (returns !== 'net' && returns !== 'reject') throw new UsageError(`--returns '${raw.returns}' must be net or reject`);
  let amount: AmountSpec | undefined;
  if (raw.amount !== undefined) {
    const parsed = parseAmountSpec(raw.amount);
    if ('problem' in parsed) throw new UsageError(`--amount ${parsed.problem}`, "name one column, or two multiplied: --amount 'Quantity*UnitPrice'");
    amount = parsed.spec;
  }
  if (raw.cancelPrefix !== undefined && raw.cancelPrefix.trim() === '') throw new UsageError('--cancel-prefix must not be empty', 'e.g. --cancel-prefix C');
  if ((amount !== undefined || raw.cancelPrefix !== undefined) && raw.summaryInput) throw new UsageError('--amount and --cancel-prefix read transactions; they cannot be used with --summary-input');
  return { returns, ...(amount ? { amount } : {}), ...(raw.cancelPrefix !== undefined ? { cancelPrefix: raw.cancelPrefix.trim() } : {}) };
}

function thresholdOf(raw: ClvFlags, holdout: boolean): Pick<ClvOptions, 'lostThreshold' | 'maxOrganicReturn'> {
  const maxOrganicReturn = raw.maxOrganicReturn === undefined ? DEFAULT_MAX_ORGANIC_RETURN : parseRate('--max-organic-return', raw.maxOrganicReturn);
  if (raw.lostThreshold === undefined) return { lostThreshold: holdout ? 'auto' : undefined, maxOrganicReturn };
  if (raw.lostThreshold === 'auto') {
    if (!holdout) throw new UsageError('--lost-threshold auto chooses the threshold on a holdout', 'add --holdout-end DATE (or --holdout-periods N)');
    return { lostThreshold: 'auto', maxOrganicReturn };
  }
  return { lostThreshold: parseRate('--lost-threshold', raw.lostThreshold), maxOrganicReturn };
}

function replicatesOf(value: string | boolean | undefined): number {
  if (value === undefined || value === false) return 0;
  if (value === true) return DEFAULT_REPLICATES;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 20 || n > 10_000) throw new UsageError(`--intervals '${value}' must be a whole number of bootstrap replicates from 20 to 10000`, `e.g. --intervals ${DEFAULT_REPLICATES}`);
  return n;
}

function modelOf(text: string | undefined): PurchaseModelName {
  const model = text ?? 'bg-nbd';
  if (model !== 'bg-nbd' && model !== 'pareto-nbd') throw new UsageError(`--model '${text}' must be bg-nbd or pareto-nbd`);
  return model;
}

function columnsOf(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const names = text.split(',').map((n) => n.trim());
  if (names.length < 2 || names.some((n) => n === '')) throw new UsageError(`--columns '${text}' must name every column, separated by commas`, 'e.g. --columns customer_id,sample_id,date,cds,amount');
  return names;
}

const isWhitespace = (delimiter: string | undefined) => delimiter !== undefined && ['whitespace', 'space', 'spaces', 'blank', 'blanks'].includes(delimiter.toLowerCase());

// The calibration end: --calibration-end, else --as-of, else WINBACK_AS_OF, else (undefined) the data's last day.
function calibrationOf(raw: ClvFlags, env: Record<string, string | undefined>): Pick<ClvOptions, 'calibrationEnd' | 'calibrationEndSource'> {
  if (raw.calibrationEnd !== undefined) return { calibrationEnd: parseDateFlag('--calibration-end', raw.calibrationEnd), calibrationEndSource: '--calibration-end' };
  if (raw.asOf !== undefined) return { calibrationEnd: parseDateFlag('--as-of', raw.asOf), calibrationEndSource: '--as-of' };
  if (env.WINBACK_AS_OF) return { calibrationEnd: parseDateFlag('WINBACK_AS_OF', env.WINBACK_AS_OF), calibrationEndSource: 'WINBACK_AS_OF' };
  return { calibrationEnd: undefined, calibrationEndSource: 'last transaction date' };
}

function holdoutOf(raw: ClvFlags, calibrationEnd: number | undefined, period: PeriodUnit): Pick<ClvOptions, 'holdoutEnd' | 'holdoutPeriods'> {
  if (raw.holdoutEnd === undefined && raw.holdoutPeriods === undefined) return { holdoutEnd: undefined, holdoutPeriods: 0 };
  if (raw.holdoutEnd !== undefined && raw.holdoutPeriods !== undefined) throw new UsageError('give either --holdout-end or --holdout-periods, not both');
  if (raw.summaryInput) throw new UsageError('a holdout needs transactions; it cannot be used with --summary-input');
  if (calibrationEnd === undefined) throw new UsageError('a holdout needs a calibration end', 'add --calibration-end DATE (or --as-of DATE)');
  const unit = periodLengthDays(period);
  const holdoutEnd = raw.holdoutEnd !== undefined ? parseDateFlag('--holdout-end', raw.holdoutEnd) : calibrationEnd + Math.round(positive('--holdout-periods', raw.holdoutPeriods as string) * unit);
  if (holdoutEnd <= calibrationEnd) throw new UsageError('--holdout-end must come after the calibration end');
  return { holdoutEnd, holdoutPeriods: (holdoutEnd - calibrationEnd) / unit };
}

/** `winback clv`: transaction histories → BG/NBD + Gamma-Gamma → customers.csv, model.json, rejects.csv. */
export async function runClv(ctx: Context, file: string, flags: ClvFlags): Promise<number> {
  const { config } = await loadConfig(flags.config ?? ctx.env.WINBACK_CONFIG, ctx.cwd);
  // The hand-over to plan is valued over the value model's horizon and discount (same config).
  const valueHorizon = { horizonMonths: config.model.horizonMonths, annualDiscountRate: config.model.annualDiscountRate };
  const opts = parseClvOptions(flags, ctx.env, config.clv);
  const schema = opts.summaryInput ? RFM_SUMMARY_SCHEMA : TRANSACTION_SCHEMA;
  const { read, maxRejectRate } = parseReadFlags({ ...flags, ...(opts.whitespace ? { delimiter: undefined } : {}) }, schema.fields.map((f) => f.name));
  if (opts.whitespace) read.whitespace = true;
  if (opts.columns) read.columns = opts.columns;
  // A single-column --amount is a mapping like --map amount=HEADER.
  if (opts.preparation.amount?.kind === 'column') read.map = { ...read.map, amount: opts.preparation.amount.header };
  const outDir = resolve(ctx.cwd, opts.out);
  const opened = await openExport(file, schema, read, ctx);
  await ensureOutputDir(outDir, opts.out);
  const rejects = await RejectFile.open(outDir);
  let firstReject: Reject | undefined;
  const onReject = (r: Reject) => {
    firstReject ??= r;
    return rejects.add(r);
  };
  let input: ClvInput;
  let models: FittedModels;
  try {
    input = opts.summaryInput
      ? await readSummaryTable(opened, opts.period, opts.calibrationEnd, onReject)
      : await readTransactionTable(opened, { period: opts.period, calibrationEnd: opts.calibrationEnd, holdoutEnd: opts.holdoutEnd, order: opts.order }, onReject, opts.preparation);
    checkRejectRate(opened.label, input.counts, maxRejectRate);
    models = fitOrExplain(opened.label, input, firstReject, opts.model ?? 'bg-nbd');
  } catch (err) {
    await rejects.abort();
    throw err;
  }
  const prospects = opts.customers === undefined ? undefined : await readProspects(openExport(opts.customers, CUSTOMER_LIST_SCHEMA, {}, ctx), input.table.ids).catch(async (e: unknown) => {
    await rejects.abort();
    throw e;
  });
  const lostPath = opts.lostOut === undefined ? undefined : resolve(ctx.cwd, opts.lostOut);
  const retentionPath = opts.retentionOut === undefined ? undefined : resolve(ctx.cwd, opts.retentionOut);
  const mode = opts.lostThreshold === 'auto' ? 'auto' : typeof opts.lostThreshold === 'number' ? 'flag' : 'config';
  const { config: settled, report: threshold } = settleLostThreshold(models.purchases, input.table, opts.config, mode, opts.maxOrganicReturn, unitsPerMonth(opts.period), opts.holdoutEnd !== undefined);
  const settings = { ...opts, config: settled };
  const boot = opts.intervalReplicates > 0 ? bootstrapModels(models, input.table, opts.intervalReplicates, INTERVAL_LEVEL, mulberry32(BOOTSTRAP_SEED)) : undefined;
  const intervals = boot ? clvIntervals(boot, input.table, settled, unitsPerMonth(opts.period)) : undefined;
  const totals = await writeCustomerFiles({ dir: outDir, lostPath, retentionPath, valueHorizon, settings, table: input.table, models, prospects: prospects?.ids ?? [], rejects, ...(intervals ? { intervals } : {}) });
  const report = buildClvReport({ label: opened.label, sha256: opened.stats.sha256, opts: settings, input, models, totals, prospects, threshold, boot, warnings: opened.warnings });
  await writeFileAtomic(join(outDir, 'model.json'), `${JSON.stringify(report, null, 2)}\n`);
  if (flags.json) ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (!flags.quiet) ctx.stdout.write(renderClvReport(report, opts.out, ctx.color, threshold.summary.replace(/^lost threshold /, '')));
  for (const w of report.warnings) ctx.stderr.write(`warning: ${w}\n`);
  return ExitCode.ok;
}

function checkRejectRate(label: string, counts: ClvInput['counts'], maxRate: number | undefined): void {
  if (maxRate === undefined || counts.read === 0 || counts.rejected / counts.read <= maxRate) return;
  const share = ((counts.rejected / counts.read) * 100).toFixed(1);
  throw new DataError(`${label}: ${counts.rejected} of ${counts.read} rows rejected (${share} %), more than --max-reject-rate ${(maxRate * 100).toFixed(1)} %; nothing was written`, `run winback inspect ${label} to see the rejects`);
}

function fitOrExplain(label: string, input: ClvInput, firstReject: Reject | undefined, model: PurchaseModelName): FittedModels {
  if (input.table.ids.length === 0) {
    const first = firstReject ? `; the first, line ${firstReject.line}: ${firstReject.error}` : '';
    throw new DataError(`${label}: no customer is left to model (${input.counts.rejected} of ${input.counts.read} rows rejected${first})`, 'check the delimiter and the column mapping with winback inspect, or use --delimiter and --map');
  }
  try {
    return fitModels(input.table, model);
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    // The period unit does not change repeat purchase days, so the advice is always: more history.
    throw new DataError(`${label}: ${err.message}`, 'the models need at least 20 customers, some of them buying on two or more different days: use a longer history (or check --calibration-end)');
  }
}

function positive(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${flag} '${text}' must be a positive number`);
  return value;
}
