import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Property test sizes, and a TMPDIR per test file, emptied and checked after it.
    setupFiles: ['test/support/setup.ts'],
  },
});
