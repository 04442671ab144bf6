import { describe, expect, it } from 'vitest';
import { parseBoolean, parseObjection } from '../../../src/domain/parse/boolean.js';

describe('parseBoolean', () => {
  it.each(['yes', 'Ja', 'TRUE', '1', 'x', 'X', 'j', 'y', 'wahr'])('%s is yes', (raw) => expect(parseBoolean(raw)).toBe(true));
  it.each(['no', 'Nein', 'false', '0', 'n', 'falsch'])('%s is no', (raw) => expect(parseBoolean(raw)).toBe(false));
  it('blank is absent', () => expect(parseBoolean('  ')).toBeUndefined());
  it.each(['vielleicht', 'maybe', 'unknown', '2'])('%s is unclear (null), never a guess', (raw) => expect(parseBoolean(raw)).toBeNull());
});

describe('parseObjection', () => {
  it.each(['opted out', 'Opt-Out', 'optout', 'widerrufen', 'Revoked', 'withdrawn', 'abgemeldet', 'unsubscribed'])('%s in an objection column is an objection', (raw) => {
    expect(parseObjection(raw)).toBe(true);
    // The same word in a consent column withdraws the consent.
    expect(parseBoolean(raw) === true).toBe(false);
  });
  it.each(['no', 'Nein', '0', 'keine'])('%s is no objection', (raw) => expect(parseObjection(raw)).toBe(false));
  it.each(['yes', 'ja', 'x'])('%s is an objection', (raw) => expect(parseObjection(raw)).toBe(true));
  it('blank is absent and a stray word unclear', () => {
    expect(parseObjection('')).toBeUndefined();
    expect(parseObjection('vielleicht')).toBeNull();
  });
});
