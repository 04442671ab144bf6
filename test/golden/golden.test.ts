/**
 * Golden CLI tests: each folder test/golden/cases/<command>/<case>/ holds cmd.txt (the
 * arguments; $OUT is a fresh temp directory, $CASE the case's own folder for input files
 * the fixtures do not have), expected-stdout.txt (stdout and stderr are compared with the
 * temp directory as $OUT and the repository as $ROOT), optional expected-exit.txt,
 * expected-stderr.txt and expected-files/ (files the run must write into $OUT, byte for
 * byte). UPDATE_GOLDEN=1 rewrites the expectations (for expected-files/, the files listed
 * there); review the diff like code.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryContext } from '../support/memory-context.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CASES = join(import.meta.dirname, 'cases');
const update = process.env.UPDATE_GOLDEN === '1';

const cases = readdirSync(CASES).flatMap((cmd) => readdirSync(join(CASES, cmd)).map((name) => ({ cmd, name, dir: join(CASES, cmd, name) })));

/** Splits cmd.txt into arguments; single or double quotes group words. */
function splitArgs(text: string): string[] {
  return [...text.trim().matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** Machine-independent output: the temp folder as $OUT, the repository as $ROOT, no colours, LF. */
function normalize(text: string, out: string): string {
  return text.replaceAll(out, '$OUT').replaceAll(ROOT, '$ROOT').replace(/\x1b\[[0-9;]*m/g, '').replace(/\r\n/g, '\n');
}

describe('golden CLI cases', () => {
  it.each(cases)('$cmd/$name', async ({ dir }) => {
    const out = mkdtempSync(join(tmpdir(), 'winback-golden-'));
    try {
      const caseDir = relative(ROOT, dir).split('\\').join('/');
      const args = splitArgs(readFileSync(join(dir, 'cmd.txt'), 'utf8').replaceAll('$OUT', out).replaceAll('$CASE', caseDir));
      const { ctx, stdout, stderr } = memoryContext({ cwd: ROOT });
      const code = await main(args, ctx);
      const got = normalize(stdout(), out);
      const gotErr = normalize(stderr(), out);
      const expectedFiles = join(dir, 'expected-files');
      if (update) {
        writeFileSync(join(dir, 'expected-stdout.txt'), got);
        writeFileSync(join(dir, 'expected-exit.txt'), `${code}\n`);
        writeFileSync(join(dir, 'expected-stderr.txt'), gotErr);
        if (existsSync(expectedFiles)) {
          for (const f of readdirSync(expectedFiles)) writeFileSync(join(expectedFiles, f), readFileSync(join(out, f)));
        }
        return;
      }
      expect(got).toBe(readFileSync(join(dir, 'expected-stdout.txt'), 'utf8'));
      const errFile = join(dir, 'expected-stderr.txt');
      if (existsSync(errFile)) expect(gotErr).toBe(readFileSync(errFile, 'utf8'));
      const exitFile = join(dir, 'expected-exit.txt');
      expect(code).toBe(existsSync(exitFile) ? Number(readFileSync(exitFile, 'utf8').trim()) : 0);
      if (existsSync(expectedFiles)) {
        for (const f of readdirSync(expectedFiles)) {
          expect(readFileSync(join(out, f)).toString('utf8'), f).toBe(readFileSync(join(expectedFiles, f)).toString('utf8'));
        }
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

