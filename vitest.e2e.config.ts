import { defineConfig } from 'vitest/config';

// Browser suites share two cores: run files one after another, with room for Chromium to start.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
