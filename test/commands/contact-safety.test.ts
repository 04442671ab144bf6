/**
 * No list contacts anyone without a valid contact point the customer permitted, and nobody who
 * objected anywhere in the row — over the shipped fixtures and over a corpus of 40 exports in
 * the styles that break readers: delimiters, encodings, line ends, quoting, German and English
 * headers, mangled addresses and numbers, placeholders, objections in the reason, the notes or
 * a consent column, withdrawals in a later duplicate row, shared addresses, totals rows and
 * missing-id markers. Every customer's truth is known from how the file was made, never from
 * the product's own permission check.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBoolean } from '../../src/domain/parse/boolean.js';
import { findObjectionPhrase } from '../../src/domain/objections/text.js';
import { mulberry32 } from '../../src/domain/random.js';
import { normaliseEmailAddress, normalisePhoneNumber, phoneCountryOf } from '../../src/domain/permission/contact-point.js';
import { readCsv, runCli, tempDir } from '../support/cli.js';

const AS_OF = ['--as-of', '2026-11-23'];
// Everyone due in this run, whatever the reason's timing; rejects are part of the corpus.
const RUN = [...AS_OF, '--period', '366d', '--max-reject-rate', '100%', '--quiet'];
const CHANNELS = ['email', 'phone', 'letter', 'visit'] as const;

/** What the file says of one customer, as its maker knows it. */
interface Truth {
  objects: boolean;
  emailYes: boolean;
  phoneYes: boolean;
  email: string;
  phone: string;
  country: string;
  /** a postal address, and letters not refused */
  address: boolean;
  /** the address and number a list may carry, as the file's maker wrote them down ('' none; corpus only) */
  emailOnList?: string;
  phoneOnList?: string;
}

/** Checks every list row of a campaign run against the customers' truth; returns how many each list holds. */
function checkLists(out: string, truth: Map<string, Truth>, where: string): Record<(typeof CHANNELS)[number], number> {
  const listed = { email: 0, phone: 0, letter: 0, visit: 0 };
  const emails = new Set<string>();
  const phones = new Set<string>();
  for (const channel of CHANNELS) {
    for (const row of readCsv(join(out, `campaign-${channel}.csv`))) {
      listed[channel]++;
      const id = String(row.customer_id);
      const t = truth.get(id);
      const at = `${where}: ${channel} list, customer ${id}`;
      expect(t, at).toBeDefined();
      if (t === undefined) continue;
      expect(t.objects, `${at} objected`).toBe(false);
      if (channel === 'email') {
        expect(t.emailYes, `${at} without e-mail consent`).toBe(true);
        expect(normaliseEmailAddress(t.email), at).toEqual({ ok: true, value: row.email });
        if (t.emailOnList !== undefined) expect(row.email, at).toBe(t.emailOnList);
        const key = String(row.email).toLowerCase();
        expect(emails.has(key), `${at}: ${key} approached twice`).toBe(false);
        emails.add(key);
      }
      if (channel === 'phone' || (channel === 'visit' && row.phone !== '')) {
        expect(t.phoneYes, `${at} carries a number without phone consent`).toBe(true);
        expect(row.phone, at).toMatch(/^\+[1-9]\d{6,14}$/);
        expect(normalisePhoneNumber(t.phone, phoneCountryOf(t.country)), at).toEqual({ ok: true, value: row.phone });
        if (t.phoneOnList !== undefined) expect(row.phone, at).toBe(t.phoneOnList);
      }
      if (channel === 'phone') {
        expect(phones.has(String(row.phone)), `${at}: ${row.phone} approached twice`).toBe(false);
        phones.add(String(row.phone));
      }
      if (channel === 'letter') expect(t.address, at).toBe(true);
    }
  }
  return listed;
}

describe('the shipped fixtures', () => {
  const FIXTURES = [
    ['lost-customers-en.csv', ',', 'utf8'],
    ['lost-customers-de.csv', ';', 'latin1'],
    ['lost-customers-de-utf8bom.csv', ';', 'utf8'],
  ] as const;

  it.each(FIXTURES)('%s: every list row has a valid contact point the customer permitted, and nobody who objected', async (name, delimiter, encoding) => {
    const file = join('fixtures', name);
    // (Excel's sep= line first in one of them)
    const text = readFileSync(file, encoding).replace(/^\ufeff/, '').replace(/^sep=.\r?\n/, '');
    const records = parse(text, { columns: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as Record<string, string>[];
    const cell = (r: Record<string, string>, ...names: string[]) => names.map((n) => r[n]).find((v) => v !== undefined) ?? '';
    const truth = new Map<string, Truth>();
    for (const r of records) {
      const id = cell(r, 'Customer ID', 'Kundennummer').trim();
      const yes = (v: string) => parseBoolean(v) === true;
      // In an objection column the words of a consent withdrawn are an objection too.
      const objected = (v: string) => yes(v) || /^\s*(?:opt.?out|opted.?out|widerrufen|revoked|withdrawn)\s*$/i.test(v);
      const objects =
        objected(cell(r, 'Do Not Contact', 'Werbewiderspruch')) ||
        [cell(r, 'Reason', 'Kündigungsgrund'), cell(r, 'Email Opt-In', 'Einwilligung E-Mail'), cell(r, 'Phone Opt-In', 'Einwilligung Telefon')].some((v) => findObjectionPhrase(v) !== undefined);
      const seen = truth.get(id);
      const t: Truth = {
        objects, emailYes: yes(cell(r, 'Email Opt-In', 'Einwilligung E-Mail')), phoneYes: yes(cell(r, 'Phone Opt-In', 'Einwilligung Telefon')),
        email: cell(r, 'Email', 'E-Mail'), phone: cell(r, 'Phone', 'Telefon'), country: cell(r, 'Country', 'Land'),
        address: [cell(r, 'Street', 'Straße'), cell(r, 'Zip', 'PLZ'), cell(r, 'City', 'Ort')].every((v) => v.trim() !== '') && parseBoolean(cell(r, 'Mail Opt-In', 'Einwilligung Post')) !== false && parseBoolean(cell(r, 'Mail Opt-In', 'Einwilligung Post')) !== null,
      };
      // A duplicated id: any of its rows refusing or objecting counts (the most restrictive).
      truth.set(id, seen === undefined ? t : { ...t, objects: seen.objects || t.objects, emailYes: seen.emailYes && t.emailYes, phoneYes: seen.phoneYes && t.phoneYes });
    }
    const out = tempDir();
    const r = await runCli(['campaign', file, '--out', out, ...RUN]);
    expect(r.code, r.stderr).toBe(0);
    const listed = checkLists(out, truth, name);
    expect(listed.email + listed.phone + listed.letter + listed.visit).toBeGreaterThan(10);
  });
});


const HEADERS = {
  en: ['Customer ID', 'Name', 'Email', 'Phone', 'Street', 'Zip', 'City', 'Country', 'Segment', 'Key Account', 'Account Manager', 'Customer Since', 'Churn Date', 'Orders', 'Revenue', 'Margin %', 'Reason', 'Notes', 'Email Opt-In', 'Phone Opt-In', 'Do Not Contact'],
  de: ['Kundennummer', 'Name', 'E-Mail', 'Telefon', 'Straße', 'PLZ', 'Ort', 'Land', 'Kundentyp', 'Key Account', 'Betreuer', 'Kunde seit', 'Kündigungsdatum', 'Anzahl Aufträge', 'Umsatz', 'Deckungsbeitrag %', 'Kündigungsgrund', 'Notizen', 'Einwilligung E-Mail', 'Einwilligung Telefon', 'Werbewiderspruch'],
};
// Phrasings the objection detector must know (checked below): the corpus tests where they stand, not recall.
const OBJECTIONS = ['Werbewiderspruch', 'do not contact', 'Widerspruch gegen Werbung (Art. 21 DSGVO)', 'Einwilligung widerrufen', 'DNC', 'keine Werbung mehr', 'GDPR objection'];
const REASONS = { en: ['too expensive', 'competitor cheaper', 'moved away', 'service too slow'], de: ['zu teuer', 'Konkurrenz günstiger', 'umgezogen', 'Service zu langsam'] };
const YES = ['yes', 'ja', 'x', '1', 'TRUE', 'Y'];
const NO = ['no', 'nein', '0', 'FALSE', ''];
const UNCLEAR = ['vielleicht', 'maybe', '?', 'unbekannt'];

/** One export of the corpus: its bytes and what each customer id in it stands for. */
function corpusFile(n: number): { bytes: Buffer; truth: Map<string, Truth>; objectors: number } {
  const rnd = mulberry32(19_000 + n);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const lang = n % 2 === 0 ? 'en' : 'de';
  const delimiter = [',', ';', '\t', '|', ';'][n % 5] as string;
  const newline = n % 3 === 0 ? '\r\n' : '\n';
  const quoteAll = n % 7 === 0;
  const latin1 = lang === 'de' && n % 4 === 1;
  const bom = !latin1 && n % 4 === 3;
  const day = (d: number, m: number, y: number) => (lang === 'de' ? `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}` : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const money = (v: number) => (lang === 'de' ? v.toFixed(2).replace('.', ',') : v.toFixed(2));
  const truth = new Map<string, Truth>();
  const rows: string[][] = [];
  let objectors = 0;
  // The customer before: the same mailbox or line under another id and spelling (approached once).
  let lastMailbox = '';
  let lastNumber = '';
  for (let k = 0; k < 18; k++) {
    const id = lang === 'de' ? String(100_000 + n * 100 + k) : `C-${n}-${k}`;
    const mailbox = `kunde${n}x${k}@example.com`;
    const number = `030 ${2_000_000 + n * 1000 + k * 7}`;
    // Every sixth customer shares the mailbox and line of the one before (written another way), both
    // without a postal address and with consent: one of them is approached, the other is shared_contact.
    const pair = k % 6 === 4 ? 'first' : k % 6 === 5 ? 'second' : '';
    const other = lastMailbox || mailbox;
    const shout = `${(other.split('@')[0] as string).toUpperCase()}@example.com`;
    // [cell, the address a list may carry for it (undefined: none)]
    let [email, emailOnList] = pick<[string, string | undefined]>([
      [mailbox, mailbox], [mailbox, mailbox], [` ${mailbox} `, mailbox], [`Kunde ${k} <${mailbox.replace('example.com', 'Example.COM')}>`, mailbox], [`mailto:${mailbox}`, mailbox],
      [`${mailbox}; other${k}@example.com`, undefined], ['n/a', undefined], ['keine', undefined], ['a@b', undefined], ['', undefined],
      [`mailto:${other}`, other], [`<${other.toUpperCase()}>`, shout],
    ]);
    const e164 = (local: string) => `+49${local.replace(/\D/g, '').slice(1)}`;
    let [phone, phoneOnList] = pick<[string, string | undefined]>([
      [number, e164(number)], [number, e164(number)], [`+49 30 ${2_000_000 + n * 1000 + k * 7}`, e164(number)], [`0049 (0)30 ${2_000_000 + n * 1000 + k * 7}`, e164(number)],
      ['1234', undefined], ['+49', undefined], ['4,93023E+11', undefined], ['49302E+7', undefined], ['keine', undefined], ['', undefined], [`${number} / 0171 2345678`, undefined],
      [`+49 (0)${(lastNumber || number).slice(1)}`, e164(lastNumber || number)], [lastNumber || number, e164(lastNumber || number)],
    ]);
    let consentEmail = pick([...YES, ...YES, ...NO, ...UNCLEAR]);
    let consentPhone = pick([...YES, ...YES, ...NO, ...UNCLEAR]);
    let where = pick(['none', 'none', 'none', 'none', 'none', 'none', 'none', 'none', 'reason', 'notes', 'consent', 'column']);
    const phrase = pick(OBJECTIONS);
    const reason = pick(REASONS[lang]);
    const b2b = rnd() < 0.3;
    const manager = b2b && rnd() < 0.5 ? 'M. Maier' : '';
    let address = rnd() < 0.4;
    if (pair !== '') {
      [email, emailOnList] = pair === 'first' ? [mailbox, mailbox] : [`<${lastMailbox.toUpperCase()}>`, shout];
      [phone, phoneOnList] = pair === 'first' ? [number, e164(number)] : [`+49 (0)${lastNumber.slice(1)}`, e164(lastNumber)];
      consentEmail = 'ja';
      consentPhone = 'ja';
      where = 'none';
      address = false;
    }
    const country = pick(['', 'DE', lang === 'de' ? 'Deutschland' : 'Germany']);
    const cells = [
      id, `Kunde ${k}`, email, phone, address ? `Hauptstr. ${k + 1}` : '', address ? '10115' : '', address ? 'Berlin' : '', country,
      b2b ? 'B2B' : 'B2C', manager ? 'yes' : 'no', manager, day(1, 1 + (k % 12), 2018), day(1 + (k % 27), 9 + (k % 2), 2026), String(5 + k),
      money(20_000 + k * 1000), '30', where === 'reason' ? `${reason}. ${phrase}` : reason, where === 'notes' ? phrase : 'called about the price',
      where === 'consent' ? 'Einwilligung widerrufen' : consentEmail, consentPhone, where === 'column' ? 'ja' : '',
    ];
    const objects = where !== 'none';
    const t: Truth = {
      objects, emailYes: where !== 'consent' && parseBoolean(consentEmail) === true, phoneYes: parseBoolean(consentPhone) === true,
      email, phone, country, address, emailOnList: emailOnList ?? '', phoneOnList: phoneOnList ?? '',
    };
    rows.push(cells);
    lastMailbox = mailbox;
    lastNumber = number;
    // A later row of the same id that withdraws: do-not-contact / objection set.
    if (rnd() < 0.1) {
      const again = [...cells];
      again[20] = 'ja';
      rows.push(again);
      t.objects = true;
    }
    if (t.objects) objectors++;
    truth.set(id, t);
  }
  // Rows that are no customers: a totals row and a missing-id marker.
  rows.splice(5, 0, ['NA', 'Niemand', 'niemand@example.com', '030 9999999', 'Weg 1', '10115', 'Berlin', '', 'B2C', 'no', '', day(1, 1, 2018), day(1, 9, 2026), '3', money(1000), '30', 'zu teuer', '', 'ja', 'ja', '']);
  rows.push(['Summe', '', '', '', '', '', '', '', '', '', '', '', '', '', money(123_456), '', '', '', '', '', '']);
  const quote = (c: string) => (quoteAll || c.includes(delimiter) || c.includes('"') || c.includes('\n') ? `"${c.replace(/"/g, '""')}"` : c);
  const text = [HEADERS[lang], ...rows].map((r) => r.map(quote).join(delimiter)).join(newline) + newline;
  const bytes = latin1 ? Buffer.from(text, 'latin1') : Buffer.from(bom ? `\ufeff${text}` : text, 'utf8');
  return { bytes, truth, objectors };
}

describe('a corpus of 40 exports in the styles that break readers', () => {
  beforeAll(() => {
    for (const phrase of OBJECTIONS) expect(findObjectionPhrase(phrase), phrase).toBeDefined();
  });

  it('lists nobody without a valid, permitted contact point and nobody who objected anywhere in the row', async () => {
    const listed = { email: 0, phone: 0, letter: 0, visit: 0 };
    let objectors = 0;
    let shared = 0;
    for (let n = 0; n < 40; n++) {
      const { bytes, truth, objectors: o } = corpusFile(n);
      const dir = tempDir();
      const file = join(dir, `export-${n}.csv`);
      writeFileSync(file, bytes);
      const out = join(dir, 'out');
      const r = await runCli(['campaign', file, '--out', out, ...RUN]);
      expect(r.code, `file ${n}: ${r.stderr}`).toBe(0);
      const lists = checkLists(out, truth, `file ${n}`);
      for (const c of CHANNELS) listed[c] += lists[c];
      objectors += o;
      const excluded = readCsv(join(out, 'excluded.csv'));
      shared += excluded.filter((e) => e.reason === 'shared_contact').length;
      // The totals row and the missing-id marker are rejected, never listed.
      const rejected = readCsv(join(out, 'rejects.csv')).map((j) => j.customer_id);
      expect(rejected, `file ${n}`).toEqual(expect.arrayContaining(['NA', 'Summe']));
    }
    // The corpus exercises what it claims: many listed, many objectors left out, shared contact points found.
    // (at 2026-12-06: 30 e-mail, 192 phone, 72 letter and 42 visit rows; 231 objectors; 80 shared)
    for (const c of CHANNELS) expect(listed[c], c).toBeGreaterThan(20);
    expect(objectors).toBeGreaterThan(150);
    expect(shared).toBeGreaterThan(40);
  });
});

describe('the lists winback worksheet writes', () => {
  it('approach one address or number once too: the other customers are shared_contact', async () => {
    const header = 'Customer ID,Name,Email,Phone,Segment,Customer Since,Churn Date,Orders,Revenue,Margin %,Reason,Email Opt-In,Phone Opt-In';
    const row = (id: string, email: string, phone: string, revenue: number, consents: string) => `${id},${id},${email},${phone},B2C,2019-01-01,2026-10-15,40,${revenue},30,too expensive,${consents}`;
    const dir = tempDir();
    const file = join(dir, 'export.csv');
    writeFileSync(file, [
      header,
      row('T1', '', '030 1234567', 20000, 'no,yes'),
      row('T2', '', '+49 (0)30 123 45 67', 90000, 'no,yes'),
      row('M1', 'Max <Max@Firma.DE>', '', 30000, 'yes,no'),
      row('M2', 'mailto:max@firma.de', '', 15000, 'yes,no'),
    ].join('\n') + '\n');
    writeFileSync(join(dir, 'answers.json'), '{}');
    const out = join(dir, 'out');
    const r = await runCli(['worksheet', file, '--session', join(dir, 'session.json'), '--answers', join(dir, 'answers.json'), '--out', out, ...AS_OF]);
    expect(r.code, r.stderr).toBe(0);
    expect(readCsv(join(out, 'campaign-phone.csv')).map((x) => [x.customer_id, x.phone])).toEqual([['T2', '+49301234567']]);
    expect(readCsv(join(out, 'campaign-email.csv')).map((x) => [x.customer_id, x.email])).toEqual([['M1', 'Max@firma.de']]);
    const excluded = Object.fromEntries(readCsv(join(out, 'excluded.csv')).map((e) => [e.customer_id, e.reason]));
    expect(excluded).toEqual({ T1: 'shared_contact', M2: 'shared_contact' });
  });
});
