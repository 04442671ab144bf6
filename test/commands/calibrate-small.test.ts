/**
 * The README's small fixtures support no model: calibrate without --allow-defaults writes none
 * and exits 65 (a second lifetime learned from about twenty returners used to pass its own check
 * and cut every customer's second-lifetime value by two thirds).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';

describe('calibrate on the README fixtures', () => {
  it('writes no model without --allow-defaults, and the defaults with it', async () => {
    const dir = tempDir('winback-calibrate-small-');
    const ledger = join(dir, 'ledger.csv');
    const history = join(dir, 'history.csv');
    const model = join(dir, 'model.json');
    const campaign = await runCli(['campaign', 'fixtures/lost-customers-en.csv', '--out', join(dir, 'week-48'), '--as-of', '2026-11-23', '--ledger', ledger, '--capacity', 'phone=20,visit=5', '--holdout', '10%', '-q']);
    expect(campaign.code, campaign.stderr).toBe(0);
    const results = await runCli(['results', '--ledger', ledger, '--outcomes', 'fixtures/outcomes-en.csv', '--as-of', '2027-03-01', '--history-out', history, '--export', 'fixtures/lost-customers-en.csv']);
    expect(results.code, results.stderr).toBe(0);
    const refused = await runCli(['calibrate', history, '--model-out', model, '--as-of', '2027-03-01']);
    expect(refused.code, refused.stdout + refused.stderr).toBe(65);
    expect(existsSync(model)).toBe(false);
    expect(refused.stdout).toMatch(/margin × [\d.]+ \(refused/);
    const defaults = await runCli(['calibrate', history, '--model-out', model, '--as-of', '2027-03-01', '--allow-defaults']);
    expect(defaults.code, defaults.stderr).toBe(0);
    expect(existsSync(model)).toBe(true);
  });
});

/** A week's campaign with a control group on the README fixture, and the history results writes of it. */
async function weekHistory(prefix: string) {
  const dir = tempDir(prefix);
  const ledger = join(dir, 'ledger.csv');
  const history = join(dir, 'history.csv');
  expect((await runCli(['campaign', 'fixtures/lost-customers-en.csv', '--out', join(dir, 'week'), '--as-of', '2026-11-23', '--ledger', ledger, '--holdout', '10%', '-q'])).code).toBe(0);
  expect((await runCli(['results', '--ledger', ledger, '--outcomes', 'fixtures/outcomes-en.csv', '--as-of', '2027-03-01', '--history-out', history, '--export', 'fixtures/lost-customers-en.csv'])).code).toBe(0);
  return { dir, ledger, history, rows: parse(readFileSync(history, 'utf8'), { columns: true }) as Record<string, string>[] };
}

describe('calibrate on a history that contradicts itself', () => {
  it('rejects each row that cannot be true, naming line, column and value, and fits on the rest', async () => {
    const { dir, history, rows } = await weekHistory('winback-calibrate-bad-');
    const columns = Object.keys(rows[0] as Record<string, string>);
    const edit = (i: number, change: Record<string, string>) => Object.assign(rows[i] as Record<string, string>, change);
    edit(0, { attempt_group: 'kontrol' });
    edit(1, { channel: 'fax' });
    edit(2, { contact_date: '2020-01-01' });
    edit(3, { second_lifetime_months: '-5', won_back: 'yes' });
    edit(4, { attempt_group: 'control', offer_randomised: 'yes' });
    const twice = { ...(rows[5] as Record<string, string>), won_back: (rows[5] as Record<string, string>).won_back === 'yes' ? 'no' : 'yes' };
    writeFileSync(history, stringify([...rows, twice], { header: true, columns }));
    const r = await runCli(['calibrate', history, '--model-out', join(dir, 'model.json'), '--as-of', '2027-03-01', '--json', '--allow-defaults', '--max-reject-rate', '50%']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { rejects: { line: number; column: string; value: string; error: string }[] };
    expect(doc.rejects.map((x) => [x.line, x.column, x.value])).toEqual([
      [2, 'attempt_group', 'kontrol'],
      [3, 'channel', 'fax'],
      [4, 'contact_date', '2020-01-01'],
      [5, 'second_lifetime_months', '-5'],
      [6, 'offer_randomised', 'yes'],
      [rows.length + 2, 'customer_id', (rows[5] as Record<string, string>).customer_id],
    ]);
    expect(doc.rejects[5]?.error).toContain('as line 7');
  });
});

describe('calibrate on a history with retention contacts', () => {
  it('sets them aside, named line by line, without counting them against the reject limit or as a departure reason', async () => {
    const { dir, history, rows } = await weekHistory('winback-calibrate-retention-');
    // A third of the rows as the retention track's contacts (as results writes them): more than the 20 % reject limit.
    const third = Math.ceil(rows.length / 3);
    const mixed = rows.map((r, i) => (i < third ? { ...r, customer_id: `R-${i}`, reason_code: 'retention', reason: 'drifting: still buying but less often (core defector)' } : r));
    writeFileSync(history, stringify(mixed, { header: true }));
    const r = await runCli(['calibrate', history, '--model-out', join(dir, 'model.json'), '--as-of', '2027-03-01', '--allow-defaults', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { input: { rows: number }; accepted: number; rejected: number; rejects: { line: number; column: string; value: string }[]; learned: { baseRates: Record<string, { cases: number }> } };
    expect([report.input.rows, report.accepted, report.rejected]).toEqual([rows.length, rows.length - third, third]);
    expect(report.rejects[0]).toMatchObject({ line: 2, column: 'reason_code', value: 'retention' });
    expect(r.stderr).toMatch(/reject: line 2 \(R-0\): a retention contact \(a customer still buying, kept from drifting away\), not a win-back/);
    // Read from their text, they were life changes: the learned rates count only the win-back contacts.
    const cases = Object.values(report.learned.baseRates).reduce((a, b) => a + b.cases, 0);
    expect(cases).toBeLessThanOrEqual(rows.length - third);
  });
});
