import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../src/domain/campaign/contact-history.js';
import { isControl } from '../../src/domain/campaign/control-group.js';
import { parseIsoDay } from '../../src/domain/dates.js';
import { mulberry32 } from '../../src/domain/random.js';
import {
  attributeAttempts, isSerialDefector, newcombeDifference, parseMeasure, regainIndex, summariseResults, wilsonInterval,
  type AttributionSettings, type OutcomeRecord,
} from '../../src/domain/results/results.js';
import { kpiJson } from '../../src/domain/results/json.js';
import { propertyRuns } from '../support/property.js';

const day = (iso: string) => parseIsoDay(iso) as number;
const CONTACT = day('2026-01-05');
const SETTINGS: AttributionSettings = {
  asOf: day('2026-12-31'),
  windowDays: 90,
  channelCosts: { visit: 120, phone: 15, letter: 3, email: 0.5 },
  offers: [{ id: 'discount', incentiveCost: 0 }, { id: 'upgrade', incentiveCost: 25 }],
  defaultMarginPercent: 25,
};

const entry = (id: string, date = CONTACT, outcome: 'contacted' | 'control' = 'contacted', measure = 'price:upgrade', channel: LedgerEntry['channel'] = 'phone'): LedgerEntry =>
  ({ customer_id: id, channel, campaign_date: date, campaign_id: `c${date}`, measure, outcome });
const ret = (id: string, returnDate: number, extra: Partial<OutcomeRecord> = {}): OutcomeRecord => ({ customer_id: id, returnDate, ...extra });
const outcomesOf = (list: OutcomeRecord[]) => {
  const m = new Map<string, OutcomeRecord[]>();
  for (const o of list) m.set(o.customer_id, [...(m.get(o.customer_id) ?? []), o]);
  return m;
};

describe('confidence intervals (published values, Newcombe 1998)', () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [0, 10, 0, 0.2775],
    [15, 148, 0.0624, 0.1605],
  ])('Wilson interval of %i/%i is %f..%f', (x, n, low, high) => {
    const w = wilsonInterval(x, n)!;
    expect(w.low).toBeCloseTo(low, 4);
    expect(w.high).toBeCloseTo(high, 4);
  });

  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [5, 56, 0, 29, -0.0381, 0.1926],
  ])('hybrid score interval of %i/%i − %i/%i is %f..%f', (x1, n1, x2, n2, low, high) => {
    const d = newcombeDifference(x1, n1, x2, n2)!;
    expect(d.low).toBeCloseTo(low, 4);
    expect(d.high).toBeCloseTo(high, 4);
  });

  it('always contains the observed difference and stays within [−1, 1]', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), fc.nat(), fc.nat(), (n1, n2, a, b) => {
      const x1 = a % (n1 + 1);
      const x2 = b % (n2 + 1);
      const d = newcombeDifference(x1, n1, x2, n2)!;
      return d.low <= d.difference + 1e-12 && d.difference <= d.high + 1e-12 && d.low >= -1 - 1e-12 && d.high <= 1 + 1e-12;
    }));
  });

  it('is null for an empty group', () => {
    expect(newcombeDifference(3, 10, 0, 0)).toBeNull();
  });
});

describe('attribution window', () => {
  it.each([
    ['return before the contact', CONTACT - 1, 'returned_before_contact'],
    ['return on the contact day (day 0)', CONTACT, 'regained'],
    ['return on the last day of the window (day 90)', CONTACT + 90, 'regained'],
    ['return the day after the window (day 91)', CONTACT + 91, 'returned_after_window'],
  ])('%s', (_name, returnDate, status) => {
    const [a] = attributeAttempts([entry('A')], outcomesOf([ret('A', returnDate)]), SETTINGS);
    expect(a!.status).toBe(status);
  });

  it('credits the latest contact before the return within the window of the first', () => {
    const second = CONTACT + 40;
    const [a] = attributeAttempts([entry('A'), entry('A', second, 'contacted', 'price:discount', 'letter')], outcomesOf([ret('A', second + 10)]), SETTINGS);
    expect(a!.status).toBe('regained');
    expect(a!.contactDate).toBe(second);
    expect(a!.offerType).toBe('discount');
    expect(a!.cost).toBe(15 + 3); // both contacts cost, the discount has no one-off incentive
  });

  it('measures over the window of the first entry: a later contact opens no second window (a control customer is held out once)', () => {
    const second = CONTACT + 120;
    const [a] = attributeAttempts([entry('A'), entry('A', second, 'contacted', 'price:discount', 'letter')], outcomesOf([ret('A', second + 10)]), SETTINGS);
    expect(a!.status).toBe('returned_after_window');
    expect(a!.contactDate).toBe(CONTACT);
    expect(a!.cost).toBe(15); // the contact after the window is not costed either
    expect(a!.contacts).toBe(2);
  });

  it("for calibrate's history, credits each contact within its own window: a second contact can win back a customer the first did not", () => {
    const second = CONTACT + 120;
    const [a] = attributeAttempts([entry('A'), entry('A', second, 'contacted', 'price:discount', 'letter')], outcomesOf([ret('A', second + 10)]), { ...SETTINGS, window: 'each' });
    expect(a!.status).toBe('regained');
    expect(a!.contactDate).toBe(second);
    expect(a!.offerType).toBe('discount');
    expect(a!.cost).toBe(15 + 3);
  });

  it('finds no lift where contacts change nothing, however often the contacted group is contacted again', () => {
    // Every customer returns on a uniform day over a year with the same chance, contacted or not;
    // contacted customers get a second contact 120 days after the first, control customers are
    // held out once (as the ledger records them). The lift's interval must hold 0.
    const random = mulberry32(20261207);
    const asOf = CONTACT + 400;
    const ledger: LedgerEntry[] = [];
    const outcomes: OutcomeRecord[] = [];
    for (let i = 0; i < 6000; i++) {
      const id = `N${i}`;
      const control = i % 5 === 0;
      ledger.push(entry(id, CONTACT, control ? 'control' : 'contacted'));
      if (!control) ledger.push(entry(id, CONTACT + 120));
      if (random() < 0.4) outcomes.push(ret(id, CONTACT + Math.floor(random() * 365)));
    }
    const report = summariseResults(attributeAttempts(ledger, outcomesOf(outcomes), { ...SETTINGS, asOf }));
    const lift = report.total.lift;
    expect(lift, JSON.stringify(report.total)).not.toBeNull();
    expect(lift!.low).toBeLessThan(0);
    expect(lift!.high).toBeGreaterThan(0);
  });

  it('ignores ledger entries and returns after as-of, and flags a window still open', () => {
    const asOf = CONTACT + 30;
    const attempts = attributeAttempts([entry('A'), entry('B', asOf + 1)], outcomesOf([ret('A', asOf + 5)]), { ...SETTINGS, asOf });
    expect(attempts.map((a) => a.customer_id)).toEqual(['A']);
    expect(attempts[0]!.status).toBe('no_return');
    expect(attempts[0]!.windowOpen).toBe(true);
  });

  it('counts money, incentive, estimated margin and repeat churn of the regained', () => {
    const [a] = attributeAttempts([entry('A')], outcomesOf([ret('A', CONTACT + 20, { revenue: 1000, cancelledAgain: CONTACT + 200 })]), SETTINGS);
    expect(a).toMatchObject({ status: 'regained', revenue: 1000, margin: 250, marginEstimated: true, cost: 15 + 25, repeatChurn: true });
  });

  it('puts a customer held out and later contacted in the contacted group', () => {
    const [a] = attributeAttempts([entry('A', CONTACT, 'control'), entry('A', CONTACT + 100)], new Map(), SETTINGS);
    expect(a).toMatchObject({ group: 'contacted', switchedGroup: true, contacts: 1 });
  });

  it('reads measures with and without an offer', () => {
    expect(parseMeasure('price:discount')).toEqual({ reasonCode: 'price', offerType: 'discount', randomised: false, channelRandomised: false });
    expect(parseMeasure('service')).toEqual({ reasonCode: 'service', offerType: 'none', randomised: false, channelRandomised: false });
  });
});

describe('serial defectors', () => {
  it('flags regained customers who cancelled again or churned again after their return', () => {
    const ledger = [entry('A'), entry('B'), entry('C'), entry('D', CONTACT, 'control')];
    const outcomes = outcomesOf([
      ret('A', CONTACT + 10, { cancelledAgain: CONTACT + 100 }),
      ret('B', CONTACT + 10),
      ret('D', CONTACT + 10, { cancelledAgain: CONTACT + 100 }),
    ]);
    const attempts = attributeAttempts(ledger, outcomes, SETTINGS);
    expect(summariseResults(attempts).serialDefectors.map((s) => s.customer_id)).toEqual(['A']);
    const index = regainIndex(attempts);
    expect(isSerialDefector(index, 'A')).toBe(true);
    expect(isSerialDefector(index, 'B')).toBe(false);
    expect(isSerialDefector(index, 'B', CONTACT + 300)).toBe(true); // in the lost export again
    expect(isSerialDefector(index, 'C', CONTACT + 300)).toBe(false); // never regained
    expect(isSerialDefector(index, 'D')).toBe(false); // control: never won back by a contact
  });
});

/**
 * A synthetic programme: n customers, a share held out by the real control-group hash,
 * control customers return with probability p0, contacted ones with p0 + lift, at a random day
 * within the window; some others return later or before the contact, as real CRMs show.
 */
function syntheticProgramme(seed: number, n: number, p0: number, lift: number, share = 0.2) {
  const random = mulberry32(seed);
  const ledger: LedgerEntry[] = [];
  const outcomes: OutcomeRecord[] = [];
  for (let i = 0; i < n; i++) {
    const id = `S${seed}-${i}`;
    const control = isControl(id, `salt-${seed}`, share);
    const contact = CONTACT + Math.floor(random() * 60);
    ledger.push(entry(id, contact, control ? 'control' : 'contacted', random() < 0.5 ? 'price:discount' : 'service:personal', 'letter'));
    const p = control ? p0 : p0 + lift;
    const u = random();
    if (u < p) outcomes.push(ret(id, contact + Math.floor(random() * 91), { revenue: 500, margin: 150 }));
    else if (u < p + 0.05) outcomes.push(ret(id, contact + 91 + Math.floor(random() * 100)));
    else if (u < p + 0.07) outcomes.push(ret(id, contact - 1 - Math.floor(random() * 30)));
  }
  return { ledger, outcomes: outcomesOf(outcomes) };
}

describe('lift on synthetic programmes with a known true lift', () => {
  const TRUE_LIFT = 0.06;
  const P0 = 0.1;

  it('the 95 % interval covers the true lift in at least 18 of 20 seeds, and the estimate is unbiased', () => {
    let covered = 0;
    let sum = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const { ledger, outcomes } = syntheticProgramme(seed, 4000, P0, TRUE_LIFT);
      const report = summariseResults(attributeAttempts(ledger, outcomes, SETTINGS));
      const lift = report.total.lift!;
      if (lift.low <= TRUE_LIFT && TRUE_LIFT <= lift.high) covered++;
      sum += lift.difference;
    }
    expect(covered).toBeGreaterThanOrEqual(18);
    expect(Math.abs(sum / 20 - TRUE_LIFT)).toBeLessThan(0.01);
  });

  it('covers the truth in about 95 % of 300 smaller programmes (between 91 % and 99 %)', () => {
    let covered = 0;
    for (let seed = 100; seed < 400; seed++) {
      const { ledger, outcomes } = syntheticProgramme(seed, 800, P0, TRUE_LIFT);
      const lift = summariseResults(attributeAttempts(ledger, outcomes, SETTINGS)).total.lift!;
      if (lift.low <= TRUE_LIFT && TRUE_LIFT <= lift.high) covered++;
    }
    expect(covered / 300).toBeGreaterThanOrEqual(0.91);
    expect(covered / 300).toBeLessThanOrEqual(0.99);
  });

  it('finds no lift where there is none, and splits the report by reason × offer × channel', () => {
    const { ledger, outcomes } = syntheticProgramme(7, 6000, P0, 0);
    const report = summariseResults(attributeAttempts(ledger, outcomes, SETTINGS));
    expect(report.total.lift!.low).toBeLessThan(0);
    expect(report.total.lift!.high).toBeGreaterThan(0);
    expect(report.segments.map((s) => `${s.reason}:${s.offer}:${s.channel}`)).toEqual(['price:discount:letter', 'service:personal:letter']);
    expect(report.byReason.reduce((s, r) => s + r.contacted.customers + r.control.customers, 0)).toBe(6000);
    expect(report.counts.returnedBeforeContact).toBeGreaterThan(0);
    expect(report.counts.returnedAfterWindow).toBeGreaterThan(0);
  });

  it('adds up: segment figures sum to the total, profit = margin − cost', () => {
    const { ledger, outcomes } = syntheticProgramme(3, 2000, 0.2, 0.1);
    const report = summariseResults(attributeAttempts(ledger, outcomes, SETTINGS));
    const t = report.total.contacted;
    const sum = (f: (r: (typeof report.segments)[number]) => number) => report.segments.reduce((s, r) => s + f(r), 0);
    expect(sum((r) => r.contacted.regained)).toBe(t.regained);
    expect(sum((r) => r.contacted.cost)).toBeCloseTo(t.cost, 6);
    expect(t.profit).toBeCloseTo(t.margin - t.cost, 6);
    expect(t.margin).toBe(150 * t.regained);
    expect(t.return).toBeCloseTo(t.profit / t.cost, 9);
  });
});

describe('incremental profit: over the control group, not gross', () => {
  // Contacted A–D by phone (15 each, upgrade incentive 25 per return): A and D come back with margin 100.
  // Control E–H: E comes back with margin 100 by itself.
  const ids = ['A', 'B', 'C', 'D'];
  const controls = ['E', 'F', 'G', 'H'];
  const back = (id: string) => ret(id, CONTACT + 20, { revenue: 400 });
  const report = () => summariseResults(attributeAttempts(
    [...ids.map((id) => entry(id)), ...controls.map((id) => entry(id, CONTACT, 'control'))],
    outcomesOf([back('A'), back('D'), back('E')]),
    SETTINGS,
  ));

  it('is the margin per contacted less the margin per control customer, times the contacted, less the cost, with its interval', () => {
    const t = report().total;
    expect(t.contacted.cost).toBe(4 * 15 + 2 * 25);
    expect(t.contacted.profit).toBe(200 - 110); // gross: E's kind of return counted as the campaign's
    // 4 × (200/4 − 100/4) − 110
    expect(t.incrementalProfit!.value).toBeCloseTo(-10, 9);
    // Welch: s² = (20000 − 4·50²)/3 and (10000 − 4·25²)/3; half width 1.96 · √(s1²/4 + s2²/4) per customer, times 4
    const half = 4 * 1.959963984540054 * Math.sqrt(10000 / 3 / 4 + 7500 / 3 / 4);
    expect(t.incrementalProfit!.low).toBeCloseTo(-10 - half, 6);
    expect(t.incrementalProfit!.high).toBeCloseTo(-10 + half, 6);
    expect(t.incrementalReturn!.value).toBeCloseTo(-10 / 110, 9);
    expect(t.incrementalReturn!.high).toBeCloseTo((-10 + half) / 110, 9);
  });

  it('is null without a control group, and the JSON keeps the gross profit beside the incremental one', () => {
    const noControl = summariseResults(attributeAttempts(ids.map((id) => entry(id)), outcomesOf([back('A')]), SETTINGS));
    expect(noControl.total.incrementalProfit).toBeNull();
    expect(noControl.total.incrementalReturn).toBeNull();
    const json = kpiJson(report().total);
    expect(json.contacted.profit).toBe(90);
    expect(json.incremental_profit).toEqual({ value: -10, low: Math.round((-10 - 4 * 1.959963984540054 * Math.sqrt(10000 / 12 + 7500 / 12)) * 100) / 100, high: expect.any(Number) });
    expect(json.incremental_return?.value).toBe(Math.round((-10 / 110) * 10_000) / 10_000);
  });

  it('covers the true incremental profit (lift × margin × contacted − cost) in at least 17 of 20 synthetic programmes', () => {
    let covered = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const { ledger, outcomes } = syntheticProgramme(seed, 3000, 0.1, 0.06);
      const t = summariseResults(attributeAttempts(ledger, outcomes, SETTINGS)).total;
      const truth = t.contacted.customers * 0.06 * 150 - t.contacted.cost;
      if (t.incrementalProfit!.low <= truth && truth <= t.incrementalProfit!.high) covered++;
      // the gross profit counts the control rate's returns too: well above the truth
      expect(t.contacted.profit).toBeGreaterThan(t.incrementalProfit!.high);
    }
    expect(covered).toBeGreaterThanOrEqual(17);
  });

  it('contains its own value, and equals gross profit less the control rate\'s margin where nobody returns in the control group', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.double({ min: 0, max: 0.5, noNaN: true }), (seed, p) => {
      const { ledger, outcomes } = syntheticProgramme(seed, 300, p, 0);
      const t = summariseResults(attributeAttempts(ledger, outcomes, SETTINGS)).total;
      if (t.incrementalProfit === null) return true;
      const e = t.incrementalProfit;
      const lowOk = e.low <= e.value + 1e-9 && e.value <= e.high + 1e-9;
      const noOrganic = t.control.regained > 0 || Math.abs(e.value - t.contacted.profit) < 1e-6;
      return lowOk && noOrganic;
    }), propertyRuns(25));
  });
});

describe('control assignment', () => {
  it('is stable across runs and input orders and close to the requested share', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `C-${i}`);
    for (const share of [0.05, 0.1, 0.25]) {
      const first = ids.filter((id) => isControl(id, 'programme', share));
      const again = [...ids].reverse().filter((id) => isControl(id, 'programme', share)).reverse();
      expect(again).toEqual(first);
      expect(Math.abs(first.length / ids.length - share)).toBeLessThan(0.01);
    }
  });
});

describe('the channel test (campaign --test-channels)', () => {
  it('compares each randomly drawn channel with the whole control group, apart from the channels the plan chose', () => {
    const ledger: LedgerEntry[] = [];
    const returns: OutcomeRecord[] = [];
    // 60 control customers (6 return), 40 drawn to phone (12 return), 40 drawn to letter (8 return), 40 planned on phone (20 return)
    const add = (prefix: string, n: number, back: number, outcome: 'contacted' | 'control', measure: string, channel: LedgerEntry['channel']) => {
      for (let i = 0; i < n; i++) {
        ledger.push(entry(`${prefix}${i}`, CONTACT, outcome, measure, channel));
        if (i < back) returns.push(ret(`${prefix}${i}`, CONTACT + 10, { margin: 100 }));
      }
    };
    add('K', 60, 6, 'control', 'price:upgrade', 'phone');
    add('P', 40, 12, 'contacted', 'price:upgrade:random-channel', 'phone');
    add('L', 40, 8, 'contacted', 'price:discount:randomised:random-channel', 'letter');
    add('Q', 40, 20, 'contacted', 'price:upgrade', 'phone');
    const attempts = attributeAttempts(ledger, outcomesOf(returns), SETTINGS);
    expect(attempts.filter((a) => a.channelRandomised).length).toBe(80);
    expect(attempts.filter((a) => a.randomised).map((a) => a.offerType)).toEqual(Array(40).fill('discount'));
    const r = summariseResults(attempts);
    expect(r.channelTest.map((k) => [k.channel, k.contacted.customers, k.contacted.regained, k.control.customers, k.control.regained])).toEqual([
      ['letter', 40, 8, 60, 6],
      ['phone', 40, 12, 60, 6],
    ]);
    expect(r.channelTest[1]!.lift!.difference).toBeCloseTo(0.3 - 0.1, 9);
    // the segment of the plan's own phone choices is reported apart, as before
    expect(r.segments.find((k) => k.offer === 'upgrade' && k.channel === 'phone')?.contacted.customers).toBe(80);
    // no drawn channel: no channel test
    expect(summariseResults(attempts.filter((a) => !a.channelRandomised)).channelTest).toEqual([]);
  });
});
