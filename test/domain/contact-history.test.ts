import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  campaignId,
  checkContactHistory,
  indexLedger,
  newLedgerEntries,
  type LedgerEntry,
} from '../../src/domain/contact-history.js';
import { parseIsoDay } from '../../src/domain/dates.js';

const day = (iso: string): number => parseIsoDay(iso) as number;

const entry = (customer_id: string, iso: string, id: string, outcome?: 'contacted' | 'control'): LedgerEntry => ({
  customer_id,
  channel: 'letter',
  campaign_date: day(iso),
  campaign_id: id,
  measure: 'price offer',
  ...(outcome ? { outcome } : {}),
});

describe('indexLedger', () => {
  it('keeps the last contact day and counts distinct contacted campaigns', () => {
    const index = indexLedger([
      entry('A', '2026-03-02', '2026-W10'),
      entry('A', '2026-01-05', '2026-W02'),
      { ...entry('A', '2026-03-02', '2026-W10'), channel: 'email' },
      entry('A', '2026-06-01', '2026-W23', 'control'),
      entry('B', '2026-02-02', '2026-W06', 'control'),
    ]);
    expect(index.get('A')).toMatchObject({ lastContactDay: day('2026-03-02'), attempts: 2 });
    expect(index.get('A')?.campaigns).toHaveLength(3);
    expect(index.get('B')?.attempts).toBe(0);
    expect(index.get('B')?.lastContactDay).toBeUndefined();
  });
});

describe('checkContactHistory', () => {
  const rules = { minGapDays: 90, maxAttempts: 3 };
  const index = indexLedger([
    entry('recent', '2026-09-01', '2026-W36'),
    entry('old', '2026-01-01', '2026-W01'),
    entry('three', '2025-01-06', '2025-W02'),
    entry('three', '2025-04-07', '2025-W15'),
    entry('three', '2025-08-04', '2025-W32'),
    entry('held', '2026-11-02', '2026-W45', 'control'),
    entry('rerun', '2026-11-23', '2026-W48'),
  ]);
  const asOf = day('2026-11-23');

  it.each<[string, string, string | undefined]>([
    ['unknown customer', 'ok', undefined],
    ['recent', 'too_soon', undefined],
    ['old', 'ok', undefined],
    ['three', 'max_attempts', undefined],
    ['held', 'ok', undefined],
    ['rerun', 'ok', '2026-W48'],
    ['rerun', 'too_soon', '2026-W47'],
  ])('%s → %s (campaign %s)', (id, expected, current) => {
    expect(checkContactHistory(id, index, asOf, rules, current)).toBe(expected);
  });

  it('applies the gap boundary exactly: day 89 too soon, day 90 ok', () => {
    const last = day('2026-09-01');
    expect(checkContactHistory('recent', index, last + 89, rules)).toBe('too_soon');
    expect(checkContactHistory('recent', index, last + 90, rules)).toBe('ok');
  });

  it('ignores contacts after as-of (replaying an earlier week)', () => {
    expect(checkContactHistory('recent', index, day('2026-08-01'), rules)).toBe('ok');
  });

  it('uses the configured limits', () => {
    expect(checkContactHistory('three', index, asOf, { minGapDays: 90, maxAttempts: 4 })).toBe('ok');
    expect(checkContactHistory('old', index, asOf, { minGapDays: 400, maxAttempts: 3 })).toBe('too_soon');
  });

  it('never allows more than maxAttempts contacts, whatever the history (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 12 }), fc.integer({ min: 1, max: 5 }), (days, max) => {
        const entries = days.map((d, i) => ({ ...entry('X', '2020-01-01', `c${i}`), campaign_date: day('2020-01-01') + d }));
        const asOfDay = day('2020-01-01') + 2100;
        const result = checkContactHistory('X', indexLedger(entries), asOfDay, { minGapDays: 90, maxAttempts: max });
        if (days.length >= max) expect(result).toBe('max_attempts');
        else expect(result).not.toBe('max_attempts');
      }),
    );
  });
});

describe('campaignId', () => {
  it.each<[string, number, string]>([
    ['2026-11-23', 7, '2026-W48'],
    ['2026-11-29', 7, '2026-W48'],
    ['2027-01-01', 7, '2026-W53'],
    ['2026-11-23', 1, '2026-11-23'],
    ['2026-11-23', 14, '2026-11-23+14d'],
  ])('campaignId(%s, %i) = %s', (iso, period, expected) => {
    expect(campaignId(day(iso), period)).toBe(expected);
  });

  it('rejects a non-positive or fractional period', () => {
    expect(() => campaignId(day('2026-11-23'), 0)).toThrow(RangeError);
    expect(() => campaignId(day('2026-11-23'), 1.5)).toThrow(RangeError);
  });
});

describe('newLedgerEntries', () => {
  it('skips entries already in the ledger and duplicates within the plan', () => {
    const index = indexLedger([entry('A', '2026-11-23', '2026-W48')]);
    const planned = [
      entry('A', '2026-11-23', '2026-W48'),
      entry('B', '2026-11-23', '2026-W48'),
      { ...entry('B', '2026-11-23', '2026-W48'), channel: 'phone' as const },
      entry('C', '2026-11-23', '2026-W48', 'control'),
    ];
    expect(newLedgerEntries(index, planned).map((e) => e.customer_id)).toEqual(['B', 'C']);
  });

  it('makes appending idempotent: a second run appends nothing (property)', () => {
    const plan = fc.array(
      fc.record({
        id: fc.constantFrom('A', 'B', 'C', 'D'),
        week: fc.constantFrom('2026-W47', '2026-W48'),
        control: fc.boolean(),
      }),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(plan, plan, (before, planned) => {
        const toEntry = (p: { id: string; week: string; control: boolean }): LedgerEntry =>
          entry(p.id, '2026-11-23', p.week, p.control ? 'control' : 'contacted');
        const ledger = before.map(toEntry);
        const first = newLedgerEntries(indexLedger(ledger), planned.map(toEntry));
        const after = [...ledger, ...first];
        expect(newLedgerEntries(indexLedger(after), planned.map(toEntry))).toEqual([]);
        // and nothing planned was lost: every planned key is now in the ledger
        const keys = new Set(after.map((e) => `${e.customer_id}|${e.campaign_id}|${e.outcome}`));
        for (const p of planned.map(toEntry)) expect(keys.has(`${p.customer_id}|${p.campaign_id}|${p.outcome}`)).toBe(true);
      }),
    );
  });
});
