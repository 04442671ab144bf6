/** `winback report`: what was lost, why, what it is worth, whom to approach when — in the terminal, as JSON or as one HTML file. */
import { resolve } from 'node:path';
import type { Context } from '../io/context.js';
import type { Report } from '../domain/report-finish.js';
import { ExitCode, UsageError } from '../errors.js';
import { messages, type Lang } from '../domain/messages.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { detectReportSource } from '../io/report-input.js';
import { renderReport } from '../io/report-render.js';
import { loadPlanSetup, type LoadedPlanSetup, type PlanFlags } from '../pipeline/plan-setup.js';
import { reportFromCampaignDir, reportFromExport, reportFromPlanDir } from '../pipeline/report-build.js';

export interface ReportFlags extends PlanFlags {
  html?: string;
  json?: boolean;
  /** --outlier-share: percent of the expected profit above which one customer is flagged */
  outlierShare?: string;
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
  const loaded = await loadPlanSetup(ctx, flags);
  const report = await buildReport(ctx, input, flags, loaded);
  const lang = loaded.setup.lang;
  if (flags.html !== undefined) {
    const { renderReportHtml } = await import('../io/report-html.js');
    await writeFileAtomic(resolve(ctx.cwd, flags.html), renderReportHtml(report, { lang, reasonLabels: reasonLabels(loaded) }));
  }
  if (flags.json) ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else ctx.stdout.write(renderReport(report, { color: ctx.color, lang }));
  return ExitCode.ok;
}

async function buildReport(ctx: Context, input: string, flags: ReportFlags, loaded: LoadedPlanSetup): Promise<Report> {
  const path = input === '-' ? '-' : resolve(ctx.cwd, input);
  const kind = await detectReportSource(path, input, loaded.setup.lang);
  // An output directory keeps its own run date unless --as-of (or WINBACK_AS_OF) says otherwise.
  const asOfGiven = flags.asOf !== undefined || Boolean(ctx.env.WINBACK_AS_OF);
  const share = parseOutlierShare(flags.outlierShare, loaded.setup.lang);
  if (kind === 'plan') return reportFromPlanDir(path, input, loaded, asOfGiven, share);
  if (kind === 'campaign') return reportFromCampaignDir(path, input, loaded, asOfGiven, share);
  return reportFromExport(ctx, input, loaded, share);
}

function reasonLabels(loaded: LoadedPlanSetup): Record<string, string> {
  const labels = Object.fromEntries(loaded.setup.playbook.reasons.map((r) => [r.code, r.label[loaded.setup.lang]]));
  // The retention track's row, apart from the departure reasons.
  return { ...labels, retention: messages(loaded.setup.lang).report.retentionRow };
}
