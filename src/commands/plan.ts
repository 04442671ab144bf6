import { join, resolve } from 'node:path';
import type { Context } from '../io/context.js';
import { formatIsoDay } from '../domain/dates.js';
import { cents, emptyTotals, type PlanTotals } from '../domain/plan-summary.js';
import type { PlannedCustomer } from '../domain/plan.js';
import { ExitCode, UsageError } from '../errors.js';
import { removeStaleTemps, writeFileAtomic } from '../io/atomic-write.js';
import { resolveOutputFormat, type RawOutputFlags } from '../cli/output-format.js';
import { writePlanWorkbook } from '../io/xlsx-outputs.js';
import { PlanFiles } from '../io/plan-output.js';
import { renderPlanSummary } from '../io/plan-render.js';
import type { RunOutputs } from '../io/run-outputs.js';
import { createProgress } from '../io/progress.js';
import { holdYoungGeneration, releaseYoungGeneration, tuneForStreaming } from '../pipeline/gc-tuning.js';
import { planAllRows, resolveThreads } from '../pipeline/parallel-plan.js';
import { checkRejectRate, loadPlanSetup, openLostCustomers, planRow, type PlanFlags } from '../pipeline/plan-setup.js';
import { VERSION } from '../version.js';
import { ensureOutputDir, removeCreatedDirs } from '../io/output-dir.js';
import { refuseStdout } from '../io/table-output.js';

export interface PlanCommandFlags extends PlanFlags, RawOutputFlags {
  out?: string;
  json?: boolean;
  explain?: string;
  quiet?: boolean;
  threads?: string;
}

/** `winback plan`: reading → classification → value → playbook, written to DIR atomically. */
export async function runPlan(ctx: Context, file: string, flags: PlanCommandFlags): Promise<number> {
  if (flags.explain !== undefined) return runExplain(ctx, file, flags, flags.explain);
  if (!flags.out) throw new UsageError('--out DIR is required', 'e.g. winback plan export.csv --out out/plan');
  refuseStdout('--out', flags.out, 'plan.csv, rejects.csv and summary.json');
  // Released again by planAllRows when the rows are planned on this thread.
  holdYoungGeneration();
  const loaded = await loadPlanSetup(ctx, flags);
  const threads = resolveThreads(flags.threads, ctx.env);
  const outDir = resolve(ctx.cwd, flags.out);
  const opened = await openLostCustomers(ctx, file, loaded);
  const created = await ensureOutputDir(outDir, flags.out);
  // Temporary files of a run that was killed are litter, never outputs.
  await removeStaleTemps(outDir);
  const output = resolveOutputFormat(flags, loaded.setup.config.output);
  const fmt = output.csv;
  const files = await PlanFiles.open(outDir, opened.headers, fmt, opened.dialect.delimiter);
  const totals = emptyTotals();
  const progress = createProgress(ctx, { label: 'plan', totalBytes: opened.sizeBytes, quiet: flags.quiet });
  const onProgress = () => progress.update(opened.stats.read, opened.stats.bytes);
  let outputs: RunOutputs;
  try {
    await planAllRows(opened, loaded.setup, files, totals, { threads, fmt, onProgress });
    checkRejectRate(opened, loaded.rejectLimit);
    outputs = await files.commit();
  } catch (err) {
    await files.abort();
    await removeCreatedDirs(created);
    throw err;
  } finally {
    progress.done();
  }
  if (output.xlsx) Object.assign(outputs, await writePlanWorkbook(outDir, opened.headers, fmt));
  const summary = planSummary(opened, loaded, totals, outputs);
  await writeFileAtomic(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  if (flags.json) ctx.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else if (!flags.quiet) ctx.stdout.write(renderPlanSummary(summary, totals, flags.out, ctx.color));
  for (const w of summary.warnings) ctx.stderr.write(`warning: ${w}\n`);
  return ExitCode.ok;
}

/** The summary.json document of a plan run. */
export function planSummary(opened: Awaited<ReturnType<typeof openLostCustomers>>, loaded: Awaited<ReturnType<typeof loadPlanSetup>>, t: PlanTotals, outputs: RunOutputs) {
  const { stats } = opened;
  const reasons = Object.fromEntries(
    Object.entries(t.reasons)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([code, r]) => [code, { count: r.count, win_back: r.win_back, value_at_stake: cents(r.value_at_stake), expected_value: cents(r.expected_value) }]),
  );
  const warnings = [...opened.warnings, ...loaded.warnings];
  if (t.default_margin_rows > 0) warnings.push(`${t.default_margin_rows} rows without margin: default ${loaded.setup.config.model.defaultMarginPercent} % used`);
  if (t.unknown_reasons > 0) warnings.push(`${t.unknown_reasons} rows with an unknown reason: see winback reasons for the texts`);
  if (t.row_warnings > 0) warnings.push(`${t.row_warnings} rows with unclear values (see the warnings column of plan.csv)`);
  return {
    tool: 'winback',
    version: VERSION,
    as_of: formatIsoDay(loaded.setup.asOf),
    input: { file: opened.label, sha256: stats.sha256, rows: stats.read },
    input_rows: stats.read,
    accepted: stats.accepted,
    rejected: stats.rejected,
    decisions: t.decisions,
    reasons,
    value_at_stake_total: cents(t.value_at_stake_total),
    expected_value_total: cents(t.expected_value_total),
    playbook: { source: loaded.sources.playbookSource, sha256: loaded.sources.playbookSha256 },
    config_sha256: loaded.sources.configSha256,
    model_sha256: loaded.sources.modelSha256,
    // What the contact channels were checked against: a report on this directory re-checks with it.
    permission: loaded.setup.config.permission,
    // Renamed into place before this file: a report checks them against these sizes.
    outputs,
    warnings,
  };
}

async function runExplain(ctx: Context, file: string, flags: PlanCommandFlags, id: string): Promise<number> {
  // Streams the file on this thread: no held young generation (bin/winback.js holds it for plan).
  releaseYoungGeneration();
  const loaded = await loadPlanSetup(ctx, flags);
  loaded.setup.explain = true;
  const opened = await openLostCustomers(ctx, file, loaded);
  let found: PlannedCustomer | undefined;
  // Only the customer asked about is planned: a plan depends on its own row alone, and a
  // duplicate id is rejected by the reader, so the first accepted row with the id is the one.
  tuneForStreaming();
  await opened.eachRow((ev) => {
    if (found === undefined && ev.ok && ev.values.customer_id === id) found = planRow(ev, loaded.setup);
  });
  if (!found) throw new UsageError(`customer '${id}' is not among the accepted rows of ${opened.label}`, 'check the id, or run winback inspect for rejects');
  const { explainJson, renderExplain } = await import('../io/plan-render.js');
  ctx.stdout.write(flags.json ? `${JSON.stringify(explainJson(found, loaded.setup), null, 2)}\n` : renderExplain(found, loaded.setup));
  return ExitCode.ok;
}
