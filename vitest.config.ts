import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
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
  },
});
