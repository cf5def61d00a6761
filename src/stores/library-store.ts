/**
 * The library store: the scenario library loaded once per page (scenario files reach it through a
 * loader function that src/app provides, so Vite-specific code stays in app), and the files that
 * failed to load, for the library page's notice.
 */
import { create } from 'zustand';
import { hasErrors, type Diagnostic } from '../engine/diagnostics';
import { loadLibrary, type SourceFile } from '../engine/library';
import type { ClinicFile, ScenarioCase, ShiftFile } from '../engine/scenario.schema';

/** A file that did not load, with its errors. */
export interface BrokenFile {
  path: string;
  diagnostics: Diagnostic[];
}

/** State and actions of the library store. */
export interface LibraryState {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  /** Valid cases, sorted by id. */
  cases: ScenarioCase[];
  clinics: Record<string, ClinicFile>;
  /** Valid shifts, sorted by id. */
  shifts: ShiftFile[];
  broken: BrokenFile[];
  /** Loads the library once; later calls wait for the same load. */
  load(readSources: () => Promise<SourceFile[]>): Promise<void>;
}

/** Creates a library store (tests create their own). */
export const createLibraryStore = () => {
  let loading: Promise<void> | null = null;
  return create<LibraryState>()((set) => ({
    status: 'idle',
    cases: [],
    clinics: {},
    shifts: [],
    broken: [],
    load(readSources) {
      loading ??= (async () => {
        set({ status: 'loading' });
        try {
          const library = loadLibrary(await readSources());
          set({
            status: 'ready',
            cases: [...library.cases.values()].sort((a, b) => a.id.localeCompare(b.id)),
            clinics: Object.fromEntries(library.clinics),
            shifts: [...library.shifts.values()].sort((a, b) => a.id.localeCompare(b.id)),
            broken: library.files.filter((f) => hasErrors(f.diagnostics)).map((f) => ({ path: f.path, diagnostics: f.diagnostics.filter((d) => d.severity === 'error') })),
          });
        } catch {
          // The sources themselves could not be read (a failed chunk download): let the page offer a reload.
          loading = null;
          set({ status: 'failed' });
        }
      })();
      return loading;
    },
  }));
};

/** The app's library store. */
export const useLibraryStore = createLibraryStore();
