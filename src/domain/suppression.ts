/**
 * Suppression lists: customers who must not be contacted whatever the export says (e.g. a
 * central opt-out list). Matched on customer_id and on normalised email and phone, because
 * the same person often appears under a new id or with differently typed contact data.
 */

export interface SuppressionEntry {
  customer_id?: string;
  email?: string;
  phone?: string;
}

export interface Suppression {
  readonly ids: ReadonlySet<string>;
  readonly emails: ReadonlySet<string>;
  readonly phones: ReadonlySet<string>;
}

// Shorter digit strings are extensions or typos; matching on them would suppress strangers.
const MIN_PHONE_DIGITS = 6;

/** Builds the lookup sets of a suppression list; blank values are ignored. */
export function buildSuppression(entries: Iterable<SuppressionEntry>): Suppression {
  const ids = new Set<string>();
  const emails = new Set<string>();
  const phones = new Set<string>();
  for (const entry of entries) {
    const id = entry.customer_id?.trim();
    if (id) ids.add(id);
    const email = normaliseEmail(entry.email);
    if (email) emails.add(email);
    const phone = normalisePhone(entry.phone);
    if (phone) phones.add(phone);
  }
  return { ids, emails, phones };
}

/** Which field of the row matched the suppression list, or undefined when none did. */
export function matchSuppression(
  row: { customer_id?: string; email?: string; phone?: string },
  suppression: Suppression,
): 'customer_id' | 'email' | 'phone' | undefined {
  const id = row.customer_id?.trim();
  if (id && suppression.ids.has(id)) return 'customer_id';
  const email = normaliseEmail(row.email);
  if (email && suppression.emails.has(email)) return 'email';
  const phone = normalisePhone(row.phone);
  if (phone && suppression.phones.has(phone)) return 'phone';
  return undefined;
}

/** Email for matching: trimmed and lower-cased (also surrounding angle brackets and "mailto:"). */
export function normaliseEmail(email: string | undefined): string | undefined {
  if (email === undefined) return undefined;
  const value = email
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1')
    .trim()
    .toLowerCase();
  return value.includes('@') ? value : undefined;
}

/**
 * Phone for matching: digits only, in international form without prefix. German numbers
 * written nationally ("030 1234567"), with 0049 or +49, and with the trunk zero kept in
 * brackets ("+49 (0)30 …") all become "4930…".
 */
export function normalisePhone(phone: string | undefined): string | undefined {
  if (phone === undefined) return undefined;
  const trimmed = phone.trim();
  let digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) {
    // already international
  } else if (digits.startsWith('00')) {
    digits = digits.slice(2);
  } else if (digits.startsWith('0')) {
    digits = `49${digits.slice(1)}`;
  }
  // German numbers never continue with 0 after the country code: it is the trunk prefix.
  if (digits.startsWith('490')) digits = `49${digits.slice(3)}`;
  return digits.length >= MIN_PHONE_DIGITS ? digits : undefined;
}
