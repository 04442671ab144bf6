/**
 * Ledger changes that would contact people again: a ledger emptied or cut short since the last
 * run (removed lines are contacts forgotten), its lines edited since (a date moved back, an id
 * changed: which edit it was cannot be told), a contact dated in the future (a typo such as
 * 2062 hides it from the pacing until then), and a run dated before the ledger's latest contact
 * (the contacts since are not seen, so those customers are listed again), or one dated more than a
 * month after today (a typo that records its contacts years ahead). Each stops the run
 * unless the user says --force; a preview (--dry-run) only warns.
 */
import { formatIsoDay } from '../dates.js';
import type { EpochDay } from '../types.js';
import { noteOf, type SavedNote } from '../catalogue/index.js';

/** What one pass over the ledger found. */
export interface LedgerFacts {
  path: string;
  entries: number;
  bytes: number;
  /** the latest entry of another campaign than this run's */
  latest?: { day: EpochDay; line: number; campaignId: string };
  /** the ledger still starts with the bytes the last run left (undefined: not known) */
  startsAsLeft?: boolean;
}

/** The ledger as the last run left it, and where that is recorded. */
export interface KnownLedger {
  entries: number;
  bytes: number;
  runId?: string;
  campaignId?: string;
  source: string;
}

export interface GuardRun {
  asOf: EpochDay;
  /** the calendar day of the wall clock */
  today: EpochDay;
  force: boolean;
  dryRun: boolean;
}

/** A problem as catalogue keys (catalogue/messages.ts, ledger), worded where it is shown. */
export interface GuardProblem {
  message: SavedNote;
  hint: SavedNote;
}

type Going = '' | 'force' | 'dryRun';

/** How far after today a run that appends to the ledger may be dated (judgement: a month, for a campaign prepared ahead). */
export const FUTURE_AS_OF_DAYS = 31;

/** The problems that stop this run, and the warnings to print and record (catalogue keys). */
export function checkLedgerChanges(facts: LedgerFacts, known: KnownLedger | undefined, run: GuardRun): { stop?: GuardProblem; warnings: SavedNote[] } {
  const problems: ((going: Going) => GuardProblem)[] = [];
  const warnings: SavedNote[] = [];
  if (known !== undefined && facts.entries < known.entries) {
    problems.push((going) => ({
      message: noteOf('ledger', { key: 'shrunk', args: [facts.path, facts.entries, known.entries, known.runId ?? '', known.campaignId ?? '', known.source, going] }),
      hint: noteOf('ledger', { key: 'shrunkHint', args: [] }),
    }));
  } else if (known !== undefined && facts.startsAsLeft === false) {
    // Which edit it was cannot be told: a date moved back or an id changed would contact people again.
    problems.push((going) => ({
      message: noteOf('ledger', { key: 'edited', args: [facts.path, known.bytes, going] }),
      hint: noteOf('ledger', { key: 'editedHint', args: [] }),
    }));
  }
  // A run dated far after today (a typed 2062 for 2026) records its contacts then: the next real run sees a
  // future ledger, and the customers contacted since the last real run are listed again now.
  if (run.asOf - run.today > FUTURE_AS_OF_DAYS) {
    problems.push((going) => ({
      message: noteOf('ledger', { key: 'asOfFuture', args: [formatIsoDay(run.asOf), run.asOf - run.today, formatIsoDay(run.today), going] }),
      hint: noteOf('ledger', { key: 'asOfFutureHint', args: [] }),
    }));
  }
  const latest = facts.latest;
  if (latest !== undefined && latest.day > run.asOf) {
    const date = formatIsoDay(latest.day);
    problems.push(
      latest.day > run.today
        ? (going) => ({
            message: noteOf('ledger', { key: 'future', args: [facts.path, latest.line, date, formatIsoDay(run.today), going] }),
            hint: noteOf('ledger', { key: 'futureHint', args: [] }),
          })
        : (going) => ({
            message: noteOf('ledger', { key: 'beforeLatest', args: [formatIsoDay(run.asOf), date, latest.campaignId, latest.line, going] }),
            hint: noteOf('ledger', { key: 'beforeLatestHint', args: [] }),
          }),
    );
  }
  if (problems.length === 0) return { warnings };
  if (run.force || run.dryRun) {
    const going: Going = run.force ? 'force' : 'dryRun';
    return { warnings: [...warnings, ...problems.map((p) => p(going).message)] };
  }
  return { stop: (problems[0] as (going: Going) => GuardProblem)(''), warnings };
}

/** The ledger a summary of the last run records its contacts in (summary.json: ledger.file, ledger.after.entries). */
export interface RecordedLedger {
  file: string;
  entries: number;
  /** the summary that records it */
  source: string;
  campaignId?: string;
}

/**
 * This run's ledger (`path` '' without --ledger, and its entries) against one the last run's
 * summary records elsewhere with contacts: a cron job started from another folder, a relative
 * path, a flag left out. It stops the run — pacing would start from nothing, or from an older
 * ledger, and everyone the last run listed would be listed again — unless --force; a preview
 * only warns.
 */
export function checkLedgerElsewhere(path: string, entries: number, other: RecordedLedger, run: GuardRun): { stop?: GuardProblem; warnings: SavedNote[] } {
  const problem = (going: Going): SavedNote => noteOf('ledger', { key: 'elsewhere', args: [path, entries, other.file, other.entries, other.source, going] });
  if (run.force || run.dryRun) return { warnings: [problem(run.force ? 'force' : 'dryRun')] };
  return { stop: { message: problem(''), hint: noteOf('ledger', { key: 'elsewhereHint', args: [] }) }, warnings: [] };
}
