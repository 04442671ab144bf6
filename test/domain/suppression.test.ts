/** The cells of a suppression list read for every address and number they hold (src/domain/permission/suppression.ts). */
import { describe, expect, it } from 'vitest';
import { contactPointsIn } from '../../src/domain/permission/suppression.js';

describe('contactPointsIn', () => {
  it.each([
    ['a@x.de;b@y.de', ['a@x.de', 'b@y.de'], []],
    ['person74@example.co.uk (unsubscribed 12/10)', ['person74@example.co.uk'], []],
    ['07911 123072 / 07911 123073', [], ['07911 123072', '07911 123073']],
    ['07911 123075 (mobile)', [], ['07911 123075']],
    // A day beside an entry is no number to call.
    ['2026-10-01', [], []],
    ['01.10.2026', [], []],
    ['', [], []],
  ])('finds in %j the addresses %j and the numbers %j', (cell, emails, phones) => {
    expect(contactPointsIn(cell)).toEqual({ emails, phones });
  });
});
