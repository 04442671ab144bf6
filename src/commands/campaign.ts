import { join, resolve } from 'node:path';
import type { Context } from '../cli/context.js';
import { parseRate } from '../cli/options.js';
import { describeChange, selectForCampaign, type CampaignRules } from '../domain/campaign.js';
import { campaignId, indexLedger, newLedgerEntries } from '../domain/contact-history.js';
import { CHANNELS, type Channel } from '../domain/playbook-types.js';
import { DECISION_RANK } from '../domain/plan.js';
import { ExitCode, UsageError } from '../errors.js';
import { removeStaleTemps, writeFileAtomic } from '../io/atomic-write.js';
import { CampaignFiles, CHANGES_COLUMNS, listValues, readPreviousStatus } from '../io/campaign-output.js';
import type { RunOutputs } from '../io/run-outputs.js';
import { EXCEL_DE_CSV, formatCsv, PLAIN_CSV } from '../io/csv-write.js';
import { appendLedger, readLedger } from '../io/ledger.js';
import { withLock } from '../io/lock.js';
import { ensureOutputDir } from '../io/output-dir.js';
import { createProgress } from '../io/progress.js';
import { SortedSpool } from '../io/sorted-spool.js';
import { readSuppression } from '../io/suppression-file.js';
import { checkRejectRate, loadPlanSetup, openLostCustomers, streamPlan, type PlanFlags } from '../pipeline/plan-setup.js';
import { loadSerialGuard } from './campaign-serial.js';
import { distributeInPriorityOrder, spoolChoice } from './campaign-distribute.js';
import { campaignManifest, type CampaignCounts } from './campaign-summary.js';

export interface CampaignFlags extends PlanFlags {
  out?: string;
  period?: string;
  ledger?: string;
  suppress?: string;
  capacity?: string;
  holdout?: string;
  /** customers who came back (winback results' outcomes file), for the serial-defector guard */
  outcomes?: string;
  previous?: string;
  excel?: boolean;
  dryRun?: boolean;
  json?: boolean;
  quiet?: boolean;
}

/** `winback campaign`: this period's contact lists, permission-checked, paced by the ledger. */
export async function runCampaign(ctx: Context, file: string, flags: CampaignFlags): Promise<number> {
  if (!flags.out) throw new UsageError('--out DIR is required', 'e.g. winback campaign export.csv --out out/week --as-of 2026-11-23');
  const loaded = await loadPlanSetup(ctx, flags);
  const outDir = resolve(ctx.cwd, flags.out);
  const periodDays = parsePeriod(flags.period, loaded.setup.config.campaign.periodDays);
  const caps = parseCapacity(flags.capacity);
  const holdout = flags.holdout === undefined ? 0 : parseRate('--holdout', flags.holdout);
  await ensureOutputDir(outDir, flags.out);
  const ledgerPath = flags.ledger !== undefined ? resolve(ctx.cwd, flags.ledger) : undefined;
  return withLock(ledgerPath ?? outDir, async (lock) => {
    // Temporary files of a run that was killed are litter, never outputs.
    await removeStaleTemps(outDir);
    const ledger = ledgerPath ? await readLedger(ledgerPath) : { entries: [], exists: false, bytes: 0, sha256: '' };
    const ledgerIndex = indexLedger(ledger.entries);
    const serial = flags.outcomes !== undefined ? await loadSerialGuard(ctx, flags.outcomes, ledger.entries, loaded) : undefined;
    const { asOf } = loaded.setup;
    const id = campaignId(asOf, periodDays);
    const rules: CampaignRules = {
      asOf, periodEnd: asOf + periodDays - 1, campaignId: id, permission: loaded.setup.config.permission,
      ledger: ledgerIndex, campaign: loaded.setup.config.campaign, holdout, ...(serial ? { regained: serial.regained } : {}),
      ...(flags.suppress !== undefined ? { suppression: await readSuppression(ctx, flags.suppress) } : {}),
    };
    const previous = flags.previous !== undefined ? await readPreviousStatus(resolve(ctx.cwd, flags.previous)) : undefined;
    if (flags.previous !== undefined && previous === undefined) ctx.stderr.write(`warning: --previous ${flags.previous} does not exist yet; no changes.csv this time\n`);
    const opened = await openLostCustomers(ctx, file, loaded);
    const fmt = flags.excel ? EXCEL_DE_CSV : PLAIN_CSV;
    const files = await CampaignFiles.open(outDir, fmt, true);
    const spool = new SortedSpool();
    const progress = createProgress(ctx, { label: 'campaign', totalBytes: opened.sizeBytes, quiet: flags.quiet || flags.json });
    const counts: CampaignCounts = { lists: Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>, excluded: {}, warnings: 0 };
    let result: Awaited<ReturnType<typeof distributeInPriorityOrder>>;
    let outputs: RunOutputs;
    try {
      await streamPlan(opened, loaded.setup, (planned) => {
        const p = serial ? serial.apply(planned) : planned;
        const choice = selectForCampaign(p, rules);
        if (choice.warnings.length > 0) counts.warnings++;
        const row = choice.kind === 'list' ? files.listRowAround(choice.channel, listValues(p, choice.channel, 0)) : undefined;
        const record = spoolChoice(choice, p.row.customer_id, p.channel, `${p.reason.code}:${p.value.offer_type ?? 'none'}`, row);
        spool.push(DECISION_RANK[p.value.decision], p.value.expected_value ?? -Number.MAX_VALUE, p.row.line, record, '');
      }, (r) => files.reject(r), () => progress.update(opened.stats.read, opened.stats.bytes));
      progress.done();
      checkRejectRate(opened, loaded.maxRejectRate);
      result = await distributeInPriorityOrder(spool, files, counts, { asOf, campaignId: id, caps, ledger: ledgerIndex, trackStatus: previous !== undefined, trackContacts: ledgerPath !== undefined && !flags.dryRun });
      lock.assertHeld();
      outputs = await files.commit();
    } catch (err) {
      progress.done();
      await files.abort();
      await spool.dispose();
      throw err;
    }
    if (previous) outputs['changes.csv'] = { bytes: await writeChanges(outDir, previous, result.status, fmt) };
    const fresh = newLedgerEntries(ledgerIndex, result.planned);
    if (ledgerPath && !flags.dryRun && fresh.length > 0) await appendLedger(ledgerPath, fresh);
    const after = ledgerPath && !flags.dryRun ? await readLedger(ledgerPath) : ledger;
    const manifest = campaignManifest({ opened, loaded, periodDays, id, counts, ledgerPath, before: ledger, after, appended: ledgerPath && !flags.dryRun ? fresh.length : 0, dryRun: Boolean(flags.dryRun), holdout, outputs });
    if (serial) manifest.warnings.push(...serial.warnings());
    await writeFileAtomic(join(outDir, 'summary.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    if (flags.json) ctx.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
    else if (!flags.quiet) ctx.stdout.write(`${oneLine(manifest)}\n`);
    return ExitCode.ok;
  });
}

/** Writes changes.csv; returns its size in bytes. */
async function writeChanges(outDir: string, previous: Map<string, string>, now: Map<string, string>, fmt: typeof PLAIN_CSV): Promise<number> {
  const rows: unknown[][] = [];
  const ids = [...new Set([...previous.keys(), ...now.keys()])].sort();
  for (const id of ids) {
    const before = previous.get(id);
    const after = now.get(id);
    const inBefore = before?.startsWith('list:') ?? false;
    const inAfter = after?.startsWith('list:') ?? false;
    if (before === after || (!inBefore && !inAfter)) continue;
    const change = inAfter && !inBefore ? 'entered' : inBefore && !inAfter ? 'left' : 'moved';
    rows.push([id, change, before ?? '', after ?? '', describeChange(before, after)]);
  }
  const text = formatCsv(CHANGES_COLUMNS, rows, fmt);
  await writeFileAtomic(join(outDir, 'changes.csv'), text);
  return Buffer.byteLength(text);
}

function oneLine(m: ReturnType<typeof campaignManifest>): string {
  const lists = CHANNELS.map((c) => `${c} ${m.counts.lists[c]}`).join(', ');
  const excluded = Object.entries(m.counts.excluded).map(([k, v]) => `${k} ${v}`).join(', ');
  return `campaign ${m.campaign_id} (as of ${m.as_of}): ${m.input.rows} rows = ${m.accepted} accepted + ${m.rejected} rejected; lists: ${lists}; excluded: ${excluded || 'none'}; ledger +${m.ledger.appended}`;
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

