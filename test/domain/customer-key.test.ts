import { describe, expect, it } from 'vitest';
import { customerKey } from '../../src/domain/campaign/customer-key.js';

describe('customerKey', () => {
  it.each([
    ['00123', '123'],
    [' 123 ', '123'],
    ['="00123"', '123'],
    ["'00123", '123'],
    ["'C9", 'c9'],
    ['="D1"', 'd1'],
    ["'=\"D1\"", 'd1'],
    ["'=A1", '=a1'],
    ['KD-0001', 'kd-0001'],
    // Case and the dashes of other systems are folded: "c-00128" and "C‐00128" are C-00128.
    ['c-00128', 'c-00128'],
    ['C\u201000128', 'c-00128'],
    ['C\uff0d00128', 'c-00128'],
    ['Kd\u2013Ä1', 'kd-ä1'],
    // A plain dash beside another one: both plain.
    ['KD-100\u20102', 'kd-100-2'],
    ['0', '0'],
    ["'", "'"],
    // Other separators a system or a person writes between an id's parts: all one customer (the objector of
    // one spelling was listed under another).
    ['KD 1005', 'kd-1005'],
    ['KD_1005', 'kd-1005'],
    ['KD/1005', 'kd-1005'],
    ['KD.1005', 'kd-1005'],
    ['KD - 1005', 'kd-1005'],
    ['KD\t1005', 'kd-1005'],
    // Full-width letters and digits, and a number a spreadsheet wrote with a decimal zero.
    ['\uff2b\uff24\uff0d\uff19\uff10\uff10\uff16', 'kd-9006'],
    ['9008.0', '9008'],
    ['009008,00', '9008'],
    ['9008.5', '9008-5'],
  ])('keys %j as %j', (id, key) => expect(customerKey(id)).toBe(key));
});
