/**
 * Results of a win-back programme (issue 10, docs/results.md): regain rate, lift over the
 * control group with a confidence interval, second-lifetime revenue and margin so far, cost,
 * regain profit and return, and repeat churn — per reason × offer × channel, per reason and in
 * total. Pure: attempts in, report out.
 */
import { messages, type Lang } from '../catalogue/index.js';
import type { Attempt } from './attribution.js';
import { newcombeDifference, type Lift } from './stats.js';

export type { Attempt, AttemptStatus, AttributionSettings, OutcomeRecord, RegainIndex } from './attribution.js';
export { attributeAttempts, creditedReturn, isSerialDefector, parseMeasure, regainIndex } from './attribution.js';
export type { Interval, Lift } from './stats.js';
export { newcombeDifference, wilsonInterval, Z_95 } from './stats.js';

/** Figures of one group (contacted or control) within one slice. */
export interface GroupKpi {
  customers: number;
  regained: number;
  /** regained / customers; null for an empty group */
  rate: number | null;
  revenue: number;
  margin: number;
  cost: number;
  /** second-lifetime margin so far minus cost */
  profit: number;
  /** profit / cost; null without cost */
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
  return { total, byReason, segments, serialDefectors: serialDefectorsOf(attempts), counts, warnings: warningsOf(counts, total, lang) };
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
  return { reason, offer, channel, contacted, control, lift, incrementalRegained: lift ? lift.difference * contacted.customers : null };
}

function groupKpi(members: readonly Attempt[]): GroupKpi {
  let regained = 0, revenue = 0, margin = 0, cost = 0, repeatChurn = 0, windowOpen = 0;
  for (const a of members) {
    cost += a.cost;
    if (a.windowOpen) windowOpen++;
    if (a.status !== 'regained') continue;
    regained++;
    revenue += a.revenue;
    margin += a.margin;
    if (a.repeatChurn) repeatChurn++;
  }
  const n = members.length;
  const profit = margin - cost;
  return {
    customers: n, regained, rate: n > 0 ? regained / n : null, revenue, margin, cost, profit,
    return: cost > 0 ? profit / cost : null, repeatChurn, repeatChurnRate: regained > 0 ? repeatChurn / regained : null, windowOpen,
  };
}

function serialDefectorsOf(attempts: readonly Attempt[]): SerialDefector[] {
  return attempts
    .filter((a) => a.group === 'contacted' && a.repeatChurn)
    .map((a) => ({ customer_id: a.customer_id, reasonCode: a.reasonCode, offerType: a.offerType, returnDate: a.returnDate as number, cancelledAgain: a.cancelledAgain as number }));
}

function warningsOf(c: ResultsReport['counts'], total: KpiRow, lang: Lang): string[] {
  const t = messages(lang).results;
  const w: string[] = [];
  if (total.control.customers === 0) w.push(t.noControl);
  if (c.windowOpen > 0) w.push(t.windowOpen(c.windowOpen));
  if (c.returnedBeforeContact > 0) w.push(t.returnedBeforeContact(c.returnedBeforeContact));
  if (c.switchedGroup > 0) w.push(t.switchedGroup(c.switchedGroup));
  if (c.marginEstimated > 0) w.push(t.marginEstimated(c.marginEstimated));
  return w;
}
