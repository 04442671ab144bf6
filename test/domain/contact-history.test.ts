import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { campaignId, indexLedger, newLedgerEntries, type LedgerEntry } from '../../src/domain/campaign/contact-history.js';
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

const RULES = { minGapDays: 90, maxAttempts: 3 };
const AS_OF = day('2026-11-23');
const check = (entries: LedgerEntry[], id: string, opts: { asOf?: number; current?: string; rules?: typeof RULES } = {}) =>
  indexLedger(entries, { asOf: opts.asOf ?? AS_OF, campaignId: opts.current ?? 'none' }).check(id, opts.rules ?? RULES);

describe('ContactIndex', () => {
  it('counts distinct contacted campaigns (one campaign on two channels once) and keeps the last contact day', () => {
    const entries = [
      entry('A', '2026-03-02', '2026-W10'),
      entry('A', '2026-01-05', '2026-W02'),
      { ...entry('A', '2026-03-02', '2026-W10'), channel: 'email' as const },
      entry('A', '2026-06-01', '2026-W23', 'control'),
      entry('B', '2026-02-02', '2026-W06', 'control'),
    ];
    expect(check(entries, 'A', { rules: { minGapDays: 0, maxAttempts: 3 } })).toBe('ok');
    expect(check(entries, 'A', { rules: { minGapDays: 0, maxAttempts: 2 } })).toBe('max_attempts');
    // last contact 2026-03-02 (control entries are no contacts): 266 days before as-of
    expect(check(entries, 'A', { rules: { minGapDays: 266, maxAttempts: 9 } })).toBe('ok');
    expect(check(entries, 'A', { rules: { minGapDays: 267, maxAttempts: 9 } })).toBe('too_soon');
    expect(check(entries, 'B')).toBe('ok');
    const index = indexLedger(entries, { asOf: AS_OF, campaignId: '2026-W48' });
    expect(index.heldOutBefore('B')).toBe(true);
    expect(index.heldOutBefore('A')).toBe(true);
    expect(index.size).toBe(2);
  });

  it.each<[string, string]>([
    [' 00123 ', '123'],
    ['123', '00123'],
    ["'=X1", '=X1'],
    ['="00042"', '42'],
    ['C-7 ', 'C-7'],
  ])('matches ledger id %j to export id %j', (inLedger, inExport) => {
    expect(check([entry(inLedger, '2026-11-02', '2026-W45')], inExport)).toBe('too_soon');
  });

  it('keeps ids apart that differ in more than spaces and leading zeros', () => {
    const entries = [entry('C-0123', '2026-11-02', '2026-W45'), entry('1230', '2026-11-02', '2026-W45')];
    expect(check(entries, 'C-123')).toBe('ok');
    expect(check(entries, '123')).toBe('ok');
  });

  it('grows past its expected size without losing anyone', () => {
    const entries = Array.from({ length: 5000 }, (_, i) => entry(`K${i}`, '2026-11-02', '2026-W45'));
    const index = indexLedger(entries, { asOf: AS_OF, campaignId: 'x', expectedCustomers: 10 });
    expect(index.size).toBe(5000);
    expect(entries.every((e) => index.check(e.customer_id, RULES) === 'too_soon')).toBe(true);
    expect(index.check('K5000', RULES)).toBe('ok');
  });
});

describe('checking the contact history', () => {
  const entries = [
    entry('recent', '2026-09-01', '2026-W36'),
    entry('old', '2026-01-01', '2026-W01'),
    entry('three', '2025-01-06', '2025-W02'),
    entry('three', '2025-04-07', '2025-W15'),
    entry('three', '2025-08-04', '2025-W32'),
    entry('held', '2026-11-02', '2026-W45', 'control'),
    entry('rerun', '2026-11-23', '2026-W48'),
  ];

  it.each<[string, string, string | undefined]>([
    ['unknown customer', 'ok', undefined],
    ['recent', 'too_soon', undefined],
    ['old', 'ok', undefined],
    ['three', 'max_attempts', undefined],
    ['held', 'ok', undefined],
    ['rerun', 'ok', '2026-W48'],
    ['rerun', 'too_soon', '2026-W47'],
  ])('%s → %s (campaign %s)', (id, expected, current) => {
    expect(check(entries, id, current ? { current } : {})).toBe(expected);
  });

  it('applies the gap boundary exactly: day 89 too soon, day 90 ok', () => {
    const last = day('2026-09-01');
    expect(check(entries, 'recent', { asOf: last + 89 })).toBe('too_soon');
    expect(check(entries, 'recent', { asOf: last + 90 })).toBe('ok');
  });

  it('ignores contacts after as-of (replaying an earlier week)', () => {
    expect(check(entries, 'recent', { asOf: day('2026-08-01') })).toBe('ok');
  });

  it('uses the configured limits', () => {
    expect(check(entries, 'three', { rules: { minGapDays: 90, maxAttempts: 4 } })).toBe('ok');
    expect(check(entries, 'old', { rules: { minGapDays: 400, maxAttempts: 3 } })).toBe('too_soon');
  });

  it('never allows more than maxAttempts contacts, whatever the history (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 12 }), fc.integer({ min: 1, max: 5 }), (days, max) => {
        const list = days.map((d, i) => ({ ...entry('X', '2020-01-01', `c${i}`), campaign_date: day('2020-01-01') + d }));
        const result = check(list, 'X', { asOf: day('2020-01-01') + 2100, rules: { minGapDays: 90, maxAttempts: max } });
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
  const W48 = { asOf: day('2026-11-23'), campaignId: '2026-W48' };

  it('skips entries already in the ledger and duplicates within the plan', () => {
    const index = indexLedger([entry('A', '2026-11-23', '2026-W48'), entry('D', '2026-11-16', '2026-W47')], W48);
    const planned = [
      entry('A', '2026-11-23', '2026-W48'),
      entry('B', '2026-11-23', '2026-W48'),
      { ...entry('B', '2026-11-23', '2026-W48'), channel: 'phone' as const },
      entry('C', '2026-11-23', '2026-W48', 'control'),
      entry('D', '2026-11-23', '2026-W48'),
    ];
    expect(newLedgerEntries(index, planned).map((e) => e.customer_id)).toEqual(['B', 'C', 'D']);
  });

  it('makes appending idempotent: a second run appends nothing (property)', () => {
    const plan = fc.array(fc.record({ id: fc.constantFrom('A', 'B', '007', ' 7', 'D'), control: fc.boolean() }), { maxLength: 20 });
    const earlier = fc.array(fc.record({ id: fc.constantFrom('A', 'B', '7', 'D'), week: fc.constantFrom('2026-W47', '2026-W48'), control: fc.boolean() }), { maxLength: 20 });
    fc.assert(
      fc.property(earlier, plan, (before, planned) => {
        const ledger = before.map((p) => entry(p.id, '2026-11-23', p.week, p.control ? 'control' : 'contacted'));
        const toEntry = (p: { id: string; control: boolean }): LedgerEntry => entry(p.id, '2026-11-23', '2026-W48', p.control ? 'control' : 'contacted');
        const first = newLedgerEntries(indexLedger(ledger, W48), planned.map(toEntry));
        const after = [...ledger, ...first];
        expect(newLedgerEntries(indexLedger(after, W48), planned.map(toEntry))).toEqual([]);
      }),
    );
  });
});
