/**
 * The plan for one lost customer: reason → playbook entry → channel → value and decision →
 * contact window. Pure; the plan command streams rows through `planCustomer`.
 */
import type { CalibratedModel } from '../calibrate/calibrate.js';
import type { WinbackConfig } from '../config.js';
import { DAYS_PER_YEAR, formatIsoDay, isoWeekLabel, parseIsoDay } from '../dates.js';
import { CHANNELS, type Channel, type Playbook, type ReasonCode, type ReasonEntry } from '../playbook-types.js';
import { checkPermission, type PermissionResult, type Suppression } from '../permission/permission.js';
import { reasonEntry } from '../playbook-types.js';
import { classifyReason, type ReasonClassification } from '../reasons/index.js';
import type { ReasonVocabulary } from '../reasons/vocabulary.js';
import { afterDeclinedPause, planContactWindow } from '../timing.js';
import { personDecides } from './person-decides.js';
import { outOfAreaInText } from '../reasons/index.js';
import { withDeclinedDay } from '../objections/declined-day.js';
import type { CustomerRow, EpochDay } from '../types.js';
import type { IdIndex } from '../id-index.js';
import { notValued } from '../value/decision.js';
import { valueCustomer } from '../value/purchase-model.js';
import { formatFixed, formatMoneyText, messages } from '../catalogue/index.js';
import { contactSpend, overBudgetNote, overCapacityNote } from '../budget/budget.js';
import { choiceFor } from '../budget/choice.js';
import type { BudgetChoice, ChannelCaps } from '../budget/types.js';
import { decided, planFigures } from '../value/note.js';
import type { Decision, DecisionNote, EvaluateInput, RetentionOption, Track, ValueResult } from '../value/types.js';

/** Days of a mean calendar year. */

export interface PlanSetup {
  playbook: Playbook;
  vocabulary: ReasonVocabulary;
  config: WinbackConfig;
  asOf: EpochDay;
  model?: CalibratedModel;
  lang: 'en' | 'de';
  /** a suppression list (campaign --suppress): its customers are never contacted */
  suppression?: Suppression;
  /**
   * the contact points of the export's objectors (fingerprint → line), on a reading that knows
   * them from the start (permission/objector-keys.ts): nobody else is planned on a channel that
   * reaches one
   */
  objectorKeys?: IdIndex;
  /** compute the step-by-step explanation (for --explain only) */
  explain?: boolean;
  /**
   * no table of every offer × channel valued (value.offersConsidered stays empty): set by the
   * engine for runs whose outputs show the chosen action only (EngineRunBase.readsActions)
   */
  withoutActions?: boolean;
  /**
   * plan --budget and --capacity: only these customers are approached, each with the action the
   * budget and the places chose for them (domain/budget/); the others worth it are let go,
   * over budget or over capacity (`capacityBound`: kept from their best action by a full channel)
   */
  budget?: { amount: number; choice: BudgetChoice; caps?: ChannelCaps };
}

export interface PlannedCustomer {
  row: CustomerRow;
  reason: ReasonClassification;
  entry: ReasonEntry;
  /** the permission verdict, decided before anything else */
  permission: PermissionResult;
  /** the channel of the chosen approach; null when no channel may be used or none is planned */
  channel: Channel | null;
  value: ValueResult;
  measure: string;
  angle: string;
  window: { contactFrom: EpochDay; contactUntil: EpochDay; wave: string; rule: string; notBefore?: EpochDay } | null;
  /** win_back for the lost, retention for customers alive but drifting (never both) */
  track: Track;
}

/** Decision order in plan.csv: who to work on first. */
export const DECISION_RANK: Readonly<Record<Decision, number>> = { win_back: 0, review: 1, no_channel: 2, let_go: 3, never: 4 };

/**
 * Plans one customer: permission first (an objection or do-not-contact ends it there,
 * unvalued, as GDPR Art. 21(3) asks), then reason, then value over every permitted channel
 * and offer, then the contact window. `decidedBy: 'person'` plans a customer a person has
 * looked at (person-decides.ts): valued, not sent to review again.
 */
export function planCustomer(exported: CustomerRow, setup: PlanSetup, decidedBy?: 'person'): PlannedCustomer {
  const { playbook, config } = setup;
  // A decline dated in the text pauses from that day, as a declined_date column would.
  const row = withDeclinedDay(exported, setup.asOf, config.campaign.declinedPauseMonths);
  const reason = classifyReason({ text: row.reason, code: row.reason_code }, setup.vocabulary);
  const entry = reasonEntry(playbook, reason.code);
  const permission = checkPermission(row, config.permission, setup.suppression, setup.lang, setup.objectorKeys ? { objectors: setup.objectorKeys, line: row.line } : undefined);
  if (permission.blockAll !== undefined) {
    const value = notValued(row, 'never', blockedReason(permission), setup.lang);
    return { row, reason, entry, permission, channel: null, value, measure: '', angle: '', window: null, track: 'win_back' };
  }
  const permitted = candidateChannels(entry, row, permission.allowed, config.permission.fallbackOutsidePreference);
  // The moment comes before the value: the contact is valued as the customer will stand then.
  const planned = plannedWindow(row, entry, setup);
  // A customer who never cancelled is valued with clv's purchase-model hand-over, others as contract customers.
  const input = valueInput(row, reason, entry, permitted, setup, planned?.contactFrom, permission);
  // Gone longer than the configured years: let go unasked (data that old are not for marketing).
  const years = config.plan.maxYearsSinceChurn;
  if (years !== null && row.churn_date !== undefined && decidedBy !== 'person' && setup.asOf - row.churn_date > years * DAYS_PER_YEAR) {
    const value = notValued(row, 'let_go', { key: 'churnedLongAgo', args: [formatIsoDay(row.churn_date), years] }, setup.lang);
    return { row, reason, entry, permission, channel: null, value, measure: '', angle: '', window: null, track: 'win_back' };
  }
  // A move the company cannot follow: let go gracefully (DOMAIN §3, §6); a person may plan them after all.
  const away = reason.code === 'relocation' && decidedBy !== 'person' ? (outOfAreaInText(row.reason) ?? outOfAreaInText(row.notes)) : undefined;
  const valued = away === undefined ? valueCustomer(input) : letGoOutOfArea(valueCustomer(input), away, setup);
  // A decline in the text, or a final reason read second: a person decides before anyone is contacted.
  // (Not again once a person did: a consultant's decision in the worksheet, decidedBy 'person'.)
  const ask = decidedBy === 'person' ? undefined : personDecides(row, reason, entry, valued.decision, { playbook, lang: setup.lang, declinedPauseMonths: config.campaign.declinedPauseMonths, asOf: setup.asOf, vocabulary: setup.vocabulary });
  if (ask !== undefined) {
    const asked = notValued(row, 'review', ask, setup.lang);
    return { row, reason, entry, permission, channel: null, value: asked, measure: '', angle: '', window: null, track: valued.track ?? 'win_back' };
  }
  // A customer waiting for a fix has no contact a budget could buy: left to the fix, not let go as over budget.
  const waiting = valued.track !== 'retention' && planned === null && entry.timing.kind === 'after_fix';
  const value = setup.budget !== undefined && valued.decision === 'win_back' && !waiting ? withinBudget(valued, input, setup.budget, setup) : valued;
  // A channel and a window only for customers the plan approaches (or asks about); never a channel without permission.
  const approached = value.decision === 'win_back' || value.decision === 'review';
  const channel = approached ? value.channel : null;
  const kept = value.retention;
  if (value.track === 'retention') {
    // The retention measure's own texts and timing, never the departure reason's.
    const window = approached && kept ? afterDeclinedPause(retentionWindow(kept.timing, setup.asOf, setup.lang), row.declined_date, config.campaign.declinedPauseMonths, setup.lang) : null;
    return { row, reason, entry, permission, channel, value, measure: kept?.measure[setup.lang] ?? '', angle: kept?.angle[setup.lang] ?? '', window, track: 'retention' };
  }
  const window = approached ? planned : null;
  // A defect nobody has confirmed fixed: worth it, but not contacted yet (timing.ts) — the plan says why.
  const said = approached && waiting ? { ...value, warnings: [...value.warnings, messages(setup.lang).plan.fixAwaited(entry.label[setup.lang])] } : value;
  return { row, reason, entry, permission, channel, value: said, measure: entry.measure[setup.lang], angle: entry.angle[setup.lang], window, track: 'win_back' };
}

/**
 * A win-back customer whose reason waits for a fix nobody has confirmed (quality, availability
 * without plan.qualityFixedFrom or the reason's fixedFrom): worth approaching once it is fixed,
 * no contact window until then (DOMAIN §3), so nothing for a budget to buy.
 */
export function awaitsFix(p: Pick<PlannedCustomer, 'track' | 'window' | 'entry' | 'value'>): boolean {
  return p.track !== 'retention' && p.window === null && p.entry.timing.kind === 'after_fix' && p.value.decision === 'win_back';
}

/**
 * A customer who moved where the company cannot serve them: let go, nothing spent and nothing
 * expected; the value at stake still counts as lost, as with a final reason (docs/model.md §5).
 * A customer the valuation already leaves alone (never, review for missing figures) stays so.
 */
function letGoOutOfArea(valued: ValueResult, evidence: string, setup: PlanSetup): ValueResult {
  if (valued.decision === 'never' || valued.decision === 'review') return valued;
  const note = decided('let_go' as const, { key: 'outOfArea', args: [evidence] }, setup.lang, planFigures(setup.config.model.currencySymbol, setup.lang));
  return { ...valued, ...note, p_winback: 0, expected_value: 0, offer_type: null, offerReason: messages(setup.lang).value.outOfAreaNoOffer, offersConsidered: [], channel: null };
}

/**
 * The contact window of a customer the plan approaches on the win-back track: the departure
 * reason's timing, moved past campaign.declinedPauseMonths after a declined offer.
 */
export function plannedWindow(row: CustomerRow, entry: ReasonEntry, setup: PlanSetup): PlannedCustomer['window'] {
  const { config } = setup;
  const timed = planContactWindow({
    reason: entry.code,
    churnDate: row.churn_date,
    competitorContractEnd: row.competitor_contract_end,
    asOf: setup.asOf,
    entry,
    coolingOffDays: setup.playbook.coolingOffDays,
    qualityFixedFrom: config.plan.qualityFixedFrom ? parseIsoDay(config.plan.qualityFixedFrom) : undefined,
    lang: setup.lang,
  });
  return timed && afterDeclinedPause(timed, row.declined_date, config.campaign.declinedPauseMonths, setup.lang);
}

/**
 * A customer worth approaching under a budget: let go when the budget bought them nothing;
 * valued again on the action it chose when that is not the most valuable one (a letter
 * instead of a visit), so plan.csv, --explain and the lists show the same figures. The table
 * of every permitted action stays the unbudgeted one.
 */
function withinBudget(valued: ValueResult, input: EvaluateInput, budget: NonNullable<PlanSetup['budget']>, setup: PlanSetup): ValueResult {
  const symbol = setup.config.model.currencySymbol;
  const choice = choiceFor(budget.choice, valued.customer_id);
  const action = choice?.action;
  const fullChannel = choice?.fullChannel;
  const full = fullChannel === undefined ? undefined : { channel: fullChannel, places: budget.caps?.[fullChannel] ?? 0 };
  if (action === undefined) {
    const note = full ? overCapacityNote(full.channel, full.places) : overBudgetNote(budget, symbol, setup.lang);
    return { ...valued, ...decided('let_go' as const, note, setup.lang, planFigures(symbol, setup.lang)), ...(full ? { fullChannel: full } : {}) };
  }
  if (action.offer === valued.offer_type && action.channel === valued.channel) return valued;
  const only: EvaluateInput = {
    ...input,
    channels: [action.channel],
    offers: input.offers.filter((o) => o.id === action.offer),
    ...(input.retention ? { retention: input.retention.filter((o) => o.measure.id === action.offer).map((o) => ({ ...o, channels: [action.channel] })) } : {}),
  };
  const chosen = valueCustomer(only);
  // A budget's action is one the full valuation found worth making; anything else keeps the full valuation.
  if (chosen.decision !== 'win_back' || chosen.offer_type !== action.offer || chosen.channel !== action.channel || chosen.expected_value === null) return valued;
  const t = messages(setup.lang);
  const money = (v: number) => formatMoneyText(v, symbol, setup.lang);
  const spend = contactSpend(chosen, setup.playbook);
  const ratio = spend > 0 ? formatFixed(chosen.expected_value / spend, 2, setup.lang) : '∞';
  const best = t.compare.action(valued.offer_type ?? 'none', valued.channel ?? '-');
  if (full) {
    const offerReason = t.capacity.lesserAction(action.offer, action.channel, money(chosen.expected_value), full.channel, full.places, best, money(valued.expected_value ?? 0));
    return { ...chosen, offerReason, offersConsidered: valued.offersConsidered, fullChannel: full };
  }
  const offerReason = t.budget.cheaperAction(action.offer, action.channel, money(chosen.expected_value), ratio, symbol, best, money(valued.expected_value ?? 0));
  return { ...chosen, offerReason, offersConsidered: valued.offersConsidered };
}

/** A retention contact's window: from the as-of date (no cooling-off: the customer has not left). */
export function retentionWindow(timing: { afterDays: number; windowDays: number }, asOf: EpochDay, lang: PlanSetup['lang']): NonNullable<PlannedCustomer['window']> {
  const from = asOf + timing.afterDays;
  return { contactFrom: from, contactUntil: from + timing.windowDays - 1, wave: isoWeekLabel(from), rule: messages(lang).timing.retention(timing.afterDays) };
}

/** The retention measures with the channels each may use for this customer: permitted, a visit only where someone knows them. */
function retentionOptions(playbook: Playbook, row: CustomerRow, permission: Pick<PermissionResult, 'allowed' | 'blockedBy'>): RetentionOption[] {
  const { allowed } = permission;
  const reachable = reachableChannels(permission.blockedBy);
  return (playbook.retention?.measures ?? []).map((measure) => ({
    measure,
    channels: measure.channels.filter((c) => allowed[c] && (c !== 'visit' || hasPersonalContact(row))),
    reachable: measure.channels.filter((c) => reachable[c] && (c !== 'visit' || hasPersonalContact(row))),
  }));
}

function valueInput(row: CustomerRow, reason: ReasonClassification, entry: ReasonEntry, permitted: Channel[], setup: PlanSetup, contactDay: EpochDay | undefined, permission: Pick<PermissionResult, 'allowed' | 'blockedBy'>): EvaluateInput {
  // With no permitted channel, the approach is still valued on the usual ones the customer could be reached at (a
  // number, a mailbox, an address, had they said yes), else on the usual ones: worth it → no_channel, else let_go.
  const reachable = permitted.length > 0 ? undefined : candidateChannels(entry, row, reachableChannels(permission.blockedBy), false);
  const usual = reachable === undefined || reachable.length > 0 ? reachable : candidateChannels(entry, row, ALL_ALLOWED, false);
  const channels: Channel[] = usual === undefined ? permitted : usual.length > 0 ? usual : ['letter'];
  const input: EvaluateInput = {
    row,
    reasonCode: reason.code as ReasonCode,
    reasonConfidence: reason.confidence,
    entry,
    offers: setup.playbook.offers,
    channels,
    channelCosts: setup.playbook.channelCosts,
    asOf: setup.asOf,
    config: setup.config.model,
    explain: setup.explain === true,
    lang: setup.lang,
  };
  if (contactDay !== undefined) input.contactDay = contactDay;
  if (reason.source === 'none') input.reasonMissing = true;
  if (permitted.length === 0) input.unpermitted = true;
  if (setup.playbook.channelResponse) input.channelResponse = setup.playbook.channelResponse;
  if (setup.model) input.model = setup.model;
  if (setup.withoutActions === true) input.withoutActions = true;
  if (setup.playbook.retention && row.value_basis !== undefined) input.retention = retentionOptions(setup.playbook, row, permission);
  return input;
}

const ALL_ALLOWED: Readonly<Record<Channel, boolean>> = { visit: true, phone: true, letter: true, email: true };

/** Why a channel is closed when the customer has nothing (usable) it could reach them at (permission.ts). */
const NO_CONTACT_POINT = new Set(['no_email', 'no_phone', 'no_postal_address', 'no_account_manager', 'invalid_email', 'invalid_phone']);

/** The channels a customer has a contact point for, permitted or not. */
function reachableChannels(blockedBy: PermissionResult['blockedBy']): Record<Channel, boolean> {
  const out = { ...ALL_ALLOWED };
  for (const c of CHANNELS) {
    const why = blockedBy[c];
    if (why !== undefined && NO_CONTACT_POINT.has(why)) out[c] = false;
  }
  return out;
}

/**
 * The channels an approach may use, in preference order: the reason's channels that are
 * permitted, then a visit where an account manager knows the customer (the personal dialogue,
 * valued like any other channel), then — only when the config allows it — any other
 * permitted channel.
 */
export function candidateChannels(entry: ReasonEntry, row: CustomerRow, allowed: Readonly<Record<Channel, boolean>>, outsidePreference: boolean): Channel[] {
  // Whether someone knows the customer is asked once (a loop, no closure: this runs once or twice a row).
  const visit = allowed.visit && hasPersonalContact(row);
  const out: Channel[] = [];
  for (let i = 0; i < entry.channels.length; i++) {
    const c = entry.channels[i] as Channel;
    if (c === 'visit' ? visit : allowed[c]) out.push(c);
  }
  if (visit && !out.includes('visit')) out.push('visit');
  if (outsidePreference) for (const c of CHANNELS) if ((c === 'visit' ? visit : allowed[c]) && !out.includes(c)) out.push(c);
  return out;
}

function hasPersonalContact(row: CustomerRow): boolean {
  return (row.account_manager ?? '').trim() !== '' || row.key_account === true;
}

/** Why a customer who must not be contacted at all is `never`, in the plan's words. */
function blockedReason(permission: PermissionResult): DecisionNote {
  switch (permission.blockAll) {
    case 'suppressed': return { key: 'suppressed', args: [] };
    case 'do_not_contact': return { key: 'doNotContact', args: [] };
    case 'objection': return { key: 'objection', args: [] };
    default: return { key: 'objectionInText', args: [permission.objectionPhrase ?? ''] };
  }
}
