import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Synthesising an environment takes several seconds on a shared 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One fork per file keeps peak memory bounded; files share nothing.
    pool: 'forks',
    maxWorkers: 2,
  },
});
