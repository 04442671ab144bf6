/**
 * An objection or do-not-contact column may hold the words of a consent withdrawn: "opted
 * out", "Opt-Out", "widerrufen", "revoked". There they say the customer objected; read as
 * "no" (as in a consent column) they put an objector on a list.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv, runCli, tempDir } from '../support/cli.js';

/** Every customer on the four win-back lists of a campaign's output folder, in list order. */
const listedIn = (out: string): string[] => ['visit', 'phone', 'letter', 'email'].flatMap((c) => readCsv(join(out, `campaign-${c}.csv`)).map((x) => x.customer_id as string));

const HEADER = 'Customer ID,Name,Email,Phone,Country,Customer Since,Churn Date,Orders,Revenue,Margin %,Reason,Email Opt-In,Phone Opt-In,Opt-Out,Do Not Contact';
const row = (id: string, optOut: string, dnc: string) => `${id},Ann ${id},${id.toLowerCase()}@example.com,+49 30 555${id.replace(/\D/g, '').padStart(4, '0')},DE,2018-01-01,2026-09-01,50,20000,30,too expensive,yes,yes,${optOut},${dnc}`;

describe('objection columns that say a consent was withdrawn', () => {
  it('list nobody whose Opt-Out or Do Not Contact cell says opted out, revoked or widerrufen; "no" still lists', async () => {
    const dir = tempDir('winback-objection-columns-');
    const file = join(dir, 'export.csv');
    writeFileSync(
      file,
      [HEADER, row('O1', 'opted out', ''), row('O2', 'Opt-Out', ''), row('O3', '', 'widerrufen'), row('O4', '', 'revoked'), row('O5', 'no', 'nein'), row('O6', '', '')].join('\n') + '\n',
    );
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const listed = listedIn(out);
    expect(listed.filter((id) => ['O1', 'O2', 'O3', 'O4'].includes(id))).toEqual([]);
    expect(listed).toEqual(expect.arrayContaining(['O5', 'O6']));
    const excluded = new Map(readCsv(join(out, 'excluded.csv')).map((e) => [e.customer_id as string, e.reason as string]));
    expect(['O1', 'O2', 'O3', 'O4'].map((id) => excluded.get(id))).toEqual(['never', 'never', 'never', 'never']);
  });
});

describe('an objection in a notes column under a common name', () => {
  it.each(['Kommentar', 'Comments', 'Notes (internal)', 'Interne Notiz', 'Bemerkung Vertrieb', 'Freitext', 'Info'])('is read in "%s": the customer is never contacted', async (header) => {
    const dir = tempDir('winback-notes-column-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, `Kundennummer;Name;Telefon;Kunde seit;Kündigungsdatum;Umsatz;DB %;Kündigungsgrund;Einwilligung Telefon;${header}\nK1;Jörg;030 1234500;01.02.2018;01.09.2026;1.234,50;27,5;zu teuer;ja;keine Werbung mehr!\n`);
    const out = join(dir, 'out');
    const r = await runCli(['plan', file, '--out', out, '--as-of', '2026-11-23', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const [p] = readCsv(join(out, 'plan.csv'));
    expect([p?.decision, p?.channel]).toEqual(['never', '']);
  });
});

describe('an objection in a row with an unreadable cell', () => {
  it('is kept (never contacted) and reaches the other rows of its id: no duplicate is listed', async () => {
    const dir = tempDir('winback-objector-kept-');
    const file = join(dir, 'export.csv');
    const head = 'Customer ID,Name,Email,Phone,Country,Customer Since,Churn Date,Orders,Revenue,Margin %,Reason,Notes,Email Opt-In,Phone Opt-In,Do Not Contact';
    const r = (id: string, churn: string, orders: string, notes: string, dnc: string) => `${id},Gina ${id},${id.toLowerCase()}@example.com,+49 30 800000${id.slice(1)},DE,2018-01-01,${churn},${orders},20000,30,too expensive,${notes},yes,yes,${dnc}`;
    writeFileSync(
      file,
      [head, r('G1', '2026-09-01', 'twelve', '', 'yes'), r('G1', '2026-09-01', '12', '', ''), r('G2', '2026-09-01', '12', '', ''), r('G2', '2026-02-30', '12', 'customer objected to all advertising', ''), r('G3', '2026-09-01', 'twelve', '', '')].join('\n') + '\n',
    );
    const out = join(dir, 'out');
    const run = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '--max-reject-rate', '100%', '-q']);
    expect(run.code, run.stderr).toBe(0);
    const listed = listedIn(out);
    expect(listed.filter((id) => id === 'G1' || id === 'G2')).toEqual([]);
    const excluded = new Map(readCsv(join(out, 'excluded.csv')).map((e) => [e.customer_id as string, e.reason as string]));
    expect([excluded.get('G1'), excluded.get('G2')]).toEqual(['never', 'never']);
    // A row without an objection is still rejected for its unreadable cell.
    const rejects = readCsv(join(out, 'rejects.csv'));
    expect(rejects.filter((x) => x.customer_id === 'G3').map((x) => x.column)).toEqual(['Orders']);
    // Every row ends in one output: 5 rows = G1 + G2 (planned, each with a duplicate rejected) + G3 rejected.
    expect(rejects).toHaveLength(3);
  });
});

describe('rows of one customer whose id a spreadsheet changed', () => {
  it('are one customer: the objection of one row keeps the other off every list', async () => {
    const dir = tempDir('winback-id-forms-');
    const file = join(dir, 'export.csv');
    const head = 'Customer ID,Name,Email,Phone,Country,Customer Since,Churn Date,Orders,Revenue,Margin %,Reason,Email Opt-In,Phone Opt-In,Do Not Contact';
    const r = (id: string, n: number, dnc: string) => `${id},Paul ${n},p${n}@example.com,+49 30 555002${n},DE,2018-01-01,2026-09-01,50,20000,30,too expensive,yes,yes,${dnc}`;
    writeFileSync(file, [head, r('00123', 1, 'yes'), r('123', 1, ''), r("'C9", 2, 'yes'), r('C9', 2, ''), r('"=""D1"""', 3, 'yes'), r('D1', 3, ''), r('E5', 4, '')].join('\n') + '\n');
    const out = join(dir, 'out');
    const run = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '--max-reject-rate', '100%', '-q']);
    expect(run.code, run.stderr).toBe(0);
    const listed = listedIn(out);
    expect(listed).toEqual(['E5']);
    expect(readCsv(join(out, 'rejects.csv')).map((x) => x.line)).toEqual(['3', '5', '7']);
  });
});

describe('an objection in a column winback does not read', () => {
  it('is honoured, and warned about in German, naming the column and how to read it as the notes', async () => {
    const dir = tempDir('winback-unread-column-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, 'Kundennummer;Name;Telefon;Kunde seit;Kündigungsdatum;Umsatz;DB %;Kündigungsgrund;Einwilligung Telefon;Kampagnenhinweis\nK1;Jörg;030 1234500;01.02.2018;01.09.2026;1.234,50;27,5;zu teuer;ja;keine Werbung mehr!\nK2;Ana;030 1234501;01.02.2018;01.09.2026;1.234,50;27,5;zu teuer;ja;Sommeraktion 2025\n');
    const r = await runCli(['plan', file, '--out', join(dir, 'out'), '--as-of', '2026-11-23', '-q', '--lang', 'de']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      "Warnung: die Spalte 'Kampagnenhinweis' ist keinem Feld zugeordnet und enthält in den ersten Zeilen einen Widerspruch („keine werbung mehr“): ein Widerspruch darin gilt in jeder Zeile; mit --map notes='Kampagnenhinweis' wird sie als Notizen gelesen",
    );
    const plans = readCsv(join(dir, 'out', 'plan.csv'));
    const k1 = plans.find((p) => p.Kundennummer === 'K1');
    expect([k1?.decision, k1?.channel]).toEqual(['never', '']);
    expect(plans.find((p) => p.Kundennummer === 'K2')?.channel).toBe('phone');
    expect(k1?.warnings).toContain('Eine nicht zugeordnete Spalte enthält einen Widerspruch („keine werbung mehr“)');
    // Read as the notes, the same.
    const mapped = await runCli(['plan', file, '--out', join(dir, 'mapped'), '--as-of', '2026-11-23', '-q', '--map', 'notes=Kampagnenhinweis']);
    expect(mapped.stderr).not.toContain('Kampagnenhinweis');
    expect(readCsv(join(dir, 'mapped', 'plan.csv')).find((p) => p.Kundennummer === 'K1')?.decision).toBe('never');
  });

  it.each([
    ['on one thread', {}],
    ['on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }],
  ])('keeps an objector off every list wherever the row stands (%s), and reaches the other rows of the id', async (_, env) => {
    const dir = tempDir('winback-unread-column-late-');
    const file = join(dir, 'export.csv');
    const head = 'Customer ID,Name,Email,Phone,Country,Customer Since,Churn Date,Orders,Revenue,Margin %,Reason,Email Opt-In,Phone Opt-In,Campaign remark,Branch code';
    const r = (n: number, remark: string) => `C${n},Lee ${n},lee${n}@example.com,+49 30 5551${String(n).padStart(4, '0')},DE,2018-01-01,2026-09-01,50,20000,30,too expensive,yes,yes,${remark},B${n % 7}`;
    const rows = Array.from({ length: 600 }, (_, i) => r(i + 1, i % 3 === 0 ? 'summer offer 2025' : ''));
    rows[449] = r(450, 'customer asked us to stop all advertising');
    // A second row of C451, late in the file: its objection reaches the clean first one.
    rows.push(r(451, 'please do not contact me again'));
    writeFileSync(file, [head, ...rows].join('\n') + '\n');
    const out = join(dir, 'out');
    const run = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '--max-reject-rate', '100%', '-q'], { env: { ...process.env, ...env } as Record<string, string> });
    expect(run.code, run.stderr).toBe(0);
    // Not in the first rows: no warning, but the objection holds.
    expect(run.stderr).not.toContain('Campaign remark');
    const listed = listedIn(out);
    expect(listed).not.toContain('C450');
    expect(listed).not.toContain('C451');
    expect(listed.length).toBeGreaterThan(500);
    const excluded = new Map(readCsv(join(out, 'excluded.csv')).map((e) => [e.customer_id as string, e.reason as string]));
    expect([excluded.get('C450'), excluded.get('C451')]).toEqual(['never', 'never']);
  });

  it('reads a channel or campaign named in such a column as no objection: "Werbung per Post ok" lists the customer', async () => {
    const dir = tempDir('winback-unread-column-values-');
    const file = join(dir, 'export.csv');
    const rows = ['Werbung per Post ok', 'Werbung per E-Mail erwünscht', 'Herbstaktion', 'Werbesperre'].map(
      (v, i) => `K${i + 1};Kim ${i + 1};030 123450${i};01.02.2018;01.09.2026;1.234,50;27,5;zu teuer;ja;${v}`,
    );
    writeFileSync(file, ['Kundennummer;Name;Telefon;Kunde seit;Kündigungsdatum;Umsatz;DB %;Kündigungsgrund;Einwilligung Telefon;Kontaktweg', ...rows].join('\n') + '\n');
    const r = await runCli(['plan', file, '--out', join(dir, 'out'), '--as-of', '2026-11-23', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const plans = new Map(readCsv(join(dir, 'out', 'plan.csv')).map((p) => [p.Kundennummer, p.decision]));
    expect([plans.get('K1'), plans.get('K2'), plans.get('K3'), plans.get('K4')]).toEqual(['win_back', 'win_back', 'win_back', 'never']);
    expect(r.stderr).toContain('"werbesperre"');
  });
});

describe('a yes/no column whose name says objection, under a header winback does not map', () => {
  it('keeps every customer with a yes (or an unclear value) there off the lists, and says so', async () => {
    const dir = tempDir('winback-objection-headers-');
    const file = join(dir, 'export.csv');
    writeFileSync(
      file,
      [
        'Kundennummer;Name;Telefon;Kundentyp;Kunde seit;Kündigungsdatum;Umsatz;Kündigungsgrund;Einwilligung Telefon;Werbeverbot;DSGVO-Widerspruch;Robinsonliste',
        '2001;Adam GmbH;030 1234567;B2B;01.01.2015;01.08.2026;50.000,00;zu teuer;ja;ja;;',
        '2002;Bauer GmbH;030 7654321;B2B;01.01.2015;01.08.2026;50.000,00;zu teuer;ja;;ja;',
        '2003;Claus GmbH;030 1111111;B2B;01.01.2015;01.08.2026;50.000,00;zu teuer;ja;;;x',
        '2004;Dorn GmbH;030 2222222;B2B;01.01.2015;01.08.2026;50.000,00;zu teuer;ja;nein;nein;nein',
        '2005;Eck GmbH;030 3333333;B2B;01.01.2015;01.08.2026;50.000,00;zu teuer;ja;#N/A;;',
      ].join('\n') + '\n',
    );
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '-q', '--lang', 'de']);
    expect(r.code, r.stderr).toBe(0);
    const listed = listedIn(out);
    expect(listed).toEqual(['2004']);
    expect(r.stderr).toContain("die Spalte 'Werbeverbot' ist keinem Feld zugeordnet, ihr Name nennt aber einen Widerspruch („werbeverbot“)");
    expect(r.stderr).toContain("'Robinsonliste'");
  });
});

describe('a block flag column (Sperrkennzeichen, gesperrt) and a second do-not-contact column', () => {
  it('keeps every customer flagged in either column off the lists: a block flag is a do-not-contact', async () => {
    const dir = tempDir('winback-block-flags-');
    const file = join(dir, 'export.csv');
    const head = 'Kundennummer;Name;Telefon;Kundentyp;Kunde seit;Kündigungsdatum;Umsatz;Kündigungsgrund;Einwilligung Telefon';
    const rows = (flag: string, second: string) => [
      `3001;Adam GmbH;030 1234567;B2B;01.01.2015;01.08.2026;50.000,00;zu teuer;ja;${flag};`,
      `3002;Bauer GmbH;030 7654321;B2B;01.01.2015;01.08.2026;50.000,00;zu teuer;ja;;${second}`,
      `3003;Claus GmbH;030 1111111;B2B;01.01.2015;01.08.2026;50.000,00;zu teuer;ja;gesperrt;nein`,
      `3004;Dorn GmbH;030 2222222;B2B;01.01.2015;01.08.2026;50.000,00;zu teuer;ja;nein;`,
      `3005;Eck GmbH;030 3333333;B2B;01.01.2015;01.08.2026;50.000,00;zu teuer;ja;;vielleicht`,
    ];
    for (const [flagHeader, secondHeader] of [['Sperrkennzeichen', 'Notiz Vertrieb'], ['Kontaktsperre', 'Sperrvermerk'], ['Sperrvermerk', 'Sperre']]) {
      writeFileSync(file, [`${head};${flagHeader};${secondHeader}`, ...rows('X', 'ja')].join('\n') + '\n');
      const out = join(dir, `out-${flagHeader}`);
      const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '-q', '--lang', 'de']);
      expect(r.code, r.stderr).toBe(0);
      const listed = listedIn(out);
      // The notes column's "ja" is no objection; under a second block column it is one, and an unclear value there blocks.
      expect(listed.sort(), flagHeader).toEqual(secondHeader === 'Notiz Vertrieb' ? ['3002', '3004', '3005'] : ['3004']);
      if (secondHeader !== 'Notiz Vertrieb') expect(r.stderr).toContain(`die Spalte '${flagHeader}' wird als do_not_contact gelesen; '${secondHeader}' sieht ebenfalls danach aus`);
    }
  });
});

describe('data kept only for a statutory retention duty (DOMAIN.md §1.2)', () => {
  it('is never contacted: a yes under "Aufbewahrungspflicht", or the notes saying so in German or English', async () => {
    const dir = tempDir('winback-retention-only-');
    const file = join(dir, 'export.csv');
    const head = 'Kundennummer;Name;Telefon;Kundentyp;Kunde seit;Kündigungsdatum;Umsatz;Kündigungsgrund;Einwilligung Telefon;Aufbewahrungspflicht;Bemerkung';
    const row = (id: string, flag: string, note: string) => `${id};Firma ${id};030 12345${id.slice(1)};B2B;01.01.2015;01.08.2026;50.000,00;zu teuer;ja;${flag};${note}`;
    writeFileSync(
      file,
      [head, row('R01', 'ja', ''), row('R02', '', 'Daten nur wegen Aufbewahrungspflicht gespeichert'), row('R03', '', 'kept only for statutory retention'), row('R04', '', 'Einschränkung der Verarbeitung nach Art. 18 DSGVO'), row('R05', 'nein', 'Aufbewahrungsfrist beachten, Kunde sonst offen'), row('R06', '', '')].join('\n') + '\n',
    );
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const listed = listedIn(out);
    expect(listed.sort()).toEqual(['R05', 'R06']);
  });
});

describe('a row with one field too many, where the header ends in a blank name (Excel)', () => {
  it('is rejected, not read with its values moved one column on (an objection lost)', async () => {
    const dir = tempDir('winback-shifted-row-');
    const file = join(dir, 'export.csv');
    writeFileSync(
      file,
      [
        'Kundennummer;Name;Telefon;Kundentyp;Kunde seit;Kündigungsdatum;Umsatz;Kündigungsgrund;Einwilligung E-Mail;Einwilligung Telefon;Einwilligung Post;Werbewiderspruch;',
        '1001;Adam;030 1234567;B2B;01.01.2015;01.08.2026;50.000,00;zu teuer;ja;ja;;nein;',
        '1002;Bauer;030 7654321;B2B;01.01.2015;01.08.2026;50.000,00;zu teuer; Konkurrenz günstiger;ja;ja;;ja;',
        '1003;Cem;030 7654322;B2B;01.01.2015;01.08.2026;50.000,00;zu teuer;ja;ja;;nein;;;',
      ].join('\n') + '\n',
    );
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '-q', '--max-reject-rate', '100%']);
    expect(r.code, r.stderr).toBe(0);
    const listed = listedIn(out);
    expect(listed).not.toContain('1002');
    expect(listed).toEqual(['1001']);
    // 1003's two empty cells more than the header are no separators the file's rows end in
    // (1001's has none): its values may have moved too, so it is rejected for its field count.
    const rejects = readCsv(join(out, 'rejects.csv'));
    expect(rejects.map((x) => [x.line, x.value])).toEqual([['3', '14'], ['4', '15']]);
  });

  // From the QA round of 2026-12-08: "60,12000" unquoted in a comma file, the last cell (Notes)
  // empty: one field too many whose extra cell is empty was read as a trailing separator, every
  // value from the revenue on one column further — "Do Not Contact: yes" became the notes.
  it.each([
    ['on this thread', {}, '1'],
    ['on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }, '2'],
  ] as const)('is rejected when its extra cell is empty too, unless the file\'s rows all end so (%s)', async (_, env, threads) => {
    const dir = tempDir('winback-shifted-empty-');
    const head = 'Customer ID,Name,Phone,Segment,Customer Since,Churn Date,Orders,Revenue,Margin %,Reason,Phone Opt-In,Do Not Contact,Notes';
    const row = (id: string, phone: string, revenue: string, dnc: string) => `${id},${id} Ltd,${phone},B2B,2015-01-01,2026-06-01,60,${revenue},30,too expensive,yes,${dnc},`;
    const rows = [row('O-1', '030 1000001', '60,12000', 'yes'), row('K-1', '030 1000001', '12000', 'no'), ...['K-2', 'K-3', 'K-4', 'K-5'].map((id, i) => row(id, `030 200000${i}`, '12000', 'no'))];
    const plan = async (name: string, lines: string[]) => {
      const file = join(dir, `${name}.csv`);
      writeFileSync(file, [head, ...lines].join('\n') + '\n');
      const out = join(dir, name);
      const r = await runCli(['plan', file, '--out', out, '--as-of', '2026-11-23', '--threads', threads, '-q'], { env });
      expect(r.code, r.stderr).toBe(0);
      return { plan: Object.fromEntries(readCsv(join(out, 'plan.csv')).map((x) => [x.customer_id, x])), rejects: readCsv(join(out, 'rejects.csv')) };
    };
    const shifted = await plan('shifted', rows);
    expect(shifted.plan['O-1']).toBeUndefined();
    expect(shifted.rejects.map((x) => [x.line, x.column])).toEqual([['2', '(field count)']]);
    expect([shifted.plan['K-1']?.decision, shifted.plan['K-1']?.warnings]).toEqual(['no_channel', 'the customer on line 2 objected to being contacted and has the same phone number: no call']);
    // A file whose rows all end in one separator more than the header: read as they stand.
    const trailing = await plan('trailing', rows.slice(1).map((l) => `${l},`));
    expect(trailing.rejects).toEqual([]);
    expect(trailing.plan['K-1']?.decision).toBe('win_back');
  });
});


// From the QA round of 2026-12-08 on the rule above: the file's own row length counts, not only the header's.
describe("a row of another length than the file's rows", () => {
  const head = 'Kundennummer;Name;Telefon;Kundentyp;Kunde seit;Kündigungsdatum;Umsatz;Kündigungsgrund;Einwilligung Telefon;Werbewiderspruch';
  const row = (id: string, phoneOk: string, objection: string) => `${id};Firma ${id};030 1${id};B2B;01.01.2015;01.08.2026;50.000,00;zu teuer;${phoneOk};${objection}`;
  const planLines = async (lines: string[], final = '\n') => {
    const dir = tempDir('winback-row-width-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, lines.join('\n') + final);
    const out = join(dir, 'out');
    const r = await runCli(['plan', file, '--out', out, '--as-of', '2026-11-23', '-q', '--max-reject-rate', '100%']);
    expect(r.code, r.stderr).toBe(0);
    return { plan: Object.fromEntries(readCsv(join(out, 'plan.csv')).map((x) => [x.Kundennummer, x])), rejects: readCsv(join(out, 'rejects.csv')) };
  };

  it('is rejected in a file whose rows end in a separator: one cut short by a value left out reads its objection as a consent', async () => {
    // 1003 lost its (empty) reason cell: "Ja" of the objection would be read as the phone consent.
    const { plan, rejects } = await planLines([head, `${row('1001', 'ja', 'nein')};`, `${row('1002', 'ja', 'nein')};`, `${row('1003', 'nein', 'ja').replace(';zu teuer;', ';')};`]);
    expect(plan['1003']).toBeUndefined();
    expect(rejects.map((x) => [x.line, x.value])).toEqual([['4', '10']]);
    expect(Object.keys(plan).sort()).toEqual(['1001', '1002']);
  });

  it('is read for an objection as its cells most likely line up: a consent "ja" beside the objection column is no objection', async () => {
    // 1001's name holds an unquoted ";": read as it lines up with every cell in place, it says "nein" to the objection.
    const { plan, rejects } = await planLines([head, row('1001', 'ja', 'nein').replace('Firma 1001', 'Firma; 1001'), row('1002', 'ja', 'nein').replace('030 11002', '030 11001'), row('1003', 'ja', 'nein')]);
    expect(rejects.map((x) => x.line)).toEqual(['2']);
    expect([plan['1002']?.decision, plan['1002']?.channel, plan['1002']?.warnings]).toEqual(['win_back', 'phone', 'margin missing: default 25 % used']);
    // The same row saying "ja" is an objector: the number it shares is closed.
    const objecting = await planLines([head, row('1001', 'ja', 'ja').replace('Firma 1001', 'Firma; 1001'), row('1002', 'ja', 'nein').replace('030 11002', '030 11001'), row('1003', 'ja', 'nein')]);
    expect(objecting.plan['1002']?.decision).toBe('no_channel');
  });

  it('of the file\'s length by two faults (a separator in a value, none at the end) is rejected when a yes/no cell holds free text', async () => {
    const header = 'Kundennummer;Name;Telefon;Kundentyp;Kunde seit;Kündigungsdatum;Umsatz;Kündigungsgrund;Einwilligung E-Mail;Einwilligung Telefon;Werbewiderspruch';
    const base = (id: string) => `${id};Firma ${id};030 1${id};B2B;01.01.2015;01.08.2026;50.000,00`;
    // 1003: "zu teuer; Service schlecht" unquoted and no ";" at the end — read as it stands, its e-mail consent "ja" would be the phone's.
    const { plan, rejects } = await planLines([header, `${base('1001')};zu teuer;ja;ja;nein;`, `${base('1002')};zu teuer;ja;ja;nein;`, `${base('1003')};zu teuer; Service schlecht;ja;nein;`]);
    expect(plan['1003']).toBeUndefined();
    expect(rejects.map((x) => [x.line, x.column])).toEqual([['4', 'Einwilligung E-Mail']]);
    expect(Object.keys(plan).sort()).toEqual(['1001', '1002']);
  });

  it('is read when only the header ends in a separator, and the last row without a line break is no cut by its blank column', async () => {
    const { plan, rejects } = await planLines([`${head};`, row('1001', 'ja', 'nein'), row('1002', 'ja', 'nein')], '');
    expect(rejects).toEqual([]);
    expect([plan['1001']?.decision, plan['1002']?.decision]).toEqual(['win_back', 'win_back']);
  });
});

describe("Excel's text wrapping in a CSV (=\"00123\")", () => {
  it('is read as the value the spreadsheet shows: ids and postal codes keep their zeros, without the wrapping', async () => {
    const dir = tempDir('winback-excel-text-');
    const file = join(dir, 'export.csv');
    writeFileSync(
      file,
      ['Kundennummer;Name;PLZ;Kündigungsdatum;Umsatz;Kündigungsgrund;Einwilligung Telefon;Telefon', '="00123";A;="01067";01.08.2026;1.000,00;zu teuer;ja;030 1234567', '"=""00124""";B;="01069";01.08.2026;1.000,00;zu teuer;ja;030 1234568'].join('\n') + '\n',
    );
    const r = await runCli(['plan', file, '--out', join(dir, 'out'), '--as-of', '2026-11-23', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const plans = readCsv(join(dir, 'out', 'plan.csv'));
    expect(plans.map((p) => p.customer_id).sort()).toEqual(['00123', '00124']);
  });
});

describe('blank headers after the last column (Excel’s trailing separators)', () => {
  it('are no header repeated, and inspect names them by number as --map does', async () => {
    const dir = tempDir('winback-blank-headers-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, 'Kundennummer;Name;Kündigungsdatum;;\n1;A;01.08.2026;;\n');
    const r = await runCli(['inspect', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { unmapped: string[]; warnings: string[] };
    expect(report.unmapped).toEqual(['#4', '#5']);
    expect(report.warnings.join('\n')).not.toContain('more than once');
    expect(r.stderr).not.toContain('more than once');
  });
});

describe('a title row above the header (an Excel report saved as CSV)', () => {
  it('is passed over with a warning naming its lines, as in a workbook, in English and German, on one thread and on workers', async () => {
    const dir = tempDir('winback-title-row-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, 'Kündigungen 2026;;;\n;;;\n\nKundennummer;Name;Kündigungsdatum;Umsatz\n1;A;01.08.2026;100,00\n2;B;02.08.2026;200,00\n');
    const r = await runCli(['plan', file, '--out', join(dir, 'out'), '--as-of', '2026-11-23']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: lines 1–3 skipped as a title: the column names are on line 4');
    const plan = readCsv(join(dir, 'out', 'plan.csv'));
    expect(plan.map((p) => [p.Kundennummer, p.Umsatz])).toEqual([['1', '100,00'], ['2', '200,00']]);
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8'));
    expect([summary.input_rows, summary.rejected]).toEqual([2, 0]);
    const de = await runCli(['plan', file, '--out', join(dir, 'de'), '--as-of', '2026-11-23', '--lang', 'de']);
    expect(de.stderr).toContain('Warnung: Zeilen 1–3 als Titel übersprungen: die Spaltenüberschriften stehen in Zeile 4');
    const workers = await runCli(['plan', file, '--out', join(dir, 'workers'), '--as-of', '2026-11-23', '--threads', '2', '-q'], { env: { WINBACK_PARALLEL_MIN_BYTES: '0' } });
    expect(workers.code, workers.stderr).toBe(0);
    expect(readFileSync(join(dir, 'workers', 'plan.csv')).equals(readFileSync(join(dir, 'out', 'plan.csv')))).toBe(true);
    // One title line: "line 1"; a header that names no required column anywhere stays an error (65).
    writeFileSync(file, 'Export Vertrieb Nord;\nKundennummer;Kündigungsdatum\n1;01.08.2026\n');
    const one = await runCli(['inspect', file]);
    expect(one.stdout).toContain('warning: line 1 skipped as a title: the column names are on line 2');
    writeFileSync(file, 'Export Vertrieb Nord;\nNummer;Datum\n1;01.08.2026\n');
    expect((await runCli(['plan', file, '--out', join(dir, 'none'), '--as-of', '2026-11-23'])).code).toBe(65);
  });
});

describe('a permission, an objection day or a blocking status in a column no field claims, and a block written into the name', () => {
  const head = 'Kundennummer;Name;Ansprechpartner;Telefon;Kundentyp;Kunde seit;Kündigungsdatum;Umsatz;Kündigungsgrund;Einwilligung Telefon';
  const row = (id: string, name: string, person: string, extra: string) => `${id};${name};${person};030 12345${id.slice(1)};B2B;01.01.2015;01.08.2026;50.000,00;zu teuer;ja;${extra}`;

  it.each([
    // A general permission: a no or an unclear value blocks; a yes or a blank lists.
    ['Kontakt erlaubt', ['nein', 'withdrawn', 'vielleicht'], ['ja', '']],
    ['Marketing Consent', ['No', 'N', 'withdrawn'], ['Yes', '']],
    ['Werbung erwünscht', ['nein', 'false'], ['ja', '']],
    ['Allow Marketing', ['false'], ['true', '']],
    // The day of an objection: any value but a no blocks.
    ['Widerspruch Datum', ['12.05.2026', 'ja'], ['nein', '']],
    ['Objection Date', ['2026-05-12'], ['']],
    ['Abgemeldet am', ['12.05.2026'], ['']],
    // A status: the words that say blocked block; others list.
    ['Kundenstatus', ['Robinson', 'gesperrt', 'Unsubscribed'], ['aktiv', '']],
    ['Account Status', ['Blocked'], ['Active']],
  ])('%s: %j keep the customer off every list, %j do not', async (header, blocking, listing) => {
    const dir = tempDir('winback-block-columns-');
    const file = join(dir, 'export.csv');
    const values = [...blocking, ...listing];
    writeFileSync(file, [`${head};${header}`, ...values.map((v, i) => row(`K${i + 10}`, `Firma K${i + 10}`, 'Frau Roth', v))].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '--lang', 'de']);
    expect(r.code, r.stderr).toBe(0);
    const listed = listedIn(out);
    expect(listed.sort()).toEqual(listing.map((_, i) => `K${blocking.length + i + 10}`));
    expect(r.stderr).toContain(`die Spalte '${header}' wird als`);
  });

  it('keeps a customer whose name or contact person carries the block off the lists, and names plain companies as before', async () => {
    const dir = tempDir('winback-block-names-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, [head, row('N1', 'ACME Corp [DO NOT CONTACT]', 'Frau Roth', ''), row('N2', 'Müller GmbH - WERBESPERRE', '', ''), row('N3', 'Firma N3', 'Herr Maier (will keine Werbung)', ''), row('N4', 'Kontakt & Marketing GmbH', 'Herr Kein', '')].map((l) => l.replace(/;$/, '')).join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const listed = listedIn(out);
    expect(listed).toEqual(['N4']);
  });
});

describe('a permission or an objection for one channel, in a column of its own', () => {
  // Every customer gave consent in the mapped column; a second column of the channel says otherwise for some.
  // Each has one contact point, so the plan's channel is that one or none.
  const head = (channel: 'email' | 'phone') => `Kundennummer;Name;${channel === 'email' ? 'E-Mail;Einwilligung E-Mail' : 'Telefon;Einwilligung Telefon'};Kundentyp;Kunde seit;Kündigungsdatum;Umsatz;DB %;Kündigungsgrund`;
  const row = (channel: 'email' | 'phone', id: string, extra: string[]) =>
    `${id};Kunde ${id};${channel === 'email' ? `${id.toLowerCase()}@web.de` : `0171 12345${id.slice(1).padStart(2, '0')}`};ja;B2C;01.01.2018;15.10.2026;12.345,67;30,5;zu teuer;${extra.join(';')}`;

  it.each([
    ['Widerspruch E-Mail', 'email', ['ja', '12.06.2026', 'x'], ['nein', '']],
    ['Abmeldung E-Mail', 'email', ['12.06.2026', 'ja'], ['nein', '']],
    ['Werbung per E-Mail', 'email', ['nein', 'abgemeldet'], ['ja', '']],
    ['Newsletter', 'email', ['abgemeldet', 'nein', 'Abmeldung am 12.06.2026'], ['ja', '']],
    ['Double-Opt-In', 'email', ['nein'], ['ja']],
    ['Anrufe erwünscht', 'phone', ['nein'], ['ja', '']],
    ['Telefon Opt-In', 'phone', ['nein', 'no'], ['ja']],
    ['Werbeanrufe', 'phone', ['nein'], ['ja']],
    ['Telefonkontakt erlaubt', 'phone', ['nein'], ['ja']],
    // A day under a permission is when it was given.
    ['Email Consent Date', 'email', ['nein', 'withdrawn'], ['2021-03-04', '04.03.2021', '']],
  ] as const)('"%s" keeps those who said no off the %s channel', async (header, channel, blocking, allowing) => {
    const dir = tempDir('winback-channel-column-');
    const file = join(dir, 'export.csv');
    const values = [...blocking, ...allowing];
    writeFileSync(file, `${head(channel)};${header}\n${values.map((v, i) => row(channel, `K${i + 1}`, [v])).join('\n')}\n`);
    const out = join(dir, 'out');
    const r = await runCli(['plan', file, '--out', out, '--as-of', '2026-11-23', '--lang', 'de']);
    expect(r.code, r.stderr).toBe(0);
    const plan = readCsv(join(out, 'plan.csv'));
    expect(plan.filter((p) => p.channel === channel).map((p) => p.customer_id).sort()).toEqual(allowing.map((_, i) => `K${blocking.length + i + 1}`).sort());
    expect(plan.filter((p) => p.decision === 'no_channel').map((p) => p.customer_id).sort()).toEqual(blocking.map((_, i) => `K${i + 1}`).sort());
    expect(r.stderr).toMatch(new RegExp(`'${header}' (wird als|sieht ebenfalls)`));
  });

  it('leaves a contact point alone: "E-Mail privat" is no permission column', async () => {
    const dir = tempDir('winback-channel-column-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, `${head('email')};E-Mail privat\n${row('email', 'K1', ['k1@privat.de'])}\n`);
    const out = join(dir, 'out');
    const r = await runCli(['plan', file, '--out', out, '--as-of', '2026-11-23', '--lang', 'de']);
    expect(r.code, r.stderr).toBe(0);
    expect(readCsv(join(out, 'plan.csv'))[0]?.channel).toBe('email');
  });
});

describe('an objector whose id another row spells another way', () => {
  it('keeps both rows off every list: "KD-9001" objected, "KD 9001", "KD_9001", "ＫＤ－9001", "kd9001" are the same customer', async () => {
    const dir = tempDir('winback-id-spellings-');
    const file = join(dir, 'export.csv');
    const head = 'Kundennummer;Name;Telefon;Kundentyp;Kunde seit;Kündigungsdatum;Umsatz;DB %;Kündigungsgrund;Einwilligung Telefon;Werbewiderspruch';
    const row = (id: string, objected: string) => `${id};Kunde;0171 1234567;B2C;01.01.2018;15.10.2026;12.345,67;30,5;zu teuer;ja;${objected}`;
    writeFileSync(file, [head, row('KD-9001', 'ja'), row('KD 9001', ''), row('KD_9001', ''), row('ＫＤ－9001', ''), row('kd9001', '')].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '--max-reject-rate', '100%', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(readCsv(join(out, 'campaign-phone.csv'))).toEqual([]);
    expect(readCsv(join(out, 'rejects.csv')).map((x) => x.customer_id)).toEqual(['KD 9001', 'KD_9001', 'ＫＤ－9001', 'kd9001']);
  });
});

describe("an objector's contact point under an id no spelling rule folds (KD-09002 beside KD-9002)", () => {
  const head = 'Kundennummer;Name;Telefon;E-Mail;Kundentyp;Kunde seit;Kündigungsdatum;Umsatz;DB %;Kündigungsgrund;Einwilligung Telefon;Einwilligung E-Mail;Werbewiderspruch';
  const row = (id: string, phone: string, email: string, objected: string) => `${id};Kunde;${phone};${email};B2C;01.01.2018;15.10.2026;12.345,67;30,5;zu teuer;ja;ja;${objected}`;
  // KD-9002 objected; KD-09002 and 9002 are the same person under ids the customer key keeps
  // apart (same number, another spelling; same mailbox in capitals). KD-7000 is someone else.
  const rows = [
    row('KD-09002', '+49 171 1234567', 'Max.Muster@Example.de', ''),
    row('KD-7000', '0171 7654321', 'anna@example.de', ''),
    row('KD-9002', '0171 1234567', 'max.muster@example.de', 'ja'),
    row('9002', '0171/1234567', '', ''),
  ];

  it.each([
    ['on this thread', {}, '1', rows],
    ['on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }, '2', rows],
    ['with the objector first', {}, '1', [rows[2], rows[0], rows[1], rows[3]]],
  ] as const)('lists nobody at it and names the objector in excluded.csv (%s)', async (_, env, threads, lines) => {
    const dir = tempDir('winback-objector-contact-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, [head, ...lines].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '--threads', threads, '-q'], { env });
    expect(r.code, r.stderr).toBe(0);
    const listed = ['campaign-phone.csv', 'campaign-email.csv'].flatMap((name) => readCsv(join(out, name)).map((x) => x.customer_id));
    expect(listed).toEqual(['KD-7000']);
    const excluded = Object.fromEntries(readCsv(join(out, 'excluded.csv')).map((x) => [x.customer_id, x]));
    expect(excluded['KD-09002']?.reason).toBe('objector_contact');
    expect(excluded['9002']?.reason).toBe('objector_contact');
    // The plan closed both channels (the permission verdict), naming the objector's line.
    const objectorLine = lines.indexOf(rows[2] as string) + 2;
    expect(excluded['KD-09002']?.detail).toBe(`the customer on line ${objectorLine} objected to being contacted and has the same phone number: no call; the customer on line ${objectorLine} objected to being contacted and has the same e-mail address: no e-mail`);
    expect(excluded['KD-9002']?.reason).toBe('never');
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).counts.excluded.objector_contact).toBe(2);
  });

  // KD-8000 shares the objector's number only: its own mailbox is written to.
  const sharing = [...rows, row('KD-8000', '0171 1234567', 'b@example.de', '')];
  it.each([
    ['on this thread', {}, '1', sharing],
    ['on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }, '2', sharing],
    ['with the objector first', {}, '1', [sharing[2], sharing[0], sharing[1], sharing[3], sharing[4]]],
    ['with the objector last, on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }, '3', [sharing[0], sharing[1], sharing[3], sharing[4], sharing[2]]],
  ] as const)('plans nobody on it in plan.csv: another channel of their own, or none, naming the objector\'s line (%s)', async (_, env, threads, lines) => {
    const dir = tempDir('winback-objector-contact-plan-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, [head, ...lines].join('\n') + '\n');
    const objectorLine = lines.indexOf(sharing[2] as string) + 2;
    const out = join(dir, 'out');
    const r = await runCli(['plan', file, '--out', out, '--as-of', '2026-11-23', '--threads', threads, '-q'], { env });
    expect(r.code, r.stderr).toBe(0);
    const plan = Object.fromEntries(readCsv(join(out, 'plan.csv')).map((x) => [x.customer_id, x]));
    const planned = (id: string) => [plan[id]?.decision, plan[id]?.channel];
    expect(planned('KD-7000')).toEqual(['win_back', 'phone']);
    expect(planned('KD-8000')).toEqual(['win_back', 'email']);
    expect(planned('KD-09002')).toEqual(['no_channel', '']);
    expect(planned('9002')).toEqual(['no_channel', '']);
    expect(planned('KD-9002')).toEqual(['never', '']);
    expect(plan['KD-8000']?.warnings).toBe(`the customer on line ${objectorLine} objected to being contacted and has the same phone number: no call`);
    expect(plan['KD-7000']?.warnings).toBe('');
  });

  it('is closed in the explanation of one customer and counted so by the report', async () => {
    const dir = tempDir('winback-objector-contact-explain-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, [head, ...sharing].join('\n') + '\n');
    // The explanation of one customer says what plan.csv says (only that customer planned).
    const explained = await runCli(['plan', file, '--explain', 'KD-8000', '--as-of', '2026-11-23', '--json']);
    expect(explained.code, explained.stderr).toBe(0);
    const why = JSON.parse(explained.stdout) as { channel: string; permission: Record<string, boolean> };
    expect(why.channel).toBe('email');
    expect(why.permission).toMatchObject({ phone: false, email: true });
    const text = await runCli(['plan', file, '--explain', 'KD-8000', '--as-of', '2026-11-23']);
    // Whose point it is: the objector's line (4), as plan.csv's warning names it; in German too.
    expect(text.stdout).toContain('phone no (objector_contact, the customer on line 4)');
    const german = await runCli(['plan', file, '--explain', 'KD-8000', '--as-of', '2026-11-23', '--lang', 'de']);
    expect(german.stdout).toMatch(/Telefon nein \([^)]*, Kunde in Zeile 4\)/);
    // The report counts what the plan decided.
    const report = await runCli(['report', file, '--as-of', '2026-11-23', '--json']);
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout).decisions).toMatchObject({ win_back: 2, no_channel: 2, never: 1 });
  });

  // From a QA round on the first version (2026-12-07): an objector read after a duplicate id that a
  // later row decides (the rest of the first reading only counted), an objector row rejected for an
  // implausible value, and --budget's own reading.
  const QA_HEAD = 'Customer ID,Name,Email,Phone,Street,Zip,City,Country,Segment,Churn Date,Customer Since,Orders,Revenue,Margin %,Reason,Notes,Email Opt-In,Phone Opt-In,Mail Opt-In,Do Not Contact';
  const qaRow = (id: string, email: string, phone: string, street: string, churn: string, emailOk: string, phoneOk: string, mailOk: string, dnc: string) => `${id},${id} GmbH,${email},${phone},${street},10115,Berlin,DE,B2B,${churn},2015-01-01,200,500000,30,price too high,,${emailOk},${phoneOk},${mailOk},${dnc}`;
  /** plan.csv by customer id, of an export of `rows` under QA_HEAD planned on `threads` (and the output folder). */
  const planRows = async (rows: readonly string[], threads: string, env: Record<string, string>): Promise<{ plan: Record<string, Record<string, string>>; out: string }> => {
    const dir = tempDir('winback-objector-points-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, [QA_HEAD, ...rows].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['plan', file, '--out', out, '--as-of', '2026-11-23', '--threads', threads, '-q'], { env });
    expect(r.code, r.stderr).toBe(0);
    return { plan: Object.fromEntries(readCsv(join(out, 'plan.csv')).map((x) => [x.customer_id, x])), out };
  };
  it.each([
    ['on this thread', {}, '1'],
    ['on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }, '2'],
  ] as const)('is closed when the objector comes after a duplicate id a later row decides, and when its row is implausible (%s)', async (_, env, threads) => {
    const { plan } = await planRows([
      qaRow('D-1', 'd1@x.de', '030 3333333', 'Weg 98', '2026-06-01', 'no', 'yes', 'no', 'no'),
      // The later row of D-1 withdraws the phone consent: it is used, so the export is read again.
      qaRow('D-1', 'd1@x.de', '030 3333333', 'Weg 98', '2026-06-01', 'no', 'no', 'no', 'no'),
      qaRow('K-1', 'k1@x.de', '030 1000001', 'Weg 1', '2026-06-01', 'yes', 'yes', 'yes', 'no'),
      qaRow('O-1', 'o1@x.de', '+49 30 1000001', 'Weg 2', '2026-06-01', 'yes', 'yes', 'yes', 'yes'),
      // O-2 left "in the future" (implausible, rejected were it no objector): K-2 shares its number.
      qaRow('K-2', 'k2@x.de', '030 2000002', 'Weg 3', '2026-06-01', 'no', 'yes', 'no', 'no'),
      qaRow('O-2', 'o2@x.de', '+49 30 2000002', 'Weg 4', '2027-06-01', 'yes', 'yes', 'yes', 'yes'),
    ], threads, env);
    expect([plan['K-1']?.decision, plan['K-1']?.channel]).toEqual(['win_back', 'letter']);
    expect(plan['K-1']?.warnings).toBe('the customer on line 5 objected to being contacted and has the same phone number: no call');
    expect([plan['K-2']?.decision, plan['K-2']?.channel]).toEqual(['no_channel', '']);
    expect(plan['O-2']?.decision).toBe('never');
    expect(plan['O-2']?.warnings).toContain('a customer cannot have left in the future');
    expect(plan['O-2']?.warnings).toContain('the row is kept as it is for its objection');
  });

  // From the same QA round: an objector id's other row, which does not object itself, holds
  // another number; a third customer at that number reaches the person who objected.
  const objecting = qaRow('O-1', 'o1@x.de', '030 1000001', 'Weg 2', '2026-06-01', 'yes', 'yes', 'yes', 'yes');
  const silent = qaRow('O-1', 'o1@x.de', '030 5555555', 'Weg 2', '2026-06-01', 'yes', 'yes', 'yes', 'no');
  const third = qaRow('K-1', 'k1@x.de', '030/555 5555', 'Weg 9', '2026-06-01', 'no', 'yes', 'no', 'no');
  const control = qaRow('K-2', 'k2@x.de', '030 7777777', 'Weg 7', '2026-06-01', 'no', 'yes', 'no', 'no');
  // Rows enough that the superseded row stays under the reject limit.
  const more = ['K-3', 'K-4'].map((id, i) => qaRow(id, `k${i + 3}@x.de`, `030 888888${i}`, `Weg ${i + 10}`, '2026-06-01', 'no', 'yes', 'no', 'no'));
  it.each([
    ['the objecting row first, on this thread', {}, '1', [objecting, silent, third, control]],
    ['the objecting row first, on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }, '2', [objecting, silent, third, control]],
    ['the objecting row last, on this thread', {}, '1', [silent, third, control, objecting]],
    ['the third customer first, on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }, '3', [third, control, silent, objecting]],
  ] as const)("is closed at the number in the objector's other row (%s)", async (_, env, threads, lines) => {
    const { plan } = await planRows([...lines, ...more], threads, env);
    const silentLine = lines.indexOf(silent) + 2;
    expect([plan['K-1']?.decision, plan['K-1']?.channel]).toEqual(['no_channel', '']);
    expect(plan['K-1']?.warnings).toBe(`the customer on line ${silentLine} objected to being contacted and has the same phone number: no call`);
    expect([plan['K-2']?.decision, plan['K-2']?.channel]).toEqual(['win_back', 'phone']);
    expect(plan['O-1']?.decision).toBe('never');
  });

  // From the QA round of 2026-12-07: a row rejected (a bad cell, a field too many, no id) is not
  // planned, but the number in it is still the person's who objected — by that row, or by
  // another row of its id.
  const unreadable = silent.replace(',500000,', ',abc,');
  // "Omega, Berlin" unquoted: one field too many, every cell after it one column off.
  const commaInName = objecting.replace('O-1 GmbH', 'Omega, Berlin');
  const noId = objecting.replace(/^O-1,/, ',');
  // A missing-value marker in the id cell is no id either (QA round of 2026-12-08).
  const naId = objecting.replace(/^O-1,/, '#N/A,');
  it.each([
    ['an objector id\'s other row with an unreadable cell, on this thread', {}, '1', [objecting, unreadable, third, control], unreadable],
    ['an objector id\'s other row with an unreadable cell, the third customer first, on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }, '2', [third, control, unreadable, objecting], unreadable],
    ['an objecting row with a field too many, on this thread', {}, '1', [third, control, commaInName], commaInName],
    ['an objecting row with a field too many, on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }, '2', [commaInName, control, third], commaInName],
    ['an objecting row without an id, on this thread', {}, '1', [third, noId, control], noId],
    ['an objecting row without an id, on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }, '2', [noId, third, control], noId],
    ['an objecting row whose id is "#N/A", on this thread', {}, '1', [third, naId, control], naId],
    ['an objecting row whose id is "#N/A", on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }, '2', [naId, control, third], naId],
  ] as const)('is closed at the number in a rejected row (%s)', async (_, env, threads, lines, rejected) => {
    const shared = (lines as readonly string[]).map((l) => (l === third && rejected !== unreadable ? third.replace('030/555 5555', '030-1000001') : l));
    const rejectedLine = lines.indexOf(rejected as never) + 2;
    const { plan, out } = await planRows([...shared, ...more, ...more.map((l) => l.replace(/K-(\d)/g, 'K-1$1'))], threads, env);
    expect(readCsv(join(out, 'rejects.csv')).map((r) => r.line)).toContain(String(rejectedLine));
    expect([plan['K-1']?.decision, plan['K-1']?.channel]).toEqual(['no_channel', '']);
    expect(plan['K-1']?.warnings).toBe(`the customer on line ${rejectedLine} objected to being contacted and has the same phone number: no call`);
    expect([plan['K-2']?.decision, plan['K-2']?.channel]).toEqual(['win_back', 'phone']);
  });

  it.each([
    ['on this thread', {}, '1'],
    ['on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }, '2'],
  ] as const)('reaches the id of an objecting row rejected beside a row of it that is used: never contacted, and every number of it closed (%s)', async (_, env, threads) => {
    // O-1's used row (line 2) does not object; its rejected row (line 4) does, at a number K-1 has;
    // K-9 has the number of O-1's used row.
    const k9 = third.replace('K-1', 'K-9').replace('k1@', 'k9@').replace('030/555 5555', '030 5555555');
    const { plan } = await planRows([silent, third.replace('030/555 5555', '030-1000001'), commaInName, control, k9, ...more], threads, env);
    expect([plan['K-1']?.decision, plan['K-1']?.channel]).toEqual(['no_channel', '']);
    expect(plan['K-1']?.warnings).toBe('the customer on line 4 objected to being contacted and has the same phone number: no call');
    expect([plan['K-9']?.decision, plan['K-9']?.warnings]).toEqual(['no_channel', 'the customer on line 2 objected to being contacted and has the same phone number: no call']);
    expect(plan['O-1']?.decision).toBe('never');
    expect(plan['O-1']?.warnings).toContain("line 4 has this customer's id too and was rejected (field count), but it says the customer objected or must not be contacted: never contacted");
    expect([plan['K-2']?.decision, plan['K-2']?.channel]).toEqual(['win_back', 'phone']);
  });

  // Once a customer is found at an objector's point noted before it, the rest of the first
  // reading only counts its rows: an objector further on must still be noted, whoever shares its number.
  it.each([
    ['on this thread', {}, '1'],
    ['on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }, '2'],
  ] as const)('is closed for objectors after the first customer found at one (%s)', async (_, env, threads) => {
    const lines = [
      qaRow('O-1', 'o1@x.de', '030 1000001', 'Weg 1', '2026-06-01', 'yes', 'yes', 'yes', 'yes'),
      qaRow('K-1', 'k1@x.de', '030 1000001', 'Weg 2', '2026-06-01', 'no', 'yes', 'no', 'no'),
      qaRow('K-3', 'k3@x.de', '030 2000002', 'Weg 3', '2026-06-01', 'no', 'yes', 'no', 'no'),
      qaRow('O-2', 'o2@x.de', '030 2000002', 'Weg 4', '2026-06-01', 'yes', 'yes', 'yes', 'yes'),
      qaRow('K-2', 'k2@x.de', '030 2000002', 'Weg 5', '2026-06-01', 'no', 'yes', 'no', 'no'),
      qaRow('K-4', 'k4@x.de', '030 4000004', 'Weg 6', '2026-06-01', 'no', 'yes', 'no', 'no'),
    ];
    const { plan, out } = await planRows(lines, threads, env);
    expect(['K-1', 'K-2', 'K-3', 'K-4'].map((id) => [id, plan[id]?.decision])).toEqual([['K-1', 'no_channel'], ['K-2', 'no_channel'], ['K-3', 'no_channel'], ['K-4', 'win_back']]);
    expect(plan['K-3']?.warnings).toBe('the customer on line 5 objected to being contacted and has the same phone number: no call');
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).input_rows).toBe(6);
  });

  // From the QA round on this stop's version (2026-12-07): a customer planned on another channel
  // of their own kept the objector's mailbox open, and a capacity moved them onto it.
  it.each([
    ['on this thread', {}, '1'],
    ['on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }, '2'],
  ] as const)('is closed on every channel, not only the one first planned: a capacity moves nobody onto it (%s)', async (_, env, threads) => {
    const rows = [
      qaRow('O-1', 'info@omega.de', '030 1000001', 'Weg 1', '2026-06-01', 'yes', 'yes', 'yes', 'yes'),
      qaRow('K-1', 'info@omega.de', '030 7000007', 'Weg 7', '2026-06-01', 'yes', 'yes', 'no', 'no'),
      qaRow('K-2', 'k2@x.de', '030 8000008', 'Weg 8', '2026-06-01', 'yes', 'yes', 'no', 'no'),
    ];
    const free = await planRows(rows, threads, env);
    expect([free.plan['K-1']?.channel, free.plan['K-1']?.warnings]).toEqual(['phone', 'the customer on line 2 objected to being contacted and has the same e-mail address: no e-mail']);
    const dir = tempDir('winback-objector-capacity-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, [QA_HEAD, ...rows].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['plan', file, '--out', out, '--as-of', '2026-11-23', '--capacity', 'phone=0', '--threads', threads, '-q'], { env });
    expect(r.code, r.stderr).toBe(0);
    const plan = Object.fromEntries(readCsv(join(out, 'plan.csv')).map((x) => [x.customer_id, x]));
    expect(plan['K-1']?.channel).not.toBe('email');
    expect(plan['K-2']?.channel).toBe('email');
  });

  it('is closed in a plan within a budget, and the customer left without a channel is no_channel, not over budget', async () => {
    const dir = tempDir('winback-objector-budget-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, [QA_HEAD,
      qaRow('A-1', 'info@alpha.de', '030 1234567', 'Weg 1', '2026-06-01', 'no', 'yes', 'no', 'no'),
      qaRow('O-1', 'info@omega.de', '+49 30 1234567', 'Weg 2', '2026-06-01', 'yes', 'yes', 'yes', 'yes'),
      qaRow('A-4', 'info@delta.de', '030/4444444', 'Weg 4', '2026-06-01', 'no', 'yes', 'no', 'no'),
    ].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['plan', file, '--out', out, '--as-of', '2026-11-23', '--budget', '100000', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const plan = Object.fromEntries(readCsv(join(out, 'plan.csv')).map((x) => [x.customer_id, x]));
    expect([plan['A-1']?.decision, plan['A-1']?.channel]).toEqual(['no_channel', '']);
    expect(plan['A-1']?.warnings).toBe('the customer on line 3 objected to being contacted and has the same phone number: no call');
    expect([plan['A-4']?.decision, plan['A-4']?.channel]).toEqual(['win_back', 'phone']);
  });

  it('counts a customer left without a channel by it as no channel in a report on the campaign folder, as on the export', async () => {
    const dir = tempDir('winback-objector-contact-report-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, [head, ...sharing].join('\n') + '\n');
    const out = join(dir, 'out');
    const c = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '-q']);
    expect(c.code, c.stderr).toBe(0);
    const fromFolder = await runCli(['report', out, '--json']);
    const fromExport = await runCli(['report', file, '--as-of', '2026-11-23', '--json']);
    expect(fromFolder.code, fromFolder.stderr).toBe(0);
    const folder = JSON.parse(fromFolder.stdout);
    expect(folder.decisions).toEqual(JSON.parse(fromExport.stdout).decisions);
    expect(folder.decisions).toMatchObject({ win_back: 2, no_channel: 2, never: 1 });
    expect(folder.funnel.steps.find((x: { step: string }) => x.step === 'contactable')?.count).toBe(2);
    expect(folder.funnel.unreachable).toEqual({ objector_contact: 2 });
  });

  it('keeps a serial defector planned again without incentives off it too (campaign, serialDefectors: cap)', async () => {
    const dir = tempDir('winback-objector-contact-serial-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, [head, ...sharing].join('\n') + '\n');
    const ledger = join(dir, 'ledger.csv');
    const first = await runCli(['campaign', file, '--out', join(dir, 'w1'), '--as-of', '2026-11-23', '--ledger', ledger, '--period', '366d', '-q']);
    expect(first.code, first.stderr).toBe(0);
    // KD-8000 (the objector's number, a mailbox of its own) came back and left again.
    writeFileSync(join(dir, 'returns.csv'), 'customer_id,return_date,cancelled_again\nKD-8000,2026-12-10,2027-02-01\n');
    writeFileSync(join(dir, 'cap.yaml'), 'campaign:\n  serialDefectors: cap\n');
    const out = join(dir, 'cap');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2027-03-01', '--ledger', ledger, '--dry-run', '--outcomes', join(dir, 'returns.csv'), '--config', join(dir, 'cap.yaml'), '--period', '366d', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const email = readCsv(join(out, 'campaign-email.csv')).find((x) => x.customer_id === 'KD-8000');
    expect(email?.offer_type).toBe('none');
    expect(listedIn(out).filter((id) => id === 'KD-8000')).toEqual(['KD-8000']);
  });

  it.each([
    ['on this thread', {}, '1'],
    ['on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }, '2'],
  ] as const)('reads every address and number of the objector\'s cells, and the number a visit list shows (%s)', async (_, env, threads) => {
    const dir = tempDir('winback-objector-cells-');
    const file = join(dir, 'export.csv');
    const header = 'Kundennummer;Name;Telefon;E-Mail;Kundentyp;Kunde seit;Kündigungsdatum;Umsatz;DB %;Kündigungsgrund;Einwilligung Telefon;Einwilligung E-Mail;Werbewiderspruch;Key Account;Betreuer';
    const line = (id: string, phone: string, email: string, objected: string, visit = '') => `${id};Kunde ${id};${phone};${email};B2C;01.01.2018;15.10.2026;${visit ? '912.345,67' : '12.345,67'};30,5;zu teuer;ja;ja;${objected};${visit ? 'ja' : 'nein'};${visit}`;
    writeFileSync(file, [header,
      line('KD-1', '030 1000001 (privat)', 'max@firma.de, mm@firma.de', 'ja'),
      line('KD-2', '', 'mm@firma.de', ''),
      line('KD-3', '+49 30 1000001', '', ''),
      line('KD-4', '0151 2000002 / 030 2000002', '', 'ja'),
      line('KD-5', '030 2000002', '', ''),
      line('KO-1', '030 7000007', '', 'ja'),
      line('KO-2', '030 7000007', '', '', 'Tom Becker'),
      line('KD-6', '030 6000006', 'anna@example.de', ''),
    ].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '--threads', threads, '-q'], { env });
    expect(r.code, r.stderr).toBe(0);
    const listed = listedIn(out);
    expect(listed.filter((id) => id !== 'KD-6')).toEqual([]);
    const excluded = Object.fromEntries(readCsv(join(out, 'excluded.csv')).map((x) => [x.customer_id, x.reason]));
    expect(excluded).toMatchObject({ 'KD-2': 'objector_contact', 'KD-3': 'objector_contact', 'KD-5': 'objector_contact', 'KO-2': 'objector_contact' });
  });

  it("keeps the worksheet's lists off it too", async () => {
    const dir = tempDir('winback-objector-contact-ws-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, [head, ...rows].join('\n') + '\n');
    writeFileSync(join(dir, 'answers.json'), '{}');
    const out = join(dir, 'out');
    const r = await runCli(['worksheet', file, '--session', join(dir, 'session.json'), '--answers', join(dir, 'answers.json'), '--out', out, '--as-of', '2026-11-23']);
    expect(r.code, r.stderr).toBe(0);
    const listed = ['campaign-phone.csv', 'campaign-email.csv'].flatMap((name) => readCsv(join(out, name)).map((x) => x.customer_id));
    expect(listed).toEqual(['KD-7000']);
    const excluded = Object.fromEntries(readCsv(join(out, 'excluded.csv')).map((x) => [x.customer_id, x.reason]));
    expect(excluded).toMatchObject({ 'KD-09002': 'objector_contact', 9002: 'objector_contact', 'KD-9002': 'never' });
  });

  it('says so in German', async () => {
    const dir = tempDir('winback-objector-contact-de-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, [head, ...rows].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '23.11.2026', '--period', '366d', '--lang', 'de', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const kd = readCsv(join(out, 'excluded.csv')).find((x) => Object.values(x).includes('KD-09002'));
    expect(Object.values(kd ?? {}).join(' ')).toContain('der Kunde in Zeile 4 hat der Ansprache widersprochen und hat dieselbe Telefonnummer: kein Anruf');
  });
});

describe("an older row's objection beside a newer row of the same id (Last Modified)", () => {
  it.each([
    ['on this thread', {}, '1'],
    ['on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }, '2'],
  ] as const)('keeps the customer off every list: the newest row wins the consents, not over the objection (%s)', async (_, env, threads) => {
    const dir = tempDir('winback-older-objection-');
    const file = join(dir, 'export.csv');
    const head = 'Customer ID,Name,Phone,Segment,Customer Since,Churn Date,Revenue,Reason,Phone Opt-In,Do Not Contact,Notes,Last Modified';
    const row = (id: string, dnc: string, notes: string, modified: string) => `${id},Person ${id},+44 7911 12${id.slice(-4)},B2C,2019-01-01,2026-10-01,5000,Price too high,Yes,${dnc},${notes},${modified}`;
    const rows = [
      row('U-0001', '', 'customer asked to unsubscribe from all marketing', '2026-10-01'),
      row('u-0001', '', '', '2026-10-15'),
      row('U-0002', '', '', '2026-10-15'),
      row('U-0002', 'Yes', '', '2026-10-01'),
      row('U-0003', '', '', '2026-10-01'),
      ...Array.from({ length: 12 }, (_v, i) => row(`U-01${String(i).padStart(2, '0')}`, '', '', '2026-10-01')),
    ];
    writeFileSync(file, [head, ...rows].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-02', '--period', '366d', '--threads', threads, '-q'], { env });
    expect(r.code, r.stderr).toBe(0);
    const listed = readCsv(join(out, 'campaign-phone.csv')).map((x) => x.customer_id);
    expect(listed).toContain('U-0003');
    expect(listed.filter((id) => /^u-000[12]$/i.test(id as string))).toEqual([]);
    const excluded = Object.fromEntries(readCsv(join(out, 'excluded.csv')).map((x) => [x.customer_id, x.reason]));
    expect(excluded).toMatchObject({ 'u-0001': 'never', 'U-0002': 'never' });
    expect(readFileSync(join(out, 'rejects.csv'), 'utf8')).toContain("with this row's objection");
  });
});

describe('a row of the same id rejected for a bad cell', () => {
  it.each([
    ['on this thread', {}, '1'],
    ['on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }, '2'],
  ] as const)('sends the row used to a person, whichever comes first: the rejected one may withdraw the consent (%s)', async (_, env, threads) => {
    const dir = tempDir('winback-rejected-twin-');
    const file = join(dir, 'export.csv');
    const head = 'Customer ID,Name,Phone,Segment,Customer Since,Churn Date,Revenue,Reason,Phone Opt-In,Notes';
    const row = (id: string, revenue: string, optIn: string, notes: string) => `${id},Person ${id},+44 7911 12${id.slice(-4)},B2C,2019-01-01,2026-10-01,${revenue},Price too high,${optIn},${notes}`;
    const rows = [
      row('R-0001', '5000', 'Yes', ''),
      row('R-0001', '5000 EUR?!', 'No', 'moved abroad'),
      row('R-0002', '12x34', 'No', 'moved abroad'),
      row('r0002', '5000', 'Yes', ''),
      row('R-0003', '5000', 'Yes', ''),
      // An unquoted comma in the notes: one field too many, the row rejected whole.
      row('R-0003', '5000', 'No', 'keine Werbung, nie wieder anrufen'),
      ...Array.from({ length: 12 }, (_v, i) => row(`R-01${String(i).padStart(2, '0')}`, '5000', 'Yes', '')),
    ];
    writeFileSync(file, [head, ...rows].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-02', '--period', '366d', '--threads', threads, '-q'], { env });
    expect(r.code, r.stderr).toBe(0);
    const listed = readCsv(join(out, 'campaign-phone.csv')).map((x) => x.customer_id);
    expect(listed).toContain('R-0100');
    expect(listed.filter((id) => /^r-?000[123]$/i.test(id as string))).toEqual([]);
    const excluded = new Map(readCsv(join(out, 'excluded.csv')).map((x) => [x.customer_id as string, x]));
    expect(excluded.get('R-0001')).toMatchObject({ reason: 'review', detail: expect.stringContaining('line 3 has this customer') });
    expect(excluded.get('r0002')).toMatchObject({ reason: 'review', detail: expect.stringContaining('line 4 has this customer') });
    // R-0003's rejected row says the customer objected, in any way its cells line up: never contacted, and said why.
    expect(excluded.get('R-0003')).toMatchObject({ reason: 'never' });
    expect(readCsv(join(out, 'rejects.csv')).map((x) => x.line)).toEqual(['3', '4', '7']);

    const planOut = join(dir, 'plan');
    const p = await runCli(['plan', file, '--out', planOut, '--as-of', '2026-11-02', '--threads', threads, '-q'], { env });
    expect(p.code, p.stderr).toBe(0);
    const plan = new Map(readCsv(join(planOut, 'plan.csv')).map((x) => [x.customer_id as string, x]));
    expect(plan.get('R-0001')).toMatchObject({ decision: 'review', decision_reason: expect.stringContaining('(Revenue)') });
    expect(plan.get('r0002')).toMatchObject({ decision: 'review' });
    expect(plan.get('R-0003')).toMatchObject({ decision: 'never', warnings: expect.stringContaining("line 7 has this customer's id too and was rejected (field count), but it says the customer objected") });
    expect(plan.get('R-0100')).toMatchObject({ decision: 'win_back' });
  });
});

describe('one Gmail inbox under several spellings', () => {
  it("keeps everyone reached at an objector's or a suppressed inbox off the e-mail list, and approaches a shared one once", async () => {
    const dir = tempDir('winback-gmail-');
    const file = join(dir, 'export.csv');
    const head = 'Customer ID,Name,Email,Segment,Customer Since,Churn Date,Revenue,Reason,Email Opt-In,Do Not Contact';
    const row = (id: string, email: string, dnc = '') => `${id},Person ${id},${email},B2C,2017-03-01,2026-07-15,18000,Price too high,Yes,${dnc}`;
    const rows = [
      row('U-040', 'Harry.Potts@gmail.com', 'Yes'),
      row('U-041', 'harrypotts@gmail.com'),
      row('U-042', 'h.a.r.r.y.potts@gmail.com'),
      row('U-043', 'harry.potts@googlemail.com'),
      row('U-044', 'harry.potts+offers@gmail.com'),
      row('U-003', 'c.h.r.i.s.green@gmail.com'),
      row('U-004', 'dan.white@googlemail.com'),
      row('U-005', 'eve.black+shop@gmail.com'),
      row('U-006', 'ann.lee@gmail.com'),
      row('U-007', 'annlee+news@googlemail.com'),
      row('U-008', 'zoe@example.com'),
    ];
    writeFileSync(file, [head, ...rows].join('\n') + '\n');
    const suppress = join(dir, 'suppress.csv');
    writeFileSync(suppress, 'email\nchrisgreen@gmail.com\ndan.white@gmail.com\neve.black@gmail.com\n');
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-02', '--period', '366d', '--suppress', suppress, '--max-reject-rate', '100%', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const listed = readCsv(join(out, 'campaign-email.csv')).map((x) => x.customer_id);
    // Ann's inbox once (whichever ranks first), Zoe; nobody at Harry's or a suppressed inbox.
    expect(listed.filter((id) => id !== 'U-006' && id !== 'U-007').sort()).toEqual(['U-008']);
    expect(listed.filter((id) => id === 'U-006' || id === 'U-007')).toHaveLength(1);
    const excluded = Object.fromEntries(readCsv(join(out, 'excluded.csv')).map((x) => [x.customer_id, x.reason]));
    expect(excluded).toMatchObject({ 'U-040': 'never', 'U-041': 'objector_contact', 'U-042': 'objector_contact', 'U-043': 'objector_contact', 'U-044': 'objector_contact', 'U-003': 'suppressed', 'U-004': 'suppressed', 'U-005': 'suppressed' });
  });
});

describe('a suppression list read completely', () => {
  const head = 'Customer ID,Name,Phone,Email,Segment,Customer Since,Churn Date,Revenue,Reason,Phone Opt-In,Email Opt-In';
  const row = (n: number) => `U-0${n},Person ${n},07911 1230${n},person${n}@example.co.uk,B2C,2017-03-01,2026-07-15,18000,Price too high,Yes,Yes`;
  const exportFile = (dir: string) => {
    const file = join(dir, 'export.csv');
    writeFileSync(file, [head, ...Array.from({ length: 10 }, (_v, i) => row(70 + i))].join('\n') + '\n');
    return file;
  };
  const run = (file: string, suppress: string, out: string) =>
    runCli(['campaign', file, '--out', out, '--as-of', '2026-11-02', '--period', '366d', '--suppress', suppress, '-q'], { env: { WINBACK_LANG: 'en' } });
  const listed = (out: string) => ['phone', 'email'].flatMap((c) => readCsv(join(out, `campaign-${c}.csv`)).map((x) => x.customer_id as string));

  it('suppresses every address and number of a cell that holds several, or one beside a remark', async () => {
    const dir = tempDir('winback-suppress-cells-');
    const suppress = join(dir, 'suppress.csv');
    writeFileSync(suppress, 'customer_id,email,phone\n,person70@example.co.uk;person71@example.co.uk,\n,,07911 123072 / 07911 123073\n,"person74@example.co.uk (unsubscribed 12/10)",\n,,07911 123075 (mobile)\nU-076,,\n');
    const out = join(dir, 'out');
    const r = await run(exportFile(dir), suppress, out);
    expect(r.code, r.stderr).toBe(0);
    expect([...new Set(listed(out))].sort()).toEqual(['U-077', 'U-078', 'U-079']);
  });

  it('without a column of a known name stops (65) in the run\'s language, with a hint that works (--map names the export\'s columns)', async () => {
    const dir = tempDir('winback-suppress-nocolumn-');
    const suppress = join(dir, 'sperrliste.csv');
    writeFileSync(suppress, 'Konto;Bemerkung\r\n2004;Werbewiderspruch\r\n');
    const r = await runCli(['campaign', exportFile(dir), '--out', join(dir, 'out'), '--as-of', '2026-11-02', '--period', '366d', '--suppress', suppress, '--lang', 'de', '-q']);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('Pflichtspalte fehlt (Sperrliste)');
    expect(r.stderr).toContain('eine Sperrliste wird nach ihren eigenen Überschriften gelesen');
    expect(r.stderr).not.toContain('suppression list');
  });

  it('reads a number behind a label or the apostrophe a spreadsheet (or winback) puts first', async () => {
    const dir = tempDir('winback-suppress-labels-');
    const suppress = join(dir, 'suppress.csv');
    writeFileSync(suppress, "Telefon\n\"'07911 123070\"\n\"Tel.: 07911 123071\"\nmobil: 07911 123072\n07911 123073 privat\n");
    const out = join(dir, 'out');
    const r = await run(exportFile(dir), suppress, out);
    expect(r.code, r.stderr).toBe(0);
    const phoned = readCsv(join(out, 'campaign-phone.csv')).map((x) => x.customer_id as string);
    expect(phoned.filter((id) => ['U-070', 'U-071', 'U-072', 'U-073'].includes(id))).toEqual([]);
    expect(phoned).toContain('U-074');
  });

  it('reads a column under another name for addresses and numbers, and stops (65) at one that holds ids under no known name', async () => {
    const dir = tempDir('winback-suppress-headers-');
    const file = exportFile(dir);
    const suppress = join(dir, 'suppress.csv');
    writeFileSync(suppress, 'Email Address,Mobile Number,Date added,Reason Code\nperson77@example.co.uk,,01.10.2026,UNSUB\n,07911 123078,2026-10-02,DNC\n');
    const out = join(dir, 'out');
    const r = await run(file, suppress, out);
    expect(r.code, r.stderr).toBe(0);
    expect(listed(out)).not.toContain('U-077');
    expect(listed(out)).not.toContain('U-078');
    expect(listed(out)).toContain('U-079');
    writeFileSync(suppress, 'Email Address,Account No\nperson77@example.co.uk,\n,U-079\n');
    const stopped = await run(file, suppress, join(dir, 'stopped'));
    expect(stopped.code).toBe(65);
    expect(stopped.stderr).toContain("the column 'Account No' looks like customer numbers, but no field reads it");
    expect(stopped.stderr).toContain("hint: name the column customer_id (or remove it from the list) and run again: 'Account No' → customer_id");
  });
});

describe("the worksheet's lists and a suppression list", () => {
  it('take --suppress as campaign does: nobody on it is planned for contact or listed', async () => {
    const dir = tempDir('winback-worksheet-suppress-');
    const file = join(dir, 'export.csv');
    const head = 'Customer ID,Name,Phone,Email,Segment,Customer Since,Churn Date,Revenue,Reason,Phone Opt-In,Email Opt-In';
    const row = (n: number) => `P-${n},Person ${n},+49 30 12345${n},p${n}@example.com,B2C,2017-03-01,2026-07-15,18000,Price too high,Yes,Yes`;
    writeFileSync(file, [head, row(8), row(9), row(10)].join('\n') + '\n');
    const suppress = join(dir, 'suppress.csv');
    writeFileSync(suppress, 'customer_id,email\n,P9@Example.com\nP-10,\n');
    writeFileSync(join(dir, 'answers.json'), '{}');
    const out = join(dir, 'out');
    const r = await runCli(['worksheet', file, '--session', join(dir, 'session.json'), '--answers', join(dir, 'answers.json'), '--out', out, '--as-of', '2026-11-23', '--suppress', suppress]);
    expect(r.code, r.stderr).toBe(0);
    const listed = listedIn(out);
    expect(listed).toEqual(['P-8']);
    const excluded = Object.fromEntries(readCsv(join(out, 'excluded.csv')).map((x) => [x.customer_id, x.reason]));
    expect(excluded).toMatchObject({ 'P-9': 'suppressed', 'P-10': 'suppressed' });
  });
});

describe('a remark in a mapped field beside its value', () => {
  it('is read for an objection, as the name and the unmapped columns are', async () => {
    const dir = tempDir('winback-remark-fields-');
    const file = join(dir, 'export.csv');
    const head = 'Customer ID,Name,Email,Phone,Street,City,Segment,Account Manager,Competitor,Region,Customer Since,Churn Date,Revenue,Reason,Email Opt-In,Phone Opt-In';
    const row = (id: string, cells: Partial<Record<'email' | 'street' | 'manager' | 'competitor' | 'region' | 'city', string>>) =>
      [id, `Person ${id}`, cells.email ?? `${id.toLowerCase()}@example.com`, `+49 30 1234${id.slice(-3)}`, cells.street ?? 'Main St 1', cells.city ?? 'Berlin', 'B2C', cells.manager ?? 'Anna', cells.competitor ?? '', cells.region ?? 'North', '2017-03-01', '2026-07-15', '18000', 'Price too high', 'Yes', 'Yes'].join(',');
    const rows = [
      row('T-101', { email: 't1@example.com (unsubscribed)' }),
      row('T-105', { manager: 'keine Werbung lt. Kunde' }),
      row('T-106', { competitor: 'none; customer objects to marketing' }),
      row('T-111', { street: 'Postfach - Annahme verweigert - keine Werbung' }),
      row('T-112', { region: 'Robinson list' }),
      row('T-120', { street: 'Kontaktweg 3', competitor: 'Werbeagentur Nord' }),
    ];
    writeFileSync(file, [head, ...rows].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const listed = listedIn(out);
    expect(listed).toEqual(['T-120']);
    const excluded = Object.fromEntries(readCsv(join(out, 'excluded.csv')).map((x) => [x.customer_id, x.reason]));
    for (const id of ['T-101', 'T-105', 'T-106', 'T-111', 'T-112']) expect(excluded[id], id).toBe('never');
  });
});

describe('a withdrawal written beside the e-mail address or number, or as the reason code', () => {
  it('makes the customer an objector, on every channel (abgemeldet, gesperrt, opted out, Werbewiderspruch)', async () => {
    const dir = tempDir('winback-contact-remark-');
    const file = join(dir, 'export.csv');
    const head = 'Customer ID,Name,Email,Phone,Country,Segment,Customer Since,Churn Date,Revenue,Reason,Reason Code,Email Opt-In,Phone Opt-In,Mail Opt-In';
    const row = (id: string, email: string, phone: string, code = '') => `${id},Eva ${id},${email},${phone},DE,B2C,2018-01-01,2026-06-01,12000,price too high,${code},yes,yes,yes`;
    writeFileSync(file, [head,
      row('E-2', 'e2@example.com (abgemeldet)', '+49 30 7100002'),
      row('E-3', 'e3@example.com (opted out)', '+49 30 7100003'),
      row('E-4', 'e4@example.com [gesperrt]', '+49 30 7100004'),
      row('E-5', 'e5@example.com', '+49 30 7100005', 'Werbewiderspruch'),
      row('E-7', 'e7@example.com', '"030 7100007 - nicht anrufen"'.replace(/"/g, '')),
      row('E-8', 'e8@example.com', '(030) 7100008'),
    ].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const listed = listedIn(out);
    expect([...new Set(listed)]).toEqual(['E-8']);
    const excluded = Object.fromEntries(readCsv(join(out, 'excluded.csv')).map((x) => [x.customer_id, x.reason]));
    expect(excluded).toMatchObject({ 'E-2': 'never', 'E-3': 'never', 'E-4': 'never', 'E-5': 'never', 'E-7': 'never' });
  });
});

describe('block, objection and channel columns under the names CRMs give them', () => {
  const flags = ['Marketingsperre', 'Marketing Blocked', 'Opt-Out Flag', 'DNC Flag', 'Robinson', 'msdyn_gdproptout', 'Widerruf', 'Einspruch', 'donotsendmm', 'Revoked On'];
  it('block every channel of a customer with a yes (or a day) in any of them, and nobody with a no', async () => {
    const dir = tempDir('winback-block-flags-');
    const file = join(dir, 'export.csv');
    const head = `Customer ID,Name,Email,Phone,Street,Zip,City,Country,Segment,Customer Since,Churn Date,Revenue,Reason,Email Opt-In,Phone Opt-In,${flags.join(',')}`;
    const row = (id: string, set: number, value = 'ja') => `${id},Bea ${id},${id.toLowerCase()}@example.com,+49 30 55501${id.slice(-2)},1 Main St,10115,Berlin,DE,B2C,2018-01-01,2026-06-01,12000,price too high,yes,yes,${flags.map((_f, i) => (i === set ? value : '')).join(',')}`;
    writeFileSync(file, [head, ...flags.map((_f, i) => row(`B-${String(i).padStart(2, '0')}`, i, i === flags.length - 1 ? '2026-03-01' : 'ja')), row('B-50', 0, 'nein'), row('B-51', 5, '0')].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d']);
    expect(r.code, r.stderr).toBe(0);
    const listed = listedIn(out);
    expect([...new Set(listed)].sort()).toEqual(['B-50', 'B-51']);
    expect(r.stderr).toContain("column 'Marketingsperre' is read as a block or objection flag");
  });

  it('read letters, calls and visits refused under their own names: the channel is closed, the others stay open', async () => {
    const dir = tempDir('winback-channel-columns-');
    const file = join(dir, 'export.csv');
    const head = 'Customer ID,Name,Email,Phone,Street,Zip,City,Country,Segment,Key Account,Account Manager,Customer Since,Churn Date,Revenue,Reason,Email Opt-In,Phone Opt-In,Postal Mail Allowed,donotpostalmail,Anrufe,Besuch erwünscht';
    const row = (id: string, revenue: string, email: string, phone: string, cells: string, ka = 'no', manager = '') =>
      `${id},Mia ${id},${email ? `${id.toLowerCase()}@example.com` : ''},${phone ? `+49 30 55502${id.slice(-2)}` : ''},1 Main St,10115,Berlin,DE,B2C,${ka},${manager},2018-01-01,2026-06-01,${revenue},price too high,${email},${phone},${cells}`;
    writeFileSync(file, [head,
      row('M-01', '12000', 'no', 'no', 'no,,,'),
      row('M-02', '12000', 'no', 'no', ',1,,'),
      row('M-03', '12000', 'no', 'yes', ',,nein,'),
      row('M-04', '912000', 'no', 'no', ',,,nein', 'yes', 'Tom Becker'),
      row('M-05', '12000', 'no', 'no', ',,,'),
    ].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const onList = (c: string) => readCsv(join(out, `campaign-${c}.csv`)).map((x) => x.customer_id as string);
    expect(onList('letter').filter((id) => ['M-01', 'M-02'].includes(id))).toEqual([]);
    expect(onList('phone')).not.toContain('M-03');
    expect(onList('visit')).not.toContain('M-04');
    expect(onList('letter')).toContain('M-05');
    const excluded = Object.fromEntries(readCsv(join(out, 'excluded.csv')).map((x) => [x.customer_id, x]));
    expect(excluded['M-01']?.reason).toBe('no_channel');
    // The key account who refused visits gets a letter instead.
    expect(onList('letter')).toContain('M-04');
  });
});

describe('a death the reason does not say', () => {
  const head = 'Customer ID,Name,Email,Phone,Street,Zip,City,Country,Segment,Customer Since,Churn Date,Revenue,Reason,Email Opt-In,Phone Opt-In,Status,Verstorben,Last Modified';
  const row = (id: string, reason: string, status: string, deceased: string, modified: string) =>
    `${id},Tea ${id},${id.toLowerCase()}@example.com,+49 30 55503${id.slice(-2)},1 Main St,10115,Berlin,DE,B2C,2018-01-01,2026-06-01,12000,${reason},yes,yes,${status},${deceased},${modified}`;
  const rows = [
    row('T-01', 'price too high', 'verstorben', '', '2026-09-01'),
    row('T-02', 'price too high', '', 'ja', '2026-09-01'),
    row('T-03', 'Kunde verstorben', '', '', '2026-04-01'),
    row('T-03', 'price too high', '', '', '2026-09-01'),
    row('T-04', 'price too high', 'aktiv', 'nein', '2026-09-01'),
    row('T-05', 'price too high', '', '', '2026-09-01'),
  ];

  it.each([
    ['on this thread', {}, '1'],
    ['on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }, '2'],
  ] as const)('in a status, a column of its own or an older row of the id sends the customer to a person (%s)', async (_, env, threads) => {
    const dir = tempDir('winback-deceased-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, [head, ...rows].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '--threads', threads, '-q'], { env });
    expect(r.code, r.stderr).toBe(0);
    const listed = listedIn(out);
    expect([...new Set(listed)].sort()).toEqual(['T-04', 'T-05']);
    const excluded = Object.fromEntries(readCsv(join(out, 'excluded.csv')).map((x) => [x.customer_id, x.reason]));
    expect(excluded).toMatchObject({ 'T-01': 'review', 'T-02': 'review', 'T-03': 'review' });
  });

  it("told in the worksheet's notes of what the customer said, takes the customer off the lists", async () => {
    const dir = tempDir('winback-deceased-ws-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, [head, ...rows.slice(4)].join('\n') + '\n');
    writeFileSync(join(dir, 'answers.json'), JSON.stringify({ relationships: { 'T-05': { reason_view: 'Kunde ist verstorben, die Witwe hat gekündigt' } } }));
    const out = join(dir, 'out');
    const r = await runCli(['worksheet', file, '--session', join(dir, 'session.json'), '--answers', join(dir, 'answers.json'), '--out', out, '--as-of', '2026-11-23']);
    expect(r.code, r.stderr).toBe(0);
    const listed = listedIn(out);
    expect(listed).not.toContain('T-05');
    expect(listed).toContain('T-04');
  });
});

describe("contact points in a list's free text", () => {
  it('are left out for a channel the customer may not be contacted on (a letter list shows no private number or address)', async () => {
    const dir = tempDir('winback-free-text-contact-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, [
      'Kundennummer;Firma;Ansprechpartner;Straße;PLZ;Ort;E-Mail;Telefon;Kunde seit;Kündigungsdatum;Umsatz;Kündigungsgrund;Einwilligung E-Mail;Einwilligung Telefon',
      'CP-1;Meier KG;Hr. Meier (mobil 0171 4444444, meier.privat@gmx.de);Weg 4;10115;Berlin;;;01.01.2018;01.06.2026;12.000,00;zu teuer (privat erreichbar unter 0171 4444444);nein;nein',
      'CP-2;Schulz AG;Fr. Schulz (Tel. 030 5555555);Weg 5;10115;Berlin;;030 5555555;01.01.2018;01.06.2026;12.000,00;zu teuer;nein;ja',
    ].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const letter = readFileSync(join(out, 'campaign-letter.csv'), 'utf8');
    expect(letter).toContain('CP-1');
    expect(letter).not.toContain('4444444');
    expect(letter).not.toContain('gmx.de');
    // Calls allowed: the number the contact person gives stays on the phone list.
    expect(readFileSync(join(out, 'campaign-phone.csv'), 'utf8')).toContain('Fr. Schulz (Tel. 030 5555555)');
  });
});

describe('objection and permission columns under looser German names', () => {
  const cols = ['Widerspruch Ansprechpartner', 'AP gesperrt', 'Sperrvermerk AP', 'Werbeverweigerer', 'Werbung', 'Werbung ja/nein', 'Anruf', 'Post', 'Zahlungssperre'];
  it('block a yes to the objection (every channel) and a no to advertising or to the channel named; a payment block and an address under "Post" do not', async () => {
    const dir = tempDir('winback-loose-columns-');
    const file = join(dir, 'export.csv');
    const head = `Kundennummer;Firma;Telefon;Straße;PLZ;Ort;Kundentyp;Kunde seit;Kündigungsdatum;Umsatz;Kündigungsgrund;Einwilligung Telefon;${cols.join(';')}`;
    const row = (id: string, set: number, value: string) => `${id};Firma ${id};030 55504${id.slice(-2)};Weg 1;10115;Berlin;B2B;01.01.2018;01.06.2026;12.000,00;zu teuer;ja;${cols.map((_c, i) => (i === set ? value : '')).join(';')}`;
    writeFileSync(file, [head,
      row('F-01', 0, 'ja'), row('F-02', 1, 'x'), row('F-03', 2, 'x'), row('F-04', 3, 'ja'), row('F-05', 4, 'nein'), row('F-06', 5, 'nein'),
      row('F-07', 6, 'nein'), row('F-08', 7, 'nein'),
      row('F-10', 4, 'ja'), row('F-11', 7, 'Hauptstr. 1'), row('F-12', 8, 'ja'),
    ].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const onList = (c: string) => readCsv(join(out, `campaign-${c}.csv`)).map((x) => x.customer_id as string);
    const listed = ['visit', 'phone', 'letter', 'email'].flatMap(onList);
    expect(listed.filter((id) => ['F-01', 'F-02', 'F-03', 'F-04', 'F-05', 'F-06'].includes(id))).toEqual([]);
    expect(onList('phone')).not.toContain('F-07');
    expect(onList('letter')).not.toContain('F-08');
    expect(listed).toEqual(expect.arrayContaining(['F-10', 'F-11', 'F-12']));
  });
});

describe("an objector's name at an objector's postal address, under another customer number", () => {
  const head = 'Kundennummer;Name;E-Mail;Telefon;Straße;PLZ;Ort;Kundentyp;Kunde seit;Kündigungsdatum;Umsatz;Kündigungsgrund;Einwilligung E-Mail;Einwilligung Telefon;Werbewiderspruch';
  const rows = [
    '9001;Heinz Weber;heinz.weber@web.de;0171 9000001;Goethestraße 9;10115;Berlin;B2C;01.02.2018;03.04.2026;12.000,00;zu teuer;ja;ja;ja',
    '9002;Heinz Weber;h.weber@gmx.de;;Goethestr. 9;10115;Berlin;B2C;01.02.2019;03.04.2026;12.000,00;zu teuer;nein;nein;nein',
    // Another person at the same door (a household): written to.
    '9003;Anna Weber;;;Goethestraße 9;10115;Berlin;B2C;01.02.2019;03.04.2026;12.000,00;zu teuer;nein;nein;nein',
  ];
  it.each([
    ['on this thread', {}, '1'],
    ['on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }, '2'],
  ] as const)('gets no letter: the same person (%s)', async (_, env, threads) => {
    const dir = tempDir('winback-objector-address-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, [head, ...rows].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '--threads', threads, '-q'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(readCsv(join(out, 'campaign-letter.csv')).map((x) => x.customer_id)).toEqual(['9003']);
    const excluded = Object.fromEntries(readCsv(join(out, 'excluded.csv')).map((x) => [x.customer_id, x]));
    expect(excluded['9002']).toMatchObject({ reason: 'objector_contact', detail: 'the customer on line 2 objected to being contacted and has the same name and postal address: no letter' });
  });

  it("gets none from the worksheet's lists either", async () => {
    const dir = tempDir('winback-objector-address-ws-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, [head, ...rows].join('\n') + '\n');
    writeFileSync(join(dir, 'answers.json'), '{}');
    const out = join(dir, 'out');
    const r = await runCli(['worksheet', file, '--session', join(dir, 'session.json'), '--answers', join(dir, 'answers.json'), '--out', out, '--as-of', '2026-11-23']);
    expect(r.code, r.stderr).toBe(0);
    expect(readCsv(join(out, 'campaign-letter.csv')).map((x) => x.customer_id)).toEqual(['9003']);
  });
});

describe('consent columns under a merged "Einwilligung" group cell', () => {
  it('are read as the consents (a no to letters keeps the customer off the letter list), not as a second address', async () => {
    const dir = tempDir('winback-two-level-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, [
      'Stammdaten;;;;;;;;Vertrag;;;Kündigung;Einwilligung;;;',
      'Kundennummer;Name;E-Mail;Telefon;Straße;PLZ;Ort;Kundentyp;Kunde seit;Kündigungsdatum;Umsatz;Kündigungsgrund;E-Mail;Telefon;Post;Werbewiderspruch',
      '7001;Anna Alt;anna.alt@web.de;;Weg 1;10115;Berlin;B2C;01.02.2018;03.04.2026;12000,00;zu teuer;nein;nein;nein;nein',
      '7002;Bert Bald;bert.bald@web.de;;Weg 2;10115;Berlin;B2C;01.02.2018;03.04.2026;12000,00;zu teuer;nein;nein;ja;nein',
      '7003;Cora Chen;cora@web.de;0171 7000003;Weg 3;10115;Berlin;B2C;01.02.2018;03.04.2026;12000,00;zu teuer;ja;ja;ja;ja',
    ].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['campaign', file, '--out', out, '--as-of', '2026-11-23', '--period', '366d', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(listedIn(out)).toEqual(['7002']);
    const excluded = Object.fromEntries(readCsv(join(out, 'excluded.csv')).map((x) => [x.customer_id, x.reason]));
    expect(excluded).toMatchObject({ 7001: 'no_channel', 7003: 'never' });
  });
});

describe('a row without a customer id that says the customer objected', () => {
  it("is rejected with a message that says so (a firm's second contact on a row of its own)", async () => {
    const dir = tempDir('winback-no-id-objection-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, [
      'Kundennummer;Firma;Ansprechpartner;Telefon;Einwilligung Telefon;Kunde seit;Kündigungsdatum;Umsatz;Kündigungsgrund;Werbewiderspruch',
      '3001;ACME;Hr. A;030 1111111;ja;01.01.2018;01.06.2026;12.000,00;zu teuer;',
      ';;Fr. B;030 2222222;ja;;;;;x',
      ';Gamma;Hr. D;030 4444444;ja;01.01.2018;01.06.2026;12.000,00;zu teuer;',
      ...Array.from({ length: 10 }, (_v, i) => `40${String(i).padStart(2, '0')};Firma;Hr. E;030 55555${String(i).padStart(2, '0')};ja;01.01.2018;01.06.2026;12.000,00;zu teuer;`),
    ].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = await runCli(['plan', file, '--out', out, '--as-of', '2026-11-23', '-q']);
    expect(r.code, r.stderr).toBe(0);
    const rejects = readCsv(join(out, 'rejects.csv'));
    expect(rejects.map((x) => [x.line, x.error])).toEqual([
      ['3', "customer_id is empty, and the row says the customer objected: its e-mail address, phone number and name at its address are closed for every other customer, but the objection reaches no customer number; fill in the customer id (the row above's, if this is a second contact of that customer) and run again"],
      ['4', 'customer_id is empty'],
    ]);
  });
});
