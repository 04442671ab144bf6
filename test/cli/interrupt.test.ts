import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLostCustomers } from '../../dev/generate-fixtures.js';
import { ROOT, tempDir } from '../support/cli.js';

describe('an interrupted run', () => {
  // The line in the run's language: SIGINT in English, SIGTERM under --lang de.
  it.each([
    ['SIGINT', [], (code: number) => `winback: stopped by SIGINT (exit ${code}); temporary files removed\n`],
    ['SIGTERM', ['--lang', 'de'], (code: number) => `winback: durch SIGTERM beendet (Exit-Code ${code}); vorläufige Dateien entfernt\n`],
  ] as const)('leaves no temporary files behind on %s, says so in one line and exits 128 + the signal', async (signal, lang, line) => {
    const dir = tempDir();
    const file = join(dir, 'export.csv');
    // Large enough for worker threads and sort runs on disk, and to run for a while.
    writeFileSync(file, generateLostCustomers({ rows: 60_000, seed: 3, style: 'en' }));
    const tmp = join(dir, 'tmp');
    const out = join(dir, 'out');
    mkdirSync(tmp);
    const child = spawn(process.execPath, ['bin/winback.js', 'plan', file, '--out', out, '--as-of', '2026-11-23', '--quiet', ...lang], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, TMPDIR: tmp },
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // Wait until the run has its temporary files: sort runs in TMPDIR, plan.csv's temp file in out.
    const started = Date.now();
    while (Date.now() - started < 20_000) {
      const sortDirs = readdirSync(tmp).filter((n) => n.startsWith('winback-sort-'));
      if (sortDirs.length > 0 && existsSync(out) && readdirSync(out).some((n) => n.endsWith('.tmp'))) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(readdirSync(tmp).some((n) => n.startsWith('winback-sort-'))).toBe(true);
    child.kill(signal);
    const code = await exited;
    expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
    // One line that says why the run ended, for the cron mail or the log.
    expect(stderr).toBe(line(code as number));
    expect(readdirSync(tmp)).toEqual([]);
    expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});
