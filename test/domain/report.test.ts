import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/domain/dates.js';
import { DEFAULT_CONFIG } from '../../src/domain/config.js';
import { CHANNELS } from '../../src/domain/playbook-types.js';
import {
  implausibleInputs, reportItem, switchingPath, valueBin, VALUE_BIN_EDGES,
  type ItemContext, type PlanFacts, type ReportItem,
} from '../../src/domain/report/facts.js';
import { ranksAbove, TopHeap } from '../../src/domain/report/top.js';
import { addToReport, CALENDAR_WEEKS, createReport, TOP_CANDIDATES } from '../../src/domain/report/report.js';
import { finishReport } from '../../src/domain/report/finish.js';
import { binnedMedian } from '../../src/domain/report/extras.js';
import type { CustomerRow } from '../../src/domain/types.js';
import { propertyRuns } from '../support/property.js';
import { itemFields, itemOf } from '../../src/pipeline/report-project.js';

const AS_OF = parseIsoDay('2026-11-23') as number; // a Monday
const META = { source: { kind: 'export' as const, label: 't' }, rows: { read: 0, accepted: 0, rejected: 0 } };
const ITEM_CTX: ItemContext = { entryOf: () => ({ side: 'company', final: false }), permission: DEFAULT_CONFIG.permission, model: DEFAULT_CONFIG.model, asOf: AS_OF };
const CODES = ['price', 'service', 'quality', 'poached', 'unknown', 'deceased', 'relocation'] as const;

const itemArb: fc.Arbitrary<ReportItem> = fc.record({
  customer_id: fc.string({ minLength: 1, maxLength: 6 }),
  name: fc.string({ maxLength: 8 }),
  segment: fc.constantFrom('B2B' as const, 'B2C' as const, 'unknown' as const),
  reason_code: fc.constantFrom(...CODES),
  decision: fc.constantFrom('win_back' as const, 'review' as const, 'let_go' as const, 'never' as const),
  channel: fc.constantFrom('' as const, ...CHANNELS),
  p_winback: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  // whole currency units keep sums exact, so order independence can be checked with toEqual
  expected_value: fc.option(fc.integer({ min: -5000, max: 200000 })),
  value_at_stake: fc.option(fc.integer({ min: 0, max: 300000 })),
  contact_from: fc.option(fc.integer({ min: AS_OF, max: AS_OF + 200 })),
  contact_until: fc.option(fc.integer({ min: AS_OF, max: AS_OF + 240 })),
  default_margin: fc.boolean(),
  path: fc.constantFrom('competitor' as const, 'incident' as const, 'drift' as const, 'final' as const, 'unclear' as const),
  phase: fc.constantFrom('first_time_buyer' as const, 'early_repeat' as const, 'core_defector' as const, 'unknown' as const),
  complaints: fc.constantFrom('yes' as const, 'no' as const, 'unknown' as const),
  competitor_known: fc.boolean(),
  blocked: fc.constantFrom(null, 'no_email_consent' as const, 'do_not_contact' as const),
  offer_type: fc.constantFrom('', 'discount', 'none'),
  account_manager: fc.constantFrom('', 'A. Schmidt', 'B. Weber'),
  contact_cost: fc.option(fc.integer({ min: 0, max: 150 })),
  incentive_cost: fc.option(fc.integer({ min: 0, max: 50 })),
  monthly_revenue: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
  implausible: fc.constantFrom([], ['churn_after_as_of'], ['margin_above_revenue', 'revenue_without_orders']),
  region: fc.constantFrom('', 'Nord', 'Süd'),
  // binary fractions keep sums exact too
  p_organic: fc.option(fc.constantFrom(0, 0.03125, 0.25)),
  churn_date: fc.option(fc.integer({ min: AS_OF - 2000, max: AS_OF })),
});

function build(items: ReportItem[], asOf = AS_OF) {
  const acc = createReport(asOf);
  for (const item of items) addToReport(acc, item);
  return finishReport(acc, META);
}

describe('the report item as a record', () => {
  it('reads back every field of an item, in its order and with its type', () => {
    fc.assert(fc.property(itemArb, (item) => {
      const back = itemOf(itemFields(item));
      expect(back).toEqual(item);
      expect(Object.keys(back)).toEqual(Object.keys(reportItem({ line: 2, customer_id: 'C1', warnings: [] }, item, ITEM_CTX)));
    }), propertyRuns(100));
  });
});

describe('report model invariants', () => {
  it('the funnel narrows step by step and accounts for every customer worth winning back', () => {
    fc.assert(fc.property(fc.array(itemArb, { maxLength: 120 }), (items) => {
      const r = build(items);
      const counts = r.funnel.steps.map((s) => s.count);
      expect(counts[0]).toBe(items.length);
      for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1] as number);
      const dropped = Object.values(r.funnel.unreachable).reduce((a, b) => a + b, 0);
      expect(dropped).toBe((counts[1] as number) - (counts[2] as number));
    }));
  });

  it('flags exactly the win_back customers above the outlier share, and every customer with implausible inputs up to the listed limit', () => {
    fc.assert(fc.property(fc.array(itemArb, { maxLength: 120 }), fc.constantFrom(0.05, 0.1, 0.3), (items, share) => {
      const acc = createReport(AS_OF, { outlierShare: share });
      for (const item of items) addToReport(acc, item);
      const r = finishReport(acc, META);
      const total = acc.totals.expected_value / 100;
      const above = new Set(items.filter((x) => x.decision === 'win_back' && total > 0 && (x.expected_value ?? 0) > share * total).map((x) => x.customer_id));
      const flagged = new Set(r.outliers.customers.filter((c) => c.why.includes('value_share')).map((c) => c.customer_id));
      expect(flagged).toEqual(above);
      const implausible = items.filter((x) => x.implausible.length > 0).length;
      expect(r.outliers.customers.filter((c) => c.why.some((w) => w !== 'value_share' && w !== 'revenue_vs_median')).length + r.outliers.more).toBeLessThanOrEqual(implausible);
    }));
  });

  it('reason shares sum to 1 and the Pareto cumulative share ends at 1, in descending count order', () => {
    fc.assert(fc.property(fc.array(itemArb, { minLength: 1, maxLength: 120 }), (items) => {
      const r = build(items);
      expect(r.reasons.reduce((a, l) => a + l.share, 0)).toBeCloseTo(1, 12);
      expect(r.reasons.at(-1)?.cumulative_share).toBe(1);
      for (let i = 1; i < r.reasons.length; i++) {
        expect((r.reasons[i - 1]?.count ?? 0) >= (r.reasons[i]?.count ?? 0)).toBe(true);
        expect((r.reasons[i]?.cumulative_share ?? 0) > (r.reasons[i - 1]?.cumulative_share ?? 0)).toBe(true);
      }
      expect(r.reasons.reduce((a, l) => a + l.count, 0)).toBe(items.length);
    }));
  });

  it('the calendar counts exactly the win_back customers due in the 12 weeks, per channel', () => {
    fc.assert(fc.property(fc.array(itemArb, { maxLength: 120 }), (items) => {
      const r = build(items);
      const due = (i: ReportItem) => i.decision === 'win_back' && i.channel !== '' && i.contact_from !== null;
      const inWindow = (i: ReportItem) => (i.contact_from as number) < AS_OF + 7 * CALENDAR_WEEKS;
      for (const channel of CHANNELS) {
        const expected = items.filter((i) => due(i) && inWindow(i) && i.channel === channel).length;
        expect(r.calendar.weeks.reduce((a, w) => a + w.channels[channel], 0)).toBe(expected);
      }
      expect(r.calendar.weeks.reduce((a, w) => a + w.total, 0) + r.calendar.later + r.calendar.without_window).toBe(items.filter((i) => i.decision === 'win_back').length);
      expect(r.calendar.weeks).toHaveLength(CALENDAR_WEEKS);
    }));
  });

  it('the top list equals a full sort of the win_back customers, cut at 20', () => {
    fc.assert(fc.property(fc.array(itemArb, { maxLength: 150 }), (items) => {
      const r = build(items);
      const expected = items
        .filter((i) => i.decision === 'win_back' && i.expected_value !== null)
        .map((i) => ({ id: i.customer_id, score: i.expected_value as number }))
        .sort((a, b) => (ranksAbove(a, b) ? -1 : ranksAbove(b, a) ? 1 : 0))
        .slice(0, TOP_CANDIDATES);
      expect(r.top.map((t) => [t.customer_id, t.expected_value])).toEqual(expected.map((e) => [e.id, e.score]));
      expect(r.top.map((t) => t.rank)).toEqual(expected.map((_, i) => i + 1));
    }));
  });

  it('conserves customers and money across every breakdown', () => {
    fc.assert(fc.property(fc.array(itemArb, { maxLength: 120 }), (items) => {
      const r = build(items);
      const n = items.length;
      const sum = (xs: { count: number }[]) => xs.reduce((a, x) => a + x.count, 0);
      expect(sum(r.segments)).toBe(n);
      expect(sum(r.switching.paths)).toBe(n);
      expect(sum(r.switching.phases)).toBe(n);
      // Objectors and final reasons (whose 0 is no value) are unvalued by design, as are customers let go unasked:
      // neither in the value bins nor counted as customers the data do not allow to value (only a review is).
      const unvaluedByDesign = items.filter((i) => i.decision === 'never' || (i.expected_value === null && i.decision !== 'review')).length;
      expect(sum(r.value_distribution)).toBe(items.filter((i) => i.decision !== 'never' && i.expected_value !== null).length);
      expect(sum(r.value_distribution) + r.quality.not_valued + unvaluedByDesign).toBe(n);
      expect(Object.values(r.decisions).reduce((a, b) => a + b, 0)).toBe(n);
      for (const s of r.segments) expect(s.win_back + s.review + s.let_go + s.never).toBe(s.count);
      const ev = items.filter((i) => i.decision === 'win_back').reduce((a, i) => a + (i.expected_value ?? 0), 0);
      expect(r.totals.expected_value).toBe(ev);
      expect(r.reasons.reduce((a, l) => a + l.expected_value, 0)).toBe(ev);
      expect(r.quality.blocked_channel).toBe(items.filter((i) => i.decision === 'win_back' && i.blocked !== null).length);
    }));
  });

  it('does not depend on the order of the rows', () => {
    // One item per customer id, as the engine hands them over (duplicate ids are merged before
    // planning: domain/read/duplicate-ids.ts); with two items under one id and equal rank, which
    // of them the outlier list names would depend on their order (seed 1726408612 found it).
    fc.assert(fc.property(fc.uniqueArray(itemArb, { maxLength: 60, selector: (i) => i.customer_id }).chain((items) => fc.tuple(fc.constant(items), fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }))), ([a, b]) => {
      expect(build(b)).toEqual(build(a));
    }));
  });
});

describe('calendar weeks', () => {
  it('starts at the Monday of the as-of week and labels ISO weeks', () => {
    const thursday = parseIsoDay('2026-11-26') as number;
    const r = build([], thursday);
    expect(r.calendar.weeks[0]).toMatchObject({ week: '2026-W48', from: '2026-11-23' });
    expect(r.calendar.weeks[5]).toMatchObject({ week: '2026-W53', from: '2026-12-28' });
    expect(r.calendar.weeks[6]).toMatchObject({ week: '2027-W01', from: '2027-01-04' });
  });
});

describe('switching path', () => {
  const company = { side: 'company' as const, final: false };
  it.each([
    ['deceased', { side: 'final' as const, final: true }, true, true, 'final'],
    ['price', company, true, true, 'competitor'],
    ['poached', { side: 'competition' as const, final: false }, false, false, 'competitor'],
    ['price', company, false, true, 'incident'],
    ['quality', company, false, false, 'incident'],
    ['price', company, false, false, 'drift'],
    ['unknown', { side: 'none' as const, final: false }, false, false, 'unclear'],
  ])('%s (competitor %s, complaints %s) → %s', (code, entry, competitor, complained, expected) => {
    expect(switchingPath(code, entry, competitor as boolean, complained as boolean)).toBe(expected);
  });
});

describe('report items', () => {
  const ctx: ItemContext = {
    entryOf: (code) => (code === 'deceased' ? { side: 'final', final: true } : { side: 'company', final: false }),
    permission: DEFAULT_CONFIG.permission,
    model: DEFAULT_CONFIG.model,
    asOf: AS_OF,
  };
  const facts: PlanFacts = { reason_code: 'price', decision: 'win_back', channel: 'email', p_winback: 0.3, p_organic: 0.05, expected_value: 100, value_at_stake: 300, contact_from: AS_OF, contact_until: AS_OF + 27, default_margin: false, offer_type: 'discount' };
  const row = (extra: Partial<CustomerRow>): CustomerRow => ({ line: 2, customer_id: 'C1', warnings: [], ...extra });

  it.each([
    [{ orders: 1 }, 'first_time_buyer'],
    [{ customer_since: AS_OF - 200, churn_date: AS_OF - 30, orders: 4 }, 'early_repeat'],
    [{ tenure_months: 30 }, 'core_defector'],
    [{}, 'unknown'],
  ])('lifecycle phase of %o is %s', (extra, phase) => {
    expect(reportItem(row(extra), facts, ctx).phase).toBe(phase);
  });

  it('names why the planned channel of a win_back customer is blocked', () => {
    expect(reportItem(row({ email: 'a@b.de' }), facts, ctx).blocked).toBe('no_email_consent');
    expect(reportItem(row({ email: 'a@b.de', consent_email: true }), facts, ctx).blocked).toBeNull();
    expect(reportItem(row({ email: 'a@b.de' }), { ...facts, decision: 'let_go' }, ctx).blocked).toBeNull();
  });

  it('reads competitor and complaints signals', () => {
    const item = reportItem(row({ competitor: 'Acme', complaints: 2 }), facts, ctx);
    expect(item).toMatchObject({ competitor_known: true, complaints: 'yes', path: 'competitor', segment: 'unknown' });
  });
});

describe('value bins and the bounded heap', () => {
  it.each([[-0.01, 0], [0, 1], [99.99, 1], [100, 2], [100000, VALUE_BIN_EDGES.length], [1e9, VALUE_BIN_EDGES.length]])('valueBin(%d) = %d', (v, bin) => {
    expect(valueBin(v)).toBe(bin);
  });

  it('never holds more than its capacity', () => {
    fc.assert(fc.property(fc.array(fc.integer(), { maxLength: 200 }), fc.integer({ min: 0, max: 25 }), (scores, cap) => {
      const heap = new TopHeap(cap);
      scores.forEach((score, i) => heap.offer({ id: String(i).padStart(4, '0'), score }));
      expect(heap.size).toBe(Math.min(cap, scores.length));
      expect(heap.sorted().map((x) => x.score)).toEqual([...scores].sort((a, b) => b - a).slice(0, cap));
    }));
  });
});

describe('implausible inputs', () => {
  const base: CustomerRow = { line: 2, customer_id: 'C1', customer_since: AS_OF - 400, churn_date: AS_OF - 30, orders: 5, revenue: 1000, margin: { kind: 'percent', value: 30 }, warnings: [] };
  it.each([
    ['a plausible row', {}, []],
    ['a margin above 100 %', { margin: { kind: 'percent' as const, value: 140 } }, ['margin_above_revenue']],
    ['a margin amount above the revenue', { margin: { kind: 'amount' as const, value: 1500 } }, ['margin_above_revenue']],
    ['a churn date after the as-of date', { churn_date: AS_OF + 3 }, ['churn_after_as_of']],
    ['a start after the churn', { customer_since: AS_OF - 10 }, ['start_after_churn']],
    ['revenue without orders', { orders: 0 }, ['revenue_without_orders']],
  ] as const)('%s', (_name, extra, expected) => {
    expect(implausibleInputs({ ...base, ...extra }, AS_OF)).toEqual(expected);
  });
});

describe('binned median', () => {
  it('is within one bin (a factor of 1.34) of the true median', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 1, max: 1e8, noNaN: true }), { minLength: 1, maxLength: 200 }), (values) => {
      const bins = new Array<number>(74).fill(0);
      for (const v of values) (bins[Math.min(73, 1 + Math.floor(Math.log10(v) * 8))] as number)++;
      const sorted = [...values].sort((a, b) => a - b);
      const lower = sorted[Math.ceil(values.length / 2) - 1] as number;
      const median = binnedMedian(bins, values.length) as number;
      expect(median / lower).toBeLessThan(1.34);
      expect(lower / median).toBeLessThan(1.34);
    }), propertyRuns(100));
  });
});
