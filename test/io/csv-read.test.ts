import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatIsoDay } from '../../src/domain/dates.js';
import { LOST_CUSTOMER_SCHEMA } from '../../src/domain/read/fields.js';
import { DataError, InputMissingError } from '../../src/errors.js';
import { openExport } from '../../src/io/csv/read.js';
import { readAll } from '../support/read-all.js';
import { tempFile } from '../support/temp.js';

const GERMAN = 'Kundennummer;Name;Kündigungsdatum;Umsatz;Kündigungsgrund\r\n1;Müller;31.03.2024;1.234,56;zu teuer\r\n2;Jürgen Weiß;01.02.2024;€ 99,50;Preis\r\n';

describe('encodings', () => {
  it('reads Windows-1252 with correct umlauts and the euro sign', async () => {
    const { opened, rows } = await readAll(iconv.encode(GERMAN, 'win1252'));
    expect(opened.dialect.encoding).toBe('win1252');
    expect(opened.headers[2]).toBe('Kündigungsdatum');
    expect(rows[0]?.values.name).toBe('Müller');
    expect(rows[1]?.values.name).toBe('Jürgen Weiß');
    expect(rows[1]?.values.revenue).toBe(99.5);
  });

  it('reads UTF-8 with BOM, also before a quoted header', async () => {
    const { opened, rows } = await readAll(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('"Kundennummer";"Name"\n"7";"Köhler"\n')]));
    expect(opened.dialect).toMatchObject({ encoding: 'utf8', bom: true });
    expect(opened.mapping.fields.get('customer_id')).toBe(0);
    expect(rows[0]?.values).toMatchObject({ customer_id: '7', name: 'Köhler' });
  });

  it.each(['utf16le', 'utf16be'] as const)('reads %s with BOM', async (enc) => {
    const body = iconv.encode(GERMAN, enc, { addBOM: true });
    const { opened, rows } = await readAll(body);
    expect(opened.dialect.encoding).toBe(enc);
    expect(rows.map((r) => r.values.name)).toEqual(['Müller', 'Jürgen Weiß']);
  });

  it('keeps umlauts intact when a UTF-8 character is split across chunks', async () => {
    const { rows } = await readAll(Buffer.from(GERMAN, 'utf8'), {}, LOST_CUSTOMER_SCHEMA, 7);
    expect(rows[1]?.values.name).toBe('Jürgen Weiß');
  });

  it('--encoding overrides detection', async () => {
    const { rows } = await readAll(iconv.encode(GERMAN, 'latin1'), { encoding: 'latin1' });
    expect(rows[0]?.values.name).toBe('Müller');
  });
});

describe('dialect', () => {
  it.each([
    [',', 'id,name,revenue\n1,A,"1,234.50"\n'],
    [';', 'id;name;revenue\n1;A;1.234,50\n'],
    ['\t', 'id\tname\trevenue\n1\tA\t1234.50\n'],
    ['|', 'id|name|revenue\n1|A|1234.50\n'],
  ])("sniffs %j", async (delimiter, text) => {
    const { opened, rows } = await readAll(text);
    expect(opened.dialect.delimiter).toBe(delimiter);
    expect(rows[0]?.values.revenue).toBe(1234.5);
  });

  it("treats Excel's sep= line as a hint, not data", async () => {
    const { opened, rows } = await readAll('sep=;\nid;name\n1;A\n');
    expect(opened.dialect).toMatchObject({ delimiter: ';', sepLine: true });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.line).toBe(3);
  });

  it('handles mixed LF, CRLF and CR line ends without stray \\r', async () => {
    const { rows } = await readAll('id,name,key_account\r\n1,A,ja\n2,B,nein\r3,C,x\r\n');
    expect(rows.map((r) => [r.values.customer_id, r.values.key_account, r.line])).toEqual([
      ['1', true, 2],
      ['2', false, 3],
      ['3', true, 4],
    ]);
  });

  it('reads quoted fields with delimiters, quotes and newlines, and reports the starting line', async () => {
    const { rows, rejects } = await readAll('id,name,reason\r\n1,"Smith, John","said ""too expensive""\r\nand left"\r\n2,B,x\r\n3,"C\nD",y\n4,E,z\n');
    expect(rejects).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([2, 4, 5, 7]);
    expect(rows[0]?.values.reason).toBe('said "too expensive"\r\nand left');
  });

  it('decides the decimal mark from the data', async () => {
    const { opened, rows } = await readAll('id,revenue,orders\n1,"12,50",3\n2,"1.000,00",4\n3,"7,5",1\n');
    expect(opened.dialect.decimal).toBe(',');
    expect(rows.map((r) => r.values.revenue)).toEqual([12.5, 1000, 7.5]);
  });

  it('decides the day/month order per file from an unambiguous date', async () => {
    const { opened, rows } = await readAll('id,churn_date\n1,03/04/2024\n2,25/12/2023\n');
    expect(opened.dialect.dateOrder).toBe('dmy');
    expect(formatIsoDay(rows[0]?.values.churn_date as number)).toBe('2024-04-03');
    const us = await readAll('id,churn_date\n1,03/04/2024\n2,12/25/2023\n');
    expect(us.opened.dialect.dateOrder).toBe('mdy');
    expect(formatIsoDay(us.rows[0]?.values.churn_date as number)).toBe('2024-03-04');
  });

  it('says so when no date settles the order and some read either way: the default is a guess', async () => {
    const guessed = await readAll('id,churn_date\n1,03/02/2024\n2,05/06/2023\n3,07/07/2023\n');
    expect(guessed.opened.dialect.dateOrder).toBe('mdy');
    expect(guessed.opened.warnings).toContain('2 dates in the first rows read either way (03/02/2024) and none settles the order: read month first, the default for this file; give --date-format dmy or mdy to be sure');
    // A date that settles the order, or the flag, leaves nothing to guess.
    expect((await readAll('id,churn_date\n1,03/02/2024\n2,25/12/2023\n')).opened.warnings.join()).not.toContain('read either way');
    expect((await readAll('id,churn_date\n1,03/02/2024\n', { dateOrder: 'dmy' })).opened.warnings.join()).not.toContain('read either way');
  });

  it('--decimal and --date-format override detection', async () => {
    const { rows } = await readAll('id,revenue,churn_date\n1,"1,234",03/04/2024\n', { decimal: '.', dateOrder: 'mdy' });
    expect(rows[0]?.values.revenue).toBe(1234);
    expect(formatIsoDay(rows[0]?.values.churn_date as number)).toBe('2024-03-04');
  });
});

describe('rows and rejects', () => {
  it('sends each bad row to rejects with line, column, value and message; the run goes on', async () => {
    const text = [
      'Kundennummer;Kündigungsdatum;Anzahl Aufträge;Umsatz',
      '1;31.03.2024;3;100',
      '2;31.02.2024;3;100',
      '3;01.03.2024;zwölf;100',
      '1;01.03.2024;1;1',
      ';01.03.2024;1;1',
      '4;01.03.2024',
      '5;01.03.2024;2;50',
    ].join('\n');
    const { opened, rows, rejects } = await readAll(text);
    expect(rows.map((r) => r.values.customer_id)).toEqual(['1', '5']);
    expect(rejects).toEqual([
      { line: 3, customer_id: '2', column: 'Kündigungsdatum', value: '31.02.2024', error: expect.stringMatching(/not a valid calendar date/) },
      { line: 4, customer_id: '3', column: 'Anzahl Aufträge', value: 'zwölf', error: expect.stringMatching(/not a number/) },
      { line: 5, customer_id: '1', column: 'Kundennummer', value: '1', error: 'duplicate customer_id, first seen on line 2' },
      { line: 6, customer_id: '', column: 'Kundennummer', value: '', error: 'customer_id is empty' },
      { line: 7, customer_id: '4', column: '(field count)', value: '2', error: expect.stringMatching(/has 2 fields, expected 4/) },
    ]);
    expect(opened.stats).toMatchObject({ read: 7, accepted: 2, rejected: 5 });
  });

  it('keeps unclear consent values as null with a warning (never a guessed yes)', async () => {
    const { rows } = await readAll('id,email consent\n1,vielleicht\n2,ja\n3,\n');
    expect(rows.map((r) => r.values.consent_email)).toEqual([null, true, undefined]);
    expect(rows[0]?.warnings[0]).toMatch(/neither yes nor no/);
  });

  it('reads margins as percent or amount', async () => {
    const pct = await readAll('id,Margin %\n1,25\n');
    expect(pct.rows[0]?.values.margin).toEqual({ kind: 'percent', value: 25 });
    // Headers in snake case or with hyphens say percent too.
    for (const header of ['margin_pct', 'db-pct', 'Marge_Prozent', 'margin.percent']) {
      const named = await readAll(`id,${header}\n1,8.7\n`);
      expect(named.rows[0]?.values.margin, header).toEqual({ kind: 'percent', value: 8.7 });
    }
    const plain = await readAll('id,margin\n1,8.7\n');
    expect(plain.rows[0]?.values.margin).toEqual({ kind: 'amount', value: 8.7 });
    const amt = await readAll('id;Deckungsbeitrag\n1;1.200,00\n2;800\n');
    expect(amt.rows.map((r) => r.values.margin)).toEqual([{ kind: 'amount', value: 1200 }, { kind: 'amount', value: 800 }]);
    // One unit per column: '%' in the sample makes the whole column percentages.
    const mixed = await readAll('id;Marge\n1;12,5 %\n2;10\n');
    expect(mixed.rows.map((r) => r.values.margin)).toEqual([{ kind: 'percent', value: 12.5 }, { kind: 'percent', value: 10 }]);
  });

  it('fills a missing churn date from --churn-date', async () => {
    const { rows } = await readAll('id,name\n1,A\n', { fill: { churn_date: 20000 } });
    expect(rows[0]?.values.churn_date).toBe(20000);
  });

  it('ignores blank lines without counting them as rows', async () => {
    const { opened } = await readAll('id,name\n1,A\n\n,\n2,B\n');
    expect(opened.stats).toMatchObject({ read: 2, accepted: 2, blankLines: 2 });
  });
});

describe('file-level errors', () => {
  it('a missing required column lists the headers and suggests the closest', async () => {
    const err = await readAll('Kundenumer;Name\n1;A\n').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toMatch(/customer_id.*'Kundenumer', 'Name'/);
    expect((err as DataError).hint).toMatch(/did you mean 'kundennummer'\?.*--map customer_id='Kundenumer'/);
  });

  it('an empty file is a data error, not zero rows', async () => {
    await expect(readAll('')).rejects.toThrow(/empty/);
  });

  it('a header-only file is a data error', async () => {
    const opened = await openExport('-', LOST_CUSTOMER_SCHEMA, {}, { stdin: Readable.from([Buffer.from('id,name\n')]), cwd: '.' });
    const drain = async () => {
      for await (const _ of opened.rows()) void _;
    };
    await expect(drain()).rejects.toThrow(/header but no data rows/);
  });

  it('a quote left open until the end of a file cut off inside it names the line it opens on', async () => {
    await expect(readAll('id,name\n1,A\n2,"B\nC')).rejects.toThrow(/line 3: a quoted field opened here is never closed: the file ends inside it/);
  });

  it('a missing file is InputMissingError (66)', async () => {
    const err = await openExport('/nonexistent/x.csv', LOST_CUSTOMER_SCHEMA, {}, { stdin: Readable.from([]), cwd: '.' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputMissingError);
    expect((err as InputMissingError).exitCode).toBe(66);
  });

  it('reads from a path and hashes the input', async () => {
    const path = tempFile('x.csv', 'id,name\n1,A\n');
    const opened = await openExport(path, LOST_CUSTOMER_SCHEMA, {}, { stdin: Readable.from([]), cwd: '.' });
    for await (const _ of opened.rows()) void _;
    const { createHash } = await import('node:crypto');
    expect(opened.stats.sha256).toBe(createHash('sha256').update('id,name\n1,A\n').digest('hex'));
  });
});

describe('contradictions between columns', () => {
  it('rejects a customer who joined after leaving, and a margin above 100 %, naming the column', async () => {
    const { rejects, rows } = await readAll('id,customer since,churn date,revenue,margin %\n1,2030-01-01,2024-04-01,100,20\n2,2020-01-01,2024-04-01,100,150\n3,2020-01-01,2024-04-01,100,100\n');
    expect(rejects).toEqual([
      { line: 2, customer_id: '1', column: 'customer since', value: '2030-01-01', error: expect.stringMatching(/after the churn date/) },
      { line: 3, customer_id: '2', column: 'margin %', value: '150', error: expect.stringMatching(/is 150 %: a margin above 100 % of revenue is not possible/) },
    ]);
    expect(rows.map((r) => r.values.customer_id)).toEqual(['3']);
  });
});

describe('quotes left open', () => {
  it('rejects the row with a stray quote and reads every row after it, instead of merging customers', async () => {
    const text = 'customer_id,name,reason,revenue\n1,"Open quote,price,10\n2,Bob,price,20\n3,Carl,price,30\n4,"Dan",price,40\n5,Fay,price,60\n6,"two\nlines, fine",price,1\n';
    const { rows, rejects, opened } = await readAll(text);
    expect(rejects).toEqual([
      { line: 2, customer_id: '1', column: 'name', value: 'Open quote,price,10', error: "a quote opened in column 'name' on line 2 is left open (line 3 reads as a row of its own): rejected; reading goes on with line 3" },
    ]);
    expect(rows.map((r) => r.values.customer_id)).toEqual(['2', '3', '4', '5', '6']);
    // Every record of the file is read: 6 customers, one of them in two lines.
    expect(opened.stats).toMatchObject({ read: 6, accepted: 5, rejected: 1 });
  });

  it('reads on after a quote left open that no later quote closes (the common case: an export with few quotes)', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `${i + 2},Name ${i},price,${i}`);
    const text = `customer_id,name,reason,revenue\n1,"Open quote,price,10\n${rows.join('\n')}\n`;
    const { rows: ok, rejects, opened } = await readAll(text, {}, undefined, 50);
    expect(rejects.map((r) => r.line)).toEqual([2]);
    expect(ok).toHaveLength(60);
    expect(opened.stats.read).toBe(61);
  });

  it('rejects a stray quote on the last line of a file that ends with a line break', async () => {
    const { rows, rejects } = await readAll('id,name,reason\n1,A,x\n2,"B,y\n');
    expect(rows).toHaveLength(1);
    expect(rejects).toEqual([{ line: 3, customer_id: '2', column: 'name', value: 'B,y', error: "a quote opened in column 'name' on line 3 is left open (until the end of the file): rejected" }]);
  });
});

describe('a forced encoding that does not fit', () => {
  it('warns instead of silently printing replacement characters', async () => {
    const { opened } = await readAll(iconv.encode(GERMAN, 'win1252'), { encoding: 'utf8' });
    expect(opened.warnings.join()).toMatch(/not valid utf8.*--encoding win1252/);
  });
});

describe('a row rejected for several cells, in German', () => {
  it('names the further problems in German too', async () => {
    const { rejects } = await readAll('Kundennummer;Kündigungsdatum;Umsatz\nK1;30.02.2026;viel\n', { lang: 'de' });
    expect(rejects[0]?.error).toMatch(/ \(und Umsatz 'viel' /);
    expect(rejects[0]?.error).not.toContain('(and ');
  });
});

describe('a two-level header (merged group cells above the names)', () => {
  it('gives a repeated name, and its group\'s other unknown names, the group\'s name in front', async () => {
    const { withGroupNames } = await import('../../src/io/csv/read.js');
    const { LOST_CUSTOMER_SCHEMA } = await import('../../src/domain/read/fields.js');
    const groups = ['Stammdaten', '', '', '', 'Einwilligung', '', '', ''];
    const names = ['Kundennummer', 'E-Mail', 'Telefon', 'Kündigungsgrund', 'E-Mail', 'Telefon', 'Post', 'Werbewiderspruch'];
    expect(withGroupNames(names, groups, LOST_CUSTOMER_SCHEMA)).toEqual(['Kundennummer', 'E-Mail', 'Telefon', 'Kündigungsgrund', 'Einwilligung E-Mail', 'Einwilligung Telefon', 'Einwilligung Post', 'Werbewiderspruch']);
    // No repeat, no change; no group row, no change.
    expect(withGroupNames(['A', 'B'], ['G', ''], LOST_CUSTOMER_SCHEMA)).toEqual(['A', 'B']);
    expect(withGroupNames(names, undefined, LOST_CUSTOMER_SCHEMA)).toEqual(names);
    // A title in one cell is no group row: a repeated name stays repeated (the mapping says so).
    expect(withGroupNames(names, ['Kundenexport Dezember'], LOST_CUSTOMER_SCHEMA)).toEqual(names);
  });
});
