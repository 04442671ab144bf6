/** The process as cron and shell pipelines see it: bin/winback.js run as a real subprocess. */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../support/cli.js';
import { syntheticHistoryCsv } from '../support/synthetic-history.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function scratch(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}

/** Runs bin/winback.js (or another copy of it) with the read end of stdout closed at once. */
function runWithClosedStdout(args: string[], bin = join(ROOT, 'bin/winback.js')): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  // Like `| head -1` after its line, or `| true`: nobody reads what the command writes.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

function run(bin: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr, stdout })));
}

describe('a reader that goes away (| head, | true)', () => {
  const out = scratch();
  // Inputs of the commands that read what others wrote: a ledger, outcomes, a history, answers.
  beforeAll(async () => {
    expect((await runCli(['campaign', 'fixtures/lost-customers-en.csv', '--out', join(out, 'week'), '--as-of', '2026-11-23', '--ledger', join(out, 'ledger.csv'), '-q'])).code).toBe(0);
    writeFileSync(join(out, 'history.csv'), syntheticHistoryCsv(7, 3_000));
    writeFileSync(join(out, 'answers.json'), '{}');
  });
  // Every command (and each playbook subcommand), as `winback <command> | head -1` would run it.
  it.each<[string, string[]]>([
    ['playbook show --json', ['playbook', 'show', '--json']],
    ['playbook init', ['playbook', 'init', join(out, 'playbook.yaml')]],
    ['playbook validate', ['playbook', 'validate', 'src/playbook/default.yaml']],
    ['inspect', ['inspect', 'fixtures/lost-customers-en.csv']],
    ['reasons', ['reasons', 'fixtures/lost-customers-en.csv']],
    ['plan --json', ['plan', 'fixtures/lost-customers-en.csv', '--out', join(out, 'plan'), '--as-of', '2026-11-23', '--json']],
    ['campaign --json', ['campaign', 'fixtures/lost-customers-en.csv', '--out', join(out, 'campaign'), '--as-of', '2026-11-23', '--json']],
    ['report', ['report', 'fixtures/lost-customers-en.csv', '--as-of', '2026-11-23']],
    ['worksheet --answers', ['worksheet', 'fixtures/lost-customers-en.csv', '--session', join(out, 'session.json'), '--answers', join(out, 'answers.json'), '--out', join(out, 'worksheet'), '--as-of', '2026-11-23']],
    ['clv', ['clv', 'fixtures/transactions-en.csv', '--out', join(out, 'clv'), '--as-of', '2026-11-23']],
    ['calibrate --json', ['calibrate', join(out, 'history.csv'), '--model-out', join(out, 'model.json'), '--json']],
    ['results --json', ['results', '--ledger', join(out, 'ledger.csv'), '--outcomes', 'fixtures/outcomes-en.csv', '--json']],
    ['--help', ['--help']],
  ])('%s exits 0 without an error on stderr', async (_name, args) => {
    const r = await runWithClosedStdout(args);
    // The run's own warnings may come first; a broken pipe adds nothing.
    expect(r.stderr).not.toMatch(/EPIPE|Error|internal|^\s+at /m);
    expect(r.code).toBe(0);
    // The suite's limit (vitest.config.ts), as for every test that starts a process: a start
    // costs ~3 s of CPU, and a limit of 30 s of its own failed three of these with other work
    // on two cores (load ~30).
  });
});

describe('a checkout that was not built', () => {
  function copyOfBin(withDist: boolean): string {
    const dir = scratch();
    mkdirSync(join(dir, 'bin'));
    copyFileSync(join(ROOT, 'bin/winback.js'), join(dir, 'bin/winback.js'));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
    if (withDist) mkdirSync(join(dir, 'dist'));
    return join(dir, 'bin/winback.js');
  }

  // No locale of the machine running the tests decides the language of these.
  const english = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C', WINBACK_LANG: '' };

  it.each([
    ['without dist/', false, /not built yet/],
    ['with an incomplete dist/', true, /incomplete/],
  ])('%s says to run npm run build, without a stack trace', async (_name, withDist, what) => {
    const r = await run(copyOfBin(withDist as boolean), ['--help'], english);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(what as RegExp);
    expect(r.stderr).toMatch(/hint: run npm install and then npm run build/);
    expect(r.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|at .*\(/);
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
  });

  // The catalogue is in the build that is missing: the shim holds this one message in both languages.
  it.each<[string, string[], Record<string, string>, 'de' | 'en']>([
    ['--lang de', ['plan', 'x.csv', '--lang', 'de'], {}, 'de'],
    ['--lang=de', ['plan', 'x.csv', '--lang=de'], {}, 'de'],
    ['LANG=de_DE.UTF-8', ['plan', 'x.csv'], { LANG: 'de_DE.UTF-8' }, 'de'],
    ['LC_ALL before LANG', ['plan', 'x.csv'], { LC_ALL: 'de_AT@euro', LANG: 'en_US.UTF-8' }, 'de'],
    ['LC_MESSAGES before LANG', ['plan', 'x.csv'], { LC_MESSAGES: 'en_GB.UTF-8', LANG: 'de_DE.UTF-8' }, 'en'],
    ['WINBACK_LANG before the locale', ['plan', 'x.csv'], { WINBACK_LANG: 'de', LANG: 'en_US.UTF-8' }, 'de'],
    ['--lang en before a German locale', ['plan', 'x.csv', '--lang', 'en'], { LANG: 'de_DE.UTF-8' }, 'en'],
    ['a German word that is no locale', ['plan', 'x.csv'], { LANG: 'deutsch' }, 'en'],
  ])('speaks the language the CLI would: %s', async (_name, args, env, lang) => {
    for (const withDist of [false, true]) {
      const r = await run(copyOfBin(withDist), args, { ...english, ...env });
      expect(r.code).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(2);
      if (lang === 'de') {
        expect(lines[0]).toMatch(withDist ? /^winback: kann nicht starten: der Build in .* ist unvollständig$/ : /^winback: kann nicht starten: es ist noch nicht gebaut \(.* fehlt\)$/);
        expect(lines[1]).toMatch(/^Hinweis: in .* npm install und dann npm run build ausführen$/);
      } else {
        expect(lines[0]).toMatch(/^winback: cannot start: /);
        expect(lines[1]).toMatch(/^hint: run npm install and then npm run build in /);
      }
    }
  });
});
