/**
 * Who goes on this week's lists (issue 5): from a planned customer to either a channel list
 * or one exclusion reason. Pure; capacity caps are applied afterwards in priority order.
 */
import { customerKey } from './customer-key.js';
import type { CampaignConfig } from '../config.js';
import type { ContactLookup } from './contact-history.js';
import { permittedContact, type ListContact } from '../permission/contact-point.js';
import { objectsToContact } from '../permission/objector-keys.js';
import { isControl } from './control-group.js';
import type { PermissionConfig, PermissionResult, Suppression } from '../permission/permission.js';
import { CHANNELS, type Channel } from '../playbook-types.js';
import type { PlannedCustomer } from '../plan/plan.js';
import { backSince, isSerialDefector, type BackIndex, type RegainIndex } from '../results/attribution.js';
import type { EpochDay } from '../types.js';
import { formatDay, messages, type Lang } from '../catalogue/index.js';

export const EXCLUSION_REASONS = [
  'let_go', 'never', 'review', 'no_channel', 'suppressed', 'no_permission', 'max_attempts', 'too_soon', 'not_due', 'control', 'over_capacity',
  'serial_defector', 'shared_contact', 'objector_contact', 'returned',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export interface CampaignRules {
  asOf: EpochDay;
  /** last day of this run's period (inclusive) */
  periodEnd: EpochDay;
  campaignId: string;
  permission: PermissionConfig;
  suppression?: Suppression;
  ledger: ContactLookup;
  campaign: CampaignConfig;
  /** share of eligible customers held out as control group, 0..1 */
  holdout: number;
  /** share of listed customers whose offer is drawn at random (campaign --test-offers), 0..1 */
  testOffers?: number;
  /** share of listed customers whose channel is drawn at random among their permitted ones (campaign --test-channels), 0..1 */
  testChannels?: number;
  /** customers won back before (from the ledger and an outcomes file); excluded when campaign.serialDefectors is 'exclude' */
  regained?: RegainIndex;
  /** customers who came back and are customers again (from an outcomes file): excluded, whatever the plan says */
  back?: BackIndex;
  /**
   * customers (customerKey) an outcomes row of whom was rejected: whether they came back is not
   * known, so a person decides (review), naming the line and column
   */
  unsureBack?: ReadonlyMap<string, { line: number; column: string }>;
  /** language of excluded.csv's detail; English when not given */
  lang?: Lang;
}

export type CampaignChoice =
  | { kind: 'list'; channel: Channel; contact: ListContact; warnings: string[] }
  | {
    kind: 'excluded'; reason: ExclusionReason; detail: string; warnings: string[];
    /**
     * A customer the draw holds out whom an earlier run contacted: the group is the one of the
     * first entry in the ledger, so they are listed so (afterHistory) — the draw changed since,
     * e.g. with the id's spelling matched (2026-12-07).
     */
    ifContactedBefore?: Extract<CampaignChoice, { kind: 'list' }>;
  };

/**
 * A customer who objected or said do not contact: whose contact points no other customer of the
 * run is reached at (ObjectorContacts). A suppression-list match is left out: the list matches
 * every row by its contact points already.
 */
export function objectedToContact(p: Pick<PlannedCustomer, 'permission'>): boolean {
  return objectsToContact(p.permission);
}

/** Decides whether a planned customer is contacted in this run, and on which channel. */
export function selectForCampaign(p: PlannedCustomer, rules: CampaignRules): CampaignChoice {
  const choice = choiceBeforeHistory(p, rules);
  if (choice.kind !== 'history') return choice;
  const id = p.row.customer_id;
  return afterHistory(choice, rules.ledger.check(id, rules.campaign), rules, rules.ledger.heldOutBefore(id), rules.ledger.contactedBefore(id));
}

/**
 * A choice that waits for the contact history: the ledger's verdict comes first (max_attempts,
 * too_soon), then `next` — what the choice is when the history allows a contact.
 */
export interface HistoryPending {
  kind: 'history';
  next: CampaignChoice;
  warnings: string[];
}

/**
 * selectForCampaign without the contact history (the ledger lives on the main thread; this
 * part may run where the customer is planned): the choice, or the choice once the history
 * allows a contact (afterHistory).
 */
export function choiceBeforeHistory(p: PlannedCustomer, rules: Omit<CampaignRules, 'ledger'>): CampaignChoice | HistoryPending {
  // The permission verdict is the plan's (decided before valuation, with the run's suppression list).
  const permission = p.permission;
  const warnings = valueWarnings(permission);
  const say = messages(rules.lang).campaign;
  if (permission.blockAll === 'suppressed') return excluded('suppressed', say.suppressed, warnings);
  // An objector is `never` in the plan, and so here.
  if (permission.blockAll !== undefined) return excluded('never', p.value.decisionReason, warnings);
  // Back as a customer since the export was written: no win-back letter (nor its discount) to a customer.
  const backDay = rules.back === undefined ? undefined : backSince(rules.back, p.row.customer_id, p.row.churn_date);
  if (backDay !== undefined) return excluded('returned', say.returned(formatDay(backDay, rules.lang ?? 'en')), warnings);
  const unsure = rules.unsureBack?.get(customerKey(p.row.customer_id));
  if (unsure !== undefined && (p.value.decision === 'win_back' || p.value.decision === 'review')) return excluded('review', say.outcomeRejected(unsure.line, unsure.column), warnings);
  const d = p.value.decision;
  if (d === 'no_channel') {
    // No channel left but ones that reach another customer's objector point: said as such (permission/objector-keys.ts).
    const objector = CHANNELS.some((c) => permission.blockedBy[c] === 'objector_contact');
    if (objector) return excluded('objector_contact', objectorContactWords(permission, rules.lang), warnings);
    // English keeps the block codes it has always written; German words them (the report's words).
    const de = rules.lang === 'de' ? messages('de') : undefined;
    const why = CHANNELS.map((c) => {
      const blocked = permission.blockedBy[c];
      if (de === undefined) return `${c}: ${blocked ?? say.notReasonChannel}`;
      return `${de.names.channel(c)}: ${blocked === undefined ? say.notReasonChannel : (de.report.words.blockReasons[blocked] ?? blocked)}`;
    }).join(', ');
    return excluded('no_channel', why, warnings);
  }
  if (d !== 'win_back') return excluded(d, p.value.decisionReason, warnings);
  if (rules.campaign.serialDefectors === 'exclude' && rules.regained && isSerialDefector(rules.regained, p.row.customer_id, p.row.churn_date)) {
    return excluded('serial_defector', say.serialDefector, warnings);
  }
  const channel = p.channel;
  // A plan never chooses a channel without permission; this guards the lists if that ever breaks.
  if (channel === null || !permission.allowed[channel]) return excluded('no_permission', say.notPermitted(channel), warnings);
  return { kind: 'history', next: choiceAfterHistory(p, channel, rules), warnings };
}

/**
 * The choice once the contact history has said `history` (ContactLookup.check), whether it held
 * the customer out before, and whether it contacted them before (a customer contacted first
 * stays contacted: their group is their first entry's).
 */
export function afterHistory(pending: HistoryPending, history: ReturnType<ContactLookup['check']>, rules: Pick<CampaignRules, 'lang' | 'campaign' | 'holdout'>, heldOut = false, contactedBefore = false): CampaignChoice {
  const excludedNow = historyExclusion(history, rules, pending.warnings, heldOut);
  if (excludedNow) return excludedNow;
  const { next } = pending;
  return contactedBefore && next.kind === 'excluded' && next.ifContactedBefore ? next.ifContactedBefore : next;
}

/**
 * The exclusion the contact history makes; undefined when it allows a contact. A customer the
 * ledger holds out as control from an earlier run stays control while the run holds out (its id
 * matched as the ledger matches ids: the draw reads the id as written, and an export that
 * changes its spelling must not list a control customer); then max_attempts, too_soon.
 */
export function historyExclusion(history: ReturnType<ContactLookup['check']>, rules: Pick<CampaignRules, 'lang' | 'campaign' | 'holdout'>, warnings: string[], heldOut = false): CampaignChoice | undefined {
  const say = messages(rules.lang).campaign;
  if (heldOut && rules.holdout > 0) return excluded('control', say.control, warnings);
  if (history === 'max_attempts') return excluded('max_attempts', say.maxAttempts(rules.campaign.maxAttempts), warnings);
  if (history === 'too_soon') return excluded('too_soon', say.tooSoon(rules.campaign.minGapDays), warnings);
  return undefined;
}

function choiceAfterHistory(p: PlannedCustomer, channel: Channel, rules: Omit<CampaignRules, 'ledger'>): CampaignChoice {
  const say = messages(rules.lang).campaign;
  const warnings = valueWarnings(p.permission);
  const w = p.window;
  if (!w || w.contactFrom > rules.periodEnd) return excluded('not_due', w ? say.windowOpens(w.wave) : noWindow(p, rules.lang ?? 'en'), warnings);
  // A pause after a declined offer ends on its day: a list for the week it ends in would contact the customer before it
  // (the ledger records the contact on the run's day), so the customer waits for the next run.
  if (w.notBefore !== undefined && w.notBefore > rules.asOf) return excluded('not_due', say.pauseEnds(formatDay(w.notBefore, rules.lang ?? 'en')), warnings);
  const contact = permittedContact(p.row, p.permission.allowed, rules.permission.defaultPhoneCountry);
  const listed: Extract<CampaignChoice, { kind: 'list' }> = { kind: 'list', channel, contact, warnings };
  if (rules.holdout > 0 && isControl(p.row.customer_id, rules.campaign.programmeSalt, rules.holdout)) {
    return { kind: 'excluded', reason: 'control', detail: say.control, warnings, ifContactedBefore: listed };
  }
  return listed;
}

/** Why a customer the plan would win back has no window: a defect nobody confirmed fixed (timing.ts), or none planned. */
function noWindow(p: PlannedCustomer, lang: Lang): string {
  return p.entry.timing.kind === 'after_fix' ? messages(lang).plan.fixAwaited(p.entry.label[lang]) : messages(lang).campaign.noWindow;
}

/** The verdict's warnings about the row's values, which the run counts: a channel an objector's point closed is none (its words come last). */
function valueWarnings(permission: PermissionResult): string[] {
  const closed = permission.objectorAt === undefined ? 0 : Object.keys(permission.objectorAt).length;
  return closed === 0 ? permission.warnings : permission.warnings.slice(0, permission.warnings.length - closed);
}

/** Each channel an objector's contact point closed, in words (the permission verdict's). */
function objectorContactWords(permission: PermissionResult, lang: Lang | undefined): string {
  const say = messages(lang).permission;
  return CHANNELS.flatMap((c) => {
    const at = permission.objectorAt?.[c];
    return at === undefined ? [] : [say.objectorContact(c, at.kind, at.line)];
  }).join('; ');
}

function excluded(reason: ExclusionReason, detail: string, warnings: string[]): CampaignChoice {
  return { kind: 'excluded', reason, detail, warnings };
}

/** Remaining places per channel; channels without a cap are unlimited. */
export class CapacityCounter {
  private left: Partial<Record<Channel, number>>;
  constructor(caps: Partial<Record<Channel, number>>) {
    this.left = { ...caps };
  }

  /** Takes a place on `channel`; false when the channel is full. */
  take(channel: Channel): boolean {
    const n = this.left[channel];
    if (n === undefined) return true;
    if (n <= 0) return false;
    this.left[channel] = n - 1;
    return true;
  }
}

/** Why a customer entered or left the lists since the previous run, in words for the people working them. */
export function describeChange(before: string | undefined, after: string | undefined, lang?: Lang): string {
  const say = messages(lang).changes;
  if (before === after) return '';
  if (after === undefined) return say.gone;
  if (before === undefined) return after.startsWith('list:') ? say.newDue : say.newExcluded(after);
  if (after.startsWith('list:')) {
    if (before.startsWith('list:')) return say.channelChanged(after.slice(5));
    return say.opened(before);
  }
  return say.closed(after);
}
