/**
 * Probes of the lint rules that guard the layers: each writes a file that breaks one rule (in
 * memory, at a path inside src/) and expects `npm run lint` to refuse it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { findCycles, importGraph, projectSources } from './import-cycles';

const ROOT = resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(code: string, path: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the lint rules that keep the engine headless', () => {
  it('refuses an engine file that imports the command line', async () => {
    const errors = await ruleIds("export { cliContext } from '../cli/cli-context';\n", 'src/engine/probe-cli-import.ts');
    expect(errors.some((e) => e.startsWith('import-x/no-restricted-paths') && e.includes('src/cli'))).toBe(true);
  });

  it('refuses the runtime (run, shift, format) importing what loads or lints a scenario', async () => {
    const errors = await ruleIds("export { loadScenarioText } from '../load/loader';\n", 'src/engine/run/probe-runtime.ts');
    expect(errors.some((e) => e.startsWith('import-x/no-restricted-paths') && e.includes('engine/load'))).toBe(true);
    expect(await ruleIds("import type { Diagnostic } from '../format/diagnostics';\nexport type D = Diagnostic;\n", 'src/engine/run/probe-runtime.ts')).toEqual([]);
  });

  it('refuses a Node built-in in the engine, with or without the node: prefix', async () => {
    expect(await ruleIds("import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n", 'src/engine/probe-node.ts')).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*no Node built-ins/),
    ]);
    expect(await ruleIds("import { join } from 'path';\nexport const j = join;\n", 'src/machines/probe-node.ts')).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*no Node built-ins/),
    ]);
  });

  it('still lets the domain be imported by name (a built-in called "domain" is not our folder)', async () => {
    expect(await ruleIds("import type { Person } from '../domain/types';\nexport type P = Person;\n", 'src/engine/probe-domain.ts')).toEqual([]);
  });

  it('refuses the wall clock and React in an engine .tsx file', async () => {
    const errors = await ruleIds("import { useState } from 'react';\nexport const now = Date.now();\nexport const use = useState;\n", 'src/engine/probe-clock.tsx');
    expect(errors.some((e) => e.startsWith('no-restricted-properties') && e.includes('simulated clock'))).toBe(true);
    expect(errors.some((e) => e.startsWith('no-restricted-imports') && e.includes('no React'))).toBe(true);
  });
});

describe('the import-cycle check (type-only imports included)', () => {
  const { host, options } = projectSources(ROOT);

  it('finds no cycle in the project', () => {
    expect(findCycles(importGraph(host, options))).toEqual([]);
  });

  it('finds a cycle made only of `import type`, which import-x/no-cycle lets through', async () => {
    const a = resolve(ROOT, 'src/engine/probe-a.ts');
    const b = resolve(ROOT, 'src/engine/probe-b.ts');
    const probe = {
      files: [...host.files, a, b],
      read: (path: string) =>
        path === a ? "import type { B } from './probe-b';\nexport type A = { b?: B };\n" : path === b ? "import type { A } from './probe-a';\nexport type B = { a?: A };\n" : host.read(path),
    };
    expect(findCycles(importGraph(probe, options))).toEqual([[a, b]]);
    // The same cycle passes ESLint's own rule: that is the hole this check closes.
    const errors = await ruleIds(probe.read(a)!, 'src/engine/probe-a.ts');
    expect(errors.filter((e) => e.startsWith('import-x/no-cycle'))).toEqual([]);
  });

  it('finds the cycle the route table once had with the trainee loader', () => {
    const loader = resolve(ROOT, 'src/app/trainee-data.ts');
    const routes = resolve(ROOT, 'src/app/routes.tsx');
    const text = readFileSync(loader, 'utf8').replace("from './route-params'", "from './routes'");
    const routesText = `${readFileSync(routes, 'utf8')}\nexport type RouteParams = Readonly<Record<string, string | undefined>>;\n`;
    const probe = { files: host.files, read: (path: string) => (path === loader ? text : path === routes ? routesText : host.read(path)) };
    expect(findCycles(importGraph(probe, options))).toEqual([[routes, loader].sort()]);
  });
});
