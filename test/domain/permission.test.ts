import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_PERMISSION_CONFIG,
  buildSuppression,
  checkPermission,
  chooseChannel,
  findObjectionPhrase,
  emailKey,
  phoneKey,
  type PermissionConfig,
  type PermissionInput,
} from '../../src/domain/permission/permission.js';
import { CHANNELS, type Channel } from '../../src/domain/playbook-types.js';

/** A B2C customer who may be contacted on every channel. */
const open: PermissionInput = {
  customer_id: 'C1',
  email: 'anna@example.de',
  phone: '030 1234567',
  street: 'Hauptstr. 1',
  postal_code: '10115',
  city: 'Berlin',
  segment: 'B2C',
  key_account: true,
  account_manager: 'M. Maier',
  reason: 'zu teuer',
  consent_email: true,
  consent_phone: true,
  consent_letter: true,
  advertising_objection: false,
  do_not_contact: false,
};

const cfg = (over: Partial<PermissionConfig> = {}): PermissionConfig => ({ ...DEFAULT_PERMISSION_CONFIG, ...over });

describe('checkPermission: per-channel rules', () => {
  it('allows every channel for a fully consented customer', () => {
    const r = checkPermission(open);
    expect(r.allowed).toEqual({ visit: true, phone: true, letter: true, email: true });
    expect(r.blockedBy).toEqual({});
    expect(r.excludedReason).toBeUndefined();
    expect(r.warnings).toEqual([]);
  });

  it.each<[string, Partial<PermissionInput>, Partial<PermissionConfig>, Channel, boolean, string?]>([
    // email
    ['email without consent (B2C)', { consent_email: false }, {}, 'email', false, 'no_email_consent'],
    ['email without consent (B2B)', { segment: 'B2B', consent_email: false }, {}, 'email', false, 'no_email_consent'],
    ['email with blank consent', { consent_email: undefined }, {}, 'email', false, 'no_email_consent'],
    ['email blank consent, exception on', { consent_email: undefined }, { emailExistingCustomerException: true }, 'email', true],
    ['email refused, exception on', { consent_email: false }, { emailExistingCustomerException: true }, 'email', false, 'no_email_consent'],
    ['email without address', { email: ' ' }, {}, 'email', false, 'no_email'],
    ['email placeholder', { email: 'n/a' }, {}, 'email', false, 'no_email'],
    ['email without domain', { email: 'a@b' }, {}, 'email', false, 'invalid_email'],
    ['two addresses in one cell', { email: 'a@b.de; c@d.de' }, {}, 'email', false, 'invalid_email'],
    ['email with display name', { email: 'Anna <anna@Example.de>' }, {}, 'email', true],
    ['invalid email without consent', { email: 'a@b', consent_email: false }, {}, 'email', false, 'no_email_consent'],
    ['phone too short', { phone: '1234' }, {}, 'phone', false, 'invalid_phone'],
    ['phone mangled by Excel', { phone: '4,93023E+11' }, {}, 'phone', false, 'invalid_phone'],
    ['phone country code only', { phone: '+49' }, {}, 'phone', false, 'invalid_phone'],
    ['phone placeholder', { phone: 'keine' }, {}, 'phone', false, 'no_phone'],
    ['phone national, other default country', { phone: '01 5356 1234' }, { defaultPhoneCountry: 'AT' }, 'phone', true],
    ['phone national, read in the row country', { phone: '(212) 555-0100', country: 'USA' }, {}, 'phone', true],
    // phone
    ['phone B2C with consent', {}, {}, 'phone', true],
    ['phone B2C without consent', { consent_phone: undefined }, {}, 'phone', false, 'no_phone_consent'],
    ['phone B2C, B2B switch does not help', { consent_phone: undefined }, { allowB2bPhoneWithoutConsent: true }, 'phone', false, 'no_phone_consent'],
    ['phone B2B with consent', { segment: 'B2B' }, {}, 'phone', true],
    ['phone B2B without consent, default', { segment: 'B2B', consent_phone: undefined }, {}, 'phone', false, 'b2b_phone_not_enabled'],
    ['phone B2B without consent, enabled', { segment: 'B2B', consent_phone: undefined }, { allowB2bPhoneWithoutConsent: true }, 'phone', true],
    ['phone B2B refused, enabled', { segment: 'B2B', consent_phone: false }, { allowB2bPhoneWithoutConsent: true }, 'phone', false, 'no_phone_consent'],
    ['phone unknown segment treated as B2C', { segment: undefined, consent_phone: undefined }, { allowB2bPhoneWithoutConsent: true }, 'phone', false, 'no_phone_consent'],
    ['phone without number', { phone: undefined }, {}, 'phone', false, 'no_phone'],
    // letter
    ['letter without consent column', { consent_letter: undefined }, {}, 'letter', true],
    ['letter refused', { consent_letter: false }, {}, 'letter', false, 'letter_refused'],
    ['letter without street', { street: '' }, {}, 'letter', false, 'no_postal_address'],
    ['letter without postal code', { postal_code: undefined }, {}, 'letter', false, 'no_postal_address'],
    ['letter without city', { city: undefined }, {}, 'letter', false, 'no_postal_address'],
    // visit
    ['visit key account only', { account_manager: undefined }, {}, 'visit', true],
    ['visit account manager only', { key_account: false }, {}, 'visit', true],
    ['visit neither', { key_account: false, account_manager: ' ' }, {}, 'visit', false, 'no_account_manager'],
  ])('%s', (_name, change, config, channel, expected, reason) => {
    const r = checkPermission({ ...open, ...change }, cfg(config));
    expect(r.allowed[channel]).toBe(expected);
    expect(r.blockedBy[channel]).toBe(reason);
    // the other channels are unaffected by a single-channel change
    for (const other of CHANNELS) if (other !== channel) expect(r.allowed[other]).toBe(true);
  });
});

describe('checkPermission: reasons that block every channel', () => {
  it.each<[string, Partial<PermissionInput>, string, string]>([
    ['advertising objection', { advertising_objection: true }, 'objection', 'no_permission'],
    ['do not contact', { do_not_contact: true }, 'do_not_contact', 'no_permission'],
    ['objection in the reason text', { reason: 'Preis zu hoch, bitte keine Werbung mehr' }, 'objection_in_reason', 'no_permission'],
  ])('%s', (_name, change, blocked, excluded) => {
    const r = checkPermission({ ...open, ...change });
    for (const c of CHANNELS) {
      expect(r.allowed[c]).toBe(false);
      expect(r.blockedBy[c]).toBe(blocked);
    }
    expect(r.excludedReason).toBe(excluded);
  });

  it('excludes with no_permission when every channel fails on its own rule', () => {
    const row: PermissionInput = { customer_id: 'C9', segment: 'B2C', email: 'x@y.de', consent_email: false };
    const r = checkPermission(row);
    expect(r.excludedReason).toBe('no_permission');
    expect(r.blockedBy).toEqual({
      visit: 'no_account_manager',
      phone: 'no_phone',
      letter: 'no_postal_address',
      email: 'no_email_consent',
    });
  });
});

describe('checkPermission: fail-closed on unclear values', () => {
  it.each<[string, Partial<PermissionInput>, Channel, RegExp]>([
    ['email consent', { consent_email: null }, 'email', /consent_email is unclear/],
    ['phone consent', { consent_phone: null }, 'phone', /consent_phone is unclear/],
    ['phone consent B2B', { segment: 'B2B', consent_phone: null }, 'phone', /consent_phone is unclear/],
    ['letter consent', { consent_letter: null }, 'letter', /consent_letter is unclear/],
  ])('unclear %s blocks that channel with a warning', (_name, change, channel, warning) => {
    const r = checkPermission({ ...open, ...change }, cfg({ allowB2bPhoneWithoutConsent: true, emailExistingCustomerException: true }));
    expect(r.allowed[channel]).toBe(false);
    expect(r.warnings.some((w) => warning.test(w))).toBe(true);
  });

  it.each<[string, Partial<PermissionInput>]>([
    ['advertising_objection', { advertising_objection: null }],
    ['do_not_contact', { do_not_contact: null }],
  ])('unclear %s counts as an objection, with a warning', (name, change) => {
    const r = checkPermission({ ...open, ...change });
    expect(CHANNELS.every((c) => !r.allowed[c])).toBe(true);
    expect(r.excludedReason).toBe('no_permission');
    expect(r.warnings.join(' ')).toContain(`${name} is unclear`);
  });

  it('unclear key_account without an account manager does not allow a visit', () => {
    const r = checkPermission({ ...open, key_account: null, account_manager: undefined });
    expect(r.allowed.visit).toBe(false);
    expect(r.warnings.join(' ')).toContain('key_account is unclear');
  });

  it('never allows a channel whose consent is not a clear yes (property)', () => {
    const consent = fc.constantFrom(true, false, null, undefined);
    fc.assert(
      fc.property(consent, consent, fc.constantFrom<'B2B' | 'B2C' | undefined>('B2B', 'B2C', undefined), (ce, cp, segment) => {
        const r = checkPermission({ ...open, consent_email: ce, consent_phone: cp, segment });
        if (ce !== true) expect(r.allowed.email).toBe(false);
        if (cp !== true) expect(r.allowed.phone).toBe(false);
      }),
    );
  });

  it('an objection always blocks everything, whatever the consents (property)', () => {
    const flag = fc.constantFrom(true, false, null, undefined);
    fc.assert(
      fc.property(flag, flag, flag, fc.constantFrom(true, null), (ce, cp, cl, objection) => {
        const r = checkPermission(
          { ...open, consent_email: ce, consent_phone: cp, consent_letter: cl, advertising_objection: objection },
          cfg({ allowB2bPhoneWithoutConsent: true, emailExistingCustomerException: true }),
        );
        expect(CHANNELS.some((c) => r.allowed[c])).toBe(false);
      }),
    );
  });
});

describe('findObjectionPhrase', () => {
  it.each([
    'bitte keine Werbung',
    'Keine Werbung mehr!',
    'Kein Kontakt erwünscht',
    'kein kontakt erwuenscht',
    'Kunde möchte nicht mehr kontaktiert werden',
    'Bitte nicht mehr kontaktieren',
    'Werbung unerwünscht',
    'Kontakt nicht erwünscht',
    'Widerspruch gegen Werbung (Art. 21)',
    'Daten löschen!',
    'Do not contact me',
    "Don't call me again",
    'No more marketing please',
    'Unsubscribe',
    'STOP CALLING',
    'Please remove me from your mailing list',
    'customer opted out',
    'Moved; leave me alone',
  ])('recognises "%s"', (text) => {
    expect(findObjectionPhrase(text)).toBeDefined();
    expect(checkPermission({ ...open, reason: text }).excludedReason).toBe('no_permission');
  });

  it.each([
    'zu teuer',
    'Kein Kontakt zum Vertrieb möglich',
    'Ansprechpartner hat gewechselt, kein Kontakt mehr zum Außendienst',
    'No contact from support for weeks',
    'Competitor made better offer',
    'Werbung der Konkurrenz war überzeugender',
    'Nicht wegen dem Preis',
    '',
  ])('does not read "%s" as an objection', (text) => {
    expect(findObjectionPhrase(text)).toBeUndefined();
  });

  it('uses extra phrases from the config', () => {
    expect(findObjectionPhrase('Sperrvermerk gesetzt')).toBeUndefined();
    expect(findObjectionPhrase('Sperrvermerk gesetzt', ['Sperrvermerk'])).toBe('sperrvermerk');
    const r = checkPermission({ ...open, reason: 'SPERRVERMERK' }, cfg({ extraObjectionPhrases: ['Sperrvermerk'] }));
    expect(r.excludedReason).toBe('no_permission');
  });
});

describe('suppression', () => {
  const suppression = buildSuppression([
    { customer_id: ' K-77 ' },
    { email: '  Max.Mustermann@Example.COM ' },
    { phone: '+49 (0)89 / 123 456-7' },
    { customer_id: '', email: '', phone: '' },
  ]);

  it.each<[string, Partial<PermissionInput>]>([
    ['customer_id', { customer_id: 'K-77' }],
    ['email, other case and spaces', { email: 'max.mustermann@example.com' }],
    ['phone, national form', { phone: '089 1234567' }],
    ['phone, 0049 form', { phone: '0049-89-1234567' }],
    ['phone, +49 form', { phone: '+49 89 1234567' }],
  ])('matches on %s and excludes as suppressed', (_name, change) => {
    const r = checkPermission({ ...open, ...change }, cfg(), suppression);
    expect(r.excludedReason).toBe('suppressed');
    expect(CHANNELS.every((c) => r.blockedBy[c] === 'suppressed')).toBe(true);
  });

  it.each([
    ['123', '00123'],
    ['00123', '123'],
    ['="Q9"', 'Q9'],
    ["'=Q9", '=Q9'],
  ])('matches the id "%s" of a list saved from a spreadsheet to the export\'s "%s", as the ledger does', (listed, exported) => {
    const r = checkPermission({ ...open, customer_id: exported }, cfg(), buildSuppression([{ customer_id: listed }]));
    expect(r.excludedReason).toBe('suppressed');
  });

  it('does not match other customers or blank entries', () => {
    expect(checkPermission(open, cfg(), suppression).excludedReason).toBeUndefined();
    expect(checkPermission({ ...open, email: undefined, phone: undefined }, cfg(), suppression).excludedReason).toBeUndefined();
  });

  it('suppression wins over every other rule', () => {
    const r = checkPermission({ ...open, customer_id: 'K-77', do_not_contact: true }, cfg(), suppression);
    expect(r.excludedReason).toBe('suppressed');
  });

  it.each([
    ['030 1234567', '+49301234567'],
    ['+49 30 1234567', '+49301234567'],
    ['0049 30 1234567', '+49301234567'],
    ['+49 (0) 30-123 45 67', '+49301234567'],
    ['+43 1 5356', '+4315356'],
    ['0043 1 5356', '+4315356'],
    ['12', undefined],
    ['', undefined],
  ])('phoneKey(%s) = %s', (input, expected) => {
    expect(phoneKey(input)).toBe(expected);
  });

  it('emailKey trims, lower-cases and rejects non-addresses', () => {
    expect(emailKey(' A@B.De ')).toBe('a@b.de');
    expect(emailKey('mailto:A@B.de')).toBe('a@b.de');
    expect(emailKey('n/a')).toBeUndefined();
  });

  it('a national number matches in the row country and in the list default', () => {
    const list = buildSuppression([{ phone: '(212) 555-0100', country: 'US' }, { phone: '089 1234567' }]);
    expect(checkPermission({ ...open, phone: '212-555-0100', country: 'United States' }, cfg(), list).excludedReason).toBe('suppressed');
    expect(checkPermission({ ...open, phone: '089 1234567', country: 'US' }, cfg(), list).excludedReason).toBe('suppressed');
    expect(checkPermission({ ...open, phone: '212-555-0100' }, cfg(), list).excludedReason).toBeUndefined();
  });

  it('an invalid address or number on the list still suppresses the same text (fail-closed)', () => {
    const list = buildSuppression([{ email: 'Max@Firma' }, { phone: '4,93023E+11' }]);
    expect(checkPermission({ ...open, email: 'max@firma' }, cfg(), list).excludedReason).toBe('suppressed');
    expect(checkPermission({ ...open, phone: '4,93023E+11' }, cfg(), list).excludedReason).toBe('suppressed');
    expect(checkPermission({ ...open, email: 'max@firma.de', phone: '030 9876543' }, cfg(), list).excludedReason).toBeUndefined();
  });
});

describe('chooseChannel', () => {
  const allowed = (...cs: Channel[]): Record<Channel, boolean> => ({
    visit: cs.includes('visit'),
    phone: cs.includes('phone'),
    letter: cs.includes('letter'),
    email: cs.includes('email'),
  });

  it.each<[Channel[], Channel[], boolean, Channel | undefined]>([
    [['visit', 'phone', 'letter'], ['phone', 'letter'], false, 'phone'],
    [['letter', 'phone'], ['phone', 'letter'], false, 'letter'],
    [['phone', 'email'], ['letter'], false, undefined],
    [['phone', 'email'], ['letter', 'visit'], true, 'visit'],
    [['email'], ['email', 'letter'], true, 'email'],
    [[], ['letter'], false, undefined],
    [[], ['letter', 'email'], true, 'letter'],
    [['visit'], [], true, undefined],
  ])('preferred %j, allowed %j, fallback %s → %s', (preferred, ok, fallback, expected) => {
    expect(chooseChannel(preferred, allowed(...ok), { fallbackOutsidePreference: fallback })).toBe(expected);
  });

  it('only ever returns an allowed channel (property)', () => {
    const channels = fc.subarray([...CHANNELS]);
    fc.assert(
      fc.property(channels, channels, fc.boolean(), (preferred, ok, fallback) => {
        const chosen = chooseChannel(preferred, allowed(...ok), { fallbackOutsidePreference: fallback });
        if (chosen !== undefined) expect(ok).toContain(chosen);
        if (!fallback && chosen !== undefined) expect(preferred).toContain(chosen);
        if (preferred.some((c) => ok.includes(c))) expect(chosen).toBe(preferred.find((c) => ok.includes(c)));
      }),
    );
  });
});
