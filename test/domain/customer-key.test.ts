import { describe, expect, it } from 'vitest';
import { customerKey } from '../../src/domain/campaign/customer-key.js';

describe('customerKey', () => {
  it.each([
    ['00123', '123'],
    [' 123 ', '123'],
    ['="00123"', '123'],
    ["'00123", '123'],
    ["'C9", 'C9'],
    ['="D1"', 'D1'],
    ["'=\"D1\"", 'D1'],
    ["'=A1", '=A1'],
    ['KD-0001', 'KD-0001'],
    ['0', '0'],
    ["'", "'"],
  ])('keys %j as %j', (id, key) => expect(customerKey(id)).toBe(key));
});
