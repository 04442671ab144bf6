import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactSpend, selectWithinBudget, type BudgetCandidate } from '../../src/domain/budget.js';
import { CHANNEL_COSTS, OFFERS } from './value-fixtures.js';
import { propertyRuns } from '../support/property.js';

const c = (id: string, value: number, spend: number): BudgetCandidate => ({ id, value, spend });

describe('selectWithinBudget', () => {
  it('takes the most value per unit of cost first and skips what no longer fits', () => {
    const s = selectWithinBudget([c('visit', 600, 120), c('letter', 40, 3), c('phone', 150, 15), c('email', 1, 0.5)], 20);
    // ratios: letter 13.3, phone 10, visit 5, email 2; the visit does not fit, the e-mail still does
    expect([...s.selected]).toEqual(['letter', 'phone', 'email']);
    expect(s.spent).toBeCloseTo(18.5, 9);
    expect(s.value).toBe(191);
    expect(s.next).toEqual({ id: 'visit', ratio: 5, spend: 120 });
    expect(s.leftOut).toBe(1);
  });

  it('breaks ties by id and never takes a contact worth nothing', () => {
    const s = selectWithinBudget([c('B', 10, 1), c('A', 10, 1), c('Z', 0, 0), c('N', -5, 1)], 1);
    expect([...s.selected]).toEqual(['A']);
    expect(s.next?.id).toBe('B');
  });

  it('never spends more than the budget, and leaves out nothing that would still fit', () => {
    const cand = fc.array(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), value: fc.double({ min: -50, max: 5000, noNaN: true }), spend: fc.double({ min: 0, max: 200, noNaN: true }) }), { maxLength: 40 });
    fc.assert(fc.property(cand, fc.double({ min: 0, max: 1000, noNaN: true }), (cs, amount) => {
      const unique = [...new Map(cs.map((x) => [x.id, x])).values()];
      const s = selectWithinBudget(unique, amount);
      const leftOut = unique.filter((x) => x.value > 0 && !s.selected.has(x.id));
      return s.spent <= amount + 1e-6 && leftOut.every((x) => s.spent + x.spend > amount - 1e-6) && [...s.selected].every((id) => unique.find((x) => x.id === id)!.value > 0);
    }), propertyRuns(100));
  });
});

describe('contactSpend', () => {
  it('is the channel cost plus the incentive at the chance it is paid', () => {
    const upgrade = OFFERS.find((o) => o.id === 'upgrade')!;
    expect(contactSpend({ channel: 'phone', offer_type: 'upgrade', p_winback: 0.5 }, { channelCosts: CHANNEL_COSTS, offers: OFFERS })).toBe(15 + 0.5 * upgrade.incentiveCost);
    expect(contactSpend({ channel: null, offer_type: null, p_winback: null }, { channelCosts: CHANNEL_COSTS, offers: OFFERS })).toBe(0);
  });
});
