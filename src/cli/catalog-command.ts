import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { Lang } from '../domain/text';
import { buildCatalog } from '../engine/docs/library-doc';
import { formatDiagnostic } from '../engine/format/diagnostics';
import { loadLibraryFrom, type ScenarioFileSystem } from '../engine/load/library';
import type { WorkflowRegistry } from '../engine/load/loader';
import type { CliCommand } from './cli-context';
import { nodeFileSystem } from './node-files';

/** Where the catalogue is written and what it lists, relative to the project root. */
export const CATALOG_PATH = 'docs/library.md';
export const LIBRARY_PATH = 'scenarios';

/** Where the catalogue command finds files and workflows; tests swap them. */
export interface CatalogDeps {
  fs?: ScenarioFileSystem;
  workflows?: WorkflowRegistry;
}

/**
 * The catalogue's text for the library under `root` (the project folder), or the library's errors
 * when a file does not load: a catalogue that silently left a case out would mislead.
 */
export async function catalogText(
  root: string,
  deps: CatalogDeps = {},
  opts: { out?: string; lang?: Lang } = {},
): Promise<{ ok: true; text: string } | { ok: false; errors: string[] }> {
  const lang = opts.lang ?? 'en';
  const fs = deps.fs ?? nodeFileSystem;
  const lib = await loadLibraryFrom(fs, [join(root, LIBRARY_PATH)], deps.workflows ? { workflows: deps.workflows } : {});
  const errors = lib.diagnostics.filter((d) => d.severity === 'error');
  if (lib.missing.length > 0 || errors.length > 0) {
    const missing = lib.missing.map((m) => (lang === 'en' ? `error: no such file or folder: ${m}` : `error: no existe el archivo o carpeta: ${m}`));
    return { ok: false, errors: [...missing, ...errors.map((d) => formatDiagnostic(d, lang))] };
  }
  const from = dirname(resolve(root, opts.out ?? CATALOG_PATH));
  const link = (path: string) => relative(from, resolve(root, path)).split('\\').join('/');
  return { ok: true, text: buildCatalog(lib, { link }) };
}

/** Builds `catalog [--out file]`. */
export function createCatalogCommand(deps: CatalogDeps = {}): CliCommand {
  return async (args, ctx) => {
    const target = typeof args.flags['out'] === 'string' ? args.flags['out'] : CATALOG_PATH;
    const built = await catalogText(ctx.cwd, deps, { out: target, lang: ctx.lang });
    if (!built.ok) {
      for (const line of built.errors) ctx.err(line);
      ctx.err(ctx.lang === 'en' ? `${target} not written: the library has errors` : `${target} no se escribió: la biblioteca tiene errores`);
      return 1;
    }
    const path = resolve(ctx.cwd, target);
    const old = await readFile(path, 'utf8').catch(() => undefined);
    if (old !== built.text) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, built.text, 'utf8');
    }
    const changed = old !== built.text;
    ctx.out(ctx.lang === 'en' ? `${target} ${changed ? 'written' : 'up to date'}` : `${target} ${changed ? 'escrito' : 'al día'}`);
    return 0;
  };
}

/** `catalog [--out file]`: writes docs/library.md, the table of the library's cases, shifts and clinics. */
export const catalogCommand: CliCommand = createCatalogCommand();
