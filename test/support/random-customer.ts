/**
 * A random lost customer worth considering (revenue, margin and tenure enough to be valued), with
 * every kind of consent, objection and contact point: for property tests of the channel choice.
 */
import fc from 'fast-check';
import type { CustomerRow } from '../../src/domain/types.js';

const DAY = 20_000; // an epoch day in 2024
const flag = fc.constantFrom<boolean | null | undefined>(true, false, null, undefined);
const text = (values: string[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
/** A random lost customer (line 2), id C-<n>. */
export const lostCustomer: fc.Arbitrary<CustomerRow> = fc.record({
  id: fc.integer({ min: 1, max: 99_999 }),
  email: text(['max@example.com', 'x@y.de']),
  phone: text(['030 1234567', '+49 171 2345678']),
  street: text(['Hauptstr. 1', '']),
  segment: fc.constantFrom<'B2B' | 'B2C' | undefined>('B2B', 'B2C', undefined),
  key_account: flag,
  account_manager: text(['A. Schmidt', '']),
  tenure: fc.integer({ min: 30, max: 3_000 }),
  since: fc.integer({ min: 20, max: 400 }),
  revenue: fc.double({ min: 1_000, max: 500_000, noNaN: true }),
  margin: fc.double({ min: 10, max: 60, noNaN: true }),
  reason: text(['zu teuer', 'Preis zu hoch. DNC', 'Service schlecht, bitte keine Werbung mehr', 'Competitor made better offer', 'our account manager left']),
  consent_email: flag,
  consent_phone: flag,
  consent_letter: flag,
  advertising_objection: flag,
  do_not_contact: flag,
}).map((r) => ({
  line: 2, customer_id: `C-${r.id}`, email: r.email, phone: r.phone, street: r.street, postal_code: r.street ? '10115' : undefined, city: r.street ? 'Berlin' : undefined,
  segment: r.segment, key_account: r.key_account, account_manager: r.account_manager, customer_since: DAY - r.since - r.tenure, churn_date: DAY - r.since,
  orders: 3, revenue: r.revenue, margin: { kind: 'percent' as const, value: r.margin }, complaints: 0, reason: r.reason,
  consent_email: r.consent_email, consent_phone: r.consent_phone, consent_letter: r.consent_letter,
  advertising_objection: r.advertising_objection, do_not_contact: r.do_not_contact, warnings: [],
}));

