/**
 * Randomised offers (`campaign --test-offers`): a stable share of the listed customers gets an
 * offer drawn at random among the offers their measure permits, so that `calibrate` can learn
 * what each offer adds from results no planner chose. Like the control group, both the draw
 * and the offer depend only on the programme salt and the customer id: reruns, weekly runs
 * and input orders give the same assignment.
 */
import { hashUnit } from '../hash.js';
import type { Channel } from '../playbook-types.js';

// Separators that cannot occur in typed ids; the 'offer' domain keeps this draw apart from the control group's.
const SEPARATOR = '\u001f';
const DOMAIN = 'test-offers';
// The channel draw has its own domain: who gets a random channel is independent of who gets a random offer and of the control group.
const CHANNEL_DOMAIN = 'test-channels';

/** The marker a ledger measure carries when its offer was drawn at random: "<reason>:<offer>:randomised". */
export const RANDOMISED_MARK = 'randomised';

/**
 * The marker a ledger measure carries when its channel was drawn at random (campaign
 * --test-channels): "<reason>:<offer>[:randomised]:random-channel". A measure without it (every
 * older ledger) had its channel chosen by the plan.
 */
export const RANDOM_CHANNEL_MARK = 'random-channel';

/**
 * The offer drawn for a customer in the test share, or undefined when the customer is not in it
 * (or nothing can be drawn). `offers` are the permitted offers in the playbook's order.
 */
export function testOffer(customerId: string, salt: string, share: number, offers: readonly string[]): string | undefined {
  if (!(share >= 0 && share <= 1)) throw new RangeError(`test-offers share must be between 0 and 1, got ${share}`);
  return drawn(DOMAIN, 'offer', customerId, salt, share, offers);
}

/**
 * The channel drawn for a customer in the channel test share (campaign --test-channels), or
 * undefined when the customer is not in it. `channels` are the customer's permitted channels the
 * plan valued, in CHANNELS order: the draw never reaches a channel the permission verdict refused.
 */
export function testChannel(customerId: string, salt: string, share: number, channels: readonly Channel[]): Channel | undefined {
  if (!(share >= 0 && share <= 1)) throw new RangeError(`test-channels share must be between 0 and 1, got ${share}`);
  return drawn(CHANNEL_DOMAIN, 'channel', customerId, salt, share, channels);
}

/**
 * One stable draw: whether the customer is in the share (one hash of the domain, salt and id),
 * then which of `items` (a second hash, independent of the first).
 */
function drawn<T>(domain: string, what: string, customerId: string, salt: string, share: number, items: readonly T[]): T | undefined {
  if (share === 0 || items.length === 0) return undefined;
  const id = customerId.trim();
  if (hashUnit(domain + SEPARATOR + salt + SEPARATOR + id) >= share) return undefined;
  const u = hashUnit(`${domain}${SEPARATOR}${what}${SEPARATOR}${salt}${SEPARATOR}${id}`);
  return items[Math.min(items.length - 1, Math.floor(u * items.length))];
}

/** A ledger measure: reason and offer, and the marks when the offer or the channel was drawn at random. */
export function formatMeasure(reasonCode: string, offerType: string, randomised: boolean, channelRandomised = false): string {
  return `${reasonCode}:${offerType}${randomised ? `:${RANDOMISED_MARK}` : ''}${channelRandomised ? `:${RANDOM_CHANNEL_MARK}` : ''}`;
}

/** The marks of a ledger measure: whether its offer and its channel were drawn at random (no mark: chosen by the plan). */
export function measureMarks(measure: string): { offerRandomised: boolean; channelRandomised: boolean } {
  const channelRandomised = measure.endsWith(`:${RANDOM_CHANNEL_MARK}`);
  const rest = channelRandomised ? measure.slice(0, -RANDOM_CHANNEL_MARK.length - 1) : measure;
  return { offerRandomised: rest.trimEnd().endsWith(`:${RANDOMISED_MARK}`), channelRandomised };
}
