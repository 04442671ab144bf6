/**
 * normaliseEmailAddress checks an ASCII domain in one pass instead of a pattern per label, and
 * normalisePhoneNumber reads plainly written cells without the library's extension search and
 * checks validity with the numbering plans' patterns compiled once. These tests hold it to the
 * library's own path — parsePhoneNumberFromString(…, { extract: false }) and isValid() with the
 * `max` metadata, as the function read before — for the validity, the E.164 value and the
 * problem key of every cell.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { isPlaceholder, normaliseEmailAddress, normalisePhoneNumber, type ContactCheck } from '../../src/domain/permission/contact-point.js';
import { propertyRuns } from '../support/property.js';

/** The library's plain path: what normalisePhoneNumber answered before it was made cheaper. */
function oracle(text: string | undefined, defaultCountry: string): ContactCheck {
  if (isPlaceholder(text)) return { ok: false, blank: true, problem: { key: 'blank', args: [] } };
  const t = (text as string).trim();
  const bad = (problem: Extract<ContactCheck, { ok: false }>['problem']): ContactCheck => ({ ok: false, blank: false, problem });
  if (/^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i.test(t)) return bad({ key: 'scientific', args: [] });
  const digits = t.replace(/\D/g, '');
  if (digits.length === 0) return bad({ key: 'noDigits', args: [] });
  const parsed = parsePhoneNumberFromString(t.replace(/^tel:/i, ''), { defaultCountry: defaultCountry as CountryCode, extract: false });
  if (parsed === undefined) return bad(digits.length < 5 ? { key: 'tooShort', args: [] } : { key: 'notPhone', args: [defaultCountry] });
  if (!parsed.isValid()) return bad({ key: 'invalidIn', args: [parsed.country ?? `+${parsed.countryCallingCode}`] });
  return { ok: true, value: parsed.number };
}

const COUNTRIES = ['DE', 'AT', 'CH', 'US', 'CA', 'GB', 'FR', 'IT', 'LI'];

// Cells that have tripped phone parsers: +1 countries (one calling code, many plans), Swiss and
// Austrian numbers, extensions in their many spellings, "tel:" URIs, letters, two numbers in a
// cell, what Excel makes of numbers, other digit scripts, short cells with separators. A valid
// ";phone-context=" is left out: the library checks it with a global regular expression whose
// lastIndex survives the call, so its answer alternates from one such cell to the next.
const AWKWARD = [
  '+1 212 555 0100', '+1 (416) 555-0199', '+1 876 927 1234', '+1 800 555 0100', '+1 999 555 0100', '1 212 555 0100', '(212) 555-0100', '212.555.0100',
  '001 212 555 0100', '+1 242 357 1234', '+1 684 733 1234', '+12125550100', '+1', '+1 2', '+1 212',
  '044 668 18 00', '+41 44 668 18 00', '0041 44 668 18 00', '+41 (0)44 668 18 00', '079 123 45 67', '+41 79 123 45 67', '+423 235 12 34',
  '01 5356', '+43 1 5356', '0043 1 53561234', '+43 664 1234567', '0664/1234567', '+43 (0) 664 123 45 67', '05 1234 5678',
  '030 1234567 ext. 12', '+49 30 1234567 x 12', '030 1234567 x12', '030 1234567#12', '030 1234567;ext=5', '030 1234567 - 12#', '030 1234567,,12', '030 1234567, 12',
  '+49 30 1234567 Durchwahl 12', '030 1234567 int 4', '030 1234567 ~ 12', '030-1234567-12',
  'tel:+49-30-1234567', 'TEL:+49-30-1234567', 'tel:030-1234567;phone-context=', 'tel:+49-30-1234567;isub=12', 'tel:',
  'Büro 030 1234567', 'Tel. 030 1234567', 'privat: 0171 2345678', 'ab 18 Uhr', '030 123456 / 0171 2345678', '030 1234567 oder 0171 2345678', '030 1234567; 0171 2345678',
  '4,93023E+11', '4.93023E+11', '4,93023e11', '4930123456700', '49301234567', '49301234567.0', '="030 1234567"', "'+49 30 1234567", '+49 30 1234567\u00a0', '030\u00a01234567', '030\t1234567',
  '０３０ １２３４５６７', '+٤٩ ٣٠ ١٢٣٤٥٦٧', '+49 30 1234567 ', '(+49) 30 1234567', '+ 49 30 1234567', '++49 30 1234567', '+49 (0)30 1234567', '0049-(0)30-1234567', '+49+30 1234567',
  '12', '1 2', '1-2', '123', '1 23', '(12)', '+12', '+ 12', '00', '000', '00000000', '0123456789', '1234', '+49', '+49 1234', '+49 30', '+490301234567',
  '25.02.2025', '1.234.567', '0171.2345678', '0171/234 56 78', '(030) 123 45 67', '(0 30) 1 23 45 67', '030 - 123 45 67', ' 0171 2345678 ',
  '+49 171 2345678', '+49 1512 3456789', '+49 800 1234567', '+49 900 1234567', '+49 32 123456789', '+49 7136 89227876', '+49 7136 8922787', '+800 1234 5678', '+882 1234 5678',
  '+44 20 7946 0958', '020 7946 0958', '+44 7624 369230', '+33 1 23 45 67 89', '+39 06 1234 5678', '+7 495 123 45 67', '+7 700 123 4567',
  '', ' ', 'n/a', '-', 'keine', 'x', '+', '()', '(', ')', '/', '.', '+-', 'abc', 'e', '1e5', '1,5E+3', 'x'.repeat(260), '0'.repeat(251), `0301234567${' '.repeat(245)}1`,
];

describe('normalisePhoneNumber answers as the library does', () => {
  it.each(AWKWARD.flatMap((cell) => COUNTRIES.map((country) => [cell, country] as const)))('%j in %s', (cell, country) => {
    expect(normalisePhoneNumber(cell, country)).toEqual(oracle(cell, country));
  });

  it('on cells built from digits, signs, separators and extension marks (property)', () => {
    const piece = fc.oneof(
      fc.stringMatching(/^[0-9]{1,5}$/),
      fc.constantFrom(' ', '-', '/', '.', '(', ')', '+', '#', ',', ';', 'x', ' ext ', 'tel:', '00', '0', '\u00a0', '\t', 'E+', 'e', '１', '٣', 'a', 'ü'),
    );
    const lead = fc.constantFrom('', '+', '+49 ', '+1 ', '+41 ', '+43 ', '0049 ', '001 ', '0', '(0', 'tel:+', 'tel:', '(+49) ');
    const cell = fc.tuple(lead, fc.array(piece, { maxLength: 12 })).map(([a, rest]) => a + rest.join(''));
    fc.assert(
      fc.property(cell, fc.constantFrom(...COUNTRIES), (text, country) => {
        expect(normalisePhoneNumber(text, country)).toEqual(oracle(text, country));
      }),
      propertyRuns(100),
    );
  });

  it('on numbers of the shape exports hold, valid or not, in every country asked (property)', () => {
    const number = fc.tuple(
      fc.constantFrom('+49 ', '+43 ', '+41 ', '+1 ', '+44 ', '0', '00', ''),
      fc.stringMatching(/^[1-9][0-9]{1,4}$/),
      fc.constantFrom(' ', '-', '/', ''),
      fc.stringMatching(/^[0-9]{3,9}$/),
    ).map(([a, b, c, d]) => a + b + c + d);
    fc.assert(
      fc.property(number, fc.constantFrom(...COUNTRIES), (text, country) => {
        expect(normalisePhoneNumber(text, country)).toEqual(oracle(text, country));
      }),
      propertyRuns(100),
    );
  });

  it('keeps answering per country when one number is asked for in turn in more countries than it remembers', () => {
    const asked = ['01 5356 1234', '0664 1234567', '044 668 18 00', '212 555 0100'];
    for (let round = 0; round < 3; round++) {
      for (const cell of asked) {
        for (const country of COUNTRIES) expect(normalisePhoneNumber(cell, country)).toEqual(oracle(cell, country));
      }
    }
  });
});

/** The e-mail check as it read before the one-pass domain check: a pattern per label. */
function emailOracle(text: string | undefined): ContactCheck {
  if (isPlaceholder(text)) return { ok: false, blank: true, problem: { key: 'blank', args: [] } };
  const bad = (problem: Extract<ContactCheck, { ok: false }>['problem']): ContactCheck => ({ ok: false, blank: false, problem });
  let t = (text as string).trim();
  const angle = t.charCodeAt(t.length - 1) === 62 ? /^(?:\s*"[^"]*"\s*|[^"<>]*)<([^<>]*)>$/.exec(t) : null;
  if (angle) t = (angle[1] as string).trim();
  if (/^mailto:/i.test(t)) t = t.slice(7).split('?')[0] as string;
  t = t.trim();
  const at = t.indexOf('@');
  if ((at >= 0 && t.indexOf('@', at + 1) >= 0) || /[,;\s]/.test(t)) return bad({ key: 'several', args: [] });
  if (at < 0) return bad({ key: 'noAt', args: [] });
  const local = t.slice(0, at);
  const domain = t.slice(at + 1).toLowerCase();
  if (local.length === 0 || local.length > 64 || !/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/.test(local)) return bad({ key: 'localInvalid', args: [] });
  const labels = domain.split('.');
  const label = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
  if (domain.length > 253 || labels.length < 2 || !labels.every((l) => label.test(l)) || !/^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu.test(labels[labels.length - 1] as string)) {
    return bad({ key: 'domainInvalid', args: [] });
  }
  return { ok: true, value: `${local}@${domain}` };
}

describe('normaliseEmailAddress answers as the pattern per label did', () => {
  it.each([
    'anna@example.de', 'Anna@Example.DE', 'a@b', 'a@b.', 'a@.de', 'a@b.c', 'a@b.d3', 'a@b.de.', 'a@b..de', 'a@-b.de', 'a@b-.de', 'a@b-c.de', 'a@b--c.de', 'a@1.de', 'a@b.1de',
    'a@b.xn--', 'a@b.xn--p1ai', 'a@b.XN--P1AI', 'a@b.xn--p1ai-', 'a@b.xn-p1ai', 'a@xn--mller-kva.de', 'a@müller.de', 'a@b.de\u212a', 'a@\u212aunde.de', 'a@b.\u0130t',
    'a@b_c.de', 'a@b c.de', 'a@b.d', 'a@b.dd', `a@${'b'.repeat(63)}.de`, `a@${'b'.repeat(64)}.de`, `a@b.${'d'.repeat(63)}`, `a@b.${'d'.repeat(64)}`, `a@b.xn--${'d'.repeat(59)}`, `a@b.xn--${'d'.repeat(60)}`,
    `a@${'b.'.repeat(126)}de`, `a@${'b.'.repeat(125)}de`, 'Max <max@Firma.DE>', 'mailto:a@b.de?x=1', 'a@b.de, c@d.de', 'a@', '@b.de', '', 'n/a',
  ])('%j', (cell) => {
    expect(normaliseEmailAddress(cell)).toEqual(emailOracle(cell));
  });

  it('on addresses built from letters, digits, dots, hyphens and a few characters beyond ASCII (property)', () => {
    const piece = fc.constantFrom('a', 'Z', 'q', '0', '9', '.', '-', '--', 'xn--', 'de', 'com', 'ü', 'é', '\u212a', '\u0130', '_', 'ß', '٣', '１');
    const domain = fc.array(piece, { maxLength: 14 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(domain.map((d) => `max.muster@${d}`), fc.emailAddress(), fc.string({ maxLength: 30 })), (cell) => {
        expect(normaliseEmailAddress(cell)).toEqual(emailOracle(cell));
      }),
      propertyRuns(100),
    );
  });
});
