/**
 * The second pass of a campaign run: customers in priority order onto the channel lists,
 * capacity caps applied highest priority first, every other customer to excluded.csv once.
 */
import { CapacityCounter, type CampaignChoice, type ExclusionReason } from '../../domain/campaign/campaign.js';
import type { ContactLookup, LedgerEntry } from '../../domain/campaign/contact-history.js';
import { SharedContacts, sharedContactDetail, sharedContactKey } from '../../domain/permission/contact-point.js';
import type { Channel } from '../../domain/playbook-types.js';
import type { EpochDay } from '../../domain/types.js';
import { measureMarks } from '../../domain/campaign/test-offers.js';
import { messages, type Lang } from '../../domain/catalogue/index.js';
import { pack, unpack } from '../../domain/record-codec.js';
import type { CampaignFiles } from '../../io/campaign-output.js';
import type { SortedSpool } from '../../io/sorted-spool.js';
import type { CampaignCounts } from './summary.js';

/**
 * What the first pass stores per customer in the sort spool, as text: length-prefixed fields
 * (`<length>:<text>` each, so no character of the data needs escaping), the list row already
 * formatted around its priority. JSON cost ~4 s per million customers to write and read.
 * list: L, channel, id, planned channel, measure, row head, row tail, shared-contact key, R for the retention list;
 * excluded: E, reason, id, planned channel, measure, detail.
 */
export function spoolChoice(choice: CampaignChoice, id: string, plannedChannel: Channel | '', measure: string, row?: { head: string; tail: string }, retention = false): string {
  return choice.kind === 'list'
    ? pack(['L', choice.channel, id, plannedChannel, measure, row?.head ?? '', row?.tail ?? '', sharedContactKey(choice.channel, choice.contact) ?? '', retention ? 'R' : ''])
    : pack(['E', choice.reason, id, plannedChannel, measure, choice.detail]);
}

export interface DistributeSettings {
  asOf: EpochDay;
  campaignId: string;
  caps: Partial<Record<Channel, number>>;
  ledger: ContactLookup;
  /** keep each customer's status, for changes.csv */
  trackStatus: boolean;
  /** keep the contacts and control customers, for the ledger (without one, nothing is kept per row) */
  trackContacts: boolean;
  /** language of excluded.csv's detail */
  lang?: Lang;
}

/** Writes lists and exclusions in priority order; returns the ledger entries and statuses. */
export async function distributeInPriorityOrder(spool: SortedSpool, files: CampaignFiles, counts: CampaignCounts, s: DistributeSettings) {
  const planned: LedgerEntry[] = [];
  const status = new Map<string, string>();
  const capacity = new CapacityCounter(s.caps);
  const shared = new SharedContacts();
  let priority = 0;
  for await (const rec of spool.sorted()) {
    priority++;
    const [kind, what, id, plannedChannel, measure, a, b, key, track] = unpack(rec.head) as [string, string, string, Channel, string, string, string, string, string?];
    const listed = kind === 'L';
    const channel = what as Channel;
    const holder = listed ? shared.holder(key || undefined) : 0;
    const reason: ExclusionReason | undefined = !listed ? (what as ExclusionReason) : holder > 0 ? 'shared_contact' : capacity.take(channel) ? undefined : 'over_capacity';
    if (listed && reason === undefined) {
      shared.claim(key || undefined, priority);
      // Waits when the list's buffer is full: the merge alone never yields to the writes.
      // Capacity, shared contacts and the ledger are one for both tracks: only the file differs.
      const retention = track === 'R';
      const full = files.listedAround(channel, a, priority, b, retention);
      if (full) await full;
      (retention ? counts.retention : counts.lists)[channel]++;
      const marks = measureMarks(measure);
      if (marks.offerRandomised) counts.randomised++;
      if (marks.channelRandomised) counts.randomisedChannels++;
      if (s.trackContacts) planned.push({ customer_id: id, channel, campaign_date: s.asOf, campaign_id: s.campaignId, measure, outcome: 'contacted' });
      if (s.trackStatus) status.set(id, retention ? `list:retention-${channel}` : `list:${channel}`);
      continue;
    }
    const why = !listed ? a : holder > 0 ? sharedContactDetail(channel, holder, s.lang) : messages(s.lang).campaign.overCapacity(channel);
    const full = files.excluded(id, reason as ExclusionReason, why, priority);
    if (full) await full;
    counts.excluded[reason as string] = (counts.excluded[reason as string] ?? 0) + 1;
    // A control customer is recorded once, when first held out, not again every week.
    const heldOutBefore = s.ledger.heldOutBefore(id);
    if (s.trackContacts && reason === 'control' && !heldOutBefore) {
      planned.push({ customer_id: id, channel: plannedChannel, campaign_date: s.asOf, campaign_id: s.campaignId, measure, outcome: 'control' });
    }
    if (s.trackStatus) status.set(id, reason as string);
  }
  return { planned, status };
}
