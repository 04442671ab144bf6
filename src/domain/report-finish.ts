/**
 * Turns a report accumulator into the finished report: Pareto order, shares, the calendar
 * with week labels, value bins with labels, the top list and the data-quality notes. Pure;
 * money is rounded to cents here, once, so the JSON is stable.
 */
import { formatIsoDay, isoWeekLabel } from './dates.js';
import { cents } from './plan-summary.js';
import { CHANNELS, type Channel } from './playbook-types.js';
import { VALUE_BIN_EDGES, type LossPhase, type SwitchingPath } from './report-facts.js';
import type { MoneySums, ReportAccumulator, TopCandidate } from './report.js';
import type { Decision } from './value-types.js';

export type ReportSourceKind = 'export' | 'plan' | 'campaign';

export interface ReasonLine extends MoneySums {
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
  totals: { customers: number; value_at_stake: number; expected_value: number };
  reasons: ReasonLine[];
  segments: (MoneySums & Record<Decision, number> & { segment: string })[];
  calendar: {
    weeks: { week: string; from: string; channels: Record<Channel, number>; total: number }[];
    /** win_back customers due after the 12 weeks */
    later: number;
    /** win_back customers without a contact window or channel */
    without_window: number;
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
}

export interface ReportMeta {
  source: { kind: ReportSourceKind; label: string };
  rows: { read: number; accepted: number; rejected: number };
  /**
   * Per-reason money and totals in currency units as summary.json has them (summed before
   * rounding); when given they replace the sums of cent-rounded rows, so the report and
   * summary.json show the same figures to the cent.
   */
  reasonTotals?: Record<string, MoneySums>;
  totals?: { value_at_stake: number; expected_value: number };
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
  return {
    as_of: formatIsoDay(acc.asOf),
    source: meta.source,
    rows: meta.rows,
    decisions: { ...acc.decisions },
    totals,
    reasons: paretoLines(acc, meta.reasonTotals, totals.value_at_stake),
    segments: Object.entries(acc.segments).filter(([, s]) => s.count > 0).map(([segment, s]) => ({ segment, ...money(s), win_back: s.win_back, review: s.review, no_channel: s.no_channel, let_go: s.let_go, never: s.never })),
    calendar: {
      weeks: acc.weeks.map((channels, i) => ({
        week: isoWeekLabel(acc.weekStart + 7 * i),
        from: formatIsoDay(acc.weekStart + 7 * i),
        channels: { ...channels },
        total: CHANNELS.reduce((n, c) => n + channels[c], 0),
      })),
      later: acc.calendarLater,
      without_window: acc.withoutWindow,
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

// Pareto: most frequent reason first; equal counts by value at stake, then by code for stable output.
function paretoLines(acc: ReportAccumulator, override: Record<string, MoneySums> | undefined, stakeTotal: number): ReasonLine[] {
  const lines = [...acc.reasons.entries()].map(([code, s]) => {
    const o = override?.[code];
    const m = o ? { value_at_stake: cents(o.value_at_stake), expected_value: cents(o.expected_value) } : money(s);
    return { code, count: s.count, win_back: s.win_back, value_at_stake: m.value_at_stake, expected_value: m.expected_value };
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
  }));
}
