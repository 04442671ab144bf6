import { join, resolve } from 'node:path';
import type { Context } from '../io/context.js';
import { formatIsoDay } from '../domain/dates.js';
import { cents, totalsNotes, trackTotals, type PlanTotals } from '../domain/plan/summary.js';
import type { PlannedCustomer } from '../domain/plan/plan.js';
import { DataError, ExitCode, UsageError } from '../errors.js';
import type { Reject } from '../domain/types.js';
import { removeStaleTemps, writeFileAtomic } from '../io/atomic-write.js';
import { resolveOutputFormat, type RawOutputFlags } from '../cli/output-format.js';
import { writePlanWorkbook } from '../io/xlsx/outputs.js';
import { PlanFiles } from '../io/plan/output.js';
import { renderPlanSummary } from '../io/plan/render.js';
import type { RunOutputs } from '../io/run-outputs.js';
import { createProgress } from '../io/progress.js';
import { planExport, resolveParallelMinBytes, standByWorkersFor, resolveThreads, type EngineResult } from '../engine/index.js';
import { loadPlanSetup, openLostCustomers } from '../pipeline/plan-setup.js';
import { planOptions, type PlanFlags } from '../cli/plan-options.js';
import { budgetJson, budgetLine, capacityJson, capacityLine, chooseWithinBudget, parseBudget } from '../pipeline/plan-budget.js';
import { parseCapacity } from '../cli/options.js';
import type { BudgetFigures } from '../domain/budget/types.js';
import type { LoadedPlanSetup } from '../pipeline/plan-setup.js';
import { VERSION } from '../version.js';
import { messages, readSavedWarnings, savedWarnings, sayNoted, type Noted } from '../domain/catalogue/index.js';
import { resolveLang } from '../cli/lang.js';
import { ensureOutputDir, removeCreatedDirs } from '../io/output-dir.js';
import { refuseStdout } from '../io/table-output.js';

export interface PlanCommandFlags extends PlanFlags, RawOutputFlags {
  out?: string;
  json?: boolean;
  explain?: string;
  quiet?: boolean;
  threads?: string;
  budget?: string;
  /** places per channel, e.g. phone=200,visit=20 */
  capacity?: string;
}

/** `winback plan`: reading → classification → value → playbook, written to DIR atomically. */
export async function runPlan(ctx: Context, file: string, flags: PlanCommandFlags): Promise<number> {
  if (flags.explain !== undefined) return runExplain(ctx, file, flags, flags.explain);
  if (!flags.out) {
    // The config is not read yet: the flag and the environment tell the language.
    const say = messages(resolveLang(flags.lang, ctx.env)).plan;
    throw new UsageError(say.outRequired, say.outRequiredHint);
  }
  refuseStdout('--out', flags.out, 'plan');
  // The config is not read yet: the flag and the environment tell the language.
  const budgetAmount = parseBudget(flags.budget, resolveLang(flags.lang, ctx.env));
  const caps = parseCapacity(flags.capacity, resolveLang(flags.lang, ctx.env));
  await standByWorkersFor(ctx, file, flags.threads);
  const loaded = await loadPlanSetup(ctx, planOptions(ctx, flags));
  const threads = resolveThreads(flags.threads, ctx.env, loaded.setup.lang);
  const minParallelBytes = resolveParallelMinBytes(ctx.env, loaded.setup.lang);
  const budget = await chooseWithinLimits(ctx, file, loaded, budgetAmount, caps, { threads, minParallelBytes });
  const outDir = resolve(ctx.cwd, flags.out);
  const first = await openLostCustomers(ctx, file, loaded);
  const created = await ensureOutputDir(outDir, flags.out);
  // Temporary files of a run that was killed are litter, never outputs.
  await removeStaleTemps(outDir);
  const output = resolveOutputFormat(flags, loaded.setup.config.output);
  const fmt = output.csv;
  const progress = createProgress(ctx, { label: 'plan', totalBytes: first.sizeBytes, quiet: flags.quiet, lang: loaded.setup.lang });
  let outputs: RunOutputs;
  let run: EngineResult<PlanFiles> | undefined;
  try {
    run = await planExport(ctx, file, loaded, first, {
      order: 'priority',
      threads,
      minParallelBytes,
      fmt,
      // plan.csv shows the chosen action only.
      readsActions: false,
      start: (opened) => PlanFiles.open(outDir, opened.headers, fmt, opened.dialect.delimiter),
      discard: (files) => files.abort(),
      onChunk: (opened) => progress.update(opened.stats.read, opened.stats.bytes),
    });
    outputs = await run.made.commit();
  } catch (err) {
    // The engine discards the files of a failed run; these are planned but failed to commit.
    await run?.made.abort();
    await removeCreatedDirs(created);
    throw err;
  } finally {
    progress.done();
  }
  const { opened, totals } = run;
  if (output.xlsx) Object.assign(outputs, await writePlanWorkbook(outDir, opened.headers, fmt, loaded.setup.lang));
  const capped = Object.keys(caps).length > 0;
  const summary = {
    ...planSummary(opened, loaded, totals, outputs),
    ...(budget && budgetAmount !== undefined ? { budget: budgetJson(budget) } : {}),
    ...(budget && capped ? { capacity: capacityJson(budget) } : {}),
  };
  await writeFileAtomic(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  if (flags.json) ctx.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else if (!flags.quiet) ctx.stdout.write(renderPlanSummary(summary, totals, flags.out, ctx.color, loaded.setup.lang, new Map([...loaded.setup.playbook.reasons.map((r) => [r.code, r.label[loaded.setup.lang]] as const), ['retention', messages(loaded.setup.lang).report.retentionRow] as const])));
  if (budget && budgetAmount !== undefined && !flags.json && !flags.quiet) ctx.stdout.write(budgetLine(budget, loaded.setup.config.model.currencySymbol, loaded.setup.lang));
  if (budget && capped && !flags.json && !flags.quiet) ctx.stdout.write(capacityLine(budget, loaded.setup.lang));
  const warning = messages(loaded.setup.lang).common.warning;
  for (const w of readSavedWarnings(loaded.setup.lang, summary.warnings, summary.warning_keys)) ctx.stderr.write(`${warning}: ${w}\n`);
  return ExitCode.ok;
}

/** The summary.json document of a plan run. */
export function planSummary(opened: Awaited<ReturnType<typeof openLostCustomers>>, loaded: Awaited<ReturnType<typeof loadPlanSetup>>, t: PlanTotals, outputs: RunOutputs) {
  const { stats } = opened;
  const reasons = Object.fromEntries(
    Object.entries(t.reasons)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([code, r]) => [code, {
        count: r.count, win_back: r.win_back, value_at_stake: cents(r.value_at_stake), expected_value: cents(r.expected_value),
        ...(t.costs_known ? { value_at_stake_win_back: cents(r.value_at_stake_win_back), contact_cost: cents(r.contact_cost), incentive_cost: cents(r.incentive_cost) } : {}),
      }]),
  );
  // The run's own warnings are saved as catalogue keys beside their English text (a report in another language words them again).
  const warnings: Noted[] = [...opened.warningKeys, ...loaded.warnings, ...totalsNotes(t, loaded.setup.config.model.defaultMarginPercent)];
  return {
    tool: 'winback',
    version: VERSION,
    as_of: formatIsoDay(loaded.setup.asOf),
    input: { file: opened.label, sha256: stats.sha256, rows: stats.read },
    input_rows: stats.read,
    accepted: stats.accepted,
    rejected: stats.rejected,
    decisions: t.decisions,
    // Win-back and retention counted apart (the retention track is also the reasons' "retention" row).
    tracks: trackTotals(t),
    reasons,
    value_at_stake_total: cents(t.value_at_stake_total),
    expected_value_total: cents(t.expected_value_total),
    // The plan's money (docs/report.md): win_back customers only; cost = contacts + expected incentives.
    ...(t.costs_known ? {
      value_at_stake_win_back_total: cents(t.value_at_stake_win_back_total),
      contact_cost_total: cents(t.contact_cost_total),
      incentive_cost_total: cents(t.incentive_cost_total),
      currency: loaded.setup.config.model.currencySymbol,
    } : {}),
    playbook: { source: loaded.sources.playbookSource, sha256: loaded.sources.playbookSha256 },
    config_sha256: loaded.sources.configSha256,
    model_sha256: loaded.sources.modelSha256,
    // What the contact channels were checked against: a report on this directory re-checks with it.
    permission: loaded.setup.config.permission,
    // Renamed into place before this file: a report checks them against these sizes.
    outputs,
    ...savedWarnings(warnings),
  };
}

async function runExplain(ctx: Context, file: string, flags: PlanCommandFlags, id: string): Promise<number> {
  const budgetAmount = parseBudget(flags.budget, resolveLang(flags.lang, ctx.env));
  const caps = parseCapacity(flags.capacity, resolveLang(flags.lang, ctx.env));
  const loaded = await loadPlanSetup(ctx, planOptions(ctx, flags));
  // With --budget or --capacity the customer is explained as the limited plan.csv has them (the choice needs every row first).
  await chooseWithinLimits(ctx, file, loaded, budgetAmount, caps, { threads: resolveThreads(flags.threads, ctx.env, loaded.setup.lang), minParallelBytes: resolveParallelMinBytes(ctx.env, loaded.setup.lang) });
  loaded.setup.explain = true;
  const first = await openLostCustomers(ctx, file, loaded);
  // Only the customer asked about is planned: a plan depends on its own row alone, and the
  // reader decides duplicate ids (a second reading when a later row wins), so the one
  // accepted row with the id is the one plan.csv keeps.
  const { made: { found, rejected } } = await planExport(ctx, file, loaded, first, {
    order: 'input',
    checkRejects: false,
    start: () => ({ found: undefined as PlannedCustomer | undefined, rejected: undefined as Reject | undefined }),
    only: (values) => values.customer_id === id,
    customer: (made, p) => void (made.found ??= p),
    reject: (made, r) => void (r.customer_id.trim() === id.trim() && (made.rejected ??= r)),
  });
  const say = messages(loaded.setup.lang).explain;
  // A row the reader rejected is named with its problem, as rejects.csv has it.
  if (!found && rejected) throw new DataError(say.rejectedRow(id, first.label, rejected.line, rejected.error), say.notAcceptedHint);
  if (!found) throw new UsageError(say.notAccepted(id, first.label), say.notAcceptedHint);
  const { explainJson, renderExplain } = await import('../io/plan/render.js');
  ctx.stdout.write(flags.json ? `${JSON.stringify(explainJson(found, loaded.setup), null, 2)}\n` : renderExplain(found, loaded.setup));
  // What the settings warn about (config, playbook, model) bears on the decision explained.
  const warning = messages(loaded.setup.lang).common.warning;
  for (const w of loaded.warnings) ctx.stderr.write(`${warning}: ${sayNoted(loaded.setup.lang, w) ?? ''}\n`);
  return ExitCode.ok;
}

/** The choice under --budget and --capacity (a capacity alone: an unlimited budget), or undefined without either. */
function chooseWithinLimits(ctx: Context, file: string, loaded: LoadedPlanSetup, amount: number | undefined, caps: ReturnType<typeof parseCapacity>, planning: { threads: number; minParallelBytes: number }): Promise<BudgetFigures | undefined> {
  if (amount === undefined && Object.keys(caps).length === 0) return Promise.resolve(undefined);
  return chooseWithinBudget(ctx, file, loaded, amount ?? Infinity, caps, planning);
}
