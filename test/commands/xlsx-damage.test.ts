import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv, runCli, tempDir } from '../support/cli.js';
import { findEnglish } from '../support/english-words.js';
import { storedZip, writeWorkbook, zipParts } from '../support/xlsx.js';

const AS_OF = ['--as-of', '2026-11-23'];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function scratch(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

/** Temporary copies of a workbook read from stdin (named as the reader names them). */
const stdinCopies = () => readdirSync(tmpdir()).filter((n) => n.startsWith('winback-xlsx-'));

async function goodWorkbook(): Promise<Buffer> {
  const path = join(scratch(), 'good.xlsx');
  await writeWorkbook(path, [{ name: 'Kunden', rows: [
    ['Kundennummer', 'Kündigungsdatum', 'Umsatz', 'PLZ'],
    ['K1', new Date('2026-03-01T00:00:00Z'), 1200, '01067'],
    ['K2', new Date('2026-03-02T00:00:00Z'), 800.5, '04109'],
  ] }]);
  return readFileSync(path);
}

describe('a damaged .xlsx', () => {
  it.each([
    ['cut off after its first bytes', (b: Buffer) => b.subarray(0, 600)],
    ['cut off before its directory', (b: Buffer) => b.subarray(0, b.length - 40)],
    ['with its middle overwritten', (b: Buffer) => Buffer.concat([b.subarray(0, 300), Buffer.alloc(b.length - 600, 0x41), b.subarray(b.length - 300)])],
  ])('%s exits 65 with a clear message and no stack trace, from a file and from stdin', async (_name, damage) => {
    const bytes = damage(await goodWorkbook());
    const dir = scratch();
    const file = join(dir, 'kunden.xlsx');
    writeFileSync(file, bytes);
    for (const r of [
      await runCli(['plan', file, '--out', join(dir, 'plan'), ...AS_OF]),
      await runCli(['plan', '-', '--out', join(dir, 'plan'), ...AS_OF], { stdin: bytes }),
    ]) {
      expect(r.code).toBe(65);
      expect(r.stderr).toMatch(/^winback plan: (.*kunden\.xlsx|stdin) is not a readable Excel workbook \(.+\)\nhint: open it in Excel and save it again as \.xlsx, or export it as CSV\n$/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(dir)).toEqual(['kunden.xlsx']);
    expect(stdinCopies()).toEqual([]);
  });
});

/** The good workbook with its parts changed: `edit` gets them by path and may add, replace or delete. */
async function withParts(edit: (parts: Map<string, Buffer>) => void): Promise<Buffer> {
  const parts = await zipParts(await goodWorkbook());
  edit(parts);
  return storedZip(parts);
}

/** A zip whose central directory says `path` unpacks to 4 GiB (a part past what memory holds). */
async function claimingHugePart(path: string): Promise<Buffer> {
  const bytes = await withParts(() => undefined);
  const name = Buffer.from(path);
  // The central directory entry of `path`: its signature, then the name 46 bytes on.
  for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
    if (bytes.readUInt32LE(at - 46) === 0x02014b50) bytes.writeUInt32LE(0xfffffff0, at - 46 + 24);
  }
  return bytes;
}

/** The workbook as Excel writes it (deflated) with the compressed bytes of `path` overwritten from their start. */
async function overwritten(path: string): Promise<Buffer> {
  const bytes = Buffer.from(await goodWorkbook());
  const name = Buffer.from(path);
  for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
    if (bytes.readUInt32LE(at - 30) !== 0x04034b50) continue;
    // A deflate block whose header says type 3, which does not exist: the bytes are damaged.
    const data = at + name.length + bytes.readUInt16LE(at - 30 + 28);
    bytes.fill(0xff, data, data + 16);
  }
  return bytes;
}

const EN_HINTS = {
  save: 'open it in Excel and save it again as .xlsx, or export it as CSV',
  password: 'open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password) and save it again, or export it as CSV',
  csv: 'export the sheet as CSV (File › Save As › CSV UTF-8): winback reads CSV files of any size',
};
const DE_HINTS = {
  save: 'in Excel öffnen und erneut als .xlsx speichern, oder als CSV exportieren',
  password: 'in Excel öffnen, das Kennwort entfernen (Datei › Informationen › Arbeitsmappe schützen › Mit Kennwort verschlüsseln) und erneut speichern, oder als CSV exportieren',
  csv: 'das Tabellenblatt als CSV exportieren (Datei › Speichern unter › CSV UTF-8): winback liest CSV-Dateien jeder Größe',
};

// What each kind of damage reads like: winback's words in English and German, never the zip or
// XML library's (its text is for --debug). Each is a real file damaged as files get damaged.
const KINDS: [string, () => Promise<Buffer>, string, string, keyof typeof EN_HINTS][] = [
  ['cut off after its first bytes', async () => (await goodWorkbook()).subarray(0, 600),
    'it is not a complete zip file: cut off, or no workbook at all', 'sie ist keine vollständige ZIP-Datei: abgeschnitten oder gar keine Arbeitsmappe', 'save'],
  ['a sheet whose compressed bytes were overwritten', () => overwritten('xl/worksheets/sheet1.xml'),
    'the zip part xl/worksheets/sheet1.xml is damaged', 'der ZIP-Teil xl/worksheets/sheet1.xml ist beschädigt', 'save'],
  ['encrypted with a password (by officecrypto-tool, as Excel does it)', async () => readFileSync(join(import.meta.dirname, '../fixtures/kunden-kennwort.xlsx')),
    'it is encrypted with a password', 'sie ist mit einem Kennwort verschlüsselt', 'password'],
  ['a Word document renamed to .xlsx', async () => storedZip(new Map([['[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types/>')], ['word/document.xml', Buffer.from('<?xml version="1.0"?><w:document/>')]])),
    'the zip holds no workbook: xl/workbook.xml is missing', 'die ZIP-Datei enthält keine Arbeitsmappe: xl/workbook.xml fehlt', 'save'],
  ['a sheet whose XML was cut off', () => withParts((p) => p.set('xl/worksheets/sheet1.xml', (p.get('xl/worksheets/sheet1.xml') as Buffer).subarray(0, 400))),
    'its part xl/worksheets/sheet1.xml is not well-formed XML', 'ihr Teil xl/worksheets/sheet1.xml ist kein wohlgeformtes XML', 'save'],
  ['shared strings with a broken tag', () => withParts((p) => p.set('xl/sharedStrings.xml', Buffer.from((p.get('xl/sharedStrings.xml') as Buffer).toString('utf8').replace('</si>', '</s i>')))),
    'its part xl/sharedStrings.xml is not well-formed XML', 'ihr Teil xl/sharedStrings.xml ist kein wohlgeformtes XML', 'save'],
  ['a sheet part missing from the zip', () => withParts((p) => p.delete('xl/worksheets/sheet1.xml')),
    'its part xl/worksheets/sheet1.xml is missing', 'ihr Teil xl/worksheets/sheet1.xml fehlt', 'save'],
  ['shared strings too large to hold', () => claimingHugePart('xl/sharedStrings.xml'),
    'its part xl/sharedStrings.xml is too large to be read into memory', 'ihr Teil xl/sharedStrings.xml ist zu groß, um in den Speicher gelesen zu werden', 'csv'],
];

describe('each kind of damage, in winback\'s words', () => {
  it.each(KINDS)('%s: English and German, exit 65, no library text', async (_name, make, en, de, hint) => {
    const dir = scratch();
    const file = join(dir, 'kunden.xlsx');
    writeFileSync(file, await make());
    const english = await runCli(['plan', file, '--out', join(dir, 'a'), ...AS_OF]);
    expect(english.code).toBe(65);
    expect(english.stderr).toBe(`winback plan: ${file} is not a readable Excel workbook (${en})\nhint: ${EN_HINTS[hint]}\n`);
    for (const args of [['--lang', 'de'], []]) {
      const german = await runCli(['plan', file, '--out', join(dir, 'b'), ...AS_OF, ...args], { env: args.length === 0 ? { LANG: 'de_DE.UTF-8' } : {} });
      expect(german.code).toBe(65);
      expect(german.stderr).toBe(`winback plan: ${file} ist keine lesbare Excel-Arbeitsmappe (${de})\nHinweis: ${DE_HINTS[hint]}\n`);
      expect(findEnglish(german.stderr, [file])).toEqual([]);
    }
    // The same bytes on stdin: the same words.
    const stdin = await runCli(['inspect', '-', '--lang', 'de'], { stdin: readFileSync(file) });
    expect(stdin.code).toBe(65);
    expect(stdin.stderr).toContain(`stdin ist keine lesbare Excel-Arbeitsmappe (${de})`);
    expect(readdirSync(dir)).toEqual(['kunden.xlsx']);
    expect(stdinCopies()).toEqual([]);
  });

  it('--debug adds the library\'s own error after winback\'s words', async () => {
    const dir = scratch();
    const file = join(dir, 'kunden.xlsx');
    writeFileSync(file, (await goodWorkbook()).subarray(0, 600));
    const r = await runCli(['plan', file, '--out', join(dir, 'a'), ...AS_OF, '--lang', 'de', '--debug']);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/^winback plan: .* ist keine lesbare Excel-Arbeitsmappe \(sie ist keine vollständige ZIP-Datei/);
    expect(r.stderr.split('\n').length).toBeGreaterThan(4);
    expect((await runCli(['plan', file, '--out', join(dir, 'a'), ...AS_OF, '--lang', 'de'])).stderr.split('\n')).toHaveLength(3);
  });

  it('an old .xls is still told apart from an encrypted .xlsx', async () => {
    const dir = scratch();
    const xls = join(dir, 'alt.xls');
    writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1016)]));
    const r = await runCli(['plan', xls, '--out', join(dir, 'a'), ...AS_OF]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('is an Excel 97–2003 workbook (.xls), which winback does not read');
  });
});

describe('a workbook on stdin', () => {
  it('is read from a temporary copy that is gone after the run', async () => {
    const dir = scratch();
    const r = await runCli(['plan', '-', '--out', join(dir, 'plan'), ...AS_OF, '--quiet'], { stdin: await goodWorkbook() });
    expect(r.code).toBe(0);
    expect(readCsv(join(dir, 'plan', 'plan.csv')).map((row) => row.customer_id)).toEqual(['K1', 'K2']);
    expect(stdinCopies()).toEqual([]);
  });

  it('leaves no temporary copy when the run fails after opening it', async () => {
    const path = join(scratch(), 'bad.xlsx');
    await writeWorkbook(path, [{ name: 'Kunden', rows: [['Kundennummer', 'Kündigungsdatum', 'Umsatz'], ['K1', '2026-03-01', 'viel'], ['K2', '2026-03-02', 'mehr']] }]);
    const missing = await runCli(['plan', '-', '--sheet', 'Customers', '--out', join(scratch(), 'p'), ...AS_OF], { stdin: readFileSync(path) });
    expect(missing.code).toBe(64);
    const rejected = await runCli(['plan', '-', '--out', join(scratch(), 'p'), ...AS_OF], { stdin: readFileSync(path) });
    expect(rejected.code).toBe(65);
    expect(rejected.stderr).toContain('all 2 rows were rejected');
    expect(stdinCopies()).toEqual([]);
  });
});

describe('duplicate ids in a workbook', () => {
  async function withdrawal(): Promise<Buffer> {
    const path = join(scratch(), 'dup.xlsx');
    await writeWorkbook(path, [{ name: 'Kunden', rows: [
      ['Kundennummer', 'Kündigungsdatum', 'Umsatz', 'E-Mail', 'Einwilligung E-Mail'],
      ['K1', new Date('2026-03-01T00:00:00Z'), 1200, 'k1@example.de', 'ja'],
      ['K2', new Date('2026-03-02T00:00:00Z'), 800.5, 'k2@example.de', 'ja'],
      ['K1', new Date('2026-03-01T00:00:00Z'), 1200, 'k1@example.de', 'nein'],
    ] }]);
    return readFileSync(path);
  }

  it('are decided as in a CSV export — the later withdrawal of consent wins, from a file and from stdin, and no copy is left', async () => {
    const bytes = await withdrawal();
    const dir = scratch();
    const file = join(dir, 'kunden.xlsx');
    writeFileSync(file, bytes);
    for (const [i, r] of [
      await runCli(['plan', file, '--out', join(dir, 'a'), ...AS_OF, '--quiet', '--max-reject-rate', '50%']),
      await runCli(['plan', '-', '--out', join(dir, 'b'), ...AS_OF, '--quiet', '--max-reject-rate', '50%'], { stdin: bytes }),
    ].entries()) {
      expect(r.code, r.stderr).toBe(0);
      const out = join(dir, i === 0 ? 'a' : 'b');
      const k1 = readCsv(join(out, 'plan.csv')).filter((row) => row.customer_id === 'K1');
      expect(k1).toHaveLength(1);
      expect(k1[0]!['Einwilligung E-Mail']).toBe('nein');
      const rejects = readCsv(join(out, 'rejects.csv'));
      expect(rejects.map((x) => [x.customer_id, x.line])).toEqual([['K1', '2']]);
      expect(rejects[0]!.error).toMatch(/line 4 is used/);
    }
    expect(stdinCopies()).toEqual([]);
  });
});
