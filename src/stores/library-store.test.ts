import type { LibraryCatalog } from '../engine/library-catalog';
import { CASE_YAML, CLINIC_YAML } from '../engine/loader-fixtures';
import type { ClinicFile, ScenarioCase, ShiftFile } from '../engine/scenario.schema';
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
      const s = store.getState();
      expect(s.status).toBe('ready');
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
