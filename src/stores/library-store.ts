/**
 * The library store: the library's catalogue (what list pages show, and the files that failed to
 * load, for the library page's notice), and the full cases, shifts and clinics loaded on demand, so
 * a desk downloads only its own case. The build precompiles the shipped library (src/app hands the
 * store a LibrarySource over Vite's virtual modules, so Vite-specific code stays in app); raw YAML
 * files (user-provided, tests) go through the engine's loader, imported only when such files come.
 * The precompiled catalogue comes without its titles and summaries: each language's arrive apart
 * (`loadTexts`) and are merged into the entries, so readers keep reading `entry.title[lang]`.
 */
import { create } from 'zustand';
import type { Lang } from '../domain/text';
import type { SourceFile } from '../engine/load/library';
import {
  catalogOf, withTexts, type BareCatalog, type BrokenFile, type CaseEntry, type CatalogTexts, type ClinicEntry, type LibraryCatalog, type ShiftEntry,
} from '../engine/load/library-index';
import type { ClinicFile, ScenarioCase, ShiftFile } from '../engine/format/scenario.schema';

export type { BrokenFile, CaseEntry, ClinicEntry, ShiftEntry };

/** A loader per document kind (undefined for an unknown id). */
export interface DocumentLoaders {
  loadCase(id: string): Promise<ScenarioCase | undefined>;
  loadShift(id: string): Promise<ShiftFile | undefined>;
  loadClinic(id: string): Promise<ClinicFile | undefined>;
}

/**
 * Where a library comes from: its catalogue and a loader per document kind. Either the catalogue has
 * every language's texts (raw YAML), or it has none and `loadTexts` brings one language's (the build's).
 */
export type LibrarySource = DocumentLoaders &
  ({ catalog: LibraryCatalog; loadTexts?: undefined } | { catalog: BareCatalog; loadTexts(lang: Lang): Promise<CatalogTexts> });

/** Where one language's catalogue texts stand; a language not listed was never asked for. */
export type TextStatus = 'loading' | 'ready' | 'failed';

/** The full documents loaded so far, by id. */
export interface LoadedDocuments {
  cases: ReadonlyMap<string, ScenarioCase>;
  clinics: ReadonlyMap<string, ClinicFile>;
  shifts: ReadonlyMap<string, ShiftFile>;
}

/** Documents a screen needs in full: a case comes with its clinic, a shift with its clinic and cases. */
export interface DocumentRequest {
  cases?: readonly string[];
  shifts?: readonly string[];
  /** Shifts without their clinic and cases: what a shift's details page shows (its cases come when its attempts are re-scored). */
  shiftsOnly?: readonly string[];
}

/** State and actions of the library store. */
export interface LibraryState {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  /** Valid cases' catalogue entries, sorted by id. */
  cases: CaseEntry[];
  /** Clinics' catalogue entries by id. */
  clinics: Record<string, ClinicEntry>;
  /** Valid shifts' catalogue entries, sorted by id. */
  shifts: ShiftEntry[];
  broken: BrokenFile[];
  /** Full documents loaded by `need`. */
  loaded: LoadedDocuments;
  /** The catalogue texts asked for, by language (a library whose catalogue has them all lists none). */
  texts: Partial<Record<Lang, TextStatus>>;
  /**
   * Loads the catalogue once; later calls wait for the same load. `read` gives the build's
   * precompiled library, or raw YAML files that the engine's loader (imported on demand) checks.
   */
  load(read: () => Promise<LibrarySource | readonly SourceFile[]>): Promise<void>;
  /**
   * Loads documents in full (after the catalogue); ids the catalogue does not list are skipped.
   * Rejects when a document's module cannot be downloaded (a later call tries again).
   */
  need(request: DocumentRequest): Promise<void>;
  /**
   * Loads one language's titles and summaries into `cases` and `shifts` (asked before the catalogue
   * arrives, they load right after it). Until they come, that language shows another's texts. Never
   * rejects: a failed download keeps the fallback, and the next call tries again.
   */
  loadTexts(lang: Lang): Promise<void>;
}

/** A LibrarySource over raw YAML files: the loader (yaml, zod, lint) is imported only now. */
export async function sourceFromFiles(files: readonly SourceFile[]): Promise<LibrarySource> {
  const { loadLibrary } = await import('../engine/load/library');
  const lib = loadLibrary(files);
  return {
    catalog: catalogOf(lib),
    loadCase: (id) => Promise.resolve(lib.cases.get(id)),
    loadShift: (id) => Promise.resolve(lib.shifts.get(id)),
    loadClinic: (id) => Promise.resolve(lib.clinics.get(id)),
  };
}

const isSource = (x: LibrarySource | readonly SourceFile[]): x is LibrarySource => !Array.isArray(x);

/** A record without a prototype: an id such as "constructor" read from a URL finds nothing. */
const recordOf = <T extends { id: string }>(list: readonly T[]): Record<string, T> => Object.assign(Object.create(null) as Record<string, T>, Object.fromEntries(list.map((x) => [x.id, x])));

const noDocuments: LoadedDocuments = { cases: new Map(), clinics: new Map(), shifts: new Map() };

/** Creates a library store (tests create their own). */
export const createLibraryStore = () => {
  let loading: Promise<void> | null = null;
  let source: LibrarySource | null = null;
  // One download per document, shared by every caller; dropped on failure so a retry downloads again.
  const pending = new Map<string, Promise<unknown>>();
  // The precompiled catalogue without texts, and the languages' texts received so far.
  let bare: BareCatalog | null = null;
  let texts: Partial<Record<Lang, CatalogTexts>> = {};
  const textLoads = new Map<Lang, Promise<void>>();
  const wanted = new Set<Lang>();

  return create<LibraryState>()((set, get) => {
    /** Loads one document once and adds it to `loaded`. */
    const fetchOne = <K extends keyof LoadedDocuments>(kind: K, id: string, read: (id: string) => Promise<unknown>): Promise<unknown> => {
      const key = `${kind}:${id}`;
      let p = pending.get(key);
      if (!p) {
        p = read(id).then(
          (doc) => {
            if (doc !== undefined) {
              const loaded = get().loaded;
              const next = new Map(loaded[kind] as ReadonlyMap<string, unknown>);
              next.set(id, doc);
              set({ loaded: { ...loaded, [kind]: next } });
            }
            return doc;
          },
          (error: unknown) => {
            pending.delete(key);
            throw error;
          },
        );
        pending.set(key, p);
      }
      return p;
    };

    /** Downloads one language's texts once and merges them into the entries; a failure is forgotten so a retry downloads again. */
    const fetchTexts = (load: (lang: Lang) => Promise<CatalogTexts>, lang: Lang): Promise<void> => {
      let p = textLoads.get(lang);
      if (!p) {
        set({ texts: { ...get().texts, [lang]: 'loading' } });
        // Through a promise, so even a loader that throws at once counts as a failed download.
        p = Promise.resolve(lang).then(load).then(
          (got) => {
            texts = { ...texts, [lang]: got };
            const status = { ...get().texts, [lang]: 'ready' as const };
            if (!bare) return set({ texts: status });
            const { cases, shifts } = withTexts(bare, texts);
            set({ cases, shifts, texts: status });
          },
          () => {
            // The other language's texts stay on show: a page never breaks for want of a translation.
            textLoads.delete(lang);
            set({ texts: { ...get().texts, [lang]: 'failed' } });
          },
        );
        textLoads.set(lang, p);
      }
      return p;
    };

    return {
      status: 'idle',
      cases: [],
      clinics: {},
      shifts: [],
      broken: [],
      loaded: noDocuments,
      texts: {},
      load(read) {
        loading ??= (async () => {
          set({ status: 'loading' });
          try {
            const got = await read();
            const from = isSource(got) ? got : await sourceFromFiles(got);
            source = from;
            let catalog: LibraryCatalog;
            if (from.loadTexts) {
              bare = from.catalog;
              catalog = withTexts(bare, texts);
            } else {
              catalog = from.catalog;
            }
            set({ status: 'ready', cases: catalog.cases, clinics: recordOf(catalog.clinics), shifts: catalog.shifts, broken: catalog.broken });
            if (from.loadTexts) for (const lang of wanted) void fetchTexts((l) => from.loadTexts(l), lang);
          } catch {
            // The catalogue could not be read (a failed chunk download): let the page offer a reload.
            loading = null;
            source = null;
            set({ status: 'failed' });
          }
        })();
        return loading;
      },
      async need(request) {
        await loading;
        const from = source;
        if (!from) return;
        const { cases, shifts } = get();
        const caseIds = new Set<string>();
        const clinicIds = new Set<string>();
        const shiftIds: string[] = [];
        for (const id of request.shifts ?? []) {
          const entry = shifts.find((s) => s.id === id);
          if (!entry) continue;
          shiftIds.push(id);
          clinicIds.add(entry.clinic);
          for (const c of entry.cases) caseIds.add(c);
        }
        for (const id of request.shiftsOnly ?? []) if (shifts.some((s) => s.id === id)) shiftIds.push(id);
        for (const id of request.cases ?? []) caseIds.add(id);
        const caseEntries = cases.filter((c) => caseIds.has(c.id));
        for (const c of caseEntries) clinicIds.add(c.clinic);
        // Every module at once: the catalogue already names each case's clinic and each shift's cases.
        await Promise.all([
          ...[...new Set(shiftIds)].map((id) => fetchOne('shifts', id, (x) => from.loadShift(x))),
          ...caseEntries.map((c) => fetchOne('cases', c.id, (x) => from.loadCase(x))),
          ...[...clinicIds].filter((id) => Object.hasOwn(get().clinics, id)).map((id) => fetchOne('clinics', id, (x) => from.loadClinic(x))),
        ]);
      },
      async loadTexts(lang) {
        wanted.add(lang);
        await loading;
        const from = source;
        if (from?.loadTexts) await fetchTexts((l) => from.loadTexts(l), lang);
      },
    };
  });
};

/** The app's library store. */
export const useLibraryStore = createLibraryStore();
