/**
 * Temporary folders for tests. Each test file runs with a TMPDIR of its own
 * (test/support/setup.ts); the folders made here are removed after the file's tests, and
 * anything else left in that TMPDIR fails the file: the code under test left it behind.
 * Whatever a file could not remove goes with the run's folder (test/support/global-setup.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A fresh empty folder, removed after the test file. */
export function tempDir(prefix = 'winback-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Writes bytes to a file in a fresh temporary folder and returns its path. */
export function tempFile(name: string, data: Buffer | string): string {
  const path = join(tempDir('winback-test-'), name);
  writeFileSync(path, data);
  return path;
}

/** Removes the folders tempDir made so far. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
