/** Totals of a plan run for summary.json and the terminal table (pure, incremental). */
import type { Decision } from './value-types.js';
import type { PlannedCustomer } from './plan.js';

export interface ReasonTotals {
  count: number;
  win_back: number;
  value_at_stake: number;
  expected_value: number;
}

export interface PlanTotals {
  decisions: Record<Decision, number>;
  reasons: Record<string, ReasonTotals>;
  /** per reason × decision, for the terminal table */
  matrix: Record<string, Record<Decision, number>>;
  value_at_stake_total: number;
  expected_value_total: number;
  unknown_reasons: number;
  default_margin_rows: number;
  row_warnings: number;
}

/** A fresh, empty set of totals. */
export function emptyTotals(): PlanTotals {
  return {
    decisions: { win_back: 0, review: 0, no_channel: 0, let_go: 0, never: 0 },
    reasons: {},
    matrix: {},
    value_at_stake_total: 0,
    expected_value_total: 0,
    unknown_reasons: 0,
    default_margin_rows: 0,
    row_warnings: 0,
  };
}

/** Adds one planned customer to the totals (mutates `t` for speed on large runs). */
export function addToTotals(t: PlanTotals, p: PlannedCustomer): void {
  addRowToTotals(t, p.value.decision, p.reason.code, p.value.value_at_stake, p.value.expected_value, totalsFlags(p));
}

/** Flags of a planned customer that the totals count: TOTALS_* bits. */
export function totalsFlags(p: PlannedCustomer): number {
  return (p.value.firstLifetime.marginSource === 'default' ? TOTALS_DEFAULT_MARGIN : 0) | (p.row.warnings.length > 0 ? TOTALS_ROW_WARNINGS : 0);
}

export const TOTALS_DEFAULT_MARGIN = 1;
export const TOTALS_ROW_WARNINGS = 2;

/** addToTotals from the few numbers it needs (what a worker thread sends per row). */
export function addRowToTotals(t: PlanTotals, d: Decision, code: string, valueAtStake: number | null | undefined, expectedValue: number | null | undefined, flags: number): void {
  t.decisions[d]++;
  const r = (t.reasons[code] ??= { count: 0, win_back: 0, value_at_stake: 0, expected_value: 0 });
  const m = (t.matrix[code] ??= { win_back: 0, review: 0, no_channel: 0, let_go: 0, never: 0 });
  r.count++;
  m[d]++;
  const stake = valueAtStake ?? 0;
  r.value_at_stake += stake;
  t.value_at_stake_total += stake;
  if (d === 'win_back') {
    const ev = expectedValue ?? 0;
    r.win_back++;
    r.expected_value += ev;
    t.expected_value_total += ev;
  }
  if (code === 'unknown') t.unknown_reasons++;
  if (flags & TOTALS_DEFAULT_MARGIN) t.default_margin_rows++;
  if (flags & TOTALS_ROW_WARNINGS) t.row_warnings++;
}

/** Rounds money to cents for stable JSON. */
export function cents(value: number): number {
  return Math.round(value * 100) / 100;
}
