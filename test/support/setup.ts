/**
 * Runs before each test file (vitest.config.ts setupFiles): sizes the property tests
 * (test/support/property.ts) and gives the file a TMPDIR of its own, so that its temporary
 * folders (test/support/temp.ts) and anything the code under test puts into the temp folder
 * are found, and removed, after the file's tests.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { configureProperties } from './property.js';
import { removeTempDirs } from './temp.js';

configureProperties();

const outer = process.env.TMPDIR;
// Inside the run's folder (test/support/global-setup.ts), which goes at the end of the run.
const own = mkdtempSync(join(process.env.WINBACK_TEST_TMPDIR ?? tmpdir(), 'file-'));
process.env.TMPDIR = own;

// Registered first, so it runs after the file's own afterAll hooks.
afterAll(() => {
  removeTempDirs();
  const left = readdirSync(own);
  rmSync(own, { recursive: true, force: true });
  if (outer === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = outer;
  expect(left, 'left behind in the temporary folder').toEqual([]);
});
