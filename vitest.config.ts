import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

// The files that take longest, slowest first (test-artifacts/vitest.json of a clean clone's run,
// 2026-12-07): started first, so that no worker runs one of them alone at the end. vitest orders
// a fresh clone's files by size, which started the type check (20 s, a small file) last; once it
// has timings of its own (node_modules/.vite), it runs the longest first anyway.
const LONGEST_FIRST = [
  'test/engine/parallel-plan.test.ts',
  'test/e2e/report-browser.test.ts',
  'test/commands/objection-columns.test.ts',
  'test/cli/process.test.ts',
  'test/types.test.ts',
  'test/cli/german.test.ts',
  'test/commands/campaign.test.ts',
  'test/domain/objection-prefilter.test.ts',
  'test/cli/threads.test.ts',
  'test/domain/reasons-cache.test.ts',
  'test/commands/worksheet-tty-de.test.ts',
  'test/commands/plan-budget.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const at = LONGEST_FIRST.indexOf(relative(f.project.config.root, f.moduleId).replaceAll('\\', '/'));
      return at < 0 ? LONGEST_FIRST.length : at;
    };
    // Within a project (vitest runs the isolated one first); Array.prototype.sort is stable: the others keep vitest's order.
    const project = (f: TestSpecification) => sorted.findIndex((g) => g.project === f.project);
    return sorted.sort((a, b) => project(a) - project(b) || rank(a) - rank(b));
  }
}

// Test files that replace a module of src/ (vi.mock) need a module graph of their own: in a
// shared one the real module may already be loaded by an earlier file.
const MOCKING = ['test/cli/wiring.test.ts', 'test/commands/campaign-ledger.test.ts'];

export default defineConfig({
  test: {
    // Time limits catch a hang, not a slow machine: a two-core machine with other work on it
    // runs the tests that start processes and worker threads ten times slower than alone.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    sequence: { sequencer: LongestFirst },
    // vitest's default is one worker less than the CPUs: on a two-core machine a single file at
    // a time, while most test time is spent waiting for child processes and files. Two at least.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Property test sizes, and a TMPDIR per test file, emptied and checked after it.
    setupFiles: ['test/support/setup.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: MOCKING,
          // The files of a worker share its loaded modules (src/, the playbook): loading them
          // again for each of some 140 files was a third to a half of the suite's CPU time.
          // Each test file is still loaded afresh, and the setup file runs before each.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: MOCKING } },
    ],
  },
});
