import { describe, expect, it } from 'vitest';
import { parseBoolean } from '../../../src/domain/parse/boolean.js';

describe('parseBoolean', () => {
  it.each(['yes', 'Ja', 'TRUE', '1', 'x', 'X', 'j', 'y', 'wahr'])('%s is yes', (raw) => expect(parseBoolean(raw)).toBe(true));
  it.each(['no', 'Nein', 'false', '0', 'n', 'falsch'])('%s is no', (raw) => expect(parseBoolean(raw)).toBe(false));
  it('blank is absent', () => expect(parseBoolean('  ')).toBeUndefined());
  it.each(['vielleicht', 'maybe', 'unknown', '2'])('%s is unclear (null), never a guess', (raw) => expect(parseBoolean(raw)).toBeNull());
});
