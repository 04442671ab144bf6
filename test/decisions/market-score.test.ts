import { describe, expect, it } from 'vitest';
import { DAYS_PER_MONTH, parseIsoDay } from '../../src/domain/dates.js';
import type { Channel } from '../../src/domain/playbook-types.js';
import { bestAction, scorePlan, weeklyDays, type MarketCustomer, type PlanDecision } from '../support/market-score.js';
import {
  actionValue, discountFactor, organicProbability, responseProbability, secondLifetimeMonths, secondLifetimeValue, TRUTH,
  type Action, type TruthCustomer,
} from '../support/market-truth.js';

const AS_OF = parseIsoDay('2025-10-01') as number;
const iso = (offset: number) => ['2025-10-01', '2025-10-08', '2025-10-15'][offset / 7] as string;
const only = (...channels: Channel[]): Record<Channel, boolean> =>
  ({ visit: channels.includes('visit'), phone: channels.includes('phone'), letter: channels.includes('letter'), email: channels.includes('email') });

// Values by offer, channel and day offset, read off a table so every expected figure is plain arithmetic.
function tableCustomer(id: string, table: Record<string, number>, extra: Partial<MarketCustomer> = {}): MarketCustomer {
  return {
    id, group: 'g', objector: false, permitted: only('letter'), offers: ['a', 'b'], days: [AS_OF, AS_OF + 7],
    value: (x: Action) => table[`${x.offer}@${x.channel}@${x.day - AS_OF}`] ?? -1,
    ...extra,
  };
}
const row = (customer_id: string, decision: string, offer_type = '', channel = '', contact_from = ''): PlanDecision =>
  ({ customer_id, decision, offer_type, channel, contact_from });

const TABLE = { 'a@letter@0': 5, 'a@letter@7': 8, 'b@letter@0': 3, 'b@letter@7': -1, 'a@phone@0': 100, 'a@phone@7': 100 };

describe('the market scorer', () => {
  it('takes the best action among permitted channels, offers and days only', () => {
    expect(bestAction(tableCustomer('K1', TABLE))).toEqual({ value: 8, action: { offer: 'a', channel: 'letter', day: AS_OF + 7 } });
    expect(bestAction(tableCustomer('K1', TABLE, { permitted: only('letter', 'phone') })).value).toBe(100);
    expect(bestAction(tableCustomer('K1', TABLE, { objector: true, permitted: only('letter', 'phone') })).value).toBe(0);
    expect(bestAction(tableCustomer('K1', { 'a@letter@0': -2 })).value).toBe(0);
    expect(bestAction(tableCustomer('K1', TABLE, { offers: [] })).value).toBe(0);
  });

  it('values the planned action at its contact date and divides by the best', () => {
    const s = scorePlan([tableCustomer('K1', TABLE)], [row('K1', 'win_back', 'a', 'letter', iso(0))], AS_OF);
    expect(s).toMatchObject({ chosen: 5, best: 8, share: 5 / 8, contacted: 1, worthContacting: 1, missedValue: 0 });
    const later = scorePlan([tableCustomer('K1', TABLE)], [row('K1', 'win_back', 'a', 'letter', iso(7))], AS_OF);
    expect(later.share).toBe(1);
  });

  it('adds up several customers and breaks the total down by group', () => {
    const customers = [tableCustomer('K1', TABLE), tableCustomer('K2', { 'b@letter@0': 4 }, { group: 'h' }), tableCustomer('K3', { 'a@letter@0': -3 })];
    const plan = [row('K1', 'win_back', 'a', 'letter', iso(0)), row('K2', 'let_go'), row('K3', 'win_back', 'a', 'letter', iso(0))];
    const s = scorePlan(customers, plan, AS_OF);
    // chosen 5 + 0 − 3 = 2 of best 8 + 4 + 0 = 12
    expect(s).toMatchObject({ chosen: 2, best: 12, contacted: 2, worthContacting: 2, missedValue: 4, lossMaking: 1, lossValue: -3 });
    expect(s.share).toBeCloseTo(2 / 12, 12);
    expect(s.byGroup).toEqual({ g: { chosen: 2, best: 8 }, h: { chosen: 0, best: 4 } });
  });

  it('counts a contact without permission, of an objector or on an unknown channel as a violation that earns nothing', () => {
    const customers = [tableCustomer('K1', TABLE), tableCustomer('K2', TABLE, { objector: true }), tableCustomer('K3', TABLE)];
    const plan = [row('K1', 'win_back', 'a', 'phone', iso(0)), row('K2', 'win_back', 'a', 'letter', iso(0)), row('K3', 'win_back', 'a', 'fax', iso(0))];
    const s = scorePlan(customers, plan, AS_OF);
    expect(s.violations).toEqual({ noPermission: 1, objector: 1, unknownChannel: 1 });
    expect(s.chosen).toBe(0);
    expect(s.best).toBe(16); // the objector's best is 0
  });

  it('leaves alone every decision other than win_back, and notes customers the plan lacks', () => {
    const customers = ['K1', 'K2', 'K3', 'K4'].map((id) => tableCustomer(id, TABLE));
    const plan = [row('K1', 'review', 'a', 'letter', iso(0)), row('K2', 'no_channel', 'a', '', ''), row('K3', 'never')];
    const s = scorePlan(customers, plan, AS_OF);
    expect(s).toMatchObject({ chosen: 0, best: 32, contacted: 0, missedValue: 32, unplanned: 1, share: 0 });
  });

  it('values an undated contact, or one dated before as-of, at as-of', () => {
    const customers = [tableCustomer('K1', TABLE), tableCustomer('K2', TABLE)];
    const s = scorePlan(customers, [row('K1', 'win_back', 'a', 'letter', ''), row('K2', 'win_back', 'a', 'letter', '2025-09-01')], AS_OF);
    expect(s).toMatchObject({ chosen: 10, undated: 1 });
  });

  it('calls a plan that does nothing where nothing is worth doing complete', () => {
    expect(scorePlan([tableCustomer('K1', {})], [row('K1', 'let_go')], AS_OF).share).toBe(1);
    expect(scorePlan([tableCustomer('K1', {})], [row('K1', 'win_back', 'a', 'letter', iso(0))], AS_OF).share).toBe(0);
  });

  it('offers weekly contact days', () => {
    expect(weeklyDays(100, 3)).toEqual([100, 107, 114]);
  });
});

// A price quitter of exactly 24 months' tenure, 12 orders, no complaints: the reference customer.
const CHURN = parseIsoDay('2025-06-01') as number;
const REFERENCE: TruthCustomer = {
  id: 'R', reason: 'price', segment: 'B2C', keyAccount: false, sinceDay: CHURN - 24 * DAYS_PER_MONTH, churnDay: CHURN, orders: 12,
  complaints: 0, monthlyMargin: 100, permitted: only('letter', 'phone'), objector: false,
};

describe('the market truth', () => {
  it('values a second lifetime as discounted monthly margin (hand-computed)', () => {
    // L2 = 10 months, m2 = 0.9, d = 1.1^(1/12) − 1, q = m2 / (1 + d), 36 months; margin 100 × 0.95 for price quitters
    expect(secondLifetimeMonths(REFERENCE, 'none')).toBeCloseTo(10, 10);
    expect(secondLifetimeValue(REFERENCE, 'none')).toBeCloseTo(871.8454, 3);
    expect(secondLifetimeValue(REFERENCE, 'upgrade')).toBeCloseTo(1026.4050, 3);
    expect(secondLifetimeValue(REFERENCE, 'discount')).toBeCloseTo(733.9616, 3);
    expect(secondLifetimeValue(REFERENCE, 'bundle')).toBeCloseTo(586.8745, 3);
  });

  it('answers a letter one month after churn with the base rate, shifted by the fading of price quitters', () => {
    // logit(0.15) − 0.12 × (1 − 0.5)
    expect(responseProbability(REFERENCE, 'none', 'letter', CHURN + DAYS_PER_MONTH)).toBeCloseTo(0.1425095, 6);
    expect(organicProbability(REFERENCE, CHURN + DAYS_PER_MONTH)).toBeCloseTo(TRUTH.organicBase.price, 10);
  });

  it('orders the offers as Kumar, Bhagwat & Zhang found: bundle wins most back, upgrade lasts longest, bundle earns least', () => {
    const day = CHURN + 30;
    const p = (offer: string) => responseProbability(REFERENCE, offer, 'letter', day);
    expect(p('bundle')).toBeGreaterThan(p('discount'));
    expect(p('discount')).toBeGreaterThan(p('upgrade'));
    const months = (offer: string) => secondLifetimeMonths(REFERENCE, offer);
    expect(months('upgrade')).toBeGreaterThan(months('discount'));
    expect(months('discount')).toBeGreaterThan(months('bundle'));
    const net = (offer: string) => secondLifetimeValue(REFERENCE, offer) - (TRUTH.incentive as Record<string, number>)[offer]!;
    expect(Math.min(net('discount'), net('upgrade'))).toBeGreaterThan(net('bundle'));
  });

  it('makes a contact worth its incremental profit, discounted from its day', () => {
    const day = AS_OF + 70;
    const a: Action = { offer: 'discount', channel: 'phone', day };
    const organic = organicProbability(REFERENCE, day);
    const contacted = 1 - (1 - organic) * (1 - responseProbability(REFERENCE, 'discount', 'phone', day));
    const expected = discountFactor(AS_OF, day) * (contacted * secondLifetimeValue(REFERENCE, 'discount') - organic * secondLifetimeValue(REFERENCE, 'none') - TRUTH.channelCost.phone);
    expect(actionValue(REFERENCE, a, AS_OF)).toBeCloseTo(expected, 10);
    expect(discountFactor(AS_OF, AS_OF + 365.2425)).toBeCloseTo(1 / 1.1, 12);
  });

  it('never wins back a final reason, and a contact there only costs', () => {
    const gone: TruthCustomer = { ...REFERENCE, reason: 'deceased' };
    expect(responseProbability(gone, 'discount', 'visit', AS_OF)).toBe(0);
    expect(organicProbability(gone, AS_OF)).toBe(0);
    expect(actionValue(gone, { offer: 'none', channel: 'letter', day: AS_OF }, AS_OF)).toBeCloseTo(-TRUTH.channelCost.letter, 12);
  });

  it('times the answer by reason: price quitters fade, variety seekers need time, poached ones answer before their contract ends', () => {
    const at = (c: TruthCustomer, months: number) => responseProbability(c, 'none', 'letter', c.churnDay + months * DAYS_PER_MONTH);
    expect(at(REFERENCE, 1)).toBeGreaterThan(at(REFERENCE, 6));
    const variety: TruthCustomer = { ...REFERENCE, reason: 'variety_seeking' };
    expect(at(variety, 6)).toBeGreaterThan(at(variety, 1));
    const poached: TruthCustomer = { ...REFERENCE, reason: 'poached', contractEndDay: CHURN + 365, contractTermMonths: 12 };
    const before = (days: number) => responseProbability(poached, 'none', 'letter', CHURN + 365 - days);
    expect(before(45)).toBeGreaterThan(before(120));
    expect(before(45)).toBeGreaterThan(before(5));
    expect(at(REFERENCE, 0.2)).toBeLessThan(at(REFERENCE, 1)); // inside the cooling-off period it annoys
  });
});
