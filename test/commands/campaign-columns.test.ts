import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIST_COLUMN_NAMES, parseListColumns } from '../../src/io/campaign-output.js';
import { UsageError } from '../../src/errors.js';
import { createDecoder } from '../../src/io/csv/decode.js';
import { readCsv, ROOT, runCli, tempDir } from '../support/cli.js';

const CHANNELS = ['visit', 'phone', 'letter', 'email'] as const;
const DE = ['--as-of', '23.11.2026', '--lang', 'de', '--quiet'];
const EN = ['--as-of', '2026-11-23', '--quiet'];

/** The German fixture with an `Ansprechpartner` column after the id (its short rows lack cells at the end), as UTF-8. */
function withContactPerson(): string {
  const decoder = createDecoder('win1252');
  const text = decoder.write(readFileSync(join(ROOT, 'fixtures/lost-customers-de.csv'))) + decoder.end();
  const rows = parse(text, { delimiter: ';', relax_column_count: true, relax_quotes: true }) as string[][];
  const quote = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = rows.map((cells, i) => [cells[0] ?? '', i === 0 ? 'Ansprechpartner' : `Frau Kontakt ${i}`, ...cells.slice(1)].map(quote).join(';'));
  const path = join(tempDir(), 'kunden.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function lists(out: string): Record<(typeof CHANNELS)[number], Record<string, string>[]> {
  return Object.fromEntries(CHANNELS.map((c) => [c, readCsv(join(out, `campaign-${c}.csv`))])) as Record<(typeof CHANNELS)[number], Record<string, string>[]>;
}

function header(out: string, channel: string): string[] {
  return (readFileSync(join(out, `campaign-${channel}.csv`), 'utf8').replace(/^\ufeff/, '').split('\n')[0] ?? '').split(',');
}

let file: string;
let full: string;
beforeAll(async () => {
  file = withContactPerson();
  full = tempDir();
  const r = await runCli(['campaign', file, '--out', full, ...DE]);
  expect(r.code, r.stderr).toBe(0);
});

describe('campaign lists a caller can use', () => {
  it('carry the contact person, the original reason text, the reason and the offer in German, after the old columns', () => {
    const phone = lists(full).phone;
    expect(phone.length).toBeGreaterThan(0);
    const cols = header(full, 'phone');
    expect(cols.slice(0, 11)).toEqual(['customer_id', 'name', 'phone', 'reason_code', 'measure', 'offer_type', 'message_angle', 'contact_until', 'priority', 'account_manager', 'expected_value']);
    expect(cols.slice(11)).toEqual(['contact_person', 'reason_text', 'reason_label', 'offer', 'offer_randomised']);
    for (const r of Object.values(lists(full)).flat()) expect(r.contact_person).toMatch(/^Frau Kontakt \d+$/);
    const boehm = phone.find((r) => r.customer_id === '100187');
    expect(boehm).toMatchObject({ reason_text: 'Wettbewerber günstiger', reason_label: 'Konkurrenzangebot', offer: 'Kostenloses Upgrade oder Zusatzleistungen zu gleichen Konditionen' });
  });

  it('speak English without --lang de; the reason text stays as written', async () => {
    const out = tempDir();
    expect((await runCli(['campaign', 'fixtures/lost-customers-en.csv', '--out', out, ...EN])).code).toBe(0);
    const all = Object.values(lists(out)).flat();
    const c128 = all.find((r) => r.customer_id === 'C-00128');
    expect(c128).toMatchObject({ contact_person: '', reason_text: 'Attitude of support person.', reason_label: 'Service / complaint handling', offer: 'Free upgrade or extra services at the same terms' });
    expect(all.every((r) => r.offer !== '' && r.reason_label !== '')).toBe(true);
  });
});

describe('campaign --columns', () => {
  const chosen = 'customer_id,contact_person,phone,email,name,offer,priority';

  it('chooses and orders the columns; a contact column shows only on its channels', async () => {
    const out = tempDir();
    const r = await runCli(['campaign', file, '--out', out, ...DE, '--columns', chosen]);
    expect(r.code, r.stderr).toBe(0);
    expect(header(out, 'phone')).toEqual(['customer_id', 'contact_person', 'phone', 'name', 'offer', 'priority']);
    expect(header(out, 'visit')).toEqual(['customer_id', 'contact_person', 'phone', 'name', 'offer', 'priority']);
    expect(header(out, 'email')).toEqual(['customer_id', 'contact_person', 'email', 'name', 'offer', 'priority']);
    expect(header(out, 'letter')).toEqual(['customer_id', 'contact_person', 'name', 'offer', 'priority']);
    // The same customers, values and priorities as the full lists: only the columns differ.
    const before = lists(full);
    const after = lists(out);
    for (const c of CHANNELS) {
      expect(after[c]?.map((x) => x.customer_id)).toEqual(before[c]?.map((x) => x.customer_id));
      after[c]?.forEach((row, i) => {
        for (const [k, v] of Object.entries(row)) expect(v, `${c} ${k}`).toBe(before[c]?.[i]?.[k]);
      });
    }
  });

  it('never puts a number or an address on a list whose channel does not carry it', async () => {
    const out = tempDir();
    const all = LIST_COLUMN_NAMES.join(',');
    expect((await runCli(['campaign', file, '--out', out, ...DE, '--columns', all])).code).toBe(0);
    expect(header(out, 'email')).not.toContain('phone');
    expect(header(out, 'email')).not.toContain('street');
    expect(header(out, 'phone')).not.toContain('email');
    expect(header(out, 'letter')).not.toContain('phone');
    expect(header(out, 'letter')).not.toContain('email');
  });

  it('writes the workbook with the chosen columns', async () => {
    const out = tempDir();
    expect((await runCli(['campaign', file, '--out', out, ...DE, '--columns', 'customer_id,offer,priority,contact_person', '--format', 'xlsx'])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'campaign.xlsx'));
    // A German run names the sheets in German; the columns keep their names (the lists' contract).
    const sheet = book.getWorksheet('Telefon');
    expect((sheet?.getRow(1).values as unknown[]).slice(1)).toEqual(['customer_id', 'offer', 'priority', 'contact_person']);
    const first = lists(out).phone?.[0];
    expect((sheet?.getRow(2).values as unknown[]).slice(1)).toEqual([first?.customer_id, first?.offer, Number(first?.priority), first?.contact_person]);
  });

  it('is read by report and --previous in any order', async () => {
    const out = tempDir();
    expect((await runCli(['campaign', file, '--out', out, ...DE, '--columns', 'expected_value,reason_code,customer_id'])).code).toBe(0);
    const a = await runCli(['report', full, '--json', '--as-of', '2026-11-23']);
    const b = await runCli(['report', out, '--json', '--as-of', '2026-11-23']);
    expect(b.code, b.stderr).toBe(0);
    // Read by header name: the same customers and expected value as from the full lists.
    expect(JSON.parse(b.stdout).totals).toEqual(JSON.parse(a.stdout).totals);
    expect(JSON.parse(b.stdout).totals.expected_value).toBeGreaterThan(0);
    const next = tempDir();
    const again = await runCli(['campaign', file, '--out', next, ...DE, '--previous', out]);
    expect(again.code, again.stderr).toBe(0);
    expect(readCsv(join(next, 'changes.csv'))).toEqual([]);
  });

  it('refuses an unknown name with exit 64, naming it and the valid ones (German with --lang de)', async () => {
    const out = join(tempDir(), 'lists');
    const r = await runCli(['campaign', file, '--out', out, ...DE, '--columns', 'customer_id,Ansprechpartner,telefon']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain("winback campaign: --columns: 'Ansprechpartner', 'telefon' ist keine Spalte der Kampagnenlisten");
    expect(r.stderr).toContain(`Hinweis: Spalten (wie in der Kopfzeile der Listen, in beliebiger Reihenfolge): ${LIST_COLUMN_NAMES.join(',')}`);
    const en = await runCli(['campaign', 'fixtures/lost-customers-en.csv', '--out', out, ...EN, '--columns', 'name,phone']);
    expect(en.code).toBe(64);
    expect(en.stderr).toContain('--columns must include customer_id');
    // A usage error leaves no output folder behind.
    expect(existsSync(out)).toBe(false);
  });
});

describe('parseListColumns', () => {
  it.each([
    ['customer_id', ['customer_id']],
    [' customer_id , name ,offer', ['customer_id', 'name', 'offer']],
    ['offer,customer_id', ['offer', 'customer_id']],
  ])('%s', (text, names) => expect(parseListColumns(text)).toEqual(names));

  it.each(['', ',', 'customer_id,customer_id', 'customer_id,Name', 'name'])('refuses %j', (text) => {
    expect(() => parseListColumns(text)).toThrow(UsageError);
  });
});
