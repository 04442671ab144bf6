import { describe, expect, it } from 'vitest';
import { ByteCodes, grown } from '../../src/domain/compact.js';

describe('ByteCodes', () => {
  it('gives each distinct text a byte, the same one again, and the text back', () => {
    const codes = new ByteCodes('statuses');
    expect([codes.code('list:email'), codes.code('not_due'), codes.code('list:email'), codes.code('')]).toEqual([0, 1, 0, 2]);
    expect([0, 1, 2].map((c) => codes.text(c))).toEqual(['list:email', 'not_due', '']);
  });

  it('refuses a 257th distinct text, naming what it holds', () => {
    const codes = new ByteCodes('offers');
    for (let i = 0; i < 256; i++) expect(codes.code(`o${i}`)).toBe(i);
    expect(codes.code('o255')).toBe(255);
    expect(() => codes.code('one too many')).toThrow(/at most 256 distinct offers/);
  });
});

describe('grown', () => {
  it('copies a typed array into the start of a larger one', () => {
    const to = grown(Float64Array.of(1.5, -0, 3), new Float64Array(5));
    expect([...to]).toEqual([1.5, -0, 3, 0, 0]);
    expect(Object.is(to[1], -0)).toBe(true);
  });
});
