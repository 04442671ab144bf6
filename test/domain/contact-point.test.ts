import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emailKey, isPhoneCountry, mailboxKey, isPlaceholder, normaliseEmailAddress, normalisePhoneNumber, phoneCountryOf, personAtAddressKey, phoneKey } from '../../src/domain/permission/contact-point.js';
import { say } from '../../src/domain/catalogue/index.js';
import { propertyRuns } from '../support/property.js';

describe('normaliseEmailAddress', () => {
  it.each<[string, string]>([
    ['anna@example.de', 'anna@example.de'],
    ['  anna@example.de ', 'anna@example.de'],
    ['Anna.Berg@Example.DE', 'Anna.Berg@example.de'],
    ['mailto:max@firma.de', 'max@firma.de'],
    ['MAILTO:max@firma.de?subject=Hallo', 'max@firma.de'],
    ['Max <max@firma.de>', 'max@firma.de'],
    ['"Muster, Max" <max@Firma.de>', 'max@firma.de'],
    ['<max@firma.de>', 'max@firma.de'],
    ['max+winback@firma.co.uk', 'max+winback@firma.co.uk'],
    ['jörg@müller.de', ''],
    ['joerg@müller.de', 'joerg@müller.de'],
    ['info@xn--mller-kva.de', 'info@xn--mller-kva.de'],
  ])('%j → %j', (input, expected) => {
    const r = normaliseEmailAddress(input);
    if (expected === '') expect(r.ok).toBe(false);
    else expect(r).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string]>([
    ['a@b', 'domain'],
    ['a@b.', 'domain'],
    ['a@.de', 'domain'],
    ['a@b.c', 'domain'],
    ['a@b.d3', 'domain'],
    ['@firma.de', 'before @'],
    ['max..muster@firma.de', 'before @'],
    ['.max@firma.de', 'before @'],
    ['max@-firma.de', 'domain'],
    ['max@firma_x.de', 'domain'],
    ['max@firma.de, anna@firma.de', 'more than one'],
    ['max@firma.de;anna@firma.de', 'more than one'],
    ['max@firma.de anna@firma.de', 'more than one'],
    ['max@firma.de@x.de', 'more than one'],
    ['max muster@firma.de', 'more than one'],
    ['max.firma.de', 'no @'],
    ['Max <max@firma>', 'domain'],
    ['mailto:', 'no @'],
  ])('%j is not usable (%s)', (input, problem) => {
    const r = normaliseEmailAddress(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.blank).toBe(false);
      expect(say('en', 'contact', r.problem)).toContain(problem);
    }
  });

  it.each(['', '   ', 'n/a', 'N/A', 'keine', '-', 'unbekannt', 'none'])('%j is blank (a placeholder)', (input) => {
    expect(normaliseEmailAddress(input)).toMatchObject({ ok: false, blank: true });
    expect(isPlaceholder(input)).toBe(true);
  });

  it('a cell is a placeholder exactly when, trimmed and lower-cased, it is empty or one of the placeholder words (property)', () => {
    const words = ['-', '--', '---', '?', '.', '0', 'x', 'xx', 'n/a', 'n.a.', 'na', 'k.a.', 'k. a.', 'k.a', 'none', 'null', 'nil', 'unknown', 'keine', 'kein', 'keine angabe', 'unbekannt', 'nicht vorhanden', 'fehlt', 'tbd', 'no', 'nein'];
    const padded = fc.tuple(fc.constantFrom('', ' ', '\t', '\u00a0'), fc.constantFrom(...words, '+49 30 1234', '(030) 1234', '030 1234', '0', '00', 'NICHT VORHANDEN', 'İ', 'max@firma.de'), fc.constantFrom('', ' ', '  ')).map(([a, w, b]) => a + w + b);
    fc.assert(
      fc.property(fc.oneof(padded, fc.string({ maxLength: 20 })), (text) => {
        const t = text.trim().toLowerCase();
        expect(isPlaceholder(text)).toBe(t === '' || words.includes(t));
      }),
      propertyRuns(100),
    );
  });

  it('keys two spellings of one mailbox alike', () => {
    expect(emailKey('Max <Max.Muster@Firma.DE>')).toBe('max.muster@firma.de');
    expect(emailKey('mailto:max.muster@firma.de')).toBe('max.muster@firma.de');
    expect(emailKey('a@b')).toBeUndefined();
  });

  it('a usable address has exactly one @, no spaces and a lower-case domain (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), fc.string(), fc.constantFrom('Max <max@Firma.DE>', 'mailto:a@b.de', 'a@b')), (text) => {
        const r = normaliseEmailAddress(text);
        if (!r.ok) return;
        const [local, domain, ...more] = r.value.split('@');
        expect(more).toEqual([]);
        expect(local).not.toBe('');
        expect(domain).toBe(domain?.toLowerCase());
        expect(r.value).not.toMatch(/[\s,;<>]/);
        expect(normaliseEmailAddress(r.value)).toEqual(r);
      }),
      propertyRuns(100),
    );
  });
});

describe('mailboxKey', () => {
  it.each([
    ['Harry.Potts@gmail.com', 'harrypotts@gmail.com'],
    ['h.a.r.r.y.potts@gmail.com', 'harrypotts@gmail.com'],
    ['harry.potts@googlemail.com', 'harrypotts@gmail.com'],
    ['harry.potts+offers@gmail.com', 'harrypotts@gmail.com'],
    ['eve.black+shop@example.co.uk', 'eve.black@example.co.uk'],
    // Dots elsewhere are part of the mailbox; a "+" first is no tag.
    ['max.muster@web.de', 'max.muster@web.de'],
    ['+tag@example.com', '+tag@example.com'],
  ])('keys %s as %s', (address, key) => expect(mailboxKey(address)).toBe(key));

  it('is what emailKey gives for a usable address, and idempotent (property)', () => {
    const local = fc.stringMatching(/^[a-z0-9][a-z0-9.+_-]{0,12}[a-z0-9]$/).filter((l) => !l.includes('..') && !l.includes('.+') && !l.includes('+.'));
    const domain = fc.constantFrom('gmail.com', 'googlemail.com', 'web.de', 'example.co.uk');
    fc.assert(
      fc.property(local, domain, (l, d) => {
        const address = `${l}@${d}`;
        const key = mailboxKey(address);
        expect(mailboxKey(key)).toBe(key);
        if (normaliseEmailAddress(address).ok) expect(emailKey(address)).toBe(key);
      }),
      propertyRuns(100),
    );
  });
});

describe('normalisePhoneNumber', () => {
  it.each<[string, string, string]>([
    ['030 1234567', '+49301234567', 'DE'],
    ['030/123 45 67', '+49301234567', 'DE'],
    ['(030) 123 45 67', '+49301234567', 'DE'],
    ['+49 30 1234567', '+49301234567', 'DE'],
    ['+49 (0)30 1234567', '+49301234567', 'DE'],
    ['0049 30 1234567', '+49301234567', 'DE'],
    ['0049-(0)30-1234567', '+49301234567', 'DE'],
    ['49301234567', '+49301234567', 'DE'],
    ['0171 2345678', '+491712345678', 'DE'],
    ['+49 171 2345678', '+491712345678', 'DE'],
    ['tel:+49-30-1234567', '+49301234567', 'DE'],
    ['+43 1 5356', '+4315356', 'DE'],
    ['0043 1 5356', '+4315356', 'DE'],
    ['+1 212 555 0100', '+12125550100', 'DE'],
    ['01 5356', '+4315356', 'AT'],
    ['044 668 18 00', '+41446681800', 'CH'],
  ])('%j → %s (default country %s)', (input, expected, country) => {
    expect(normalisePhoneNumber(input, country)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string]>([
    ['1234', 'not a valid number'],
    ['+49', 'too short'],
    ['+49 1234', 'not a valid number'],
    ['4,93023E+11', 'scientific notation'],
    ['4.93023E+11', 'scientific notation'],
    ['4,93023e11', 'scientific notation'],
    ['00000000', 'not a valid number'],
    ['0123456789', 'not a valid number'],
    ['030 123456 / 0171 2345678', 'not a phone number'],
    ['Büro 030 1234567', 'not a phone number'],
    ['tel. siehe Notiz', 'no digits'],
  ])('%j is not usable (%s)', (input, problem) => {
    const r = normalisePhoneNumber(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.blank).toBe(false);
      expect(say('en', 'contact', r.problem)).toContain(problem);
    }
  });

  it.each(['', ' ', 'keine', 'n/a', '-', '0', 'unbekannt'])('%j is blank (a placeholder)', (input) => {
    expect(normalisePhoneNumber(input)).toMatchObject({ ok: false, blank: true });
  });

  it('reads a national number in the default country', () => {
    expect(phoneKey('01 5356 1234', 'AT')).toBe('+43153561234');
    expect(phoneKey('01 5356 1234', 'DE')).toBeUndefined();
  });

  it('a usable number is E.164: + and 8 to 15 digits, and normalises to itself (property)', () => {
    const digits = fc.stringMatching(/^[0-9 ()/+-]{0,20}$/);
    fc.assert(
      fc.property(fc.oneof(digits, fc.constantFrom('030 1234567', '+49 171 2345678', '0043 1 5356')), (text) => {
        const r = normalisePhoneNumber(text);
        if (!r.ok) return;
        expect(r.value).toMatch(/^\+[1-9]\d{6,14}$/);
        expect(normalisePhoneNumber(r.value)).toEqual(r);
      }),
      propertyRuns(100),
    );
  });
});

describe('phoneCountryOf', () => {
  it.each<[string | undefined, string]>([
    [undefined, 'DE'],
    ['', 'DE'],
    ['US', 'US'],
    ['us', 'US'],
    ['USA', 'US'],
    ['United States', 'US'],
    ['Deutschland', 'DE'],
    ['D', 'DE'],
    ['Österreich', 'AT'],
    ['Schweiz', 'CH'],
    ['Atlantis', 'DE'],
  ])('%j → %s', (country, code) => {
    expect(phoneCountryOf(country)).toBe(code);
  });

  it('falls back to the configured country', () => {
    expect(phoneCountryOf(undefined, 'AT')).toBe('AT');
    expect(phoneCountryOf('Narnia', 'CH')).toBe('CH');
  });
});

describe('isPhoneCountry', () => {
  it.each<[string, boolean]>([
    ['DE', true],
    ['AT', true],
    ['CH', true],
    ['de', false],
    ['XX', false],
    ['GER', false],
  ])('%s → %s', (code, ok) => {
    expect(isPhoneCountry(code)).toBe(ok);
  });
});

describe('personAtAddressKey', () => {
  const key = (name: string, street: string, postal_code = '10115') => personAtAddressKey({ name, street, postal_code });
  const base = key('Hans Meier', 'Lange Straße 7');

  // Spellings a QA round found unmatched (2026-12-07): a letter or visit went to the objector.
  it.each([
    ['Dr. Hans Meier', 'Lange Straße 7'], ['Meier, Hans', 'Lange Straße 7'], ['Herrn Hans Meier', 'Lange Strasse 7'],
    ['Hans Meier', 'Lange Str. 7'], ['Hans Meier', 'Lange Straße Nr. 7'], ['Hans Meier', 'Lange Straße 7, 2. OG'],
    ['Hans Meier', 'Lange Straße 7 (Hinterhaus)'], ['HANS MEIER', 'lange-straße 7'], ['Hans Meier', 'Langestraße 7'],
  ])('reads %s, %s as the same person at the same address', (name, street) => {
    expect(key(name, street)).toBe(base);
  });

  it.each([
    ['Anna Meier', 'Lange Straße 7'], ['Hans Meier', 'Lange Straße 9'], ['Hans Meier', 'Lange Straße 7a'],
    ['Hans Peter Meier', 'Lange Straße 7'], ['Hans Meier', 'Kurze Straße 7'],
  ])('keeps %s, %s apart (another person, another door)', (name, street) => {
    expect(key(name, street)).not.toBe(base);
  });

  it('reads a place abbreviated, and an ordinal in a street name as part of the name', () => {
    expect(key('X', 'Marktpl. 7')).toBe(key('X', 'Marktplatz 7'));
    expect(key('X', 'Straße des 17. Juni 5')).not.toBe(key('X', 'Straße des 17. Juni 9'));
    expect(key('X', '', '10115')).toBeUndefined();
  });
});
