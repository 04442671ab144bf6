import { currencyCode } from '../../domain/parse/number.js';
import { refuseSameOutputs } from '../../io/run-inputs.js';
import { join, resolve } from 'node:path';
import type { Context } from '../../io/context.js';
import { parseReadFlags, takeRenamedFlags, type RenamedFlag } from '../../cli/options.js';
import { bootstrapModels, clvIntervals } from '../../domain/clv/bootstrap.js';
import { unitsPerMonth } from '../../domain/clv/clv.js';
import { fitModels, type FittedModels, type ValuedCustomer } from '../../domain/clv/fit-models.js';
import { ModelFitError } from '../../domain/clv/fit-notes.js';
import { addToPictures, createPictures, finishPictures } from '../../domain/clv/pictures.js';
import type { PurchaseModelName } from '../../domain/clv/purchase-model.js';
import { settleLostThreshold, type ThresholdReport } from '../../domain/clv/threshold.js';
import { mulberry32 } from '../../domain/random.js';
import { CUSTOMER_LIST_SCHEMA, RFM_SUMMARY_SCHEMA, TRANSACTION_SCHEMA } from '../../domain/read/fields.js';
import type { Reject } from '../../domain/types.js';
import { DataError, ExitCode } from '../../errors.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { readProspects, readSummaryTable, readTransactionTable, type ClvInput } from '../../io/clv/input.js';
import { RejectFile, writeCustomerFiles } from '../../io/clv/output.js';
import { buildClvReport, renderClvReport } from '../../io/clv/render.js';
import { openExport } from '../../io/open-export.js';
import { loadConfig } from '../../io/config-file.js';
import { ensureOutputDir } from '../../io/output-dir.js';
import { resolveOutputFormat } from '../../cli/output-format.js';
import { writeClvWorkbook } from '../../io/xlsx/outputs.js';
import { mapWithoutProduct, parseClvOptions, type ClvFlags } from './options.js';
import { resolveLang } from '../../cli/lang.js';
import { formatAmount, formatFixed, formatIsoText, messages, say as sayNote, type Lang } from '../../domain/catalogue/index.js';
import { formatIsoDay } from '../../domain/dates.js';

export { parseClvOptions, type ClvFlags, type ClvOptions } from './options.js';

/** Flags renamed so that one name means one thing on every command (the old spellings still work). */
const CLV_RENAMED: readonly RenamedFlag<ClvFlags>[] = [
  // --period is campaign's run length; here it was the time unit of frequency, recency and T.
  { from: 'period', to: 'timeUnit', old: '--period', now: '--time-unit' },
  // --columns chooses campaign's list columns; here it names the columns of a file without a header.
  { from: 'columns', to: 'inputColumns', old: '--columns', now: '--input-columns' },
];

/** --intervals: the level, and the seed that makes runs repeat exactly (judgement). */
const INTERVAL_LEVEL = 0.9;
const BOOTSTRAP_SEED = 20050101;

/**
 * `winback clv`: transaction histories → BG/NBD or Pareto/NBD + Gamma-Gamma → customers.csv,
 * model.json, rejects.csv, and the lost-customer hand-over and retention list when asked.
 */
export async function runClv(ctx: Context, file: string, raw: ClvFlags): Promise<number> {
  const flags = takeRenamedFlags(raw, CLV_RENAMED, ctx.stderr, resolveLang(raw.lang, ctx.env));
  const early = resolveLang(flags.lang, ctx.env);
  const { config } = await loadConfig(flags.config ?? ctx.env.WINBACK_CONFIG, ctx.cwd, early);
  const lang = resolveLang(flags.lang, ctx.env, config.lang);
  // The hand-over to plan is valued over the value model's horizon and discount (same config).
  const valueHorizon = { horizonMonths: config.model.horizonMonths, annualDiscountRate: config.model.annualDiscountRate };
  const opts = parseClvOptions(flags, ctx.env, config.clv, lang);
  const schema = opts.summaryInput ? RFM_SUMMARY_SCHEMA : TRANSACTION_SCHEMA;
  // --map quantity=… --map unit_price=… became the amount's product (opts.preparation); the rest maps columns.
  const { read, maxRejectRate } = parseReadFlags({ ...flags, map: mapWithoutProduct(flags.map), ...(opts.whitespace ? { delimiter: undefined } : {}) }, schema.fields.map((f) => f.name), lang);
  if (opts.whitespace) read.whitespace = true;
  if (opts.columns) read.columns = opts.columns;
  // A single-column --amount is a mapping like --map amount=HEADER.
  if (opts.preparation.amount?.kind === 'column') read.map = { ...read.map, amount: opts.preparation.amount.header };
  const outDir = resolve(ctx.cwd, opts.out);
  const handOver = [opts.lostOut, opts.retentionOut].flatMap((p) => (p === undefined ? [] : [resolve(ctx.cwd, p)]));
  refuseSameOutputs([...['customers.csv', 'model.json', 'rejects.csv'].map((name) => join(outDir, name)), ...handOver], lang);
  // An amount in another currency than the configured one is rejected, as plan rejects it: summed as euros, it was valued so.
  const opened = await openExport(file, schema, { ...read, lang, currency: currencyCode(config.model.currencySymbol) }, ctx);
  await ensureOutputDir(outDir, opts.out);
  const output = resolveOutputFormat(flags, config.output);
  const csv = output.csv;
  const rejects = await RejectFile.open(outDir, csv);
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
    checkRejectRate(opened.label, input.counts, maxRejectRate, lang);
    if (opts.calibrationEnd === undefined) checkLastDay(opened.label, input, lang);
    models = fitOrExplain(opened.label, input, firstReject, opts.model ?? 'bg-nbd', lang);
  } catch (err) {
    await rejects.abort();
    throw err;
  }
  const prospects = opts.customers === undefined ? undefined : await readProspects(openExport(opts.customers, CUSTOMER_LIST_SCHEMA, { lang }, ctx), input.table.ids).catch(async (e: unknown) => {
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
  const pictures = flags.html === undefined ? undefined : createPictures(input.table, opts.holdoutEnd !== undefined);
  const onValued = pictures ? { onValued: (i: number, v: ValuedCustomer) => addToPictures(pictures, input.table, i, v) } : {};
  const totals = await writeCustomerFiles({ dir: outDir, lostPath, retentionPath, valueHorizon, settings, table: input.table, models, prospects: prospects?.ids ?? [], rejects, csv, lang, ...(intervals ? { intervals } : {}), ...onValued });
  const report = buildClvReport({ label: opened.label, sha256: opened.stats.sha256, opts: settings, input, models, totals, prospects, threshold, boot, warnings: opened.warnings, lang });
  if (output.xlsx) await writeClvWorkbook(outDir, csv, { holdout: opts.holdoutEnd !== undefined, intervals: intervals !== undefined }, lang);
  await writeFileAtomic(join(outDir, 'model.json'), `${JSON.stringify(report, null, 2)}\n`);
  if (pictures && flags.html !== undefined) {
    const { renderClvHtml } = await import('../../io/clv/html.js');
    await writeFileAtomic(resolve(ctx.cwd, flags.html), renderClvHtml(report, finishPictures(pictures), lang));
  }
  if (flags.json) ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (!flags.quiet) ctx.stdout.write(renderClvReport(report, opts.out, ctx.color, thresholdWords(threshold, lang), lang));
  for (const w of report.warnings) ctx.stderr.write(`${messages(lang).common.warning}: ${w}\n`);
  return ExitCode.ok;
}

/** Days by which the last transaction may lie beyond every other customer's before it is taken for a typo (judgement: a year). */
const LONELY_LAST_DAYS = 365;

/** Without --as-of the last transaction ends the calibration: refused when it lies far beyond all others (a typed 2030 for 2024). */
function checkLastDay(label: string, input: ClvInput, lang: Lang): void {
  const last = input.summary?.last;
  if (last === undefined || last.day - last.otherLatest <= LONELY_LAST_DAYS) return;
  const say = messages(lang).clv;
  const day = (d: number) => formatIsoText(formatIsoDay(d), lang);
  throw new DataError(say.lonelyLastDay(label, last.line, last.customerId, day(last.day), last.day - last.otherLatest, day(last.otherLatest)), say.lonelyLastDayHint);
}

function checkRejectRate(label: string, counts: ClvInput['counts'], maxRate: number | undefined, lang: Lang): void {
  if (maxRate === undefined || counts.read === 0 || counts.rejected / counts.read <= maxRate) return;
  const say = messages(lang).clv;
  throw new DataError(say.rejectRate(label, counts.rejected, counts.read, ((counts.rejected / counts.read) * 100).toFixed(1), (maxRate * 100).toFixed(1)), say.rejectRateHint(label));
}

function fitOrExplain(label: string, input: ClvInput, firstReject: Reject | undefined, model: PurchaseModelName, lang: Lang): FittedModels {
  const say = messages(lang).clv;
  if (input.table.ids.length === 0) {
    // Every readable transaction after the calibration end (an --as-of before the data): that, not a reject, is why.
    const after = input.summary?.ignoredAfterEnd ?? 0;
    if (after > 0 && after + input.counts.rejected >= input.counts.read) throw new DataError(say.allAfterEnd(label, after), say.allAfterEndHint);
    throw new DataError(say.nobodyLeft(label, input.counts.rejected, input.counts.read, firstReject?.line, firstReject?.error ?? ''), say.nobodyLeftHint);
  }
  try {
    return fitModels(input.table, model);
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    // The period unit does not change repeat purchase days, so the advice is always: more history.
    const why = err instanceof ModelFitError ? sayNote(lang, 'clvFit', err.note) : err.message;
    throw new DataError(say.notFittable(label, why), say.notFittableHint);
  }
}

/** The lost threshold's sentence for the terminal: threshold.ts's own in English, the catalogue's in German. */
function thresholdWords(t: ThresholdReport, lang: Lang): string {
  if (lang === 'en') return t.summary.replace(/^lost threshold /, '');
  const say = messages(lang).clv;
  const pct = (v: number) => `${formatFixed(v * 100, 1, lang)} %`;
  const value = formatAmount(t.value, lang);
  return t.validated && t.measured
    ? say.thresholdValidated(value, t.source, t.measured.boughtAgain, t.measured.lost, pct(t.measured.share), pct(t.maxOrganicReturn))
    : say.thresholdNotValidated(value, t.source);
}
