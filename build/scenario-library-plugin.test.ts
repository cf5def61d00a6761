import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import type { SourceFile } from '../src/engine/load/library';
import { loadLibrary } from '../src/engine/load/library';
import { LANGS } from '../src/domain/text';
import type { BareCatalog, CatalogTexts } from '../src/engine/load/library-index';
import { fixtureSources, SALUDO_YAML } from '../src/app/trainee-fixtures';
import { CATALOG_ID, catalogModule, documentId, documentModule, scenarioLibrary, textId, textModule } from './scenario-library-plugin';
import { compileLibrary, readLibrary, type CompiledLibrary } from './scenario-library';

/** Evaluates a generated module as Node would load it from the bundle. */
const evaluate = <T>(code: string): Promise<T> => import(`data:text/javascript;charset=utf-8,${encodeURIComponent(code)}`) as Promise<T>;

/** Writes source files under a fresh folder and returns it. */
function writeLibrary(files: readonly SourceFile[]): string {
  const root = mkdtempSync(join(tmpdir(), 'scenario-library-'));
  for (const f of files) {
    mkdirSync(join(root, dirname(f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.text);
  }
  return root;
}

const HOSTILE = [
  '"); globalThis.__pwned = "quote"; ("',
  '`; globalThis.__pwned = "backtick"; `${globalThis.__pwned = "template"}',
  '</script><script>globalThis.__pwned = "script"</script>',
  '*/ globalThis.__pwned = "comment"; /*',
  // U+2028 and U+2029 once broke JavaScript strings; the loader now refuses them (invisible characters).
  'line separator and \\ backslash \\u0041',
].join(' | ');

describe('scenario library plugin', () => {
  let root: string;
  let compiled: CompiledLibrary;
  beforeAll(async () => {
    root = writeLibrary(fixtureSources(true));
    compiled = await readLibrary(root);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  describe('reading the library with the engine loader', () => {
    it('lists the valid cases and clinics with list-page fields only', () => {
      const { catalog } = compiled;
      expect(catalog.cases.map((c) => c.id)).toEqual(['nino-con-fiebre', 'saludo-cordial']);
      expect(Object.keys(catalog.cases[1] ?? {}).sort()).toEqual(
        ['assessment', 'clinic', 'difficulty', 'id', 'minutes', 'region', 'specialty', 'summary', 'title', 'topics', 'workflows'],
      );
      expect(catalog.cases[1]?.title['es-MX']).toBe('Saludo en el mostrador');
      expect(catalog.clinics).toEqual([{ id: 'umf-prueba', name: 'UMF de prueba' }]);
      expect(catalog.shifts).toEqual([]);
    });

    it('lists a broken file with its errors, under its path in the project, not the build machine', () => {
      const { broken } = compiled.catalog;
      expect(broken.map((b) => b.path)).toEqual(['scenarios/cases/roto.yaml']);
      expect(broken[0]?.diagnostics.length).toBeGreaterThan(0);
      expect(broken[0]?.diagnostics.every((d) => d.severity === 'error' && d.file === 'scenarios/cases/roto.yaml')).toBe(true);
      expect(JSON.stringify(compiled.catalog)).not.toContain(root);
    });

    it('keeps each valid document in full, and the files read for the watcher', () => {
      expect([...compiled.documents.keys()].sort()).toEqual(['case/nino-con-fiebre', 'case/saludo-cordial', 'clinic/umf-prueba']);
      expect(compiled.documents.get('case/saludo-cordial')).toMatchObject({ id: 'saludo-cordial', start: 'saludo', steps: { saludo: {} } });
      expect(compiled.files.map((f) => f.slice(root.length + 1)).sort()).toEqual(fixtureSources(true).map((f) => f.path).sort());
    });
  });

  describe('generated modules', () => {
    it('the catalogue module exports the catalogue and a lazy import per document and per language', async () => {
      const code = catalogModule(compiled.bare, LANGS);
      expect(code).toContain(`import(${JSON.stringify(documentId('case', 'saludo-cordial'))})`);
      expect(code).toContain(`import(${JSON.stringify(documentId('clinic', 'umf-prueba'))})`);
      expect(code).toContain(`import(${JSON.stringify(textId('es-MX'))})`);
      expect(code).toContain(`import(${JSON.stringify(textId('en'))})`);
      const mod = await evaluate<{ catalog: BareCatalog; loadCase: (id: string) => Promise<unknown>; loadShift: unknown; loadClinic: unknown; loadTexts: (lang: string) => Promise<unknown> }>(code);
      const { cases, shifts, clinics, broken } = compiled.catalog;
      expect(mod.catalog).toEqual({ cases: cases.map(({ title: _t, summary: _s, ...rest }) => rest), shifts, clinics, broken });
      expect(typeof mod.loadShift).toBe('function');
      expect(typeof mod.loadClinic).toBe('function');
      await expect(mod.loadCase('no-existe')).resolves.toBeUndefined();
      await expect(mod.loadCase('constructor')).resolves.toBeUndefined();
      await expect(mod.loadTexts('fr')).rejects.toThrow(/fr/);
    });

    it('the catalogue module carries no title or summary in any language', () => {
      const code = catalogModule(compiled.bare, LANGS);
      const texts = compiled.catalog.cases.flatMap((c) => [c.title['es-MX'], c.title.en, c.summary['es-MX'], c.summary.en]);
      expect(texts).toContain('Greeting at the desk');
      for (const text of texts) expect(code).not.toContain(JSON.stringify(text).slice(1, -1));
      // Diagnostics of broken files keep their messages (they name a "title" path too); entries have no text fields.
      const cases = JSON.stringify(compiled.bare.cases);
      expect(code).toContain(cases);
      expect(cases).not.toMatch(/"(title|summary)"/);
    });

    it('each text module has its own language only, by id', async () => {
      const es = (await evaluate<{ default: CatalogTexts }>(textModule(compiled.texts['es-MX']))).default;
      const en = (await evaluate<{ default: CatalogTexts }>(textModule(compiled.texts.en))).default;
      expect(es.cases['saludo-cordial']).toEqual({ title: 'Saludo en el mostrador', summary: 'Una paciente llega a la ventanilla.' });
      expect(en.cases['saludo-cordial']).toEqual({ title: 'Greeting at the desk', summary: 'A patient arrives at the window.' });
      expect(Object.keys(es.cases).sort()).toEqual(['nino-con-fiebre', 'saludo-cordial']);
      expect(es.shifts).toEqual({});
      const esCode = textModule(compiled.texts['es-MX']);
      for (const c of compiled.catalog.cases) {
        expect(esCode).not.toContain(c.title.en);
        expect(esCode).not.toContain(c.summary.en);
      }
      expect(textModule(compiled.texts.en)).not.toContain('Saludo en el mostrador');
    });

    it('a document module gives back the validated document exactly', async () => {
      const doc = compiled.documents.get('case/saludo-cordial');
      expect((await evaluate<{ default: unknown }>(documentModule(doc))).default).toEqual(doc);
    });

    it('keeps hostile authored text inert: shown back character for character, nothing run', async () => {
      const yaml = SALUDO_YAML.replace('title: { es-MX: "Saludo en el mostrador"', `title: { es-MX: ${JSON.stringify(HOSTILE)}`);
      const lib = loadLibrary([...fixtureSources().filter((f) => !f.path.endsWith('saludo-cordial.yaml')), { path: 'scenarios/cases/saludo-cordial.yaml', text: yaml }]);
      expect(lib.cases.get('saludo-cordial')?.title['es-MX']).toBe(HOSTILE);
      const { bare, texts, documents } = compileLibrary(lib);
      await evaluate(catalogModule(bare, LANGS));
      const fromTexts = await evaluate<{ default: CatalogTexts }>(textModule(texts['es-MX']));
      const fromDocument = await evaluate<{ default: { title: { 'es-MX': string } } }>(documentModule(documents.get('case/saludo-cordial')));
      expect(fromTexts.default.cases['saludo-cordial']?.title).toBe(HOSTILE);
      expect(fromDocument.default.title['es-MX']).toBe(HOSTILE);
      expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
    });

    it('refuses an id that is not kebab-case rather than put it in a module name', () => {
      const bad = { ...compiled.bare, cases: [{ ...compiled.bare.cases[0]!, id: 'x"); globalThis.__pwned = 1; ("' }] };
      expect(() => catalogModule(bad, LANGS)).toThrow(/refusing/);
      expect(() => textModule({ cases: Object.fromEntries([['__proto__', { title: 'x', summary: '' }]]), shifts: {} })).toThrow(/refusing/);
    });
  });

  describe('in a Vite server', () => {
    let server: ViteDevServer;
    let served: string;
    beforeAll(async () => {
      served = writeLibrary(fixtureSources(true));
      server = await createServer({ configFile: false, root: served, logLevel: 'silent', plugins: [scenarioLibrary()], server: { middlewareMode: true, ws: false } });
    });
    afterAll(async () => {
      await server?.close();
      rmSync(served, { recursive: true, force: true });
    });

    type CatalogModule = {
      catalog: BareCatalog;
      loadCase: (id: string) => Promise<{ id: string; steps: object } | undefined>;
      loadTexts: (lang: string) => Promise<CatalogTexts>;
    };

    it('serves the catalogue and loads a case from its own module', async () => {
      const mod = (await server.ssrLoadModule(CATALOG_ID)) as CatalogModule;
      expect(mod.catalog.cases.map((c) => c.id)).toEqual(['nino-con-fiebre', 'saludo-cordial']);
      expect(mod.catalog.broken.map((b) => b.path)).toEqual(['scenarios/cases/roto.yaml']);
      const saludo = await mod.loadCase('saludo-cordial');
      expect(saludo?.id).toBe('saludo-cordial');
      expect(saludo?.steps).toHaveProperty('saludo');
      expect((await mod.loadTexts('en')).cases['saludo-cordial']?.title).toBe('Greeting at the desk');
    });

    it('serves fresh modules after a scenario file changes', async () => {
      const file = join(served, 'scenarios/cases/saludo-cordial.yaml');
      writeFileSync(file, SALUDO_YAML.replace('"Saludo en el mostrador"', '"Saludo corregido"'));
      // What the dev server's watcher does on a change, without waiting for the file system's event.
      const environment = server.environments.ssr;
      const plugin = server.config.plugins.find((p) => p.name === 'scenario-library');
      const hotUpdate = plugin?.hotUpdate;
      const handler = typeof hotUpdate === 'function' ? hotUpdate : hotUpdate?.handler;
      const sent: unknown[] = [];
      const hot = { ...environment.hot, send: (payload: unknown) => sent.push(payload) };
      await handler?.call({ environment: { ...environment, moduleGraph: environment.moduleGraph, hot } } as never, { type: 'update', file, timestamp: Date.now(), modules: [], read: () => '', server });
      expect(sent).toEqual([{ type: 'full-reload' }]);
      const texts = (await server.ssrLoadModule(textId('es-MX'))) as { default: CatalogTexts };
      expect(texts.default.cases['saludo-cordial']?.title).toBe('Saludo corregido');
    });
  });
});
