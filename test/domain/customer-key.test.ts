import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerKey } from '../../src/domain/campaign/customer-key.js';
import { propertyRuns } from '../support/property.js';

describe('customerKey', () => {
  it.each([
    ['00123', '123'],
    [' 123 ', '123'],
    // What a spreadsheet shows as nothing is nothing: a soft hyphen, an Arabic letter mark, a
    // Mongolian vowel separator, a combining grapheme joiner (a QA round, 2026-12-08: "KD\u00ad9005"
    // was a second customer to pacing, a suppression list and an objection); dots set between parts are dashes.
    ['KD\u00ad9005', 'kd9005'],
    ['KD-\u061c9005', 'kd9005'],
    ['\u180eKD-9005', 'kd9005'],
    ['KD-9\u034f005', 'kd9005'],
    ['0012\u00ad345', '12345'],
    ['KD\u00b79005', 'kd9005'],
    // A number format's digit groups (a spreadsheet that read the id as a number): the digits.
    ['12,347', '12347'],
    ['12.348', '12348'],
    ['1 234 567', '1234567'],
    ['12,000', '12000'],
    ['9008.0', '9008'],
    ['12.34', '12-34'],
    ['KD\u20279005', 'kd9005'],
    ['="00123"', '123'],
    ["'00123", '123'],
    ["'C9", 'c9'],
    ['="D1"', 'd1'],
    ["'=\"D1\"", 'd1'],
    ["'=A1", '=a1'],
    ['KD-0001', 'kd0001'],
    // Case and the dashes of other systems are folded: "c-00128" and "C‐00128" are C-00128, and a dash
    // between a letter and a digit is a prefix's mark: "C00128" is C-00128 too (an objector's
    // "k1001" was listed as "K-1001").
    ['c-00128', 'c00128'],
    ['C\u201000128', 'c00128'],
    ['C\uff0d00128', 'c00128'],
    ['C00128', 'c00128'],
    ['00128-c', '00128c'],
    ['A12-b', 'a12b'],
    // Between digits or between letters a dash stays: "12-345" is not "123-45".
    ['12-345', '12-345'],
    ['KD-12-345', 'kd12-345'],
    ['AB-CD', 'ab-cd'],
    ['K--1', 'k--1'],
    ['Kd\u2013Ä1', 'kd-ä1'],
    // A plain dash beside another one: both plain.
    ['KD-100\u20102', 'kd100-2'],
    ['0', '0'],
    ["'", "'"],
    // Other separators a system or a person writes between an id's parts: all one customer (the objector of
    // one spelling was listed under another).
    ['KD 1005', 'kd1005'],
    ['KD_1005', 'kd1005'],
    ['KD/1005', 'kd1005'],
    ['KD.1005', 'kd1005'],
    ['KD - 1005', 'kd1005'],
    ['KD\t1005', 'kd1005'],
    ['KD 10/05', 'kd10-05'],
    // Full-width letters and digits, and a number a spreadsheet wrote with a decimal zero.
    ['\uff2b\uff24\uff0d\uff19\uff10\uff10\uff16', 'kd9006'],
    ['9008.0', '9008'],
    ['009008,00', '9008'],
    ['9008.5', '9008-5'],
  ])('keys %j as %j', (id, key) => expect(customerKey(id)).toBe(key));
});

describe('customerKey drops a dash between a letter and a digit', () => {
  it('as the regular expression /([a-z])-(?=\\d)|(\\d)-(?=[a-z])/g replaces it (property)', () => {
    const reference = (id: string) => id.replace(/([a-z])-(?=\d)|(\d)-(?=[a-z])/g, '$1$2');
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), (id) => {
        expect(customerKey(id)).toBe(reference(id));
      }),
      propertyRuns(300),
    );
  });
});
