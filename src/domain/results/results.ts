/**
 * Results of a win-back programme (issue 10, docs/results.md): regain rate, lift over the
 * control group with a confidence interval, second-lifetime revenue and margin so far, cost,
 * regain profit and return, and repeat churn — per reason × offer × channel, per reason and in
 * total. Pure: attempts in, report out.
 */
import { messages, type Lang } from '../catalogue/index.js';
import type { Attempt } from './attribution.js';
import { meanDifference, newcombeDifference, type Estimate, type Lift } from './stats.js';

export type { Attempt, AttemptStatus, AttributionSettings, OutcomeRecord, RegainIndex } from './attribution.js';
export { attributeAttempts, backIndex, backSince, creditedReturn, isSerialDefector, parseMeasure, regainIndex, type BackIndex } from './attribution.js';
export type { Estimate, Interval, Lift } from './stats.js';
export { meanDifference, newcombeDifference, wilsonInterval, Z_95 } from './stats.js';

/** Figures of one group (contacted or control) within one slice. */
export interface GroupKpi {
  customers: number;
  regained: number;
  /** regained / customers; null for an empty group */
  rate: number | null;
  revenue: number;
  margin: number;
  /** Σ margin² over the members (0 for those not regained): the spread of the incremental profit */
  marginSquares: number;
  cost: number;
  /** second-lifetime margin so far minus cost: gross, returns that would have come anyway included */
  profit: number;
  /** profit / cost, gross; null without cost */
  return: number | null;
  repeatChurn: number;
  /** repeat churners / regained; null when nobody was regained */
  repeatChurnRate: number | null;
  /** not regained yet, window still open: the rate may still rise */
  windowOpen: number;
}

/** One line of the KPI tables. */
export interface KpiRow {
  reason: string;
  offer: string;
  channel: string;
  contacted: GroupKpi;
  control: GroupKpi;
  /** contacted rate − control rate with its 95 % interval; null without both groups */
  lift: Lift | null;
  /** lift × contacted customers: customers the contacts brought back who would not have come anyway */
  incrementalRegained: number | null;
  /**
   * the contacted group's margin less what as many customers of the control group brought
   * without contact, less the contacts' cost: n_c × (margin per contacted − margin per control
   * customer) − cost, with its 95 % interval; null without both groups
   */
  incrementalProfit: Estimate | null;
  /** incremental profit / cost, with the interval divided likewise; null without cost or control */
  incrementalReturn: Estimate | null;
}

export interface SerialDefector {
  customer_id: string;
  reasonCode: string;
  offerType: string;
  returnDate: number;
  cancelledAgain: number;
}

export interface ResultsReport {
  total: KpiRow;
  byReason: KpiRow[];
  segments: KpiRow[];
  /**
   * per channel, the contacts whose channel was drawn at random (campaign --test-channels) against
   * the whole control group: the one comparison of channels no planner's choice confounds; empty
   * when no channel was drawn
   */
  channelTest: KpiRow[];
  serialDefectors: SerialDefector[];
  counts: { attempts: number; returnedBeforeContact: number; returnedAfterWindow: number; switchedGroup: number; marginEstimated: number; windowOpen: number };
  warnings: string[];
}

const ALL = '*';

/** Aggregates the attempts into the KPI tables. */
export function summariseResults(attempts: readonly Attempt[], lang: Lang = 'en'): ResultsReport {
  const segments = groupRows(attempts, (a) => [a.reasonCode, a.offerType, a.channel]);
  const byReason = groupRows(attempts, (a) => [a.reasonCode, ALL, ALL]).sort((x, y) => y.contacted.customers - x.contacted.customers || (x.reason < y.reason ? -1 : 1));
  const total = kpiRow([ALL, ALL, ALL], attempts);
  const count = (pred: (a: Attempt) => boolean) => attempts.filter(pred).length;
  const counts = {
    attempts: attempts.length,
    returnedBeforeContact: count((a) => a.status === 'returned_before_contact'),
    returnedAfterWindow: count((a) => a.status === 'returned_after_window'),
    switchedGroup: count((a) => a.switchedGroup),
    marginEstimated: count((a) => a.marginEstimated),
    windowOpen: count((a) => a.windowOpen),
  };
  return { total, byReason, segments, channelTest: channelTestOf(attempts), serialDefectors: serialDefectorsOf(attempts), counts, warnings: warningsOf(counts, total, lang, attempts) };
}

// Both arms are random among the listed customers (the control group by its hash, the channel by its own), so each channel's lift is its own.
function channelTestOf(attempts: readonly Attempt[]): KpiRow[] {
  const drawn = attempts.filter((a) => a.group === 'contacted' && a.channelRandomised);
  if (drawn.length === 0) return [];
  const control = attempts.filter((a) => a.group === 'control');
  return [...new Set(drawn.map((a) => a.channel))].sort().map((channel) => kpiRow([ALL, ALL, channel], [...drawn.filter((a) => a.channel === channel), ...control]));
}

function groupRows(attempts: readonly Attempt[], keyOf: (a: Attempt) => [string, string, string]): KpiRow[] {
  const groups = new Map<string, { key: [string, string, string]; members: Attempt[] }>();
  for (const a of attempts) {
    const key = keyOf(a);
    const k = key.join('\u001f');
    const g = groups.get(k);
    if (g) g.members.push(a);
    else groups.set(k, { key, members: [a] });
  }
  return [...groups.keys()].sort().map((k) => {
    const g = groups.get(k)!;
    return kpiRow(g.key, g.members);
  });
}

function kpiRow([reason, offer, channel]: [string, string, string], members: readonly Attempt[]): KpiRow {
  const contacted = groupKpi(members.filter((a) => a.group === 'contacted'));
  const control = groupKpi(members.filter((a) => a.group === 'control'));
  const lift = newcombeDifference(contacted.regained, contacted.customers, control.regained, control.customers);
  const incrementalProfit = incrementalProfitOf(contacted, control);
  const cost = contacted.cost;
  const incrementalReturn = incrementalProfit === null || !(cost > 0) ? null
    : { value: incrementalProfit.value / cost, low: incrementalProfit.low / cost, high: incrementalProfit.high / cost };
  return { reason, offer, channel, contacted, control, lift, incrementalRegained: lift ? lift.difference * contacted.customers : null, incrementalProfit, incrementalReturn };
}

/**
 * What the contacts earned over no contact: the difference in margin per customer between the
 * contacted and the control group (its interval from meanDifference), times the contacted
 * customers, less the contacts' cost (known, so it moves the interval but does not widen it).
 *
 * A customer's margin is a return (yes or no) times the margin of a return, so a small group
 * in which nobody (or everybody) came back shows no spread, and its interval would claim a
 * certainty it lacks (two controls with no return: "−165 [−167, −163]"). Each group's variance
 * is therefore at least what its return rate under Jeffreys' prior, p = (x + ½) / (n + 1),
 * gives with its returners' margins (both groups' where it has no returner): p·E[M²] − (p·E[M])².
 * In a large group p is the observed rate and the floor stays within 1 % of the sample variance. Without any return in either
 * group there is nothing to measure a return's margin by: null.
 */
export function incrementalProfitOf(contacted: GroupKpi, control: GroupKpi): Estimate | null {
  const returners = contacted.regained + control.regained;
  // Without a single return the data say nothing of what a return is worth: no interval to give.
  if (returners === 0) return null;
  const m1 = (contacted.margin + control.margin) / returners;
  const m2 = (contacted.marginSquares + control.marginSquares) / returners;
  // A group's own returners tell what its return is worth; both groups' only where it has none (else
  // the other group's margins, 500 beside 400, widened the control's spread by half in a large group).
  const floor = (g: GroupKpi) => {
    const p = (g.regained + 0.5) / (g.customers + 1);
    const [e1, e2] = g.regained > 0 ? [g.margin / g.regained, g.marginSquares / g.regained] : [m1, m2];
    return Math.max(0, p * e2 - (p * e1) ** 2);
  };
  const d = meanDifference(
    { n: contacted.customers, sum: contacted.margin, sumSquares: contacted.marginSquares, varianceFloor: floor(contacted) },
    { n: control.customers, sum: control.margin, sumSquares: control.marginSquares, varianceFloor: floor(control) },
  );
  if (d === null) return null;
  const n = contacted.customers;
  return { value: n * d.value - contacted.cost, low: n * d.low - contacted.cost, high: n * d.high - contacted.cost };
}

function groupKpi(members: readonly Attempt[]): GroupKpi {
  let regained = 0, revenue = 0, margin = 0, marginSquares = 0, cost = 0, repeatChurn = 0, windowOpen = 0;
  for (const a of members) {
    cost += a.cost;
    if (a.windowOpen) windowOpen++;
    if (a.status !== 'regained') continue;
    regained++;
    revenue += a.revenue;
    margin += a.margin;
    marginSquares += a.margin * a.margin;
    if (a.repeatChurn) repeatChurn++;
  }
  const n = members.length;
  const profit = margin - cost;
  return {
    customers: n, regained, rate: n > 0 ? regained / n : null, revenue, margin, marginSquares, cost, profit,
    return: cost > 0 ? profit / cost : null, repeatChurn, repeatChurnRate: regained > 0 ? repeatChurn / regained : null, windowOpen,
  };
}

function serialDefectorsOf(attempts: readonly Attempt[]): SerialDefector[] {
  return attempts
    .filter((a) => a.group === 'contacted' && a.repeatChurn)
    .map((a) => ({ customer_id: a.customer_id, reasonCode: a.reasonCode, offerType: a.offerType, returnDate: a.returnDate as number, cancelledAgain: a.cancelledAgain as number }));
}

/** Customers a warning names (the first few ids; the count says how many). */
const NAMED = 5;

function warningsOf(c: ResultsReport['counts'], total: KpiRow, lang: Lang, attempts: readonly Attempt[]): string[] {
  const t = messages(lang).results;
  const w: string[] = [];
  // The ids to look up, as serialDefectors lists its customers.
  const ids = (keep: (a: Attempt) => boolean) => {
    const all = attempts.filter(keep).map((a) => a.customer_id);
    return all.slice(0, NAMED).join(', ') + (all.length > NAMED ? ', …' : '');
  };
  if (total.control.customers === 0) w.push(t.noControl);
  if (c.windowOpen > 0) w.push(t.windowOpen(c.windowOpen));
  if (c.returnedBeforeContact > 0) w.push(t.returnedBeforeContact(c.returnedBeforeContact, ids((a) => a.status === 'returned_before_contact')));
  if (c.returnedAfterWindow > 0) w.push(t.returnedAfterWindow(c.returnedAfterWindow));
  if (c.switchedGroup > 0) w.push(t.switchedGroup(c.switchedGroup, ids((a) => a.switchedGroup)));
  if (c.marginEstimated > 0) w.push(t.marginEstimated(c.marginEstimated));
  return w;
}
