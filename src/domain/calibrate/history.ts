/**
 * From one row of a win-back history file to the `HistoryRow` the calibration fits on: the
 * reason as the plan classifies it, the behaviour features as they stood on the contact date,
 * the outcome, and the offer made. Pure; the calibrate command streams rows through here.
 */
import type { HistoryRow } from './calibrate.js';
import { CONTROL_ARM, type HoldoutAttempt } from './compare.js';
import { CHANNELS, type Channel, type ReasonEntry } from '../playbook-types.js';
import { expectedSecondLife, type SecondLifeObservation } from './lifetime.js';
import type { ModelConfig } from '../defaults.js';
import type { OfferSpec } from '../playbook-types.js';
import { classifyReason } from '../reasons/index.js';
import type { ReasonVocabulary } from '../reasons/vocabulary.js';
import type { CustomerRow, EpochDay, Reject } from '../types.js';
import { firstLifetime, type BehaviourFeatures } from '../value/value.js';
import { messages, type Lang } from '../catalogue/index.js';

/** A parsed history row: the lost-customer fields plus the attempt's outcome. */
export interface HistoryInputRow extends CustomerRow {
  /** undefined when blank, null when neither yes nor no */
  won_back?: boolean | null;
  second_lifetime_months?: number;
  second_lifetime_revenue?: number;
  contact_date?: EpochDay;
  offer_type?: string;
  /** the channel of the attempt (for a control customer: the one they would have been contacted on) */
  channel?: string;
  /** contacted or control (results --history-out); blank: contacted */
  attempt_group?: string;
  /** the offer was drawn at random (campaign --test-offers) */
  offer_randomised?: boolean | null;
  /** the channel was drawn at random among the permitted ones (campaign --test-channels); blank in older histories: chosen by the plan */
  channel_randomised?: boolean | null;
  /** margin earned since the return */
  second_lifetime_margin?: number;
  /** the returner left again on this day (blank: still a customer at the history's as-of date) */
  cancelled_again?: EpochDay;
}

export interface HistorySettings {
  vocabulary: ReasonVocabulary;
  offers: readonly OfferSpec[];
  config: ModelConfig;
  /** the playbook's reasons (their second-lifetime factors: what the value model expects of a returner) */
  reasons?: readonly ReasonEntry[];
  /** the playbook's odds factor per channel */
  channelResponse?: Partial<Record<Channel, number>>;
  /** day the features are computed at when a row has no contact_date; undefined leaves months since churn unknown */
  fallbackContactDay?: EpochDay;
  /** the language of the rejects (default English) */
  lang?: Lang;
}

/** A usable attempt, with what the report shows about it besides the fit. */
export interface HistoryAttempt {
  row: HistoryRow;
  secondLifetimeMonths?: number;
  secondLifetimeRevenue?: number;
  /** notes for the run's warnings: 'no_contact_date', 'unknown_offer' */
  notes: string[];
  /** a customer whose arm was random (control, or a randomised offer): decisions are compared in money on them when their fold is held out (check.ts) */
  randomArm?: HoldoutAttempt;
}

/** A cell of the row: its column's header and its text, for a reject. */
export type CellOf = (field: string) => { column: string; value: string };

/**
 * What makes a history row one the fit must not take: a group, channel or randomisation that
 * contradicts itself, a contact before the departure, a second cancellation before the contact,
 * negative months. Undefined for a row that holds together.
 */
export function historyProblem(row: HistoryInputRow, cellOf: CellOf, lang: Lang | undefined): Reject | undefined {
  const t = messages(lang).calibrate;
  const reject = (field: string, error: (column: string, value: string) => string): Reject => {
    const { column, value } = cellOf(field);
    return { line: row.line, customer_id: row.customer_id, column, value, error: error(column, value) };
  };
  const group = groupIn(row.attempt_group);
  if (group === null) return reject('attempt_group', t.badGroup);
  if (channelIn(row.channel) === null) return reject('channel', t.badChannel);
  if (group === 'control' && (row.offer_randomised === true || row.channel_randomised === true)) return reject(row.offer_randomised === true ? 'offer_randomised' : 'channel_randomised', t.controlRandomised);
  if (row.contact_date !== undefined && row.churn_date !== undefined && row.contact_date < row.churn_date) return reject('contact_date', t.contactBeforeChurn);
  if (row.cancelled_again !== undefined && row.contact_date !== undefined && row.cancelled_again < row.contact_date) return reject('cancelled_again', t.cancelledBeforeContact);
  if (row.second_lifetime_months !== undefined && row.second_lifetime_months < 0) return reject('second_lifetime_months', t.negativeMonths);
  return undefined;
}

/**
 * Channels as a history file may write them: the code, or its name in the catalogue as the
 * German lists and report write it (Brief, Telefon, E-Mail, Besuch), and "anruf"/"call".
 */
const CHANNEL_WORDS: ReadonlyMap<string, Channel> = new Map<string, Channel>([
  ...CHANNELS.flatMap((c): [string, Channel][] => [[c, c], [messages('de').names.channel(c).toLowerCase(), c]]),
  ['anruf', 'phone'], ['call', 'phone'],
]);
/** Groups likewise: the codes, or the report's words for them in either language (kontaktiert, Kontrollgruppe). */
const GROUP_WORDS: ReadonlyMap<string, 'contacted' | 'control'> = new Map<string, 'contacted' | 'control'>([
  ['contacted', 'contacted'], ['control', 'control'], ['angesprochen', 'contacted'], ['kontrolle', 'control'],
  ...(['en', 'de'] as const).flatMap((lang): [string, 'contacted' | 'control'][] => {
    const words = messages(lang).report.words;
    return [[words.contactedGroup.toLowerCase(), 'contacted'], [words.controlGroup.toLowerCase(), 'control']];
  }),
]);

/** The channel of a history row: undefined when empty, null when not a channel. */
function channelIn(text: string | undefined): Channel | undefined | null {
  const t = text?.trim().toLowerCase();
  return t === undefined || t === '' ? undefined : (CHANNEL_WORDS.get(t) ?? null);
}

/** The attempt group of a history row: undefined when empty, null when not a group. */
function groupIn(text: string | undefined): 'contacted' | 'control' | undefined | null {
  const t = text?.trim().toLowerCase();
  return t === undefined || t === '' ? undefined : (GROUP_WORDS.get(t) ?? null);
}

/**
 * Turns a parsed row into an attempt, or a reject when the outcome is missing or unclear.
 * `wonBackCell` is the raw cell, for the reject message.
 */
export function historyAttemptOf(
  row: HistoryInputRow,
  settings: HistorySettings,
  wonBackColumn: string,
  wonBackCell: string,
  cellOf?: CellOf,
): { ok: true; attempt: HistoryAttempt } | { ok: false; reject: Reject; retention?: true } {
  if (row.won_back === undefined || row.won_back === null) {
    const t = messages(settings.lang).calibrate;
    const error = row.won_back === undefined ? t.wonBackEmpty(wonBackColumn, wonBackCell) : t.wonBackUnclear(wonBackColumn, wonBackCell);
    return { ok: false, reject: { line: row.line, customer_id: row.customer_id, column: wonBackColumn, value: wonBackCell, error } };
  }
  const problem = cellOf === undefined ? undefined : historyProblem(row, cellOf, settings.lang);
  if (problem !== undefined) return { ok: false, reject: problem };
  // The retention track's contacts (results writes their reason_code as 'retention'): read as a departure reason
  // from their text ("drifting: still buying …"), they lowered the life-change base rate.
  if (row.reason_code?.trim().toLowerCase() === 'retention') {
    return { ok: false, retention: true, reject: { line: row.line, customer_id: row.customer_id, column: 'reason_code', value: row.reason_code, error: messages(settings.lang).calibrate.retentionRow } };
  }
  const notes: string[] = [];
  const reason = classifyReason({ text: row.reason, code: row.reason_code }, settings.vocabulary);
  const contactDay = row.contact_date ?? settings.fallbackContactDay;
  if (row.contact_date === undefined) notes.push('no_contact_date');
  // Behaviour as it stood when the customer was approached, not as it stands today.
  const life = firstLifetime(row, contactDay ?? 0, settings.config);
  const behaviour: BehaviourFeatures = {};
  if (life.tenureMonths !== undefined) behaviour.tenureMonths = life.tenureMonths;
  if (life.orders !== undefined) behaviour.orders = life.orders;
  if (life.complaints !== undefined) behaviour.complaints = life.complaints;
  if (contactDay !== undefined && life.monthsSinceChurn !== undefined) behaviour.monthsSinceChurn = life.monthsSinceChurn;
  const history: HistoryRow = { customer_id: row.customer_id, reasonCode: reason.code, behaviour, wonBack: row.won_back };
  if (groupIn(row.attempt_group) === 'control') history.control = true;
  const offerId = row.offer_type?.trim().toLowerCase();
  if (offerId && history.control !== true) {
    // The offer's id, its German name as the lists write it ("persönliche Ansprache"), or its playbook label.
    const offer = settings.offers.find((o) => o.id.toLowerCase() === offerId || messages('de').names.offer(o.id).toLowerCase() === offerId
      || o.label.de.toLowerCase() === offerId || o.label.en.toLowerCase() === offerId);
    if (offer) {
      history.offerOddsFactor = offer.reacquisitionOddsFactor;
      history.offerId = offer.id;
      if (row.offer_randomised === true) history.randomised = true;
    } else notes.push('unknown_offer');
  }
  const attempt: HistoryAttempt = { row: history, notes };
  const channel = channelIn(row.channel);
  // A contact's channel enters its fit as the plan values it; a control customer had none.
  if (history.control !== true && channel !== undefined && channel !== null) {
    history.channel = channel;
    history.channelOddsFactor = settings.channelResponse?.[channel] ?? 1;
    if (row.channel_randomised === true) history.channelRandomised = true;
  }
  const secondLife = row.won_back ? secondLifeOf(row, reason.code, contactDay ?? 0, history.offerId, settings) : undefined;
  if (secondLife) history.secondLife = secondLife;
  const arm = history.control === true ? CONTROL_ARM : history.randomised === true ? history.offerId : undefined;
  if (arm !== undefined && row.contact_date !== undefined && channel !== undefined && channel !== null) {
    attempt.randomArm = { customer: row, reasonCode: reason.code, contactDay: row.contact_date, channel, arm, wonBack: row.won_back };
  }
  if (row.second_lifetime_months !== undefined) attempt.secondLifetimeMonths = row.second_lifetime_months;
  if (row.second_lifetime_revenue !== undefined) attempt.secondLifetimeRevenue = row.second_lifetime_revenue;
  return { ok: true, attempt };
}

// A returner's second lifetime: the months and margin observed, and what the value model expected of them.
function secondLifeOf(row: HistoryInputRow, reasonCode: string, contactDay: EpochDay, offerId: string | undefined, settings: HistorySettings): SecondLifeObservation | undefined {
  const months = row.second_lifetime_months;
  const entry = settings.reasons?.find((r) => r.code === reasonCode);
  if (months === undefined || entry === undefined || entry.final) return undefined;
  const offer = offerId === undefined ? undefined : settings.offers.find((o) => o.id === offerId);
  const expected = expectedSecondLife(row, contactDay, entry, offer, months, settings.config);
  if (expected === undefined) return undefined;
  return { months, cancelledAgain: row.cancelled_again !== undefined, ...(row.second_lifetime_margin !== undefined ? { margin: row.second_lifetime_margin } : {}), ...expected };
}

/** Per reason: attempts, wins, and the mean second lifetime of those won back (where the file says). */
export interface SecondLifetimeStats {
  attempts: number;
  wins: number;
  withLifetime: number;
  meanMonths: number | null;
  meanMonthlyRevenue: number | null;
}

/** Summarises the attempts per reason, for the calibration report (not part of the fitted model). */
export function secondLifetimeByReason(attempts: readonly HistoryAttempt[]): Record<string, SecondLifetimeStats> {
  const acc = new Map<string, { attempts: number; wins: number; n: number; months: number; monthly: number; nMonthly: number }>();
  for (const a of attempts) {
    const s = acc.get(a.row.reasonCode) ?? { attempts: 0, wins: 0, n: 0, months: 0, monthly: 0, nMonthly: 0 };
    s.attempts++;
    if (a.row.wonBack) {
      s.wins++;
      if (a.secondLifetimeMonths !== undefined) {
        s.n++;
        s.months += a.secondLifetimeMonths;
        if (a.secondLifetimeRevenue !== undefined && a.secondLifetimeMonths > 0) {
          s.nMonthly++;
          s.monthly += a.secondLifetimeRevenue / a.secondLifetimeMonths;
        }
      }
    }
    acc.set(a.row.reasonCode, s);
  }
  const out: Record<string, SecondLifetimeStats> = {};
  for (const code of [...acc.keys()].sort()) {
    const s = acc.get(code)!;
    out[code] = {
      attempts: s.attempts,
      wins: s.wins,
      withLifetime: s.n,
      meanMonths: s.n > 0 ? s.months / s.n : null,
      meanMonthlyRevenue: s.nMonthly > 0 ? s.monthly / s.nMonthly : null,
    };
  }
  return out;
}
