/**
 * The Node side of the scenario library plugin (build/scenario-library-plugin.ts): reads scenarios/
 * with the engine's loader, the code `npm run scenarios -- check` runs, and compiles it into the
 * catalogue and the documents the browser gets.
 */
import { relative, resolve, sep } from 'node:path';
import { nodeFileSystem } from '../src/cli/node-files';
import { loadLibraryFrom, type Library, type ScenarioFileSystem } from '../src/engine/load/library';
import type { Lang } from '../src/domain/text';
import { catalogOf, splitCatalog, type BareCatalog, type CatalogTexts, type LibraryCatalog } from '../src/engine/load/library-index';

/** The library as compiled for the browser: the catalogue and each document by `<kind>/<id>`. */
export interface CompiledLibrary {
  catalog: LibraryCatalog;
  /** The catalogue as the browser gets it: without its titles and summaries... */
  bare: BareCatalog;
  /** ...which come apart, one module per language. */
  texts: Record<Lang, CatalogTexts>;
  documents: Map<string, unknown>;
  /** Absolute paths of the files read, for the watcher. */
  files: string[];
}

/** A file system rooted at `root`: the loader sees paths relative to it (`scenarios/cases/x.yaml`), never the build machine's. */
export function rootedFileSystem(root: string, fs: ScenarioFileSystem = nodeFileSystem): ScenarioFileSystem {
  const inside = (p: string) => relative(root, p).split(sep).join('/');
  return {
    async list(paths) {
      const { files, missing } = await fs.list(paths.map((p) => resolve(root, p)));
      return { files: files.map(inside), missing: missing.map(inside) };
    },
    read: (path) => fs.read(resolve(root, path)),
  };
}

/** Compiles a loaded library: its catalogue and its documents. */
export function compileLibrary(lib: Pick<Library, 'cases' | 'clinics' | 'shifts' | 'diagnostics'>): Omit<CompiledLibrary, 'files'> {
  const documents = new Map<string, unknown>();
  for (const c of lib.cases.values()) documents.set(`case/${c.id}`, c);
  for (const s of lib.shifts.values()) documents.set(`shift/${s.id}`, s);
  for (const k of lib.clinics.values()) documents.set(`clinic/${k.id}`, k);
  const catalog = catalogOf(lib);
  return { catalog, ...splitCatalog(catalog), documents };
}

/** Reads and compiles the library under `root/dir` with the engine's Node loader. */
export async function readLibrary(root: string, dir = 'scenarios', fs?: ScenarioFileSystem): Promise<CompiledLibrary> {
  const rooted = rootedFileSystem(root, fs);
  const [lib, listed] = await Promise.all([loadLibraryFrom(rooted, [dir]), rooted.list([dir])]);
  return { ...compileLibrary(lib), files: listed.files.map((f) => resolve(root, f)) };
}
