/**
 * Control (hold-out) group assignment. A customer's group depends only on the programme
 * salt and their customer_id as the ledger matches it (customerKey: "u-004", "U-004" and
 * "U004" are one customer), so they stay in the same group across weekly runs, reruns, input
 * orders and spellings, and nobody needs to remember who was held out.
 */
import { hashUnit } from '../hash.js';
import { customerKey } from './customer-key.js';

// A separator that cannot occur in typed ids, so salt "ab"+id "c" differs from salt "a"+id "bc".
const SEPARATOR = '\u001f';

/** True when the customer belongs to the control group of the programme identified by salt. */
export function isControl(customerId: string, salt: string, share: number): boolean {
  if (!(share >= 0 && share <= 1)) {
    throw new RangeError(`control share must be between 0 and 1, got ${share}`);
  }
  if (share === 0) return false;
  return hashUnit(salt + SEPARATOR + customerKey(customerId)) < share;
}
