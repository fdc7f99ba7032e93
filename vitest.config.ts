import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // The fault test spawns real processes and SQLite work is disk-bound; two cores are all we have.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
