import type { Lang } from '../domain/text';
import { splitCatalog, type CatalogTexts, type LibraryCatalog } from '../engine/load/library-index';
import { CASE_YAML, CLINIC_YAML } from '../engine/testing/loader-fixtures';
import type { ClinicFile, ScenarioCase, ShiftFile } from '../engine/format/scenario.schema';
import { createLibraryStore, type LibrarySource } from './library-store';

/** A fake precompiled library: two cases, one shift over both, two clinics, one broken file; loads are counted. */
function fakeSource() {
  const title = (s: string) => ({ 'es-MX': s, en: s });
  const entry = (id: string, clinic: string) => ({
    id, title: title(id), summary: title(`${id} summary`), workflows: [], topics: [], difficulty: 'basic' as const,
    region: 'urban' as const, specialty: 'general' as const, minutes: 5, clinic, assessment: false,
  });
  const catalog: LibraryCatalog = {
    cases: [entry('caso-a', 'clinica-1'), entry('caso-b', 'clinica-2')],
    shifts: [{ id: 'turno', title: title('Turno'), summary: title('s'), clinic: 'clinica-1', start: '08:00', end: '10:00', region: 'urban', difficulty: 'basic', minutes: 60, arrivals: 3, cases: ['caso-a', 'caso-b'] }],
    clinics: [{ id: 'clinica-1', name: 'Clínica 1' }, { id: 'clinica-2', name: 'Clínica 2' }],
    broken: [{ path: 'scenarios/cases/roto.yaml', diagnostics: [{ file: 'scenarios/cases/roto.yaml', line: 1, col: 1, path: [], code: 'x', severity: 'error', message: title('mal') }] }],
  };
  const calls: string[] = [];
  const doc = <T>(kind: string, ids: string[]) => (id: string) => {
    calls.push(`${kind}:${id}`);
    return Promise.resolve(ids.includes(id) ? ({ id, kind, full: true } as unknown as T) : undefined);
  };
  const source: LibrarySource = {
    catalog,
    loadCase: vi.fn(doc<ScenarioCase>('case', ['caso-a', 'caso-b'])),
    loadShift: vi.fn(doc<ShiftFile>('shift', ['turno'])),
    loadClinic: vi.fn(doc<ClinicFile>('clinic', ['clinica-1', 'clinica-2'])),
  };
  return { source, calls };
}

/** The same library as the build ships it: a catalogue without texts, and each language's texts on request. */
function precompiledSource() {
  const { source: full } = fakeSource();
  const title = (id: string) => ({ 'es-MX': `${id} (es)`, en: `${id} (en)` });
  const catalog: LibraryCatalog = {
    ...full.catalog,
    cases: full.catalog.cases.map((c) => ({ ...c, title: title(c.id), summary: title(`${c.id} summary`) })),
    shifts: full.catalog.shifts.map((x) => ({ ...x, title: title(x.id), summary: title(`${x.id} summary`) })),
  };
  const { bare, texts } = splitCatalog(catalog);
  const textCalls: Lang[] = [];
  let failing = false;
  // Each call waits for `arrive` of its language, so a test can look between asking and receiving.
  const waiting = new Map<Lang, () => void>();
  let hold = false;
  const loadTexts = vi.fn((lang: Lang): Promise<CatalogTexts> => {
    textCalls.push(lang);
    if (failing) return Promise.reject(new Error('offline'));
    if (!hold) return Promise.resolve(texts[lang]);
    return new Promise<CatalogTexts>((done) => waiting.set(lang, () => done(texts[lang])));
  });
  const source: LibrarySource = { catalog: bare, loadTexts, loadCase: full.loadCase, loadShift: full.loadShift, loadClinic: full.loadClinic };
  return {
    source, textCalls,
    fail: (on: boolean) => (failing = on),
    hold: () => (hold = true),
    arrive: (lang: Lang) => waiting.get(lang)?.(),
  };
}

describe('library store', () => {
  describe('over a precompiled catalogue', () => {
    it('lists the catalogue (cases, shifts, clinic names, broken files) and loads no document', async () => {
      const { source, calls } = fakeSource();
      const store = createLibraryStore();
      await store.getState().load(() => Promise.resolve(source));
      const s = store.getState();
      expect(s.status).toBe('ready');
      expect(s.cases.map((c) => c.id)).toEqual(['caso-a', 'caso-b']);
      expect(s.shifts.map((x) => x.arrivals)).toEqual([3]);
      expect(s.clinics['clinica-2']?.name).toBe('Clínica 2');
      expect(s.broken.map((b) => b.path)).toEqual(['scenarios/cases/roto.yaml']);
      expect(calls).toEqual([]);
      expect(s.loaded.cases.size).toBe(0);
    });

    it('loads a case with its clinic only, once, however often it is asked for', async () => {
      const { source, calls } = fakeSource();
      const store = createLibraryStore();
      await store.getState().load(() => Promise.resolve(source));
      await Promise.all([store.getState().need({ cases: ['caso-b'] }), store.getState().need({ cases: ['caso-b'] })]);
      await store.getState().need({ cases: ['caso-b'] });
      expect(calls.sort()).toEqual(['case:caso-b', 'clinic:clinica-2']);
      expect(store.getState().loaded.cases.get('caso-b')).toMatchObject({ id: 'caso-b', full: true });
      expect(store.getState().loaded.clinics.has('clinica-2')).toBe(true);
      expect(store.getState().loaded.cases.has('caso-a')).toBe(false);
    });

    it('loads a shift with its clinic and every case it plays', async () => {
      const { source, calls } = fakeSource();
      const store = createLibraryStore();
      await store.getState().load(() => Promise.resolve(source));
      await store.getState().need({ shifts: ['turno'] });
      expect(calls.sort()).toEqual(['case:caso-a', 'case:caso-b', 'clinic:clinica-1', 'clinic:clinica-2', 'shift:turno']);
      expect([...store.getState().loaded.shifts.keys()]).toEqual(['turno']);
    });

    it("loads a shift alone when asked for its file only (a shift's details page), its cases later on request", async () => {
      const { source, calls } = fakeSource();
      const store = createLibraryStore();
      await store.getState().load(() => Promise.resolve(source));
      await store.getState().need({ shiftsOnly: ['turno', 'no-existe'] });
      expect(calls).toEqual(['shift:turno']);
      expect(store.getState().loaded.cases.size).toBe(0);
      await store.getState().need({ shifts: ['turno'] });
      expect(calls.sort()).toEqual(['case:caso-a', 'case:caso-b', 'clinic:clinica-1', 'clinic:clinica-2', 'shift:turno']);
    });

    it('skips ids the catalogue does not list, prototype names included', async () => {
      const { source, calls } = fakeSource();
      const store = createLibraryStore();
      await store.getState().load(() => Promise.resolve(source));
      await store.getState().need({ cases: ['no-existe', 'constructor'], shifts: ['__proto__'] });
      expect(calls).toEqual([]);
      expect(store.getState().loaded.cases.get('constructor')).toBeUndefined();
      expect(store.getState().clinics['constructor']).toBeUndefined();
    });

    it('rejects when a document fails to download, and downloads it again on the next request', async () => {
      const { source } = fakeSource();
      const ok = source.loadCase;
      source.loadCase = vi.fn(() => Promise.reject(new Error('offline')));
      const store = createLibraryStore();
      await store.getState().load(() => Promise.resolve(source));
      await expect(store.getState().need({ cases: ['caso-a'] })).rejects.toThrow('offline');
      expect(store.getState().loaded.cases.has('caso-a')).toBe(false);
      source.loadCase = ok;
      await store.getState().need({ cases: ['caso-a'] });
      expect(store.getState().loaded.cases.has('caso-a')).toBe(true);
    });

    it('waits for the catalogue before loading documents', async () => {
      const { source } = fakeSource();
      const store = createLibraryStore();
      let arrive: (s: LibrarySource) => void = () => {};
      const loading = store.getState().load(() => new Promise<LibrarySource>((done) => (arrive = done)));
      const needing = store.getState().need({ cases: ['caso-a'] });
      expect(store.getState().status).toBe('loading');
      arrive(source);
      await Promise.all([loading, needing]);
      expect(store.getState().loaded.cases.has('caso-a')).toBe(true);
    });
  });

  describe('catalogue texts, one language at a time', () => {
    it('loads the asked language and shows it in both until the other arrives, then each its own', async () => {
      const { source, textCalls } = precompiledSource();
      const store = createLibraryStore();
      await Promise.all([store.getState().load(() => Promise.resolve(source)), store.getState().loadTexts('es-MX')]);
      expect(textCalls).toEqual(['es-MX']);
      const caseA = () => store.getState().cases[0];
      expect(caseA()?.title).toEqual({ 'es-MX': 'caso-a (es)', en: 'caso-a (es)' });
      expect(caseA()?.summary).toEqual({ 'es-MX': 'caso-a summary (es)', en: 'caso-a summary (es)' });
      expect(store.getState().shifts[0]?.title.en).toBe('turno (es)');
      expect(store.getState().texts).toEqual({ 'es-MX': 'ready' });
      const before = store.getState().cases;
      await store.getState().loadTexts('en');
      expect(store.getState().cases).not.toBe(before);
      expect(caseA()?.title).toEqual({ 'es-MX': 'caso-a (es)', en: 'caso-a (en)' });
      expect(store.getState().shifts[0]?.summary).toEqual({ 'es-MX': 'turno summary (es)', en: 'turno summary (en)' });
      expect(store.getState().clinics['clinica-1']?.name).toBe('Clínica 1');
      await store.getState().loadTexts('en');
      expect(textCalls).toEqual(['es-MX', 'en']);
    });

    it('an English first visit shows English in both languages; Spanish replaces its fallback when it comes', async () => {
      const { source } = precompiledSource();
      const store = createLibraryStore();
      await Promise.all([store.getState().load(() => Promise.resolve(source)), store.getState().loadTexts('en')]);
      expect(store.getState().cases[1]?.title).toEqual({ 'es-MX': 'caso-b (en)', en: 'caso-b (en)' });
      await store.getState().loadTexts('es-MX');
      expect(store.getState().cases[1]?.title).toEqual({ 'es-MX': 'caso-b (es)', en: 'caso-b (en)' });
    });

    it('never has an undefined text: before any texts, a title is its id and a summary is empty', async () => {
      const { source, textCalls, hold, arrive } = precompiledSource();
      hold();
      const store = createLibraryStore();
      await store.getState().load(() => Promise.resolve(source));
      const texts = store.getState().loadTexts('en');
      await vi.waitFor(() => expect(textCalls).toEqual(['en']));
      expect(store.getState().texts).toEqual({ en: 'loading' });
      expect(store.getState().cases[0]?.title).toEqual({ 'es-MX': 'caso-a', en: 'caso-a' });
      expect(store.getState().cases[0]?.summary).toEqual({ 'es-MX': '', en: '' });
      arrive('en');
      await texts;
      expect(store.getState().cases[0]?.title.en).toBe('caso-a (en)');
    });

    it('texts asked for before the catalogue load with it', async () => {
      const { source, textCalls } = precompiledSource();
      const store = createLibraryStore();
      const texts = store.getState().loadTexts('en');
      await store.getState().load(() => Promise.resolve(source));
      await texts;
      await vi.waitFor(() => expect(store.getState().texts.en).toBe('ready'));
      expect(textCalls).toEqual(['en']);
      expect(store.getState().cases[0]?.title.en).toBe('caso-a (en)');
    });

    it('a failed download keeps the fallback, does not reject, and the next request tries again', async () => {
      const { source, textCalls, fail } = precompiledSource();
      const store = createLibraryStore();
      await Promise.all([store.getState().load(() => Promise.resolve(source)), store.getState().loadTexts('es-MX')]);
      fail(true);
      await expect(store.getState().loadTexts('en')).resolves.toBeUndefined();
      expect(store.getState().texts).toEqual({ 'es-MX': 'ready', en: 'failed' });
      expect(store.getState().cases[0]?.title).toEqual({ 'es-MX': 'caso-a (es)', en: 'caso-a (es)' });
      fail(false);
      await store.getState().loadTexts('en');
      expect(textCalls).toEqual(['es-MX', 'en', 'en']);
      expect(store.getState().texts.en).toBe('ready');
      expect(store.getState().cases[0]?.title.en).toBe('caso-a (en)');
    });

    it('a library whose catalogue has every language loads no texts', async () => {
      const { source } = fakeSource();
      const store = createLibraryStore();
      await Promise.all([store.getState().load(() => Promise.resolve(source)), store.getState().loadTexts('en')]);
      expect(store.getState().texts).toEqual({});
      expect(store.getState().cases[0]?.title).toEqual({ 'es-MX': 'caso-a', en: 'caso-a' });
    });
  });

  describe('over raw YAML files', () => {
    it('checks them with the loader: valid cases and clinics listed, files with errors listed with errors only', async () => {
      const store = createLibraryStore();
      await store.getState().load(() =>
        Promise.resolve([
          { path: 'scenarios/clinics/umf-prueba.yaml', text: CLINIC_YAML },
          { path: 'scenarios/cases/caso-prueba.yaml', text: CASE_YAML },
          { path: 'scenarios/cases/roto.yaml', text: 'format: 1\nid: roto\n' },
        ]),
      );
      await store.getState().loadTexts('en');
      const s = store.getState();
      expect(s.status).toBe('ready');
      expect(s.texts).toEqual({});
      expect(s.cases[0]?.title).toEqual({ 'es-MX': 'Caso de prueba', en: 'Test case' });
      expect(Object.keys(s.clinics)).toEqual(['umf-prueba']);
      expect(s.cases.map((c) => c.id)).toEqual(['caso-prueba']);
      expect(s.broken.map((b) => b.path)).toEqual(['scenarios/cases/roto.yaml']);
      expect(s.broken[0]?.diagnostics.length).toBeGreaterThan(0);
      expect(s.broken[0]?.diagnostics.every((d) => d.severity === 'error')).toBe(true);
      await s.need({ cases: ['caso-prueba'] });
      expect(store.getState().loaded.cases.get('caso-prueba')?.steps).toBeDefined();
      expect(store.getState().loaded.clinics.get('umf-prueba')?.doctors.length).toBeGreaterThan(0);
    });
  });

  it('loads once, and can try again after the sources failed to arrive', async () => {
    const store = createLibraryStore();
    const failing = vi.fn(() => Promise.reject(new Error('offline')));
    await store.getState().load(failing);
    expect(store.getState().status).toBe('failed');
    await store.getState().need({ cases: ['caso-a'] });
    const { source } = fakeSource();
    const working = vi.fn(() => Promise.resolve(source));
    await store.getState().load(working);
    await store.getState().load(working);
    expect(working).toHaveBeenCalledTimes(1);
    expect(store.getState().status).toBe('ready');
  });
});
