/** wrap (io/render.ts): the text wrap the worksheet and the results tables share. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrap } from '../../src/io/render.js';

describe('wrap', () => {
  it.each([
    ['short text stays on one line', 'a b c', 40, '', 'a b c'],
    ['breaks at spaces, continuation indented two more', 'one two three four five six', 20, '', 'one two three four\n  five six'],
    ['every line starts with the indent', 'one two three four five six', 22, '  ', '  one two three four\n    five six'],
    ['a word longer than the line is split, not cut', 'x'.repeat(25), 20, '', `${'x'.repeat(18)}\n  ${'x'.repeat(7)}`],
  ])('%s', (_name, text, width, indent, expected) => {
    expect(wrap(text, width, indent)).toBe(expected);
  });

  it('keeps every word and no line is wider than the width', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'ä', 'b', '€', '1'), minLength: 1, maxLength: 30 });
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 20 }), fc.integer({ min: 14, max: 100 }), (words, width) => {
      const lines = wrap(words.join(' '), width, '').split('\n');
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(width);
      expect(lines.join(' ').split(/\s+/).join('')).toBe(words.join(''));
    }), { numRuns: 100 });
  });
});
