/**
 * The second pass of a campaign run: customers in priority order onto the channel lists,
 * capacity caps applied highest priority first, every other customer to excluded.csv once.
 */
import { CapacityCounter, type CampaignChoice, type ExclusionReason } from '../domain/campaign.js';
import type { LedgerEntry, LedgerIndex } from '../domain/contact-history.js';
import type { Channel } from '../domain/playbook-types.js';
import type { EpochDay } from '../domain/types.js';
import { listColumns, type CampaignFiles } from '../io/campaign-output.js';
import type { SortedSpool } from '../io/sorted-spool.js';
import type { CampaignCounts } from './campaign-summary.js';

/** What the first pass stores per customer in the sort spool. */
export interface SpooledChoice {
  id: string;
  choice: CampaignChoice;
  values: unknown[];
  channel: Channel;
  measure: string;
}

export interface DistributeSettings {
  asOf: EpochDay;
  campaignId: string;
  caps: Partial<Record<Channel, number>>;
  ledger: LedgerIndex;
  /** keep each customer's status, for changes.csv */
  trackStatus: boolean;
  /** keep the contacts and control customers, for the ledger (without one, nothing is kept per row) */
  trackContacts: boolean;
}

/** Writes lists and exclusions in priority order; returns the ledger entries and statuses. */
export async function distributeInPriorityOrder(spool: SortedSpool, files: CampaignFiles, counts: CampaignCounts, s: DistributeSettings) {
  const planned: LedgerEntry[] = [];
  const status = new Map<string, string>();
  const capacity = new CapacityCounter(s.caps);
  let priority = 0;
  for await (const rec of spool.sorted()) {
    priority++;
    const r = JSON.parse(rec.head) as SpooledChoice;
    const c = r.choice;
    const reason: ExclusionReason | undefined = c.kind === 'excluded' ? c.reason : capacity.take(c.channel) ? undefined : 'over_capacity';
    if (c.kind === 'list' && reason === undefined) {
      r.values[listColumns(c.channel).findIndex((col) => col.name === 'priority')] = priority;
      // Waits when the list's buffer is full: the merge alone never yields to the writes.
      const full = files.listed(c.channel, r.values);
      if (full) await full;
      counts.lists[c.channel]++;
      if (s.trackContacts) planned.push({ customer_id: r.id, channel: c.channel, campaign_date: s.asOf, campaign_id: s.campaignId, measure: r.measure, outcome: 'contacted' });
      if (s.trackStatus) status.set(r.id, `list:${c.channel}`);
      continue;
    }
    const why = c.kind === 'list' ? `capacity of ${c.channel} reached` : c.detail;
    const full = files.excluded(r.id, reason as ExclusionReason, why, priority);
    if (full) await full;
    counts.excluded[reason as string] = (counts.excluded[reason as string] ?? 0) + 1;
    // A control customer is recorded once, when first held out, not again every week.
    const heldOutBefore = s.ledger.get(r.id)?.campaigns.some((m) => m.control && m.campaignId !== s.campaignId) ?? false;
    if (s.trackContacts && reason === 'control' && !heldOutBefore) {
      planned.push({ customer_id: r.id, channel: r.channel, campaign_date: s.asOf, campaign_id: s.campaignId, measure: r.measure, outcome: 'control' });
    }
    if (s.trackStatus) status.set(r.id, reason as string);
  }
  return { planned, status };
}
