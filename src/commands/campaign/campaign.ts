import { join, resolve } from 'node:path';
import type { Context } from '../../io/context.js';
import { parseCapacity, parseRate, resolveAsOf } from '../../cli/options.js';
import type { CampaignRules } from '../../domain/campaign/campaign.js';
import { messages, noteOf, sayNoted, type Lang, type Noted } from '../../domain/catalogue/index.js';
import { resolveLang } from '../../cli/lang.js';
import { campaignId } from '../../domain/campaign/contact-history.js';
import { LedgerAppend } from '../../io/ledger/ledger.js';
import { formatIsoDay } from '../../domain/dates.js';
import type { Channel } from '../../domain/playbook-types.js';
import { ExitCode, UsageError } from '../../errors.js';
import { prepareFile, removeStaleTemps, type PreparedFile } from '../../io/atomic-write.js';
import { formatChanges, parseListColumns, previousStatuses, readPreviousStatus } from '../../io/campaign-output.js';
import { resolveOutputFormat, type RawOutputFlags } from '../../cli/output-format.js';
import { prepareCampaignWorkbook } from '../../io/xlsx/outputs.js';
import { withLocks, type HeldLock } from '../../io/lock.js';
import { ensureOutputDir, removeCreatedDirs } from '../../io/output-dir.js';
import { createProgress } from '../../io/progress.js';
import { readSuppression } from '../../io/suppression-file.js';
import { planExport, resolveParallelMinBytes, resolveThreads, standByWorkersFor } from '../../engine/index.js';
import { checkOutcomesRejects, loadPlanSetup, openLostCustomers, type LoadedPlanSetup } from '../../pipeline/plan-setup.js';
import { planOptions, type PlanFlags } from '../../cli/plan-options.js';
import { discardPass, spoolChoices, type ChoicePass } from './choices.js';
import type { BudgetFigures } from '../../domain/budget/types.js';
import { budgetJson, budgetLine, chooseWithinBudget, parseBudget } from '../../pipeline/plan-budget.js';
import { commitCampaign } from './commit.js';
import { loadCampaignHistory, settleInterrupted, type HistorySettings } from './ledger.js';
import { buildSerialGuard, readSerialOutcomes, type SerialOutcomes } from './serial.js';
import { backIndex } from '../../domain/results/results.js';
import { distributeInPriorityOrder } from './distribute.js';
import { campaignManifest, summaryLine, type CampaignCounts } from './summary.js';
import { refuseStdout } from '../../io/table-output.js';

export interface CampaignFlags extends PlanFlags, RawOutputFlags {
  out?: string;
  period?: string;
  ledger?: string;
  suppress?: string;
  capacity?: string;
  holdout?: string;
  /** --test-offers: true without a share (the default share), else the share */
  testOffers?: string | boolean;
  /** --test-channels: true without a share (the default share), else the share */
  testChannels?: string | boolean;
  /** customers who came back (winback results' outcomes file), for the serial-defector guard */
  outcomes?: string;
  previous?: string;
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
  quiet?: boolean;
  budget?: string;
  /** list columns to write, comma-separated, in order */
  columns?: string;
  /** planning threads, this one included (resolveThreads) */
  threads?: string;
}

/** `winback campaign`: this period's contact lists, permission-checked, paced by the ledger. */
/** Below this share of the previous run's rows an export is named as possibly cut short (judgement: half). */
const FEWER_ROWS = 0.5;

export async function runCampaign(ctx: Context, file: string, flags: CampaignFlags): Promise<number> {
  if (!flags.out) {
    const say = messages(resolveLang(flags.lang, ctx.env)).flags;
    throw new UsageError(say.campaignOut, say.campaignOutHint);
  }
  refuseStdout('--out', flags.out, 'campaign');
  // The config is not read yet: the flag and the environment tell the language.
  const budgetAmount = parseBudget(flags.budget, resolveLang(flags.lang, ctx.env));
  await standByWorkersFor(ctx, file, flags.threads);
  const loaded = await loadPlanSetup(ctx, planOptions(ctx, flags));
  // Large exports are planned on worker threads too (docs/performance.md, "One engine").
  const planning = { threads: resolveThreads(flags.threads, ctx.env, loaded.setup.lang), minParallelBytes: resolveParallelMinBytes(ctx.env, loaded.setup.lang) };
  const outDir = resolve(ctx.cwd, flags.out);
  const periodDays = parsePeriod(flags.period, loaded.setup.config.campaign.periodDays, loaded.setup.lang);
  const ledgerPath = flags.ledger !== undefined ? resolve(ctx.cwd, flags.ledger) : undefined;
  const caps = parseCapacity(flags.capacity, loaded.setup.lang);
  const holdout = flags.holdout === undefined ? 0 : parseRate('--holdout', flags.holdout, loaded.setup.lang);
  const testOffers = testOfferShare(flags.testOffers, loaded.setup.config.campaign.testOffers, loaded.setup.lang);
  const testChannels = testOfferShare(flags.testChannels, loaded.setup.config.campaign.testChannels, loaded.setup.lang, '--test-channels');
  const columns = flags.columns === undefined ? undefined : parseListColumns(flags.columns, loaded.setup.lang);
  const created = await ensureOutputDir(outDir, flags.out);
  try {
    // One lock on the ledger and one on the output directory: a second run sharing either stops
    // at once (exit 75), before the budget's first pass over the export.
    return await withLocks(ledgerPath ? [ledgerPath, outDir] : [outDir], async (lock) => {
      // Customers who came back are left off the lists only as far as the file is read: a broken one stops the run.
      const outcomes = flags.outcomes !== undefined ? await readSerialOutcomes(ctx, flags.outcomes, loaded) : undefined;
      if (outcomes) {
        checkOutcomesRejects(outcomes, loaded.rejectLimit, loaded.setup.lang);
        // Each rejected row named (the first ten): its customer goes to a person, and the file can be mended.
        const say = messages(loaded.setup.lang);
        for (const r of outcomes.rejects.slice(0, 10)) ctx.stderr.write(`${say.common.warning}: ${say.campaign.outcomeRejectLine(outcomes.opened.label, r.line, r.column, r.value, r.error)}\n`);
      }
      // The budget picks whom the plan approaches at all (not a customer who came back); this run lists those of its period.
      const back = outcomes ? backIndex(outcomes.outcomes.values(), loaded.setup.asOf) : undefined;
      const budget = budgetAmount === undefined ? undefined : await chooseWithinBudget(ctx, file, loaded, budgetAmount, {}, planning, back);
      if (budget && !flags.json && !flags.quiet) ctx.stderr.write(budgetLine(budget, loaded.setup.config.model.currencySymbol, loaded.setup.lang));
      return runLocked(ctx, file, flags, { loaded, outDir, periodDays, ledgerPath, caps, holdout, testOffers, testChannels, lock, budget, columns, planning, outcomes });
    });
  } catch (err) {
    // A run that failed leaves no empty output folder behind.
    await removeCreatedDirs(created);
    throw err;
  }
}

interface RunSetup {
  loaded: LoadedPlanSetup;
  outDir: string;
  periodDays: number;
  ledgerPath: string | undefined;
  caps: Partial<Record<Channel, number>>;
  holdout: number;
  /** share of listed customers with a randomised offer */
  testOffers: number;
  /** share of listed customers with a randomised channel */
  testChannels: number;
  lock: HeldLock;
  /** what --budget chose (summary.json reports it) */
  budget: BudgetFigures | undefined;
  /** the list columns --columns chose; all without */
  columns: string[] | undefined;
  /** planning threads (this one included) and the smallest export planned with workers */
  planning: { threads: number; minParallelBytes: number };
  /** --outcomes, read and checked before the budget's pass */
  outcomes: SerialOutcomes | undefined;
}

async function runLocked(ctx: Context, file: string, flags: CampaignFlags, r: RunSetup): Promise<number> {
  const { loaded, outDir, ledgerPath } = r;
  const { asOf } = loaded.setup;
  const id = campaignId(asOf, r.periodDays);
  const { history, serial, rules, previous, warnings } = await prepareRun(ctx, flags, r, id);
  const first = await openLostCustomers(ctx, file, loaded);
  const output = resolveOutputFormat(flags, loaded.setup.config.output);
  const fmt = output.csv;
  const progress = createProgress(ctx, { label: 'campaign', totalBytes: first.sizeBytes, quiet: flags.quiet || flags.json, lang: loaded.setup.lang });
  const recording = ledgerPath !== undefined && !flags.dryRun;
  let pass: ChoicePass | undefined;
  let opened = first;
  let counts: CampaignCounts;
  let result: Awaited<ReturnType<typeof distributeInPriorityOrder>>;
  let prepared: PreparedFile[];
  let contacts: LedgerAppend | undefined;
  try {
    // The engine discards the pass of a failed run; from here on it is this command's.
    const settings = { loaded, outDir, fmt, rules, serial, ...r.planning, ...(r.columns ? { columns: r.columns } : {}) };
    const run = await planExport(ctx, file, loaded, first, spoolChoices(settings, (o) => progress.update(o.stats.read, o.stats.bytes)));
    pass = run.made;
    progress.done();
    opened = run.opened;
    const { files, spool } = run.made;
    counts = run.made.counts;
    contacts = recording ? new LedgerAppend(history.index) : undefined;
    result = await distributeInPriorityOrder(spool, files, counts, { asOf, campaignId: id, caps: r.caps, ledger: history.index, previousListed: previous?.listed, contacts, objectors: run.made.objectors, lang: loaded.setup.lang });
    prepared = await files.prepare();
  } catch (err) {
    progress.done();
    if (pass) await discardPass(pass);
    throw err;
  }
  try {
    if (previous) prepared.push(await prepareFile(join(outDir, 'changes.csv'), formatChanges(await previousStatuses(previous, result.status), result.status, fmt, loaded.setup.lang)));
    // The workbook is made from the prepared lists and committed with them.
    if (output.xlsx) prepared.push(await prepareCampaignWorkbook(outDir, fmt, prepared, r.columns, loaded.setup.lang));
  } catch (err) {
    for (const f of prepared) await f.discard();
    throw err;
  }
  if (serial) warnings.push(...serial.warnings());
  // Far fewer rows than last week's export: cut short at a line break, say, which nothing else in it shows.
  if (previous?.rows !== undefined && opened.stats.read < previous.rows * FEWER_ROWS) {
    const note = noteOf('campaign', { key: 'fewerRows', args: [opened.stats.read, previous.rows, flags.previous ?? previous.dir] });
    warnings.push(note);
    ctx.stderr.write(`${messages(loaded.setup.lang).common.warning}: ${sayNoted(loaded.setup.lang, note) ?? ''}\n`);
  }
  const { scan } = history;
  const manifest = await commitCampaign({
    outDir, prepared, lock: r.lock,
    extra: [],
    ...(contacts && ledgerPath ? { ledger: { path: ledgerPath, scan, state: history.state, fresh: contacts, campaignId: id, asOf: formatIsoDay(asOf) } } : {}),
    runSeed: JSON.stringify([id, formatIsoDay(asOf), opened.stats.sha256, scan.sha256, loaded.sources.configSha256, loaded.sources.playbookSha256]),
    summary: (outputs, after) => ({
      ...campaignManifest({
        opened, loaded, periodDays: r.periodDays, id, counts, ledgerPath, before: { entries: scan.entries, sha256: scan.sha256 }, after,
        dryRun: Boolean(flags.dryRun), holdout: r.holdout, testOffers: r.testOffers, testChannels: r.testChannels, outputs, warnings,
      }),
      // What --budget bought, as in plan's summary.json.
      ...(r.budget ? { budget: budgetJson(r.budget) } : {}),
    }),
  }) as ReturnType<typeof campaignManifest>;
  if (flags.json) ctx.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
  else if (!flags.quiet) ctx.stdout.write(`${summaryLine(manifest, loaded.setup.lang)}\n`);
  // What reading the export found (an objection in a column no field claims, a mixed decimal mark) reaches the cron
  // job's mail as plan's does; summary.json keeps it too.
  const warning = messages(loaded.setup.lang).common.warning;
  for (const w of opened.warnings) ctx.stderr.write(`${warning}: ${w}\n`);
  return ExitCode.ok;
}

/**
 * Everything the run decides by before it reads the export: an interrupted commit settled,
 * the ledger read and checked, the serial-defector guard, the rules, the previous lists.
 */
async function prepareRun(ctx: Context, flags: CampaignFlags, r: RunSetup, id: string) {
  const { loaded, outDir, ledgerPath } = r;
  const { asOf } = loaded.setup;
  const previousDir = flags.previous !== undefined ? resolve(ctx.cwd, flags.previous) : undefined;
  const today = resolveAsOf(undefined, {}, ctx.now);
  const settings: HistorySettings = { ledgerPath, outDir, previousDir, asOf, today, campaignId: id, force: Boolean(flags.force), dryRun: Boolean(flags.dryRun) };
  await settleInterrupted(ctx, settings, loaded.setup.lang);
  // Temporary files of a run that was killed are litter, never outputs.
  await removeStaleTemps(outDir);
  const { outcomes } = r;
  const history = await loadCampaignHistory({ ...settings, ...(outcomes ? { keep: outcomes.outcomes.keys() } : {}) });
  const warnings: Noted[] = [...history.warnings];
  const say = messages(loaded.setup.lang);
  if (!ledgerPath) warnings.push(noteOf('campaign', { key: 'noLedger', args: [] }));
  // Controls of earlier runs, listed now because --holdout was left out, end the comparison results makes.
  if (r.holdout === 0 && history.index.heldOut > 0) warnings.push(noteOf('campaign', { key: 'controlsUnheld', args: [history.index.heldOut] }));
  // The settings' warnings (config, playbook, model) first; summary.json keeps them with the run's own.
  for (const w of [...loaded.warnings, ...warnings]) ctx.stderr.write(`${say.common.warning}: ${sayNoted(loaded.setup.lang, w) ?? ''}\n`);
  const serial = outcomes ? buildSerialGuard(outcomes, history.kept, loaded) : undefined;
  const rules: CampaignRules = {
    asOf, periodEnd: asOf + r.periodDays - 1, campaignId: id, permission: loaded.setup.config.permission,
    ledger: history.index, campaign: loaded.setup.config.campaign, holdout: r.holdout, testOffers: r.testOffers, testChannels: r.testChannels, lang: loaded.setup.lang, ...(serial ? { regained: serial.regained, back: serial.back, unsureBack: serial.unsure } : {}),
    ...(flags.suppress !== undefined ? { suppression: await readSuppression(ctx, flags.suppress, loaded.setup.config.permission.defaultPhoneCountry, loaded.setup.lang) } : {}),
  };
  // Suppressed customers are `never` in the plan itself: permission is decided before value.
  if (rules.suppression) loaded.setup.suppression = rules.suppression;
  const previous = previousDir !== undefined ? await readPreviousStatus(previousDir, loaded.setup.lang) : undefined;
  if (flags.previous !== undefined && previous === undefined) ctx.stderr.write(`${say.common.warning}: ${say.campaign.previousMissing(flags.previous)}\n`);
  return { history, serial, rules, previous, warnings };
}

function parsePeriod(text: string | undefined, fallback: number, lang: Lang): number {
  if (text === undefined) return fallback;
  const m = /^(\d+)\s*([dw]?)$/i.exec(text.trim());
  const days = m ? Number(m[1]) * (m[2]?.toLowerCase() === 'w' ? 7 : 1) : NaN;
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new UsageError(messages(lang).flags.period(text));
  return days;
}

/**
 * The share of --test-offers (or --test-channels): the flag's (a bare flag: 20 %, judgement:
 * enough randomised contacts per offer or channel within a few runs while most customers keep
 * the plan's best action), else the config's.
 */
export function testOfferShare(flag: string | boolean | undefined, configured: number, lang: Lang, name = '--test-offers'): number {
  if (flag === undefined || flag === false) return configured;
  if (flag === true) return DEFAULT_TEST_OFFER_SHARE;
  return parseRate(name, flag, lang);
}

const DEFAULT_TEST_OFFER_SHARE = 0.2;
