import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // vitest's default (CPUs − 1) runs one file at a time on two cores, while many files
    // mostly wait for the processes and worker threads they start.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Property test sizes, and a TMPDIR per test file, emptied and checked after it.
    setupFiles: ['test/support/setup.ts'],
  },
});
