import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLostCustomers } from '../../src/dev/generate-fixtures.js';
import { readCsv, ROOT, runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const AS_OF = ['--as-of', '2026-11-23'];
const CHANNELS = ['visit', 'phone', 'letter', 'email'];

async function campaign(file: string, out: string, extra: string[] = []) {
  return runCli(['campaign', file, '--out', out, ...AS_OF, ...extra]);
}

function lists(out: string, delimiter = ','): Record<string, Record<string, string>[]> {
  return Object.fromEntries(CHANNELS.map((c) => [c, readCsv(join(out, `campaign-${c}.csv`), delimiter)]));
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
    expect(excluded).toMatchObject({ P1: 'no_permission', P2: 'no_permission', P3: 'no_permission' });
    expect(Object.values(lists(out)).flat().map((r) => r.customer_id)).toEqual(['P4']);
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
    const dir = tempDir();
    const file = join(dir, 'big.csv');
    writeFileSync(file, generateLostCustomers({ rows: 2000, seed: 7, style: 'en' }));
    const out = join(dir, 'out');
    const ledger = join(dir, 'ledger.csv');
    const run = () => runCli(['campaign', file, '--out', out, ...AS_OF, '--ledger', ledger]);
    expect((await run()).code).toBe(0);
    let good = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f))]));
    let ledgerGood = readFileSync(ledger);
    // The moments that matter, whatever the speed of the machine: while the lists are written
    // into their temporary files, while they are renamed into place, while summary.json is written.
    const moments: [string, (kind: string, name: string) => boolean][] = [
      ['writing the lists', (kind, name) => kind === 'change' && /^\.campaign-.*\.tmp$/.test(name)],
      ['renaming the lists', (_kind, name) => /^campaign-\w+\.csv$/.test(name)],
      ['writing summary.json', (_kind, name) => name.startsWith('.summary.json.')],
    ];
    for (const [moment, when] of moments) {
      // The lock of the previous killed run is stale; lock recovery has its own test (test/io/lock.test.ts).
      rmSync(`${ledger}.lock`, { recursive: true, force: true });
      // 0: the run ended before the kill reached it; null: killed.
      if ((await campaignProcess(file, out, ledger, when)) === 0) {
        // What it left is a whole run's outputs (and ledger), the state to keep now.
        expect(readdirSync(out).sort()).toEqual(Object.keys(good).sort());
        good = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f))]));
        ledgerGood = readFileSync(ledger);
        continue;
      }
      // Same input and as-of: whatever survived must equal the complete earlier outputs.
      for (const [f, bytes] of Object.entries(good)) expect(readFileSync(join(out, f)), `${f} after a kill while ${moment}`).toEqual(bytes);
      expect(readFileSync(ledger)).toEqual(ledgerGood);
    }
    rmSync(`${ledger}.lock`, { recursive: true, force: true });
    // The next complete run is whole again and leaves no temporary files behind.
    expect((await run()).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(Object.keys(good).sort());
    // Five runs, three of them processes: seconds alone, minutes on a busy machine.
  }, 300_000);
});

/**
 * Runs `winback campaign` as a process and kills it (SIGKILL) at the first file-system event
 * in its output folder that `when` picks; gives its exit code (null when killed).
 */
async function campaignProcess(file: string, outDir: string, ledgerFile: string, when: (kind: string, name: string) => boolean): Promise<number | null> {
  let child: ChildProcess | undefined;
  const watcher = watch(outDir, (kind, name) => {
    if (name !== null && when(kind, name)) child?.kill('SIGKILL');
  });
  try {
    child = spawn(process.execPath, ['bin/winback.js', 'campaign', file, '--out', outDir, ...AS_OF, '--ledger', ledgerFile], { cwd: ROOT, stdio: 'ignore' });
    return await new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
  } finally {
    watcher.close();
  }
}
