/**
 * What winback remembers about a ledger between runs, in `<ledger>.state.json` beside it: the
 * ledger as the last run left it (entries, bytes, SHA-256), so that a ledger emptied or cut
 * short by hand is noticed before anyone is contacted again; and, while a run commits, the
 * pending commit itself. A run appends the ledger first and then renames its lists into
 * place; should it die in between, the pending record lets the next run complete it (the
 * temporary lists are still there) or roll it back (cut the ledger back to its old size), so
 * the lists in place and the ledger always belong to the same run. The same record is kept in
 * the output directory (`.winback-pending.json`) for a run that shares only the directory.
 */
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { DataError } from '../../errors.js';
import { writeFileAtomic } from '../atomic-write.js';
import { truncateLedger } from './ledger.js';
import { keyedError, messages, noteOf, type Lang, type SavedNote } from '../../domain/catalogue/index.js';

/** The ledger as a run left it. */
export interface LedgerMark {
  run_id: string;
  campaign_id: string;
  as_of: string;
  entries: number;
  bytes: number;
  sha256: string;
}

/** A run that has written its temporary outputs and is appending the ledger / renaming them. */
export interface PendingRun {
  run_id: string;
  ledger: string;
  out: string;
  before: { bytes: number; sha256: string };
  after: { bytes: number; sha256: string };
  /** outputs in the order they are renamed (summary.json last); temp is the name in `out` */
  files: { name: string; temp: string; bytes: number }[];
  /** the state once the run is complete */
  mark: LedgerMark;
}

export interface LedgerState {
  tool: 'winback';
  kind: 'ledger-state';
  version: 1;
  last_run?: LedgerMark;
  pending?: PendingRun;
}

export const statePath = (ledger: string): string => `${ledger}.state.json`;
export const pendingMarkerPath = (out: string): string => join(out, '.winback-pending.json');

const STATE_HINT = noteOf('ledger', { key: 'stateHint', args: [] });
const PENDING_HINT = noteOf('ledger', { key: 'pendingHint', args: [] });

/** A damaged state or pending file, worded in the reader's language where it is shown. */
function damaged(message: SavedNote, hint: SavedNote): DataError {
  return keyedError((m, h) => new DataError(m, h), message, hint);
}

/** Reads `<ledger>.state.json`; undefined when there is none (a ledger from an older version). */
export async function readLedgerState(ledger: string): Promise<LedgerState | undefined> {
  const path = statePath(ledger);
  const data = await readJson(path, STATE_HINT);
  if (data === undefined) return undefined;
  if (typeof data !== 'object' || data === null || (data as LedgerState).kind !== 'ledger-state') {
    throw damaged(noteOf('ledger', { key: 'stateNotState', args: [path] }), STATE_HINT);
  }
  return data as LedgerState;
}

export async function writeLedgerState(ledger: string, state: LedgerState): Promise<void> {
  await writeFileAtomic(statePath(ledger), `${JSON.stringify(state, null, 2)}\n`);
}

/** The pending run recorded in an output directory, if any. */
export async function readPendingMarker(out: string): Promise<PendingRun | undefined> {
  const data = await readJson(pendingMarkerPath(out), PENDING_HINT);
  if (data === undefined) return undefined;
  if (typeof data !== 'object' || data === null || typeof (data as PendingRun).run_id !== 'string') {
    throw damaged(noteOf('ledger', { key: 'pendingNotRecord', args: [pendingMarkerPath(out)] }), PENDING_HINT);
  }
  return data as PendingRun;
}

/** Records a commit as pending: in the ledger's state, then in the output directory. */
export async function recordPending(state: LedgerState, pending: PendingRun): Promise<void> {
  await writeLedgerState(pending.ledger, { ...state, pending });
  await writeFileAtomic(pendingMarkerPath(pending.out), `${JSON.stringify(pending, null, 2)}\n`);
}

/** Clears a pending commit: the output directory's record, then the ledger's (with `mark` as the last run). */
export async function clearPending(pending: PendingRun, state: LedgerState, mark: LedgerMark | undefined): Promise<void> {
  await unlink(pendingMarkerPath(pending.out)).catch(() => undefined);
  const { pending: _done, ...rest } = state;
  await writeLedgerState(pending.ledger, { ...rest, ...(mark ? { last_run: mark } : {}) });
}

/** `lostOutputs`: outputs of a rolled-back run that were gone although its ledger entries were all written. */
export type Settled = { action: 'completed' | 'rolled_back'; runId: string; lostOutputs?: string[] };

/**
 * Finishes a commit left pending by a run that died: completes it when the ledger holds the
 * whole append and every output is still there to rename, otherwise rolls it back (cuts the
 * ledger back to its size before the run, removes the temporary outputs). Call it holding the
 * locks on the ledger and on the output directory.
 */
export async function settlePending(pending: PendingRun, force: boolean, lang: Lang = 'en'): Promise<Settled> {
  const size = await stat(pending.ledger).then((s) => s.size, () => 0);
  const files = await Promise.all(pending.files.map(async (f) => ({
    ...f,
    tempThere: await stat(join(pending.out, f.temp)).then(() => true, () => false),
    inPlace: await stat(join(pending.out, f.name)).then((s) => s.size === f.bytes, () => false),
  })));
  const state = (await readLedgerState(pending.ledger)) ?? { tool: 'winback', kind: 'ledger-state', version: 1 };
  if (size === pending.after.bytes && files.every((f) => f.tempThere || f.inPlace)) {
    for (const f of files) if (f.tempThere) await rename(join(pending.out, f.temp), join(pending.out, f.name));
    await clearPending(pending, state, pending.mark);
    return { action: 'completed', runId: pending.run_id };
  }
  if (size < pending.before.bytes || size > pending.after.bytes) {
    if (!force) {
      const t = messages(lang).campaign;
      throw new DataError(t.interruptedLedgerChanged(pending.run_id, pending.ledger, size, pending.before.bytes, pending.after.bytes), t.interruptedLedgerChangedHint);
    }
  } else if (size > pending.before.bytes) {
    // Only this run's own lines are cut: a line someone added meanwhile (a call logged by hand) is a contact made.
    if (await onlyRunLines(pending, size)) await truncateLedger(pending.ledger, pending.before.bytes);
    else if (!force) {
      const t = messages(lang).campaign;
      throw new DataError(t.interruptedLedgerChanged(pending.run_id, pending.ledger, size, pending.before.bytes, pending.after.bytes), t.interruptedLedgerChangedHint);
    }
  }
  for (const f of files) if (f.tempThere) await unlink(join(pending.out, f.temp)).catch(() => undefined);
  await clearPending(pending, state, undefined);
  const lost = files.filter((f) => !f.tempThere && !f.inPlace).map((f) => f.name);
  return { action: 'rolled_back', runId: pending.run_id, ...(lost.length > 0 && size === pending.after.bytes ? { lostOutputs: lost } : {}) };
}

/** Whether every line after the run's start is the run's own (its campaign id); the last line may be cut short. */
async function onlyRunLines(pending: PendingRun, size: number): Promise<boolean> {
  const length = size - pending.before.bytes;
  const bytes = Buffer.alloc(length);
  const handle = await open(pending.ledger, 'r');
  try {
    await handle.read(bytes, 0, length, pending.before.bytes);
  } finally {
    await handle.close();
  }
  const text = bytes.toString('utf8');
  // A line cut by the interruption is checked as far as it goes: its campaign id, when it got that far.
  const end = text.lastIndexOf('\n');
  const whole = end < 0 ? '' : text.slice(0, end + 1);
  const rest = end < 0 ? text : text.slice(end + 1);
  let rows: string[][];
  try {
    rows = parse(whole, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
  } catch {
    return false;
  }
  const cut = rest.split(',');
  if (cut.length > 4 && cut[3] !== pending.mark.campaign_id) return false;
  return rows.every((row) => row[3] === pending.mark.campaign_id);
}

async function readJson(path: string, hint: SavedNote): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw damaged(noteOf('ledger', { key: 'stateUnreadable', args: [path, (error as NodeJS.ErrnoException).code ?? (error as Error).message] }), hint);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw damaged(noteOf('ledger', { key: 'stateNotJson', args: [path] }), hint);
  }
}
