import { describe, expect, it } from 'vitest';
import { ByteCodes, grown } from '../../src/domain/compact.js';

describe('ByteCodes', () => {
  it('gives each distinct text a byte, the same one again, and the text back', () => {
    const codes = new ByteCodes('statuses');
    expect([codes.code('list:email'), codes.code('not_due'), codes.code('list:email'), codes.code('')]).toEqual([0, 1, 0, 2]);
    expect([0, 1, 2].map((c) => codes.text(c))).toEqual(['list:email', 'not_due', '']);
  });

  it('refuses a text past its limit, naming what it holds; a larger limit holds more', () => {
    const codes = new ByteCodes('offers');
    for (let i = 0; i < 256; i++) expect(codes.code(`o${i}`)).toBe(i);
    expect(codes.code('o255')).toBe(255);
    expect(() => codes.code('one too many')).toThrow(/at most 256 distinct offers/);
    const wide = new ByteCodes('offers', 1 << 16);
    for (let i = 0; i < 300; i++) wide.code(`o${i}`);
    expect([wide.code('o299'), wide.text(299)]).toEqual([299, 'o299']);
  });
});

describe('grown', () => {
  it('copies a typed array into the start of a larger one', () => {
    const to = grown(Float64Array.of(1.5, -0, 3), new Float64Array(5));
    expect([...to]).toEqual([1.5, -0, 3, 0, 0]);
    expect(Object.is(to[1], -0)).toBe(true);
  });
});
