import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

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
