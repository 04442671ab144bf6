/**
 * Attribution of returns to win-back contacts (docs/results.md, "Attribution"): each customer
 * in the ledger becomes one attempt, in the contacted or the control group, regained when a
 * return falls within the attribution window after their first entry (first contact, or the
 * day they were held out). Pure.
 */
import { RANDOMISED_MARK, RANDOM_CHANNEL_MARK } from '../campaign/test-offers.js';
import type { LedgerEntry } from '../campaign/contact-history.js';
import { customerKey } from '../campaign/customer-key.js';
import type { Channel, ChannelCosts, OfferSpec } from '../playbook-types.js';
import type { EpochDay } from '../types.js';

/** One return of a customer, from the outcomes file. */
export interface OutcomeRecord {
  customer_id: string;
  returnDate: EpochDay;
  /** revenue and margin since the return, so far */
  revenue?: number;
  margin?: number;
  /** the day the regained customer cancelled again */
  cancelledAgain?: EpochDay;
}

export interface AttributionSettings {
  asOf: EpochDay;
  /** a return counts when it falls 0..windowDays days after the contact (both ends included) */
  windowDays: number;
  channelCosts: ChannelCosts;
  offers: readonly Pick<OfferSpec, 'id' | 'incentiveCost'>[];
  /** margin in percent of revenue where the outcomes give revenue but no margin */
  defaultMarginPercent: number;
  /**
   * 'first' (default): one window from the first entry, for the comparison with the control
   * group (held out once); 'each': each contact's own window, a return credited to the latest
   * contact before it — what a contact did, for calibrate's history and the serial-defector guard
   */
  window?: 'first' | 'each';
}

export type AttemptStatus = 'regained' | 'no_return' | 'returned_before_contact' | 'returned_after_window';

/** One customer's part in the programme. */
export interface Attempt {
  customer_id: string;
  group: 'contacted' | 'control';
  reasonCode: string;
  offerType: string;
  channel: Channel;
  /** the contact a return is credited to; otherwise the first one */
  contactDate: EpochDay;
  /** contacted ledger entries up to as-of (0 in the control group) */
  contacts: number;
  status: AttemptStatus;
  /** not regained and the window after the first entry has not closed yet */
  windowOpen: boolean;
  returnDate?: EpochDay;
  revenue: number;
  margin: number;
  marginEstimated: boolean;
  cancelledAgain?: EpochDay;
  /** regained and cancelled again by as-of */
  repeatChurn: boolean;
  /** channel costs of every contact within the window plus the offer's incentive when regained */
  cost: number;
  /** held out earlier and contacted later: counted as contacted */
  switchedGroup: boolean;
  /** the credited (else first) contact's offer was drawn at random (campaign --test-offers) */
  randomised: boolean;
  /** the credited (else first) contact's channel was drawn at random (campaign --test-channels); false for older ledgers */
  channelRandomised: boolean;
}

/**
 * Splits a ledger measure "<reason_code>:<offer_type>" (an older ledger may lack the offer),
 * with ":randomised" after it when `campaign --test-offers` drew the offer at random and
 * ":random-channel" last when `campaign --test-channels` drew the channel (older ledgers have
 * neither: offer and channel chosen by the plan).
 */
export function parseMeasure(measure: string): { reasonCode: string; offerType: string; randomised: boolean; channelRandomised: boolean } {
  const i = measure.indexOf(':');
  if (i < 0) return { reasonCode: measure.trim() || 'unknown', offerType: 'none', randomised: false, channelRandomised: false };
  let offer = measure.slice(i + 1).trim();
  const channelRandomised = offer === RANDOM_CHANNEL_MARK || offer.endsWith(`:${RANDOM_CHANNEL_MARK}`);
  if (channelRandomised) offer = offer.slice(0, Math.max(0, offer.length - RANDOM_CHANNEL_MARK.length - 1)).trim();
  const randomised = offer.endsWith(`:${RANDOMISED_MARK}`);
  if (randomised) offer = offer.slice(0, -RANDOMISED_MARK.length - 1).trim();
  return { reasonCode: measure.slice(0, i).trim() || 'unknown', offerType: offer || 'none', randomised, channelRandomised };
}

/** One attempt per customer in the ledger (entries after as-of ignored), in first-contact order. */
export function attributeAttempts(
  ledger: readonly LedgerEntry[],
  outcomes: ReadonlyMap<string, readonly OutcomeRecord[]>,
  settings: AttributionSettings,
): Attempt[] {
  // Ids are matched by customerKey (trimmed, leading zeros of digit ids dropped), as in campaign.
  const byCustomer = new Map<string, LedgerEntry[]>();
  for (const e of ledger) {
    if (e.campaign_date > settings.asOf) continue;
    const key = customerKey(e.customer_id);
    const list = byCustomer.get(key);
    if (list) list.push(e);
    else byCustomer.set(key, [e]);
  }
  const returns = new Map<string, OutcomeRecord[]>();
  for (const [id, records] of outcomes) {
    const key = customerKey(id);
    returns.set(key, [...(returns.get(key) ?? []), ...records]);
  }
  const attempts: Attempt[] = [];
  for (const [key, entries] of byCustomer) attempts.push(attemptOf((entries[0] as LedgerEntry).customer_id.trim(), entries, returns.get(key) ?? [], settings));
  return attempts.sort((a, b) => a.contactDate - b.contactDate || (a.customer_id < b.customer_id ? -1 : a.customer_id > b.customer_id ? 1 : 0));
}

function attemptOf(id: string, all: LedgerEntry[], returns: readonly OutcomeRecord[], s: AttributionSettings): Attempt {
  const contacted = all.filter((e) => e.outcome !== 'control');
  const group = contacted.length > 0 ? 'contacted' : 'control';
  const entries = (group === 'contacted' ? contacted : all).slice().sort((a, b) => a.campaign_date - b.campaign_date);
  const first = entries[0] as LedgerEntry;
  // Both groups are measured over one window from the first entry: a control customer is held
  // out once, so a window after each later contact would give the contacted group more time to
  // return than the control group — a lift where there is none. Contacts after the window are
  // neither credited nor costed: no control customer stands beside them.
  const each = s.window === 'each';
  const last = entries[entries.length - 1] as LedgerEntry;
  const windowEnd = (each ? last : first).campaign_date + s.windowDays;
  const inWindow = each ? entries : entries.filter((e) => e.campaign_date <= windowEnd);
  const seen = [...returns].filter((r) => r.returnDate <= s.asOf).sort((a, b) => a.returnDate - b.returnDate);
  const credit = creditedReturn(inWindow, each ? seen : seen.filter((r) => r.returnDate <= windowEnd), s.windowDays);
  const entry = credit?.entry ?? first;
  const { reasonCode, offerType, randomised, channelRandomised } = parseMeasure(entry.measure);
  const channelCost = group === 'contacted' ? inWindow.reduce((sum, e) => sum + (s.channelCosts[e.channel] ?? 0), 0) : 0;
  const r = credit?.outcome;
  const estimated = r !== undefined && r.margin === undefined && r.revenue !== undefined;
  const incentive = r && group === 'contacted' ? (s.offers.find((o) => o.id === offerType)?.incentiveCost ?? 0) : 0;
  // One literal with every field (no spreads): attempts are many, and uniform objects stay fast.
  return {
    customer_id: id,
    group,
    reasonCode,
    offerType,
    channel: entry.channel,
    contactDate: entry.campaign_date,
    contacts: contacted.length,
    status: r ? 'regained' : statusWithoutCredit(seen, first.campaign_date),
    windowOpen: !r && windowEnd > s.asOf,
    returnDate: r?.returnDate,
    revenue: r?.revenue ?? 0,
    margin: r ? (r.margin ?? (estimated ? ((r.revenue as number) * s.defaultMarginPercent) / 100 : 0)) : 0,
    marginEstimated: estimated,
    cancelledAgain: r?.cancelledAgain,
    repeatChurn: r?.cancelledAgain !== undefined && r.cancelledAgain >= r.returnDate && r.cancelledAgain <= s.asOf,
    cost: channelCost + incentive,
    switchedGroup: group === 'contacted' && contacted.length < all.length,
    randomised: group === 'contacted' && randomised,
    channelRandomised: group === 'contacted' && channelRandomised,
  };
}

function statusWithoutCredit(returns: readonly OutcomeRecord[], firstContact: EpochDay): AttemptStatus {
  if (returns.some((r) => r.returnDate >= firstContact)) return 'returned_after_window';
  return returns.length > 0 ? 'returned_before_contact' : 'no_return';
}

/**
 * The first return that falls within the window after the latest contact on or before it.
 * A return on the contact day counts (day 0); one on day `windowDays` counts; later ones do not.
 */
export function creditedReturn(
  entries: readonly LedgerEntry[],
  returns: readonly OutcomeRecord[],
  windowDays: number,
): { entry: LedgerEntry; outcome: OutcomeRecord } | undefined {
  for (const outcome of returns) {
    let entry: LedgerEntry | undefined;
    for (const e of entries) if (e.campaign_date <= outcome.returnDate && (!entry || e.campaign_date >= entry.campaign_date)) entry = e;
    if (entry && outcome.returnDate - entry.campaign_date <= windowDays) return { entry, outcome };
  }
  return undefined;
}

/** Contacted customers who were regained, keyed by id: the basis of the serial-defector guard. */
export type RegainIndex = ReadonlyMap<string, { returnDate: EpochDay; cancelledAgain?: EpochDay }>;

/** Indexes the regained customers of the contacted group. */
export function regainIndex(attempts: readonly Attempt[]): RegainIndex {
  const index = new Map<string, { returnDate: EpochDay; cancelledAgain?: EpochDay }>();
  for (const a of attempts) {
    if (a.group !== 'contacted' || a.status !== 'regained' || a.returnDate === undefined) continue;
    index.set(customerKey(a.customer_id), { returnDate: a.returnDate, ...(a.repeatChurn && a.cancelledAgain !== undefined ? { cancelledAgain: a.cancelledAgain } : {}) });
  }
  return index;
}

/** Customers who are customers again as of a day, keyed by customerKey: the day of their last return. */
export type BackIndex = ReadonlyMap<string, EpochDay>;

/**
 * The customers of an outcomes file who are customers again on `asOf`: their last return up to
 * that day, unless they cancelled again by then. Any return counts, contacted or not.
 */
export function backIndex(outcomes: Iterable<readonly OutcomeRecord[]>, asOf: EpochDay): BackIndex {
  const index = new Map<string, EpochDay>();
  for (const records of outcomes) {
    let last: OutcomeRecord | undefined;
    for (const r of records) if (r.returnDate <= asOf && (last === undefined || r.returnDate > last.returnDate)) last = r;
    if (last === undefined || (last.cancelledAgain !== undefined && last.cancelledAgain <= asOf)) continue;
    index.set(customerKey(last.customer_id), last.returnDate);
  }
  return index;
}

/**
 * The day a customer of the export came back, when they are a customer again: a return on or
 * after the churn date the export shows (an export written before the return still lists them
 * as lost); undefined otherwise. A churn after the return is a new departure (isSerialDefector).
 */
export function backSince(index: BackIndex, customerId: string, churnDate?: EpochDay): EpochDay | undefined {
  const day = index.get(customerKey(customerId));
  return day !== undefined && (churnDate === undefined || churnDate <= day) ? day : undefined;
}

/**
 * A serial defector was won back by a contact before and has left again: the outcomes say they
 * cancelled again, or the current export shows a churn date after their return.
 */
export function isSerialDefector(index: RegainIndex, customerId: string, churnDate?: EpochDay): boolean {
  const r = index.get(customerKey(customerId));
  if (!r) return false;
  return r.cancelledAgain !== undefined || (churnDate !== undefined && churnDate > r.returnDate);
}
