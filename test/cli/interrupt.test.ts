import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateLostCustomers } from '../../dev/generate-fixtures.js';
import { ROOT, tempDir } from '../support/cli.js';

const running: ChildProcess[] = [];
afterEach(() => {
  // A run left stopped by a failed test would wait for ever.
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('an interrupted run', () => {
  let file: string;
  beforeAll(() => {
    file = join(tempDir(), 'export.csv');
    // Three pieces of a MiB, planned on worker threads with their sorted runs on disk.
    writeFileSync(file, generateLostCustomers({ rows: 20_000, seed: 3, style: 'en' }));
  });

  // The line in the run's language: SIGINT in English, SIGTERM under --lang de.
  it.each([
    ['SIGINT', [], (code: number) => `winback: stopped by SIGINT (exit ${code}); temporary files removed\n`],
    ['SIGTERM', ['--lang', 'de'], (code: number) => `winback: durch SIGTERM beendet (Exit-Code ${code}); vorläufige Dateien entfernt\n`],
  ] as const)('leaves no temporary files behind on %s, says so in one line and exits 128 + the signal', async (signal, lang, line) => {
    const dir = tempDir();
    const tmp = join(dir, 'tmp');
    const out = join(dir, 'out');
    mkdirSync(tmp);
    const child = spawn(process.execPath, ['bin/winback.js', 'plan', file, '--out', out, '--as-of', '2026-11-23', '--quiet', ...lang], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      // Workers however small the export (the default starts them at 8 MiB).
      env: { ...process.env, TMPDIR: tmp, WINBACK_PARALLEL_MIN_BYTES: '0' },
    });
    running.push(child);
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    let ended = false;
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    void exited.then(() => (ended = true));
    // The moment the run has its temporary files (sort runs in TMPDIR, plan.csv's temp file in
    // out) is looked for with the run stopped (SIGSTOP): the signal then reaches it there,
    // however busy the machine, and not after it has moved on or finished.
    const hasTemps = () => readdirSync(tmp).some((n) => n.startsWith('winback-sort-')) && existsSync(out) && readdirSync(out).some((n) => n.endsWith('.tmp'));
    for (;;) {
      if (ended) break;
      child.kill('SIGSTOP');
      if (hasTemps()) break;
      child.kill('SIGCONT');
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(ended, 'the run ended before it had made its temporary files').toBe(false);
    child.kill(signal);
    child.kill('SIGCONT');
    const code = await exited;
    expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
    // One line that says why the run ended, for the cron mail or the log.
    expect(stderr).toBe(line(code as number));
    expect(readdirSync(tmp)).toEqual([]);
    // The --out folder this first run created holds nothing of it: it is gone too (not left empty).
    expect(existsSync(out)).toBe(false);
  });
});
