import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choiceWithinBudget, contactSpend, selectWithinBudget, withoutDominated } from '../../src/domain/budget/budget.js';
import { budgetChoice, choiceFor } from '../../src/domain/budget/choice.js';
import { BudgetCandidates } from '../../src/domain/budget/columns.js';
import type { BudgetCandidate, BudgetOption, BudgetSelection } from '../../src/domain/budget/types.js';
import type { Channel } from '../../src/domain/playbook-types.js';
import { CHANNEL_COSTS, OFFERS } from './value-fixtures.js';
import { propertyRuns } from '../support/property.js';

const o = (channel: Channel, value: number, spend: number, offer = 'none'): BudgetOption => ({ offer, channel, value, spend });
const one = (id: string, value: number, spend: number): BudgetCandidate => ({ id, options: [o('letter', value, spend)] });
const chosen = (s: BudgetSelection) => Object.fromEntries([...s.selected].map(([id, x]) => [id, x.channel]));

describe('selectWithinBudget', () => {
  it('takes the most value per unit of cost first and skips what no longer fits', () => {
    const s = selectWithinBudget([one('visit', 600, 120), one('letter', 40, 3), one('phone', 150, 15), one('email', 1, 0.5), one('dear', 300, 100)], 20);
    // ratios: letter 13.3, phone 10, visit 5, dear 3, email 2; the visit and the dear one do not fit, the e-mail still does
    expect([...s.selected.keys()]).toEqual(['letter', 'phone', 'email']);
    expect(s.spent).toBeCloseTo(18.5, 9);
    expect(s.value).toBe(191);
    // what the next unit of money would buy: the first step left out, the best ratio among them
    expect(s.next).toEqual({ id: 'visit', ratio: 5, spend: 120, offer: 'none', channel: 'letter', from: null });
    expect(s.leftOut).toBe(2);
  });

  it('breaks ties by id and never takes a contact worth nothing', () => {
    const s = selectWithinBudget([one('B', 10, 1), one('A', 10, 1), one('Z', 0, 0), one('N', -5, 1)], 1);
    expect([...s.selected.keys()]).toEqual(['A']);
    expect(s.next?.id).toBe('B');
  });

  it('buys a customer\'s cheaper action when their best does not fit (a letter instead of a visit)', () => {
    const s = selectWithinBudget([{ id: 'K', options: [o('visit', 600, 120, 'upgrade'), o('letter', 300, 3, 'renewal')] }], 50);
    expect(s.selected.get('K')).toEqual(o('letter', 300, 3, 'renewal'));
    expect(s.value).toBe(300);
    // what the next unit of money would buy: the upgrade to the visit, 300 more for 117 more
    expect(s.next).toEqual({ id: 'K', ratio: 300 / 117, spend: 117, offer: 'upgrade', channel: 'visit', from: { offer: 'renewal', channel: 'letter' } });
    expect(s.leftOut).toBe(0);
  });

  it('moves a customer to a dearer action only when its extra value per extra cost beats the next customer\'s', () => {
    const a: BudgetCandidate = { id: 'A', options: [o('visit', 600, 120), o('letter', 40, 3)] };
    const b: BudgetCandidate = { id: 'B', options: [o('phone', 150, 15)] };
    // steps: A letter 13.3, B phone 10, A letter → visit 560 / 117 = 4.8
    expect(chosen(selectWithinBudget([a, b], 20))).toEqual({ A: 'letter', B: 'phone' });
    expect(selectWithinBudget([a, b], 20).next).toMatchObject({ id: 'A', channel: 'visit', from: { channel: 'letter' } });
    expect(chosen(selectWithinBudget([a, b], 135))).toEqual({ A: 'visit', B: 'phone' });
    // 130 buys the visit (120) or the phone call and the letter (18), not both: the upgrade's 4.8 per unit comes last
    const tight = selectWithinBudget([a, b], 130);
    expect(chosen(tight)).toEqual({ A: 'letter', B: 'phone' });
    expect(tight.value).toBe(190);
  });

  it('skips an action below the hull, and spends what is left on the best action that still fits', () => {
    // hull from (0, 0): (1, 10) then (10, 30); (5, 12) lies below it
    const s = selectWithinBudget([{ id: 'A', options: [o('email', 10, 1), o('letter', 12, 5), o('visit', 30, 10)] }], 6);
    expect(s.next).toMatchObject({ channel: 'visit', from: { channel: 'email' } });
    expect(s.selected.get('A')?.channel).toBe('letter');
    expect(s.spent).toBe(5);
    expect(selectWithinBudget([{ id: 'A', options: [o('email', 10, 1), o('letter', 12, 5), o('visit', 30, 10)] }], 100).selected.get('A')?.channel).toBe('visit');
  });

  const candidates = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      options: fc.array(fc.record({ offer: fc.constantFrom('none', 'discount', 'upgrade'), channel: fc.constantFrom<Channel>('visit', 'phone', 'letter', 'email'), value: fc.double({ min: -50, max: 5000, noNaN: true }), spend: fc.double({ min: 0, max: 200, noNaN: true }) }), { minLength: 1, maxLength: 5 }),
    }),
    { selector: (x) => x.id, maxLength: 30 },
  );

  it('never spends more than the budget, and leaves no customer an action worth more that would still fit', () => {
    fc.assert(fc.property(candidates, fc.double({ min: 0, max: 1000, noNaN: true }), (cs, amount) => {
      const s = selectWithinBudget(cs, amount);
      const left = amount - s.spent;
      return s.spent <= amount + 1e-6 && cs.every((c) => {
        const now = s.selected.get(c.id);
        if (now !== undefined && !(c.options.some((x) => x.offer === now.offer && x.channel === now.channel && x.value === now.value && x.spend === now.spend) && now.value > 0)) return false;
        return c.options.every((x) => x.value <= (now?.value ?? 0) || x.spend - (now?.spend ?? 0) > left - 1e-6);
      });
    }), propertyRuns(100));
  });

  it('with money for everything, each customer gets their most valuable action; the order of the customers does not matter', () => {
    fc.assert(fc.property(candidates, fc.integer({ min: 0, max: 1000 }), (cs, seed) => {
      const s = selectWithinBudget(cs, 1e9);
      const allBest = cs.every((c) => {
        const top = Math.max(0, ...c.options.map((x) => x.value));
        return top <= 0 ? !s.selected.has(c.id) : s.selected.get(c.id)?.value === top;
      });
      const shuffled = [...cs].sort((x, y) => ((x.id.charCodeAt(0) * 31 + seed) % 7) - ((y.id.charCodeAt(0) * 31 + seed) % 7));
      const amount = seed / 2;
      const a = selectWithinBudget(cs, amount);
      const b = selectWithinBudget(shuffled, amount);
      const picks = (x: BudgetSelection) => [...x.selected].map(([id, p]) => `${id}:${p.offer}:${p.channel}:${p.value}:${p.spend}`).sort().join('|');
      return allBest && picks(a) === picks(b) && a.spent === b.spent && a.next?.id === b.next?.id;
    }), propertyRuns(100));
  });

  it('chooses among hundreds of offers (a playbook may name that many)', () => {
    const cs = Array.from({ length: 300 }, (_, i) => ({ id: `K${i}`, options: [o('email', 10 + i, 1, `offer-${i}`)] }));
    const { selected } = selectWithinBudget(cs, 3);
    expect([...selected.values()].map((x) => x.offer)).toEqual(['offer-299', 'offer-298', 'offer-297']);
    const { choice } = choiceWithinBudget(BudgetCandidates.of(cs), 3);
    expect(choiceFor(choice, 'K299')?.action).toEqual({ offer: 'offer-299', channel: 'email' });
  });
});

describe('withoutDominated', () => {
  // Few values and spends, so that actions tie and dominate each other often.
  const option = fc.record({ offer: fc.constantFrom('none', 'discount', 'upgrade'), channel: fc.constantFrom<Channel>('visit', 'phone', 'email'), value: fc.integer({ min: -5, max: 40 }), spend: fc.constantFrom(0, 1, 2, 5, 11) });
  const book = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), options: fc.array(option, { minLength: 1, maxLength: 7 }) }), { selector: (x) => x.id, maxLength: 25 });
  const caps = fc.record({ visit: fc.nat(3), phone: fc.nat(4), email: fc.nat(6) }, { requiredKeys: [] });
  const whole = (x: BudgetSelection) => JSON.stringify({ ...x, amount: String(x.amount), selected: [...x.selected], capacityBound: [...x.capacityBound], next: x.next && { ...x.next, ratio: String(x.next.ratio) } });

  it('leaves every selection as it is, within any budget and places, and keeps fewer actions', () => {
    let kept = 0;
    let given = 0;
    fc.assert(fc.property(book, fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constant(Infinity)), caps, (cs, amount, cap) => {
      const pruned = cs.map(withoutDominated);
      cs.forEach((c, i) => {
        given += c.options.length;
        kept += pruned[i]!.options.length;
      });
      return whole(selectWithinBudget(pruned, amount, cap)) === whole(selectWithinBudget(cs, amount, cap));
    }), propertyRuns(200));
    expect(kept).toBeLessThan(given);
  });

  it('drops an action worth less at no lower spend on the same channel, and the later of two alike; keeps what another channel offers', () => {
    const c = { id: 'K', options: [o('email', 10, 1), o('email', 8, 1), o('email', 10, 1, 'discount'), o('email', 12, 3), o('phone', 5, 11)] };
    expect(withoutDominated(c).options).toEqual([o('email', 10, 1), o('email', 12, 3), o('phone', 5, 11)]);
    const lean = { id: 'L', options: [o('email', 10, 1), o('phone', 20, 11)] };
    expect(withoutDominated(lean)).toBe(lean);
  });
});

describe('budgetChoice', () => {
  const id = fc.oneof(fc.string({ minLength: 1, maxLength: 4 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }), fc.constantFrom('K', 'K1', 'K10', 'k', 'Ä', '😀', '\uffff', 'KD-0000001'));
  const channel = fc.constantFrom<Channel>('visit', 'phone', 'letter', 'email');

  it('answers for every id what the selection chose and which channel bound it, and nothing for an id it never saw', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.tuple(id, fc.option(fc.tuple(fc.constantFrom('none', 'discount', 'upgrade'), channel), { nil: undefined }), fc.option(channel, { nil: undefined })), { selector: (x) => x[0], maxLength: 40 }), fc.array(id, { maxLength: 10 }), (entries, others) => {
      const selected = new Map<string, BudgetOption>();
      const capacityBound = new Map<string, Channel>();
      for (const [k, action, bound] of entries) {
        if (action) selected.set(k, o(action[1], 1, 1, action[0]));
        if (bound) capacityBound.set(k, bound);
      }
      const choice = budgetChoice({ selected, capacityBound });
      for (const k of [...entries.map((e) => e[0]), ...others]) {
        const want = selected.has(k) || capacityBound.has(k) ? { action: selected.has(k) ? { offer: selected.get(k)!.offer, channel: selected.get(k)!.channel } : undefined, fullChannel: capacityBound.get(k) } : undefined;
        expect(choiceFor(choice, k)).toEqual(want);
      }
    }), propertyRuns(100));
  });

  it('is what the commands keep of a selection: the same figures and the same choice, with no Map of the customers', () => {
    const option = fc.record({ offer: fc.constantFrom('none', 'discount'), channel, value: fc.integer({ min: -5, max: 40 }), spend: fc.constantFrom(0, 1, 2, 5, 11) });
    const book = fc.uniqueArray(fc.record({ id, options: fc.array(option, { minLength: 1, maxLength: 5 }) }), { selector: (x) => x.id, maxLength: 30 });
    const caps = fc.record({ visit: fc.nat(3), phone: fc.nat(4), email: fc.nat(6) }, { requiredKeys: [] });
    fc.assert(fc.property(book, fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constant(Infinity)), caps, (cs, amount, cap) => {
      const { selected, capacityBound, ...figures } = selectWithinBudget(cs, amount, cap);
      expect(figures.contacts).toBe(selected.size);
      expect(figures.boundByCapacity).toBe(capacityBound.size);
      expect(choiceWithinBudget(BudgetCandidates.of(cs), amount, cap)).toEqual({ figures, choice: budgetChoice({ selected, capacityBound }) });
    }), propertyRuns(100));
  });

  it('is plain data, which a worker thread receives by structured clone as it is', () => {
    const choice = budgetChoice({ selected: new Map([['B', o('phone', 1, 1, 'discount')], ['A', o('email', 1, 1)]]), capacityBound: new Map([['C', 'visit']]) });
    const copy = structuredClone(choice);
    expect(choiceFor(copy, 'A')).toEqual({ action: { offer: 'none', channel: 'email' }, fullChannel: undefined });
    expect(choiceFor(copy, 'C')).toEqual({ action: undefined, fullChannel: 'visit' });
    expect(choiceFor(copy, 'D')).toBeUndefined();
    expect(copy.ids).toBe('ABC');
  });
});

describe('contactSpend', () => {
  it('is the channel cost plus the incentive at the chance it is paid', () => {
    const upgrade = OFFERS.find((o) => o.id === 'upgrade')!;
    expect(contactSpend({ channel: 'phone', offer_type: 'upgrade', p_winback: 0.5 }, { channelCosts: CHANNEL_COSTS, offers: OFFERS })).toBe(15 + 0.5 * upgrade.incentiveCost);
    expect(contactSpend({ channel: null, offer_type: null, p_winback: null }, { channelCosts: CHANNEL_COSTS, offers: OFFERS })).toBe(0);
  });
});
