/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
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
    include: ['src/**/*.test.{ts,tsx}', 'tests/library/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    pool: 'threads',
    // CI and developers share a 2-core machine; generous limits keep slow, not broken, tests green.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
