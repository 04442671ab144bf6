/**
 * Contact history: the ledger of win-back contacts made, and the rules it enforces
 * (a minimum gap between contacts, a maximum number of attempts) so nobody is pestered.
 * Control-group entries record that a customer was held out; they are not contacts.
 */
import { customerKey } from './customer-key.js';
import { formatIsoDay, isoWeekLabel } from '../dates.js';
import { idFingerprint } from '../id-index.js';
import type { Channel } from '../playbook-types.js';
import type { EpochDay } from '../types.js';

export type LedgerOutcome = 'contacted' | 'control';

/** One line of the ledger. A missing outcome means 'contacted'. */
export interface LedgerEntry {
  customer_id: string;
  channel: Channel;
  campaign_date: EpochDay;
  campaign_id: string;
  measure: string;
  outcome?: LedgerOutcome;
}

export interface ContactRules {
  minGapDays: number;
  maxAttempts: number;
}

export const DEFAULT_CONTACT_RULES: Readonly<ContactRules> = Object.freeze({ minGapDays: 90, maxAttempts: 3 });

export type ContactCheck = 'ok' | 'too_soon' | 'max_attempts';

/** What a campaign run asks of the contact history, per customer id (matched by customerKey). */
export interface ContactLookup {
  /** whether the customer may be contacted in this run */
  check(customerId: string, rules: ContactRules): ContactCheck;
  /** held out as control in an earlier campaign (recorded once, when first held out) */
  heldOutBefore(customerId: string): boolean;
  /** contacted in an earlier campaign (the ledger's contacted entries) */
  contactedBefore(customerId: string): boolean;
  /** already recorded in this run's campaign, as contacted or as control */
  recordedNow(customerId: string, control: boolean): boolean;
}

/** The run an index answers for: contacts are counted as of this day, this campaign apart. */
export interface ContactIndexSettings {
  asOf: EpochDay;
  campaignId: string;
  /** customers expected (e.g. from the ledger's size), to size the table once */
  expectedCustomers?: number;
}

// Per customer one slot of 7 numbers: the key's 64-bit fingerprint, flags and attempts, the
// last contact day (offset, 0 = none) and the three latest distinct campaigns (interned, 0 =
// none) — 28 bytes instead of a string and an object per customer, so that a ledger of
// millions of entries takes tens of megabytes (the fingerprint's price: docs/performance.md).
const STRIDE = 7;
const USED = 1;
const HELD_OUT = 2;
const CONTACTED_NOW = 4;
const CONTROL_NOW = 8;
const ATTEMPT_SHIFT = 8;
const DAY_OFFSET = 1_000_000;
const MAX_LOAD = 0.75;

/**
 * The ledger summarised per customer for one run (as-of and campaign fixed): contacts of this
 * campaign and contacts dated after as-of are left out of the pacing, so rerunning a campaign
 * (or replaying an earlier week) sees the history exactly as the first run saw it. A campaign
 * counts once per customer even when it reached them on two channels; the three latest
 * distinct campaigns are remembered for that, enough for any limit up to three attempts and
 * the cautious side beyond (an old campaign repeated later by hand may count twice).
 */
export class ContactIndex implements ContactLookup {
  private slots: Uint32Array;
  private n: number;
  private used = 0;
  private readonly campaigns = new Map<string, number>();
  private lastCampaign = '';
  private lastCampaignIndex = 0;
  /** customers held out as controls by earlier campaigns */
  heldOut = 0;

  constructor(private readonly settings: ContactIndexSettings) {
    this.n = slotCount(settings.expectedCustomers ?? 1024);
    this.slots = new Uint32Array(this.n * STRIDE);
  }

  /** Customers in the index. */
  get size(): number {
    return this.used;
  }

  /** Bytes the table takes. */
  get bytes(): number {
    return this.slots.byteLength;
  }

  /** Adds one ledger entry. */
  add(entry: LedgerEntry): void {
    const [a, b] = idFingerprint(customerKey(entry.customer_id));
    this.addKeyed(a, b, entry.campaign_date, entry.campaign_id, entry.outcome === 'control');
  }

  /** Adds an entry by its customer's key fingerprint (idFingerprint of customerKey). */
  addKeyed(a: number, b: number, campaignDate: EpochDay, campaignId: string, control: boolean): void {
    const s = this.slotOfKey(a, b, true);
    const { slots } = this;
    if (campaignId === this.settings.campaignId) {
      slots[s + 2] = (slots[s + 2] as number) | (control ? CONTROL_NOW : CONTACTED_NOW);
      return;
    }
    if (control) {
      if (((slots[s + 2] as number) & HELD_OUT) === 0) this.heldOut++;
      slots[s + 2] = (slots[s + 2] as number) | HELD_OUT;
      return;
    }
    if (campaignDate > this.settings.asOf) return;
    const day = campaignDate + DAY_OFFSET;
    if ((slots[s + 3] as number) < day) slots[s + 3] = day;
    const c = this.intern(campaignId);
    if (slots[s + 4] === c || slots[s + 5] === c || slots[s + 6] === c) return;
    slots[s + 6] = slots[s + 5] as number;
    slots[s + 5] = slots[s + 4] as number;
    slots[s + 4] = c;
    const flags = slots[s + 2] as number;
    if (flags >>> ATTEMPT_SHIFT < 255) slots[s + 2] = flags + (1 << ATTEMPT_SHIFT);
  }

  check(customerId: string, rules: ContactRules): ContactCheck {
    const s = this.slotOf(customerId, false);
    if (s < 0) return 'ok';
    const { slots } = this;
    if ((slots[s + 2] as number) >>> ATTEMPT_SHIFT >= rules.maxAttempts) return 'max_attempts';
    const last = slots[s + 3] as number;
    if (last !== 0 && this.settings.asOf - (last - DAY_OFFSET) < rules.minGapDays) return 'too_soon';
    return 'ok';
  }

  heldOutBefore(customerId: string): boolean {
    const s = this.slotOf(customerId, false);
    return s >= 0 && ((this.slots[s + 2] as number) & HELD_OUT) !== 0;
  }

  contactedBefore(customerId: string): boolean {
    const s = this.slotOf(customerId, false);
    return s >= 0 && (this.slots[s + 2] as number) >>> ATTEMPT_SHIFT > 0;
  }

  recordedNow(customerId: string, control: boolean): boolean {
    const s = this.slotOf(customerId, false);
    return s >= 0 && ((this.slots[s + 2] as number) & (control ? CONTROL_NOW : CONTACTED_NOW)) !== 0;
  }

  private intern(campaign: string): number {
    // Ledger lines come in runs of one campaign: most lookups are the previous one's.
    if (campaign === this.lastCampaign) return this.lastCampaignIndex;
    let c = this.campaigns.get(campaign);
    if (c === undefined) this.campaigns.set(campaign, (c = this.campaigns.size + 1));
    this.lastCampaign = campaign;
    this.lastCampaignIndex = c;
    return c;
  }

  /** The slot of the id's key; a new one when `create`, else -1 when the id is not there. */
  private slotOf(customerId: string, create: boolean): number {
    const [a, b] = idFingerprint(customerKey(customerId));
    return this.slotOfKey(a, b, create);
  }

  private slotOfKey(a: number, b: number, create: boolean): number {
    let s = probe(this.slots, this.n, a, b);
    if ((this.slots[s + 2] as number) !== 0) return s;
    if (!create) return -1;
    if (this.used + 1 > this.n * MAX_LOAD) {
      this.grow();
      s = probe(this.slots, this.n, a, b);
    }
    this.slots[s] = a;
    this.slots[s + 1] = b;
    this.slots[s + 2] = USED;
    this.used++;
    return s;
  }

  private grow(): void {
    const old = this.slots;
    this.n = slotCount(this.used * 2);
    this.slots = new Uint32Array(this.n * STRIDE);
    for (let s = 0; s < old.length; s += STRIDE) {
      if (old[s + 2] === 0) continue;
      const t = probe(this.slots, this.n, old[s] as number, old[s + 1] as number);
      this.slots.set(old.subarray(s, s + STRIDE), t);
    }
  }
}

function slotCount(customers: number): number {
  return Math.max(64, Math.ceil(customers / MAX_LOAD) + 1);
}

/** The slot holding fingerprint (a, b), or the empty slot where it belongs (linear probing). */
function probe(slots: Uint32Array, n: number, a: number, b: number): number {
  const end = n * STRIDE;
  for (let s = Math.floor((a / 4294967296) * n) * STRIDE; ; ) {
    if (slots[s + 2] === 0 || (slots[s] === a && slots[s + 1] === b)) return s;
    s += STRIDE;
    if (s === end) s = 0;
  }
}

/** Indexes entries for one run (a convenience for tests and small ledgers). */
export function indexLedger(entries: Iterable<LedgerEntry>, settings: ContactIndexSettings): ContactIndex {
  const index = new ContactIndex(settings);
  for (const e of entries) index.add(e);
  return index;
}

/** An index with no contacts (a run without a ledger). */
export function emptyContactIndex(asOf: EpochDay, campaignId: string): ContactIndex {
  return new ContactIndex({ asOf, campaignId, expectedCustomers: 0 });
}

/**
 * Deterministic campaign id of a run: the ISO week for weekly runs ("2026-W48"), the date
 * for daily runs, otherwise the first day and the length ("2026-11-23+14d").
 */
export function campaignId(asOf: EpochDay, periodDays: number): string {
  if (!Number.isInteger(periodDays) || periodDays < 1) {
    throw new RangeError(`period must be a whole number of days ≥ 1, got ${periodDays}`);
  }
  if (periodDays === 7) return isoWeekLabel(asOf);
  if (periodDays === 1) return formatIsoDay(asOf);
  return `${formatIsoDay(asOf)}+${periodDays}d`;
}

/**
 * The planned entries of this run's campaign that are not in the ledger yet (same customer,
 * same kind), so a rerun of the same campaign appends nothing.
 */
export function newLedgerEntries(existing: ContactLookup, planned: Iterable<LedgerEntry>): LedgerEntry[] {
  const fresh: LedgerEntry[] = [];
  const seen = new Set<string>();
  for (const entry of planned) if (isNewLedgerEntry(existing, entry, seen)) fresh.push(entry);
  return fresh;
}

/**
 * Whether `entry` is one of newLedgerEntries' (neither in the ledger nor among the entries
 * `seen` before it, whose keys it keeps) — for entries taken one at a time.
 */
export function isNewLedgerEntry(existing: Pick<ContactLookup, 'recordedNow'>, entry: LedgerEntry, seen: Set<string>): boolean {
  const control = entry.outcome === 'control';
  const key = `${customerKey(entry.customer_id)}\u001f${control ? 'c' : 'k'}`;
  if (seen.has(key)) return false;
  seen.add(key);
  return !existing.recordedNow(entry.customer_id, control);
}
