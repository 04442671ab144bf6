/**
 * Customers the plan would approach, or asks about, whom a person must look at before anyone
 * contacts them. The answer is a review note, decided before any budget, which would otherwise
 * word the customer as left out for money.
 */
import { declinedInText } from '../objections/declined.js';
import { declinedDayNotTaken } from '../objections/declined-day.js';
import { reasonEntry, type Playbook, type ReasonEntry } from '../playbook-types.js';
import type { ReasonClassification } from '../reasons/index.js';
import type { CustomerRow, EpochDay } from '../types.js';
import type { Decision, DecisionNote } from '../value/types.js';
import type { Lang } from '../catalogue/index.js';

/**
 * Why a person decides about this customer, or undefined:
 * - a win-back declined in the reason or notes, with no declined_date to count the pause from:
 *   the decline may be as recent as yesterday, so a person decides when to ask again
 *   (DOMAIN.md §6);
 * - a reason read with a final one as its runner-up ("customer's carer phoned, she died in the
 *   care home", read as a life change): the reader was not sure enough to call it final, nor
 *   to rule it out (docs/reasons-accuracy.md, the final-reason boundary sets).
 */
export function personDecides(
  row: CustomerRow,
  reason: ReasonClassification,
  entry: ReasonEntry,
  decision: Decision,
  setup: { playbook: Playbook; lang: Lang; declinedPauseMonths: number; asOf: EpochDay },
): DecisionNote | undefined {
  if (decision !== 'win_back' && decision !== 'review') return undefined;
  const said = declinedSaid(row, setup.declinedPauseMonths);
  if (said !== undefined) {
    // A day at the refusal that cannot be its own (after as-of, before the churn date) is named, so nobody wonders why it was not taken.
    const day = declinedDayNotTaken(row.reason, setup.asOf, row.churn_date) ?? declinedDayNotTaken(row.notes, setup.asOf, row.churn_date);
    if (day !== undefined) return { key: 'declinedDayNotTaken', args: [said, day.written, day.afterAsOf, setup.declinedPauseMonths] };
    return { key: 'declinedNoDate', args: [said, setup.declinedPauseMonths] };
  }
  const aside = decision === 'win_back' && reason.secondary !== undefined ? reasonEntry(setup.playbook, reason.secondary) : undefined;
  return aside?.final === true ? { key: 'finalAside', args: [entry.label[setup.lang], aside.label[setup.lang]] } : undefined;
}

/**
 * The words of the row's reason or notes that say a win-back was declined
 * (domain/objections/declined.ts), for a row without a declined_date and with a pause to keep;
 * else undefined. A win-back is offered after the departure, so the text gives no day to count
 * the pause from, not even the churn date.
 */
export function declinedSaid(row: CustomerRow, pauseMonths: number): string | undefined {
  if (row.declined_date !== undefined || pauseMonths <= 0) return undefined;
  return declinedInText(row.reason) ?? declinedInText(row.notes);
}
