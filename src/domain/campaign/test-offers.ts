/**
 * Randomised offers (`campaign --test-offers`): a stable share of the listed customers gets an
 * offer drawn at random among the offers their measure permits, so that `calibrate` can learn
 * what each offer adds from results no planner chose. Like the control group, both the draw
 * and the offer depend only on the programme salt and the customer id: reruns, weekly runs
 * and input orders give the same assignment.
 */
import { hashUnit } from '../hash.js';

// Separators that cannot occur in typed ids; the 'offer' domain keeps this draw apart from the control group's.
const SEPARATOR = '\u001f';
const DOMAIN = 'test-offers';

/** The marker a ledger measure carries when its offer was drawn at random: "<reason>:<offer>:randomised". */
export const RANDOMISED_MARK = 'randomised';

/**
 * The offer drawn for a customer in the test share, or undefined when the customer is not in it
 * (or nothing can be drawn). `offers` are the permitted offers in the playbook's order.
 */
export function testOffer(customerId: string, salt: string, share: number, offers: readonly string[]): string | undefined {
  if (!(share >= 0 && share <= 1)) throw new RangeError(`test-offers share must be between 0 and 1, got ${share}`);
  if (share === 0 || offers.length === 0) return undefined;
  const id = customerId.trim();
  if (hashUnit(DOMAIN + SEPARATOR + salt + SEPARATOR + id) >= share) return undefined;
  const u = hashUnit(`${DOMAIN}${SEPARATOR}offer${SEPARATOR}${salt}${SEPARATOR}${id}`);
  return offers[Math.min(offers.length - 1, Math.floor(u * offers.length))];
}

/** A ledger measure: reason and offer, and the mark when the offer was drawn at random. */
export function formatMeasure(reasonCode: string, offerType: string, randomised: boolean): string {
  return `${reasonCode}:${offerType}${randomised ? `:${RANDOMISED_MARK}` : ''}`;
}
