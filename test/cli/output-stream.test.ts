/**
 * Standard output that cannot be written (a cron log on a full disk): one line on stderr and
 * exit 74, not a stack trace and exit 1; the files the run had written stay complete.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/cli.js';

describe.runIf(existsSync('/dev/full'))('standard output on a full disk', () => {
  it('ends the run with 74 and one line saying so; plan.csv is complete', () => {
    const out = join(tempDir(), 'plan');
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/winback.js'), 'plan', 'fixtures/lost-customers-en.csv', '--out', out, '--as-of', '2026-11-23'], {
        cwd: ROOT, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', full, 'pipe'],
      });
      expect(r.status, r.stderr).toBe(74);
      expect(r.stderr).toContain('winback: cannot write to standard output (ENOSPC): stopped; the files the run had written are complete');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(out, 'plan.csv'))).toBe(true);
    } finally {
      closeSync(full);
    }
  });
});
