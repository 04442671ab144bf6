/**
 * plan.csv rows written as bytes (PlanRowFormatter.formatInto, putCell, putDecimal) against
 * the string formatters they replace on the plan's path, kept here as the oracle: the same
 * bytes for any value, both decimal marks and both CSV formats.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { planCustomer, type PlannedCustomer } from '../../src/domain/plan/plan.js';
import type { CustomerRow } from '../../src/domain/types.js';
import { loadPlanSetup } from '../../src/pipeline/plan-setup.js';
import { planOptions } from '../../src/cli/plan-options.js';
import { ByteBuffer, EXCEL_DE_CSV, formatCell, formatDecimal, isVerbatimText, PLAIN_CSV, putCell, putDecimal, putString, type ColumnKind, type CsvFormat } from '../../src/io/csv/write.js';
import { PLAN_COLUMNS, planValues, PlanRowFormatter, type PlanRowText } from '../../src/io/plan/output.js';
import { SortedSpool } from '../../src/io/sorted-spool.js';
import { memoryContext } from '../support/memory-context.js';
import { propertyRuns } from '../support/property.js';

const RUNS = propertyRuns(100);
const FORMATS: CsvFormat[] = [PLAIN_CSV, EXCEL_DE_CSV];

/** What putX wrote into a fresh (small, so that it grows) buffer, as text. */
function written(put: (out: ByteBuffer) => void, at = 3): string {
  const out = new ByteBuffer(4);
  out.at = at;
  out.buf.fill(120, 0, at);
  put(out);
  return out.buf.toString('utf8', at, out.at);
}

// Numbers around the places where rounding, digit counts and the integer path's limit change.
const number = fc.oneof(
  fc.double(),
  fc.double({ min: -1e6, max: 1e6 }),
  fc.double({ min: -1, max: 1 }),
  fc.tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.constantFrom(0, 0.00005, -0.00005, 0.005)).map(([n, half]) => n / 10_000 + half),
  // either side of the 32-bit integer path (2^31 − 1 hundredths and ten-thousandths)
  fc.constantFrom(21_474_836.47, 21_474_836.475, 21_474_836.48, -21_474_836.47, -21_474_836.48, 214_748.3647, 214_748.36475, 214_748.3648, 999_999.99, 99_999.9999),
  fc.constantFrom(0, -0, 0.5, -0.5, 0.00005, -0.00005, 0.0049999, 9.995, 99.995, 1e15, 9.007199254740991e11, 9.007199254740993e11, 1e21, -1e21, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity),
);

describe('putDecimal', () => {
  it('writes what formatDecimal returns, for any double, 0 to 5 decimals and both marks', () => {
    fc.assert(
      fc.property(number, fc.integer({ min: 0, max: 5 }), fc.constantFrom<'.' | ','>('.', ','), (value, decimals, mark) => {
        expect(written((out) => putDecimal(out, value, decimals, mark))).toBe(formatDecimal(value, decimals, mark));
      }),
      RUNS,
    );
  });

  it.each([
    [1234.5, 2, ',', '1234,50'],
    [-0.001, 2, '.', '0.00'],
    [-0.00005, 4, '.', '0.0000'],
    [0.123456, 4, ',', '0,1235'],
    [undefined, 2, '.', ''],
  ] as const)('%s with %i decimals and %j → %j', (value, decimals, mark, text) => {
    expect(written((out) => putDecimal(out, value, decimals, mark))).toBe(text);
  });
});

// Text with the characters that decide quoting and neutralisation, and some beyond ASCII.
const cellText = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'Z', '0', '1', ' ', ',', ';', '"', '\n', '\r', '\t', '=', '+', '-', '@', "'", '%', '.', 'ü', '€', '＝', '\u00a0', '😀'), maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 60 }),
);

describe('putCell and putString', () => {
  it('write what formatCell returns, as UTF-8, for any value of any kind in both formats', () => {
    const value = fc.oneof(cellText, number, fc.constantFrom(undefined, null, true, 20_000, 19_999.5));
    const kind = fc.constantFrom<ColumnKind>('text', 'int', 'money', 'ratio', 'date', 'phone');
    fc.assert(
      fc.property(value, kind, fc.constantFrom(...FORMATS), (v, k, fmt) => {
        expect(written((out) => putCell(out, v, k, fmt))).toBe(Buffer.from(formatCell(v, k, fmt), 'utf8').toString('utf8'));
      }),
      RUNS,
    );
  });

  it('encodes any string as Buffer.from does, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.oneof(cellText, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        const out = new ByteBuffer(1);
        putString(out, text);
        expect(out.buf.subarray(0, out.at).equals(Buffer.from(text, 'utf8'))).toBe(true);
      }),
      RUNS,
    );
  });
});

/**
 * The row formatter as it was before rows were written as bytes: the computed values as an
 * array (planValues), each cell through formatCell, the row concatenated as text.
 */
function oldFormat(fmt: CsvFormat, inputWidth: number, inputDelimiter: string | undefined, p: PlannedCustomer, cells: readonly string[], raw: string | undefined): PlanRowText {
  const d = fmt.delimiter;
  const sameDelimiter = inputDelimiter === fmt.delimiter && !fmt.keepLeadingZeros;
  let head = '';
  if (raw !== undefined && sameDelimiter && cells.length === inputWidth) {
    let copied = 0;
    let at = 0;
    let changed = false;
    for (const c of cells) {
      if (!isVerbatimText(c)) {
        head += raw.slice(copied, at) + formatCell(c, 'text', fmt);
        copied = at + c.length;
        changed = true;
      }
      at += c.length + 1;
    }
    head = changed ? head + raw.slice(copied) + d : raw + d;
  } else if (raw !== undefined) {
    for (let i = 0; i < inputWidth; i++) {
      const c = cells[i] ?? '';
      const zeroLed = fmt.keepLeadingZeros === true && c.charCodeAt(0) === 48;
      head += (isVerbatimText(c) && !c.includes(d) && !zeroLed ? c : formatCell(c, 'text', fmt)) + d;
    }
  } else for (let i = 0; i < inputWidth; i++) head += formatCell(cells[i] ?? '', 'text', fmt) + d;
  const values = planValues(p);
  const priorityAt = PLAN_COLUMNS.findIndex((c) => c.name === 'priority');
  let tail = '';
  PLAN_COLUMNS.forEach((c, i) => {
    const cell = formatCell(values[i], c.kind, fmt);
    if (i < priorityAt) head += cell + d;
    else if (i > priorityAt) tail += d + cell;
  });
  return { head, tail: tail + fmt.newline };
}

const DAY = 20_000;
const row = (id: number, reason: string | undefined, revenue: number | undefined, phone: string | undefined, consent: boolean | undefined): CustomerRow => ({
  line: id + 1,
  customer_id: id % 7 === 0 ? ` =C-${id}` : `C-${id}`,
  email: 'max@example.com',
  phone,
  segment: id % 2 === 0 ? 'B2B' : 'B2C',
  customer_since: DAY - 900,
  churn_date: DAY - 40 - id,
  orders: 3,
  revenue,
  margin: { kind: 'percent', value: 25 },
  complaints: id % 3,
  reason,
  consent_email: consent,
  consent_phone: consent,
  warnings: id % 5 === 0 ? ['revenue read as "1.234"'] : [],
});

describe('PlanRowFormatter', () => {
  let planned: PlannedCustomer[] = [];
  beforeAll(async () => {
    const m = memoryContext();
    const { setup } = await loadPlanSetup(m.ctx, planOptions(m.ctx, { asOf: '2026-11-23', lang: 'en' }));
    const reasons = ['zu teuer', 'Preis zu hoch; "Konkurrenz" günstiger', 'Service schlecht, bitte keine Werbung mehr', 'moved to Berlin', 'Competitor made better offer', undefined];
    const phones = ['+49 171 2345678', '030 1234567', undefined];
    planned = reasons.flatMap((reason, r) => [0, 1, 2, 3].map((k) => planCustomer(row(r * 4 + k, reason, k === 3 ? undefined : 1000 * (k + 1) + r * 0.125, phones[k % 3], k % 2 === 0 ? true : undefined), setup)));
  });

  it('writes the bytes the string formatter wrote, with and without raw text, in both formats', () => {
    const cells = fc.array(cellText, { minLength: 0, maxLength: 5 });
    fc.assert(
      fc.property(fc.nat(), cells, fc.integer({ min: 0, max: 5 }), fc.constantFrom(...FORMATS), fc.constantFrom<string | undefined>(',', ';', undefined), fc.boolean(), (pick, inputCells, width, fmt, inputDelimiter, withRaw) => {
        const p = planned[pick % planned.length] as PlannedCustomer;
        // Raw text exists only for a record without quotes or line breaks, split at the input's delimiter.
        const d = inputDelimiter ?? ',';
        const cs = inputCells.map((c) => c.replace(/["\n\r]/g, '').split(d).join(''));
        const raw = withRaw ? cs.join(d) : undefined;
        const expected = oldFormat(fmt, width, inputDelimiter, p, cs, raw);
        const formatter = new PlanRowFormatter(fmt, width, inputDelimiter);
        const out = new ByteBuffer(8);
        out.at = 5;
        const headEnd = formatter.formatInto(p, cs, raw, out);
        expect(out.buf.toString('utf8', 5, headEnd)).toBe(expected.head);
        expect(out.buf.toString('utf8', headEnd, out.at)).toBe(expected.tail);
        const text: PlanRowText = { head: '', tail: '' };
        formatter.format(p, cs, raw, text);
        expect(text).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('copies a quote-free record read with another delimiter as the string formatter wrote its cells (recoded bytes)', () => {
    // Formula starts, edge spaces, leading zeros, the output's delimiter and text beyond ASCII, in every cell of a record of the input's width.
    const cell = fc.oneof(cellText, fc.constantFrom('+49 171 2345678', '=1+2', ' +1', '-5', '0123', '12,5', 'Jörg', '€ 12', '@x ', '😀', '\ud83d', ''));
    fc.assert(
      fc.property(fc.nat(), fc.array(cell, { minLength: 1, maxLength: 8 }), fc.constantFrom(...FORMATS), fc.constantFrom(';', ',', '\t', '|'), (pick, inputCells, fmt, d) => {
        const p = planned[pick % planned.length] as PlannedCustomer;
        const cs = inputCells.map((c) => c.replace(/["\n\r]/g, '').split(d).join(''));
        const raw = cs.join(d);
        const expected = oldFormat(fmt, cs.length, d, p, cs, raw);
        const out = new ByteBuffer(8);
        out.at = 2;
        const headEnd = new PlanRowFormatter(fmt, cs.length, d).formatInto(p, cs, raw, out);
        // As bytes: a lone surrogate is written as U+FFFD, as Buffer.from writes it.
        expect(out.buf.subarray(2, headEnd).toString('hex')).toBe(Buffer.from(expected.head, 'utf8').toString('hex'));
        expect(out.buf.subarray(headEnd, out.at).toString('hex')).toBe(Buffer.from(expected.tail, 'utf8').toString('hex'));
      }),
      RUNS,
    );
  });

  it('keeps writing the same bytes when the same repeating texts come again (cached cells)', () => {
    const formatter = new PlanRowFormatter(EXCEL_DE_CSV, 1);
    for (const round of [1, 2])
      for (const p of planned) {
        const text: PlanRowText = { head: '', tail: '' };
        formatter.format(p, [`r${round}`], undefined, text);
        expect(text, `round ${round}`).toEqual(oldFormat(EXCEL_DE_CSV, 1, undefined, p, [`r${round}`], undefined));
      }
  });
});

describe('SortedSpool records written in place', () => {
  it('sorts records written through begin() and end() like pushed ones, across spills and a record larger than the room asked for', async () => {
    const records = Array.from({ length: 300 }, (_, i) => ({ rank: i % 3, key: (i * 7919) % 101, tie: i, head: `h${i}ü,`, tail: `,t${'x'.repeat(i % 5 === 0 ? 5000 : i)}\n` }));
    const inPlace = new SortedSpool(16 * 1024);
    const pushed = new SortedSpool(16 * 1024);
    for (const r of records) {
      const out = inPlace.begin(64);
      putString(out, r.head);
      const headEnd = out.at;
      putString(out, r.tail);
      inPlace.end(r.rank, r.key, r.tie, headEnd);
      pushed.push(r.rank, r.key, r.tie, r.head, r.tail);
    }
    const bytes = async (s: SortedSpool) => {
      const parts: Buffer[] = [];
      await s.writeNumbered((b) => void parts.push(Buffer.from(b)));
      return Buffer.concat(parts);
    };
    const a = await bytes(inPlace);
    expect(a.equals(await bytes(pushed))).toBe(true);
    const sorted = [...records].sort((x, y) => x.rank - y.rank || y.key - x.key || x.tie - y.tie);
    expect(a.toString('utf8')).toBe(sorted.map((r, i) => `${r.head}${i + 1}${r.tail}`).join(''));
  });
});
