// ESLint flat config. The layer rules below are the executable form of
// ../shared/design/architecture.md: app -> features -> ui -> stores -> engine -> machines -> domain.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';
import { builtinModules } from 'node:module';

const layers = ['domain', 'machines', 'engine', 'stores', 'ui', 'features', 'app'];
/** Zones: a layer may not import any layer above it. */
const layerZones = layers.flatMap((layer, i) =>
  layers.slice(i + 1).map((above) => ({
    target: `./src/${layer}`,
    from: `./src/${above}`,
    message: `Layer '${layer}' may not import '${above}' (see docs/decisions/0002-layers.md).`,
  })),
);
const cliZones = ['stores', 'ui', 'features', 'app'].map((above) => ({
  target: './src/cli',
  from: `./src/${above}`,
  message: `The CLI runs in Node and may use only the engine and below.`,
}));
/** Only the command line is Node's entry point: nothing else imports it. */
const intoCliZones = layers.map((layer) => ({
  target: `./src/${layer}`,
  from: './src/cli',
  message: `Only the command line imports src/cli; the engine and below run unchanged in the browser.`,
}));
/**
 * What plays a scenario never imports what loads, lints or documents one (ink's runtime/compiler
 * split): a runtime-only bundle stays possible, and the desk's chunks stay small.
 */
const runtimeZones = ['format', 'run', 'shift'].flatMap((runtime) =>
  ['load', 'analysis', 'docs', 'testing'].map((tooling) => ({
    target: `./src/engine/${runtime}`,
    from: `./src/engine/${tooling}`,
    message: `The engine's runtime (format, run, shift) may not import engine/${tooling}: what plays a scenario never imports what loads or lints one (docs/decisions/0020-lint-holes.md).`,
  })),
);
/** ui may import domain types only. */
const uiZones = ['machines', 'engine', 'stores'].map((layer) => ({
  target: './src/ui',
  from: `./src/${layer}`,
  message: `ui components are presentational: they may import domain types only.`,
}));

const nodeMessage = 'The domain, machines and engine run unchanged in the browser: no Node built-ins (file access belongs to src/cli).';
const headlessRestrictions = {
  patterns: [
    { group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'wouter', 'wouter/*', 'react-i18next'], message: 'The domain, machines and engine run in Node: no React.' },
    { group: ['zustand', 'zustand/*', 'idb'], message: 'State and storage live in src/stores.' },
    { group: ['@faker-js/faker', '@faker-js/faker/*'], importNames: ['default'], message: 'Load faker on demand.' },
    { group: ['node:*'], message: nodeMessage },
  ],
  // Bare built-in names match exactly (as patterns, 'domain' would match our own src/domain).
  paths: builtinModules.map((name) => ({ name, message: nodeMessage })),
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'docs', 'scenarios/schema.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...cliZones, ...intoCliZones, ...uiZones] }],
      'no-restricted-globals': 'off',
    },
  },
  {
    // No feature imports another feature.
    files: ['src/features/**'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...layerZones,
            ...intoCliZones,
            ...['trainee', 'shift', 'author', 'school'].map((f) => ({
              target: `./src/features/${f}`,
              from: './src/features',
              except: [`./${f}`],
              message: 'Features may not import each other; move shared code down to ui, stores or engine.',
            })),
          ],
        },
      ],
    },
  },
  {
    // The engine's runtime/loader split; its tests may build runs from loaded fixtures.
    files: ['src/engine/**'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...intoCliZones, ...runtimeZones] }] },
  },
  {
    // The headless layers: no React, no DOM, no zustand, no wall clock, no Math.random.
    files: ['src/{domain,machines,engine}/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', headlessRestrictions],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded generator (src/domain/random.ts).' },
        { object: 'Date', property: 'now', message: 'Time comes from the simulated clock.' },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator'],
    },
  },
);
