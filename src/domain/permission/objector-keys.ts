/**
 * A customer reached at the contact point of another customer who objected: the same mailbox,
 * number, or name at the same postal address under another customer number (one person, two
 * records no spelling rule folds into one: KD9002 and KD-9002). An objection is the person's
 * (DOMAIN.md §6), so such a channel is closed for the other customer too — in the permission
 * verdict, the one every output reads, not only on campaign's lists.
 *
 * Whose contact point is whose is known only once every row has been read, and rows are
 * planned as they are read (on several threads). So a first reading notes, per planned
 * customer, the fingerprints of the contact points its planned channel reaches it at
 * (DuplicateTracker.seePlanned), and per row whose own facts object the fingerprints of every
 * contact point it holds, whether it is used or not (DuplicateTracker.seeObjectorRow);
 * when one customer's planned channel reaches an objector's point, the export is read a second
 * time with the objectors' points known from the start (PlanSetup.objectorKeys), and each
 * customer's permission is decided with them. An export where nobody shares an objector's
 * point is read once.
 */
import { idFingerprint, type IdIndex } from '../id-index.js';
import { CHANNELS, type Channel } from '../playbook-types.js';
import type { CustomerRow } from '../types.js';
import { channelContactKeys, contactKeysOf, permittedContact } from './contact-point.js';

/** What a customer's own verdict makes of them: an objection or do-not-contact (not a suppression list's entry) makes an objector. */
export function objectsToContact(permission: { blockAll?: string }): boolean {
  const block = permission.blockAll;
  return block !== undefined && block !== 'suppressed';
}

/** The fingerprints (idFingerprint, two numbers each, one after the other) of contact-point keys. */
export function keyPrints(keys: readonly string[]): number[] {
  const prints: number[] = [];
  for (const key of keys) {
    const [a, b] = idFingerprint(key);
    prints.push(a, b);
  }
  return prints;
}

/** The fingerprints of every contact point an objector's row holds (contactKeysOf): what nobody else is planned at. */
export function objectorPrints(values: Readonly<Record<string, unknown>>, defaultCountry: string): number[] {
  return keyPrints(contactKeysOf(values as Parameters<typeof contactKeysOf>[0], defaultCountry));
}

/**
 * What a first reading notes of a planned customer who is no objector (see the module comment):
 * the fingerprints of the points every channel permitted to it reaches it at (channelContactKeys),
 * not only the planned one's — a capacity, a budget, a test draw or a worksheet answer may give
 * the customer another permitted channel later, and that one must be closed at an objector's
 * point too. Nothing without a permitted channel. An objector's points are noted where its row
 * is read, from its facts (DuplicateTracker.seeObjectorRow), whether it is planned or not.
 */
export function plannedContactPrints(
  p: { row: CustomerRow; permission: { blockAll?: string; allowed: Record<Channel, boolean> } },
  defaultCountry: string,
): number[] | undefined {
  if (objectsToContact(p.permission)) return undefined;
  const { allowed } = p.permission;
  if (!allowed.email && !allowed.phone && !allowed.letter && !allowed.visit) return undefined;
  // A visit approaches the number when calls are permitted (channelContactKeys), as a call does.
  const contact = permittedContact(p.row, { email: allowed.email, phone: allowed.phone }, defaultCountry);
  const keys = new Set<string>();
  for (const channel of CHANNELS) if (allowed[channel]) for (const key of channelContactKeys(channel, contact, p.row)) keys.add(key);
  return keys.size > 0 ? keyPrints([...keys]) : undefined;
}

/**
 * The objector reached at one of `keys` other than the customer at `line` itself: the
 * objector's line and the kind of the point ('email', 'phone', 'post'), or undefined.
 */
export function objectorReachedAt(objectors: IdIndex, keys: readonly string[], line: number): { line: number; kind: string } | undefined {
  for (const key of keys) {
    const [a, b] = idFingerprint(key);
    const at = objectors.lineOfFingerprint(a, b);
    if (at !== 0 && at !== line) return { line: at, kind: key.slice(0, key.indexOf(':')) };
  }
  return undefined;
}
