import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendLedger, formatLedgerAppend, LedgerAppend, readLedger, scanLedgerKeyed } from '../../src/io/ledger/ledger.js';
import { customerKey } from '../../src/domain/campaign/customer-key.js';
import { idFingerprint } from '../../src/domain/id-index.js';
import { indexLedger, newLedgerEntries, type LedgerEntry } from '../../src/domain/campaign/contact-history.js';
import { parseIsoDay } from '../../src/domain/dates.js';
import { DataError, InputMissingError } from '../../src/errors.js';
import { propertyRuns } from '../support/property.js';

const HEADER = 'customer_id,channel,campaign_date,campaign_id,measure,outcome\n';
const day = (iso: string): number => parseIsoDay(iso) as number;
const entry = (id: string, measure = 'price offer', outcome: 'contacted' | 'control' = 'contacted'): LedgerEntry => ({
  customer_id: id,
  channel: 'letter',
  campaign_date: day('2026-11-23'),
  campaign_id: '2026-W48',
  measure,
  outcome,
});

let dir: string;
let ledger: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'winback-ledger-'));
  ledger = join(dir, 'ledger.csv');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readLedger', () => {
  it('treats a missing file as an empty ledger (first run)', async () => {
    expect(await readLedger(ledger)).toEqual({ entries: [], exists: false, bytes: 0, sha256: '' });
  });

  it('reads entries, with an empty outcome meaning contacted', async () => {
    await writeFile(ledger, `${HEADER}A,phone,2026-11-16,2026-W47,"call, then letter",\nB,email,2026-11-23,2026-W48,info,control\n`);
    const snapshot = await readLedger(ledger);
    expect(snapshot.exists).toBe(true);
    expect(snapshot.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshot.entries).toEqual([
      { customer_id: 'A', channel: 'phone', campaign_date: day('2026-11-16'), campaign_id: '2026-W47', measure: 'call, then letter', outcome: 'contacted' },
      { customer_id: 'B', channel: 'email', campaign_date: day('2026-11-23'), campaign_id: '2026-W48', measure: 'info', outcome: 'control' },
    ]);
  });

  it.each<[string, string, RegExp]>([
    ['a bad header', 'id,channel,date\nA,phone,2026-11-16\n', /line 1: header is "id,channel,date"/],
    ['a bad date', `${HEADER}A,phone,2026-11-16,W47,m,\nB,phone,2026-02-31,W47,m,\n`, /line 3, column campaign_date: "2026-02-31" is not a date/],
    ['a wrong field count', `${HEADER}A,phone,2026-11-16,W47,m,\n\nB,phone,2026-11-16\n`, /line 4: expected 6 fields separated by commas, found 3$/],
    ['a line written with semicolons', `${HEADER}A;phone;2026-11-16;W47;m;contacted\n`, /line 2: expected 6 fields separated by commas, found 1 \(a line written with ";" or tabs\?\)/],
    ['an unknown channel', `${HEADER}A,fax,2026-11-16,W47,m,\n`, /line 2, column channel: unknown channel "fax"/],
    ['an unknown outcome', `${HEADER}A,visit,2026-11-16,W47,m,won\n`, /line 2, column outcome: unknown outcome "won"/],
    ['an empty customer id', `${HEADER}A,visit,2026-11-16,W47,m,\n,visit,2026-11-16,W47,m,\n`, /line 3, column customer_id/],
    ['a line after a multi-line field', `${HEADER}A,visit,2026-11-16,W47,"two\nlines",\nB,visit,x,W47,m,\n`, /line 4, column campaign_date/],
    ['an unclosed quote', `${HEADER}A,visit,2026-11-16,W47,"open,\n`, /corrupt at line \d+/],
  ])('rejects %s with a DataError naming the line', async (_name, text, message) => {
    await writeFile(ledger, text);
    const error = await readLedger(ledger).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).exitCode).toBe(65);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(ledger);
  });

  it('reports an unreadable ledger as an input that cannot be read (66)', async () => {
    await mkdir(ledger); // a directory cannot be read as a file, even by root
    const error = await readLedger(ledger).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputMissingError);
    expect((error as InputMissingError).exitCode).toBe(66);
  });

  it.each([
    ['a header-only file', HEADER, 0],
    ['an empty file', '', 0],
    ['CRLF line ends', HEADER.replace('\n', '\r\n') + 'A,visit,2026-11-16,W47,m,\r\n', 1],
    ['a byte-order mark and blank lines', `\ufeff${HEADER}\nA,visit,2026-11-16,W47,m,\n\n`, 1],
    ['lines ended by CR alone', `${HEADER.trim()}\rA,visit,2026-11-16,W47,"m\rn",\rB,visit,2026-11-16,W47,m,\r`, 2],
  ])('accepts %s', async (_name, text, count) => {
    await writeFile(ledger, text);
    expect((await readLedger(ledger)).entries).toHaveLength(count);
  });

  it('reads a cell neutralised against formulas back as the text it stood for', async () => {
    await writeFile(ledger, `${HEADER}'=1+1,visit,2026-11-16,W47,'-m,\n`);
    const [e] = (await readLedger(ledger)).entries;
    expect([e?.customer_id, e?.measure]).toEqual(['=1+1', '-m']);
  });
});

describe('LedgerAppend', () => {
  it('gives the bytes formatLedgerAppend gives for newLedgerEntries, entry by entry (property)', () => {
    const W48 = { asOf: day('2026-11-23'), campaignId: '2026-W48' };
    const one = fc.record({ id: fc.constantFrom('A', 'B', '007', ' 7', 'Müller', '=1+1'), control: fc.boolean(), measure: fc.string({ maxLength: 12 }) });
    fc.assert(
      fc.property(fc.array(one, { maxLength: 30 }), fc.array(one, { maxLength: 10 }), fc.nat(3), fc.boolean(), (planned, earlier, size, newline) => {
        const toEntry = (e: { id: string; control: boolean; measure: string }) => entry(e.id, e.measure, e.control ? 'control' : 'contacted');
        const index = indexLedger(earlier.map(toEntry), W48);
        const append = new LedgerAppend(index);
        for (const e of planned) append.add(toEntry(e));
        const fresh = newLedgerEntries(index, planned.map(toEntry));
        expect(append.length).toBe(fresh.length);
        expect(append.bytes(size, newline).toString('utf8')).toBe(formatLedgerAppend(fresh, size, newline).toString('utf8'));
      }),
      propertyRuns(100),
    );
  });
});

describe('appendLedger', () => {
  it('neutralises cells a spreadsheet would run as formulas', async () => {
    await appendLedger(ledger, [{ ...entry('=HYPERLINK("http://x")'), measure: '@SUM(1)' }]);
    expect(await readFile(ledger, 'utf8')).toBe(`${HEADER}"'=HYPERLINK(""http://x"")",letter,2026-11-23,2026-W48,'@SUM(1),contacted\n`);
    expect((await readLedger(ledger)).entries[0]?.customer_id).toBe('=HYPERLINK("http://x")');
  });

  it('creates the file with a header on first use', async () => {
    await appendLedger(ledger, [entry('A')]);
    expect(await readFile(ledger, 'utf8')).toBe(`${HEADER}A,letter,2026-11-23,2026-W48,price offer,contacted\n`);
  });

  it('does nothing (not even create the file) with no entries', async () => {
    expect(await appendLedger(ledger, [])).toEqual({ appendedBytes: 0 });
    expect((await readLedger(ledger)).exists).toBe(false);
  });

  it('leaves the existing bytes unchanged and appends after them', async () => {
    const before = `${HEADER}X,phone,2025-01-06,2025-W02,"keep ""as"" is",contacted\n`;
    await writeFile(ledger, before);
    await appendLedger(ledger, [entry('A'), entry('B', 'a, "quoted"\nmeasure', 'control')]);
    const after = await readFile(ledger, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    const entries = (await readLedger(ledger)).entries;
    expect(entries.map((e) => e.customer_id)).toEqual(['X', 'A', 'B']);
    expect(entries[2]?.measure).toBe('a, "quoted"\nmeasure');
  });

  it('repairs a missing final newline by prefixing one, never by rewriting', async () => {
    const before = `${HEADER}X,phone,2025-01-06,2025-W02,m,contacted`;
    await writeFile(ledger, before);
    await appendLedger(ledger, [entry('A')]);
    const after = await readFile(ledger, 'utf8');
    expect(after).toBe(`${before}\nA,letter,2026-11-23,2026-W48,price offer,contacted\n`);
  });

  it('refuses to append to a file that is not a ledger', async () => {
    await writeFile(ledger, 'name,email\nAnna,a@b.de\n');
    await expect(appendLedger(ledger, [entry('A')])).rejects.toBeInstanceOf(DataError);
    expect(await readFile(ledger, 'utf8')).toBe('name,email\nAnna,a@b.de\n');
  });

  it('maps an uncreatable ledger to a write error', async () => {
    await expect(appendLedger(join(dir, 'missing', 'ledger.csv'), [entry('A')])).rejects.toThrow(/cannot create/);
  });

  it('round-trips any entries and only ever grows the file (property)', async () => {
    // A text that itself starts with the neutralising apostrophe before a formula character reads back without it (documented).
    const text = fc.string({ maxLength: 12 }).filter((s) => !s.startsWith("'"));
    const entryArb = fc.record({
      customer_id: text.filter((s) => s.trim() !== ''),
      channel: fc.constantFrom('visit', 'phone', 'letter', 'email') as fc.Arbitrary<LedgerEntry['channel']>,
      campaign_date: fc.integer({ min: 0, max: 40_000 }),
      campaign_id: text.filter((s) => s.trim() !== ''),
      measure: text,
      outcome: fc.constantFrom('contacted', 'control') as fc.Arbitrary<'contacted' | 'control'>,
    });
    let counter = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(entryArb, { maxLength: 5 }), { maxLength: 4 }), async (batches) => {
        const file = join(dir, `p${counter++}.csv`);
        let previous = '';
        for (const batch of batches) {
          await appendLedger(file, batch);
          const now = batch.length === 0 && previous === '' ? '' : await readFile(file, 'utf8');
          expect(now.startsWith(previous)).toBe(true);
          previous = now;
        }
        const read = (await readLedger(file)).entries;
        expect(read).toEqual(batches.flat());
      }),
      propertyRuns(60),
    );
  });
});

describe('scanLedgerKeyed', () => {
  it('hands over every entry keyed as customerKey would, on the fast path and the general one alike (property)', async () => {
    const id = fc.oneof(
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,8}$/),
      fc.stringMatching(/^0{0,3}[0-9]{1,6}$/),
      fc.string({ maxLength: 8 }).filter((s) => s.trim() !== '' && !s.startsWith("'")),
    );
    const entryArb = fc.record({
      customer_id: id,
      channel: fc.constantFrom('visit', 'phone', 'letter', 'email') as fc.Arbitrary<LedgerEntry['channel']>,
      campaign_date: fc.integer({ min: 18_000, max: 22_000 }),
      campaign_id: fc.constantFrom('2026-W47', '2026-W48', 'spring, "special"'),
      measure: fc.constantFrom('price:discount', 'a,b', 'line\nbreak'),
      outcome: fc.constantFrom('contacted', 'control') as fc.Arbitrary<'contacted' | 'control'>,
    });
    let counter = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(entryArb, { minLength: 1, maxLength: 30 }), async (entries) => {
        const file = join(dir, `k${counter++}.csv`);
        await appendLedger(file, entries);
        const seen: unknown[] = [];
        const scan = await scanLedgerKeyed(file, { entry: (a, b, day, campaign, control) => seen.push([a, b, day, campaign, control]) });
        expect(scan.entries).toBe(entries.length);
        expect(seen).toEqual(entries.map((e) => [...idFingerprint(customerKey(e.customer_id)), e.campaign_date, e.campaign_id, e.outcome === 'control']));
      }),
      propertyRuns(60),
    );
  });

  it('reports the latest entry of another campaign, and the hash after an append without reading again', async () => {
    await appendLedger(ledger, [entry('A'), { ...entry('B'), campaign_date: day('2026-12-07'), campaign_id: '2026-W50' }, { ...entry('C'), campaign_date: day('2026-12-14'), campaign_id: 'now' }]);
    const scan = await scanLedgerKeyed(ledger, { entry: () => undefined }, { exceptCampaign: 'now', prefixBytes: 10 });
    expect(scan.latest).toEqual({ day: day('2026-12-07'), line: 3, campaignId: '2026-W50' });
    const text = await readFile(ledger);
    const { createHash } = await import('node:crypto');
    expect(scan.prefixSha256).toBe(createHash('sha256').update(text.subarray(0, 10)).digest('hex'));
    expect(scan.shaAfter(Buffer.from('x'))).toBe(createHash('sha256').update(text).update('x').digest('hex'));
  });
});
