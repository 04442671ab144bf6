/**
 * The report's results section (issue 23): what came of the campaign next to the plan — the
 * funnel's last two steps (contacted, returned) and the lift over the control group. The
 * figures are `results`' own (summariseResults, kpiJson, Newcombe's interval): one
 * implementation, so the report and `results` agree on the same inputs. Pure.
 */
import { formatIsoDay } from '../dates.js';
import { kpiJson, type KpiJson } from '../results/json.js';
import type { ResultsReport } from '../results/results.js';
import type { EpochDay } from '../types.js';

export interface ReportResults {
  as_of: string;
  window_days: number;
  ledger: { file: string; entries: number };
  outcomes: { file: string; rows: number; rejected: number };
  ci: { method: 'newcombe-wilson-hybrid'; level: 0.95 };
  /** every reason: contacted and control group, lift = returned share (contacted) − returned share (control) */
  total: KpiJson;
  by_reason: KpiJson[];
}

/** A funnel step after `due`: the contacted customers and their cost, the returned ones and their margin so far. */
export interface ResultsFunnelLine {
  step: 'contacted' | 'returned';
  count: number;
  value_at_stake: null;
  expected_value: null;
  /** contacted: channel costs of every contact plus incentives paid */
  cost?: number;
  /** returned: revenue and margin since the return, so far */
  revenue?: number;
  margin?: number;
}

export interface ResultsMeta {
  asOf: EpochDay;
  windowDays: number;
  ledger: { file: string; entries: number };
  outcomes: { file: string; rows: number; rejected: number };
}

export function reportResults(r: ResultsReport, meta: ResultsMeta): ReportResults {
  return {
    as_of: formatIsoDay(meta.asOf), window_days: meta.windowDays, ledger: meta.ledger, outcomes: meta.outcomes,
    ci: { method: 'newcombe-wilson-hybrid', level: 0.95 },
    total: kpiJson(r.total), by_reason: r.byReason.map(kpiJson),
  };
}

/** The funnel's results steps: the contacted group only (the control group is not contacted). */
export function resultsFunnel(res: ReportResults): ResultsFunnelLine[] {
  const c = res.total.contacted;
  return [
    { step: 'contacted', count: c.customers, value_at_stake: null, expected_value: null, cost: c.cost },
    { step: 'returned', count: c.regained, value_at_stake: null, expected_value: null, revenue: c.revenue, margin: c.margin },
  ];
}
