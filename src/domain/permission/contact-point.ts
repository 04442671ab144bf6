/**
 * Contact points: e-mail addresses and phone numbers as the export holds them, checked and
 * brought into one form. One normaliser serves the permission check, the campaign lists,
 * the suppression list and the shared-contact check, so that the same address or number
 * is recognised everywhere. Phone numbers are parsed with libphonenumber-js (Google's
 * numbering metadata), never by hand; their validity is the library's rule over the same
 * metadata, its patterns compiled once per numbering plan (docs/performance.md, "CPU per row").
 */
import { Metadata, isSupportedCountry as isSupportedIn, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max.json';
import { IdIndex } from '../id-index.js';
import { messages, type Lang, type Said } from '../catalogue/index.js';

/** A checked value: the normalised text, or why the cell holds no usable contact point. */
export type ContactCheck = { ok: true; value: string } | { ok: false; blank: boolean; problem: ContactProblem };

/** Why a cell holds no usable contact point, as a catalogue key (messages.ts, contact). */
export type ContactProblem = Said<'contact'>;

/** Country whose numbering plan reads numbers written without an international prefix (ISO 3166-1 alpha-2). */
export const DEFAULT_PHONE_COUNTRY = 'DE';

// Cells that stand for "no address / no number" in exports: treated as blank, not as data.
const PLACEHOLDERS = new Set([
  '-', '--', '---', '?', '.', '0', 'x', 'xx', 'n/a', 'n.a.', 'na', 'k.a.', 'k. a.', 'k.a', 'none', 'null', 'nil', 'unknown',
  'keine', 'kein', 'keine angabe', 'unbekannt', 'nicht vorhanden', 'fehlt', 'tbd', 'no', 'nein',
]);

const BLANK: ContactCheck = { ok: false, blank: true, problem: { key: 'blank', args: [] } };

/** True when the cell is empty or a placeholder such as "n/a", "keine" or "-". */
export function isPlaceholder(text: string | undefined): boolean {
  if (text === undefined) return true;
  const trimmed = text.trim();
  // Longer than every placeholder, or a number or address start none has ("+49…", "(030)…", "030…"):
  // most cells, decided without a lower-cased copy (this runs several times a row).
  if (trimmed.length > LONGEST_PLACEHOLDER) return false;
  const c = trimmed.charCodeAt(0);
  if (trimmed.length > 1 && ((c >= 48 && c <= 57) || c === 43 || c === 40)) return false;
  const t = trimmed.toLowerCase();
  return t === '' || PLACEHOLDERS.has(t);
}

const LONGEST_PLACEHOLDER = Math.max(...[...PLACEHOLDERS].map((p) => p.length));

// RFC 5321 dot-atom local part (ASCII) and a domain of at least two labels; the domain may be
// internationalised (umlauts), the top-level label has letters only (or is punycode).
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LABEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;

const ANGLE = /^(?:\s*"[^"]*"\s*|[^"<>]*)<([^<>]*)>$/;
const MAILTO = /^mailto:/i;
const SEPARATOR = /[,;\s]/;

/**
 * One e-mail address from a cell: `mailto:` and a display name ("Max <max@example.com>") are
 * stripped, the domain is lower-cased (the local part keeps its case: it is the mailbox
 * owner's). A cell with two addresses, or without a valid address, is not usable.
 */
export function normaliseEmailAddress(text: string | undefined): ContactCheck {
  if (isPlaceholder(text)) return BLANK;
  let t = (text as string).trim();
  // The display-name and mailto: forms are looked for only where their marks are (most cells are bare addresses).
  const angle = t.charCodeAt(t.length - 1) === 62 ? ANGLE.exec(t) : null;
  if (angle) t = (angle[1] as string).trim();
  if (MAILTO.test(t)) t = t.slice(7).split('?')[0] as string;
  t = t.trim();
  const at = t.indexOf('@');
  if ((at >= 0 && t.indexOf('@', at + 1) >= 0) || SEPARATOR.test(t)) return bad({ key: 'several', args: [] });
  if (at < 0) return bad({ key: 'noAt', args: [] });
  const local = t.slice(0, at);
  const domain = t.slice(at + 1).toLowerCase();
  if (local.length === 0 || local.length > 64 || !LOCAL.test(local)) return bad({ key: 'localInvalid', args: [] });
  if (domain.length > 253 || !(asciiDomainValid(domain) ?? domainValid(domain))) return bad({ key: 'domainInvalid', args: [] });
  return { ok: true, value: `${local}@${domain}` };
}

function domainValid(domain: string): boolean {
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((l) => LABEL.test(l)) && TOP_LABEL.test(labels[labels.length - 1] as string);
}

/**
 * domainValid for a lower-cased domain of ASCII characters, in one pass without a label array or
 * a Unicode pattern per label (in ASCII, \p{L} and \p{N} are the letters and digits); undefined
 * when the domain has another character, for the patterns to decide.
 */
function asciiDomainValid(domain: string): boolean | undefined {
  let labels = 0;
  let start = 0;
  let lettersOnly = true;
  let valid = true;
  for (let i = 0; i <= domain.length; i++) {
    const c = i < domain.length ? domain.charCodeAt(i) : 46;
    if (c > 127) return undefined;
    if (c === 46) {
      // A label: 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit.
      const length = i - start;
      if (length === 0 || length > 63 || domain.charCodeAt(start) === 45 || domain.charCodeAt(i - 1) === 45) valid = false;
      labels++;
      if (i === domain.length) {
        // The top-level label: letters only, at least two, or punycode ("xn--" and 1 to 59 more).
        const punycode = length >= 5 && length <= 63 && domain.startsWith('xn--', start);
        if (!((lettersOnly && length >= 2) || punycode)) valid = false;
      }
      start = i + 1;
      lettersOnly = true;
    } else if (c >= 97 && c <= 122) {
      // a letter
    } else if ((c >= 48 && c <= 57) || c === 45) {
      lettersOnly = false;
    } else {
      valid = false;
    }
  }
  return valid && labels >= 2;
}

/** The key under which two addresses count as one mailbox (mailboxKey). */
export function emailKey(text: string | undefined): string | undefined {
  const r = normaliseEmailAddress(text);
  return r.ok ? mailboxKey(r.value) : undefined;
}

/** Domains whose mailboxes ignore dots in the local part, and their one name. */
const DOTLESS_DOMAINS: Readonly<Record<string, string>> = { 'gmail.com': 'gmail.com', 'googlemail.com': 'gmail.com' };

/**
 * A checked address as the mailbox it reaches: lower-cased, without a "+tag" after the local
 * part (sub-addressing: "anna+shop@…" is Anna's inbox), and for Gmail without the dots of the
 * local part and under one domain ("A.nna@googlemail.com" is "anna@gmail.com"). Two addresses
 * that reach one inbox are one contact point for the suppression list, an objector's contact
 * points and "once per run" — the cautious mistake, should a provider read them apart.
 */
export function mailboxKey(address: string): string {
  const lower = address.toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at <= 0) return lower;
  let local = lower.slice(0, at);
  let domain = lower.slice(at + 1);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  const dotless = DOTLESS_DOMAINS[domain];
  if (dotless !== undefined) {
    local = local.replace(/\./g, '');
    domain = dotless;
  }
  return `${local}@${domain}`;
}

// "4,93023E+11": a number Excel showed in scientific notation and saved so; its digits are lost.
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;

// A row's number is checked by permission, the list and the shared-contact check in turn: the
// last few answers are kept, compared by text and country (no key string built per call).
const PHONE_MEMO = 4;
const memoText: string[] = [];
const memoCountry: string[] = [];
const memoResult: ContactCheck[] = [];
let memoNext = 0;

/**
 * A phone number from a cell in E.164 form ("+4930123456"): national numbers are read in
 * `defaultCountry`'s numbering plan; the number must be valid there (length and ranges per
 * libphonenumber's metadata), so "1234", "+49" and placeholders are not usable.
 */
export function normalisePhoneNumber(text: string | undefined, defaultCountry: string = DEFAULT_PHONE_COUNTRY): ContactCheck {
  if (isPlaceholder(text)) return BLANK;
  const t = (text as string).trim();
  for (let i = 0; i < memoText.length; i++) {
    if (memoText[i] === t && memoCountry[i] === defaultCountry) return memoResult[i] as ContactCheck;
  }
  const result = parsePhone(t, defaultCountry);
  memoText[memoNext] = t;
  memoCountry[memoNext] = defaultCountry;
  memoResult[memoNext] = result;
  memoNext = (memoNext + 1) % PHONE_MEMO;
  return result;
}

// The library's options per default country, made once (it copies them on every call, so fewer is cheaper).
const parseOptions = new Map<string, { defaultCountry: CountryCode; extract: false }>();

function optionsFor(defaultCountry: string): { defaultCountry: CountryCode; extract: false } {
  let options = parseOptions.get(defaultCountry);
  if (options === undefined) {
    // extract: false, so that a cell with two numbers or with words is not read as its first number.
    options = { defaultCountry: defaultCountry as CountryCode, extract: false };
    parseOptions.set(defaultCountry, options);
  }
  return options;
}

function parsePhone(t: string, defaultCountry: string): ContactCheck {
  const plain = plainDigits(t);
  let parsed: PhoneNumber | undefined;
  let digitCount: number;
  if (plain !== undefined) {
    parsed = parsePhoneNumberFromString(plain, optionsFor(defaultCountry), metadata);
    digitCount = plain.charCodeAt(0) === 43 ? plain.length - 1 : plain.length;
  } else {
    if (SCIENTIFIC.test(t)) return bad({ key: 'scientific', args: [] });
    digitCount = t.replace(/\D/g, '').length;
    if (digitCount === 0) return bad({ key: 'noDigits', args: [] });
    parsed = parsePhoneNumberFromString(t.replace(/^tel:/i, ''), optionsFor(defaultCountry), metadata);
  }
  if (parsed === undefined) return bad(digitCount < 5 ? { key: 'tooShort', args: [] } : { key: 'notPhone', args: [defaultCountry] });
  if (!isValidNumber(parsed)) return bad({ key: 'invalidIn', args: [parsed.country ?? `+${parsed.countryCallingCode}`] });
  return { ok: true, value: parsed.number };
}

/**
 * The digits of a cell written plainly — an optional leading "+", then ASCII digits, spaces and
 * the separators - / ( ) . — as "+4930123456" or "030123456"; undefined for any other cell.
 * For such a cell libphonenumber reads exactly these characters (the rest is punctuation it
 * drops; no extension, "tel:" or phone-context mark can be in it), so it is handed this string
 * and spared its extension search. At least three digits: a shorter cell with a separator is
 * "not viable" to the library, while its bare digits would be.
 */
function plainDigits(t: string): string | undefined {
  if (t.length > 250) return undefined;
  let digits = 0;
  let separators = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 32 || c === 45 || c === 47 || c === 40 || c === 41 || c === 46) separators++;
    else if (!(c === 43 && i === 0)) return undefined;
  }
  if (digits < 3) return undefined;
  if (separators === 0) return t;
  let out = t.charCodeAt(0) === 43 ? '+' : '';
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) out += t[i];
  }
  return out;
}

/** The rules of one numbering plan as libphonenumber's `isValid()` applies them, compiled once. */
interface PlanRules {
  national: RegExp;
  /** Each number type's pattern with its lengths; undefined when the plan has no type patterns. */
  types: Array<{ pattern: RegExp; lengths: number[] | undefined }> | undefined;
}

// What the library's Metadata object offers at run time beyond its published types.
interface MetadataRuntime {
  selectNumberingPlan(countryOrCallingCode: string): void;
  nationalNumberPattern(): string;
  hasTypes(): boolean;
  type(type: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

// The types getNumberType tries, fixed line first (libphonenumber-js es6/helpers/getNumberType.js).
const NUMBER_TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];
// One entry per numbering plan met (at most one per country and calling code in the metadata).
const planRules = new Map<string, PlanRules>();

function rulesOf(plan: string): PlanRules {
  let rules = planRules.get(plan);
  if (rules !== undefined) return rules;
  const m = new Metadata(metadata) as unknown as MetadataRuntime;
  m.selectNumberingPlan(plan);
  let types: PlanRules['types'];
  if (m.hasTypes()) {
    types = [];
    for (const name of NUMBER_TYPES) {
      const type = m.type(name);
      if (type === undefined || !type.pattern()) continue;
      types.push({ pattern: entirely(type.pattern()), lengths: type.possibleLengths() });
    }
  }
  rules = { national: entirely(m.nationalNumberPattern()), types };
  planRules.set(plan, rules);
  return rules;
}

function entirely(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

/**
 * `parsed.isValid()` with the `max` metadata, its patterns compiled once per numbering plan
 * instead of on every call: the national number matches the plan's pattern and, where the plan
 * has number types, the pattern of one of them within that type's lengths (a number of no
 * known type is not valid). test/domain/contact-point.test.ts holds it to the library's answer.
 */
function isValidNumber(parsed: PhoneNumber): boolean {
  const rules = rulesOf(parsed.country ?? parsed.countryCallingCode);
  const national = parsed.nationalNumber as string;
  if (!rules.national.test(national)) return false;
  if (rules.types === undefined) return true;
  for (const type of rules.types) {
    if (type.lengths !== undefined && type.lengths.indexOf(national.length) < 0) continue;
    if (type.pattern.test(national)) return true;
  }
  return false;
}

// Country names and codes seen in exports' country column, for what is not an ISO code already.
const COUNTRY_NAMES: Record<string, string> = {
  d: 'DE', deu: 'DE', ger: 'DE', deutschland: 'DE', germany: 'DE', brd: 'DE',
  a: 'AT', aut: 'AT', österreich: 'AT', oesterreich: 'AT', austria: 'AT',
  che: 'CH', schweiz: 'CH', switzerland: 'CH', suisse: 'CH',
  fl: 'LI', liechtenstein: 'LI', l: 'LU', lux: 'LU', luxemburg: 'LU', luxembourg: 'LU',
  nld: 'NL', niederlande: 'NL', netherlands: 'NL', holland: 'NL', bel: 'BE', belgien: 'BE', belgium: 'BE',
  fra: 'FR', frankreich: 'FR', france: 'FR', ita: 'IT', italien: 'IT', italy: 'IT', esp: 'ES', spanien: 'ES', spain: 'ES',
  pol: 'PL', polen: 'PL', poland: 'PL', cze: 'CZ', tschechien: 'CZ', czechia: 'CZ', 'czech republic': 'CZ',
  dnk: 'DK', dänemark: 'DK', daenemark: 'DK', denmark: 'DK',
  uk: 'GB', gbr: 'GB', 'united kingdom': 'GB', 'great britain': 'GB', england: 'GB', großbritannien: 'GB', grossbritannien: 'GB',
  usa: 'US', 'u.s.': 'US', 'u.s.a.': 'US', 'united states': 'US', 'united states of america': 'US', 'vereinigte staaten': 'US',
};

/**
 * The country whose numbering plan reads a row's national numbers: the row's own country
 * (an ISO code, or a common German or English name) when it has one, else `fallback`.
 */
export function phoneCountryOf(country: string | undefined, fallback: string = DEFAULT_PHONE_COUNTRY): string {
  const t = country?.trim();
  if (!t) return fallback;
  const upper = t.toUpperCase();
  if (upper.length === 2 && isSupportedCountry(upper)) return upper;
  return COUNTRY_NAMES[t.toLowerCase()] ?? fallback;
}

/** The key under which two numbers count as one line: the E.164 number. */
export function phoneKey(text: string | undefined, defaultCountry: string = DEFAULT_PHONE_COUNTRY): string | undefined {
  const r = normalisePhoneNumber(text, defaultCountry);
  return r.ok ? r.value : undefined;
}

/** True when `code` is a country libphonenumber has a numbering plan for (validates the config). */
export function isPhoneCountry(code: string): boolean {
  return isSupportedCountry(code);
}

function isSupportedCountry(code: string): boolean {
  return isSupportedIn(code as CountryCode, metadata);
}

function bad(problem: ContactProblem): ContactCheck {
  return { ok: false, blank: false, problem };
}

/** The normalised contact points a list row may carry: only those of permitted channels. */
export interface ListContact {
  email?: string;
  phone?: string;
}

/**
 * The e-mail address and phone number a list may show, given the channels the customer may
 * be contacted on; national numbers are read in the row's country, else in `defaultCountry`.
 */
export function permittedContact(
  row: { email?: string; phone?: string; country?: string },
  allowed: { email: boolean; phone: boolean },
  defaultCountry: string = DEFAULT_PHONE_COUNTRY,
): ListContact {
  const contact: ListContact = {};
  if (allowed.email) {
    const email = normaliseEmailAddress(row.email);
    if (email.ok) contact.email = email.value;
  }
  if (allowed.phone) {
    const phone = normalisePhoneNumber(row.phone, phoneCountryOf(row.country, defaultCountry));
    if (phone.ok) contact.phone = phone.value;
  }
  return contact;
}

/**
 * The contact point a channel's list approaches, as a key for "once per run": the mailbox for
 * e-mail (mailboxKey), the number for phone; none for letters and visits (households and firms share an
 * address, and a visit is the account manager's to arrange).
 */
export function sharedContactKey(channel: string, contact: ListContact): string | undefined {
  if (channel === 'email' && contact.email !== undefined) return `email:${mailboxKey(contact.email)}`;
  if (channel === 'phone' && contact.phone !== undefined) return `phone:${contact.phone}`;
  return undefined;
}

// Shorter digit strings are extensions or typos; matching on them would suppress strangers.
export const MIN_PHONE_DIGITS = 6;

/** A day as lists write one beside an entry ("2026-10-01", "01.10.2026"): no number to call. */
const A_DAY = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{2,4})$/;

/** An e-mail address within text ("a@b.de (unsubscribed)", "a@b.de; c@d.de"). */
const ADDRESS_IN_TEXT = /[^\s;,/|<>()"'\[\]]+@[^\s;,/|<>()"'\[\]]+\.[a-z]{2,}/gi;

/**
 * The e-mail addresses and phone numbers a cell holds, when it holds more than one or holds one
 * beside a remark (a suppression list's cells, an objector's e-mail and phone): addresses found
 * anywhere in it, numbers in its parts between ';', ',', '/' or '|', a remark in brackets left
 * out ("07911 123075 (mobile)"), a label before a number ("Tel.: 030 8234568", "mobil: 0171 …")
 * and a word after it ("030 1000001 privat") left out, and the apostrophe a spreadsheet's text
 * marker or winback's formula guard puts first ("'+49 30 8234567"). Each is normalised where it is
 * used; a part the phone normaliser rejects matches on its digits (suppression).
 */
export function contactPointsIn(cell: string | undefined): { emails: string[]; phones: string[] } {
  if (cell === undefined || cell.trim() === '') return { emails: [], phones: [] };
  const emails = cell.match(ADDRESS_IN_TEXT) ?? [];
  const rest = cell.replace(ADDRESS_IN_TEXT, ' ').replace(/\([^)]*\)/g, ' ');
  const phones = rest.split(/[;,/|]/).map(phonePart).filter((p) => (p.match(/\d/g) ?? []).length >= MIN_PHONE_DIGITS && /^[\s+()\d.-]+$/.test(p) && !A_DAY.test(p));
  return { emails, phones };
}

/** A run of digits that reads as a phone number in free text: a leading + or 0, seven digits or more. */
const NUMBER_IN_TEXT = /(?:\+\d|\b0\d)[\d ()/.-]{5,}\d/g;
const DAY_TEXT = /^\d{1,2}\.\d{1,2}\.\d{2,4}$/;

/**
 * Free text (the contact person, the departure reason) with the e-mail addresses and phone
 * numbers of channels the customer may not be contacted on left out ("mobil 0171 4444444,
 * meier.privat@gmx.de" on a letter list): a list shows a contact point only for a channel the
 * customer may be contacted on (docs/safety.md), its free text included.
 */
export function withoutContactPoints(text: string | undefined, allowed: { email: boolean; phone: boolean }): string | undefined {
  if (text === undefined || (allowed.email && allowed.phone)) return text;
  let out = text;
  if (!allowed.email && out.includes('@')) out = out.replace(ADDRESS_IN_TEXT, '[…]');
  if (!allowed.phone && /\d/.test(out)) {
    out = out.replace(NUMBER_IN_TEXT, (m) => ((m.match(/\d/g) ?? []).length >= 7 && !DAY_TEXT.test(m.trim()) ? '[…]' : m));
  }
  return out;
}

/** A label before a number: words and a colon ("Tel.:", "mobil:", "Phone (work):"), or a phone word alone ("Tel. 030 …"). */
const PHONE_LABEL = /^(?:[\p{L}][\p{L}. ()-]{0,24}:|(?:tel|telefon|fon|phone|mobil|mobile|handy|cell|fax|festnetz|privat|gesch|work|home)\.?(?=[\s+\d(]))\s*/iu;
/** Words after a number ("privat", "mobile", "ab 18 Uhr" is no number: its digits are too few). */
const TRAILING_WORDS = /(?:\s+[\p{L}][\p{L}.]*)+\.?$/u;

function phonePart(part: string): string {
  return part.trim().replace(/^'+/, '').replace(PHONE_LABEL, '').replace(TRAILING_WORDS, '').trim();
}

/**
 * The contact points a row holds, as sharedContactKey writes them (its mailbox and its number,
 * whatever the channels' permission): the keys an objector's row closes for every other row of
 * the run (campaign's ObjectorContacts).
 */
export function contactKeysOf(row: { email?: string; phone?: string; country?: string; name?: string; street?: string; postal_code?: string }, defaultCountry: string = DEFAULT_PHONE_COUNTRY): string[] {
  const contact = permittedContact(row, { email: true, phone: true }, defaultCountry);
  const keys = (['email', 'phone'] as const).flatMap((channel) => sharedContactKey(channel, contact) ?? []);
  const postal = personAtAddressKey(row);
  if (postal !== undefined) keys.push(postal);
  // Every address and number the cells hold ("max@firma.de, mm@firma.de", "0151 2000002 / 030 2000002", "030 1000001 (privat)").
  const country = phoneCountryOf(row.country, defaultCountry);
  for (const cell of [row.email, row.phone]) {
    const found = contactPointsIn(cell);
    for (const address of found.emails) {
      const key = emailKey(address);
      if (key !== undefined) keys.push(`email:${key}`);
    }
    for (const number of found.phones) {
      const key = phoneKey(number, country);
      if (key !== undefined) keys.push(`phone:${key}`);
    }
  }
  return [...new Set(keys)];
}

/**
 * The contact points a customer planned on `channel` is reached at, as keys: the mailbox for
 * e-mail, the number for a call, the person at the postal address for a letter, and for a visit
 * the number the visit list shows and the person at the address — what an objector's contact
 * points (contactKeysOf) are checked against, in the plan as on campaign's lists.
 */
export function channelContactKeys(channel: string, contact: ListContact, person: { name?: string; street?: string; postal_code?: string }): string[] {
  const keys: string[] = [];
  const shared = sharedContactKey(channel === 'visit' ? 'phone' : channel, contact);
  if (shared !== undefined && channel !== 'letter') keys.push(shared);
  if (channel === 'letter' || channel === 'visit') {
    const postal = personAtAddressKey(person);
    if (postal !== undefined) keys.push(postal);
  }
  return keys;
}

/**
 * One person (or firm) at one postal address, as a key: the name and the street folded (case,
 * umlauts, "Straße"/"Str."/"Strasse", spaces and punctuation) and the postal code. An objector's
 * letter and visit key: "Heinz Weber, Goethestraße 9" under a second customer number is the
 * objector, where "Anna Weber" at the same door is not (households share addresses). Undefined
 * without a name, a street and a postal code.
 */
export function personAtAddressKey(row: { name?: string; street?: string; postal_code?: string }): string | undefined {
  const name = nameKey(row.name);
  const street = streetKey(row.street);
  const postal = (row.postal_code ?? '').replace(/\s+/g, '').toLowerCase();
  return name === '' || street === '' || postal === '' ? undefined : `post:${name}|${street}|${postal}`;
}

/** Salutations and titles before a name ("Herrn", "Dr.", "Prof. Dr.", "Mrs"): not part of who it is. */
const TITLES = /\b(?:herrn?|hr|frau|fr|dr|prof|dipl|ing|mr|mrs|ms|miss)\b\.?/g;

/** A name as a key: its words without titles, in any order ("Meier, Hans", "Herrn Dr. Hans Meier" are "Hans Meier"). */
function nameKey(text: string | undefined): string {
  if (text === undefined) return '';
  return lowerFolded(text).replace(TITLES, ' ').split(/[^a-z0-9]+/).filter((w) => w !== '').sort().join(' ');
}

/**
 * A street as a key: "Straße"/"Strasse"/"Str." and "Platz"/"Pl." as one, "Nr." left out, and
 * nothing after the house number and its letter ("Lange Straße 7, 2. OG", "… 7 (Hinterhaus)");
 * a number followed by a full stop is an ordinal of the name ("Straße des 17. Juni 5").
 */
function streetKey(text: string | undefined): string {
  if (text === undefined) return '';
  const words = lowerFolded(text).replace(/stra(?:ss)e\b|str\./g, 'str').replace(/pl\.(?=\s|\d|$)/g, 'platz').replace(/\bnr\b\.?/g, ' ');
  const upToNumber = /^(.*?\d+(?![\d.])(?:\s*[a-z](?![a-z]))?)/.exec(words);
  return (upToNumber ? (upToNumber[1] as string) : words).replace(/[^a-z0-9]/g, '');
}

function lowerFolded(text: string): string {
  return text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * The contact points of customers who objected (or said do not contact) in this run's export,
 * each with the first such customer's id: a list customer reached at one of them is left out
 * (objector_contact), whatever id the export gives them — one person may be two customer
 * numbers that no spelling rule folds into one (KD9002, KD-9002).
 */
export class ObjectorContacts {
  private readonly holders = new Map<string, string>();

  /** Records the keys (contactKeysOf) of the objector `id`. */
  add(keys: readonly string[], id: string): void {
    for (const key of keys) if (!this.holders.has(key)) this.holders.set(key, id);
  }

  /** The id of the objector reached at `key`, if any. */
  holder(key: string | undefined): string | undefined {
    return key === undefined ? undefined : this.holders.get(key);
  }

  get size(): number {
    return this.holders.size;
  }
}

/** The excluded.csv detail of a customer left out for an objector's contact point. */
export function objectorContactDetail(channel: string, objector: string, lang?: Lang): string {
  return messages(lang).campaign.objectorContact(channel, objector);
}

/**
 * Contact points already on this run's lists, met in priority order: a later customer with the
 * same address or number is left out (shared_contact), so that one mailbox or line is
 * approached once, by the customer who ranks highest. Keys are kept as 64-bit fingerprints.
 */
export class SharedContacts {
  private readonly taken = new IdIndex();

  /** The priority of the customer who holds `key` already, or 0. */
  holder(key: string | undefined): number {
    return key === undefined ? 0 : this.taken.lineOf(key);
  }

  /** Records that the customer at `priority` (≥ 1) is approached at `key`. */
  claim(key: string | undefined, priority: number): void {
    if (key !== undefined) this.taken.add(key, priority);
  }
}

/** The excluded.csv detail of a customer left out for a shared contact point. */
export function sharedContactDetail(channel: string, holderPriority: number, lang?: Lang): string {
  return messages(lang).campaign.sharedContact(channel, holderPriority);
}
