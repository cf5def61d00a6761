/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { scenarioLibrary } from './build/scenario-library-plugin.ts';

export default defineConfig({
  // The scenario library reaches the browser precompiled (docs/decisions/0010-precompiled-library.md).
  plugins: [react(), scenarioLibrary()],
  build: {
    target: 'es2022',
    sourcemap: true,
    // Read by tests/bench/bundle-size.ts to find the home route's first-load chunks.
    manifest: true,
  },
  preview: { host: '127.0.0.1' },
  test: {
    globals: true,
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'tests/library/**/*.test.ts', 'build/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    pool: 'threads',
    // CI and developers share a 2-core machine; generous limits keep slow, not broken, tests green.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
