/** `winback report`: what was lost, why, what it is worth, whom to approach when — in the terminal, as JSON or as one HTML file. */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Context } from '../io/context.js';
import type { Report } from '../domain/report/finish.js';
import { ExitCode, UsageError } from '../errors.js';
import { messages, type Lang } from '../domain/catalogue/index.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { OUTCOMES_SCHEMA } from '../domain/read/fields.js';
import { reportResults, resultsFunnel, type ReportResults } from '../domain/report/results.js';
import { loadResults } from '../io/results/load.js';
import { compareReports, type ComparableReport, type ReportChanges, type RunIdentity } from '../domain/report/changes.js';
import { inputIdentity, previousKind, readReportJson } from '../io/report/previous.js';
import { parseWindow } from './results.js';
import { detectReportSource } from '../io/report/input.js';
import { renderReport } from '../io/report/render.js';
import { checkOutcomesRejects, loadPlanSetup, type LoadedPlanSetup } from '../pipeline/plan-setup.js';
import { planOptions, type PlanFlags } from '../cli/plan-options.js';
import { resolveParallelMinBytes, resolveThreads, standByWorkersFor } from '../engine/index.js';
import { reportFromCampaignDir, reportFromExport, reportFromPlanDir } from '../pipeline/report-build.js';
import { backIndex, type BackIndex } from '../domain/results/results.js';

export interface ReportFlags extends PlanFlags {
  html?: string;
  json?: boolean;
  /** print nothing on success (for --html in cron) */
  quiet?: boolean;
  /** --outlier-share: percent of the expected profit above which one customer is flagged */
  outlierShare?: string;
  /** the campaign ledger and the returns: contacted, returned and the lift over the control group */
  ledger?: string;
  outcomes?: string;
  window?: string;
  /** an earlier plan or campaign output directory, or a saved `report --json` */
  previous?: string;
  /** planning threads for an export, this one included (resolveThreads) */
  threads?: string;
}

/** --outlier-share 10 (or 10%) → 0.1; undefined → the default. */
export function parseOutlierShare(text: string | undefined, lang: Lang = 'en'): number | undefined {
  if (text === undefined) return undefined;
  const percent = Number(text.trim().replace(/\s*%$/, '').replace(',', '.'));
  if (!Number.isFinite(percent) || percent <= 0 || percent > 100) {
    const say = messages(lang).flags;
    throw new UsageError(say.outlierShare(text), say.outlierShareHint);
  }
  return percent / 100;
}

/** Builds the report from an export or an output directory and prints or writes it. */
export async function runReport(ctx: Context, input: string, flags: ReportFlags): Promise<number> {
  // An export large enough is planned on workers; an output directory starts none.
  await standByWorkersFor(ctx, input, flags.threads);
  const loaded = await loadPlanSetup(ctx, planOptions(ctx, flags));
  // The results first: who came back is no customer to win back in the plan's figures either.
  const read = await resultsOf(ctx, input, flags, loaded);
  const report = await buildReport(ctx, input, flags, loaded, read?.back);
  const lang = loaded.setup.lang;
  const results = read?.results;
  if (results) {
    report.results = results;
    report.funnel.steps.push(...resultsFunnel(results));
  }
  if (flags.previous !== undefined) report.changes = await changesSince(ctx, input, report, flags, loaded);
  if (flags.html !== undefined) {
    const { renderReportHtml } = await import('../io/report/html.js');
    await writeFileAtomic(resolve(ctx.cwd, flags.html), renderReportHtml(report, { lang, reasonLabels: reasonLabels(loaded) }));
  }
  if (flags.json) ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (!flags.quiet) ctx.stdout.write(renderReport(report, { color: ctx.color, lang, reasonLabels: reasonLabels(loaded) }));
  return ExitCode.ok;
}

async function buildReport(ctx: Context, input: string, flags: ReportFlags, loaded: LoadedPlanSetup, back?: BackIndex): Promise<Report> {
  const path = input === '-' ? '-' : resolve(ctx.cwd, input);
  const kind = await detectReportSource(path, input, loaded.setup.lang);
  // An output directory keeps its own run date unless --as-of (or WINBACK_AS_OF) says otherwise.
  const asOfGiven = flags.asOf !== undefined || Boolean(ctx.env.WINBACK_AS_OF);
  const share = parseOutlierShare(flags.outlierShare, loaded.setup.lang);
  // Checked whatever the input is, so that a wrong --threads never passes unnoticed.
  const threads = resolveThreads(flags.threads, ctx.env, loaded.setup.lang);
  if (kind === 'plan') return reportFromPlanDir(path, input, loaded, asOfGiven, share);
  if (kind === 'campaign') return reportFromCampaignDir(path, input, loaded, asOfGiven, share);
  // Planned on worker threads too when the export is large (docs/performance.md, "One engine").
  return reportFromExport(ctx, input, loaded, share, { threads, minParallelBytes: resolveParallelMinBytes(ctx.env, loaded.setup.lang) }, back);
}

/** The change since the run in --previous: that run is reported on again with its own as-of date, or read from its saved JSON. */
async function changesSince(ctx: Context, input: string, report: Report, flags: ReportFlags, loaded: LoadedPlanSetup): Promise<ReportChanges> {
  const label = flags.previous as string;
  const path = resolve(ctx.cwd, label);
  const lang = loaded.setup.lang;
  const kind = await previousKind(path, label, lang);
  let previous: ComparableReport;
  let previousInput: Pick<RunIdentity, 'input_file' | 'input_sha256'> = { input_file: null, input_sha256: null };
  if (kind.kind === 'json') previous = await readReportJson(kind.file, label, lang);
  else {
    const dirKind = await detectReportSource(path, label, lang);
    previous = dirKind === 'campaign' ? await reportFromCampaignDir(path, label, loaded, false) : await reportFromPlanDir(path, label, loaded, false);
    previousInput = await inputIdentity(path, true);
  }
  const currentPath = input === '-' ? '-' : resolve(ctx.cwd, input);
  const current = await inputIdentity(currentPath, report.source.kind !== 'export');
  return compareReports(report, previous, {
    current: { source: input, as_of: report.as_of, ...current },
    previous: { source: label, as_of: previous.as_of, ...previousInput },
  });
}

/**
 * The campaign's results when --ledger and --outcomes are given, or when the input directory
 * holds ledger.csv and outcomes.csv: read and summarised exactly as `winback results` does.
 */
async function resultsOf(ctx: Context, input: string, flags: ReportFlags, loaded: LoadedPlanSetup): Promise<{ results: ReportResults; back: BackIndex } | undefined> {
  const say = messages(loaded.setup.lang).report;
  const inDir = async (name: string) => {
    if (input === '-') return undefined;
    const path = join(resolve(ctx.cwd, input), name);
    return (await stat(path).catch(() => undefined))?.isFile() ? join(input, name) : undefined;
  };
  const ledger = flags.ledger ?? (flags.outcomes === undefined ? await inDir('ledger.csv') : undefined);
  const outcomes = flags.outcomes ?? (flags.ledger === undefined ? await inDir('outcomes.csv') : undefined);
  if (ledger === undefined && outcomes === undefined) {
    if (flags.window !== undefined) throw new UsageError(say.windowAlone, say.resultsHint);
    return undefined;
  }
  if (ledger === undefined || outcomes === undefined) throw new UsageError(say.resultsPair, say.resultsHint);
  const { asOf, playbook, config } = loaded.setup;
  const windowDays = parseWindow(flags.window, config.campaign.attributionWindowDays);
  const outcomesMap = Object.fromEntries(Object.entries(loaded.read.map ?? {}).filter(([field]) => OUTCOMES_SCHEMA.fields.some((f) => f.name === field)));
  const read = await loadResults(resolve(ctx.cwd, ledger), ledger, outcomes, { ...loaded.read, map: outcomesMap }, ctx, {
    asOf, windowDays, channelCosts: playbook.channelCosts, offers: playbook.offers, defaultMarginPercent: config.model.defaultMarginPercent,
  });
  checkOutcomesRejects(read.outcomesRead, loaded.rejectLimit, loaded.setup.lang);
  const { stats } = read.outcomesRead.opened;
  for (const w of [...read.outcomesRead.opened.warnings, ...read.report.warnings]) ctx.stderr.write(`${messages(loaded.setup.lang).common.warning}: ${w}\n`);
  // Each rejected outcome row named (the first ten), as results and campaign name them.
  const said = messages(loaded.setup.lang);
  for (const r of read.outcomesRead.rejects.slice(0, 10)) ctx.stderr.write(`${said.common.warning}: ${said.campaign.outcomeRejectLine(read.outcomesRead.opened.label, r.line, r.column, r.value, r.error)}\n`);
  const results = reportResults(read.report, {
    asOf, windowDays,
    ledger: { file: ledger, entries: read.ledger.entries.length },
    outcomes: { file: read.outcomesRead.opened.label, rows: stats.read, rejected: read.outcomesRead.rejects.length },
  });
  return { results, back: backIndex(read.outcomesRead.outcomes.values(), asOf) };
}

function reasonLabels(loaded: LoadedPlanSetup): Record<string, string> {
  const labels = Object.fromEntries(loaded.setup.playbook.reasons.map((r) => [r.code, r.label[loaded.setup.lang]]));
  // The retention track's row, apart from the departure reasons.
  return { ...labels, retention: messages(loaded.setup.lang).report.retentionRow };
}
