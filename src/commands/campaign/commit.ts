/**
 * The commit of a campaign run. Every output is first written whole to a temporary file; then,
 * with a ledger, the commit is recorded as pending (src/io/ledger/state.ts), the ledger is
 * appended, and only then are the outputs renamed into place, summary.json last. A failure
 * before the append leaves last week's lists and the ledger as they were; one after it leaves a
 * pending record from which the next run completes the renames. The lists in place and the
 * ledger always belong to the same run.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { noteOf, sayNoted } from '../../domain/catalogue/index.js';
import { WinbackError } from '../../errors.js';
import { prepareFile, type PreparedFile } from '../../io/atomic-write.js';
import { appendLedgerBytes, type LedgerAppend, type LedgerScan } from '../../io/ledger/ledger.js';
import { clearPending, recordPending, writeLedgerState, type LedgerMark, type LedgerState, type PendingRun } from '../../io/ledger/state.js';
import type { HeldLock } from '../../io/lock.js';
import type { RunOutputs } from '../../io/run-outputs.js';

export interface LedgerCommit {
  path: string;
  scan: LedgerScan;
  state: LedgerState;
  /** the run's new entries, formatted */
  fresh: Pick<LedgerAppend, 'length' | 'bytes'>;
  campaignId: string;
  asOf: string;
}

/** What the summary says of the ledger. */
export interface LedgerAfter {
  runId: string;
  entries: number;
  sha256: string;
  appended: number;
}

export interface CommitPlan {
  outDir: string;
  /** the run's streamed outputs, prepared (whole and synced, not renamed) */
  prepared: PreparedFile[];
  /** further small outputs (changes.csv) */
  extra: { name: string; data: string }[];
  /** with a ledger, unless --dry-run */
  ledger?: LedgerCommit;
  /** identifies the run: the same inputs give the same id */
  runSeed: string;
  summary: (outputs: RunOutputs, ledger: LedgerAfter | undefined) => unknown;
  lock: HeldLock;
}

/** Commits the run's outputs and ledger entries together; returns the summary document written. */
export async function commitCampaign(plan: CommitPlan): Promise<unknown> {
  const files = [...plan.prepared];
  let committed = false;
  try {
    for (const e of plan.extra) files.push(await prepareFile(join(plan.outDir, e.name), e.data));
    const outputs: RunOutputs = Object.fromEntries(files.map((f) => [basename(f.path), { bytes: f.bytes }]));
    const runId = createHash('sha256').update(plan.runSeed).digest('hex').slice(0, 12);
    const l = plan.ledger;
    const data = l && l.fresh.length > 0 ? l.fresh.bytes(l.scan.bytes, l.scan.endsWithNewline) : undefined;
    const after = l ? { runId, entries: l.scan.entries + l.fresh.length, sha256: data ? l.scan.shaAfter(data) : l.scan.sha256, appended: l.fresh.length } : undefined;
    const doc = plan.summary(outputs, after);
    files.push(await prepareFile(join(plan.outDir, 'summary.json'), `${JSON.stringify(doc, null, 2)}\n`));
    const mark: LedgerMark | undefined = l && after ? { run_id: runId, campaign_id: l.campaignId, as_of: l.asOf, entries: after.entries, bytes: l.scan.bytes + (data?.length ?? 0), sha256: after.sha256 } : undefined;
    plan.lock.assertHeld();
    if (l && data && mark) {
      const pending: PendingRun = {
        run_id: runId, ledger: l.path, out: plan.outDir,
        before: { bytes: l.scan.bytes, sha256: l.scan.sha256 }, after: { bytes: mark.bytes, sha256: mark.sha256 },
        files: files.map((f) => ({ name: basename(f.path), temp: basename(f.tempPath), bytes: f.bytes })), mark,
      };
      await recordPending(l.state, pending);
      try {
        await appendLedgerBytes(l.path, data, l.scan.bytes);
      } catch (err) {
        // The append cuts back what it wrote; only a ledger back at its old size clears the record
        // (otherwise the next run rolls it back).
        if (await sizeOf(l.path) === l.scan.bytes) await clearPending(pending, l.state, l.state.last_run);
        throw err;
      }
      // From here on the run is committed: an interruption leaves its outputs for the next run to rename.
      committed = true;
      for (const f of files) f.keepOnInterrupt();
      try {
        for (const f of files) await f.publish();
      } catch (err) {
        if (err instanceof WinbackError) {
          const hint = noteOf('campaign', { key: 'committedHint', args: [plan.outDir] });
          err.hint = sayNoted('en', hint);
          err.keyed = { ...err.keyed, hint };
        }
        throw err;
      }
      try {
        await clearPending(pending, l.state, mark);
      } catch (err) {
        // Everything is in place; the pending record left behind is completed by the next run. Say so, not "run again".
        if (err instanceof WinbackError) {
          const hint = noteOf('campaign', { key: 'committedStateHint', args: [`${l.path}.state.json`] });
          err.hint = sayNoted('en', hint);
          err.keyed = { ...err.keyed, hint };
        }
        throw err;
      }
    } else {
      for (const f of files) await f.publish();
      committed = true;
      if (l && mark) await writeLedgerState(l.path, { tool: 'winback', kind: 'ledger-state', version: 1, last_run: mark });
    }
    return doc;
  } catch (err) {
    if (!committed) for (const f of files) await f.discard();
    throw err;
  }
}

async function sizeOf(path: string): Promise<number> {
  return stat(path).then((s) => s.size, () => 0);
}
