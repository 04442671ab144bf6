/** Totals of a plan run for summary.json and the terminal table (pure, incremental). */
import type { Decision, Track } from '../value/types.js';
import type { PlannedCustomer } from './plan.js';
import { approachCostOf, type CostPrices } from './money.js';
import { noteOf, type SavedNote } from '../catalogue/index.js';

export interface ReasonTotals {
  count: number;
  win_back: number;
  value_at_stake: number;
  expected_value: number;
  /** value at stake of the win_back customers alone: the base their expected value is drawn from */
  value_at_stake_win_back: number;
  /** expected cost of the planned approaches: channel costs, and incentives times the chance of acceptance */
  contact_cost: number;
  incentive_cost: number;
}

export interface PlanTotals {
  decisions: Record<Decision, number>;
  reasons: Record<string, ReasonTotals>;
  /** per reason × decision, for the terminal table */
  matrix: Record<string, Record<Decision, number>>;
  value_at_stake_total: number;
  expected_value_total: number;
  value_at_stake_win_back_total: number;
  contact_cost_total: number;
  incentive_cost_total: number;
  /** false once a customer was added without the playbook's prices, or a win_back customer without a known cost: the plan's money is then not stated */
  costs_known: boolean;
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
    value_at_stake_win_back_total: 0,
    contact_cost_total: 0,
    incentive_cost_total: 0,
    costs_known: true,
    unknown_reasons: 0,
    default_margin_rows: 0,
    row_warnings: 0,
  };
}

/**
 * Adds one planned customer to the totals (mutates `t` for speed on large runs). Without the
 * playbook's prices the cost sums are marked unknown rather than counted as zero.
 */
export function addToTotals(t: PlanTotals, p: PlannedCustomer, prices?: CostPrices): void {
  const cost = prices ? planCostOf(p, prices) : undefined;
  if (!prices) t.costs_known = false;
  addRowToTotals(t, p.value.decision, totalsKey(p), p.value.value_at_stake, p.value.expected_value, totalsFlags(p), cost?.contact, cost?.incentive);
}

/** The row of the totals a retention-track customer is counted in, apart from every departure reason. */
export const RETENTION_KEY = 'retention';

/** Where a planned customer is counted: its reason on the win-back track, RETENTION_KEY on the retention track. */
export function totalsKey(p: PlannedCustomer): string {
  return p.track === 'retention' ? RETENTION_KEY : p.reason.code;
}

/** Per track: customers, those approached (decision win_back) and their expected value. */
export function trackTotals(t: PlanTotals): Record<Track, { customers: number; approached: number; value_at_stake: number; expected_value: number }> {
  const kept = t.reasons[RETENTION_KEY];
  const retention = { customers: kept?.count ?? 0, approached: kept?.win_back ?? 0, value_at_stake: cents(kept?.value_at_stake ?? 0), expected_value: cents(kept?.expected_value ?? 0) };
  const all = Object.values(t.decisions).reduce((a, b) => a + b, 0);
  return {
    win_back: {
      customers: all - retention.customers,
      approached: t.decisions.win_back - retention.approached,
      value_at_stake: cents(t.value_at_stake_total - (kept?.value_at_stake ?? 0)),
      expected_value: cents(t.expected_value_total - (kept?.expected_value ?? 0)),
    },
    retention,
  };
}

/** The expected cost of a planned customer's approach (null when not approached). */
export function planCostOf(p: PlannedCustomer, prices: CostPrices): { contact: number; incentive: number } | null {
  const v = p.value;
  const pAlive = p.track === 'retention' ? p.row.p_alive : undefined;
  return approachCostOf(v.decision, v.channel, v.offer_type, v.p_winback, v.discount, pAlive, prices);
}

/** Flags of a planned customer that the totals count: TOTALS_* bits. */
export function totalsFlags(p: PlannedCustomer): number {
  return (p.value.firstLifetime.marginSource === 'default' ? TOTALS_DEFAULT_MARGIN : 0) | (p.row.warnings.length > 0 ? TOTALS_ROW_WARNINGS : 0);
}

export const TOTALS_DEFAULT_MARGIN = 1;
export const TOTALS_ROW_WARNINGS = 2;

/** addToTotals from the few numbers it needs (what a worker thread sends per row). */
export function addRowToTotals(
  t: PlanTotals, d: Decision, code: string, valueAtStake: number | null | undefined, expectedValue: number | null | undefined, flags: number,
  contactCost?: number, incentiveCost?: number,
): void {
  t.decisions[d]++;
  const r = (t.reasons[code] ??= { count: 0, win_back: 0, value_at_stake: 0, expected_value: 0, value_at_stake_win_back: 0, contact_cost: 0, incentive_cost: 0 });
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
    r.value_at_stake_win_back += stake;
    t.value_at_stake_win_back_total += stake;
    // A win_back customer whose approach has no known cost leaves the cost sums incomplete.
    if (contactCost === undefined || incentiveCost === undefined) t.costs_known = false;
    const contact = contactCost ?? 0;
    const incentive = incentiveCost ?? 0;
    r.contact_cost += contact;
    r.incentive_cost += incentive;
    t.contact_cost_total += contact;
    t.incentive_cost_total += incentive;
  }
  if (code === 'unknown') t.unknown_reasons++;
  if (flags & TOTALS_DEFAULT_MARGIN) t.default_margin_rows++;
  if (flags & TOTALS_ROW_WARNINGS) t.row_warnings++;
}

/** Rounds money to cents for stable JSON. */
export function cents(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The run-level notes a plan's totals give (rows valued with the default margin, unknown
 * reasons, rows with warnings): plan's summary.json saves them, and a report on the export says
 * the same.
 */
export function totalsNotes(t: Pick<PlanTotals, 'default_margin_rows' | 'unknown_reasons' | 'row_warnings'>, defaultMarginPercent: number): SavedNote[] {
  const notes: SavedNote[] = [];
  if (t.default_margin_rows > 0) notes.push(noteOf('plan', { key: 'defaultMargins', args: [t.default_margin_rows, String(defaultMarginPercent)] }));
  if (t.unknown_reasons > 0) notes.push(noteOf('plan', { key: 'unknownReasons', args: [t.unknown_reasons] }));
  if (t.row_warnings > 0) notes.push(noteOf('plan', { key: 'rowWarnings', args: [t.row_warnings] }));
  return notes;
}
