/**
 * plan --capacity in the pure core: selectWithinBudget with places per channel, alone (an
 * unlimited budget) and with a budget; checked by hand and against the exact best selection,
 * found by brute force over small instances.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectWithinBudget } from '../../src/domain/budget/budget.js';
import type { BudgetCandidate, BudgetOption, ChannelCaps } from '../../src/domain/budget/types.js';
import { CHANNELS, type Channel } from '../../src/domain/playbook-types.js';
import { propertyRuns } from '../support/property.js';

const o = (channel: Channel, value: number, spend: number, offer = 'none'): BudgetOption => ({ offer, channel, value, spend });
const chosen = (s: ReturnType<typeof selectWithinBudget>) => Object.fromEntries([...s.selected].map(([id, x]) => [id, x.channel]));

/** The most value any selection reaches: at most one action per customer, within the caps and the amount (every combination tried). */
function bestByBruteForce(candidates: readonly BudgetCandidate[], amount: number, caps: ChannelCaps): number {
  let best = 0;
  const used: Record<Channel, number> = { visit: 0, phone: 0, letter: 0, email: 0 };
  const walk = (i: number, spent: number, value: number) => {
    if (i === candidates.length) {
      best = Math.max(best, value);
      return;
    }
    walk(i + 1, spent, value);
    for (const x of (candidates[i] as BudgetCandidate).options) {
      if (x.value <= 0 || spent + x.spend > amount + 1e-9) continue;
      if (caps[x.channel] !== undefined && used[x.channel] >= (caps[x.channel] as number)) continue;
      used[x.channel]++;
      walk(i + 1, spent + x.spend, value + x.value);
      used[x.channel]--;
    }
  };
  walk(0, 0, 0);
  return best;
}

const COST: Record<Channel, number> = { visit: 120, phone: 11, letter: 2.2, email: 0.4 };
const option = fc.record({ channel: fc.constantFrom(...CHANNELS), value: fc.integer({ min: -20, max: 400 }), offer: fc.constantFrom('discount', 'upgrade') })
  .map((x) => o(x.channel, x.value, COST[x.channel] + (x.offer === 'upgrade' ? 5 : 0), x.offer));
const candidates = (max: number) => fc.array(fc.array(option, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: max })
  .map((list) => list.map((options, i): BudgetCandidate => ({ id: `C${String(i).padStart(2, '0')}`, options })));
const caps: fc.Arbitrary<ChannelCaps> = fc.record({ visit: fc.integer({ min: 0, max: 2 }), phone: fc.integer({ min: 0, max: 3 }) }, { requiredKeys: [] });

describe('selectWithinBudget with places per channel (plan --capacity)', () => {
  it('gives the scarce place to the customer who loses most without it, the other customer their next-best channel', () => {
    // A: phone 100 or letter 95; B: phone 80 or letter 5. One phone place: B calls, A gets the letter (175, not 105).
    const a: BudgetCandidate = { id: 'A', options: [o('phone', 100, 11), o('letter', 95, 2.2)] };
    const b: BudgetCandidate = { id: 'B', options: [o('phone', 80, 11), o('letter', 5, 2.2)] };
    const s = selectWithinBudget([a, b], Infinity, { phone: 1 });
    expect(chosen(s)).toEqual({ A: 'letter', B: 'phone' });
    expect(s.value).toBe(175);
    expect(s.used).toEqual({ visit: 0, phone: 1, letter: 1, email: 0 });
    // A was kept from their most valuable action by the full phone line, and took a lesser one
    expect([...s.capacityBound]).toEqual([['A', 'phone']]);
    expect(s.overCapacity).toBe(0);
    // no money was short: nothing for the next euro to buy
    expect(s.next).toBeNull();
  });

  it('lets a customer go, over capacity, when every channel of an action worth making is full', () => {
    const s = selectWithinBudget([{ id: 'A', options: [o('phone', 100, 11)] }, { id: 'B', options: [o('phone', 90, 11)] }], Infinity, { phone: 1 });
    expect(chosen(s)).toEqual({ A: 'phone' });
    expect([...s.capacityBound]).toEqual([['B', 'phone']]);
    expect(s.overCapacity).toBe(1);
    expect(s.leftOut).toBe(1);
    // a place of 0 closes a channel
    expect(selectWithinBudget([{ id: 'A', options: [o('visit', 500, 120), o('email', 3, 0.4)] }], Infinity, { visit: 0 }).selected.get('A')?.channel).toBe('email');
  });

  it('frees the old place when a customer moves on to another channel', () => {
    // A takes the phone place first (ratio 9), then moves on to the visit; B can then have the phone place
    const a: BudgetCandidate = { id: 'A', options: [o('phone', 100, 11), o('visit', 600, 120)] };
    const b: BudgetCandidate = { id: 'B', options: [o('phone', 30, 11)] };
    const s = selectWithinBudget([a, b], Infinity, { phone: 1 });
    expect(chosen(s)).toEqual({ A: 'visit', B: 'phone' });
    expect(s.used.phone).toBe(1);
  });

  it('with a budget too: the next euro names a step the money stopped, never one a full channel stopped', () => {
    const a: BudgetCandidate = { id: 'A', options: [o('phone', 300, 11)] };
    const b: BudgetCandidate = { id: 'B', options: [o('phone', 200, 11)] };
    const c: BudgetCandidate = { id: 'C', options: [o('letter', 20, 2.2)] };
    const d: BudgetCandidate = { id: 'D', options: [o('letter', 10, 2.2)] };
    const s = selectWithinBudget([a, b, c, d], 14, { phone: 1 });
    expect(chosen(s)).toEqual({ A: 'phone', C: 'letter' });
    expect(s.next).toMatchObject({ id: 'D', channel: 'letter' });
    expect([...s.capacityBound]).toEqual([['B', 'phone']]);
  });

  it('without caps it is the budget alone; with no budget and no caps each customer gets their most valuable action', () => {
    fc.assert(
      fc.property(candidates(8), fc.integer({ min: 1, max: 400 }), (list, amount) => {
        expect(selectWithinBudget(list, amount, {})).toEqual(selectWithinBudget(list, amount));
        const free = selectWithinBudget(list, Infinity, {});
        for (const cand of list) {
          const top = Math.max(0, ...cand.options.map((x) => x.value));
          expect(free.selected.get(cand.id)?.value ?? 0).toBe(top);
        }
      }),
      propertyRuns(50),
    );
  });

  it('never fills a channel over its places, chooses only the customer\'s own actions, and comes close to the best selection (brute force)', () => {
    const alone: number[] = [];
    const withBudget: number[] = [];
    fc.assert(
      fc.property(candidates(7), caps, fc.option(fc.integer({ min: 5, max: 300 }), { nil: undefined }), (list, cap, money) => {
        const amount = money ?? Infinity;
        const s = selectWithinBudget(list, amount, cap);
        for (const c of CHANNELS) {
          const n = [...s.selected.values()].filter((x) => x.channel === c).length;
          expect(n).toBe(s.used[c]);
          if (cap[c] !== undefined) expect(n).toBeLessThanOrEqual(cap[c] as number);
        }
        for (const [id, x] of s.selected) expect(list.find((c) => c.id === id)?.options).toContainEqual(x);
        expect(s.spent).toBeLessThanOrEqual(amount + 1e-6);
        const best = bestByBruteForce(list, amount, cap);
        expect(s.value).toBeLessThanOrEqual(best + 1e-6);
        if (best > 0) (money === undefined ? alone : withBudget).push(s.value / best);
      }),
      propertyRuns(100),
    );
    // Measured on 3,000 instances (seed 1): places alone 99.6 % of the best on average, the best
    // itself in 96 %, never below 74 %; with a budget too 99.2 % on average (the greedy of a
    // knapsack can miss by much on a tiny budget: 26 % at worst)
    const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / Math.max(1, x.length);
    expect(alone.length).toBeGreaterThan(0);
    expect(mean(alone)).toBeGreaterThanOrEqual(0.95);
    expect(mean(withBudget)).toBeGreaterThanOrEqual(0.95);
  });
});
