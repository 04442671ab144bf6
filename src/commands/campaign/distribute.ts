/**
 * The second pass of a campaign run: customers in priority order onto the channel lists,
 * capacity caps applied highest priority first, every other customer to excluded.csv once.
 */
import { CapacityCounter, type CampaignChoice, type ExclusionReason } from '../../domain/campaign/campaign.js';
import type { ContactLookup } from '../../domain/campaign/contact-history.js';
import type { LedgerAppend } from '../../io/ledger/ledger.js';
import { objectorContactDetail, personAtAddressKey, SharedContacts, sharedContactDetail, sharedContactKey, type ObjectorContacts } from '../../domain/permission/contact-point.js';
import type { Channel } from '../../domain/playbook-types.js';
import type { EpochDay } from '../../domain/types.js';
import { measureMarks } from '../../domain/campaign/test-offers.js';
import { messages, type Lang } from '../../domain/catalogue/index.js';
import { pack, unpack } from '../../domain/record-codec.js';
import type { CampaignFiles, ListRowFormatter } from '../../io/campaign-output.js';
import { putString, type ByteBuffer } from '../../io/csv/write.js';
import type { SortedSpool } from '../../io/sorted-spool.js';
import type { CampaignCounts } from './summary.js';

/**
 * What the first pass stores per customer in the sort spool: what the second pass decides by
 * (`meta`, length-prefixed fields — `<length>:<text>` each, so no character of the data needs
 * escaping; JSON cost ~4 s per million customers to write and read) and the row it writes,
 * formatted around its priority (`head`, `tail`): the list row of a listed customer, the
 * excluded.csv row of an excluded one.
 * meta of a listed customer: L, channel, id, planned channel, measure, shared-contact key, R for the retention list, the number a visit list shows;
 * of an excluded one: E, reason, id, planned channel, measure.
 */
export interface SpoolParts {
  meta: string;
  head: string;
  tail: string;
}

/** A customer's choice as the spool stores it (see SpoolParts). */
export function spoolChoice(choice: CampaignChoice, id: string, plannedChannel: Channel | '', measure: string, rows: ListRowFormatter, row?: { head: string; tail: string }, retention = false, person?: { name?: string; street?: string; postal_code?: string }): SpoolParts {
  if (choice.kind === 'list') {
    // A visit list shows the number too, a letter and a visit go to the person at the address: an
    // objector's number or name at that address there is theirs (checked, never shared).
    const visitNumber = [choice.channel === 'visit' ? sharedContactKey('phone', choice.contact) : undefined, choice.channel === 'visit' || choice.channel === 'letter' ? (person ? personAtAddressKey(person) : undefined) : undefined].filter((k) => k !== undefined).join('\n');
    return { meta: pack(['L', choice.channel, id, plannedChannel, measure, sharedContactKey(choice.channel, choice.contact) ?? '', retention ? 'R' : '', visitNumber]), head: row?.head ?? '', tail: row?.tail ?? '' };
  }
  const excluded = rows.excludedAround(id, choice.reason, choice.detail);
  return { meta: pack(['E', choice.reason, id, plannedChannel, measure]), head: excluded.head, tail: excluded.tail };
}

/**
 * Adds a customer's parts to the spool as one record: its head is the meta's length in bytes
 * (u32, little-endian), the meta and the row's head; its tail the row's tail — so that the
 * second pass reads the meta alone as text and copies the row's bytes into the file as they
 * are (distributeInPriorityOrder).
 */
export function spoolParts(spool: SortedSpool, rank: number, key: number, tie: number, meta: string, head: string, tail: string): void {
  // UTF-8 needs at most 3 bytes per UTF-16 unit.
  const out = spool.begin(META_LENGTH + 3 * (meta.length + head.length + tail.length));
  spool.end(rank, key, tie, putParts(out, meta, head, tail));
}

/** Writes a customer's parts as one spool record from `out.at` on (see spoolParts); returns where its head ends. */
export function putParts(out: ByteBuffer, meta: string, head: string, tail: string): number {
  out.room(META_LENGTH);
  const lengthAt = out.at;
  out.at += META_LENGTH;
  putString(out, meta);
  out.buf.writeUInt32LE(out.at - lengthAt - META_LENGTH, lengthAt);
  putString(out, head);
  const headEnd = out.at;
  putString(out, tail);
  return headEnd;
}
const META_LENGTH = 4;

export interface DistributeSettings {
  asOf: EpochDay;
  campaignId: string;
  caps: Partial<Record<Channel, number>>;
  ledger: ContactLookup;
  /**
   * For changes.csv, the customers the previous run listed: the status of each customer listed
   * now or then is kept (nobody else's can be a change); without it no status is kept.
   */
  previousListed: { has(id: string): boolean } | undefined;
  /** where the contacts and control customers go, for the ledger (without one, nothing is kept per row) */
  contacts: LedgerAppend | undefined;
  /** the contact points of this run's objectors (the first pass's): nobody else is listed at one */
  objectors?: ObjectorContacts;
  /** language of excluded.csv's detail */
  lang?: Lang;
}

/** The objector reached at one of `keys` (one per line), if any, with the kind of the key ('phone', 'post'). */
function objectorAt(objectors: ObjectorContacts | undefined, keys: string | undefined): { id: string; kind: string } | undefined {
  if (objectors === undefined || !keys) return undefined;
  for (const key of keys.split('\n')) {
    const id = objectors.holder(key);
    if (id !== undefined) return { id, kind: key.slice(0, key.indexOf(':')) };
  }
  return undefined;
}

/** Writes lists and exclusions in priority order (the ledger's new entries into `s.contacts`); returns the statuses. */
export async function distributeInPriorityOrder(spool: SortedSpool, files: CampaignFiles, counts: CampaignCounts, s: DistributeSettings) {
  const { contacts } = s;
  const status = new Map<string, string>();
  const capacity = new CapacityCounter(s.caps);
  const shared = new SharedContacts();
  let priority = 0;
  // Each record's row is copied from the spool's bytes into its file: only the meta becomes text.
  await spool.eachBytes((bytes, start, rowStart, end) => {
    priority++;
    const metaEnd = start + META_LENGTH + bytes.readUInt32LE(start);
    const [kind, what, id, plannedChannel, measure, key, track, visitNumber] = unpack(bytes.toString('utf8', start + META_LENGTH, metaEnd)) as [string, string, string, Channel, string, string?, string?, string?];
    const listed = kind === 'L';
    const channel = what as Channel;
    const byKey = listed ? s.objectors?.holder(key || undefined) : undefined;
    const found = byKey !== undefined ? { id: byKey, kind: channel as string } : listed ? objectorAt(s.objectors, visitNumber) : undefined;
    const objector = found?.id;
    const holder = listed && objector === undefined ? shared.holder(key || undefined) : 0;
    const reason: ExclusionReason | undefined = !listed ? (what as ExclusionReason) : objector !== undefined ? 'objector_contact' : holder > 0 ? 'shared_contact' : capacity.take(channel) ? undefined : 'over_capacity';
    if (listed && reason === undefined) {
      shared.claim(key || undefined, priority);
      // Capacity, shared contacts and the ledger are one for both tracks: only the file differs.
      const retention = track === 'R';
      (retention ? counts.retention : counts.lists)[channel]++;
      const marks = measureMarks(measure);
      if (marks.offerRandomised) counts.randomised++;
      if (marks.channelRandomised) counts.randomisedChannels++;
      contacts?.add({ customer_id: id, channel, campaign_date: s.asOf, campaign_id: s.campaignId, measure, outcome: 'contacted' });
      if (s.previousListed) status.set(id, retention ? `list:retention-${channel}` : `list:${channel}`);
      // Waits when the list's buffer is full: the merge alone never yields to the writes.
      return files.listedBytes(channel, bytes, metaEnd, rowStart, end, priority, retention);
    }
    counts.excluded[reason as string] = (counts.excluded[reason as string] ?? 0) + 1;
    // A control customer is recorded once, when first held out, not again every week.
    if (contacts && reason === 'control' && !s.ledger.heldOutBefore(id)) {
      contacts.add({ customer_id: id, channel: plannedChannel, campaign_date: s.asOf, campaign_id: s.campaignId, measure, outcome: 'control' });
    }
    if (s.previousListed?.has(id)) status.set(id, reason as string);
    // Excluded by the first pass: its excluded.csv row is in the spool; a listed customer the caps or a shared contact left out gets one now.
    if (!listed) return files.excludedBytes(bytes, metaEnd, rowStart, end, priority);
    const why = found !== undefined ? objectorContactDetail(found.kind, found.id, s.lang) : holder > 0 ? sharedContactDetail(channel, holder, s.lang) : messages(s.lang).campaign.overCapacity(channel);
    return files.excluded(id, reason as ExclusionReason, why, priority);
  });
  return { status };
}
