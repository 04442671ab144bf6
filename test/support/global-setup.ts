/**
 * Runs once per `vitest run` (vitest.config.ts globalSetup): one temporary folder for the
 * whole run, inside which each test file gets its TMPDIR (test/support/setup.ts), removed at
 * the end even where a file's own cleanup never ran (all its tests skipped, a worker lost).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'winback-tests-'));
  process.env.WINBACK_TEST_TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
