/**
 * The tests are type-checked as the product is: tsc over src/ and test/ with the product's
 * strict settings and no output (tsconfig.test.json). vitest runs test files without checking
 * their types, so a test calling code with an old signature, or building a value the type no
 * longer describes, would otherwise pass unnoticed. Running here, the check shares the
 * suite's workers instead of adding its time before the first test.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

it('type-checks src/ and test/ without an error (tsconfig.test.json)', async () => {
  const result = await new Promise<{ code: number; output: string }>((done) => {
    execFile(process.execPath, [TSC, '-p', 'tsconfig.test.json', '--pretty', 'false'], { cwd: ROOT, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      done({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : 1, output: `${stdout}${stderr}` });
    });
  });
  expect(result.output).toBe('');
  expect(result.code).toBe(0);
  // About 15–20 s of one CPU on a fresh clone (minutes on a two-core machine busy with other
  // work); from the second run on only what changed (tsconfig.test.json's tsBuildInfoFile): ~5 s.
}, 600_000);
