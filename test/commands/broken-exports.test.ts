/**
 * Broken exports never become lists: a cut-off or NUL-padded file, a file whose rows are all
 * (or mostly) rejected stop every planning command with exit 65 and replace nothing; a stray
 * quote, a duplicated header, totals rows, missing-id markers and implausible values are
 * named with line, column and value.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv, runCli, tempDir } from '../support/cli.js';

const AS_OF = ['--as-of', '2026-11-23'];
const HEADER = 'customer_id,name,email,churn_date,revenue,margin_pct,reason,consent_email\n';
const row = (i: number) => `K${i},Name ${i},k${i}@example.com,2026-0${1 + (i % 9)}-15,${100 + i}.50,${10 + (i % 30)},zu teuer,yes`;
const rows = (n: number, from = 1) => Array.from({ length: n }, (_, i) => row(from + i));
const good = (n: number) => `${HEADER}${rows(n).join('\n')}\n`;

function write(content: string | Buffer, name = 'export.csv'): string {
  const file = join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}

/** What a copy that did not finish leaves: the text cut inside its last record, then NUL bytes. */
function cutOff(text: string, nul = true): Buffer {
  return Buffer.concat([Buffer.from(text.slice(0, text.length - 30)), Buffer.alloc(nul ? 4096 : 0)]);
}

/** Every file below `dir` with its bytes. */
function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), 'base64')]));
}

describe('a cut-off export padded with NUL bytes', () => {
  const damaged = () => write(cutOff(good(40)));

  it('plan: exit 65 naming the line, and last run\'s outputs stay as they were', async () => {
    const out = tempDir();
    expect((await runCli(['plan', write(good(40)), '--out', out, ...AS_OF, '-q'])).code).toBe(0);
    const before = snapshot(out);
    const r = await runCli(['plan', damaged(), '--out', out, ...AS_OF]);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/line 41: the last record is cut off and followed by NUL bytes: the file is incomplete .*; nothing was written/);
    expect(snapshot(out)).toEqual(before);
  });

  it('plan: a cut without NUL bytes (no line break, fewer fields) is refused too; a last line without a line break is fine when whole', async () => {
    const r = await runCli(['plan', write(cutOff(good(40), false)), '--out', tempDir(), ...AS_OF]);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/line 41: the last record is cut off: the file is incomplete/);
    const whole = await runCli(['plan', write(good(40).trimEnd()), '--out', tempDir(), ...AS_OF, '-q']);
    expect(whole.code).toBe(0);
  });

  it('campaign: exit 65 and not one ledger entry appended', async () => {
    const export_ = readFileSync('fixtures/lost-customers-en.csv', 'utf8');
    const ledger = join(tempDir(), 'ledger.csv');
    const r = await runCli(['campaign', write(cutOff(export_)), '--out', tempDir(), '--ledger', ledger, ...AS_OF]);
    expect(r.code).toBe(65);
    expect(existsSync(ledger)).toBe(false);
    // The whole export would have appended entries: the test can fail.
    const whole = await runCli(['campaign', write(export_), '--out', tempDir(), '--ledger', ledger, ...AS_OF]);
    expect(whole.code).toBe(0);
    expect(readFileSync(ledger, 'utf8').trim().split('\n').length).toBeGreaterThan(1);
  });

  it('report, reasons and worksheet: exit 65, no file written or replaced', async () => {
    const dir = tempDir();
    const html = join(dir, 'report.html');
    expect((await runCli(['report', damaged(), ...AS_OF, '--html', html])).code).toBe(65);
    expect(existsSync(html)).toBe(false);
    const reasonsOut = join(dir, 'reasons.csv');
    expect((await runCli(['reasons', write(good(40)), '--reasons-out', reasonsOut])).code).toBe(0);
    const before = readFileSync(reasonsOut);
    const reasons = await runCli(['reasons', damaged(), '--reasons-out', reasonsOut]);
    expect(reasons.code).toBe(65);
    expect(readFileSync(reasonsOut)).toEqual(before);
    const answers = join(dir, 'answers.json');
    writeFileSync(answers, '{}');
    const out = join(dir, 'worksheet');
    const worksheet = await runCli(['worksheet', damaged(), '--session', join(dir, 's.json'), '--answers', answers, '--out', out, ...AS_OF]);
    expect(worksheet.code).toBe(65);
    expect(existsSync(join(out, 'plan.csv'))).toBe(false);
  });

  it('inspect reports the damage instead of stopping, with exit 65', async () => {
    const r = await runCli(['inspect', damaged(), '--json']);
    expect(r.code).toBe(65);
    const report = JSON.parse(r.stdout);
    expect(report.usable).toBe(false);
    expect(report.rows).toMatchObject({ read: 40, accepted: 39, rejected: 1 });
    expect(report.problems).toEqual([expect.stringMatching(/line 41: the last record is cut off and followed by NUL bytes/)]);
    expect(report.rejects).toEqual([expect.objectContaining({ line: 41, customer_id: 'K40', error: 'the record is cut off and followed by NUL bytes: the file is incomplete' })]);
    const text = await runCli(['inspect', damaged()]);
    expect(text.stdout).toMatch(/not usable: .*line 41: the last record is cut off/);
  });

  it('NUL bytes inside the file stop plan at their line', async () => {
    const text = good(10).replace('Name 4', 'Na\0\0me 4');
    const r = await runCli(['plan', write(text), '--out', tempDir(), ...AS_OF]);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/line 5: NUL characters in the data: the file is damaged/);
  });
});

describe('rows rejected', () => {
  // Day-first dates read month-first: no date exists, every row is rejected.
  const dayFirst = `${HEADER}${rows(20).map((r) => r.replace(/2026-0(\d)-15/, '15/0$1/2026')).join('\n')}\n`;

  it('all of them: exit 65 whatever --max-reject-rate says, and last week\'s lists stay', async () => {
    const out = tempDir();
    expect((await runCli(['campaign', 'fixtures/lost-customers-en.csv', '--out', out, ...AS_OF, '-q'])).code).toBe(0);
    const before = snapshot(out);
    const r = await runCli(['campaign', write(dayFirst), '--out', out, ...AS_OF, '--date-format', 'mdy', '--max-reject-rate', '100%']);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/all 20 rows were rejected; nothing was written/);
    expect(snapshot(out)).toEqual(before);
    const reasons = await runCli(['reasons', write(`customer_id,reason\n-,x\nNA,y\n`)]);
    expect(reasons.code).toBe(65);
  });

  it('more than 20 % by default: exit 65; --max-reject-rate, WINBACK_MAX_REJECT_RATE and input.maxRejectRate raise the limit', async () => {
    // 10 of 40 rows (25 %) have an orders count that is no number.
    const text = `customer_id,churn_date,orders\n${Array.from({ length: 40 }, (_, i) => `K${i},2026-03-01,${i % 4 === 0 ? 'zwölf' : i}`).join('\n')}\n`;
    const file = write(text);
    const refused = await runCli(['plan', file, '--out', tempDir(), ...AS_OF]);
    expect(refused.code).toBe(65);
    expect(refused.stderr).toMatch(/10 of 40 rows rejected \(25\.0 %\), more than the default limit of 20\.0 %; nothing was written/);
    // The first reject named (line, column, value), and how to see them all (a QA round, 2026-12-08), on workers too.
    expect(refused.stderr).toContain("the first rejected row: line 2, column orders 'zwölf': orders 'zwölf' is not a number");
    expect(refused.stderr).toContain(`run winback inspect ${file} to see the rejects`);
    const workers = await runCli(['plan', file, '--out', tempDir(), ...AS_OF, '--threads', '2'], { env: { WINBACK_PARALLEL_MIN_BYTES: '0' } });
    expect(workers.stderr).toContain("the first rejected row: line 2, column orders 'zwölf'");
    expect((await runCli(['plan', file, '--out', tempDir(), ...AS_OF, '--max-reject-rate', '30%', '-q'])).code).toBe(0);
    expect((await runCli(['plan', file, '--out', tempDir(), ...AS_OF, '-q'], { env: { WINBACK_MAX_REJECT_RATE: '0.3' } })).code).toBe(0);
    const config = write('input:\n  maxRejectRate: 0.3\n', 'config.yaml');
    expect((await runCli(['plan', file, '--out', tempDir(), ...AS_OF, '--config', config, '-q'])).code).toBe(0);
    const inspect = await runCli(['inspect', file]);
    expect(inspect.code).toBe(65);
    expect(inspect.stdout).toMatch(/not usable: .*10 of 40 rows rejected/);
  });
});

describe('a stray quote', () => {
  it('swallows no customer: the row with it is rejected with line, column and value, every other row is read', async () => {
    const lines = rows(12);
    lines[4] = (lines[4] as string).replace('Name 5', '"Name 5');
    const out = tempDir();
    const r = await runCli(['plan', write(`${HEADER}${lines.join('\n')}\n`), '--out', out, ...AS_OF, '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    // read = the file's physical records
    expect(summary).toMatchObject({ input_rows: 12, accepted: 11, rejected: 1 });
    expect(readCsv(join(out, 'rejects.csv'))).toEqual([
      expect.objectContaining({ line: '6', customer_id: 'K5', column: 'name', value: expect.stringMatching(/^Name 5,k5@example.com/), error: expect.stringMatching(/quote opened in column 'name' on line 6 is left open \(line 7 reads as a row of its own\)/) }),
    ]);
    expect(readCsv(join(out, 'plan.csv')).map((p) => p.customer_id)).toContain('K6');
  });
});

describe('a duplicated header', () => {
  const text = 'customer_id,name,E-Mail,churn_date,E-Mail\nK1,A,old@example.com,2026-03-01,new@example.com\n';

  it('is a data error naming both columns, unless --map picks one (by its number)', async () => {
    const r = await runCli(['plan', write(text), '--out', tempDir(), ...AS_OF]);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/the header 'E-Mail' appears in 2 columns \(column 3 and column 5\), and both would be read as email/);
    expect(r.stderr).toMatch(/hint: choose one with --map email='#3' or --map email='#5'/);
    const picked = await runCli(['inspect', write(text), '--map', 'email=#5', '--json']);
    expect(picked.code).toBe(0);
    expect(JSON.parse(picked.stdout).samples[0].email).toBe('new@example.com');
    const byName = await runCli(['plan', write(text), '--out', tempDir(), ...AS_OF, '--map', 'email=E-Mail']);
    expect(byName.code).toBe(64);
    expect(byName.stderr).toMatch(/2 columns are named 'E-Mail' \(#3, #5\); pick one by number/);
  });
});

describe('rows that are no customers, and values no customer has', () => {
  const text = [
    'customer_id;name;customer since;churn_date;revenue;margin %;email',
    'K1;Alpha;2020-01-01;2026-03-01;100,00;20;a@example.com',
    'NA;Beta;2020-01-01;2026-03-01;100,00;20;b@example.com',
    '#N/A;Gamma;2020-01-01;2026-03-01;100,00;20;',
    '-;Delta;2020-01-01;2026-03-01;100,00;20;',
    'NULL;Epsilon;2020-01-01;2026-03-01;100,00;20;',
    'K2;Zeta;2020-01-01;2026-03-01;100,00;350;',
    'K3;Eta;2020-01-01;1899-12-30;100,00;20;',
    'K4;Theta;2020-01-01;2027-01-15;100,00;20;',
    'K5;Iota;2020-01-01;2026-03-01;100 USD;20;',
    'K6;Kappa;2027-02-01;;100,00;20;',
    'K\u200b7;Lam\u200bbda\u0007;2020-01-01;2026-03-01;100,00;20;',
    'Summe;;;;3.000,00;;',
    ';Gesamt;;;3.000,00;;',
  ].join('\n');

  it('are rejected with line, column and a clear message; invisible characters are removed with a warning', async () => {
    const out = tempDir();
    const r = await runCli(['plan', write(text), '--out', out, ...AS_OF, '--max-reject-rate', '100%', '-q']);
    expect(r.code).toBe(0);
    const rejects = readCsv(join(out, 'rejects.csv')).map((j) => [j.line, j.column, j.value, j.error]);
    expect(rejects).toEqual([
      ['3', 'customer_id', 'NA', expect.stringMatching(/customer_id 'NA' marks a missing value, not an id/)],
      ['4', 'customer_id', '#N/A', expect.stringMatching(/marks a missing value/)],
      // (rejects.csv writes a leading '-' with an apostrophe, as every cell a spreadsheet would take for a formula)
      ['5', 'customer_id', "'-", expect.stringMatching(/marks a missing value/)],
      ['6', 'customer_id', 'NULL', expect.stringMatching(/marks a missing value/)],
      ['7', 'margin %', '350', expect.stringMatching(/is 350 %: a margin above 100 % of revenue is not possible/)],
      ['8', 'churn_date', '1899-12-30', expect.stringMatching(/is before 1900: not a real date/)],
      ['9', 'churn_date', '2027-01-15', expect.stringMatching(/is after the as-of date 2026-11-23/)],
      ['10', 'revenue', '100 USD', expect.stringMatching(/is in USD, but amounts are read as EUR/)],
      ['11', 'customer since', '2027-02-01', expect.stringMatching(/is after the as-of date 2026-11-23: a customer cannot have joined in the future/)],
      ['13', 'customer_id', 'Summe', expect.stringMatching(/looks like a totals row \('Summe'/)],
      ['14', 'name', 'Gesamt', expect.stringMatching(/looks like a totals row \('Gesamt'/)],
    ]);
    const plan = readCsv(join(out, 'plan.csv'));
    expect(plan.map((p) => p.customer_id).sort()).toEqual(['K1', 'K7']);
    const k7 = plan.find((p) => p.customer_id === 'K7') as Record<string, string>;
    expect(k7.warnings).toMatch(/customer_id 'K\u200b7': holds zero-width characters; removed/);
    expect(k7.warnings).toMatch(/name 'Lam\u200bbda\u0007': holds zero-width characters, control characters; removed/);
  });

  it('are named in German with --lang de', async () => {
    const out = tempDir();
    const r = await runCli(['plan', write(text), '--out', out, ...AS_OF, '--max-reject-rate', '100%', '--lang', 'de', '-q']);
    expect(r.code).toBe(0);
    const errors = readCsv(join(out, 'rejects.csv')).map((j) => j.error);
    expect(errors).toContain("customer_id 'NA' steht für einen fehlenden Wert, nicht für eine Kundennummer");
    expect(errors).toContainEqual(expect.stringMatching(/^churn_date '2027-01-15' liegt nach dem Stichtag 23\.11\.2026/));
    expect(errors).toContainEqual(expect.stringMatching(/liegt vor 1900: kein echtes Datum \(Excel zeigt eine leere Datumszelle als 30\.12\.1899/));
    expect(errors).toContainEqual(expect.stringMatching(/^revenue '100 USD' ist in USD, Beträge werden aber als EUR gelesen/));
    const refused = await runCli(['plan', write(cutOff(good(40))), '--out', tempDir(), ...AS_OF, '--lang', 'de']);
    expect(refused.stderr).toMatch(/Zeile 41: der letzte Datensatz ist abgeschnitten und von NUL-Bytes gefolgt.*nichts wurde geschrieben/);
  });
});

describe('conflicting duplicate ids', () => {
  // K2 again on the last line, without e-mail consent: that row is the one used.
  const text = `${good(9)}K2,Name 2,k2@example.com,2026-03-15,102.50,12,zu teuer,no\n`;

  it('inspect shows the reject of the earlier row, read twice from stdin as from a file', async () => {
    for (const [source, stdin] of [[write(text), undefined], ['-', text]] as const) {
      const r = await runCli(['inspect', source, '--json', ...AS_OF], stdin === undefined ? {} : { stdin });
      const report = JSON.parse(r.stdout);
      expect(report.rows).toMatchObject({ read: 10, accepted: 9, rejected: 1 });
      expect(report.rejects).toEqual([expect.objectContaining({ line: 3, customer_id: 'K2', error: 'duplicate customer_id: line 11 is used, with the most restrictive consent and objection of lines 3, 11' })]);
    }
  });

  it('are named in German with --lang de', async () => {
    const out = tempDir();
    expect((await runCli(['plan', write(text), '--out', out, ...AS_OF, '--lang', 'de', '-q'])).code).toBe(0);
    expect(readCsv(join(out, 'rejects.csv')).map((j) => j.error)).toEqual(['doppelte customer_id: Zeile 11 wird verwendet, mit der strengsten Einwilligung und dem strengsten Widerspruch der Zeilen 3, 11']);
    // The row used refuses e-mail itself: nothing merged into it, no warning.
    expect(readCsv(join(out, 'plan.csv')).find((p) => p.customer_id === 'K2')).toMatchObject({ consent_email: 'no', warnings: '' });
  });
});

describe('an export without a header line', () => {
  it('is refused (65) without printing its first customer: the message says the first line holds values', async () => {
    const dir = tempDir();
    const file = join(dir, 'noheader.csv');
    writeFileSync(file, `${rows(5).join('\n')}\n`);
    for (const command of ['plan', 'campaign', 'inspect']) {
      const r = await runCli([command, file, ...(command === 'inspect' ? [] : ['--out', join(dir, command)]), ...AS_OF]);
      expect(r.code, command).toBe(65);
      expect(r.stderr).toContain('the first line (8 columns) holds values such as an e-mail address or a date, not column names');
      expect(r.stderr).not.toMatch(/Name 1|k1@example\.com/);
    }
  });
});

// From a QA round (2026-12-08): a copy cut off right after the last separator ("…,yes" arrived
// as "…,"): the row had every field, its empty "Do Not Contact" read as no objection, and the
// customer was listed.
describe('an export that ends inside its last field', () => {
  it.each([
    ['on this thread', {}, '1'],
    ['on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }, '2'],
  ] as const)('sends the last row to a person; the same row ended by a line break is read as it is (%s)', async (_, env, threads) => {
    const dir = tempDir('winback-cut-last-field-');
    const head = 'Customer ID,Name,Street,Zip,City,Segment,Customer Since,Churn Date,Revenue,Reason,Do Not Contact';
    const row = (id: string, dnc: string) => `${id},${id} GmbH,Weg 1,10115,Berlin,B2B,2015-01-01,2026-06-01,50000,too expensive,${dnc}`;
    const body = [head, row('KD-1', 'no'), row('KD-2', 'no'), row('KD-3', '')].join('\n');
    const plan = async (name: string, text: string) => {
      const file = join(dir, `${name}.csv`);
      writeFileSync(file, text);
      const out = join(dir, name);
      const r = await runCli(['plan', file, '--out', out, '--as-of', '2026-11-23', '--threads', threads, '-q'], { env });
      expect(r.code, r.stderr).toBe(0);
      return Object.fromEntries(readCsv(join(out, 'plan.csv')).map((x) => [x.customer_id, x]));
    };
    const cut = await plan('cut', body);
    expect(cut['KD-3']?.decision).toBe('review');
    expect(cut['KD-3']?.decision_reason).toMatch(/^the file ends in this row, with no line break after it and its last field empty: it may have been cut off here/);
    expect(cut['KD-2']?.decision).toBe('win_back');
    const whole = await plan('whole', `${body}\n`);
    expect(whole['KD-3']?.decision).toBe('win_back');
    const lastFilled = await plan('filled', body.replace(/,$/, ',no'));
    expect(lastFilled['KD-3']?.decision).toBe('win_back');
  });
});

// From a QA round (2026-12-08): a colon-separated export was refused with the --map hint.
describe('an export separated by a character winback does not detect', () => {
  it('is refused with a hint to pass --delimiter, in English and German, and reads with it', async () => {
    const dir = tempDir('winback-colon-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, 'Customer ID:Name:Churn Date:Revenue\nK-1:Anna:2026-06-01:1000\nK-2:Bert:2026-06-02:2000\n');
    const en = await runCli(['plan', file, '--out', join(dir, 'en'), '--as-of', '2026-11-23']);
    expect(en.code).toBe(65);
    expect(en.stderr).toContain("the header is one column: its names seem to be separated by ':', which is not detected on its own; pass --delimiter ':'");
    const de = await runCli(['plan', file, '--out', join(dir, 'de'), '--as-of', '2026-11-23', '--lang', 'de']);
    expect(de.stderr).toContain("--delimiter ':' angeben");
    const read = await runCli(['plan', file, '--out', join(dir, 'ok'), '--as-of', '2026-11-23', '--delimiter', ':', '-q']);
    expect(read.code, read.stderr).toBe(0);
    expect(readCsv(join(dir, 'ok', 'plan.csv')).map((r) => r['Customer ID'])).toHaveLength(2);
  });
});
