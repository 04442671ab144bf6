/**
 * Two views of the report that are built while the customers stream past, in flat memory:
 * the funnel (lost → worth winning back → contactable → due this period) and the outliers
 * (customers who carry a large share of the expected value, or whose inputs look
 * implausible). Pure; money in whole cents until finished.
 */
import type { ReportItem } from './facts.js';
import { TopHeap } from './top.js';
import type { EpochDay } from '../types.js';

/** Share of the plan's expected profit above which one customer is flagged (judgement: one in ten is a concentration a decision maker must see). */
export const DEFAULT_OUTLIER_SHARE = 0.1;
/** Monthly revenue above this multiple of its segment's median is flagged as implausible (judgement: two orders of magnitude above the typical customer). */
export const IMPLAUSIBLE_REVENUE_RATIO = 100;
/** Implausible customers listed by name; the rest are counted. */
export const MAX_LISTED_IMPLAUSIBLE = 20;
// Log-scale bins for the median monthly revenue: 8 per decade from 1 to 10^9 (a factor of 1.33 each).
const BINS_PER_DECADE = 8;
const REVENUE_BINS = 9 * BINS_PER_DECADE + 2;

export interface FunnelStep { count: number; value_at_stake: number; expected_value: number }

/** What the report settles before the rows arrive. */
export interface ExtrasOptions {
  /** the report's as-of date: a window that closed before it is not due */
  asOf: EpochDay;
  /** last day of this period (as-of + period − 1): a window opening by then is due now */
  periodEnd: EpochDay;
  outlierShare: number;
}

interface Candidate { id: string; score: number; item: ReportItem; why: string[] }

export interface ReportExtras {
  opts: ExtrasOptions;
  funnel: { lost: FunnelStep; worth: FunnelStep; contactable: FunnelStep; due: FunnelStep };
  /** worth-winning-back customers who may not be contacted, by block reason ('no_channel' when no channel at all) */
  unreachable: Map<string, number>;
  byValue: TopHeap<Candidate>;
  /** per segment (B2B, B2C, unknown): business and private customers buy on different scales */
  revenue: Map<string, RevenueStats>;
  flagged: TopHeap<Candidate>;
  flaggedCount: number;
}

interface RevenueStats { bins: number[]; count: number; top: TopHeap<Candidate> }

const step = (): FunnelStep => ({ count: 0, value_at_stake: 0, expected_value: 0 });

/** Empty extras for a report with these options. */
export function createExtras(opts: ExtrasOptions): ReportExtras {
  return {
    opts,
    funnel: { lost: step(), worth: step(), contactable: step(), due: step() },
    unreachable: new Map(),
    // Customers above a share s of the total: at most 1/s of them, so 1/s candidates suffice.
    byValue: new TopHeap<Candidate>(Math.min(1000, Math.ceil(1 / Math.max(opts.outlierShare, 0.001)))),
    revenue: new Map(),
    flagged: new TopHeap<Candidate>(MAX_LISTED_IMPLAUSIBLE),
    flaggedCount: 0,
  };
}

/** Adds one customer to the funnel and the outlier candidates. */
export function addExtras(x: ReportExtras, item: ReportItem): void {
  const stake = Math.round((item.value_at_stake ?? 0) * 100);
  const ev = Math.round((item.expected_value ?? 0) * 100);
  x.funnel.lost.count++;
  x.funnel.lost.value_at_stake += stake;
  // Worth winning back: valued above the threshold, whether or not a channel may be used.
  if (item.decision === 'win_back' || item.decision === 'no_channel') {
    put(x.funnel.worth, stake, ev);
    if (item.decision === 'no_channel' || item.blocked !== null) {
      const why = item.decision === 'no_channel' ? `no_channel${item.blocked ? `:${item.blocked}` : ''}` : item.blocked as string;
      x.unreachable.set(why, (x.unreachable.get(why) ?? 0) + 1);
    } else {
      put(x.funnel.contactable, stake, ev);
      if (item.contact_from !== null && item.contact_from <= x.opts.periodEnd && (item.contact_until === null || item.contact_until >= x.opts.asOf)) put(x.funnel.due, stake, ev);
    }
  }
  if (item.decision === 'win_back' && item.expected_value !== null && x.byValue.admits(item.customer_id, item.expected_value)) x.byValue.offer({ id: item.customer_id, score: item.expected_value, item, why: [] });
  // An objector (never, unvalued: GDPR Art. 21(3)) is counted, but not named in a list of customers to look into.
  const named = !(item.decision === 'never' && item.expected_value === null);
  if (item.monthly_revenue !== null && item.monthly_revenue > 0) {
    let r = x.revenue.get(item.segment);
    if (r === undefined) x.revenue.set(item.segment, (r = { bins: new Array<number>(REVENUE_BINS).fill(0), count: 0, top: new TopHeap<Candidate>(MAX_LISTED_IMPLAUSIBLE) }));
    r.count++;
    (r.bins[revenueBin(item.monthly_revenue)] as number)++;
    if (named && r.top.admits(item.customer_id, item.monthly_revenue)) r.top.offer({ id: item.customer_id, score: item.monthly_revenue, item, why: [] });
  }
  if (named && item.implausible.length > 0) {
    x.flaggedCount++;
    x.flagged.offer({ id: item.customer_id, score: item.expected_value ?? 0, item, why: item.implausible });
  }
}

// A function of the module, not a closure made per customer.
function put(s: FunnelStep, stake: number, ev: number): void {
  s.count++;
  s.value_at_stake += stake;
  s.expected_value += ev;
}

function revenueBin(v: number): number {
  if (v < 1) return 0;
  return Math.min(REVENUE_BINS - 1, 1 + Math.floor(Math.log10(v) * BINS_PER_DECADE));
}

/** The median of a log-binned count, to within one bin (a factor of 1.33); null when empty. */
export function binnedMedian(bins: readonly number[], count: number): number | null {
  if (count === 0) return null;
  let seen = 0;
  for (let i = 0; i < bins.length; i++) {
    seen += bins[i] as number;
    // the bin's geometric middle
    if (seen * 2 >= count) return i === 0 ? 0.5 : 10 ** ((i - 0.5) / BINS_PER_DECADE);
  }
  return null;
}

/** Fewer customers than this in a segment give no median to compare with. */
const MIN_FOR_MEDIAN = 10;

/** One flagged customer with every reason it was flagged for. */
export interface Outlier {
  customer_id: string;
  name: string;
  decision: string;
  expected_value: number | null;
  /** share of the plan's expected profit; null when the customer is not in the plan */
  share: number | null;
  monthly_revenue: number | null;
  segment: string;
  /** codes: value_share, revenue_vs_median, and the implausible-input codes of facts.ts */
  why: string[];
}

/** The flagged customers, highest expected value first; `more` counts implausible ones not listed. */
export function finishOutliers(x: ReportExtras, totalExpectedCents: number): { share: number; revenue_ratio: number; median_monthly_revenue: Record<string, number>; customers: Outlier[]; more: number } {
  const byId = new Map<string, Candidate>();
  const flag = (c: Candidate, why: string) => {
    const seen = byId.get(c.id) ?? { ...c, why: [...c.why] };
    if (!seen.why.includes(why)) seen.why.push(why);
    byId.set(c.id, seen);
  };
  for (const c of x.flagged.sorted()) byId.set(c.id, { ...c, why: [...c.why] });
  const total = totalExpectedCents / 100;
  if (total > 0) for (const c of x.byValue.sorted()) if (c.score > x.opts.outlierShare * total) flag(c, 'value_share');
  const medians: Record<string, number> = {};
  for (const [segment, r] of [...x.revenue.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const median = binnedMedian(r.bins, r.count);
    if (median === null || r.count < MIN_FOR_MEDIAN) continue;
    medians[segment] = Math.round(median);
    for (const c of r.top.sorted()) if (c.score > IMPLAUSIBLE_REVENUE_RATIO * median) flag(c, 'revenue_vs_median');
  }
  const customers = [...byId.values()]
    .sort((a, b) => (b.item.expected_value ?? -Infinity) - (a.item.expected_value ?? -Infinity) || (a.id < b.id ? -1 : 1))
    .map((c): Outlier => ({
      customer_id: c.id, name: c.item.name, decision: c.item.decision,
      expected_value: c.item.expected_value,
      share: c.item.decision === 'win_back' && total > 0 && c.item.expected_value !== null ? c.item.expected_value / total : null,
      monthly_revenue: c.item.monthly_revenue === null ? null : Math.round(c.item.monthly_revenue * 100) / 100,
      segment: c.item.segment,
      why: c.why,
    }));
  return { share: x.opts.outlierShare, revenue_ratio: IMPLAUSIBLE_REVENUE_RATIO, median_monthly_revenue: medians, customers, more: Math.max(0, x.flaggedCount - x.flagged.size) };
}
