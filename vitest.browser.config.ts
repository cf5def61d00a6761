import { defineConfig } from 'vitest/config';

/** Browser tests: real Chromium driven by playwright-core against the built app (see tests/browser/). */
export default defineConfig({
  test: {
    globals: true,
    environment: 'node',
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
