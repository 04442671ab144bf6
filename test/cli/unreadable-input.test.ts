/**
 * An input the process may not read exits 66 (input missing or unreadable), as documented, on
 * every command that reads an export or a history — not 74 (an I/O error during the run).
 * Root reads any file whatever its mode, so the refusal is made by the file system call itself.
 */
import { copyFileSync, promises as fsp } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A copy of `fixture` that the file system refuses to open for reading (EACCES). */
function unreadable(fixture: string): string {
  const file = join(tempDir(), 'locked.csv');
  copyFileSync(fixture, file);
  const real = fsp.access.bind(fsp);
  vi.spyOn(fsp, 'access').mockImplementation(async (path, mode) => {
    if (resolve(String(path)) === file) throw Object.assign(new Error(`EACCES: permission denied, access '${file}'`), { code: 'EACCES' });
    return real(path, mode);
  });
  return file;
}

const EXPORT = 'fixtures/lost-customers-en.csv';
const AS_OF = ['--as-of', '2026-11-23'];

describe('an input that cannot be read', () => {
  it.each<[string, string, (file: string, dir: string) => string[]]>([
    ['inspect', EXPORT, (f) => ['inspect', f]],
    ['plan', EXPORT, (f, d) => ['plan', f, '--out', join(d, 'out'), ...AS_OF]],
    ['campaign', EXPORT, (f, d) => ['campaign', f, '--out', join(d, 'out'), ...AS_OF]],
    ['report', EXPORT, (f) => ['report', f, ...AS_OF]],
    ['reasons', EXPORT, (f) => ['reasons', f]],
    ['clv', 'fixtures/transactions-en.csv', (f, d) => ['clv', f, '--out', join(d, 'out'), ...AS_OF]],
  ])('%s exits 66 naming the file and the cause, and writes nothing', async (_name, fixture, args) => {
    const dir = tempDir();
    const file = unreadable(fixture);
    const r = await runCli(args(file, dir));
    expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be read \\(EACCES\\)`));
    expect(r.stderr).toMatch(/hint: check the file permissions/);
    expect(r.code).toBe(66);
    expect((await fsp.readdir(dir)).filter((n) => n !== 'locked.csv')).toEqual([]);
  });

  it('a directory given as the export exits 66 too', async () => {
    const r = await runCli(['plan', 'fixtures', '--out', join(tempDir(), 'out'), ...AS_OF]);
    expect(r.code).toBe(66);
    expect(r.stderr).toMatch(/fixtures is a directory, not a CSV file/);
  });
});
