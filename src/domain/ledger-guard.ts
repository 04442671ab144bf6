/**
 * Ledger changes that would contact people again: a ledger emptied or cut short since the last
 * run (removed lines are contacts forgotten), a contact dated in the future (a typo such as
 * 2062 hides it from the pacing until then), and a run dated before the ledger's latest contact
 * (the contacts since are not seen, so those customers are listed again). Each stops the run
 * unless the user says --force; a preview (--dry-run) only warns.
 */
import { formatIsoDay } from './dates.js';
import type { EpochDay } from './types.js';

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

export interface GuardProblem {
  message: string;
  hint: string;
}

/** The problems that stop this run, and the warnings to print and record. */
export function checkLedgerChanges(facts: LedgerFacts, known: KnownLedger | undefined, run: GuardRun): { stop?: GuardProblem; warnings: string[] } {
  const problems: GuardProblem[] = [];
  const warnings: string[] = [];
  if (known !== undefined && facts.entries < known.entries) {
    const since = `after ${known.runId ? `run ${known.runId}` : 'the last run'}${known.campaignId ? ` (campaign ${known.campaignId})` : ''}, as ${known.source} records`;
    const now = facts.entries === 0 ? 'has no entries (empty, header only or missing)' : `has ${facts.entries} entries`;
    problems.push({
      message: `ledger ${facts.path} ${now} but had ${known.entries} ${since}: the customers of the missing lines would be contacted again`,
      hint: 'restore the ledger from a backup; if the lines were removed on purpose, run again with --force',
    });
  } else if (known !== undefined && facts.startsAsLeft === false) {
    warnings.push(`ledger ${facts.path} was edited since the last run (its first ${known.bytes} bytes changed)`);
  }
  const latest = facts.latest;
  if (latest !== undefined && latest.day > run.asOf) {
    const date = formatIsoDay(latest.day);
    problems.push(
      latest.day > run.today
        ? {
            message: `ledger ${facts.path} line ${latest.line}, column campaign_date: ${date} is in the future (today is ${formatIsoDay(run.today)}); that contact is not counted until then`,
            hint: 'correct the date in the ledger (a typo?); to run anyway, add --force',
          }
        : {
            message: `--as-of ${formatIsoDay(run.asOf)} is before the ledger's latest contact (${date}, campaign ${latest.campaignId}, line ${latest.line}): the customers contacted since would be listed again`,
            hint: 'run with --as-of today (or leave it out); to replay an earlier week without touching the ledger, add --dry-run; to append anyway, add --force',
          },
    );
  }
  if (problems.length === 0) return { warnings };
  if (run.force || run.dryRun) {
    const why = run.force ? 'going on because of --force' : 'a --dry-run changes no ledger';
    return { warnings: [...warnings, ...problems.map((p) => `${p.message} (${why})`)] };
  }
  return { stop: problems[0] as GuardProblem, warnings };
}
