import { CASE_YAML, CLINIC_YAML } from '../engine/loader-fixtures';
import { createLibraryStore } from './library-store';

describe('library store', () => {
  it('keeps valid cases and clinics, and lists files with errors', async () => {
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
    expect(s.broken.map((b) => b.path)).toEqual(['scenarios/cases/roto.yaml']);
    expect(s.broken[0]?.diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });

  it('loads once, and can try again after the sources failed to arrive', async () => {
    const store = createLibraryStore();
    const failing = vi.fn(() => Promise.reject(new Error('offline')));
    await store.getState().load(failing);
    expect(store.getState().status).toBe('failed');
    const working = vi.fn(() => Promise.resolve([{ path: 'scenarios/clinics/umf-prueba.yaml', text: CLINIC_YAML }]));
    await store.getState().load(working);
    await store.getState().load(working);
    expect(working).toHaveBeenCalledTimes(1);
    expect(store.getState().status).toBe('ready');
  });
});
