import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pack, unpack } from '../../src/domain/record-codec.js';
import { listColumns } from '../../src/io/campaign-output.js';
import { createCsvFormatter, EXCEL_DE_CSV, PLAIN_CSV } from '../../src/io/csv/write.js';

describe('the campaign spool record', () => {
  it('gives back any fields packed, whatever characters they hold', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', ':', '12:', '3:abc', '"a, b"\n', '=SUM(A1)'));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 8 }), (fields) => {
        expect(unpack(pack(fields))).toEqual(fields);
      }),
    );
  });

  it('holds a list row formatted around its priority that reads as the whole row formatted at once', () => {
    const cell = fc.oneof(fc.string(), fc.double({ noNaN: true, min: -1e9, max: 1e9 }), fc.integer({ min: 19000, max: 22000 }), fc.constant(undefined));
    const columns = listColumns('letter');
    const at = columns.findIndex((c) => c.name === 'priority');
    for (const fmt of [PLAIN_CSV, EXCEL_DE_CSV]) {
      const f = createCsvFormatter(columns, fmt);
      fc.assert(
        fc.property(fc.array(cell, { minLength: columns.length, maxLength: columns.length }), fc.integer({ min: 1, max: 1e7 }), (values, priority) => {
          const { head, tail } = f.around(values, at);
          const whole = [...values];
          whole[at] = priority;
          expect(head + f.cell(priority, at) + tail).toBe(f.row(whole));
        }),
      );
    }
  });
});
