/** The why line of `plan --explain`: sums as the reader can compare them. */
import { describe, expect, it } from 'vitest';
import { compareActions } from '../../src/domain/value/compare.js';
import type { OfferValue } from '../../src/domain/value/types.js';

const action = (offer_type: string, expected_value: number, p_winback: number): OfferValue => ({ offer_type, channel: 'email', p_winback, sltv: 100, expected_value });

describe('the why line', () => {
  it('shows small sums in cents, so that "€1 … as much as … €0" cannot happen', () => {
    const why = compareActions({ offersConsidered: [action('renewal', 0.5249, 0.1), action('discount', 0.3256, 0.12)], offer_type: 'renewal', channel: 'email', decision: 'win_back' }, '€').why;
    expect(why).toBe('renewal by email: highest incremental value (€0.52), €0.19 more than the runner-up discount by email (€0.33); discount wins back more but earns less per return');
  });

  it('keeps whole units for larger sums, in German too', () => {
    const why = compareActions({ offersConsidered: [action('renewal', 974.43, 0.16), action('discount', 856.78, 0.15)], offer_type: 'renewal', channel: 'email', decision: 'win_back' }, '€', 'de').why;
    expect(why).toContain('(974\u00a0€)');
    expect(why).toContain('118\u00a0€ mehr');
  });
});
