/**
 * Contact history: the ledger of win-back contacts made, and the rules it enforces
 * (a minimum gap between contacts, a maximum number of attempts) so nobody is pestered.
 * Control-group entries record that a customer was held out; they are not contacts.
 */
import { formatIsoDay, isoWeekLabel } from './dates.js';
import type { Channel } from './playbook-types.js';
import type { EpochDay } from './types.js';

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

/** One campaign a customer took part in (contacted or held out). */
export interface CampaignMark {
  campaignId: string;
  day: EpochDay;
  control: boolean;
}

/** What the ledger says about one customer; a few small fields per customer. */
export interface CustomerHistory {
  /** day of the latest contact (control entries excluded) */
  lastContactDay?: EpochDay;
  /** number of distinct campaigns in which the customer was contacted */
  attempts: number;
  /** distinct campaigns, in ledger order */
  campaigns: CampaignMark[];
}

export type LedgerIndex = ReadonlyMap<string, CustomerHistory>;

export interface ContactRules {
  minGapDays: number;
  maxAttempts: number;
}

export const DEFAULT_CONTACT_RULES: Readonly<ContactRules> = Object.freeze({ minGapDays: 90, maxAttempts: 3 });

export type ContactCheck = 'ok' | 'too_soon' | 'max_attempts';

/** Per-customer summary of the ledger: last contact day, attempts and campaigns. */
export function indexLedger(entries: Iterable<LedgerEntry>): Map<string, CustomerHistory> {
  const index = new Map<string, CustomerHistory>();
  for (const entry of entries) {
    let history = index.get(entry.customer_id);
    if (history === undefined) {
      history = { attempts: 0, campaigns: [] };
      index.set(entry.customer_id, history);
    }
    const control = entry.outcome === 'control';
    // One campaign counts once, even when it reached the customer on two channels.
    if (history.campaigns.some((m) => m.campaignId === entry.campaign_id && m.control === control)) continue;
    history.campaigns.push({ campaignId: entry.campaign_id, day: entry.campaign_date, control });
    if (control) continue;
    history.attempts++;
    if (history.lastContactDay === undefined || entry.campaign_date > history.lastContactDay) {
      history.lastContactDay = entry.campaign_date;
    }
  }
  return index;
}

/**
 * Whether the customer may be contacted as of a day. Contacts of the current campaign and
 * contacts dated after as-of are ignored, so rerunning a campaign (or replaying an earlier
 * week) sees the history exactly as the first run saw it and yields the same lists.
 */
export function checkContactHistory(
  customerId: string,
  index: LedgerIndex,
  asOf: EpochDay,
  rules: ContactRules = DEFAULT_CONTACT_RULES,
  currentCampaignId?: string,
): ContactCheck {
  const history = index.get(customerId);
  if (history === undefined) return 'ok';
  let attempts = 0;
  let last: EpochDay | undefined;
  for (const mark of history.campaigns) {
    if (mark.control || mark.campaignId === currentCampaignId || mark.day > asOf) continue;
    attempts++;
    if (last === undefined || mark.day > last) last = mark.day;
  }
  if (attempts >= rules.maxAttempts) return 'max_attempts';
  if (last !== undefined && asOf - last < rules.minGapDays) return 'too_soon';
  return 'ok';
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
 * The planned entries that are not in the ledger yet (same customer and campaign id, same
 * kind), so a rerun of the same campaign appends nothing.
 */
export function newLedgerEntries(existing: LedgerIndex, planned: Iterable<LedgerEntry>): LedgerEntry[] {
  const fresh: LedgerEntry[] = [];
  const seen = new Set<string>();
  for (const entry of planned) {
    const control = entry.outcome === 'control';
    const key = `${entry.customer_id}\u001f${entry.campaign_id}\u001f${control ? 'c' : 'k'}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const history = existing.get(entry.customer_id);
    if (history?.campaigns.some((m) => m.campaignId === entry.campaign_id && m.control === control)) continue;
    fresh.push(entry);
  }
  return fresh;
}
