import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { DECISION_RANK } from '../../src/domain/plan/plan.js';
import { describe, expect, it } from 'vitest';
import { generateLostCustomers } from '../../dev/generate-fixtures.js';
import { readCsv, runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { propertyRuns } from '../support/property.js';

const AS_OF = ['--as-of', '2026-11-23'];

async function plan(file: string, extra: string[] = []) {
  const out = tempDir();
  const r = await runCli(['plan', file, '--out', out, ...AS_OF, ...extra]);
  return { ...r, out };
}

describe('winback plan', () => {
  it.each(['fixtures/lost-customers-en.csv', 'fixtures/lost-customers-de.csv', 'fixtures/lost-customers-de-utf8bom.csv'])('conserves rows on %s: read = plan rows + rejects', async (file) => {
    const { code, out } = await plan(file);
    expect(code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const rows = readCsv(join(out, 'plan.csv'));
    const rejects = readCsv(join(out, 'rejects.csv'));
    expect(rows.length + rejects.length).toBe(summary.input_rows);
    expect(rows.length).toBe(summary.accepted);
    expect(rows.map((r) => Number(r.priority))).toEqual(rows.map((_, i) => i + 1));
  });

  it('conserves rows and keeps every invariant on generated exports with bad rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom('en', 'de') as fc.Arbitrary<'en' | 'de'>, async (seed, style) => {
        const dir = tempDir();
        const file = join(dir, 'export.csv');
        writeFileSync(file, generateLostCustomers({ rows: 60, seed, style, badRows: true }));
        const { code, out } = await plan(file);
        expect(code).toBe(0);
        const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
        const rows = readCsv(join(out, 'plan.csv'));
        expect(rows.length + readCsv(join(out, 'rejects.csv')).length).toBe(summary.input_rows);
        for (const r of rows) {
          if (['deceased', 'business_closed', 'terminated_by_us'].includes(r.reason_code as string)) expect(r.decision).toBe('never');
          if (r.decision === 'win_back') expect(Number(r.expected_value)).toBeGreaterThan(0);
        }
        // win_back first, by expected value, then review, no channel, let go, never.
        const rank = DECISION_RANK as Record<string, number>;
        for (let i = 1; i < rows.length; i++) {
          const a = rows[i - 1] as Record<string, string>;
          const b = rows[i] as Record<string, string>;
          expect(rank[a.decision as string]! <= rank[b.decision as string]!).toBe(true);
        }
      }),
      propertyRuns(8),
    );
  });

  it('never wins back a customer whose first-lifetime margin is not positive', async () => {
    const { out } = await plan('fixtures/lost-customers-en.csv');
    const rows = readCsv(join(out, 'plan.csv'));
    const losers = rows.filter((r) => Number(r['Margin %']?.replace('%', '')) <= 0);
    expect(losers.length).toBeGreaterThan(0);
    for (const r of losers) expect(r.decision).not.toBe('win_back');
  });

  it('is deterministic: same input and as-of give byte-identical outputs', async () => {
    const a = await plan('fixtures/lost-customers-de.csv');
    const b = await plan('fixtures/lost-customers-de.csv');
    for (const f of ['plan.csv', 'rejects.csv', 'summary.json']) {
      expect(readFileSync(join(a.out, f))).toEqual(readFileSync(join(b.out, f)));
    }
  });

  it('reads stdin with -', async () => {
    const out = tempDir();
    const r = await runCli(['plan', '-', '--out', out, ...AS_OF, '--quiet'], { stdin: readFileSync('fixtures/lost-customers-en.csv') });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).input.file).toBe('stdin');
  });

  it('--explain prints the same numbers as plan.csv', async () => {
    const { out } = await plan('fixtures/lost-customers-en.csv');
    const rows = readCsv(join(out, 'plan.csv')).filter((r) => r.decision === 'win_back').slice(0, 3);
    for (const row of rows) {
      const r = await runCli(['plan', 'fixtures/lost-customers-en.csv', ...AS_OF, '--explain', row.customer_id as string]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`p_winback ${row.p_winback}  p_organic ${row.p_organic}  sltv ${row.sltv}  expected_value ${row.expected_value}`));
      expect(r.stdout).toContain(`decision: ${row.decision} (${row.decision_reason})`);
    }
  });

  it('--explain --json gives the same figures as plan.csv, with every step', async () => {
    const { out } = await plan('fixtures/lost-customers-en.csv');
    const row = readCsv(join(out, 'plan.csv')).find((r) => r.decision === 'win_back') as Record<string, string>;
    const r = await runCli(['plan', 'fixtures/lost-customers-en.csv', ...AS_OF, '--explain', row.customer_id as string, '--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.expected_value.toFixed(2)).toBe(row.expected_value);
    expect(doc.p_winback.toFixed(4)).toBe(row.p_winback);
    expect(doc.p_organic.toFixed(4)).toBe(row.p_organic);
    expect(doc.steps.find((s: { label: string }) => s.label.startsWith('expected value')).value).toBeCloseTo(doc.expected_value, 9);
  });

  it('plan.csv ends with p_organic: the organic return in the expected value, below p_winback wherever a contact is valued', async () => {
    const { out } = await plan('fixtures/lost-customers-en.csv');
    const header = readFileSync(join(out, 'plan.csv'), 'utf8').split(/\r?\n/)[0] as string;
    expect(header.endsWith(',warnings,p_organic,track')).toBe(true);
    const rows = readCsv(join(out, 'plan.csv'));
    const valued = rows.filter((r) => r.decision === 'win_back');
    expect(valued.length).toBeGreaterThan(10);
    for (const r of valued) {
      const organic = Number(r.p_organic);
      expect(r.p_organic, r.customer_id as string).toMatch(/^0\.\d{4}$/);
      expect(organic).toBeGreaterThan(0);
      expect(organic).toBeLessThanOrEqual(Number(r.p_winback));
    }
    // final reasons and objectors are not valued: no organic figure is claimed for them
    for (const r of rows.filter((x) => x.decision === 'never')) expect(r.p_organic).toBe('');
  });

  it('--explain of a duplicated id explains the row plan.csv keeps', async () => {
    const lines = readFileSync('fixtures/lost-customers-en.csv', 'utf8').split('\n');
    const header = lines[0] as string;
    const idAt = header.split(',').indexOf('Customer ID');
    const body = lines.slice(1, 40).filter((l) => l !== '' && !l.includes('"'));
    const { out } = await plan('fixtures/lost-customers-en.csv');
    const planned = new Map(readCsv(join(out, 'plan.csv')).map((r) => [r.customer_id as string, r]));
    const ev = (l: string) => planned.get(l.split(',')[idAt] as string)?.expected_value;
    const first = body.find((l) => ev(l) !== undefined) as string;
    const other = body.find((l) => ev(l) !== undefined && ev(l) !== ev(first)) as string;
    const id = first.split(',')[idAt] as string;
    const copy = other.split(',');
    copy[idAt] = id;
    const file = join(tempDir(), 'dup.csv');
    writeFileSync(file, [header, ...body, copy.join(','), ''].join('\n'));
    const r = await runCli(['plan', file, ...AS_OF, '--explain', id, '--json']);
    expect(r.code).toBe(0);
    const explained = JSON.parse(r.stdout).expected_value.toFixed(2);
    const kept = readCsv(join((await plan(file)).out, 'plan.csv')).filter((x) => x.customer_id === id);
    expect(kept).toHaveLength(1);
    expect(explained).toBe(kept[0]?.expected_value);
    expect([ev(first), ev(other)]).toContain(explained);
  });

  describe('duplicate ids', () => {
    const header = 'customer_id,name,email,street,postal_code,city,segment,customer_since,churn_date,orders,revenue,margin_pct,reason,consent_email,consent_phone,consent_letter,do_not_contact,notes';
    const row = (id: string, consent: string, notes = '') => `${id},${id},${id.toLowerCase()}@firma.de,Hauptstr. 1,10115,Berlin,B2C,2019-01-01,2026-10-15,40,30000,30,zu teuer,${consent},${notes}`;
    // K1: a later row withdraws e-mail consent; K2: a later row objects in its notes; K3: a later row adds nothing.
    const rows = [row('K1', 'yes,no,yes,no'), row('K2', 'yes,no,yes,no'), row('K3', 'yes,no,no,no'), row('K1', 'no,no,yes,no'), row('K2', 'yes,no,yes,no', 'DNC'), row('K3', 'yes,no,yes,no'), row('K4', 'yes,no,yes,no')];
    const text = `${header}\n${rows.join('\n')}\n`;

    it.each([
      ['a file', '1'],
      ['a file', '2'],
      ['stdin', '1'],
      ['stdin', '2'],
    ])('are decided by the most restrictive row, never the first, from %s with --threads %s', async (source, threads) => {
      const file = join(tempDir(), 'export.csv');
      writeFileSync(file, text);
      const out = tempDir();
      const args = ['plan', source === 'stdin' ? '-' : file, '--out', out, ...AS_OF, '--threads', threads, '--max-reject-rate', '50%', '--quiet'];
      const r = await runCli(args, source === 'stdin' ? { stdin: text } : {});
      expect(r.code).toBe(0);
      const planned = readCsv(join(out, 'plan.csv'));
      const rejects = readCsv(join(out, 'rejects.csv'));
      // Every input line ends in exactly one output.
      expect(planned.length + rejects.length).toBe(rows.length);
      expect(planned.map((x) => x.customer_id).sort()).toEqual(['K1', 'K2', 'K3', 'K4']);
      expect(rejects.map((x) => [x.line, x.customer_id, x.error])).toEqual([
        ['2', 'K1', 'duplicate customer_id: line 5 is used, with the most restrictive consent and objection of lines 2, 5'],
        ['3', 'K2', 'duplicate customer_id: line 6 is used, with the most restrictive consent and objection of lines 3, 6'],
        ['7', 'K3', 'duplicate customer_id: line 4 is used, with the most restrictive consent and objection of lines 4, 7'],
      ]);
      const byId = Object.fromEntries(planned.map((x) => [x.customer_id, x]));
      expect(byId.K1?.consent_email).toBe('no');
      expect(byId.K1?.channel).not.toBe('email');
      expect(byId.K2?.decision).toBe('never');
      expect(byId.K3?.consent_letter).toBe('no');
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
      expect([summary.input_rows, summary.accepted, summary.rejected]).toEqual([7, 4, 3]);
    });

    it('--explain explains the row used, read twice from stdin as from a file', async () => {
      const r = await runCli(['plan', '-', ...AS_OF, '--explain', 'K2', '--json'], { stdin: text });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).decision).toBe('never');
    });
  });

  it('--explain of an unknown id is a usage error', async () => {
    const r = await runCli(['plan', 'fixtures/lost-customers-en.csv', ...AS_OF, '--explain', 'nobody']);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/nobody/);
  });

  it('--max-reject-rate fails with 65 and leaves earlier outputs in place', async () => {
    const { out } = await plan('fixtures/lost-customers-en.csv');
    const before = readFileSync(join(out, 'plan.csv'));
    const r = await runCli(['plan', 'fixtures/lost-customers-de.csv', '--out', out, ...AS_OF, '--max-reject-rate', '1%']);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/4 of 200 rows rejected.*nothing was written/);
    expect(readFileSync(join(out, 'plan.csv'))).toEqual(before);
  });

  it('an empty or header-only export never replaces earlier outputs', async () => {
    const { out } = await plan('fixtures/lost-customers-en.csv');
    const before = readFileSync(join(out, 'plan.csv'));
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.csv'), '');
    writeFileSync(join(dir, 'header.csv'), 'Customer ID,Churn Date\n');
    for (const f of ['empty.csv', 'header.csv']) {
      const r = await runCli(['plan', join(dir, f), '--out', out, ...AS_OF]);
      expect(r.code).toBe(65);
      expect(readFileSync(join(out, 'plan.csv'))).toEqual(before);
    }
  });

  it('a failed run leaves no empty output folder behind', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'header.csv'), 'Customer ID,Churn Date\n');
    const r = await runCli(['plan', join(dir, 'header.csv'), '--out', join(dir, 'new', 'plan'), ...AS_OF]);
    expect(r.code).toBe(65);
    expect(existsSync(join(dir, 'new'))).toBe(false);
  });

  it('usage errors exit 64 with a hint; a missing input exits 66', async () => {
    expect((await runCli(['plan', 'fixtures/lost-customers-en.csv'])).code).toBe(64);
    expect((await runCli(['plan', 'fixtures/lost-customers-en.csv', '--out', tempDir(), '--as-of', '31.02.2026'])).stderr).toMatch(/--as-of '31.02.2026' is not a valid calendar date.*hint: write it as YYYY-MM-DD/s);
    const missing = await runCli(['plan', 'nope.csv', '--out', tempDir(), ...AS_OF]);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toMatch(/^winback plan: nope.csv: no such file\nhint: /);
  });

  it('an unwritable output directory exits 73', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    const r = await runCli(['plan', 'fixtures/lost-customers-en.csv', '--out', join(dir, 'file', 'sub'), ...AS_OF]);
    expect(r.code).toBe(73);
    expect(existsSync(join(dir, 'file', 'sub'))).toBe(false);
  });

  it('--excel writes a file German Excel reads: BOM, semicolons, decimal commas', async () => {
    const { out } = await plan('fixtures/lost-customers-en.csv', ['--excel']);
    const raw = readFileSync(join(out, 'plan.csv'));
    expect(raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = readCsv(join(out, 'plan.csv'), ';');
    expect(rows[0]?.expected_value).toMatch(/^-?\d+,\d{2}$/);
  });
});

describe('winback plan --excel on a German export', () => {
  it('keeps the leading zeros of postal codes (01101 stays 01101 in Excel)', async () => {
    const out = tempDir();
    expect((await runCli(['plan', 'fixtures/lost-customers-de.csv', '--out', out, '--as-of', '2026-11-23', '--excel', '--quiet'])).code).toBe(0);
    const rows = readCsv(join(out, 'plan.csv'), ';');
    const zeros = rows.filter((r) => (r.PLZ ?? '').startsWith('="0'));
    expect(zeros.length).toBeGreaterThan(0);
    expect(rows.every((r) => !/^0\d+$/.test(r.PLZ ?? ''))).toBe(true);
  });
});

describe('winback plan --explain: the offer × channel comparison', () => {
  it('shows every permitted action that was compared, marks the one plan.csv chose, and says why, to the cent', async () => {
    const { out } = await plan('fixtures/lost-customers-en.csv');
    const rows = readCsv(join(out, 'plan.csv')).filter((r) => r.decision === 'win_back').slice(0, 5) as Record<string, string>[];
    for (const row of rows) {
      const json = JSON.parse((await runCli(['plan', 'fixtures/lost-customers-en.csv', ...AS_OF, '--explain', row.customer_id as string, '--json'])).stdout);
      const chosen = json.actions.filter((a: { chosen: boolean }) => a.chosen);
      expect(chosen).toHaveLength(1);
      expect([chosen[0].offer_type, chosen[0].channel, chosen[0].expected_value.toFixed(2)]).toEqual([row.offer_type, row.channel, row.expected_value]);
      for (const a of json.actions) {
        expect(json.permission[a.channel]).toBe(true);
        expect(a.expected_value).toBeLessThanOrEqual(chosen[0].expected_value);
      }
      expect(json.why).toMatch(new RegExp(`^${row.offer_type} by ${row.channel}: `));
      const text = (await runCli(['plan', 'fixtures/lost-customers-en.csv', ...AS_OF, '--explain', row.customer_id as string])).stdout;
      expect(text).toContain('offer × channel compared');
      expect(text).toContain(`* ${row.expected_value} (p `);
      expect(text).toContain(`why: ${json.why}`);
      expect(text).toMatch(/^permission: visit (yes|no)/m);
    }
  });
});

describe('plan --explain of a customer whose row was rejected', () => {
  it('names the line and the problem (exit 65), and an id in no row stays a usage error (64)', async () => {
    const r = await runCli(['plan', 'fixtures/lost-customers-en.csv', '--explain', 'C-00031', '--as-of', '2026-11-23']);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain("customer 'C-00031' is not planned: fixtures/lost-customers-en.csv line 32 was rejected: Churn Date '2024-02-31' is not a valid calendar date");
    const none = await runCli(['plan', 'fixtures/lost-customers-en.csv', '--explain', 'NOPE-1', '--as-of', '2026-11-23']);
    expect(none.code).toBe(64);
    expect(none.stderr).toContain("customer 'NOPE-1' is not among the accepted rows");
  });
});

// A customer no channel may reach is still valued, to say what the missing permission costs:
// on a channel they could be reached at had they said yes, not on a number they do not have.
describe('a customer without a permitted channel', () => {
  it.each([
    ['a mailbox only', 'max@firma.de', '', '', 'email'],
    ['an address only', '', '', 'Weg 1', 'letter'],
    ['a number only', '', '030 1234567', '', 'phone'],
  ])('is valued on what they have: %s', async (_, email, phone, street, channel) => {
    const dir = tempDir();
    const file = join(dir, 'export.csv');
    writeFileSync(file, [
      'Customer ID,Name,Email,Phone,Street,Zip,City,Country,Segment,Churn Date,Customer Since,Orders,Revenue,Margin %,Reason,Email Opt-In,Phone Opt-In,Mail Opt-In',
      `K-1,Kunde,${email},${phone},${street},10115,Berlin,DE,B2C,2026-06-01,2015-01-01,200,500000,30,price too high,no,no,no`,
    ].join('\n') + '\n');
    const { code, out, stderr } = await plan(file);
    expect(code, stderr).toBe(0);
    const [row] = readCsv(join(out, 'plan.csv'));
    expect(row?.decision).toBe('no_channel');
    expect(row?.decision_reason).toMatch(new RegExp(`^worth an approach \\(€[\\d.]+ by ${channel}\\), but no channel may be used$`));
  });
});
