import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv, runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

describe('winback reasons', () => {
  it.each(['fixtures/lost-customers-en.csv', 'fixtures/lost-customers-de.csv'])('prints the table and the unclassified list; --reasons-out has one row per input row (%s)', async (file) => {
    const out = join(tempDir(), 'reasons.csv');
    const r = await runCli(['reasons', file, '--reasons-out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/reason\s+\|\s+count\s+\|\s+share/);
    expect(r.stdout).toMatch(/Most frequent unclassified texts/);
    const rows = readCsv(out);
    expect(rows).toHaveLength(200);
    expect(rows.filter((x) => x.note?.startsWith('rejected')).length).toBeGreaterThan(0);
    expect(Object.keys(rows[0] ?? {})).toEqual(['customer_id', 'reason_text', 'reason_code', 'reason_secondary', 'reason_confidence', 'reason_evidence', 'note']);
  });

  it('needs only an id and a reason; codes and labels in either language are read', async () => {
    const r = await runCli(['reasons', 'fixtures/reason-codes.csv', '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { codes: { code: string; count: number }[]; rows_read: number };
    expect(summary.rows_read).toBe(50);
    expect(summary.codes.length).toBeGreaterThan(8);
  });

  it('a user playbook with a new phrase changes the classification, without code', async () => {
    const dir = tempDir();
    const data = join(dir, 'export.csv');
    writeFileSync(data, 'Kundennummer;Kündigungsgrund\n1;Zebra-Effekt im dritten Quartal\n');
    const before = await runCli(['reasons', data, '--json']);
    expect(JSON.parse(before.stdout).codes[0].code).toBe('unknown');
    const playbook = join(dir, 'mine.yaml');
    expect((await runCli(['playbook', 'init', playbook])).code).toBe(0);
    const text = readFileSync(playbook, 'utf8');
    // Teach the sales team's own jargon for poaching: add it to the German phrases of `poached`.
    const taught = text.replace(/(code: poached[\s\S]*?\n(\s+)de:\n)/, '$1$2  - "zebra effekt"\n');
    expect(taught).not.toBe(text);
    writeFileSync(playbook, taught);
    expect((await runCli(['playbook', 'validate', playbook])).code).toBe(0);
    const after = await runCli(['reasons', data, '--json', '--playbook', playbook]);
    expect(JSON.parse(after.stdout).codes[0].code).toBe('poached');
  });

  it('an invalid playbook is a data error (65) naming the bad entry, for every command that plans', async () => {
    const dir = tempDir();
    const playbook = join(dir, 'bad.yaml');
    await runCli(['playbook', 'init', playbook]);
    writeFileSync(playbook, readFileSync(playbook, 'utf8').replace(/baseRate: [0-9.]+/, 'baseRate: 7'));
    for (const args of [['reasons', 'fixtures/lost-customers-en.csv'], ['plan', 'fixtures/lost-customers-en.csv', '--out', tempDir(), '--as-of', '2026-11-23']]) {
      const r = await runCli([...args, '--playbook', playbook]);
      expect(r.code).toBe(65);
      expect(r.stderr).toMatch(/reasons\[\d+\]\.baseRate/);
    }
  });
});
