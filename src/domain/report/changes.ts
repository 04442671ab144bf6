/**
 * Change since the last run (`report --previous DIR`): the headline figures, the decisions and
 * the customers per reason of this report next to an earlier one, with the change. Honest about
 * what is compared: a different as-of date or a different input is stated, never hidden. Pure.
 */
import { cents } from '../plan/summary.js';
import { DECISIONS, type Decision } from '../value/types.js';

/** Which run a report describes: its as-of date and its input (file name and fingerprint where known). */
export interface RunIdentity { source: string; as_of: string; input_file: string | null; input_sha256: string | null }

export type HeadlineFigure = 'customers' | 'win_back' | 'expected_profit' | 'cost' | 'return_on_spend' | 'value_at_stake_all';
export interface FigureChange<K extends string> { figure: K; previous: number | null; current: number | null; change: number | null }

export interface ReportChanges {
  previous: RunIdentity;
  current: RunIdentity;
  same_as_of: boolean;
  /** null when either input's fingerprint is unknown */
  same_input: boolean | null;
  headline: FigureChange<HeadlineFigure>[];
  decisions: FigureChange<Decision>[];
  /** customers per reason code, every code of either run */
  reasons: FigureChange<string>[];
}

/** The figures of a report that a later one compares with (a finished report or `report --json`). */
export interface ComparableReport {
  as_of: string;
  rows: { accepted: number };
  decisions: Record<Decision, number>;
  money: { expected_profit: number; cost: number | null; return_on_spend: number | null; value_at_stake_all: number | null };
  reasons: { code: string; count: number }[];
}

const HEADLINE: HeadlineFigure[] = ['customers', 'win_back', 'expected_profit', 'cost', 'return_on_spend', 'value_at_stake_all'];

function headlineOf(r: ComparableReport): Record<HeadlineFigure, number | null> {
  return {
    customers: r.rows.accepted, win_back: r.decisions.win_back, expected_profit: r.money.expected_profit, cost: r.money.cost,
    return_on_spend: r.money.return_on_spend, value_at_stake_all: r.money.value_at_stake_all,
  };
}

const change = <K extends string>(figure: K, previous: number | null | undefined, current: number | null | undefined): FigureChange<K> => {
  const p = previous ?? null;
  const c = current ?? null;
  return { figure, previous: p, current: c, change: p === null || c === null ? null : cents(c - p) };
};

export function compareReports(current: ComparableReport, previous: ComparableReport, ids: { current: RunIdentity; previous: RunIdentity }): ReportChanges {
  const now = headlineOf(current);
  const before = headlineOf(previous);
  const codes = [...new Set([...current.reasons.map((x) => x.code), ...previous.reasons.map((x) => x.code)])];
  const countOf = (r: ComparableReport, code: string) => r.reasons.find((x) => x.code === code)?.count ?? 0;
  const reasons = codes.map((code) => change(code, countOf(previous, code), countOf(current, code)))
    .sort((a, b) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0) || (b.current ?? 0) - (a.current ?? 0) || (a.figure < b.figure ? -1 : 1));
  const a = ids.current.input_sha256;
  const b = ids.previous.input_sha256;
  return {
    previous: ids.previous,
    current: ids.current,
    same_as_of: ids.current.as_of === ids.previous.as_of,
    same_input: a === null || b === null ? null : a === b,
    headline: HEADLINE.map((k) => change(k, before[k], now[k])),
    decisions: DECISIONS.map((d) => change(d, previous.decisions[d], current.decisions[d])),
    reasons,
  };
}
