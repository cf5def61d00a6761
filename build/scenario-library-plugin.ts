/**
 * Vite plugin: the scenario library precompiled at build time (docs/decisions/0010). The engine's
 * Node loader (the code `npm run scenarios -- check` runs) reads and validates scenarios/ once, and
 * the browser gets virtual modules instead of YAML and a loader:
 *
 * - `virtual:scenario-catalog`: the catalogue for list pages (src/engine/load/library-index.ts), with
 *   the broken files and their errors, but without the cases' and shifts' titles and summaries, plus
 *   `loadCase(id)`, `loadShift(id)`, `loadClinic(id)` and `loadTexts(lang)`;
 * - `virtual:scenario-catalog-text/<lang>`: one language's catalogue texts, a lazy chunk each, so a
 *   page downloads the language it shows only;
 * - `virtual:scenario/<case|shift|clinic>/<id>`: one validated document as JSON, a lazy chunk each.
 *
 * Every module is data written by JSON.stringify, never authored text pasted into code, so hostile
 * text in a scenario stays inert. In dev, editing a scenario file reloads the page with fresh modules.
 *
 * The loader itself (build/scenario-library.ts and the engine) is imported through Vite's module
 * runner when first needed, not bundled into the config: the config stays small, and an edit to the
 * engine is picked up by the next compile.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';
import type { Lang } from '../src/domain/text';
import type { BareCatalog, CatalogTexts } from '../src/engine/load/library-index';
import type * as Compiler from './scenario-library';
import type { CompiledLibrary } from './scenario-library';

/** The catalogue's module id, as the app imports it. */
export const CATALOG_ID = 'virtual:scenario-catalog';
/** Prefix of one language's catalogue texts module id: `virtual:scenario-catalog-text/en`. */
export const TEXT_PREFIX = 'virtual:scenario-catalog-text/';
/** Prefix of one document's module id: `virtual:scenario/case/<id>`. */
export const DOCUMENT_PREFIX = 'virtual:scenario/';

/** The document kinds with a module each, and the loader name the catalogue module exports for it. */
const KINDS = { case: 'loadCase', shift: 'loadShift', clinic: 'loadClinic' } as const;
export type DocumentKind = keyof typeof KINDS;

/** Ids that may appear in a module specifier (the schema's kebab-case ids; anything else is refused). */
const SAFE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Options of the plugin. */
export interface ScenarioLibraryOptions {
  /** The library folder, relative to Vite's root (default `scenarios`). */
  dir?: string;
}

/** A JavaScript module whose default export is `value`, written as JSON (valid JavaScript since ES2019). */
export function documentModule(value: unknown): string {
  return `export default ${JSON.stringify(value)};\n`;
}

/** The module specifier of one document. */
export const documentId = (kind: DocumentKind, id: string): string => `${DOCUMENT_PREFIX}${kind}/${id}`;

/** The module specifier of one language's catalogue texts. */
export const textId = (lang: Lang): string => `${TEXT_PREFIX}${lang}`;

const checkId = (kind: string, id: string): void => {
  if (!SAFE_ID.test(id)) throw new Error(`scenario library: refusing the ${kind} id ${JSON.stringify(id)} in a module name`);
};

/**
 * The catalogue module: the catalogue as JSON without its localized texts, one loader per kind over
 * a map of lazy imports, so the bundler makes each document its own chunk and a page downloads only
 * what it opens, and `loadTexts(lang)` over one lazy module per language of `langs`.
 */
export function catalogModule(catalog: BareCatalog, langs: readonly Lang[]): string {
  const ids: Record<DocumentKind, string[]> = { case: catalog.cases.map((c) => c.id), shift: catalog.shifts.map((s) => s.id), clinic: catalog.clinics.map((k) => k.id) };
  const lines = [
    `export const catalog = ${JSON.stringify(catalog)};`,
    'const textModules = new Map([',
    ...langs.map((lang) => `  [${JSON.stringify(lang)}, () => import(${JSON.stringify(textId(lang))})],`),
    ']);',
    'export function loadTexts(lang) {',
    '  const load = textModules.get(lang);',
    '  return load ? load().then((m) => m.default) : Promise.reject(new Error(`no catalogue texts for ${String(lang)}`));',
    '}',
  ];
  for (const [kind, loader] of Object.entries(KINDS) as [DocumentKind, string][]) {
    const entries = ids[kind].map((id) => {
      checkId(kind, id);
      return `  [${JSON.stringify(id)}, () => import(${JSON.stringify(documentId(kind, id))})],`;
    });
    lines.push(
      `const ${kind}Modules = new Map([`,
      ...entries,
      ']);',
      `export function ${loader}(id) {`,
      `  const load = ${kind}Modules.get(id);`,
      '  return load ? load().then((m) => m.default) : Promise.resolve(undefined);',
      '}',
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * One language's catalogue texts module. Ids become keys of the object written here: a key such as
 * `__proto__` would set the object's prototype, so they pass the same check as module names.
 */
export function textModule(texts: CatalogTexts): string {
  for (const id of Object.keys(texts.cases)) checkId('case', id);
  for (const id of Object.keys(texts.shifts)) checkId('shift', id);
  return documentModule(texts);
}

/** Imports the Node-side compiler with Vite's module runner (TypeScript, extensionless imports) and reads the library. */
async function compile(root: string, dir: string): Promise<CompiledLibrary> {
  const entry = fileURLToPath(new URL('./scenario-library.ts', import.meta.url));
  const { module } = await runnerImport<typeof Compiler>(entry, { root, logLevel: 'error' });
  return module.readLibrary(root, dir);
}

/** The plugin: `scenarioLibrary()` in vite.config.ts. */
export function scenarioLibrary(options: ScenarioLibraryOptions = {}): Plugin {
  const dir = options.dir ?? 'scenarios';
  let root = process.cwd();
  let compiled: Promise<CompiledLibrary> | null = null;
  // Read on first use, not at start-up: unit test runs that never import the library pay nothing.
  const library = () => (compiled ??= compile(root, dir));
  const isScenarioFile = (file: string) => /\.ya?ml$/i.test(file) && !relative(resolve(root, dir), file).startsWith('..');

  return {
    name: 'scenario-library',
    configResolved(config) {
      root = config.root;
    },
    // Filters let the bundler skip this plugin for every other module without calling into JavaScript.
    resolveId: {
      filter: { id: /^virtual:scenario[-/]/ },
      handler(id) {
        if (id === CATALOG_ID || id.startsWith(DOCUMENT_PREFIX) || id.startsWith(TEXT_PREFIX)) return `\0${id}`;
        return undefined;
      },
    },
    load: {
      filter: { id: /^\0virtual:scenario[-/]/ },
      async handler(id) {
        const lib = await library();
        // `vite build --watch` rebuilds when a scenario changes.
        for (const file of lib.files) this.addWatchFile(file);
        if (id === `\0${CATALOG_ID}`) {
          if (lib.catalog.broken.length > 0) {
            this.warn(`${lib.catalog.broken.length} scenario file(s) with errors are left out and listed on the library page: ${lib.catalog.broken.map((b) => b.path).join(', ')}`);
          }
          return catalogModule(lib.bare, Object.keys(lib.texts) as Lang[]);
        }
        if (id.startsWith(`\0${TEXT_PREFIX}`)) {
          const lang = id.slice(`\0${TEXT_PREFIX}`.length);
          if (!Object.hasOwn(lib.texts, lang)) this.error(`scenario library: no catalogue texts for the language ${JSON.stringify(lang)}`);
          return textModule(lib.texts[lang as Lang]);
        }
        const key = id.slice(`\0${DOCUMENT_PREFIX}`.length);
        if (!lib.documents.has(key)) this.error(`scenario library: no valid document ${key}`);
        return documentModule(lib.documents.get(key));
      },
    },
    hotUpdate({ file }) {
      if (!isScenarioFile(file)) return undefined;
      // A changed, added or removed file can change any module (a case's clinic, the broken list): start over.
      compiled = null;
      const graph = this.environment.moduleGraph;
      for (const [id, mod] of graph.idToModuleMap) if (id.startsWith('\0virtual:scenario')) graph.invalidateModule(mod);
      this.environment.hot.send({ type: 'full-reload' });
      return [];
    },
  };
}
