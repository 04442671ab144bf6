/** Money in the report's words: the sign belongs to the amount as shown, after rounding. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCurrency } from '../../src/domain/catalogue/index.js';
import { propertyRuns } from '../support/property.js';

describe('formatCurrency', () => {
  it.each([
    [-0.5, true, 'en', '-€1'],
    [-0.4, true, 'en', '€0'],
    [-0.5, true, 'de', '-1 €'],
    [-0.004, false, 'en', '€0.00'],
    [-0.006, false, 'de', '-0,01 €'],
    [1234.5, true, 'de', '1.235 €'],
  ] as const)('%s (whole: %s, %s) reads %s', (value, whole, lang, text) => {
    expect(formatCurrency(value, lang, '€', whole)).toBe(text);
  });

  it('a negative amount shows a minus exactly when its shown amount is not zero', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: -1e-9, noNaN: true }), fc.boolean(), (value, whole) => {
        const shown = formatCurrency(value, 'en', '€', whole);
        const zero = /^€0(?:\.00)?$/.test(shown.replace('-', ''));
        expect(shown.startsWith('-')).toBe(!zero);
      }),
      propertyRuns(100),
    );
  });
});
