/** The cells of a suppression list (and an objector's) read for every address and number they hold (src/domain/permission/contact-point.ts). */
import { describe, expect, it } from 'vitest';
import { contactPointsIn, withoutContactPoints } from '../../src/domain/permission/contact-point.js';

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

describe('withoutContactPoints', () => {
  const none = { email: false, phone: false };
  it.each([
    ['Hr. Meier (mobil 0171 4444444, meier.privat@gmx.de)', none, 'Hr. Meier (mobil […], […])'],
    ['zu teuer (privat erreichbar unter +49 30 1234567)', none, 'zu teuer (privat erreichbar unter […])'],
    ['anrufen unter 0171 4444444, mail an a@b.de', { email: true, phone: false }, 'anrufen unter […], mail an a@b.de'],
    ['anrufen unter 0171 4444444, mail an a@b.de', { email: false, phone: true }, 'anrufen unter 0171 4444444, mail an […]'],
    // A day, an amount, a short number and a contract number stay.
    ['gekündigt am 01.03.2026, 0,5 % zu teuer, Vertrag 12345678, Zimmer 012', none, 'gekündigt am 01.03.2026, 0,5 % zu teuer, Vertrag 12345678, Zimmer 012'],
  ])('%j → %j', (text, allowed, expected) => {
    expect(withoutContactPoints(text, allowed)).toBe(expected);
  });
});
