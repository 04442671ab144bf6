/**
 * Turns a report accumulator into the finished report: Pareto order, shares, the calendar
 * with week labels, value bins with labels, the top list and the data-quality notes. Pure;
 * money is rounded to cents here, once, so the JSON is stable.
 */
import { formatIsoDay, isoWeekLabel } from '../dates.js';
import { cents } from '../plan/summary.js';
import { CHANNELS, type Channel } from '../playbook-types.js';
import { VALUE_BIN_EDGES, type LossPhase, type SwitchingPath } from './facts.js';
import { returnOnSpend } from '../plan/money.js';
import { finishOutliers, type FunnelStep } from './extras.js';
import type { MoneySums, PlanMoneySums, ReportAccumulator, TopCandidate } from './report.js';
import type { ReportResults, ResultsFunnelLine } from './results.js';
import type { ReportChanges } from './changes.js';
import type { Decision } from '../value/types.js';

export type ReportSourceKind = 'export' | 'plan' | 'campaign';

/** The plan's money of a group, in currency units; null where the source cannot tell. */
export interface MoneyFields {
  value_at_stake_win_back: number | null;
  contact_cost: number | null;
  incentive_cost: number | null;
  /** contact_cost + incentive_cost */
  cost: number | null;
  /** expected_value ÷ cost: expected net profit per unit spent */
  return_on_spend: number | null;
}

/** A figure a source cannot give: shown as unavailable, never as 0. */
export type Unavailable = 'value_at_stake' | 'contact_cost' | 'incentive_cost';

/** The report's headline money (docs/report.md defines each figure). */
export interface ReportMoney extends MoneyFields {
  currency: string;
  /** plan: every win_back customer; listed: the customers of a campaign's lists */
  basis: 'plan' | 'listed';
  customers: number;
  /** Σ expected_value of the customers approached: the plan's expected incremental profit, net of cost */
  expected_profit: number;
  /** value at stake of every lost customer */
  value_at_stake_all: number | null;
}

/** One step of the funnel; 'listed' only from a campaign directory (the customers its lists contact). */
export type PlanFunnelStep = 'lost' | 'worth' | 'contactable' | 'due' | 'listed';
/** 'contacted' and 'returned' only with the campaign's results (domain/report/results.ts): they carry cost, revenue and margin instead. */
export interface FunnelLine extends Partial<Pick<ResultsFunnelLine, 'cost' | 'revenue' | 'margin'>> {
  step: PlanFunnelStep | ResultsFunnelLine['step'];
  count: number;
  value_at_stake: number | null;
  expected_value: number | null;
}

export interface ReasonLine extends MoneySums, MoneyFields {
  code: string;
  /** share of all planned customers */
  share: number;
  /** running share in Pareto order; the last line is 1 */
  cumulative_share: number;
  /** share of the total value at stake */
  value_share: number;
}

export interface Report {
  as_of: string;
  source: { kind: ReportSourceKind; label: string };
  rows: { read: number; accepted: number; rejected: number };
  decisions: Record<Decision, number>;
  /**
   * Customers of a campaign run's export who had come back and were customers again
   * (`campaign --outcomes`, exclusion `returned`): no decision of the plan, nobody to win back.
   * With `decisions` they add up to the accepted rows; absent where the source has none.
   */
  returned?: number;
  totals: { customers: number; value_at_stake: number; expected_value: number };
  money: ReportMoney;
  funnel: {
    /** this period: the days whose contacts are due now */
    period: { from: string; until: string };
    steps: FunnelLine[];
    /** worth-winning-back customers who may not be contacted: block reason (no_channel[:reason] when no channel at all) → count */
    unreachable: Record<string, number>;
  };
  outliers: ReturnType<typeof finishOutliers>;
  reasons: ReasonLine[];
  segments: (MoneySums & MoneyFields & Record<Decision, number> & { segment: string })[];
  /** by account manager ('' = none, OTHER_MANAGERS = the rest); empty when no customer has one */
  account_managers: (MoneySums & MoneyFields & { account_manager: string })[];
  /** by region ('' = none, OTHER_MANAGERS = the rest); empty when no customer has one */
  regions: (MoneySums & MoneyFields & { region: string })[];
  calendar: {
    weeks: { week: string; from: string; channels: Record<Channel, number>; total: number }[];
    /** win_back customers due after the 12 weeks */
    later: number;
    /** win_back customers without a contact window or channel */
    without_window: number;
    /** win-back customers whose window closed before the report's as-of date */
    window_closed: number;
  };
  top: TopCandidate[];
  value_distribution: { from: number | null; to: number | null; count: number; win_back: number }[];
  switching: {
    paths: (MoneySums & { path: SwitchingPath })[];
    phases: (MoneySums & { phase: LossPhase })[];
    complaints: { yes: number; no: number; unknown: number };
    competitor: { known: number; unknown: number };
  };
  quality: {
    rejected: number;
    unknown_reasons: number;
    default_margins: number;
    not_valued: number;
    /** win_back customers whose planned channel is not permitted, by block reason */
    blocked_channel: number;
    blocked_by: Record<string, number>;
  };
  /** warnings carried over from the reader or the plan run */
  notes: string[];
  /** sections the input could not fill, with the reason */
  missing: { section: string; why: string }[];
  /** with --ledger and --outcomes: the campaign's results and the lift over the control group */
  results?: ReportResults;
  /** with --previous: the change since an earlier run */
  changes?: ReportChanges;
}

/** summary.json's cost figures of a reason or of the whole plan (currency units). */
export interface PlanMoneyTotals { value_at_stake_win_back: number; contact_cost: number; incentive_cost: number }

export interface ReportMeta {
  source: { kind: ReportSourceKind; label: string };
  rows: { read: number; accepted: number; rejected: number };
  /**
   * Per-reason money and totals in currency units as summary.json has them (summed before
   * rounding); when given they replace the sums of cent-rounded rows, so the report and
   * summary.json show the same figures to the cent.
   */
  reasonTotals?: Record<string, MoneySums & Partial<PlanMoneyTotals>>;
  totals?: { value_at_stake: number; expected_value: number } & Partial<PlanMoneyTotals>;
  /** figures the source does not hold (shown as unavailable, not as 0) */
  unavailable?: Unavailable[];
  currency?: string;
  notes?: string[];
  missing?: { section: string; why: string }[];
}

/** Finishes the report: orders, shares, labels and rounding. */
export function finishReport(acc: ReportAccumulator, meta: ReportMeta): Report {
  const totals = {
    customers: acc.totals.count,
    value_at_stake: meta.totals ? cents(meta.totals.value_at_stake) : acc.totals.value_at_stake / 100,
    expected_value: meta.totals ? cents(meta.totals.expected_value) : acc.totals.expected_value / 100,
  };
  const gone = new Set(meta.unavailable ?? []);
  const fields = (s: PlanMoneySums) => moneyFields(s, gone);
  return {
    as_of: formatIsoDay(acc.asOf),
    source: meta.source,
    rows: meta.rows,
    decisions: { ...acc.decisions },
    totals,
    ...moneyAndFunnel(acc, meta, totals, gone),
    outliers: finishOutliers(acc.extra, meta.totals ? Math.round(meta.totals.expected_value * 100) : acc.totals.expected_value),
    reasons: paretoLines(acc, meta.reasonTotals, totals.value_at_stake, gone),
    segments: Object.entries(acc.segments).filter(([, s]) => s.count > 0).map(([segment, s]) => ({ segment, ...money(s), ...fields(s), win_back: s.win_back, review: s.review, no_channel: s.no_channel, let_go: s.let_go, never: s.never })),
    account_managers: acc.withManager === 0 ? [] : [...acc.managers.entries()]
      .map(([account_manager, s]) => ({ account_manager, ...money(s), ...fields(s) }))
      .sort((a, b) => b.expected_value - a.expected_value || b.count - a.count || (a.account_manager < b.account_manager ? -1 : 1)),
    regions: acc.withRegion === 0 ? [] : [...acc.regions.entries()]
      .map(([region, s]) => ({ region, ...money(s), ...fields(s) }))
      .sort((a, b) => b.expected_value - a.expected_value || b.count - a.count || (a.region < b.region ? -1 : 1)),
    calendar: {
      weeks: acc.weeks.map((channels, i) => ({
        week: isoWeekLabel(acc.weekStart + 7 * i),
        from: formatIsoDay(acc.weekStart + 7 * i),
        channels: { ...channels },
        total: CHANNELS.reduce((n, c) => n + channels[c], 0),
      })),
      later: acc.calendarLater,
      without_window: acc.withoutWindow,
      window_closed: acc.windowClosed,
    },
    top: topList(acc),
    value_distribution: acc.bins.map((b, i) => ({ from: VALUE_BIN_EDGES[i - 1] ?? null, to: VALUE_BIN_EDGES[i] ?? null, ...b })),
    switching: {
      paths: Object.entries(acc.paths).map(([path, s]) => ({ path: path as SwitchingPath, ...money(s) })),
      phases: Object.entries(acc.phases).map(([phase, s]) => ({ phase: phase as LossPhase, ...money(s) })),
      complaints: { ...acc.complaints },
      competitor: { ...acc.competitor },
    },
    quality: {
      rejected: meta.rows.rejected,
      unknown_reasons: acc.unknownReasons,
      default_margins: acc.defaultMargins,
      not_valued: acc.notValued,
      blocked_channel: [...acc.blocked.values()].reduce((a, b) => a + b, 0),
      blocked_by: Object.fromEntries([...acc.blocked.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))),
    },
    notes: meta.notes ?? [],
    missing: meta.missing ?? [],
  };
}

// Accumulated money is in whole cents (exact); the report speaks currency units.
function money(s: MoneySums): MoneySums {
  return { count: s.count, win_back: s.win_back, value_at_stake: s.value_at_stake / 100, expected_value: s.expected_value / 100 };
}

/** The money fields of a group from cent sums, or from summary.json's figures where given (exact). */
function moneyFields(s: PlanMoneySums, gone: Set<Unavailable>, exact?: Partial<PlanMoneyTotals> & { expected_value?: number }): MoneyFields {
  const pick = (k: keyof PlanMoneyTotals, what: Unavailable) => (exact?.[k] !== undefined ? cents(exact[k]) : gone.has(what) ? null : s[k] / 100);
  const contact = pick('contact_cost', 'contact_cost');
  const incentive = pick('incentive_cost', 'incentive_cost');
  const cost = contact === null || incentive === null ? null : cents(contact + incentive);
  const expected = exact?.expected_value !== undefined ? cents(exact.expected_value) : s.expected_value / 100;
  return {
    value_at_stake_win_back: pick('value_at_stake_win_back', 'value_at_stake'),
    contact_cost: contact,
    incentive_cost: incentive,
    cost,
    return_on_spend: cost === null ? null : returnOnSpend(expected, cost),
  };
}

function headline(acc: ReportAccumulator, meta: ReportMeta, totals: Report['totals'], gone: Set<Unavailable>): ReportMoney {
  const fields = moneyFields(acc.totals, gone, meta.totals ? { ...meta.totals, expected_value: totals.expected_value } : undefined);
  return {
    currency: meta.currency ?? '',
    basis: meta.source.kind === 'campaign' ? 'listed' : 'plan',
    customers: acc.decisions.win_back,
    expected_profit: totals.expected_value,
    ...fields,
    value_at_stake_all: gone.has('value_at_stake') ? null : totals.value_at_stake,
  };
}

function moneyAndFunnel(acc: ReportAccumulator, meta: ReportMeta, totals: Report['totals'], gone: Set<Unavailable>): Pick<Report, 'money' | 'funnel'> {
  const money = headline(acc, meta, totals, gone);
  const f = acc.extra.funnel;
  const line = (step: PlanFunnelStep, s: FunnelStep): FunnelLine => ({
    step, count: s.count,
    value_at_stake: gone.has('value_at_stake') ? null : s.value_at_stake / 100,
    // Nothing is expected of a customer merely lost: the plan values approaches, not losses.
    expected_value: step === 'lost' ? null : s.expected_value / 100,
  });
  const lost = { ...line('lost', f.lost), value_at_stake: money.value_at_stake_all };
  let contactable = line('contactable', f.contactable);
  // Every win_back customer contactable: the same customers as the headline, so its exact figures.
  if (f.contactable.count === money.customers) contactable = { ...contactable, value_at_stake: money.value_at_stake_win_back, expected_value: money.expected_profit };
  return { money, funnel: {
    period: { from: formatIsoDay(acc.asOf), until: formatIsoDay(acc.extra.opts.periodEnd) },
    steps: [lost, line('worth', f.worth), contactable, line('due', f.due)],
    unreachable: Object.fromEntries([...acc.extra.unreachable.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))),
  } };
}

// Pareto: most frequent reason first; equal counts by value at stake, then by code for stable output.
function paretoLines(acc: ReportAccumulator, override: ReportMeta['reasonTotals'], stakeTotal: number, gone: Set<Unavailable>): ReasonLine[] {
  const lines = [...acc.reasons.entries()].map(([code, s]) => {
    const o = override?.[code];
    const m = o ? { value_at_stake: cents(o.value_at_stake), expected_value: cents(o.expected_value) } : money(s);
    return { code, count: s.count, win_back: s.win_back, value_at_stake: m.value_at_stake, expected_value: m.expected_value, ...moneyFields(s, gone, o) };
  });
  lines.sort((a, b) => b.count - a.count || b.value_at_stake - a.value_at_stake || (a.code < b.code ? -1 : 1));
  const total = acc.totals.count;
  let running = 0;
  return lines.map((l) => {
    running += l.count;
    return {
      ...l,
      share: total === 0 ? 0 : l.count / total,
      cumulative_share: total === 0 ? 0 : running / total,
      value_share: stakeTotal === 0 ? 0 : l.value_at_stake / stakeTotal,
    };
  });
}

function topList(acc: ReportAccumulator): TopCandidate[] {
  return acc.top.sorted().map(({ item }, i) => ({
    rank: i + 1,
    customer_id: item.customer_id,
    name: item.name,
    reason_code: item.reason_code,
    segment: item.segment,
    channel: item.channel,
    contact_from: item.contact_from === null ? null : formatIsoDay(item.contact_from),
    // four decimals, as plan.csv writes it, so a report on a plan directory shows the same figure
    p_winback: item.p_winback === null ? null : Math.round(item.p_winback * 1e4) / 1e4,
    expected_value: cents(item.expected_value ?? 0),
    p_organic: item.p_organic === null ? null : Math.round(item.p_organic * 1e4) / 1e4,
  }));
}
