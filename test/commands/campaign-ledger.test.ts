/** The contact ledger as `winback campaign` keeps it: commit with the lists, edits that would contact people again, ids. */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IoError } from '../../src/errors.js';
import * as ledgerIo from '../../src/io/ledger/ledger.js';
import { readCsv, runCli, tempDir } from '../support/cli.js';
import { findEnglish } from '../support/english-words.js';

vi.mock('../../src/io/ledger/ledger.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/io/ledger/ledger.js')>();
  return { ...real, appendLedgerBytes: vi.fn(real.appendLedgerBytes), scanLedgerKeyed: vi.fn(real.scanLedgerKeyed) };
});

const FIXTURE = 'fixtures/lost-customers-en.csv';
const HEADER = 'customer_id,channel,campaign_date,campaign_id,measure,outcome';
const LISTS = ['campaign-visit.csv', 'campaign-phone.csv', 'campaign-letter.csv', 'campaign-email.csv', 'excluded.csv'];

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
let dir: string;
let ledger: string;
beforeEach(() => {
  dir = tempDir();
  dirs.push(dir);
  ledger = join(dir, 'ledger.csv');
  vi.mocked(ledgerIo.appendLedgerBytes).mockClear();
  vi.mocked(ledgerIo.scanLedgerKeyed).mockClear();
});

const week = (asOf: string, out: string, extra: string[] = [], file = FIXTURE) => runCli(['campaign', file, '--out', out, '--as-of', asOf, '--ledger', ledger, ...extra]);
const snapshot = (out: string) => Object.fromEntries(LISTS.map((f) => [f, readFileSync(join(out, f), 'utf8')]));
const ledgerLines = () => readFileSync(ledger, 'utf8').trim().split('\n');

describe('campaign commits the ledger and the lists together', () => {
  it('reads the ledger once per run', async () => {
    expect((await week('2026-11-23', join(dir, 'w48'))).code).toBe(0);
    expect((await week('2026-11-30', join(dir, 'w49'))).code).toBe(0);
    expect(vi.mocked(ledgerIo.scanLedgerKeyed)).toHaveBeenCalledTimes(2);
  });

  it('a failed append (disk full) leaves last week\'s lists with the ledger that matches them', async () => {
    const out = join(dir, 'out');
    expect((await week('2026-11-23', out)).code).toBe(0);
    const lists = snapshot(out);
    const bytes = readFileSync(ledger);
    const state = readFileSync(`${ledger}.state.json`);
    vi.mocked(ledgerIo.appendLedgerBytes).mockImplementationOnce(async (path) => {
      throw new IoError(`cannot write ${path}: no space left on device`, 'free some disk space and run again');
    });
    const r = await week('2026-11-30', out, ['--previous', out]);
    expect(r.code).toBe(74);
    expect(r.stderr).toMatch(/no space left on device/);
    expect(snapshot(out)).toEqual(lists);
    expect(readFileSync(ledger)).toEqual(bytes);
    expect(readFileSync(`${ledger}.state.json`)).toEqual(state);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('a state file that cannot be written after the lists are in place says the run is committed, not "run again"', async () => {
    expect((await week('2026-11-23', join(dir, 'w48'))).code).toBe(0);
    vi.mocked(ledgerIo.appendLedgerBytes).mockImplementationOnce(async (path, data, size) => {
      await ledgerIo.appendLedgerBytes(path, data, size);
      // The state file's place is taken (as a full disk would refuse it): its update fails after the append.
      rmSync(`${path}.state.json`);
      mkdirSync(`${path}.state.json`);
      writeFileSync(join(`${path}.state.json`, 'x'), '');
    });
    const out = join(dir, 'w49');
    const r = await week('2026-11-30', out);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`the lists and the ledger of this run are committed; only its record in ${ledger}.state.json could not be written`);
    expect(existsSync(join(out, 'campaign-letter.csv'))).toBe(true);
  });

  it('a run that died halfway through the append is rolled back by the next run', async () => {
    expect((await week('2026-11-23', join(dir, 'w48'))).code).toBe(0);
    const before = readFileSync(ledger, 'utf8');
    vi.mocked(ledgerIo.appendLedgerBytes).mockImplementationOnce(async (path, data) => {
      // What a crash leaves: half the lines written, no cleanup.
      appendFileSync(path, Buffer.from(data).subarray(0, Math.floor(data.length / 2)));
      throw new Error('simulated crash');
    });
    const out = join(dir, 'w49');
    expect((await week('2026-11-30', out)).code).toBe(1);
    expect(readFileSync(ledger, 'utf8')).not.toBe(before);
    expect(existsSync(join(out, 'campaign-letter.csv'))).toBe(false);
    const again = await week('2026-11-30', out);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/interrupted while it committed; rolled it back/);
    // The ledger is last week's plus this run's entries, once each.
    const lines = ledgerLines();
    expect(readFileSync(ledger, 'utf8').startsWith(before)).toBe(true);
    expect(new Set(lines).size).toBe(lines.length);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp') || f.startsWith('.winback'))).toEqual([]);
  });

  it('says what it settled in German under --lang de: the refusal of a ledger changed since, then the rollback', async () => {
    expect((await week('2026-11-23', join(dir, 'w48'))).code).toBe(0);
    vi.mocked(ledgerIo.appendLedgerBytes).mockImplementationOnce(async (path, data) => {
      appendFileSync(path, Buffer.from(data).subarray(0, 10));
      throw new Error('simulated crash');
    });
    const out = join(dir, 'w49');
    expect((await week('2026-11-30', out)).code).toBe(1);
    writeFileSync(ledger, `${HEADER}\n`);
    const refused = await week('2026-11-30', out, ['--lang', 'de']);
    expect(refused.code).toBe(65);
    expect(refused.stderr).toMatch(/wurde beim Festschreiben unterbrochen, und das Kontaktbuch .* hat sich seitdem geändert \(\d+ Bytes; \d+ vor diesem Lauf, \d+ danach\)\nHinweis: das Kontaktbuch von Hand prüfen/);
    expect(findEnglish(refused.stderr)).toEqual([]);
    const forced = await week('2026-11-30', out, ['--force', '--lang', 'de']);
    expect(forced.code, forced.stderr).toBe(0);
    const line = forced.stderr.split('\n').find((l) => l.includes('unterbrochen')) ?? '';
    expect(line).toMatch(/^Warnung: der Lauf \S+ nach .* wurde beim Festschreiben unterbrochen; jetzt zurückgenommen/);
    expect(findEnglish(line)).toEqual([]);
  });

  it('a line logged by hand after an interrupted run is kept: a dry run settles nothing, a real run cuts no line of another', async () => {
    expect((await week('2026-11-23', join(dir, 'w48'))).code).toBe(0);
    const manual = 'C-00182,phone,2026-11-28,manual,manual call,contacted\n';
    vi.mocked(ledgerIo.appendLedgerBytes).mockImplementationOnce(async (path) => {
      // While the run commits, someone logs a call by hand; the run finds the ledger changed and appends nothing.
      appendFileSync(path, manual);
      throw new IoError(`ledger ${path} changed during the run`, 'run again');
    });
    const out = join(dir, 'w49');
    expect((await week('2026-11-30', out)).code).toBe(74);
    const withManual = readFileSync(ledger);
    const dry = await week('2026-12-07', join(dir, 'w50'), ['--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toMatch(/a dry run leaves it as it is/);
    expect(readFileSync(ledger)).toEqual(withManual);
    expect(existsSync(join(out, '.winback-pending.json'))).toBe(true);
    const real = await week('2026-12-07', join(dir, 'w50'));
    expect(real.code).toBe(65);
    expect(real.stderr).toMatch(/was interrupted while it committed, and ledger .* has changed since/);
    expect(readFileSync(ledger)).toEqual(withManual);
    // With --force the run goes on with the ledger as it is: the hand-logged call stays, and paces the customer.
    const forced = await week('2026-12-07', join(dir, 'w50'), ['--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(ledger, 'utf8')).toContain(manual);
    const listed = ['visit', 'phone', 'letter', 'email'].flatMap((c) => readCsv(join(dir, 'w50', `campaign-${c}.csv`)).map((x) => x.customer_id));
    expect(listed).not.toContain('C-00182');
  });

  it('an interrupted run whose ledger was changed since is neither completed nor rolled back without --force', async () => {
    expect((await week('2026-11-23', join(dir, 'w48'))).code).toBe(0);
    vi.mocked(ledgerIo.appendLedgerBytes).mockImplementationOnce(async (path, data) => {
      appendFileSync(path, Buffer.from(data).subarray(0, 10));
      throw new Error('simulated crash');
    });
    const out = join(dir, 'w49');
    expect((await week('2026-11-30', out)).code).toBe(1);
    // Someone cut the ledger by hand in the meantime.
    writeFileSync(ledger, `${HEADER}\n`);
    const r = await week('2026-11-30', out);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/was interrupted while it committed, and ledger .* has changed since/);
    expect(existsSync(join(out, '.winback-pending.json'))).toBe(true);
    const forced = await week('2026-11-30', out, ['--force']);
    expect(forced.code).toBe(0);
    expect(existsSync(join(out, '.winback-pending.json'))).toBe(false);
  });

  it('a run that died after the append, before its outputs were all in place, is completed by the next run', async () => {
    expect((await week('2026-11-23', join(dir, 'w48'))).code).toBe(0);
    const reference = join(dir, 'reference');
    const copy = `${ledger}.copy`;
    writeFileSync(copy, readFileSync(ledger));
    expect((await runCli(['campaign', FIXTURE, '--out', reference, '--as-of', '2026-11-30', '--ledger', copy])).code).toBe(0);
    const out = join(dir, 'w49');
    vi.mocked(ledgerIo.appendLedgerBytes).mockImplementationOnce(async (path, data, size) => {
      await ledgerIo.appendLedgerBytes(path, data, size);
      // summary.json cannot be renamed into place: the run stops after the lists were.
      mkdirSync(join(out, 'summary.json'));
    });
    const failed = await week('2026-11-30', out);
    expect(failed.code).toBe(73);
    expect(failed.stderr).toMatch(/hint: the ledger holds this run's entries; the next run/);
    rmSync(join(out, 'summary.json'), { recursive: true });
    const next = await week('2026-11-30', out, ['--json']);
    expect(next.code).toBe(0);
    expect(next.stderr).toMatch(/interrupted while it committed; completed it/);
    expect(JSON.parse(next.stdout).ledger.appended).toBe(0);
    expect(readFileSync(ledger, 'utf8')).toBe(readFileSync(copy, 'utf8'));
    expect(snapshot(out)).toEqual(snapshot(reference));
  });
});

describe('ledger changes that would contact people again stop the run (65) unless --force', () => {
  it('a ledger whose lines were edited since the last run stops the run (65) unless --force; a dry run warns', async () => {
    expect((await week('2026-11-23', join(dir, 'w48'))).code).toBe(0);
    // A contact's date moved back by hand (the file keeps its size): the customer would be due again.
    const text = readFileSync(ledger, 'utf8');
    const edited = text.replace(/,2026-11-23,/, ',2026-08-01,');
    expect(edited).not.toBe(text);
    writeFileSync(ledger, edited);
    const r = await week('2026-11-30', join(dir, 'w49'));
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/was edited since the last run \(its first \d+ bytes changed\): a date moved back or an id changed would contact people again/);
    expect(r.stderr).toMatch(/hint: restore the ledger from a backup; if the edit is right \(a typo fixed\), run again with --force/);
    expect(readFileSync(ledger, 'utf8')).toBe(edited);
    const dry = await week('2026-11-30', join(dir, 'w49'), ['--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toMatch(/was edited since the last run/);
    const forced = await week('2026-11-30', join(dir, 'w49'), ['--force']);
    expect(forced.code, forced.stderr).toBe(0);
  });

  it('a run dated more than a month after today (a typed 2062) stops (65) with the ledger unchanged; a dry run warns; a run prepared a few weeks ahead goes', async () => {
    expect((await week('2026-11-23', join(dir, 'w48'))).code).toBe(0);
    const before = readFileSync(ledger, 'utf8');
    const typo = await week('2062-11-23', join(dir, 'typo'));
    expect(typo.code).toBe(65);
    expect(typo.stderr).toContain('--as-of 2062-11-23 is 13149 days after today (2026-11-23): the run would record its contacts as made then');
    expect(typo.stderr).toContain('hint: give the day of the run (or leave --as-of out)');
    expect(readFileSync(ledger, 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'typo'))).toBe(false);
    const dry = await week('2062-11-23', join(dir, 'dry'), ['--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(readFileSync(ledger, 'utf8')).toBe(before);
    expect((await week('2026-12-21', join(dir, 'w52'))).code).toBe(0);
  });

  it('a ledger restored with its state file from a backup older than the previous lists stops the run (65)', async () => {
    expect((await week('2026-11-23', join(dir, 'w48'))).code).toBe(0);
    const bytes = readFileSync(ledger);
    const state = readFileSync(`${ledger}.state.json`);
    expect((await week('2026-11-30', join(dir, 'w49'))).code).toBe(0);
    expect(readFileSync(ledger).length).toBeGreaterThan(bytes.length);
    // Both files back as they were before week 49: they agree with each other, not with week 49's lists.
    writeFileSync(ledger, bytes);
    writeFileSync(`${ledger}.state.json`, state);
    const r = await week('2026-12-07', join(dir, 'w50'), ['--previous', join(dir, 'w49')]);
    expect(r.code, r.stderr).toBe(65);
    expect(r.stderr).toContain('but had');
    expect(r.stderr).toMatch(/w49[\\/]summary\.json records/);
    expect(readFileSync(ledger)).toEqual(bytes);
    expect(existsSync(join(dir, 'w50', 'campaign-email.csv'))).toBe(false);
  });

  it.each([
    ['emptied', ''],
    ['cut to its header', `${HEADER}\n`],
    ['deleted', undefined],
  ])('a ledger %s since the last run', async (_name, text) => {
    expect((await week('2026-11-23', join(dir, 'w48'))).code).toBe(0);
    if (text === undefined) rmSync(ledger);
    else writeFileSync(ledger, text);
    const out = join(dir, 'w49');
    const r = await week('2026-11-30', out);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/has no entries .* but had \d+ after run/);
    expect(r.stderr).toMatch(/hint: .*--force/);
    expect(existsSync(out)).toBe(false);
    const forced = await week('2026-11-30', out, ['--force']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toMatch(/going on because of --force/);
  });

  it('a ledger cut short by hand', async () => {
    expect((await week('2026-11-23', join(dir, 'w48'))).code).toBe(0);
    const lines = ledgerLines();
    writeFileSync(ledger, `${lines.slice(0, -3).join('\n')}\n`);
    const r = await week('2026-11-30', join(dir, 'w49'));
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(new RegExp(`has ${lines.length - 4} entries but had ${lines.length - 1}`));
  });

  it('a contact dated in the future (a typo), naming its line', async () => {
    writeFileSync(ledger, `${HEADER}\nC-00001,letter,2026-01-05,2026-W02,price:discount,contacted\nC-00002,letter,2062-11-23,2062-W48,price:discount,contacted\n`);
    const r = await week('2026-11-23', join(dir, 'w48'));
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/line 3, column campaign_date: 2062-11-23 is in the future/);
    expect((await week('2026-11-23', join(dir, 'w48'), ['--force'])).code).toBe(0);
  });

  it('a run dated before the ledger\'s latest contact; --dry-run only warns, --force appends', async () => {
    // The test clock says 2026-11-23 (test/support/memory-context.ts).
    expect((await week('2026-11-23', join(dir, 'w48'))).code).toBe(0);
    const bytes = readFileSync(ledger);
    const out = join(dir, 'w47');
    const r = await week('2026-11-16', out);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/--as-of 2026-11-16 is before the ledger's latest contact \(2026-11-23, campaign 2026-W48, line \d+\)/);
    expect(readFileSync(ledger)).toEqual(bytes);
    const dry = await week('2026-11-16', out, ['--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toMatch(/warning: --as-of 2026-11-16 is before .*a --dry-run changes no ledger/);
    expect(readFileSync(ledger)).toEqual(bytes);
    expect((await week('2026-11-16', out, ['--force'])).code).toBe(0);
  });

  it('a rerun of this week is no backdated run', async () => {
    expect((await week('2026-11-25', join(dir, 'a'))).code).toBe(0);
    const r = await week('2026-11-23', join(dir, 'b'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ledger \+0/);
  });
});

// From a QA round (2026-12-08): week 48 ran from another folder, its relative --ledger a new,
// empty file, while --previous showed last week's summary with its 71 entries in the old ledger:
// everyone listed a week earlier was listed again.
describe('a ledger other than the one the last run recorded', () => {
  it('stops the run when this one is empty, missing or another with entries, goes on with --force', async () => {
    const w48 = join(dir, 'w48');
    expect((await week('2026-11-23', w48)).code).toBe(0);
    mkdirSync(join(dir, 'elsewhere'));
    const moved = join(dir, 'elsewhere', 'ledger.csv');
    const run = (out: string, extra: string[]) => runCli(['campaign', FIXTURE, '--out', out, '--as-of', '2026-11-30', '--previous', w48, ...extra]);
    const stopped = await run(join(dir, 'w49'), ['--ledger', moved]);
    expect(stopped.code).toBe(65);
    expect(stopped.stderr).toContain(`ledger ${moved} has no entries (empty, header only or missing), but ${join(w48, 'summary.json')} records the last run's contacts in ledger ${ledger} (`);
    expect(stopped.stderr).toContain('pass the ledger the last run wrote');
    expect(existsSync(moved)).toBe(false);
    const none = await run(join(dir, 'w49b'), []);
    expect(none.code).toBe(65);
    expect(none.stderr).toContain('this run has no --ledger, but');
    const forced = await run(join(dir, 'w49c'), ['--ledger', moved, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('(going on because of --force)');
    // The other ledger has entries now (an older ledger in the folder a cron job started from, QA 2026-12-08):
    // the customers of the run recorded elsewhere would be listed again, so it stops as well.
    const older = await runCli(['campaign', FIXTURE, '--out', join(dir, 'w50'), '--as-of', '2026-12-07', '--previous', w48, '--ledger', moved]);
    expect(older.code).toBe(65);
    expect(older.stderr).toContain('the customers contacted there would be contacted again');
    // The same ledger again: no word of it.
    const right = await run(join(dir, 'w49d'), ['--ledger', ledger]);
    expect(right.code, right.stderr).toBe(0);
    expect(right.stderr).not.toContain('records the last run');
  });
});

describe('ledger ids and cells', () => {
  const EXPORT_HEADER = 'Customer ID,Name,Email,Phone,Street,Zip,City,Segment,Key Account,Account Manager,Customer Since,Churn Date,Orders,Revenue,Margin %,Reason,Email Opt-In,Phone Opt-In,Do Not Contact';
  // Each customer with an address and number of their own: a shared one is approached once per run.
  let n = 0;
  const row = (id: string) => {
    n++;
    return `${id},Anna,a${n}@example.com,+49 30 123456${n},Main St 1,10115,Berlin,B2C,no,,2019-01-01,2026-10-15,40,20000,30,too expensive,yes,yes,no`;
  };

  it('matches ids a spreadsheet changed: trailing spaces, leading zeros dropped; ledger cells are neutralised', async () => {
    const file = join(dir, 'export.csv');
    writeFileSync(file, `${EXPORT_HEADER}\n${row('00123')}\n${row('=X1')}\n${row('C-9')}\n`);
    expect((await week('2026-11-23', join(dir, 'w48'), [], file)).code).toBe(0);
    const text = readFileSync(ledger, 'utf8');
    expect(text).toContain("\n'=X1,");
    // A spreadsheet round trip: leading zeros dropped, a space typed after an id.
    writeFileSync(ledger, text.replace('\n00123,', '\n123,').replace('\nC-9,', '\nC-9 ,'));
    rmSync(`${ledger}.state.json`);
    const out = join(dir, 'w49');
    expect((await week('2026-11-30', out, [], file)).code).toBe(0);
    const excluded = Object.fromEntries(readCsv(join(out, 'excluded.csv')).map((e) => [e.customer_id, e.reason]));
    expect(excluded).toEqual({ '00123': 'too_soon', "'=X1": 'too_soon', 'C-9': 'too_soon' });
  });

  it('matches ids written in another case or with another dash, in the ledger, the export, a suppression list and a duplicate row', async () => {
    const file = join(dir, 'export.csv');
    writeFileSync(file, `${EXPORT_HEADER}\n${row('KD-100')}\n${row('KD-200')}\n${row('KD-300')}\n`);
    expect((await week('2026-11-23', join(dir, 'w48'), [], file)).code).toBe(0);
    // The next export writes the ids in small letters, one with a typographic dash, and adds a customer a hand-typed
    // suppression entry names, and a second row of KD-400 in small letters that objects.
    const suppress = join(dir, 'suppress.csv');
    writeFileSync(suppress, 'customer_id\nkd-500\n');
    const next = join(dir, 'export2.csv');
    writeFileSync(next, `${EXPORT_HEADER}\n${row('kd-100')}\n${row('KD\u2010200')}\n${row('kd-300')}\n${row('KD-400')}\n${row('KD-500')}\n${row('kd-400').replace(/,no$/, ',yes')}\n`);
    const out = join(dir, 'w49');
    const r = await week('2026-11-30', out, ['--suppress', suppress], next);
    expect(r.code, r.stderr).toBe(0);
    const listed = ['visit', 'phone', 'letter', 'email'].flatMap((c) => readCsv(join(out, `campaign-${c}.csv`)).map((x) => x.customer_id as string));
    expect(listed).toEqual([]);
    const excluded = Object.fromEntries(readCsv(join(out, 'excluded.csv')).map((e) => [e.customer_id, e.reason]));
    expect(excluded).toMatchObject({ 'kd-100': 'too_soon', 'KD\u2010200': 'too_soon', 'kd-300': 'too_soon', 'KD-500': 'suppressed' });
    expect(Object.values(excluded).filter((v) => v === 'never')).toHaveLength(1);
  });
});
