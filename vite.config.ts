/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { scenarioLibrary } from './build/scenario-library-plugin.ts';

export default defineConfig(({ command }) => ({
  // The scenario library reaches the browser precompiled (docs/decisions/0010-precompiled-library.md).
  plugins: [react(), scenarioLibrary()],
  resolve: {
    // In the bundle, zod/mini (the stored-attempt check on the trainee routes' first load) is built
    // from zod's own sources, apart from the published files classic zod uses on the desk: shared,
    // zod's core module would carry every constructor classic needs into the first load (about 9 KB
    // gzip). Zod keeps its config and registry on globalThis, so the two copies agree.
    alias: command === 'build' ? [{ find: /^zod\/mini$/, replacement: fileURLToPath(new URL('./node_modules/zod/src/mini/index.ts', import.meta.url)) }] : [],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Read by tests/bench/bundle-size.ts to find the home route's first-load chunks.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // What the entry loads anyway (React, the router, i18next, the shell) as one file: one
            // gzip stream compresses better than ten small ones, and it is one request.
            // The HTML entry stays out, so the entry chunk (what the manifest and index.html name) remains.
            { name: 'app', tags: ['$initial'], test: (id) => !/(\.html|[\\/]src[\\/]app[\\/]main\.tsx)$/.test(id), priority: 2 },
            // What every trainee route loads (the loader with the stores, the attempt check and the
            // catalogue; the library page, whose cards the case page reuses) as one file, not eight.
            { name: 'trainee', test: /[\\/]src[\\/](app[\\/]trainee-data\.ts|features[\\/]trainee[\\/]library-page\.tsx)$/, priority: 1 },
          ],
        },
      },
    },
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
}));
