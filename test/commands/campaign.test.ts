import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withLock } from '../../src/io/lock.js';
import { readCsv, ROOT, runCli, tempDir } from '../support/cli.js';
import { propertyRuns } from '../support/property.js';

const AS_OF = ['--as-of', '2026-11-23'];
const CHANNELS = ['visit', 'phone', 'letter', 'email'] as const;

async function campaign(file: string, out: string, extra: string[] = []) {
  return runCli(['campaign', file, '--out', out, ...AS_OF, ...extra]);
}

function lists(out: string, delimiter = ','): Record<(typeof CHANNELS)[number], Record<string, string>[]> {
  return Object.fromEntries(CHANNELS.map((c) => [c, readCsv(join(out, `campaign-${c}.csv`), delimiter)])) as Record<(typeof CHANNELS)[number], Record<string, string>[]>;
}

const HEADER = 'Customer ID,Name,Email,Phone,Street,Zip,City,Segment,Key Account,Account Manager,Customer Since,Churn Date,Orders,Revenue,Margin %,Reason,Email Opt-In,Phone Opt-In,Do Not Contact';
function exportOf(rows: string[]): string {
  const dir = tempDir();
  const path = join(dir, 'export.csv');
  writeFileSync(path, `${HEADER}\n${rows.join('\n')}\n`);
  return path;
}
// A valuable price quitter who churned five weeks ago: due this week.
const due = (id: string, name: string, rest: string) => `${id},${name},${rest}`;
const BASE = 'a@example.com,+49 30 1234567,Main St 1,10115,Berlin,B2C,no,,2019-01-01,2026-10-15,40,20000,30,too expensive';

describe('winback campaign', () => {
  it('puts every accepted customer in exactly one list or in excluded.csv', async () => {
    const out = tempDir();
    const r = await campaign('fixtures/lost-customers-en.csv', out, ['--capacity', 'letter=5', '--holdout', '10%']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const ids = [...Object.values(lists(out)).flat(), ...readCsv(join(out, 'excluded.csv'))].map((x) => x.customer_id);
    expect(ids.length).toBe(summary.accepted);
    expect(new Set(ids).size).toBe(ids.length);
    expect(summary.counts.listed + summary.counts.excluded_total).toBe(summary.accepted);
    expect(summary.counts.excluded.over_capacity).toBeGreaterThan(0);
    expect(lists(out).letter).toHaveLength(5);
  });

  it('is idempotent: a rerun gives identical lists and appends nothing to the ledger', async () => {
    const out = tempDir();
    const ledger = join(tempDir(), 'ledger.csv');
    expect((await campaign('fixtures/lost-customers-de.csv', out, ['--ledger', ledger])).code).toBe(0);
    const first = Object.fromEntries(CHANNELS.map((c) => [c, readFileSync(join(out, `campaign-${c}.csv`))]));
    const ledgerBytes = readFileSync(ledger);
    const listed = Object.values(lists(out)).flat().length;
    expect(ledgerBytes.toString().trim().split('\n')).toHaveLength(listed + 1);
    const again = await campaign('fixtures/lost-customers-de.csv', out, ['--ledger', ledger]);
    expect(again.code).toBe(0);
    for (const c of CHANNELS) expect(readFileSync(join(out, `campaign-${c}.csv`))).toEqual(first[c]);
    expect(readFileSync(ledger)).toEqual(ledgerBytes);
    expect(again.stdout).toMatch(/ledger \+0/);
  });

  it('paces contacts: a week later the same customers are too_soon; --dry-run leaves the ledger alone', async () => {
    const ledger = join(tempDir(), 'ledger.csv');
    await campaign('fixtures/lost-customers-en.csv', tempDir(), ['--ledger', ledger]);
    const bytes = readFileSync(ledger);
    const out = tempDir();
    const r = await runCli(['campaign', 'fixtures/lost-customers-en.csv', '--out', out, '--as-of', '2026-11-30', '--ledger', ledger, '--dry-run']);
    expect(r.code).toBe(0);
    expect(readFileSync(ledger)).toEqual(bytes);
    const excluded = readCsv(join(out, 'excluded.csv'));
    expect(excluded.filter((e) => e.reason === 'too_soon').length).toBeGreaterThan(0);
  });

  it('a corrupt ledger is a data error that changes nothing', async () => {
    const ledger = join(tempDir(), 'ledger.csv');
    writeFileSync(ledger, 'customer_id,channel,campaign_date,campaign_id,measure,outcome\nC-1,pigeon,2026-01-01,x,y,contacted\n');
    const before = readFileSync(ledger);
    const out = tempDir();
    const r = await campaign('fixtures/lost-customers-en.csv', out, ['--ledger', ledger]);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/line 2/);
    expect(readFileSync(ledger)).toEqual(before);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a second run while the first holds the lock exits 75 and changes nothing', async () => {
    const ledger = join(tempDir(), 'ledger.csv');
    const [a, b] = await Promise.all([
      campaign('fixtures/lost-customers-en.csv', tempDir(), ['--ledger', ledger]),
      campaign('fixtures/lost-customers-en.csv', tempDir(), ['--ledger', ledger]),
    ]);
    expect([a.code, b.code].sort()).toEqual([0, 75]);
    expect((a.code === 75 ? a : b).stderr).toMatch(/another winback run/i);
  });

  it('a run with --budget whose ledger is locked exits 75 before the budget reads the export', async () => {
    const ledger = join(tempDir(), 'ledger.csv');
    writeFileSync(ledger, '');
    const out = join(tempDir(), 'out');
    const r = await withLock(ledger, () => campaign('fixtures/lost-customers-en.csv', out, ['--ledger', ledger, '--budget', '500']));
    expect(r.code).toBe(75);
    expect(r.stderr).toMatch(/another winback run/i);
    // The budget's line comes after its first pass over the export: there was none.
    expect(r.stderr).not.toMatch(/budget/i);
    expect(readdirSync(join(out, '..'))).toEqual([]);
  });

  it('two runs sharing --out but not --ledger: the second exits 75', async () => {
    const out = tempDir();
    const [a, b] = await Promise.all([
      campaign('fixtures/lost-customers-en.csv', out, ['--ledger', join(tempDir(), 'a.csv')]),
      campaign('fixtures/lost-customers-en.csv', out),
    ]);
    expect([a.code, b.code].sort()).toEqual([0, 75]);
    expect((a.code === 75 ? a : b).stderr).toMatch(new RegExp(`${out} is locked: another winback run`));
  });

  it.each<[string, string[], number]>([
    ['a missing input', ['does-not-exist.csv'], 66],
    ['a corrupt ledger', ['fixtures/lost-customers-en.csv', '--ledger', 'fixtures/lost-customers-en.csv'], 65],
    ['a ledger that is a directory', ['fixtures/lost-customers-en.csv', '--ledger', 'fixtures'], 66],
  ])('a fatal error (%s) leaves no empty --out folder behind', async (_name, args, code) => {
    const parent = tempDir();
    const out = join(parent, 'week', '48');
    const r = await runCli(['campaign', ...args, '--out', out, ...AS_OF]);
    expect(r.code).toBe(code);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('warns that pacing is off without --ledger', async () => {
    const out = tempDir();
    const r = await campaign('fixtures/lost-customers-en.csv', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: no --ledger: pacing is off/m);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).warnings.join('\n')).toMatch(/pacing is off/);
    expect((await campaign('fixtures/lost-customers-en.csv', out, ['--ledger', join(tempDir(), 'l.csv')])).stderr).not.toMatch(/pacing is off/);
  });

  it('neutralises formulas in every list and keeps contact data per channel only', async () => {
    const file = exportOf([due('X1', '"=HYPERLINK(""http://evil"",""click"")"', BASE) + ',yes,yes,no', due('X2', '"@SUM(1+1)"', BASE.replace('a@example', 'b@example')) + ',yes,no,no']);
    const out = tempDir();
    expect((await campaign(file, out)).code).toBe(0);
    const all = Object.values(lists(out)).flat();
    expect(all.map((r) => r.name).sort()).toEqual([`'=HYPERLINK("http://evil","click")`, `'@SUM(1+1)`]);
    for (const r of lists(out).email) expect(Object.keys(r)).not.toContain('phone');
    for (const r of lists(out).phone) expect(Object.keys(r)).not.toContain('email');
  });

  it('respects permission: do-not-contact, objections in free text and missing consent exclude', async () => {
    const file = exportOf([
      due('P1', 'Dnc', BASE) + ',yes,yes,yes',
      due('P2', 'Objects', BASE.replace('too expensive', 'too expensive - do not contact me again')) + ',yes,yes,no',
      due('P3', 'NoConsent', BASE.replace('Main St 1,10115,Berlin', ',,')) + ',no,no,no',
      due('P4', 'Fine', BASE) + ',yes,no,no',
    ]);
    const out = tempDir();
    await campaign(file, out);
    const excluded = Object.fromEntries(readCsv(join(out, 'excluded.csv')).map((e) => [e.customer_id, e.reason]));
    // Objectors are `never` in the plan (unvalued); a customer with no permitted channel is `no_channel`.
    expect(excluded).toMatchObject({ P1: 'never', P2: 'never', P3: 'no_channel' });
    expect(Object.values(lists(out)).flat().map((r) => r.customer_id)).toEqual(['P4']);
  });

  it('never lists, nor plans to win back, a customer whose reason or notes carry an objection (labelled phrasings)', async () => {
    const heldout = join(ROOT, 'test/domain/heldout');
    const objections = readdirSync(heldout)
      .filter((name) => name.startsWith('objections-'))
      .flatMap((name) => parse(readFileSync(join(heldout, name)), { columns: true }) as { text: string; objection: string }[])
      .filter((r) => r.objection === 'yes')
      .map((r) => r.text);
    const cell = (text: string) => `"${text.replace(/"/g, '""')}"`;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ text: fc.constantFrom(...objections), where: fc.constantFrom('reason', 'notes', 'both') }), { minLength: 1, maxLength: 4 }),
        async (objecting) => {
          // Each customer a number of its own: nobody is listed at an objector's number (objector_contact).
          const row = (id: string, reason: string, notes: string) =>
            `${id},${id},${id.toLowerCase()}@example.com,+49 30 123${id.length}${id.charCodeAt(id.length - 1)},Main St 1,10115,Berlin,B2C,no,,2019-01-01,2026-10-15,40,20000,30,${reason},yes,yes,no,${notes}`;
          const rows = [
            ...objecting.map((o, i) => row(`OBJ${i}`, o.where === 'notes' ? 'too expensive' : cell(`too expensive. ${o.text}`), o.where === 'reason' ? '' : cell(o.text))),
            row('FINE', 'too expensive', 'called twice about the price'),
          ];
          const dir = tempDir();
          const file = join(dir, 'export.csv');
          writeFileSync(file, `${HEADER},Notes\n${rows.join('\n')}\n`);
          const out = tempDir();
          expect((await campaign(file, out)).code).toBe(0);
          const listed = Object.values(lists(out)).flat().map((r) => r.customer_id);
          expect(listed).toEqual(['FINE']);
          const excluded = Object.fromEntries(readCsv(join(out, 'excluded.csv')).map((e) => [e.customer_id, e.reason]));
          for (let i = 0; i < objecting.length; i++) expect(excluded[`OBJ${i}`]).toBe('never');
          const planned = tempDir();
          expect((await runCli(['plan', file, '--out', planned, ...AS_OF])).code).toBe(0);
          for (const r of readCsv(join(planned, 'plan.csv'))) expect(r.decision === 'never').toBe(r.customer_id !== 'FINE');
        },
      ),
      propertyRuns(4),
    );
  });

  it('approaches one number or address once: the higher-priority customer keeps it, the others are shared_contact', async () => {
    // No postal address and no account manager: phone or e-mail is the only channel each may get.
    const row = (id: string, email: string, phone: string, revenue: number, consents: string) =>
      `${id},${id},${email},${phone},,,,B2C,no,,2019-01-01,2026-10-15,40,${revenue},30,too expensive,${consents}`;
    const file = exportOf([
      row('T1', '', '030 1234567', 20000, 'no,yes,no'),
      row('T2', '', '+49 (0)30 123 45 67', 90000, 'no,yes,no'),
      row('T3', '', '0049 30 7654321', 10000, 'no,yes,no'),
      row('M1', 'Max <Max@Firma.DE>', '', 30000, 'yes,no,no'),
      row('M2', 'mailto:max@firma.de', '', 15000, 'yes,no,no'),
    ]);
    const out = tempDir();
    const r = await campaign(file, out);
    expect(r.code).toBe(0);
    expect(lists(out).phone.map((x) => [x.customer_id, x.phone])).toEqual([['T2', '+49301234567'], ['T3', '+49307654321']]);
    expect(lists(out).email.map((x) => [x.customer_id, x.email])).toEqual([['M1', 'Max@firma.de']]);
    const excluded = readCsv(join(out, 'excluded.csv'));
    const priorityOf = (id: string) => Number([...Object.values(lists(out)).flat(), ...excluded].find((x) => x.customer_id === id)?.priority);
    expect(excluded.map((e) => [e.customer_id, e.reason, e.detail])).toEqual([
      ['M2', 'shared_contact', `same e-mail address as the customer at priority ${priorityOf('M1')}`],
      ['T1', 'shared_contact', `same phone number as the customer at priority ${priorityOf('T2')}`],
    ].sort((a, b) => priorityOf(a[0] as string) - priorityOf(b[0] as string)));
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).counts.excluded.shared_contact).toBe(2);
  });

  it('lists no unusable address or number, and no number on a visit row without phone permission', async () => {
    const row = (id: string, email: string, phone: string, consents: string) =>
      `${id},${id},${email},${phone},Main St 1,10115,Berlin,B2B,yes,M. Maier,2019-01-01,2026-10-15,40,90000,30,too expensive,${consents}`;
    const file = exportOf([
      row('V1', 'a@b', '030 1234567', 'yes,no,no'),
      row('V2', 'x@firma.de', '1234', 'yes,yes,no'),
      row('V3', 'y@firma.de', '"4,93023E+11"', 'yes,yes,no'),
      row('V4', 'z@firma.de', '030 7654321', 'yes,yes,no'),
    ]);
    const out = tempDir();
    expect((await campaign(file, out)).code).toBe(0);
    const visit = Object.fromEntries(lists(out).visit.map((x) => [x.customer_id, x.phone]));
    expect(visit).toEqual({ V1: '', V2: '', V3: '', V4: '+49307654321' });
  });

  it('a later row that withdraws consent or objects is used, not rejected as a duplicate, from a file and from stdin', async () => {
    const row = (id: string, emailOptIn: string, dnc = 'no', reason = 'too expensive') => `${id},${id},${id.toLowerCase()}@firma.de,,,,,B2C,no,,2019-01-01,2026-10-15,40,30000,30,${reason},${emailOptIn},no,${dnc}`;
    // W1 withdraws e-mail consent later; W3 objects later (do-not-contact), W4 in the reason text; W2 is a plain customer.
    const rows = [row('W1', 'yes'), row('W2', 'yes'), row('W3', 'yes'), row('W4', 'yes'), row('W1', 'no'), row('W3', 'yes', 'yes'), row('W4', 'yes', 'no', 'too expensive. DNC')];
    const text = `${HEADER}\n${rows.join('\n')}\n`;
    for (const [source, stdin] of [[exportOf(rows), undefined], ['-', text]] as const) {
      const out = tempDir();
      const r = await runCli(['campaign', source, '--out', out, ...AS_OF, '--max-reject-rate', '50%'], stdin === undefined ? {} : { stdin });
      expect(r.code).toBe(0);
      const listed = Object.values(lists(out)).flat();
      expect(listed.map((x) => x.customer_id)).toEqual(['W2']);
      // No list carries the contact of a customer whose later row objected or withdrew consent.
      for (const id of ['w1', 'w3', 'w4']) expect(listed.map((x) => x.email ?? '')).not.toContain(`${id}@firma.de`);
      const excluded = readCsv(join(out, 'excluded.csv')).map((e) => [e.customer_id, e.reason]);
      expect(excluded).toEqual(expect.arrayContaining([['W1', 'no_channel'], ['W3', 'never'], ['W4', 'never']]));
      const rejects = readCsv(join(out, 'rejects.csv'));
      expect(rejects.map((x) => [x.line, x.error])).toEqual([
        ['2', 'duplicate customer_id: line 6 is used, with the most restrictive consent and objection of lines 2, 6'],
        ['4', 'duplicate customer_id: line 7 is used, with the most restrictive consent and objection of lines 4, 7'],
        ['5', 'duplicate customer_id: line 8 is used, with the most restrictive consent and objection of lines 5, 8'],
      ]);
      // Every input row ends in exactly one output: a list, excluded.csv or rejects.csv.
      expect(listed.length + excluded.length + rejects.length).toBe(rows.length);
    }
  });

  it('with a modification date the newest row of an id decides, and the reject names both lines', async () => {
    const header = `${HEADER},Geändert am`;
    const row = (emailOptIn: string, changed: string) => `N1,N1,n1@firma.de,,,,,B2C,no,,2019-01-01,2026-10-15,40,30000,30,too expensive,${emailOptIn},no,no,${changed}`;
    const file = join(tempDir(), 'export.csv');
    // N3's newer row grants the e-mail consent its older row refused: newest wins, not the merge.
    const n3 = (emailOptIn: string, changed: string) => row(emailOptIn, changed).replace(/^N1,N1,n1@/, 'N3,N3,n3@');
    writeFileSync(file, `${header}\n${row('yes', '2026-01-05')}\n${row('no', '2026-06-30')}\n${row('yes', '2025-12-01')}\n${row('yes', '2026-02-01').replace(/^N1,N1,n1@/, 'N2,N2,n2@')}\n${n3('no', '2026-01-05')}\n${n3('yes', '2026-06-30')}\n`);
    const out = tempDir();
    expect((await campaign(file, out, ['--max-reject-rate', '60%'])).code).toBe(0);
    expect(Object.values(lists(out)).flat().map((x) => x.customer_id).sort()).toEqual(['N2', 'N3']);
    expect(readCsv(join(out, 'rejects.csv')).map((x) => [x.line, x.error])).toEqual([
      ['2', 'duplicate customer_id: line 3 is used, its Geändert am is newer (2026-06-30, this row 2026-01-05)'],
      ['4', 'duplicate customer_id: line 3 is used, its Geändert am is newer (2026-06-30, this row 2025-12-01)'],
      ['6', 'duplicate customer_id: line 7 is used, its Geändert am is newer (2026-06-30, this row 2026-01-05)'],
    ]);
  });

  it('--suppress excludes by id, email or phone', async () => {
    const file = exportOf([due('S1', 'A', BASE) + ',yes,yes,no', due('S2', 'B', BASE.replace('a@example', 'other@example').replace('1234567', '7654321')) + ',yes,yes,no']);
    const dir = tempDir();
    writeFileSync(join(dir, 'suppress.csv'), 'email\nA@Example.com\n');
    const out = tempDir();
    await campaign(file, out, ['--suppress', join(dir, 'suppress.csv')]);
    expect(readCsv(join(out, 'excluded.csv')).map((e) => [e.customer_id, e.reason])).toEqual([['S1', 'suppressed']]);
  });

  it('--excel lists read back in German Excel conventions', async () => {
    const out = tempDir();
    await campaign('fixtures/lost-customers-de.csv', out, ['--excel']);
    const raw = readFileSync(join(out, 'campaign-letter.csv'));
    expect(raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(raw.toString('utf8')).toContain('\r\n');
    const rows = lists(out, ';').letter;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]?.expected_value).toMatch(/^\d+,\d{2}$/);
    expect(rows.some((r) => /[äöüß]/.test(`${r.name}${r.city}${r.street}`))).toBe(true);
  });

  it('--previous writes changes.csv with who entered or left and why', async () => {
    const ledger = join(tempDir(), 'ledger.csv');
    const week1 = tempDir();
    await campaign('fixtures/lost-customers-en.csv', week1, ['--ledger', ledger]);
    const week2 = tempDir();
    const r = await runCli(['campaign', 'fixtures/lost-customers-en.csv', '--out', week2, '--as-of', '2026-11-30', '--ledger', ledger, '--previous', week1]);
    expect(r.code).toBe(0);
    const changes = readCsv(join(week2, 'changes.csv'));
    expect(changes.some((c) => c.change === 'left' && c.why === 'contacted recently')).toBe(true);
  });

  it('--previous: a customer whose id the export now spells another way is the same customer, not "no longer in the export"', async () => {
    const ledger = join(tempDir(), 'ledger.csv');
    const week1 = tempDir();
    await campaign('fixtures/lost-customers-en.csv', week1, ['--ledger', ledger]);
    // The CRM writes its ids in lower case since.
    const lower = join(tempDir(), 'lower.csv');
    writeFileSync(lower, readFileSync('fixtures/lost-customers-en.csv', 'utf8').replace(/^C-(\d+),/gm, 'c-$1,'));
    const week2 = tempDir();
    const r = await runCli(['campaign', lower, '--out', week2, '--as-of', '2026-11-30', '--ledger', ledger, '--previous', week1]);
    expect(r.code, r.stderr).toBe(0);
    const changes = readCsv(join(week2, 'changes.csv'));
    expect(changes.filter((c) => c.why === 'no longer in the export')).toEqual([]);
    const left = changes.filter((c) => c.change === 'left');
    expect(left.length).toBeGreaterThan(10);
    // Shown under this run's spelling, with this run's reason.
    expect(left.every((c) => /^c-\d+$/.test(c.customer_id as string) && c.after !== '')).toBe(true);
    expect(left.some((c) => c.why === 'contacted recently')).toBe(true);
  });

  it('--previous names an export with far fewer rows than last week\'s (cut short at a line break); one as long says nothing', async () => {
    const ledger = join(tempDir(), 'ledger.csv');
    const week1 = tempDir();
    await campaign('fixtures/lost-customers-en.csv', week1, ['--ledger', ledger]);
    const cut = join(tempDir(), 'cut.csv');
    writeFileSync(cut, readFileSync('fixtures/lost-customers-en.csv', 'utf8').split('\n').slice(0, 81).join('\n') + '\n');
    const short = await runCli(['campaign', cut, '--out', tempDir(), '--as-of', '2026-11-30', '--ledger', ledger, '--previous', week1]);
    expect(short.code, short.stderr).toBe(0);
    expect(short.stderr).toMatch(/warning: this export has \d+ rows, the previous run's \(--previous .+\) had 200: an export cut short\?/);
    const whole = await runCli(['campaign', 'fixtures/lost-customers-en.csv', '--out', tempDir(), '--as-of', '2026-11-30', '--ledger', ledger, '--previous', week1, '--dry-run']);
    expect(whole.stderr).not.toContain('cut short');
  });

  it('--previous with a broken excluded.csv and no summary.json stops before planning: nothing written, the ledger as it was', async () => {
    const ledger = join(tempDir(), 'ledger.csv');
    const week1 = tempDir();
    await campaign('fixtures/lost-customers-en.csv', week1, ['--ledger', ledger]);
    // Nothing vouches for the previous run's files without its summary; its excluded.csv ends in an open quote.
    rmSync(join(week1, 'summary.json'));
    writeFileSync(join(week1, 'excluded.csv'), `${readFileSync(join(week1, 'excluded.csv'), 'utf8')}"C-9,broken\n`);
    const before = readFileSync(ledger);
    const week2 = join(tempDir(), 'week2');
    // This week's export lacks its id column: planning would stop on it, so naming excluded.csv shows the check came first.
    const lacking = join(tempDir(), 'lacking-id.csv');
    writeFileSync(lacking, 'name,email\nAnna,anna@example.com\n');
    const r = await runCli(['campaign', lacking, '--out', week2, '--as-of', '2026-11-30', '--ledger', ledger, '--previous', week1]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('excluded.csv');
    expect(r.stderr).not.toContain('customer_id');
    expect(existsSync(week2) ? readdirSync(week2) : []).toEqual([]);
    expect(readFileSync(ledger)).toEqual(before);
  });

  it('records a control customer in the ledger once, not again every week', async () => {
    const ledger = join(tempDir(), 'ledger.csv');
    await campaign('fixtures/lost-customers-en.csv', tempDir(), ['--ledger', ledger, '--holdout', '20%']);
    const controls = () => readCsv(ledger).filter((e) => e.outcome === 'control').map((e) => e.customer_id);
    const first = controls();
    expect(first.length).toBeGreaterThan(0);
    await runCli(['campaign', 'fixtures/lost-customers-en.csv', '--out', tempDir(), '--as-of', '2026-11-30', '--ledger', ledger, '--holdout', '20%']);
    const second = controls();
    expect(new Set(second).size).toBe(second.length);
    expect(second.slice(0, first.length)).toEqual(first);
  });

  it('warns when a run leaves out --holdout while the ledger holds earlier controls, in English and German', async () => {
    const ledger = join(tempDir(), 'ledger.csv');
    await campaign('fixtures/lost-customers-en.csv', tempDir(), ['--ledger', ledger, '--holdout', '20%']);
    const n = new Set(readCsv(ledger).filter((e) => e.outcome === 'control').map((e) => e.customer_id)).size;
    expect(n).toBeGreaterThan(0);
    const kept = await runCli(['campaign', 'fixtures/lost-customers-en.csv', '--out', tempDir(), '--as-of', '2026-11-30', '--ledger', ledger, '--holdout', '20%', '--dry-run']);
    expect(kept.stderr).not.toContain('held out as controls');
    const dropped = await runCli(['campaign', 'fixtures/lost-customers-en.csv', '--out', tempDir(), '--as-of', '2026-11-30', '--ledger', ledger, '--dry-run']);
    expect(dropped.code, dropped.stderr).toBe(0);
    expect(dropped.stderr).toContain(`warning: the ledger holds ${n} customers held out as controls by earlier runs; without --holdout they may be listed now`);
    const de = await runCli(['campaign', 'fixtures/lost-customers-en.csv', '--out', tempDir(), '--as-of', '2026-11-30', '--ledger', ledger, '--dry-run', '--lang', 'de']);
    expect(de.stderr).toContain(`Warnung: das Kontaktbuch enthält ${n} Kunden, die frühere Läufe als Kontrollgruppe zurückgehalten haben`);
  });

  it('the control group is stable across runs and close to the requested share', async () => {
    const a = tempDir();
    const b = tempDir();
    await campaign('fixtures/lost-customers-en.csv', a, ['--holdout', '30%']);
    await campaign('fixtures/lost-customers-en.csv', b, ['--holdout', '30%']);
    const control = (d: string) => readCsv(join(d, 'excluded.csv')).filter((e) => e.reason === 'control').map((e) => e.customer_id);
    expect(control(a)).toEqual(control(b));
    const eligible = control(a).length + Object.values(lists(a)).flat().length;
    expect(control(a).length / eligible).toBeGreaterThan(0.1);
    expect(control(a).length / eligible).toBeLessThan(0.5);
  });

  it('a run killed at any moment leaves the previous outputs or the new ones, never a half-written file', async () => {
    // The process kills itself (SIGKILL) at a named point of its commit (test/support/kill-at.mjs):
    // before the ledger append, halfway through it, after it, and between two renames of the
    // lists, on any machine at any load. Planning and writing the lists come before all of
    // these and leave only temporary files (test/io/atomic-write.test.ts kills a writer at
    // every file-system event).
    const dir = tempDir();
    const out = join(dir, 'out');
    const ledger = join(dir, 'ledger.csv');
    const state = `${ledger}.state.json`;
    const FIXTURE = 'fixtures/lost-customers-en.csv';
    // Four weeks on, customers the first run did not list are due: the run appends to the ledger.
    const args = (asOf: string) => ['campaign', FIXTURE, '--out', out, '--as-of', asOf, '--ledger', ledger, '--quiet'];
    const snapshot = () => ({
      files: Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f))])),
      ledger: readFileSync(ledger),
      state: readFileSync(state),
    });
    expect((await runCli(args('2026-11-23'))).code).toBe(0);
    const before = snapshot();
    const next = await runCli([...args('2026-12-21'), '--json']);
    expect(next.code).toBe(0);
    expect(JSON.parse(next.stdout).ledger.appended).toBeGreaterThan(0);
    const after = snapshot();
    expect(Object.keys(after.files).sort()).toEqual(Object.keys(before.files).sort());
    // A run that completes an interrupted commit then runs itself, appending nothing: its summary says so.
    expect((await runCli(args('2026-12-21'))).code).toBe(0);
    const rerun = snapshot();
    expect(rerun.ledger.equals(after.ledger)).toBe(true);
    const restore = (s: typeof before) => {
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out);
      for (const [f, bytes] of Object.entries(s.files)) writeFileSync(join(out, f), bytes);
      writeFileSync(ledger, s.ledger);
      writeFileSync(state, s.state);
    };
    const killedAt = async (point: string) => {
      const child = spawn(process.execPath, ['--import', pathToFileURL(join(ROOT, 'test/support/kill-at.mjs')).href, 'bin/winback.js', ...args('2026-12-21')], {
        cwd: ROOT, stdio: 'ignore', env: { ...process.env, WINBACK_KILL_AT: point, WINBACK_KILL_LEDGER: ledger, WINBACK_KILL_OUT: out },
      });
      return new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_code, signal) => r(signal)));
    };
    const outputs = () => readdirSync(out).filter((f) => !f.endsWith('.tmp') && !f.startsWith('.winback'));
    for (const [point, inPlace, ledgerAfterKill, settled] of [
      ['before-append', 0, 'old', 'rolled it back'],
      ['mid-append', 0, 'part', 'rolled it back'],
      ['publish:1', 0, 'new', 'completed it'],
      ['publish:3', 2, 'new', 'completed it'],
    ] as const) {
      restore(before);
      expect(await killedAt(point), `killed at ${point}`).toBe('SIGKILL');
      // Every output is whole: the new version for those renamed into place (in the order the
      // pending commit lists them), the previous one for the rest.
      const pending = JSON.parse(readFileSync(join(out, '.winback-pending.json'), 'utf8')) as { files: { name: string }[] };
      expect(pending.files.map((f) => f.name).sort(), point).toEqual(Object.keys(before.files).sort());
      expect(outputs().sort(), point).toEqual(Object.keys(before.files).sort());
      pending.files.forEach(({ name }, i) => {
        const expected = (i < inPlace ? after : before).files[name] as Buffer;
        expect(readFileSync(join(out, name)).equals(expected), `${name} after a kill at ${point}`).toBe(true);
      });
      const bytes = readFileSync(ledger);
      if (ledgerAfterKill === 'old') expect(bytes.equals(before.ledger), point).toBe(true);
      if (ledgerAfterKill === 'new') expect(bytes.equals(after.ledger), point).toBe(true);
      if (ledgerAfterKill === 'part') {
        expect(bytes.length, point).toBeGreaterThan(before.ledger.length);
        expect(bytes.length, point).toBeLessThan(after.ledger.length);
      }
      // SIGKILL leaves the locks behind; their recovery has its own test (test/io/lock.test.ts).
      for (const l of [ledger, out]) rmSync(`${l}.lock`, { recursive: true, force: true });
      // The next run settles the commit (completes or rolls it back) and ends whole: the new
      // outputs, the ledger with this run's entries once, no temporary file.
      const again = await runCli(args('2026-12-21'));
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr, point).toContain(`interrupted while it committed; ${settled}`);
      const whole = settled === 'completed it' ? rerun : after;
      expect(readdirSync(out).sort(), point).toEqual(Object.keys(whole.files).sort());
      for (const [f, b] of Object.entries(whole.files)) expect(readFileSync(join(out, f)).equals(b), `${f} after settling a kill at ${point}`).toBe(true);
      expect(readFileSync(ledger).equals(after.ledger), point).toBe(true);
    }
    // Four process starts (~3 s of CPU each) and seven runs in this process: ~20 s of CPU, a
    // minute and a half with other work on two cores; the limit it had stays.
  }, 300_000);
});

describe('a control customer whose id the next export spells another way', () => {
  it('stays control while the run holds out: the ledger knows the customer, whatever the draw says of the new spelling', async () => {
    const dir = tempDir('winback-control-spelling-');
    const head = 'Customer ID,Name,Phone,Segment,Customer Since,Churn Date,Revenue,Reason,Phone Opt-In';
    const rows = (spell: (id: string) => string) =>
      Array.from({ length: 40 }, (_v, i) => `${spell(`U-${String(i).padStart(3, '0')}`)},Person ${i},+49 30 12345${String(i).padStart(2, '0')},B2C,2017-03-01,2026-07-15,18000,Price too high,Yes`);
    const week1 = join(dir, 'week1.csv');
    const week2 = join(dir, 'week2.csv');
    writeFileSync(week1, [head, ...rows((id) => id)].join('\n') + '\n');
    writeFileSync(week2, [head, ...rows((id) => id.toLowerCase())].join('\n') + '\n');
    const ledger = join(dir, 'ledger.csv');
    const first = await runCli(['campaign', week1, '--out', join(dir, 'w1'), '--as-of', '2026-11-02', '--ledger', ledger, '--holdout', '30%', '-q']);
    expect(first.code, first.stderr).toBe(0);
    const controls = readCsv(join(dir, 'w1', 'excluded.csv')).filter((x) => x.reason === 'control').map((x) => (x.customer_id as string).toLowerCase());
    expect(controls.length).toBeGreaterThan(5);
    const second = await runCli(['campaign', week2, '--out', join(dir, 'w2'), '--as-of', '2026-11-09', '--ledger', ledger, '--holdout', '30%', '-q']);
    expect(second.code, second.stderr).toBe(0);
    const listed = lists(join(dir, 'w2')).phone.map((x) => x.customer_id as string);
    expect(listed.filter((id) => controls.includes(id))).toEqual([]);
    const excluded = Object.fromEntries(readCsv(join(dir, 'w2', 'excluded.csv')).map((x) => [x.customer_id, x.reason]));
    for (const id of controls) expect(excluded[id], id).toBe('control');
    // The ledger records each control customer once.
    const entries = readCsv(ledger).filter((e) => e.outcome === 'control').map((e) => (e.customer_id as string).toLowerCase());
    expect(entries.sort()).toEqual([...controls].sort());
  });
});

describe('a customer contacted by an earlier run whom the draw would hold out now', () => {
  const head = 'Customer ID,Name,Phone,Segment,Customer Since,Churn Date,Revenue,Reason,Phone Opt-In';
  const rows = (spell: (id: string) => string) =>
    Array.from({ length: 40 }, (_v, i) => `${spell(`U-${String(i).padStart(3, '0')}`)},Person ${i},+49 30 12345${String(i).padStart(2, '0')},B2C,2017-03-01,2026-07-15,18000,Price too high,Yes`);

  it.each([
    ['on this thread', {}, '1'],
    ['on worker threads', { WINBACK_PARALLEL_MIN_BYTES: '0' }, '2'],
  ] as const)('stays contacted, whatever the id\'s spelling: the group is the first entry\'s (%s)', async (_, env, threads) => {
    const dir = tempDir('winback-contacted-spelling-');
    const week1 = join(dir, 'week1.csv');
    const later = join(dir, 'later.csv');
    writeFileSync(week1, [head, ...rows((id) => id)].join('\n') + '\n');
    writeFileSync(later, [head, ...rows((id) => id.toLowerCase().replace('-', ' '))].join('\n') + '\n');
    const ledger = join(dir, 'ledger.csv');
    const first = await runCli(['campaign', week1, '--out', join(dir, 'w1'), '--as-of', '2026-08-03', '--ledger', ledger, '--holdout', '30%', '--threads', threads, '-q'], { env });
    expect(first.code, first.stderr).toBe(0);
    const contacted = lists(join(dir, 'w1')).phone.map((x) => (x.customer_id as string).toLowerCase().replace('-', ' '));
    const controls = readCsv(join(dir, 'w1', 'excluded.csv')).filter((x) => x.reason === 'control').map((x) => (x.customer_id as string).toLowerCase().replace('-', ' '));
    expect(contacted.length).toBeGreaterThan(15);
    expect(controls.length).toBeGreaterThan(5);
    // 91 days on: the contacted may be contacted again.
    const second = await runCli(['campaign', later, '--out', join(dir, 'w2'), '--as-of', '2026-11-02', '--ledger', ledger, '--holdout', '30%', '--threads', threads, '-q'], { env });
    expect(second.code, second.stderr).toBe(0);
    const listed = lists(join(dir, 'w2')).phone.map((x) => x.customer_id as string);
    expect(listed.sort()).toEqual([...contacted].sort());
    const excluded = Object.fromEntries(readCsv(join(dir, 'w2', 'excluded.csv')).map((x) => [x.customer_id, x.reason]));
    for (const id of controls) expect(excluded[id], id).toBe('control');
  });

  it('is listed from a ledger written before the draw matched spellings (contacted then, drawn control now)', async () => {
    const dir = tempDir('winback-contacted-before-');
    const file = join(dir, 'export.csv');
    writeFileSync(file, [head, ...rows((id) => id)].join('\n') + '\n');
    const ledger = join(dir, 'ledger.csv');
    const ids = rows((id) => id).map((r) => r.split(',')[0] as string);
    writeFileSync(ledger, ['customer_id,channel,campaign_date,campaign_id,measure,outcome', ...ids.map((id) => `${id},phone,2026-06-01,2026-W23,price:discount,contacted`)].join('\n') + '\n');
    const r = await runCli(['campaign', file, '--out', join(dir, 'out'), '--as-of', '2026-11-02', '--ledger', ledger, '--holdout', '30%', '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(readCsv(join(dir, 'out', 'excluded.csv')).filter((x) => x.reason === 'control')).toEqual([]);
    expect(lists(join(dir, 'out')).phone).toHaveLength(40);
  });
});
