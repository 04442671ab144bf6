/**
 * Permission to contact, per channel. The defaults are modelled on German UWG §7 and
 * GDPR Art. 21; they are a cautious starting point, not legal advice. Every rule reads
 * the data fail-closed: when in doubt, the customer is not contacted on that channel.
 */
import { CHANNELS, type Channel } from '../playbook-types.js';
import type { CustomerRow } from '../types.js';
import { objectionInWords } from '../objections/in-words.js';
import { matchSuppression, type Suppression } from './suppression.js';
import { messages, say as sayNote, type Lang, type Messages } from '../catalogue/index.js';
import { DEFAULT_PHONE_COUNTRY, channelContactKeys, isPlaceholder, normaliseEmailAddress, normalisePhoneNumber, permittedContact, phoneCountryOf, type ContactCheck, type ContactProblem } from './contact-point.js';
import { objectorReachedAt } from './objector-keys.js';
import type { IdIndex } from '../id-index.js';

export { findObjectionPhrase } from '../objections/text.js';
export { buildSuppression, matchSuppression } from './suppression.js';
export { emailKey, normaliseEmailAddress, normalisePhoneNumber, phoneKey } from './contact-point.js';
export type { Suppression, SuppressionEntry } from './suppression.js';

export interface PermissionConfig {
  /**
   * UWG §7(3): email to an existing customer without consent, for similar products, until
   * they object. Off by default because courts have read it narrowly for former customers.
   */
  emailExistingCustomerException: boolean;
  /** Phone to business customers on presumed interest (UWG §7(2) Nr. 1); off by default. */
  allowB2bPhoneWithoutConsent: boolean;
  /** When no channel of the reason's preference list is allowed, try the others too. */
  fallbackOutsidePreference: boolean;
  /** Extra phrases that, found in the free-text reason, count as an objection. */
  extraObjectionPhrases: string[];
  /** Country (ISO 3166-1 alpha-2) whose numbering plan reads phone numbers written without +/00 where the row names no country. */
  defaultPhoneCountry: string;
}

export const DEFAULT_PERMISSION_CONFIG: Readonly<PermissionConfig> = Object.freeze({
  emailExistingCustomerException: false,
  allowB2bPhoneWithoutConsent: false,
  fallbackOutsidePreference: false,
  extraObjectionPhrases: [],
  defaultPhoneCountry: DEFAULT_PHONE_COUNTRY,
});

/** The fields of a row that decide permission. */
export type PermissionInput = Pick<
  CustomerRow,
  | 'customer_id'
  | 'email'
  | 'phone'
  | 'street'
  | 'postal_code'
  | 'city'
  | 'country'
  | 'segment'
  | 'key_account'
  | 'account_manager'
  | 'reason'
  | 'notes'
  | 'consent_text'
  | 'other_text'
  | 'consent_email'
  | 'consent_phone'
  | 'consent_letter'
  | 'consent_visit'
  | 'advertising_objection'
  | 'do_not_contact'
>;

/** Short, stable codes for why a channel is blocked (used in excluded.csv and changes.csv). */
export type BlockReason =
  | 'suppressed'
  | 'do_not_contact'
  | 'objection'
  | 'objection_in_reason'
  | 'no_email'
  | 'no_email_consent'
  | 'invalid_email'
  | 'no_phone'
  | 'no_phone_consent'
  | 'invalid_phone'
  | 'b2b_phone_not_enabled'
  | 'no_postal_address'
  | 'letter_refused'
  | 'visit_refused'
  | 'no_account_manager'
  /** the channel reaches the customer at the e-mail address, number or name and address of another customer who objected */
  | 'objector_contact';

export interface PermissionResult {
  allowed: Record<Channel, boolean>;
  /** why each blocked channel is blocked */
  blockedBy: Partial<Record<Channel, BlockReason>>;
  /** set when no channel at all is allowed */
  excludedReason?: 'suppressed' | 'no_permission';
  /** set when the customer must not be contacted at all (suppressed, do-not-contact, an objection) */
  blockAll?: BlockReason;
  /** the objection found in the reason or notes text, when that is what blocks */
  objectionPhrase?: string;
  /** per channel closed as objector_contact: the objector's line and the kind of point shared ('email', 'phone', 'post'); their warnings are the last of `warnings`, one a channel */
  objectorAt?: Partial<Record<Channel, { line: number; kind: string }>>;
  warnings: string[];
}

/**
 * The contact points of the run's objectors (fingerprint → the objector's line: objector-keys.ts)
 * and the line of the customer checked: a channel that reaches the customer at another
 * customer's objector point is closed.
 */
export interface ObjectorCheck {
  objectors: IdIndex;
  line: number;
}

/** Decides, per channel, whether this customer may be contacted. */
export function checkPermission(
  row: PermissionInput,
  config: PermissionConfig = DEFAULT_PERMISSION_CONFIG,
  suppression?: Suppression,
  lang: Lang = 'en',
  objectors?: ObjectorCheck,
): PermissionResult {
  const warnings: string[] = [];
  const say = sayIn(lang);
  const found: { phrase?: string } = {};
  const blockAll = findBlockingReason(row, config, suppression, warnings, found, say);
  if (blockAll !== undefined) {
    const blockedBy = Object.fromEntries(CHANNELS.map((c) => [c, blockAll]));
    const allowed = { visit: false, phone: false, letter: false, email: false };
    const excludedReason = blockAll === 'suppressed' ? 'suppressed' : 'no_permission';
    const result: PermissionResult = { allowed, blockedBy, excludedReason, blockAll, warnings };
    if (found.phrase !== undefined) result.objectionPhrase = found.phrase;
    return result;
  }
  const blockedBy: Partial<Record<Channel, BlockReason>> = {};
  const perChannel: Record<Channel, BlockReason | undefined> = {
    visit: checkVisit(row, warnings, say),
    phone: checkPhone(row, config, warnings, say),
    letter: checkLetter(row, warnings, say),
    email: checkEmail(row, config, warnings, say),
  };
  const objectorAt = objectors !== undefined && objectors.objectors.size > 0 ? closeObjectorContacts(row, perChannel, objectors, config, warnings, say) : undefined;
  const allowed = { visit: false, phone: false, letter: false, email: false };
  for (const channel of CHANNELS) {
    const reason = perChannel[channel];
    if (reason === undefined) allowed[channel] = true;
    else blockedBy[channel] = reason;
  }
  const anyAllowed = CHANNELS.some((c) => allowed[c]);
  const result: PermissionResult = anyAllowed ? { allowed, blockedBy, warnings } : { allowed, blockedBy, excludedReason: 'no_permission', warnings };
  if (objectorAt !== undefined) result.objectorAt = objectorAt;
  return result;
}

/** The first allowed channel of the preference list; others only when the config allows it. */
export function chooseChannel(
  preferred: readonly Channel[],
  allowed: Record<Channel, boolean>,
  config: Pick<PermissionConfig, 'fallbackOutsidePreference'> = DEFAULT_PERMISSION_CONFIG,
): Channel | undefined {
  const inList = preferred.find((c) => allowed[c]);
  if (inList !== undefined || !config.fallbackOutsidePreference) return inList;
  return CHANNELS.find((c) => allowed[c]);
}

// Reasons that block every channel: suppression list, do-not-contact, objection (also in free text).
function findBlockingReason(
  row: PermissionInput,
  config: PermissionConfig,
  suppression: Suppression | undefined,
  warnings: string[],
  found: { phrase?: string },
  say: Say,
): BlockReason | undefined {
  if (suppression !== undefined) {
    const match = matchSuppression(row, suppression);
    if (match !== undefined) return 'suppressed';
  }
  if (row.do_not_contact === null) warnings.push(say.unclearDoNotContact);
  if (row.do_not_contact !== false && row.do_not_contact !== undefined) return 'do_not_contact';
  if (row.advertising_objection === null) warnings.push(say.unclearObjection);
  if (row.advertising_objection !== false && row.advertising_objection !== undefined) return 'objection';
  // An objection anywhere in the row's free text blocks every channel.
  const words = objectionInWords(row, config.extraObjectionPhrases);
  if (words === undefined) return undefined;
  warnings.push(say.objectionFound(words.where, words.phrase));
  found.phrase = words.phrase;
  return 'objection_in_reason';
}

function checkEmail(row: PermissionInput, config: PermissionConfig, warnings: string[], say: Say): BlockReason | undefined {
  if (isPlaceholder(row.email)) return 'no_email';
  const consent = checkEmailConsent(row, config, warnings, say);
  return consent ?? usable(normaliseEmailAddress(row.email), 'email', 'invalid_email', row.email, warnings, say);
}

function checkEmailConsent(row: PermissionInput, config: PermissionConfig, warnings: string[], say: Say): BlockReason | undefined {
  if (row.consent_email === true) return undefined;
  if (row.consent_email === null) {
    warnings.push(say.unclearEmailConsent);
    return 'no_email_consent';
  }
  // The exception ends where the customer said no; a blank cell is no objection.
  if (config.emailExistingCustomerException && row.consent_email === undefined) return undefined;
  return 'no_email_consent';
}

function checkPhone(row: PermissionInput, config: PermissionConfig, warnings: string[], say: Say): BlockReason | undefined {
  if (isPlaceholder(row.phone)) return 'no_phone';
  // The number is parsed only where consent allows a call (parsing costs more than the rest).
  const consent = checkPhoneConsent(row, config, warnings, say);
  return consent ?? usable(normalisePhoneNumber(row.phone, phoneCountryOf(row.country, config.defaultPhoneCountry)), 'phone', 'invalid_phone', row.phone, warnings, say);
}

function checkPhoneConsent(row: PermissionInput, config: PermissionConfig, warnings: string[], say: Say): BlockReason | undefined {
  if (row.consent_phone === true) return undefined;
  if (row.consent_phone === null) warnings.push(say.unclearPhoneConsent);
  // Without a recorded segment the customer may be private: the stricter B2C rule applies.
  if (row.segment !== 'B2B') return 'no_phone_consent';
  if (row.consent_phone === false || row.consent_phone === null) return 'no_phone_consent';
  return config.allowB2bPhoneWithoutConsent ? undefined : 'b2b_phone_not_enabled';
}

/** A contact point the normaliser rejects blocks its channel, with a warning that says why. */
function usable(check: ContactCheck, field: 'email' | 'phone', reason: BlockReason, text: string | undefined, warnings: string[], say: Say): BlockReason | undefined {
  if (check.ok) return undefined;
  warnings.push(say.notUsable(field, (text ?? '').trim(), say.problem(check.problem)));
  return reason;
}

function checkLetter(row: PermissionInput, warnings: string[], say: Say): BlockReason | undefined {
  if (isBlank(row.street) || isBlank(row.postal_code) || isBlank(row.city)) return 'no_postal_address';
  // Letters need no consent, but an explicit (or possibly explicit) refusal of letters is an objection.
  if (row.consent_letter === null) {
    warnings.push(say.unclearLetterConsent);
    return 'letter_refused';
  }
  return row.consent_letter === false ? 'letter_refused' : undefined;
}

function checkVisit(row: PermissionInput, warnings: string[], say: Say): BlockReason | undefined {
  // Visits need no consent, but a refusal of visits ("Besuch erwünscht: nein", "Visits allowed: no") is the customer's say.
  if (row.consent_visit === null) {
    warnings.push(say.unclearVisitConsent);
    return 'visit_refused';
  }
  if (row.consent_visit === false) return 'visit_refused';
  if (!isBlank(row.account_manager)) return undefined;
  if (row.key_account === null) warnings.push(say.unclearKeyAccount);
  return row.key_account === true ? undefined : 'no_account_manager';
}

/** Closes each open channel that reaches the customer at an objector's contact point (another customer's: objector-keys.ts). */
function closeObjectorContacts(row: PermissionInput, perChannel: Record<Channel, BlockReason | undefined>, check: ObjectorCheck, config: PermissionConfig, warnings: string[], say: Say): PermissionResult['objectorAt'] {
  const contact = permittedContact(row, { email: perChannel.email === undefined, phone: perChannel.phone === undefined }, config.defaultPhoneCountry);
  let closed: PermissionResult['objectorAt'];
  for (const channel of CHANNELS) {
    if (perChannel[channel] !== undefined) continue;
    const found = objectorReachedAt(check.objectors, channelContactKeys(channel, contact, row), check.line);
    if (found === undefined) continue;
    perChannel[channel] = 'objector_contact';
    (closed ??= {})[channel] = found;
    warnings.push(say.objectorContact(channel, found.kind, found.line));
  }
  return closed;
}

type Say = Messages['permission'] & { problem: (p: ContactProblem) => string };

// The texts of a language, made once: copying the catalogue section was a row's dearest allocation.
const says = new Map<Lang, Say>();

function sayIn(lang: Lang): Say {
  let say = says.get(lang);
  if (say === undefined) says.set(lang, (say = { ...messages(lang).permission, problem: (p) => sayNote(lang, 'contact', p) }));
  return say;
}

function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}
