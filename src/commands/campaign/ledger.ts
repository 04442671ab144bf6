/**
 * The contact history of a campaign run: an interrupted commit settled first, then the ledger
 * streamed once into a per-customer index, and the changes that would contact people again
 * stopped (src/domain/campaign/ledger-guard.ts).
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Context } from '../../io/context.js';
import { ContactIndex, emptyContactIndex, type LedgerEntry } from '../../domain/campaign/contact-history.js';
import { customerKey } from '../../domain/campaign/customer-key.js';
import { idFingerprint } from '../../domain/id-index.js';
import { checkLedgerChanges, checkLedgerElsewhere, type KnownLedger, type RecordedLedger } from '../../domain/campaign/ledger-guard.js';
import type { EpochDay } from '../../domain/types.js';
import { DataError } from '../../errors.js';
import { scanLedgerKeyed, type LedgerScan } from '../../io/ledger/ledger.js';
import { readLedgerState, readPendingMarker, settlePending, type LedgerState, type PendingRun } from '../../io/ledger/state.js';
import { withLocks } from '../../io/lock.js';
import { keyedError, messages, type Lang, type Noted } from '../../domain/catalogue/index.js';

export interface HistorySettings {
  ledgerPath: string | undefined;
  outDir: string;
  previousDir: string | undefined;
  asOf: EpochDay;
  today: EpochDay;
  campaignId: string;
  force: boolean;
  dryRun: boolean;
  /** keep the entries of these customers in full (the serial-defector guard needs them) */
  keep?: Iterable<string>;
}

export interface CampaignHistory {
  index: ContactIndex;
  scan: LedgerScan;
  state: LedgerState;
  kept: LedgerEntry[];
  warnings: Noted[];
}

const NEW_STATE: LedgerState = { tool: 'winback', kind: 'ledger-state', version: 1 };
// A ledger line is ~45 bytes, and a customer has a few lines (attempts, control): sizing the index
// for a quarter of the lines grows it once at most, without holding a table for every line.
const BYTES_PER_ENTRY = 45;

/**
 * Settles interrupted commits that involve this run's ledger or output directory. Call it
 * holding the locks on both; the other side of such a commit is locked here.
 */
export async function settleInterrupted(ctx: Context, s: HistorySettings, lang: Lang): Promise<void> {
  const say = messages(lang);
  const pendings: PendingRun[] = [];
  const fromLedger = s.ledgerPath ? (await readLedgerState(s.ledgerPath))?.pending : undefined;
  if (fromLedger) pendings.push(fromLedger);
  const fromOut = await readPendingMarker(s.outDir);
  if (fromOut && fromOut.run_id !== fromLedger?.run_id) pendings.push(fromOut);
  for (const p of pendings) {
    // A dry run writes nothing, so it settles nothing: the next real run completes or rolls back.
    if (s.dryRun) {
      ctx.stderr.write(`${say.common.warning}: ${say.campaign.interruptedDryRun(p.run_id, p.out)}\n`);
      continue;
    }
    const others = [p.ledger, p.out].map((x) => resolve(x)).filter((x) => x !== s.ledgerPath && x !== s.outDir);
    const settled = await withLocks(others, () => settlePending(p, s.force, lang));
    const lost = (settled.lostOutputs ?? []).join(', ');
    ctx.stderr.write(`${say.common.warning}: ${say.campaign.interrupted(settled.runId, p.out, settled.action === 'completed', lost)}\n`);
  }
}

/** Streams the ledger into an index for this run and checks it for changes that would contact people again. */
export async function loadCampaignHistory(s: HistorySettings): Promise<CampaignHistory> {
  const guardRun = { asOf: s.asOf, today: s.today, force: s.force, dryRun: s.dryRun };
  // The last run's contacts, recorded in another ledger than this run's (or this run has none).
  const recorded = await recordedLedgers([s.outDir, s.previousDir]);
  const elsewhere = recorded.find((l) => l.file !== s.ledgerPath && l.entries > 0);
  if (s.ledgerPath === undefined) {
    const other = elsewhere === undefined ? undefined : checkLedgerElsewhere('', 0, elsewhere, guardRun);
    if (other?.stop) throw keyedError((message, hint) => new DataError(message, hint), other.stop.message, other.stop.hint);
    return { index: emptyContactIndex(s.asOf, s.campaignId), scan: noLedger(), state: NEW_STATE, kept: [], warnings: other?.warnings ?? [] };
  }
  const path = s.ledgerPath;
  const state = (await readLedgerState(path)) ?? NEW_STATE;
  const fromState = state.last_run
    ? { entries: state.last_run.entries, bytes: state.last_run.bytes, runId: state.last_run.run_id, campaignId: state.last_run.campaign_id, source: `${path}.state.json`, sha256: state.last_run.sha256 }
    : undefined;
  // The last lists' summary counts too: a ledger and its state file restored together from a backup agree with each
  // other, but not with the run that came after the backup (its contacts would be made again).
  const fromSummaries = knownFromSummaries(path, recorded);
  const known = fromState !== undefined && (fromSummaries === undefined || fromSummaries.entries <= fromState.entries) ? fromState : fromSummaries;
  const size = await stat(path).then((st) => st.size, () => 0);
  const index = new ContactIndex({ asOf: s.asOf, campaignId: s.campaignId, expectedCustomers: Math.ceil(size / BYTES_PER_ENTRY / 4) });
  const kept: LedgerEntry[] = [];
  const keep = s.keep ? keyFilter(s.keep) : undefined;
  const scan = await scanLedgerKeyed(path, {
    entry: (a, b, day, campaign, control) => index.addKeyed(a, b, day, campaign, control),
    ...(keep ? { want: keep, whole: (e: LedgerEntry) => kept.push(e) } : {}),
  }, { exceptCampaign: s.campaignId, ...(known?.sha256 ? { prefixBytes: known.bytes } : {}) });
  const startsAsLeft = known?.sha256 && scan.bytes >= known.bytes ? scan.prefixSha256 === known.sha256 : undefined;
  const facts = { path, entries: scan.entries, bytes: scan.bytes, ...(scan.latest ? { latest: scan.latest } : {}), ...(startsAsLeft !== undefined ? { startsAsLeft } : {}) };
  const checked = checkLedgerChanges(facts, known, guardRun);
  if (checked.stop) throw keyedError((message, hint) => new DataError(message, hint), checked.stop.message, checked.stop.hint);
  const other = elsewhere === undefined ? undefined : checkLedgerElsewhere(path, scan.entries, elsewhere, guardRun);
  if (other?.stop) throw keyedError((message, hint) => new DataError(message, hint), other.stop.message, other.stop.hint);
  return { index, scan, state, kept, warnings: [...checked.warnings, ...(other?.warnings ?? [])] };
}

function noLedger(): LedgerScan {
  return { exists: false, bytes: 0, sha256: '', entries: 0, endsWithNewline: true, shaAfter: () => '' };
}

/** A ledger without a state file (written before there was one): what the last summaries (`recorded`) say of it. */
function knownFromSummaries(ledger: string, recorded: readonly RecordedLedger[]): (KnownLedger & { sha256?: string }) | undefined {
  let best: (KnownLedger & { sha256?: string }) | undefined;
  for (const r of recorded) {
    if (r.file !== ledger) continue;
    if (best === undefined || r.entries > best.entries) best = { entries: r.entries, bytes: 0, source: r.source, ...(r.campaignId !== undefined ? { campaignId: r.campaignId } : {}) };
  }
  return best;
}

/** The ledgers the summaries in `dirs` (the last run's lists) record, with their entries after that run. */
async function recordedLedgers(dirs: (string | undefined)[]): Promise<RecordedLedger[]> {
  const out: RecordedLedger[] = [];
  for (const dir of dirs) {
    if (dir === undefined) continue;
    const file = join(dir, 'summary.json');
    const summary = await readFile(file, 'utf8').then((t) => JSON.parse(t) as { ledger?: { file?: unknown; after?: { entries?: unknown } }; campaign_id?: unknown }, () => undefined);
    const ledger = summary?.ledger?.file;
    const entries = summary?.ledger?.after?.entries;
    if (typeof ledger === 'string' && typeof entries === 'number') out.push({ file: ledger, entries, source: file, ...(typeof summary?.campaign_id === 'string' ? { campaignId: summary.campaign_id } : {}) });
  }
  return out;
}

/** Whether a key fingerprint is one of these customers' (the first hash sorts out almost all others). */
function keyFilter(ids: Iterable<string>): (a: number, b: number) => boolean {
  const keys = new Set<string>();
  const firsts = new Set<number>();
  for (const id of ids) {
    const [a, b] = idFingerprint(customerKey(id));
    firsts.add(a);
    keys.add(`${a},${b}`);
  }
  return (a, b) => firsts.has(a) && keys.has(`${a},${b}`);
}
