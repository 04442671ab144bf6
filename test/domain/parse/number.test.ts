import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalEvidence, parseNumber } from '../../../src/domain/parse/number.js';

describe('parseNumber', () => {
  it.each([
    ['1234.56', '.', 1234.56],
    ['1234,56', ',', 1234.56],
    ['1.234,56', ',', 1234.56],
    ['1.234,56', '.', 1234.56],
    ['1,234.56', '.', 1234.56],
    ['1,234.56', ',', 1234.56],
    ['1 234,56', ',', 1234.56],
    ['1\u00a0234,56', ',', 1234.56],
    ['€ 1.234,56', ',', 1234.56],
    ['1.234,56 €', ',', 1234.56],
    ['EUR 99', '.', 99],
    ['$1,000', '.', 1000],
    ['-12,5', ',', -12.5],
    ['12,5 %', ',', 12.5],
    ['(12.50)', '.', -12.5],
    ['12,50-', ',', -12.5],
    ['1.234', ',', 1234],
    ['1,234', '.', 1234],
    ['1,5', '.', 1.5],
    ['1.5', ',', 1.5],
    ['1.234.567', '.', 1234567],
    ['0', '.', 0],
    ['+7', '.', 7],
  ] as const)('%s with decimal %s → %d', (raw, mark, expected) => {
    const r = parseNumber(raw, mark);
    expect(r).toMatchObject({ ok: true, value: expected });
  });

  it('marks percentages', () => {
    expect(parseNumber('12,5 %', ',')).toEqual({ ok: true, value: 12.5, percent: true });
    expect(parseNumber('12,5', ',')).toEqual({ ok: true, value: 12.5, percent: false });
  });

  it.each(['zwölf', 'abc', '1,2,3.4.5', '12..5', '1.23,4.5', '', '  ', '€', '1 2 3 x', '--5', '1,23.45,6'])('rejects %j instead of turning it into 0', (raw) => {
    expect(parseNumber(raw, ',').ok).toBe(false);
    expect(parseNumber(raw, '.').ok).toBe(false);
  });

  it('round-trips any finite number written German or English style', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 99 }), (int, cents) => {
        const value = int + Math.sign(int || 1) * cents / 100;
        const en = value.toFixed(2);
        const de = en.replace('.', ',');
        const r1 = parseNumber(en, '.');
        const r2 = parseNumber(de, ',');
        return r1.ok && r2.ok && Math.abs(r1.value - value) < 1e-9 && Math.abs(r2.value - value) < 1e-9;
      }),
    );
  });

  it('reads a plain number (sign, digits, the file\'s mark) as the same double as Number(), -0 and 15 to 20 digits included', () => {
    const digits = (max: number) => fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '9'), minLength: 1, maxLength: max });
    fc.assert(
      fc.property(fc.constantFrom('', '-', '+'), digits(20), fc.option(digits(20)), fc.constantFrom<',' | '.'>(',', '.'), (sign, whole, decimals, mark) => {
        const text = `${sign}${whole}${decimals === null ? '' : mark + decimals}`;
        const r = parseNumber(text, mark);
        expect(r.ok).toBe(true);
        expect(Object.is(r.ok && r.value, Number(text.replace(',', '.'))), text).toBe(true);
        expect(r).toMatchObject({ percent: false });
      }),
      { numRuns: 2000 },
    );
    for (const text of ['-0', '-0,0', '+0', '0,1', '9007199254740993', '123456789012345,6', '12345678901234,56', '0,30000000000000004', '00012,5'])
      expect(Object.is((parseNumber(text, ',') as { value: number }).value, Number(text.replace(',', '.'))), text).toBe(true);
  });
});

describe('decimalEvidence', () => {
  it.each([
    ['1.234,56', ','],
    ['12,5', ','],
    ['1,234.56', '.'],
    ['12.50', '.'],
    ['1,234', undefined],
    ['1.234', undefined],
    ['1234', undefined],
  ] as const)('%s says %s', (raw, expected) => {
    expect(decimalEvidence(raw)).toBe(expected);
  });
});
