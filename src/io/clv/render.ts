/**
 * The model.json document of `winback clv` and its terminal rendering: parameters,
 * convergence, data summary, phase table and warnings.
 */
import type { ClvConfig } from '../../domain/clv/clv.js';
import type { FitDiagnostics } from '../../domain/clv/diagnostics.js';
import type { FittedModels, PhaseTotals } from '../../domain/clv/fit-models.js';
import type { PurchaseModelName } from '../../domain/clv/purchase-model.js';
import type { PeriodUnit } from '../../domain/clv/summary.js';
import type { ThresholdReport } from '../../domain/clv/threshold.js';
import type { BootstrapResult } from '../../domain/clv/bootstrap.js';
import { formatIsoDay } from '../../domain/dates.js';
import { VERSION } from '../../version.js';
import type { ClvInput, ProspectList, TransactionPreparation } from './input.js';
import { renderTable, styler } from '../render.js';
import { formatAmount, formatFixed, formatFixedGrouped, formatIsoText, formatWhole, messages, say, type Lang, type Messages } from '../../domain/catalogue/index.js';

/** The settings of a clv run that the report records. */
export interface ClvRunSettings {
  period: PeriodUnit;
  /** Undefined: the last transaction date in the data. */
  calibrationEnd: number | undefined;
  calibrationEndSource: '--calibration-end' | '--as-of' | 'WINBACK_AS_OF' | 'last transaction date';
  holdoutEnd: number | undefined;
  /** Length of the holdout in period units; 0 without a holdout. */
  holdoutPeriods: number;
  config: ClvConfig;
  summaryInput: boolean;
  /** The purchase model (--model); bg-nbd unless given. */
  model?: PurchaseModelName;
  /** How transaction rows were prepared (transaction input only). */
  preparation?: TransactionPreparation;
}

export interface ClvReportInput {
  label: string;
  sha256: string;
  opts: ClvRunSettings;
  input: ClvInput;
  models: FittedModels;
  totals: PhaseTotals;
  prospects: ProspectList | undefined;
  threshold: ThresholdReport;
  /** Bootstrap result of --intervals. */
  boot?: BootstrapResult | undefined;
  warnings: readonly string[];
  /** the language of the warnings (model.json and the terminal); English when not given */
  lang?: Lang;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const isoOrNull = (day: number | undefined) => (day === undefined || !Number.isFinite(day) ? null : formatIsoDay(day));

/** The model.json document: everything needed to judge and reproduce the run. */
export function buildClvReport(r: ClvReportInput) {
  const { opts, input, models, totals } = r;
  const { table, counts, summary } = input;
  const n = table.ids.length;
  let repeat = 0;
  for (let i = 0; i < n; i++) if ((table.x[i] as number) > 0) repeat++;
  const bg = models.bgNbd;
  const pn = models.paretoNbd;
  const gg = models.gammaGamma;
  const listed = totals.phases.prospect.customers + n;
  const phases = Object.fromEntries(Object.entries(totals.phases).map(([phase, t]) => [phase, {
    customers: t.customers,
    share: listed > 0 ? round(t.customers / listed, 4) : 0,
    mean_p_alive: phase === 'prospect' || t.customers === 0 ? null : round(t.pAliveSum / t.customers, 4),
    expected_purchases: round(t.expectedPurchases, 2),
    clv: gg ? round(t.clv, 2) : null,
  }]));
  const { holdoutPeriods } = opts;
  return {
    tool: 'winback',
    version: VERSION,
    input: { file: r.label, sha256: r.sha256, kind: opts.summaryInput ? 'rfm summary' : 'transactions' },
    rows: { read: counts.read, accepted: counts.accepted, rejected: counts.rejected },
    period: opts.period,
    calibration_end: isoOrNull(opts.calibrationEnd ?? summary?.latestDay),
    calibration_end_source: opts.calibrationEndSource,
    holdout_end: isoOrNull(opts.holdoutEnd),
    data: {
      customers: n,
      repeat_customers: repeat,
      prospects: totals.phases.prospect.customers,
      // Rows of customers not modelled are in rejects.csv: not counted as used too.
      transactions_used: summary ? summary.transactions - summary.ignoredAfterEnd - (summary.notModelledRows ?? 0) : null,
      transactions_after_end: summary ? summary.ignoredAfterEnd : null,
      customers_first_buying_in_holdout: summary && opts.holdoutEnd !== undefined ? summary.outsideCohort : null,
    },
    preparation: summary && input.preparation ? {
      returns: opts.preparation?.returns ?? 'reject',
      amount: opts.preparation?.amount ? (opts.preparation.amount.kind === 'product' ? `${opts.preparation.amount.left}*${opts.preparation.amount.right}` : opts.preparation.amount.header) : null,
      cancel_prefix: opts.preparation?.cancelPrefix ?? null,
      rows_missing_customer_id: input.preparation.missingIds,
      cancellation_rows: input.preparation.cancellations,
      return_rows: summary.returnRows,
      return_rows_rejected: input.preparation.returnsRejected,
      return_days: summary.returnDays,
      returned_amount_netted: round(summary.returnedAmount, 2),
      returned_amount_unmatched: round(summary.unmatchedReturnAmount, 2),
      customers_with_only_returns: summary.onlyReturns,
    } : null,
    purchase_model: models.model,
    bg_nbd: bg ? { r: bg.r, alpha: bg.alpha, a: bg.a, b: bg.b, log_likelihood: bg.logLikelihood, iterations: bg.iterations, evaluations: bg.evaluations, converged: bg.converged, customers: bg.n, distinct_rows: bg.rows, ...uncertainty(bg, bg.diagnostics) } : null,
    pareto_nbd: pn ? { r: pn.r, alpha: pn.alpha, s: pn.s, beta: pn.beta, log_likelihood: pn.logLikelihood, iterations: pn.iterations, evaluations: pn.evaluations, converged: pn.converged, customers: pn.n, distinct_rows: pn.rows, ...uncertainty(pn, pn.diagnostics) } : null,
    gamma_gamma: gg ? { p: gg.p, q: gg.q, v: gg.v, log_likelihood: gg.logLikelihood, iterations: gg.iterations, evaluations: gg.evaluations, converged: gg.converged, customers: gg.n, frequency_spend_correlation: gg.correlation, ...uncertainty(gg, gg.diagnostics) } : null,
    fit_notes: models.notes.map((note) => say('en', 'clvFit', note)),
    clv: { horizon_months: opts.config.horizonMonths, monthly_discount_rate: opts.config.monthlyDiscountRate, annual_discount_rate: round(Math.pow(1 + opts.config.monthlyDiscountRate, 12) - 1, 6), total: gg ? round(Object.values(totals.phases).reduce((s, t) => s + t.clv, 0), 2) : null },
    thresholds: { lost_below_p_alive: opts.config.lostThreshold, defector_below_p_alive: opts.config.defectorThreshold, defector_rate_ratio: opts.config.defectorRateRatio, core_min_repeat: opts.config.coreMinRepeat, first_time_lost_after_months: opts.config.firstTimeLostAfterMonths },
    phases,
    holdout: holdoutPeriods > 0 ? {
      periods: round(holdoutPeriods, 4), actual_purchases: totals.holdoutActual, predicted_purchases: round(totals.holdoutPredicted, 2),
      // Per phase: who bought again in the holdout without a campaign.
      phases: Object.fromEntries(Object.entries(totals.phases).filter(([phase]) => phase !== 'prospect').map(([phase, t]) => [phase, { customers: t.customers, bought_again: t.holdoutBuyers, share: t.customers > 0 ? round(t.holdoutBuyers / t.customers, 4) : null }])),
    } : null,
    intervals: r.boot ? {
      method: 'bootstrap, percentile; customers resampled with Poisson(1) weights, both models refitted',
      level: r.boot.level, replicates: r.boot.replicates, failed: r.boot.failed, unsettled: r.boot.unsettled,
      purchase_model: Object.fromEntries(r.boot.purchase.map((p) => [p.name, [p.low, p.high]])),
      gamma_gamma: r.boot.spend.length > 0 ? Object.fromEntries(r.boot.spend.map((p) => [p.name, [p.low, p.high]])) : null,
      customer_clv: 'customers.csv clv_low, clv_high (parameter uncertainty only)',
    } : null,
    lost_threshold: {
      value: r.threshold.value, source: r.threshold.source, validated: r.threshold.validated, max_organic_return: r.threshold.maxOrganicReturn,
      organic_return_share: r.threshold.measured ? round(r.threshold.measured.share, 4) : null,
      // validated says a holdout measured the threshold; this says whether it kept to the limit (null: not measured).
      within_limit: r.threshold.measured ? r.threshold.measured.share <= r.threshold.maxOrganicReturn : null,
      candidates: r.threshold.candidates.map((c) => ({ threshold: c.threshold, lost: c.lost, bought_again: c.boughtAgain, share: round(c.share, 4) })),
    },
    warnings: collectWarnings(r),
  };
}

export type ClvReport = ReturnType<typeof buildClvReport>;

/**
 * Standard errors (delta method: θ · se(ln θ), as REFERENCE.md's numeric-Hessian errors) and the
 * parameters a fit cannot estimate; null where the information is singular.
 */
function uncertainty(fit: object, d: FitDiagnostics) {
  const value = (name: string) => (fit as Record<string, number>)[name] as number;
  const standardErrors = Object.fromEntries(Object.entries(d.logStandardErrors).map(([name, se]) => [name, Number.isFinite(se) ? value(name) * se : null]));
  return { standard_errors: standardErrors, on_boundary: d.onBoundary, not_estimable: d.notEstimable };
}

/** "converged", or what keeps a converged fit from meaning anything. */
function fitState(fit: { converged: boolean; not_estimable: readonly string[]; on_boundary: readonly string[] }, t: Messages['clv']): { text: string; warn: boolean } {
  if (!fit.converged) return { text: t.notConverged, warn: true };
  if (fit.on_boundary.length > 0) return { text: t.onBoundary(fit.not_estimable.join(', ')), warn: true };
  if (fit.not_estimable.length > 0) return { text: t.notEstimable(fit.not_estimable.join(', ')), warn: true };
  return { text: t.converged, warn: false };
}

function collectWarnings(r: ClvReportInput): string[] {
  const t = messages(r.lang ?? 'en').clv;
  const lang = r.lang ?? 'en';
  const warnings = [...r.warnings, ...r.models.warnings.map((w) => say(lang, 'clvFit', w))];
  const s = r.input.summary;
  if (s && s.ignoredAfterEnd > 0) warnings.push(t.afterEnd(s.ignoredAfterEnd, r.opts.holdoutEnd !== undefined));
  if (s && r.opts.holdoutEnd !== undefined && s.outsideCohort > 0) warnings.push(t.outsideCohort(s.outsideCohort));
  if (s && s.unmatchedReturnAmount > 0.005) warnings.push(t.unmatchedReturns(formatFixedGrouped(s.unmatchedReturnAmount, 2, r.lang ?? 'en')));
  if (s && s.onlyReturns > 0) warnings.push(t.onlyReturns(s.onlyReturns));
  const missing = r.input.preparation?.missingIds ?? 0;
  if (missing > 0) warnings.push(t.missingIds(missing));
  if (r.threshold.warning) warnings.push(say(lang, 'clvFit', r.threshold.warning));
  const b = r.boot;
  if (b && b.failed + b.unsettled > 0.05 * (b.replicates + b.failed)) warnings.push(t.bootstrapFailed(b.failed, b.replicates + b.failed, b.unsettled));
  if (r.prospects && r.prospects.rejected > 0) warnings.push(t.prospectsSkipped(r.prospects.file, r.prospects.rejected));
  if (r.models.gammaGamma && r.totals.clvMissing > 0) warnings.push(t.clvMissing(r.totals.clvMissing));
  return warnings;
}

/** Parameters, row counts and the phase table for the terminal, in the language's words and number form. */
export function renderClvReport(report: ClvReport, outDir: string, color: boolean, summary: string, lang: Lang = 'en'): string {
  const c = styler(color);
  const t = messages(lang).clv;
  const de = lang === 'de';
  const fmt = (v: number, digits = 4) => (Number.isFinite(v) ? formatFixed(v, digits, lang) : '–');
  const whole = (v: number) => (de ? formatWhole(v, lang) : String(v));
  const state = (f: { text: string; warn: boolean }) => (f.warn ? c.yellow(f.text) : f.text);
  const back = report.holdout?.phases as Record<string, { bought_again: number }> | undefined;
  const { rows, bg_nbd: bg, pareto_nbd: pn, gamma_gamma: gg, data } = report;
  const label = (text: string, width: number) => c.bold(text.padEnd(de ? Math.max(width, 12) : width));
  const ll = t.logLikelihood;
  const lines = [
    `${label(t.rows, 11)}${t.rowsValue(whole(rows.read), whole(rows.accepted), whole(rows.rejected), rows.rejected > 0)}`,
    `${label(t.customers, 11)}${t.customersValue(whole(data.customers), whole(data.repeat_customers), whole(data.prospects), report.period, report.calibration_end === null ? t.notGiven : formatIsoText(report.calibration_end, lang), report.calibration_end_source)}`,
    bg
      ? `${label('BG/NBD', 12)}r ${fmt(bg.r)}  alpha ${fmt(bg.alpha)}  a ${fmt(bg.a)}  b ${fmt(bg.b)}  ${ll} ${fmt(bg.log_likelihood, 2)}  ${state(fitState(bg, t))} (${t.iterations(bg.iterations)})`
      : `${label('Pareto/NBD', 12)}r ${fmt(pn!.r)}  alpha ${fmt(pn!.alpha)}  s ${fmt(pn!.s)}  beta ${fmt(pn!.beta)}  ${ll} ${fmt(pn!.log_likelihood, 2)}  ${state(fitState(pn!, t))} (${t.iterations(pn!.iterations)})`,
    gg
      ? `${label('Gamma-Gamma', 12)}p ${fmt(gg.p)}  q ${fmt(gg.q)}  v ${fmt(gg.v)}  ${ll} ${fmt(gg.log_likelihood, 2)}  ${state(fitState(gg, t))} (${t.iterations(gg.iterations)})`
      : `${label('Gamma-Gamma', 12)}${t.notFitted}`,
    '',
    c.bold(t.phasesHead(report.clv.horizon_months, formatFixed(report.clv.annual_discount_rate * 100, 1, lang))),
    renderTable(
      [...t.phaseColumns, ...(back ? [t.boughtAgainColumn] : [])],
      Object.entries(report.phases).map(([phase, p]) => {
        const row: (string | number)[] = [t.phase(phase), p.customers, `${formatFixed(p.share * 100, 1, lang)} %`, p.mean_p_alive === null ? '' : formatFixed(p.mean_p_alive, 3, lang), formatFixed(p.expected_purchases, 1, lang), p.clv === null ? '' : formatFixedGrouped(p.clv, 2, lang)];
        const h = back?.[phase];
        if (back) row.push(h && p.customers > 0 ? `${h.bought_again} (${formatFixed((h.bought_again / p.customers) * 100, 1, lang)} %)` : '');
        return row;
      }),
      { color, align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'] },
    ),
  ];
  if (report.holdout) lines.push(t.holdout(de ? formatAmount(report.holdout.periods, lang) : String(report.holdout.periods), report.period, whole(report.holdout.actual_purchases), de ? formatAmount(report.holdout.predicted_purchases, lang) : String(report.holdout.predicted_purchases), bg ? 'BG/NBD' : 'Pareto/NBD'));
  const iv = report.intervals;
  if (iv) {
    const show = (set: Record<string, number[]>) => Object.entries(set).map(([k, [lo, hi]]) => `${k} ${fmt(lo as number, 3)}–${fmt(hi as number, 3)}`).join('  ');
    lines.push(t.intervals(Math.round(iv.level * 100), iv.replicates, `${show(iv.purchase_model)}${iv.gamma_gamma ? `  ${show(iv.gamma_gamma)}` : ''}`));
  }
  lines.push(t.lostThreshold(summary));
  lines.push(t.written(outDir));
  return `${lines.join('\n')}\n`;
}
