/**
 * The report model behind `winback report`: built one customer at a time (memory stays flat:
 * sums, fixed bins, a 12-week calendar and a bounded top list, never the rows themselves),
 * then finished into plain JSON-ready data for the terminal, --json and the HTML report.
 * Expected value always means the expected recoverable value of win_back customers, the
 * same figure as summary.json's expected_value. Pure.
 */
import type { Channel } from '../playbook-types.js';
import {
  LOSS_PHASES, SWITCHING_PATHS, VALUE_BIN_EDGES, valueBin,
  type LossPhase, type ReportItem, type SwitchingPath,
} from './facts.js';
import { addExtras, createExtras, DEFAULT_OUTLIER_SHARE, type ReportExtras } from './extras.js';
import { TopHeap } from './top.js';
import type { EpochDay } from '../types.js';
import type { Decision } from '../value/types.js';

export const CALENDAR_WEEKS = 12;
/** "This period" when none is given: a week, the campaign's default period. */
export const DEFAULT_PERIOD_DAYS = 7;
export const TOP_CANDIDATES = 20;

const SEGMENTS = ['B2B', 'B2C', 'unknown'] as const;

/** Counts and money; inside the accumulator money is in whole cents, in the finished report in currency units. */
export interface MoneySums { count: number; win_back: number; value_at_stake: number; expected_value: number }

/**
 * The plan's money of a group (win_back customers only, but value_at_stake): value at stake of
 * the win_back customers, and the expected cost of approaching them (docs/report.md).
 */
export interface PlanMoneySums extends MoneySums { value_at_stake_win_back: number; contact_cost: number; incentive_cost: number }

/** Account managers kept apart in the breakdown; any further ones are summed as one line (memory stays flat). */
export const MAX_ACCOUNT_MANAGERS = 200;
/** The account-manager key of customers without one, and of those past MAX_ACCOUNT_MANAGERS. */
export const NO_MANAGER = '';
export const OTHER_MANAGERS = '\u0000other';
type DecisionCounts = Record<Decision, number>;
type ChannelCounts = Record<Channel, number>;

export interface TopCandidate {
  rank: number; customer_id: string; name: string; reason_code: string; segment: string;
  channel: string; contact_from: string | null; p_winback: number | null; expected_value: number;
  /** the organic return probability in the expected value (null where the plan has none) */
  p_organic: number | null;
}
interface HeapEntry { id: string; score: number; item: ReportItem }

/** Running state of a report; feed it with addToReport, read it with finishReport. */
export interface ReportAccumulator {
  asOf: EpochDay;
  /** Monday of the as-of date's ISO week: week 0 of the calendar */
  weekStart: EpochDay;
  decisions: DecisionCounts;
  reasons: Map<string, PlanMoneySums>;
  segments: Record<(typeof SEGMENTS)[number], PlanMoneySums & DecisionCounts>;
  managers: Map<string, PlanMoneySums>;
  /** customers with an account manager: the breakdown is shown only when the export has some */
  withManager: number;
  /** the same by region (NO_MANAGER = none, OTHER_MANAGERS = the rest) */
  regions: Map<string, PlanMoneySums>;
  withRegion: number;
  paths: Record<SwitchingPath, MoneySums>;
  phases: Record<LossPhase, MoneySums>;
  complaints: { yes: number; no: number; unknown: number };
  competitor: { known: number; unknown: number };
  weeks: ChannelCounts[];
  calendarLater: number;
  withoutWindow: number;
  /** win-back customers whose window closed before the as-of date (a report on an older plan) */
  windowClosed: number;
  bins: { count: number; win_back: number }[];
  notValued: number;
  top: TopHeap<HeapEntry>;
  unknownReasons: number;
  defaultMargins: number;
  blocked: Map<string, number>;
  totals: PlanMoneySums;
  /** the due-this-period and outlier views: see report-funnel.ts and report-outliers.ts */
  extra: ReportExtras;
}

const sums = (): PlanMoneySums => ({ count: 0, win_back: 0, value_at_stake: 0, expected_value: 0, value_at_stake_win_back: 0, contact_cost: 0, incentive_cost: 0 });
const decisionCounts = (): DecisionCounts => ({ win_back: 0, review: 0, no_channel: 0, let_go: 0, never: 0 });
const channelCounts = (): ChannelCounts => ({ visit: 0, phone: 0, letter: 0, email: 0 });
const record = <K extends string, V>(keys: readonly K[], make: () => V) => Object.fromEntries(keys.map((k) => [k, make()])) as Record<K, V>;

/** An empty report for a run as of `asOf`; this period lasts `periodDays` (the campaign's period). */
export function createReport(asOf: EpochDay, opts: { periodDays?: number; outlierShare?: number } = {}): ReportAccumulator {
  const weekday = (((asOf + 3) % 7) + 7) % 7; // Monday 0 … Sunday 6 (1970-01-01 was a Thursday)
  return {
    asOf, weekStart: asOf - weekday,
    decisions: decisionCounts(), reasons: new Map(), managers: new Map(), withManager: 0, regions: new Map(), withRegion: 0,
    segments: record(SEGMENTS, () => ({ ...sums(), ...decisionCounts() })),
    paths: record(SWITCHING_PATHS, sums), phases: record(LOSS_PHASES, sums),
    complaints: { yes: 0, no: 0, unknown: 0 }, competitor: { known: 0, unknown: 0 },
    weeks: Array.from({ length: CALENDAR_WEEKS }, channelCounts), calendarLater: 0, withoutWindow: 0, windowClosed: 0,
    bins: Array.from({ length: VALUE_BIN_EDGES.length + 1 }, () => ({ count: 0, win_back: 0 })), notValued: 0,
    top: new TopHeap<HeapEntry>(TOP_CANDIDATES),
    unknownReasons: 0, defaultMargins: 0, blocked: new Map(),
    totals: sums(),
    extra: createExtras({ asOf, periodEnd: asOf + (opts.periodDays ?? DEFAULT_PERIOD_DAYS) - 1, outlierShare: opts.outlierShare ?? DEFAULT_OUTLIER_SHARE }),
  };
}

/** Adds one customer to the report (mutates `acc`; cheap enough for millions of rows). */
export function addToReport(acc: ReportAccumulator, item: ReportItem): void {
  const winBack = item.decision === 'win_back';
  // Whole cents: sums are exact, so the order of the rows (export or plan.csv) cannot change them.
  const stake = Math.round((item.value_at_stake ?? 0) * 100);
  const ev = winBack ? Math.round((item.expected_value ?? 0) * 100) : 0;
  const contact = winBack ? Math.round((item.contact_cost ?? 0) * 100) : 0;
  const incentive = winBack ? Math.round((item.incentive_cost ?? 0) * 100) : 0;
  acc.decisions[item.decision]++;
  if (!acc.reasons.has(item.reason_code)) acc.reasons.set(item.reason_code, sums());
  addMoney(acc.reasons.get(item.reason_code) as PlanMoneySums, winBack, stake, ev, contact, incentive);
  addMoney(managerSums(acc, item.account_manager), winBack, stake, ev, contact, incentive);
  addMoney(regionSums(acc, item.region), winBack, stake, ev, contact, incentive);
  const segment = acc.segments[item.segment];
  addMoney(segment, winBack, stake, ev, contact, incentive);
  // add() already counted win_back (a key MoneySums and the decision counts share)
  if (item.decision !== 'win_back') segment[item.decision]++;
  add(acc.paths[item.path], winBack, stake, ev);
  add(acc.phases[item.phase], winBack, stake, ev);
  acc.complaints[item.complaints]++;
  acc.competitor[item.competitor_known ? 'known' : 'unknown']++;
  addMoney(acc.totals, winBack, stake, ev, contact, incentive);
  addExtras(acc.extra, item);
  addValue(acc, item, winBack);
  if (winBack) addWinBack(acc, item);
  if (item.reason_code === 'unknown') acc.unknownReasons++;
  if (item.default_margin) acc.defaultMargins++;
}

// Functions of the module, not closures made per customer: addToReport runs a million times.
function add(s: MoneySums, winBack: boolean, stake: number, ev: number): void {
  s.count++;
  s.value_at_stake += stake;
  if (winBack) {
    s.win_back++;
    s.expected_value += ev;
  }
}

function addMoney(s: PlanMoneySums, winBack: boolean, stake: number, ev: number, contact: number, incentive: number): void {
  add(s, winBack, stake, ev);
  if (winBack) {
    s.value_at_stake_win_back += stake;
    s.contact_cost += contact;
    s.incentive_cost += incentive;
  }
}

function managerSums(acc: ReportAccumulator, name: string): PlanMoneySums {
  if (name !== NO_MANAGER) acc.withManager++;
  const key = acc.managers.has(name) || acc.managers.size < MAX_ACCOUNT_MANAGERS ? name : OTHER_MANAGERS;
  let s = acc.managers.get(key);
  if (s === undefined) acc.managers.set(key, (s = sums()));
  return s;
}

// Regions are kept apart like account managers, up to MAX_ACCOUNT_MANAGERS of them.
function regionSums(acc: ReportAccumulator, name: string): PlanMoneySums {
  if (name !== NO_MANAGER) acc.withRegion++;
  const key = acc.regions.has(name) || acc.regions.size < MAX_ACCOUNT_MANAGERS ? name : OTHER_MANAGERS;
  let s = acc.regions.get(key);
  if (s === undefined) acc.regions.set(key, (s = sums()));
  return s;
}

function addValue(acc: ReportAccumulator, item: ReportItem, winBack: boolean): void {
  // An objector or a final reason is never valued for a contact (a final reason's 0 is no value);
  // a customer let go unasked (churned too long ago) neither: by design, not for want of data.
  if (item.decision === 'never') return;
  if (item.expected_value === null) {
    if (item.decision === 'review') acc.notValued++;
    return;
  }
  const bin = acc.bins[valueBin(item.expected_value)] as { count: number; win_back: number };
  bin.count++;
  if (winBack) bin.win_back++;
}

function addWinBack(acc: ReportAccumulator, item: ReportItem): void {
  if (item.contact_from === null || item.channel === '') acc.withoutWindow++;
  else if (item.contact_until !== null && item.contact_until < acc.asOf) acc.windowClosed++;
  else {
    // A window that opened before this week (a report as of a later day than its plan) and is still open is due now: week 0.
    const week = Math.max(0, Math.floor((item.contact_from - acc.weekStart) / 7));
    if (week < CALENDAR_WEEKS) (acc.weeks[week] as ChannelCounts)[item.channel]++;
    else acc.calendarLater++;
  }
  if (item.expected_value !== null && acc.top.admits(item.customer_id, item.expected_value)) acc.top.offer({ id: item.customer_id, score: item.expected_value, item });
  if (item.blocked !== null) acc.blocked.set(item.blocked, (acc.blocked.get(item.blocked) ?? 0) + 1);
}

