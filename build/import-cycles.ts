/**
 * Finds import cycles in src/, type-only imports included. ESLint's `import-x/no-cycle` skips
 * `import type`, so a cycle made of types passes it; this check closes that hole
 * (docs/decisions/0020-lint-holes.md). It runs as part of `npm run lint`.
 */
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** What the check reads: the files to graph and their text (tests pass an in-memory version). */
export interface SourceHost {
  files: readonly string[];
  read(path: string): string | undefined;
}

/** Every module path each file imports (static, type-only, re-exports and `import()`), resolved. */
export function importGraph(host: SourceHost, options: ts.CompilerOptions): Map<string, string[]> {
  const known = new Set(host.files);
  const resolutionHost: ts.ModuleResolutionHost = {
    fileExists: (path) => known.has(path) || ts.sys.fileExists(path),
    readFile: (path) => host.read(path) ?? ts.sys.readFile(path),
  };
  const graph = new Map<string, string[]>();
  for (const file of host.files) {
    const text = host.read(file) ?? '';
    const { importedFiles } = ts.preProcessFile(text, true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const resolved = ts.resolveModuleName(fileName, file, options, resolutionHost).resolvedModule?.resolvedFileName;
      if (resolved && known.has(resolved)) targets.add(resolved);
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/** The strongly connected groups of more than one file (or a file importing itself), Tarjan's way. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || graph.get(node)?.includes(node)) cycles.push(group.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

/** The project's source files and compiler options, from tsconfig.json. */
export function projectSources(root: string): { host: SourceHost; options: ts.CompilerOptions } {
  const configPath = resolve(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath));
  const srcDir = resolve(root, 'src') + '/';
  const files = parsed.fileNames.filter((f) => resolve(f).startsWith(srcDir) && !f.endsWith('.d.ts')).map((f) => resolve(f));
  return { host: { files, read: (path) => ts.sys.readFile(path) }, options: parsed.options };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const { host, options } = projectSources(root);
  const cycles = findCycles(importGraph(host, options));
  for (const group of cycles) {
    console.error(`Import cycle (type-only imports included): ${group.map((f) => relative(root, f)).join(' <-> ')}`);
  }
  if (cycles.length > 0) process.exit(1);
  console.log(`No import cycles in ${host.files.length} files.`);
}
