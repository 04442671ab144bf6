import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord, pack, unpack, type RecordField } from '../../src/domain/record-codec.js';
import { propertyRuns } from '../support/property.js';

const field: fc.Arbitrary<RecordField> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ':', '12:', 's', 'n1', '"a, b"\n'),
  fc.double(),
  fc.constantFrom(-0, 0, Number.NaN, Number.POSITIVE_INFINITY, -Number.MAX_VALUE, 5e-324),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

describe('the compact record codec', () => {
  it('gives back every field with its type and exact value (-0, NaN and infinities too)', () => {
    fc.assert(
      fc.property(fc.array(field, { maxLength: 10 }), (fields) => {
        const back = decodeRecord(encodeRecord(fields));
        expect(back).toHaveLength(fields.length);
        back.forEach((f, i) => expect(Object.is(f, fields[i])).toBe(true));
      }),
      propertyRuns(100),
    );
  });

  it('reads a number field as Number() reads its text (decimals read without Number() too)', () => {
    const decimal = fc.stringMatching(/^-?\d{0,20}(\.\d{0,20})?$/);
    const written = fc.double().map((x) => String(x));
    fc.assert(
      fc.property(fc.oneof(decimal, written, fc.constantFrom('-0', '0', '-', '.', '5.', '.5', '-.5', '1e21', '123456789012345', '1234567890123456', '0.1', '0.30000000000000004')), (text) => {
        const [back] = decodeRecord(`${text.length + 1}:n${text}`);
        expect(Object.is(back, Number(text))).toBe(true);
      }),
      propertyRuns(1000),
    );
  });

  it('gives back the texts of pack() (lengths of many digits too)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 2000 }), fc.constantFrom('', ':', '12:', '0:')), { maxLength: 10 }), (fields) => {
        expect(unpack(pack(fields))).toEqual(fields);
      }),
      propertyRuns(100),
    );
  });

  it('refuses a field it cannot write back', () => {
    expect(() => encodeRecord([{} as unknown as RecordField])).toThrow(/record field/);
  });
});
