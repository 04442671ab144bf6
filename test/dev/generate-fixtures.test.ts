import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/domain/dates.js';
import { REASON_CODES, type ReasonCode } from '../../src/domain/playbook-types.js';
import { fakeCustomers, type FakeCustomer } from '../../dev/fake-customers.js';
import {
  buildSmallFixtures, FIXTURE_SEED, generateLostCustomers, generateReasonCodes, generateTransactions,
  runFixtureGenerator,
} from '../../dev/generate-fixtures.js';
import { propertyRuns } from '../support/property.js';

const FIXTURE_DIR = new URL('../../fixtures/', import.meta.url);
const AS_OF = parseIsoDay('2026-11-23') as number;

function parseCsv(text: string, delimiter: string): string[][] {
  return parse(text, { delimiter, relax_column_count: true, record_delimiter: ['\r\n', '\n'] }) as string[][];
}

function firstCustomers(seed: number, lang: 'en' | 'de', n: number): FakeCustomer[] {
  const out: FakeCustomer[] = [];
  for (const c of fakeCustomers(seed, lang)) {
    if (out.length === n) break;
    out.push(c);
  }
  return out;
}

/** Lower case without umlauts, so "Qualitaet" and "Qualität" compare equal. */
function fold(text: string): string {
  return text.toLowerCase().replaceAll('ä', 'ae').replaceAll('ö', 'oe').replaceAll('ü', 'ue').replaceAll('ß', 'ss');
}

// Written independently of the generator's phrase lists: what a reader would call each reason.
const EXPECTED_REASON_WORDS: Record<'en' | 'de', Record<ReasonCode, string[]>> = {
  de: {
    relocation: ['umgez', 'umzug', 'verzogen', 'wohnortwechsel', 'zieht weg', 'verlegt nach'],
    financial_hardship: ['finanziell', 'nicht leisten', 'geld ist knapp', 'wirtschaftlich', 'budget', 'sparen', 'arbeitslos'],
    variety_seeking: ['anderes ausprobieren', 'abwechslung', 'was neues', 'lust auf', 'kennenlernen', 'tapetenwechsel'],
    life_change: ['lebensabschnitt', 'rente', 'ruhestand', 'kinder aus dem haus', 'bedarf hat sich', 'familienzuwachs', 'immer weniger'],
    price: ['zu teuer', 'preis zu hoch', 'preise zu hoch', 'preiserhöhung', 'zu hohe kosten', 'preis-leistung'],
    competitor_offer: ['konkurrenz war billiger', 'konkurrenz günstiger', 'besseres angebot', 'wettbewerber günstiger', 'woanders', 'billiger', 'fürs geld'],
    poached: ['abgeworben', 'abwerbung'],
    quality: ['qualität', 'defekt', 'verarbeitet', 'mängel', 'kaputt'],
    service: ['service', 'beschwerde', 'reklamation', 'unhöflich', 'pünktlich'],
    image: ['presse', 'image', 'skandal', 'ruf der firma', 'zeitungsbericht'],
    availability: ['filiale', 'nicht lieferbar', 'ausverkauft', 'erreichbar', 'händler'],
    contact_change: ['ansprechpartner', 'betreuer gewechselt', 'einkäufer', 'außendienst'],
    deceased: ['verstorben', 'todesfall', 'verst.'],
    business_closed: ['insolven', 'aufgelöst', 'aufgegeben', 'geschlossen', 'geschäftsaufgabe'],
    terminated_by_us: ['von uns gekündigt', 'kündigung durch uns', 'gesperrt', 'wir haben gekündigt'],
    unknown: ['keine angabe', 'k.a.', 'sonstiges', 'unbekannt', 'ohne grund', 'nichts sagen'],
  },
  en: {
    relocation: ['moved', 'relocat', 'moving'],
    financial_hardship: ['afford', 'financial', 'lost job', 'budget', 'money'],
    variety_seeking: ['something new', 'a change', 'other brands', 'variety', 'bored', 'other options'],
    life_change: ['kids', 'retired', 'baby', 'no longer needs', 'business model', 'circumstances'],
    price: ['price', 'expensive', 'pricing', 'costs too much', 'rates went up'],
    competitor_offer: ['competitor made', 'competitor had', 'competitor offered', 'better deal', 'cheaper elsewhere', 'another provider'],
    poached: ['poached', 'approached', 'lured', 'their rep', 'recruited'],
    quality: ['dissatisfaction', 'quality', 'breaking', 'defective'],
    service: ['attitude', 'service', 'complaint', 'support', 'rude'],
    image: ['press', 'news', 'reputation', 'scandal', 'reviews'],
    availability: ['store closed', 'location', 'out of stock', 'reach anyone', 'not available'],
    contact_change: ['contact person', 'account manager', 'rep changed', 'purchasing manager', 'decision maker'],
    deceased: ['passed away', 'deceased', 'died'],
    business_closed: ['out of business', 'bankruptcy', 'closed', 'shut down'],
    terminated_by_us: ['terminated', 'non-payment', 'we cancelled', 'ended by company'],
    unknown: ["don't know", 'n/a', 'other', 'no reason', 'unknown', 'declined'],
  },
};

describe('determinism', () => {
  it('gives byte-identical text for the same seed and different text for another seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constantFrom('en' as const, 'de' as const), (seed, style) => {
        const opts = { rows: 30, seed, style, badRows: true };
        const text = generateLostCustomers(opts);
        expect(generateLostCustomers(opts)).toBe(text);
        expect(generateLostCustomers({ ...opts, seed: seed ^ 1 })).not.toBe(text);
      }),
      propertyRuns(25),
    );
  });

  it('keeps the committed fixtures equal to a fresh generation (regenerate with npm run fixtures)', () => {
    const fixtures = buildSmallFixtures();
    expect([...fixtures.keys()].sort()).toEqual([
      'lost-customers-de-utf8bom.csv', 'lost-customers-de.csv', 'lost-customers-en.csv',
      'outcomes-en.csv', 'reason-codes.csv', 'transactions-de.csv', 'transactions-en.csv',
    ]);
    for (const [name, bytes] of fixtures) {
      expect(readFileSync(new URL(name, FIXTURE_DIR)).equals(bytes), `${name} differs from a fresh generation`).toBe(true);
    }
  });
});

describe('row counts', () => {
  it.each([
    ['en', ','], ['de', ';'],
  ] as const)('writes exactly the requested number of records (%s), bad rows included', (style, delimiter) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.boolean(), fc.nat(), (rows, badRows, seed) => {
        const records = parseCsv(generateLostCustomers({ rows, seed, style, badRows }), delimiter);
        expect(records.length).toBe(rows + 1);
      }),
      propertyRuns(30),
    );
  });

  it('streams a large file in chunks with the same content as the in-memory text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'winback-fixtures-'));
    try {
      const file = join(dir, 'big.csv');
      await runFixtureGenerator(['--rows', '12000', '--style', 'de', '--bad-rows', '--seed', '7', '--out', file]);
      const text = iconv.decode(readFileSync(file), 'win1252');
      expect(text).toBe(generateLostCustomers({ rows: 12000, seed: 7, style: 'de', badRows: true }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the German Excel-style fixture', () => {
  const bytes = readFileSync(new URL('lost-customers-de.csv', FIXTURE_DIR));
  const text = iconv.decode(bytes, 'win1252');

  it('is Windows-1252, not UTF-8, and round-trips without losing a character', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    for (const undefinedByte of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) expect(bytes.includes(undefinedByte)).toBe(false);
    expect(iconv.encode(text, 'win1252').equals(bytes)).toBe(true);
    expect(text).toBe(generateLostCustomers({ rows: 200, seed: FIXTURE_SEED + 1, style: 'de', badRows: true }));
  });

  it('contains ü, ö, ß and € as single Windows-1252 bytes', () => {
    for (const byte of [0xfc, 0xf6, 0xdf, 0x80]) expect(bytes.includes(byte)).toBe(true);
    expect(text).toContain('Kündigungsgrund');
    expect(text).toMatch(/Müller|Köln|Straße|Jürgen/);
  });

  it('uses ; and CRLF, decimal commas, DD.MM.YYYY dates and German yes/no spellings', () => {
    expect(text.startsWith('Kundennummer;Name;E-Mail;Telefon;Straße;PLZ;Ort;Land;Kundentyp;')).toBe(true);
    // Every record ends in CRLF; the only bare LF is the one inside the quoted multi-line reason.
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.match(/(?<!\r)\n/g)).toHaveLength(1);
    const rows = parseCsv(text, ';').slice(1).filter((r) => r.length === 25);
    expect(rows.some((r) => /^\d{1,3}(\.\d{3})+,\d{2}$/.test(r[14] ?? ''))).toBe(true);
    expect(rows.some((r) => (r[14] ?? '').includes('€'))).toBe(true);
    expect(rows.every((r) => /^(\d{2}\.\d{2}\.\d{4})?$/.test(r[11] ?? ''))).toBe(true);
    expect(new Set(rows.map((r) => r[8]))).toEqual(new Set(['B2B', 'B2C', 'Geschäftskunde', 'Privatkunde']));
    const flags = new Set(rows.flatMap((r) => r.slice(20, 24)));
    for (const value of flags) expect(['ja', 'Ja', 'x', 'X', 'nein', 'Nein', '', 'unklar', '?', 'vllt.']).toContain(value);
  });
});

describe('deliberately bad and awkward rows', () => {
  it.each([
    ['en', ',', '2024-02-31', 'twelve'], ['de', ';', '31.02.2024', 'zwölf'],
  ] as const)('%s: impossible date, word for a number, duplicate id, empty id, short row, valid multi-line field', (style, delimiter, date, word) => {
    const records = parseCsv(generateLostCustomers({ rows: 200, seed: 99, style, badRows: true }), delimiter).slice(1);
    expect(records.filter((r) => r[12] === date)).toHaveLength(1);
    expect(records.filter((r) => r[13] === word)).toHaveLength(1);
    expect(records.filter((r) => r[0] === '')).toHaveLength(1);
    expect(records.filter((r) => r.length !== 25).map((r) => r.length)).toEqual([22]);
    const ids = records.map((r) => r[0]).filter((id) => id !== '');
    expect(ids.length - new Set(ids).size).toBe(1);
    const multiLine = records.filter((r) => (r[17] ?? '').includes('\n'));
    expect(multiLine).toHaveLength(1);
    expect(multiLine[0]?.[17]).toContain(delimiter);
    expect(multiLine[0]?.[17]).toContain('"');
  });

  it('has none of them without badRows', () => {
    const records = parseCsv(generateLostCustomers({ rows: 200, seed: 99, style: 'de' }), ';').slice(1);
    expect(records.every((r) => r.length === 25 && r[0] !== '')).toBe(true);
    expect(new Set(records.map((r) => r[0])).size).toBe(200);
  });
});

describe('content', () => {
  it.each(['en', 'de'] as const)('%s: every reason code appears, phrased in words that name it', (lang) => {
    const seed = lang === 'en' ? FIXTURE_SEED : FIXTURE_SEED + 1;
    const customers = firstCustomers(seed, lang, 200);
    for (const code of REASON_CODES) {
      const words = EXPECTED_REASON_WORDS[lang][code].map(fold);
      const phrased = customers.filter((c) => c.reasonCode === code && words.some((w) => fold(c.reasonText).includes(w)));
      expect(phrased.length, `no ${lang} phrasing for ${code}`).toBeGreaterThan(0);
    }
  });

  it.each(['en', 'de'] as const)('%s: reasons vary and include blanks and text in the file', (lang) => {
    const seed = lang === 'en' ? FIXTURE_SEED : FIXTURE_SEED + 1;
    const texts = firstCustomers(seed, lang, 200).map((c) => c.reasonText);
    expect(new Set(texts).size).toBeGreaterThan(90);
    expect(texts.filter((t) => t === '').length).toBeGreaterThan(0);
    expect(texts.some((t) => t !== t.toLowerCase() && t === t.toUpperCase())).toBe(true);
    expect(texts.some((t) => t !== '' && t === t.toLowerCase() && /[a-z]/.test(t))).toBe(true);
  });

  it('mixes English reasons into the German file', () => {
    const texts = firstCustomers(FIXTURE_SEED + 1, 'de', 200).map((c) => fold(c.reasonText));
    const english = Object.values(EXPECTED_REASON_WORDS.en).flat().filter((w) => w.length > 6);
    expect(texts.some((t) => english.some((w) => t.includes(w)))).toBe(true);
  });

  it('spreads churn dates over the 18 months before the as-of date, with a formula name, +49 phone and non-positive margins', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('en' as const, 'de' as const), (seed, lang) => {
        const customers = firstCustomers(seed, lang, 60);
        for (const c of customers) {
          expect(c.churn).toBeLessThan(AS_OF);
          expect(c.churn).toBeGreaterThanOrEqual(AS_OF - 549);
          expect(c.since).toBeLessThan(c.churn);
        }
        expect(customers.some((c) => c.name.startsWith('=HYPERLINK('))).toBe(true);
        expect(customers.some((c) => c.phone.startsWith('+49'))).toBe(true);
        expect(customers.some((c) => c.marginPercent <= 0)).toBe(true);
      }),
      propertyRuns(20),
    );
  });

  it('has B2B and B2C customers, key accounts with managers, missing consents and competitor contract ends', () => {
    const customers = firstCustomers(FIXTURE_SEED, 'en', 200);
    expect(new Set(customers.map((c) => c.segment))).toEqual(new Set(['B2B', 'B2C']));
    expect(customers.some((c) => c.keyAccount && c.accountManager !== '')).toBe(true);
    expect(customers.some((c) => c.consentEmail === 'blank')).toBe(true);
    expect(customers.some((c) => c.competitorContractEnd !== undefined)).toBe(true);
  });
});

describe('other fixtures', () => {
  it('writes the UTF-8 file with BOM and a sep=; line', () => {
    const bytes = readFileSync(new URL('lost-customers-de-utf8bom.csv', FIXTURE_DIR));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    expect(text.startsWith('sep=;\r\nKundennummer;')).toBe(true);
    expect(parseCsv(text, ';').length).toBe(1 + 1 + 40);
  });

  it('writes transactions for the requested customers, each with at least one purchase', () => {
    const en = parseCsv(generateTransactions({ customers: 60, seed: 5, style: 'en' }), ',');
    expect(en[0]).toEqual(['customer_id', 'date', 'amount']);
    expect(new Set(en.slice(1).map((r) => r[0])).size).toBe(60);
    expect(en.slice(1).every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[1] ?? '') && /^(\d+|\d{1,3}(,\d{3})+)\.\d{2}$/.test(r[2] ?? ''))).toBe(true);
    const de = parseCsv(generateTransactions({ customers: 60, seed: 5, style: 'de' }), ';');
    expect(de.slice(1).every((r) => /^\d{2}\.\d{2}\.\d{4}$/.test(r[1] ?? '') && /^\d{1,3}(\.\d{3})*,\d{2}$|^\d+,\d{2}$/.test(r[2] ?? ''))).toBe(true);
    expect(de.length).toBeGreaterThan(200);
  });

  it('writes reason codes as codes, English and German labels', () => {
    const rows = parseCsv(generateReasonCodes({ rows: 50, seed: FIXTURE_SEED }), ',');
    expect(rows[0]).toEqual(['customer_id', 'reason_code', 'reason']);
    const codes = rows.slice(1).map((r) => r[1] ?? '');
    expect(codes.some((c) => (REASON_CODES as readonly string[]).includes(c))).toBe(true);
    expect(codes.some((c) => /ä|ö|ü|Preis|Umzug|Abwerbung|Unbekannt/.test(c))).toBe(true);
    expect(codes.some((c) => /^[A-Z][a-z]/.test(c) && !/ä|ö|ü/.test(c))).toBe(true);
  });
});
