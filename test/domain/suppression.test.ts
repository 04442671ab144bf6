/** The cells of a suppression list (and an objector's) read for every address and number they hold (src/domain/permission/contact-point.ts). */
import { describe, expect, it } from 'vitest';
import { contactPointsIn } from '../../src/domain/permission/contact-point.js';

describe('contactPointsIn', () => {
  it.each([
    ['a@x.de;b@y.de', ['a@x.de', 'b@y.de'], []],
    ['person74@example.co.uk (unsubscribed 12/10)', ['person74@example.co.uk'], []],
    ['07911 123072 / 07911 123073', [], ['07911 123072', '07911 123073']],
    ['07911 123075 (mobile)', [], ['07911 123075']],
    // The apostrophe of a spreadsheet's text marker or winback's own formula guard, a label before, a word after.
    ["'+49 30 8234567", [], ['+49 30 8234567']],
    ['Tel.: 030 8234568', [], ['030 8234568']],
    ['mobil: 0171 5550003', [], ['0171 5550003']],
    ['Tel. 030 8234569', [], ['030 8234569']],
    ['Phone (work): +44 20 7946 0958', [], ['+44 20 7946 0958']],
    ['030 1000001 privat', [], ['030 1000001']],
    ['0151 2000002 / 030 2000002', [], ['0151 2000002', '030 2000002']],
    ['max@firma.de, mm@firma.de', ['max@firma.de', 'mm@firma.de'], []],
    // Too few digits: an extension or a time, no number.
    ['Durchwahl 12', [], []],
    // A day beside an entry is no number to call.
    ['2026-10-01', [], []],
    ['01.10.2026', [], []],
    ['', [], []],
  ])('finds in %j the addresses %j and the numbers %j', (cell, emails, phones) => {
    expect(contactPointsIn(cell)).toEqual({ emails, phones });
  });
});
