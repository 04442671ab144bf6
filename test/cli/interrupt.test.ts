import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { generateLostCustomers } from '../../src/dev/generate-fixtures.js';
import { ROOT } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

describe('an interrupted run', () => {
  let file: string;
  beforeAll(() => {
    file = join(tempDir(), 'export.csv');
    // Large enough for worker threads and sort runs on disk, and to run for a while.
    writeFileSync(file, generateLostCustomers({ rows: 60_000, seed: 3, style: 'en' }));
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('leaves no temporary files behind on %s and exits 128 + the signal', async (signal) => {
    const dir = tempDir();
    const tmp = join(dir, 'tmp');
    const out = join(dir, 'out');
    mkdirSync(tmp);
    const child = spawn(process.execPath, ['bin/winback.js', 'plan', file, '--out', out, '--as-of', '2026-11-23', '--quiet'], {
      cwd: ROOT,
      stdio: 'ignore',
      env: { ...process.env, TMPDIR: tmp },
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait until the run has its temporary files: sort runs in TMPDIR, plan.csv's temp file in out.
    await vi.waitFor(() => {
      expect(readdirSync(tmp).some((n) => n.startsWith('winback-sort-'))).toBe(true);
      expect(existsSync(out) && readdirSync(out).some((n) => n.endsWith('.tmp'))).toBe(true);
    }, { timeout: 100_000, interval: 20 });
    child.kill(signal);
    const code = await exited;
    expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
    expect(readdirSync(tmp)).toEqual([]);
    expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
