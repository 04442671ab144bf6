import { describe, expect, it } from 'vitest';
import { messages } from '../../src/domain/catalogue/index.js';

describe('row counts in warnings', () => {
  it('say one row in the singular, in English and German', () => {
    expect(messages('en').plan.unknownReasons(1)).toMatch(/^1 row with an unknown reason/);
    expect(messages('de').plan.unknownReasons(1)).toMatch(/^1 Zeile mit unbekanntem Grund/);
    expect(messages('de').plan.rowWarnings(2)).toMatch(/^2 Zeilen mit unklaren Werten/);
    expect(messages('en').plan.defaultMargins(1, '25')).toMatch(/^1 row without margin/);
  });
});
