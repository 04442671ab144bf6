import { describe, expect, it } from 'vitest';
import { createRowConverter, parseSegment } from '../../src/domain/read/row-convert.js';
import { LOST_CUSTOMER_SCHEMA } from '../../src/domain/read/fields.js';
import { mapHeaders } from '../../src/domain/read/header-map.js';
import { messages } from '../../src/domain/catalogue/index.js';
import { parseBoolean } from '../../src/domain/parse/boolean.js';

// The converter reads every cell into one reused result and remembers segment spellings:
// nothing of one cell or row may show in the next.
const HEADERS = ['Customer ID', 'Segment', 'Orders', 'Revenue', 'Churn Date', 'Email Opt-In'];
const { mapping } = mapHeaders(HEADERS, LOST_CUSTOMER_SCHEMA, {}, messages('en').read.texts);
const convert = () => createRowConverter(HEADERS, mapping, LOST_CUSTOMER_SCHEMA, { decimal: '.', dateOrder: 'ymd' });

describe('converting rows one after another', () => {
  it('gives each row its own values, warnings and problems', () => {
    const c = convert();
    const bad = c(['C-1', 'B2B', 'many', '12.5', '2024-01-31', 'yes'], 2);
    const good = c(['C-2', 'B2C', '3', '7', '2024-02-29', 'maybe'], 3);
    const threeBad = c(['C-3', 'B2B', '-1', 'lots', '2024-02-30', 'no'], 4);
    const plain = c(['C-4', '', '4', '8', '', 'NO '], 5);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reject).toMatchObject({ line: 2, column: 'Orders', value: 'many' });
    expect(good).toMatchObject({ ok: true, values: { customer_id: 'C-2', segment: 'B2C', orders: 3, revenue: 7, consent_email: null } });
    if (good.ok) expect(good.warnings).toHaveLength(1);
    expect(threeBad.ok).toBe(false);
    if (!threeBad.ok) {
      // In the schema's order of fields: the date first, then orders and revenue.
      expect(threeBad.reject.column).toBe('Churn Date');
      expect(threeBad.reject.error).toContain("Orders '-1'");
      expect(threeBad.reject.error).toContain("Revenue 'lots'");
    }
    expect(plain).toMatchObject({ ok: true, values: { customer_id: 'C-4', segment: undefined, orders: 4, consent_email: false }, warnings: [] });
  });

  it('reads every segment spelling as parseSegment does, also past the spellings it remembers', () => {
    const c = convert();
    const spellings = ['Privat', 'Geschäftskunde', 'Premium', ' business ', 'B2C'];
    for (let i = 0; i < 300; i++) spellings.push(`Kunde ${i}`, i % 2 === 0 ? `Firma ${i}` : `privat ${i}`);
    for (const round of [1, 2]) {
      spellings.forEach((s, i) => {
        const r = c([`C-${round}-${i}`, s, '1', '1', '2024-01-31', 'yes'], i + 2);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.values.segment).toBe(parseSegment(s));
        expect(r.warnings.length).toBe(parseSegment(s) === undefined ? 1 : 0);
      });
    }
  });
});

describe('parseBoolean', () => {
  it.each([
    ['yes', true], ['ja', true], ['JA', true], [' true ', true], ['1', true],
    ['no', false], ['Nein', false], [' 0', false], ['-', false],
    ['maybe', null], ['', undefined], ['  ', undefined],
  ])('%j reads %j', (raw, expected) => {
    expect(parseBoolean(raw)).toBe(expected);
  });
});

// A rejected row is not planned, but the number in it may be a person's who objected
// (permission/objector-keys.ts): its reject carries what its cells can be read to say.
describe('the readings of a rejected row', () => {
  const head = ['Customer ID', 'Name', 'Phone', 'Revenue', 'Do Not Contact'];
  const readings = (cells: string[]) => {
    const m = mapHeaders(head, LOST_CUSTOMER_SCHEMA, {}, messages('en').read.texts).mapping;
    const row = createRowConverter(head, m, LOST_CUSTOMER_SCHEMA, { decimal: '.', dateOrder: 'ymd' })(cells, 2);
    expect(row.ok).toBe(false);
    return row.ok ? [] : (row.readings ?? []);
  };

  it('holds the values of a row with a bad cell, that cell left empty', () => {
    expect(readings(['O-1', 'Omega', '030 1000001', 'abc', 'no'])).toEqual([expect.objectContaining({ customer_id: 'O-1', phone: '030 1000001', revenue: undefined, do_not_contact: false })]);
  });

  it('holds every way a record with a field too many lines up with the header, the right one among them', () => {
    const r = readings(['O-1', 'Omega', ' Berlin', '030 1000001', '500', 'yes']);
    expect(r.length).toBeGreaterThan(1);
    expect(r).toContainEqual(expect.objectContaining({ customer_id: 'O-1', name: 'Omega, Berlin', phone: '030 1000001', revenue: 500, do_not_contact: true }));
  });

  it('holds every way a record with a field too few lines up, and none for one far off', () => {
    expect(readings(['O-1', '030 1000001', '500', 'yes'])).toContainEqual(expect.objectContaining({ customer_id: 'O-1', phone: '030 1000001', do_not_contact: true }));
    expect(readings(['O-1', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'])).toEqual([]);
  });

  it('holds the values of a row without an id', () => {
    expect(readings(['', 'Omega', '030 1000001', '500', 'yes'])).toEqual([expect.objectContaining({ phone: '030 1000001', do_not_contact: true })]);
  });
});

describe('an id a spreadsheet wrote in scientific notation', () => {
  it('is rejected: its digits are lost', () => {
    const row = convert()(['1.23457E+11', 'B2B', '3', '7', '2024-02-29', 'yes'], 2);
    expect(row.ok).toBe(false);
    if (!row.ok) expect(row.reject).toMatchObject({ column: 'Customer ID', value: '1.23457E+11', error: expect.stringContaining('scientific notation') });
    expect(convert()(['1E5X', 'B2B', '3', '7', '2024-02-29', 'yes'], 2).ok).toBe(true);
    // A code such as "3E8" (no sign: no spreadsheet wrote it) is an id.
    expect(convert()(['3E8', 'B2B', '3', '7', '2024-02-29', 'yes'], 2).ok).toBe(true);
    expect(convert()(['1,2345E+04', 'B2B', '3', '7', '2024-02-29', 'yes'], 2).ok).toBe(false);
  });
});
