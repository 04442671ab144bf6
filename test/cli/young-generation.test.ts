/**
 * The main thread's young generation is kept at its size when the CLI starts loading
 * (src/cli/young-generation.ts), and grows again as V8's default lets it once this thread plans
 * rows (src/engine/heap-growth.ts). Each case runs in a fresh node process on the build in
 * dist/, where nothing else has set V8's flags.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { generateLostCustomers } from '../../dev/generate-fixtures.js';

const dist = (path: string) => pathToFileURL(join(ROOT, 'dist', path)).href;

/** MiB of the young generation after `before` ran and a million objects were allocated and kept. */
function youngAfter(before: string): number {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    ${before}
    const keep = [];
    for (let i = 0; i < 1e6; i++) keep.push({ i, s: 'x' + i });
    const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').physical_space_size;
    console.log(young / 1048576, keep.length);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return Number(out.split(' ')[0]);
}

/** MiB of the young generation when `winback ARGS` exits (default `--help`), as bin/winback.js starts it. */
function youngOfBin(args = ['--help'], env: Record<string, string> = {}): number {
  const atExit = `import { getHeapSpaceStatistics } from 'node:v8'; process.on('exit', () => process.stderr.write('young ' + getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').physical_space_size / 1048576 + '\\n'));`;
  const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(atExit)}`, join(ROOT, 'bin/winback.js'), ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, ...env } });
  expect(r.status, r.stderr).toBe(0);
  return Number(/young ([\d.]+)/.exec(r.stderr)?.[1]);
}

describe('the young generation of the main thread', () => {
  it('keeps its first size through bin/winback.js, which loads the setting before the CLI', () => {
    expect(youngOfBin()).toBeLessThanOrEqual(2);
  });

  // Starting a worker thread puts V8's growth factor back to its default for the whole process;
  // `plan` starts its workers while this thread loads the playbook and compiles the vocabulary,
  // which keeps much: it waits until they have set the factor again (src/engine/plan-worker.ts).
  // Without the wait it grew to 8 MiB. With it, a scavenge in the milliseconds between a
  // worker's start and its first statement may still double it once (2 of 12 runs on a busy
  // machine, none on a quiet one), as starting workers did before they stood by.
  it('stays within one doubling through a plan whose workers start while this thread sets the run up', () => {
    const dir = tempDir();
    const file = join(dir, 'export.csv');
    writeFileSync(file, generateLostCustomers({ rows: 400, seed: 5, style: 'en' }));
    expect(youngOfBin(['plan', file, '--out', join(dir, 'out'), '--as-of', '2026-11-23', '--threads', '3', '--quiet'], { WINBACK_PARALLEL_MIN_BYTES: '0' })).toBeLessThanOrEqual(4);
  }, 60_000);

  it('grows to 32 MiB under V8\'s defaults when much survives (the control)', () => {
    expect(youngAfter('')).toBeGreaterThanOrEqual(16);
  });

  it('stays at its first size when the setting is made before the CLI loads, as bin/winback.js does', () => {
    expect(youngAfter(`await import('${dist('cli/young-generation.js')}'); await import('${dist('cli/main.js')}');`)).toBeLessThanOrEqual(2);
  });

  // The modules are read before the first of them runs, and V8 may grow the young generation
  // while it reads them: 8 MiB on a quiet machine, 16 MiB on a busy one (a scavenge falls earlier
  // or later); V8's default reaches 32 MiB (the control above).
  it('stays under the default once the CLI has loaded: the setting is the first module main.ts imports', () => {
    expect(youngAfter(`await import('${dist('cli/main.js')}');`)).toBeLessThanOrEqual(16);
  });

  it('grows again as V8 lets it when this thread plans rows (the engine sets the factor back)', () => {
    expect(youngAfter(`await import('${dist('cli/young-generation.js')}'); (await import('${dist('engine/heap-growth.js')}')).limitHeapGrowth();`)).toBeGreaterThanOrEqual(16);
  });
});
