import { join, resolve } from 'node:path';
import type { Context } from '../io/context.js';
import { parseRate, resolveAsOf } from '../cli/options.js';
import { selectForCampaign, type CampaignRules } from '../domain/campaign.js';
import { campaignId, newLedgerEntries } from '../domain/contact-history.js';
import { formatIsoDay } from '../domain/dates.js';
import { CHANNELS, type Channel } from '../domain/playbook-types.js';
import { DECISION_RANK } from '../domain/plan.js';
import { ExitCode, UsageError } from '../errors.js';
import { prepareFile, removeStaleTemps, type PreparedFile } from '../io/atomic-write.js';
import { CampaignFiles, formatChanges, listValues, readPreviousStatus } from '../io/campaign-output.js';
import { resolveOutputFormat, type RawOutputFlags } from '../cli/output-format.js';
import { prepareCampaignWorkbook } from '../io/xlsx-outputs.js';
import { withLocks, type HeldLock } from '../io/lock.js';
import { ensureOutputDir, removeCreatedDirs } from '../io/output-dir.js';
import { createProgress } from '../io/progress.js';
import { SortedSpool } from '../io/sorted-spool.js';
import { readSuppression } from '../io/suppression-file.js';
import { checkRejectRate, loadPlanSetup, openLostCustomers, streamPlan, type LoadedPlanSetup, type PlanFlags } from '../pipeline/plan-setup.js';
import { commitCampaign } from './campaign-commit.js';
import { loadCampaignHistory, settleInterrupted, type HistorySettings } from './campaign-ledger.js';
import { buildSerialGuard, readSerialOutcomes } from './campaign-serial.js';
import { distributeInPriorityOrder, spoolChoice } from './campaign-distribute.js';
import { campaignManifest, summaryLine, type CampaignCounts } from './campaign-summary.js';
import { refuseStdout } from '../io/table-output.js';

export interface CampaignFlags extends PlanFlags, RawOutputFlags {
  out?: string;
  period?: string;
  ledger?: string;
  suppress?: string;
  capacity?: string;
  holdout?: string;
  /** customers who came back (winback results' outcomes file), for the serial-defector guard */
  outcomes?: string;
  previous?: string;
  dryRun?: boolean;
  force?: boolean;
  json?: boolean;
  quiet?: boolean;
}

/** `winback campaign`: this period's contact lists, permission-checked, paced by the ledger. */
export async function runCampaign(ctx: Context, file: string, flags: CampaignFlags): Promise<number> {
  if (!flags.out) throw new UsageError('--out DIR is required', 'e.g. winback campaign export.csv --out out/week --as-of 2026-11-23');
  refuseStdout('--out', flags.out, 'a list per channel, excluded.csv, rejects.csv and summary.json');
  const loaded = await loadPlanSetup(ctx, flags);
  const outDir = resolve(ctx.cwd, flags.out);
  const periodDays = parsePeriod(flags.period, loaded.setup.config.campaign.periodDays);
  const ledgerPath = flags.ledger !== undefined ? resolve(ctx.cwd, flags.ledger) : undefined;
  const caps = parseCapacity(flags.capacity);
  const holdout = flags.holdout === undefined ? 0 : parseRate('--holdout', flags.holdout);
  const created = await ensureOutputDir(outDir, flags.out);
  try {
    // One lock on the ledger and one on the output directory: runs sharing either wait their turn.
    return await withLocks(ledgerPath ? [ledgerPath, outDir] : [outDir], (lock) => runLocked(ctx, file, flags, { loaded, outDir, periodDays, ledgerPath, caps, holdout, lock }));
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
  lock: HeldLock;
}

async function runLocked(ctx: Context, file: string, flags: CampaignFlags, r: RunSetup): Promise<number> {
  const { loaded, outDir, ledgerPath } = r;
  const { asOf } = loaded.setup;
  const id = campaignId(asOf, r.periodDays);
  const { history, serial, rules, previous, warnings } = await prepareRun(ctx, flags, r, id);
  const opened = await openLostCustomers(ctx, file, loaded);
  const output = resolveOutputFormat(flags, loaded.setup.config.output);
  const fmt = output.csv;
  const files = await CampaignFiles.open(outDir, fmt, true);
  const spool = new SortedSpool();
  const progress = createProgress(ctx, { label: 'campaign', totalBytes: opened.sizeBytes, quiet: flags.quiet || flags.json });
  const counts: CampaignCounts = { lists: Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>, excluded: {}, warnings: 0 };
  const recording = ledgerPath !== undefined && !flags.dryRun;
  let result: Awaited<ReturnType<typeof distributeInPriorityOrder>>;
  let prepared: PreparedFile[];
  try {
    await streamPlan(opened, loaded.setup, (planned) => {
      const p = serial ? serial.apply(planned) : planned;
      const choice = selectForCampaign(p, rules);
      if (choice.warnings.length > 0) counts.warnings++;
      const row = choice.kind === 'list' ? files.listRowAround(choice.channel, listValues(p, choice.channel, 0, choice.contact)) : undefined;
      const record = spoolChoice(choice, p.row.customer_id, p.channel ?? '', `${p.reason.code}:${p.value.offer_type ?? 'none'}`, row);
      spool.push(DECISION_RANK[p.value.decision], p.value.expected_value ?? -Number.MAX_VALUE, p.row.line, record, '');
    }, (rej) => files.reject(rej), () => progress.update(opened.stats.read, opened.stats.bytes));
    progress.done();
    checkRejectRate(opened, loaded.rejectLimit);
    result = await distributeInPriorityOrder(spool, files, counts, { asOf, campaignId: id, caps: r.caps, ledger: history.index, trackStatus: previous !== undefined, trackContacts: recording });
    prepared = await files.prepare();
  } catch (err) {
    progress.done();
    await files.abort();
    await spool.dispose();
    throw err;
  }
  try {
    if (previous) prepared.push(await prepareFile(join(outDir, 'changes.csv'), formatChanges(previous, result.status, fmt)));
    // The workbook is made from the prepared lists and committed with them.
    if (output.xlsx) prepared.push(await prepareCampaignWorkbook(outDir, fmt, prepared));
  } catch (err) {
    for (const f of prepared) await f.discard();
    throw err;
  }
  if (serial) warnings.push(...serial.warnings());
  const { scan } = history;
  const manifest = await commitCampaign({
    outDir, prepared, lock: r.lock,
    extra: [],
    ...(recording && ledgerPath ? { ledger: { path: ledgerPath, scan, state: history.state, fresh: newLedgerEntries(history.index, result.planned), campaignId: id, asOf: formatIsoDay(asOf) } } : {}),
    runSeed: JSON.stringify([id, formatIsoDay(asOf), opened.stats.sha256, scan.sha256, loaded.sources.configSha256, loaded.sources.playbookSha256]),
    summary: (outputs, after) => campaignManifest({
      opened, loaded, periodDays: r.periodDays, id, counts, ledgerPath, before: { entries: scan.entries, sha256: scan.sha256 }, after,
      dryRun: Boolean(flags.dryRun), holdout: r.holdout, outputs, warnings,
    }),
  }) as ReturnType<typeof campaignManifest>;
  if (flags.json) ctx.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
  else if (!flags.quiet) ctx.stdout.write(`${summaryLine(manifest)}\n`);
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
  await settleInterrupted(ctx, settings);
  // Temporary files of a run that was killed are litter, never outputs.
  await removeStaleTemps(outDir);
  const outcomes = flags.outcomes !== undefined ? await readSerialOutcomes(ctx, flags.outcomes, loaded) : undefined;
  const history = await loadCampaignHistory({ ...settings, ...(outcomes ? { keep: outcomes.outcomes.keys() } : {}) });
  const warnings = [...history.warnings];
  if (!ledgerPath) warnings.push('no --ledger: pacing is off (earlier contacts are not known, so the lists may contact people again, and this run is not recorded); give --ledger FILE');
  for (const w of warnings) ctx.stderr.write(`warning: ${w}\n`);
  const serial = outcomes ? buildSerialGuard(outcomes, history.kept, loaded) : undefined;
  const rules: CampaignRules = {
    asOf, periodEnd: asOf + r.periodDays - 1, campaignId: id, permission: loaded.setup.config.permission,
    ledger: history.index, campaign: loaded.setup.config.campaign, holdout: r.holdout, ...(serial ? { regained: serial.regained } : {}),
    ...(flags.suppress !== undefined ? { suppression: await readSuppression(ctx, flags.suppress, loaded.setup.config.permission.defaultPhoneCountry) } : {}),
  };
  // Suppressed customers are `never` in the plan itself: permission is decided before value.
  if (rules.suppression) loaded.setup.suppression = rules.suppression;
  const previous = previousDir !== undefined ? await readPreviousStatus(previousDir) : undefined;
  if (flags.previous !== undefined && previous === undefined) ctx.stderr.write(`warning: --previous ${flags.previous} does not exist yet; no changes.csv this time\n`);
  return { history, serial, rules, previous, warnings };
}

function parsePeriod(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const m = /^(\d+)\s*([dw]?)$/i.exec(text.trim());
  const days = m ? Number(m[1]) * (m[2]?.toLowerCase() === 'w' ? 7 : 1) : NaN;
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new UsageError(`--period '${text}' must be a number of days or weeks, e.g. 7d or 2w`);
  return days;
}

function parseCapacity(text: string | undefined): Partial<Record<Channel, number>> {
  if (text === undefined) return {};
  const caps: Partial<Record<Channel, number>> = {};
  for (const part of text.split(',')) {
    const [ch, n] = part.split('=').map((s) => s.trim());
    if (!CHANNELS.includes(ch as Channel) || !/^\d+$/.test(n ?? '')) {
      throw new UsageError(`--capacity '${part}' must look like channel=number`, `channels: ${CHANNELS.join(', ')}; e.g. --capacity phone=50,visit=10`);
    }
    caps[ch as Channel] = Number(n);
  }
  return caps;
}

