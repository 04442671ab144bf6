/**
 * One meaning per flag name: --out is a directory, a single file has a flag named after it,
 * --period is campaign's run length, --columns campaign's list columns. The old spellings
 * keep working with a notice on stderr.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/program.js';
import { runCli, tempDir } from '../support/cli.js';
import { memoryContext } from '../support/memory-context.js';

const HISTORY = 'test/golden/cases/calibrate/en/history.csv';
const LEDGER = 'test/golden/cases/results/en/ledger.csv';

describe('renamed flags', () => {
  it('clv --period is --time-unit: the same model, and a notice', async () => {
    const now = await runCli(['clv', 'fixtures/transactions-en.csv', '--out', tempDir(), '--as-of', '2026-11-23', '--time-unit', 'month', '--json']);
    const old = await runCli(['clv', 'fixtures/transactions-en.csv', '--out', tempDir(), '--as-of', '2026-11-23', '--period', 'month', '--json']);
    expect(now.code, now.stderr).toBe(0);
    expect(old.code, old.stderr).toBe(0);
    expect(now.stderr).not.toMatch(/notice/);
    expect(old.stderr).toContain('notice: --period is now --time-unit; the old spelling still works but will be removed');
    const model = (s: string) => {
      const { input: _input, ...rest } = JSON.parse(s);
      return rest;
    };
    expect(JSON.parse(old.stdout).period).toBe('month');
    expect(model(old.stdout)).toEqual(model(now.stdout));
  });

  it('clv: old and new spelling together is a usage error', async () => {
    const r = await runCli(['clv', 'fixtures/transactions-en.csv', '--out', join(tempDir(), 'o'), '--period', 'day', '--time-unit', 'week']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('winback clv: --period and --time-unit are one flag; give --time-unit only');
    const c = await runCli(['clv', 'fixtures/transactions-en.csv', '--out', join(tempDir(), 'o'), '--columns', 'a,b', '--input-columns', 'a,b']);
    expect(c.code).toBe(64);
    expect(c.stderr).toContain('--columns and --input-columns are one flag');
    const de = await runCli(['clv', 'fixtures/transactions-en.csv', '--out', join(tempDir(), 'o'), '--period', 'day', '--time-unit', 'week', '--lang', 'de']);
    expect(de.code).toBe(64);
    expect(de.stderr).toContain('--period und --time-unit sind eine Option; nur --time-unit angeben');
  });

  it('clv --input-columns names a headerless file\'s columns; --columns still does, with a notice', async () => {
    const text = readFileSync('fixtures/transactions-en.csv', 'utf8').split('\n').slice(1).join('\n');
    const dir = tempDir();
    const file = join(dir, 'no-header.csv');
    writeFileSync(file, text);
    const names = 'customer_id,date,amount';
    const now = await runCli(['clv', file, '--out', join(dir, 'a'), '--as-of', '2026-11-23', '--input-columns', names, '--json']);
    const old = await runCli(['clv', file, '--out', join(dir, 'b'), '--as-of', '2026-11-23', '--columns', names, '--json']);
    expect(now.code, now.stderr).toBe(0);
    expect(old.code, old.stderr).toBe(0);
    expect(old.stderr).toContain('notice: --columns is now --input-columns');
    expect(JSON.parse(now.stdout).rows.accepted).toBeGreaterThan(100);
    expect(JSON.parse(old.stdout).rows).toEqual(JSON.parse(now.stdout).rows);
    expect(JSON.parse(old.stdout).bg_nbd).toEqual(JSON.parse(now.stdout).bg_nbd);
  });

  it('reasons --out is --reasons-out: the same file, and a notice', async () => {
    const dir = tempDir();
    const now = await runCli(['reasons', 'fixtures/lost-customers-en.csv', '--reasons-out', join(dir, 'a.csv')]);
    const old = await runCli(['reasons', 'fixtures/lost-customers-en.csv', '--out', join(dir, 'b.csv')]);
    expect(now.code).toBe(0);
    expect(old.code).toBe(0);
    expect(now.stderr).not.toMatch(/notice/);
    expect(old.stderr).toContain('notice: --out is now --reasons-out');
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe(readFileSync(join(dir, 'a.csv'), 'utf8'));
    expect(old.stdout).toBe(now.stdout);
  });

  it('calibrate --out is --model-out: the same model, and a notice; without either, exit 64 naming --model-out', async () => {
    const dir = tempDir();
    const now = await runCli(['calibrate', HISTORY, '--model-out', join(dir, 'a.json'), '--as-of', '2027-03-01', '--quiet', '--allow-defaults']);
    const old = await runCli(['calibrate', HISTORY, '--out', join(dir, 'b.json'), '--as-of', '2027-03-01', '--quiet', '--allow-defaults']);
    expect(now.code, now.stderr).toBe(0);
    expect(old.code, old.stderr).toBe(0);
    expect(old.stderr).toContain('notice: --out is now --model-out');
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(readFileSync(join(dir, 'a.json'), 'utf8'));
    const none = await runCli(['calibrate', HISTORY]);
    expect(none.code).toBe(64);
    expect(none.stderr).toContain('--model-out FILE is required');
  });
});

describe('--quiet where a command prints a table', () => {
  it('reasons --quiet prints nothing and still writes --reasons-out', async () => {
    const out = join(tempDir(), 'r.csv');
    const r = await runCli(['reasons', 'fixtures/lost-customers-en.csv', '--reasons-out', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(/^customer_id,reason_text,reason_code/);
  });

  it('report --quiet with --html writes only the file', async () => {
    const html = join(tempDir(), 'r.html');
    const loud = await runCli(['report', 'fixtures/lost-customers-en.csv', '--as-of', '2026-11-23']);
    const r = await runCli(['report', 'fixtures/lost-customers-en.csv', '--as-of', '2026-11-23', '--html', html, '--quiet']);
    expect(loud.stdout).not.toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('results --quiet prints nothing and still writes --history-out; --json wins over --quiet', async () => {
    const out = join(tempDir(), 'h.csv');
    const args = ['results', '--ledger', LEDGER, '--outcomes', 'fixtures/outcomes-en.csv', '--as-of', '2027-03-01'];
    const r = await runCli([...args, '--history-out', out, '--export', 'fixtures/lost-customers-en.csv', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8').length).toBeGreaterThan(100);
    const json = await runCli([...args, '--quiet', '--json']);
    expect(JSON.parse(json.stdout).command).toBe('results');
  });
});

// Which of the shared flags each command carries: --lang wherever a command has words, --quiet
// and --json where it prints a summary or a table, --excel and --format where it writes tables
// (reasons and results write one table, named by its file: a name ending in .xlsx is the
// workbook), --out where it writes a directory. Left out on purpose: inspect is its printout
// (no --quiet), the worksheet asks questions (no --quiet, no --json), calibrate writes a model,
// not a table. A flag dropped from a command, or added without being decided here, fails.
const SHARED = ['--lang', '--quiet', '--json', '--excel', '--format', '--out', '--as-of', '--config'] as const;
const CARRIES: Record<string, readonly (typeof SHARED)[number][]> = {
  inspect: ['--lang', '--json', '--as-of', '--config'],
  plan: ['--lang', '--quiet', '--json', '--excel', '--format', '--out', '--as-of', '--config'],
  campaign: ['--lang', '--quiet', '--json', '--excel', '--format', '--out', '--as-of', '--config'],
  report: ['--lang', '--quiet', '--json', '--as-of', '--config'],
  worksheet: ['--lang', '--excel', '--format', '--out', '--as-of', '--config'],
  reasons: ['--lang', '--quiet', '--json', '--excel', '--config'],
  clv: ['--lang', '--quiet', '--json', '--excel', '--format', '--out', '--as-of', '--config'],
  calibrate: ['--lang', '--quiet', '--json', '--as-of', '--config'],
  results: ['--lang', '--quiet', '--json', '--excel', '--as-of', '--config'],
  playbook: [],
  'playbook show': ['--lang', '--json'],
  'playbook init': ['--lang', '--config'],
  'playbook validate': ['--lang', '--config'],
};

function commandsOf(cmd: Command, prefix: string[] = []): [string, Command][] {
  return cmd.commands.flatMap((c) => [[[...prefix, c.name()].join(' '), c] as [string, Command], ...commandsOf(c, [...prefix, c.name()])]);
}

describe('one flag vocabulary: the shared flags on every command', () => {
  const all = commandsOf(buildProgram(memoryContext().ctx, () => undefined)).filter(([name]) => name !== 'help');

  it('every command is in the table', () => {
    expect(all.map(([name]) => name).sort()).toEqual(Object.keys(CARRIES).sort());
  });

  it.each(Object.entries(CARRIES))('%s carries %j', (name, flags) => {
    const cmd = all.find(([n]) => n === name)?.[1];
    const visible = new Set(cmd?.options.filter((o) => !o.hidden).map((o) => o.long));
    expect(SHARED.filter((f) => visible.has(f))).toEqual(SHARED.filter((f) => flags.includes(f)));
  });
});
