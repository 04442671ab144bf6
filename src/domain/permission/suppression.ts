/**
 * Suppression lists: customers who must not be contacted whatever the export says (e.g. a
 * central opt-out list). Matched on customer_id and on normalised email and phone, because
 * the same person often appears under a new id or with differently typed contact data.
 * Addresses and numbers are compared in the form contact-point.ts gives them, the same
 * normaliser the permission check and the lists use.
 */
import { customerKey } from '../campaign/customer-key.js';
import { DEFAULT_PHONE_COUNTRY, MIN_PHONE_DIGITS, emailKey, isPlaceholder, phoneCountryOf, phoneKey } from './contact-point.js';

export interface SuppressionEntry {
  customer_id?: string;
  email?: string;
  phone?: string;
  /** the country a national number is read in (else the list's default) */
  country?: string;
}

export interface Suppression {
  readonly ids: ReadonlySet<string>;
  readonly emails: ReadonlySet<string>;
  readonly phones: ReadonlySet<string>;
  /** the country national numbers of the list and of the export are read in */
  readonly phoneCountry: string;
}

/** Builds the lookup sets of a suppression list; blank values are ignored. */
export function buildSuppression(entries: Iterable<SuppressionEntry>, phoneCountry: string = DEFAULT_PHONE_COUNTRY): Suppression {
  const ids = new Set<string>();
  const emails = new Set<string>();
  const phones = new Set<string>();
  for (const entry of entries) {
    // Ids are matched as the ledger matches them (customerKey): a list saved from a spreadsheet lost leading zeros
    // ("00123" → "123") or kept Excel's text form (="Q9"), and the person must stay suppressed.
    const id = entry.customer_id === undefined ? '' : customerKey(entry.customer_id);
    if (id) ids.add(id);
    const email = emailMatchKey(entry.email);
    if (email) emails.add(email);
    const phone = phoneMatchKey(entry.phone, phoneCountryOf(entry.country, phoneCountry));
    if (phone) phones.add(phone);
  }
  return { ids, emails, phones, phoneCountry };
}

/** Which field of the row matched the suppression list, or undefined when none did. */
export function matchSuppression(
  row: { customer_id?: string; email?: string; phone?: string; country?: string },
  suppression: Suppression,
): 'customer_id' | 'email' | 'phone' | undefined {
  const id = row.customer_id === undefined ? '' : customerKey(row.customer_id);
  if (id && suppression.ids.has(id)) return 'customer_id';
  const email = suppression.emails.size > 0 ? emailMatchKey(row.email) : undefined;
  if (email && suppression.emails.has(email)) return 'email';
  // Parsing a number costs ~15 µs: only when the list has numbers.
  if (suppression.phones.size === 0 || isPlaceholder(row.phone)) return undefined;
  // A national number is tried in the row's country and in the list's (fail-closed: either matches).
  const own = phoneCountryOf(row.country, suppression.phoneCountry);
  for (const country of own === suppression.phoneCountry ? [own] : [own, suppression.phoneCountry]) {
    const phone = phoneMatchKey(row.phone, country);
    if (phone && suppression.phones.has(phone)) return 'phone';
  }
  return undefined;
}


/**
 * The normalised address; a value the normaliser rejects still suppresses a row that holds
 * the same text (fail-closed: such a row keeps its letter channel, which the list forbids).
 */
function emailMatchKey(text: string | undefined): string | undefined {
  const key = emailKey(text);
  if (key !== undefined || isPlaceholder(text)) return key;
  return `?${(text as string).replace(/\s+/g, '').toLowerCase()}`;
}

/** The E.164 number; a number the normaliser rejects matches on its digits, as emailMatchKey. */
function phoneMatchKey(text: string | undefined, country: string): string | undefined {
  const key = phoneKey(text, country);
  if (key !== undefined || isPlaceholder(text)) return key;
  const digits = (text as string).replace(/\D/g, '');
  return digits.length >= MIN_PHONE_DIGITS ? `?${digits}` : undefined;
}

