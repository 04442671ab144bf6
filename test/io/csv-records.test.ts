import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordParser, UnclosedQuoteError } from '../../src/io/csv-records.js';
import { propertyRuns } from '../support/property.js';

type Outcome = { records: [number, string[]][] } | { unclosedAt: number };

/** csv-parse with the reader's options is the oracle; start lines are derived as the reader did before. */
function oracle(text: string, delimiter: string): Outcome {
  let rows: [number, string[]][];
  try {
    rows = parse(text, {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      bom: true,
      on_record: ((record: string[], context: { lines: number }) => [context.lines, record]) as never,
    }) as unknown as [number, string[]][];
  } catch (err) {
    const e = err as { code?: string; lines?: number };
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') return { unclosedAt: e.lines as number };
    throw err;
  }
  let prevEnd = 0;
  let overcount = 0;
  const records: [number, string[]][] = [];
  for (const [endLine, cells] of rows) {
    const line = prevEnd + 1;
    for (const c of cells) overcount += c.split('\r\n').length - 1;
    prevEnd = endLine - overcount;
    records.push([line, cells]);
  }
  return { records };
}

function fast(chunks: string[], delimiter: string): Outcome {
  const p = new CsvRecordParser(delimiter);
  const records: [number, string[]][] = [];
  const sink = (cells: string[], line: number) => void records.push([line, cells]);
  try {
    for (const c of chunks) p.push(c, sink);
    p.end(sink);
  } catch (err) {
    if (err instanceof UnclosedQuoteError) return { unclosedAt: err.lines };
    throw err;
  }
  return { records };
}

/** Splits text at the given fractions. */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((f) => Math.floor(f * text.length)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
}

const TOKENS = ['a', 'b', 'Ü', ' ', ',', ';', '"', '""', '\n', '\r', '\r\n', 'x,y', '"q,\r\n"', '\ufeff'];
const csvText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(''));

describe('CsvRecordParser against csv-parse', () => {
  it('returns the same records and start lines on random CSV text, however it is chunked', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom(',', ';'), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }), (text, delim, at) => {
        const expected = oracle(text, delim);
        expect(fast([text], delim)).toEqual(expected);
        expect(fast(cut(text, at), delim)).toEqual(expected);
      }),
      propertyRuns(3000),
    );
  });

  it('agrees on well-formed files with quoted fields, empty fields and every line ending', () => {
    const field = fc.oneof(
      fc.constantFrom('', 'plain', 'Müller', 'a b'),
      fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'ß'), maxLength: 8 }).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    const file = fc.array(fc.tuple(fc.array(field, { minLength: 1, maxLength: 5 }), eol), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(file, fc.boolean(), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }), (rows, trailing, at) => {
        let text = rows.map(([cells, e]) => cells.join(',') + e).join('');
        if (!trailing) text = text.replace(/(\r\n|\n|\r)$/, '');
        const expected = oracle(text, ',');
        expect(fast(cut(text, at), ',')).toEqual(expected);
      }),
      propertyRuns(2000),
    );
  });

  it('names the start line of records after quoted line breaks', () => {
    const out = fast(['id,t\r\n1,"a\r\nb"\r\n2,c\r\n'], ',');
    expect(out).toEqual({ records: [[1, ['id', 't']], [2, ['1', 'a\r\nb']], [4, ['2', 'c']]] });
  });

  it('reports a quote left open', () => {
    expect(fast(['id,name\n1,A\n2,"B\n3,C\n'], ',')).toEqual({ unclosedAt: oracle('id,name\n1,A\n2,"B\n3,C\n', ',').unclosedAt });
  });
});
