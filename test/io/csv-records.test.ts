import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordParser, looksLikeRow, UnclosedQuoteError, type BrokenRecord, type RecordSink } from '../../src/io/csv/records.js';
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
  const sink: RecordSink = {
    record: (cells, line) => void records.push([line, cells]),
    broken: () => {
      throw new Error('no broken records without a row width');
    },
  };
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
      propertyRuns(500),
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
      propertyRuns(300),
    );
  });

  it('names the start line of records after quoted line breaks', () => {
    const out = fast(['id,t\r\n1,"a\r\nb"\r\n2,c\r\n'], ',');
    expect(out).toEqual({ records: [[1, ['id', 't']], [2, ['1', 'a\r\nb']], [4, ['2', 'c']]] });
  });

  it('reports a quote left open', () => {
    const expected = oracle('id,name\n1,A\n2,"B\n3,C\n', ',');
    expect(expected).toHaveProperty('unclosedAt');
    expect(fast(['id,name\n1,A\n2,"B\n3,C\n'], ',')).toEqual(expected);
  });
});

type Event = ['record', number, string[], boolean] | ['broken', BrokenRecord];

/** Records and broken records of `chunks` read with a row width, through one parser or handed on from parser to parser. */
function recovered(chunks: string[], width: number, opts: { maxRecordChars?: number; handOver?: boolean } = {}): Event[] {
  const events: Event[] = [];
  const sink: RecordSink = {
    record: (cells, line, _raw, unterminated) => void events.push(['record', line, cells, unterminated]),
    broken: (b) => void events.push(['broken', b]),
  };
  const base = { width, ...(opts.maxRecordChars ? { maxRecordChars: opts.maxRecordChars } : {}) };
  let p = new CsvRecordParser(',', base);
  for (const c of chunks) {
    p.push(c, sink);
    // A worker thread goes on from the state another one ended with.
    const state = opts.handOver ? p.snapshot() : undefined;
    if (opts.handOver) p = new CsvRecordParser(',', { ...base, atStart: false, ...(state ? { resume: structuredClone(state) } : { firstLine: lineAfter(events) }) });
  }
  p.end(sink);
  return events;
}

function lineAfter(events: Event[]): number {
  const last = events[events.length - 1];
  if (!last) return 1;
  if (last[0] === 'broken') return last[1].lastLine + 1;
  return last[1] + 1 + last[2].reduce((n, c) => n + (c.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
}

describe('CsvRecordParser with a row width (recovery from stray quotes)', () => {
  const HEADER = 'id,name,reason,revenue\n';

  it('ends a record whose quote is left open before the next line that reads as a row, and reads on there', () => {
    const events = recovered([`${HEADER}1,"Open quote,price,10\n2,Bob,price,20\n3,Carl,price,30\n`], 4);
    expect(events.map((e) => (e[0] === 'record' ? [e[1], e[2][0]] : ['broken', e[1].line, e[1].lastLine, e[1].column, e[1].openLine]))).toEqual([
      [1, 'id'],
      ['broken', 2, 2, 1, 2],
      [3, '2'],
      [4, '3'],
    ]);
  });

  it('reads every line after the one with the stray quote again, as records of their own: each physical line is accounted for', () => {
    const text = `${HEADER}1,"Open,price,10\nstill, inside\n2,"Bob,price,20\n3,Carl,price,30\n`;
    const events = recovered([text], 4);
    expect(events.map((e) => (e[0] === 'record' ? ['record', e[1], e[2].length] : ['broken', e[1].line, e[1].lastLine, e[1].rowLine]))).toEqual([
      ['record', 1, 4],
      ['broken', 2, 2, 4],
      ['record', 3, 2],
      // A row with a stray quote of its own still reads as a row (its quote left open at the end of the line).
      ['broken', 4, 4, 5],
      ['record', 5, 4],
    ]);
  });

  it('takes a quote that closes on a line that reads as a row for a quote of that row', () => {
    // Without this, the stray quote on line 2 would close at line 3's quoted field and give a record of the right width.
    for (const cell of ['";C"', '""";C"']) {
      const events = recovered([`${HEADER}1,"A,x,1\n2,B,${cell},2\n`], 4);
      expect(events.map((e) => (e[0] === 'record' ? ['record', e[1], e[2].length] : ['broken', e[1].line])), cell).toEqual([['record', 1, 4], ['broken', 2], ['record', 3, 4]]);
    }
  });

  it('does not let two stray quotes pair up around a row: a quote closing where a field starts, after a line that reads as a row, opened a field', () => {
    // Line 2 opens a quote that nothing closes; line 4 opens one at its second field, followed by a
    // delimiter. Paired up, lines 2–4 would make one record of the right width and swallow row 3.
    const events = recovered([`${HEADER}1,"A,x\n2,Bob,price,20\n3,",y,"q"\n`], 4);
    expect(events.map((e) => (e[0] === 'record' ? ['record', e[1], e[2].length] : ['broken', e[1].line]))).toEqual([['record', 1, 4], ['broken', 2], ['record', 3, 4], ['record', 4, 2]]);
  });

  /**
   * The records that span lines, with the line each ends on; a record read as one spans the
   * line breaks its cells hold (the generator below writes LF only).
   */
  function spanning(text: string, chunk: number): { cells: string[]; last: string }[] {
    const lines = text.split('\n');
    const out: { cells: string[]; last: string }[] = [];
    const sink: RecordSink = {
      record: (cells, line) => {
        const breaks = cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
        if (breaks > 0) out.push({ cells, last: lines[line - 1 + breaks] as string });
      },
      broken: () => undefined,
    };
    const p = new CsvRecordParser(',', { width: 4 });
    for (const piece of cutEvery(text, chunk)) p.push(piece, sink);
    p.end(sink);
    return out;
  }
  const rowShaped = (cells: string[]) => cells.length === 4 || (cells.length > 4 && cells.slice(4).every((c) => c.trim() === ''));
  const readsAsRow = (line: string) => looksLikeRow(line, 0, line.length, ',', 4, /\S/g);

  it.each([
    // a quote closing on a line that reads as a row, right before its line break: line 3 is a row of its own
    ['a,a,a,"""\na,a,a,"""\na\n'],
    ['",\n""",a,a,a\n'],
    // a quote closing on the next line in a record of one field: not a row, so each line is read on its own
    ['",\n",a\n'],
    // the same at the end of a file without a final line break
    ['",\n",a'],
  ])('a record spanning lines has the row\'s width and does not end on a line that reads as a row: %j', (body) => {
    for (const chunk of [1, 3, 1000]) {
      for (const r of spanning(`id,n,r,v\n${body}`, chunk)) {
        expect(rowShaped(r.cells), JSON.stringify(r.cells)).toBe(true);
        expect(readsAsRow(r.last), r.last).toBe(false);
      }
    }
  });

  it('a record spanning lines has the row\'s width and does not end on a line that reads as a row, whatever the quotes (property)', () => {
    const cell = fc.constantFrom('a', 'b c', '"', '""', '"x"', '",', 'x"', '"""', '","', '', 'q"q');
    const line = fc.array(cell, { minLength: 1, maxLength: 6 }).map((c) => c.join(','));
    const text = fc.tuple(fc.array(line, { minLength: 1, maxLength: 6 }), fc.boolean()).map(([l, end]) => `id,n,r,v\n${l.join('\n')}${end ? '\n' : ''}`);
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), (t, chunk) => {
        for (const r of spanning(t, chunk)) {
          expect(rowShaped(r.cells)).toBe(true);
          expect(readsAsRow(r.last)).toBe(false);
        }
      }),
      propertyRuns(100),
    );
  });

  it('leaves well-formed quoted line breaks alone, also when a line inside has the delimiters of a row', () => {
    const text = `${HEADER}1,"two\nlines, fine",price,1\n2,A,"a, b\nc, d, e, f\ng",3\n3,"x ""q""\ny",z,4\n`;
    const events = recovered([text], 4);
    expect(events.filter((e) => e[0] === 'broken')).toEqual([]);
    expect(events.map((e) => e[0] === 'record' && [e[1], e[2].length])).toEqual([[1, 4], [2, 4], [4, 4], [7, 4]]);
  });

  it('reports a quote left open at the end: on the last line, and over several lines', () => {
    const last = recovered([`${HEADER}1,A,x,1\n2,"B,x,2\n`], 4);
    expect(last[2]).toEqual(['broken', expect.objectContaining({ kind: 'stray_quote', line: 3, lastLine: 3, openLine: 3, rowLine: 0, linesAfter: false })]);
    const cut = recovered([`${HEADER}1,A,"x\ny\nz`], 4);
    expect(cut[1]).toEqual(['broken', expect.objectContaining({ kind: 'unclosed', line: 2, lastLine: 4, openLine: 2, lineEnded: false })]);
  });

  it('says when the input ends inside the last record, without a line break', () => {
    const events = recovered([`${HEADER}1,A,x,1\n2,B`], 4);
    expect(events.map((e) => e[0] === 'record' && [e[1], e[3]])).toEqual([[1, false], [2, false], [3, true]]);
  });

  it('reports a record longer than the limit without keeping its text', () => {
    const big = 'x'.repeat(5000);
    const chunks = cutEvery(`${HEADER}1,"${big}\n${big}",y,1\n2,A,x,2\n3,${big},x,3\n`, 700);
    const events = recovered(chunks, 4, { maxRecordChars: 1000 });
    expect(events.map((e) => (e[0] === 'record' ? ['record', e[1]] : [e[1].kind, e[1].line, e[1].lastLine]))).toEqual([
      ['record', 1],
      ['too_long', 2, 3],
      ['record', 4],
      ['too_long', 5, 5],
    ]);
    for (const e of events) if (e[0] === 'broken') expect(e[1].cells.every((c) => c.length <= 200)).toBe(true);
  });

  it('gives the same records however the text is cut, and when each piece is read by a new parser from the last one\'s state', () => {
    const tokens = ['a', 'b', ' ', ',', '"', '""', '\n', '\r\n', '\r', 'x,y', '1,2,3', '"q,\n"', '1,"o,p,q'];
    const text = fc.array(fc.constantFrom(...tokens), { maxLength: 60 }).map((t) => t.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 4 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), (t, width, at) => {
        const whole = recovered([t], width, { maxRecordChars: 40 });
        expect(recovered(cut(t, at), width, { maxRecordChars: 40 })).toEqual(whole);
        expect(recovered(cut(t, at), width, { maxRecordChars: 40, handOver: true })).toEqual(whole);
      }),
      propertyRuns(1500),
    );
  });

  it('does linear work on an unfinished quoted field pushed in small chunks (no reading again from its start)', () => {
    const field = 'Kunde sagt: zu teuer\n'.repeat(10_000);
    const text = `${HEADER}1,"${field}",price,1\n2,B,x,2\n`;
    const p = new CsvRecordParser(',', { width: 4 });
    const cells: string[][] = [];
    const sink: RecordSink = { record: (c) => void cells.push(c), broken: () => undefined };
    for (const chunk of cutEvery(text, 1024)) p.push(chunk, sink);
    p.end(sink);
    expect(cells.map((c) => c.length)).toEqual([4, 4, 4]);
    expect(cells[1]?.[1]).toBe(field);
    expect(p.examined).toBeLessThan(2 * text.length);
  });
});

function cutEvery(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

describe('CsvRecordParser: the line fast paths against the state machine', () => {
  type Seen = ['record', number, string[], boolean] | ['broken', BrokenRecord] | ['unclosed', number, number];

  /** Every event of reading `chunks`, through the fast paths or (fastLines: false) the state machine alone. */
  function events(chunks: string[], delimiter: string, width: number, fastLines: boolean): Seen[] {
    const seen: Seen[] = [];
    const p = new CsvRecordParser(delimiter, { width, fastLines, maxRecordChars: 30 });
    const sink: RecordSink = {
      record: (cells, line, raw, unterminated) => {
        // The raw text, when given, is the record's text: its cells joined, no quote, no line break.
        if (raw !== undefined) expect([raw, /["\r\n]/.test(raw)]).toEqual([cells.join(delimiter), false]);
        seen.push(['record', line, cells, unterminated]);
      },
      broken: (b) => void seen.push(['broken', b]),
    };
    try {
      for (const c of chunks) p.push(c, sink);
      p.end(sink);
    } catch (err) {
      if (!(err instanceof UnclosedQuoteError)) throw err;
      seen.push(['unclosed', err.lines, err.openedAt]);
    }
    return seen;
  }

  const tokens = ['a', 'Ü', ' ', ',', ';', '"', '""', '\n', '\r', '\r\n', '"x,y"', '"a""b"', 'a"b', '"q\n"', '"r\r\n"', ',,', '"",', '1,2,3\n', 'é'.repeat(12)];
  const text = fc.array(fc.constantFrom(...tokens), { maxLength: 80 }).map((t) => t.join(''));

  it('reads the same records, lines, raw texts and broken records, with and without a row width, however the text is cut', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(',', ';'), fc.constantFrom(0, 2, 3, 4), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }), (t, delim, width, at) => {
        const expected = events([t], delim, width, false);
        expect(events([t], delim, width, true)).toEqual(expected);
        expect(events(cut(t, at), delim, width, true)).toEqual(expected);
      }),
      propertyRuns(100),
    );
  });

  it('cuts a line with quoted fields that close on it without the state machine, and hands the rest to it', () => {
    const lines = 'id,t,n\n1,"a ""b"", c",x\r\n2,"",\n3,"o"p,q\n4,"multi\nline",y\n5,k"q,"z"\n';
    const fast = events([lines], ',', 3, true);
    expect(fast).toEqual(events([lines], ',', 3, false));
    expect(fast.map((e) => e[0] === 'record' && e[2])).toEqual([
      ['id', 't', 'n'], ['1', 'a "b", c', 'x'], ['2', '', ''], ['3', '"o"p', 'q'], ['4', 'multi\nline', 'y'], ['5', 'k"q', 'z'],
    ]);
  });
});
