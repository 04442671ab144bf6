import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { createCsvFormatter, EXCEL_DE_CSV, formatCsv, formatDecimal, neutralizeFormula, PLAIN_CSV } from '../../src/io/csv/write.js';

describe('formula neutralisation', () => {
  it.each([
    ['=HYPERLINK("http://x","click")', `'=HYPERLINK("http://x","click")`],
    ['+SUM(A1)', `'+SUM(A1)`],
    ['-2+3', `'-2+3`],
    ['@cmd', `'@cmd`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['\n=1', `'\n=1`],
    [' =1+1', `' =1+1`],
    ['＝1+1', `'＝1+1`],
    ['＋1', `'＋1`],
    ['－1', `'－1`],
    ['＠x', `'＠x`],
    // The small forms too.
    ['\ufe661+1', `'\ufe661+1`],
    ['\ufe62SUM(A1)', `'\ufe62SUM(A1)`],
    ['\ufe632+3', `'\ufe632+3`],
    ['\ufe6bcmd', `'\ufe6bcmd`],
  ])('%j is neutralised', (raw, expected) => expect(neutralizeFormula(raw)).toBe(expected));

  it.each(['Müller', '-12,5', '-11,5 %', '-1.234,56', '+4930123', '12 %', '', 'a=b'])('%j stays as it is', (raw) => expect(neutralizeFormula(raw)).toBe(raw));

  it('neutralises a phone number with spaces, which a spreadsheet would try as a formula', () => {
    expect(neutralizeFormula('+49 171 1234567')).toBe("'+49 171 1234567");
  });

  it('keeps leading zeros for German Excel, and only there', () => {
    const cols = [{ name: 'postal_code', kind: 'text' }] as const;
    expect(formatCsv(cols, [['01101'], ['10115']], EXCEL_DE_CSV)).toBe('\ufeffpostal_code\r\n"=""01101"""\r\n10115\r\n');
    expect(formatCsv(cols, [['01101']], PLAIN_CSV)).toBe('postal_code\n01101\n');
  });
});

describe('CSV formatting', () => {
  const cols = [
    { name: 'customer_id', kind: 'text' },
    { name: 'sltv', kind: 'money' },
    { name: 'p_winback', kind: 'ratio' },
    { name: 'contact_from', kind: 'date' },
  ] as const;

  it('writes numbers in one stable format, German Excel with decimal comma', () => {
    expect(formatCsv(cols, [['A', 1234.5, 0.123456, 20000]], PLAIN_CSV)).toBe('customer_id,sltv,p_winback,contact_from\nA,1234.50,0.1235,2024-10-04\n');
    expect(formatCsv(cols, [['A', 1234.5, 0.123456, 20000]], EXCEL_DE_CSV)).toBe('\ufeffcustomer_id;sltv;p_winback;contact_from\r\nA;1234,50;0,1235;2024-10-04\r\n');
  });

  it('never writes -0.00', () => expect(formatDecimal(-0.001, 2, '.')).toBe('0.00'));

  it('quotes any field with CR or LF, also in Excel format', () => {
    const f = createCsvFormatter([{ name: 'a', kind: 'text' }, { name: 'b', kind: 'text' }], EXCEL_DE_CSV);
    expect(f.row(['x\ny', 'p\rq'])).toBe('"x\ny";"p\rq"\r\n');
  });

  it('round-trips any text through csv-parse, and matches csv-stringify for safe text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 10 }), (rows) => {
        const text = formatCsv([{ name: 'a', kind: 'text' }, { name: 'b', kind: 'text' }], rows, PLAIN_CSV);
        const back = parse(text, { columns: false, relax_column_count: true }) as string[][];
        const expected = [['a', 'b'], ...rows.map((r) => r.map(neutralizeFormula))];
        expect(back).toEqual(expected);
        const safe = rows.filter((r) => r.every((c) => neutralizeFormula(c) === c && !/^ | $/.test(c)));
        if (safe.length > 0) {
          const ours = formatCsv([{ name: 'a', kind: 'text' }, { name: 'b', kind: 'text' }], safe, PLAIN_CSV);
          expect(parse(ours)).toEqual(parse(stringify([['a', 'b'], ...safe])));
        }
      }),
    );
  });
});

describe('phone cells', () => {
  const cell = (value: unknown, fmt = PLAIN_CSV) => createCsvFormatter([{ name: 'phone', kind: 'phone' }], fmt).row([value]).trimEnd();

  it('writes an E.164 number as it is (a plus and digits run nothing)', () => {
    expect(cell('+4930123456')).toBe('+4930123456');
    expect(neutralizeFormula('+4930123456')).toBe('+4930123456');
  });

  it('writes it as a text formula for German Excel, which would otherwise drop the + and the digits', () => {
    expect(cell('+4930123456', EXCEL_DE_CSV)).toBe('"=""+4930123456"""');
  });

  it.each(['+49 30 123456', '+4930123456+A1', '=HYPERLINK("x")', '@SUM(A1)', '-2+3', '+\t1'])('neutralises anything else like text: %j', (value) => {
    expect(cell(value).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  });
});
