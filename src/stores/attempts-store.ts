/**
 * The attempts store: every attempt in memory, mirrored to storage after each change. Memory is
 * the working copy, so a storage failure (quota, private window) never stops a run: the failure is
 * shown and the attempt can still be exported as a file.
 */
import { create } from 'zustand';
import type { AttemptRecord } from './attempt-record';
import { readAttempt } from './attempt-record';
import { indexedDbAttemptStorage, journaledAttemptStorage, type AttemptStorage, type SetAsideAttempt } from './attempt-storage';

/** Why storage is not keeping up: it could not be opened, or a write failed. */
export type StorageProblem = 'unavailable' | 'write-failed' | null;

/** State and actions of the attempts store. */
export interface AttemptsState {
  status: 'idle' | 'loading' | 'ready';
  attempts: Record<string, AttemptRecord>;
  problem: StorageProblem;
  /** What the set-aside area holds: stored values that could not be read, with the reason. */
  setAside: SetAsideAttempt[];
  /** The notice of set-aside values was closed for this visit (they stay until discarded). */
  setAsideHidden: boolean;
  /** Ids of attempts whose latest copy is only in memory (every store refused it): closing the tab would lose it. */
  unsaved: string[];
  /** Reads storage once (later calls wait for the same load). */
  init(): Promise<void>;
  /** Keeps the attempt in memory and writes it to storage. */
  save(record: AttemptRecord): Promise<void>;
  /**
   * Takes the newest copy of an attempt another tab handed over (validated: it comes from outside
   * this page), or else the newest stored copy, into memory. A copy that is not the same attempt or
   * is older than the one held (a shorter log) is ignored.
   */
  refresh(id: string, handed?: unknown): Promise<void>;
  dismissSetAside(): void;
  /** Empties the set-aside area for good (after the trainee downloaded it, or chose to). */
  discardSetAside(): Promise<void>;
  /** Swaps the storage and forgets loaded state (tests; a later init reads the new storage). */
  connect(storage: AttemptStorage): void;
}

/** Creates an attempts store over a storage; tests pass the in-memory one. */
export const createAttemptsStore = (makeStorage: () => AttemptStorage) => {
  let storage: AttemptStorage | null = null;
  let loading: Promise<void> | null = null;
  const getStorage = () => (storage ??= makeStorage());
  return create<AttemptsState>()((set, get) => ({
    status: 'idle',
    attempts: {},
    problem: null,
    setAside: [],
    setAsideHidden: false,
    unsaved: [],
    init() {
      loading ??= (async () => {
        set({ status: 'loading' });
        try {
          const { records, setAside } = await getStorage().loadAll();
          // Attempts created in memory before the load finished win over stored copies.
          const attempts = { ...Object.fromEntries(records.map((r) => [r.id, r])), ...get().attempts };
          set({ attempts, setAside, status: 'ready' });
        } catch {
          set({ problem: 'unavailable', status: 'ready' });
        }
      })();
      return loading;
    },
    async save(record) {
      // An attempt with no action yet loses nothing if the tab closes.
      const unsaved = (keep: boolean) =>
        set((s) => ({ unsaved: keep && record.log.entries.length > 0 ? [...new Set([...s.unsaved, record.id])] : s.unsaved.filter((id) => id !== record.id) }));
      set((s) => ({ attempts: { ...s.attempts, [record.id]: record } }));
      if (get().problem === 'unavailable') return unsaved(true);
      try {
        await getStorage().put(record);
        if (get().attempts[record.id] === record) unsaved(false);
        if (get().problem === 'write-failed') set({ problem: null });
      } catch (error: unknown) {
        // A copy the journal kept survives a reload even though the database refused it.
        unsaved(!(error instanceof Error && 'journaled' in error));
        set({ problem: 'write-failed' });
      }
    },
    async refresh(id, handed) {
      const read = handed === undefined ? undefined : readAttempt(handed);
      let next = read?.ok && read.record.id === id ? read.record : undefined;
      if (!next) {
        try {
          next = await getStorage().get(id);
        } catch {
          return;
        }
      }
      const held = get().attempts[id];
      if (!next || (held && next.log.entries.length < held.log.entries.length)) return;
      set((s) => ({ attempts: { ...s.attempts, [id]: next } }));
    },
    dismissSetAside: () => set({ setAsideHidden: true }),
    async discardSetAside() {
      try {
        await getStorage().discardSetAside();
        set({ setAside: [] });
      } catch {
        set({ setAsideHidden: true });
      }
    },
    connect(next) {
      storage = next;
      loading = null;
      set({ status: 'idle', attempts: {}, problem: null, setAside: [], setAsideHidden: false, unsaved: [] });
    },
  }));
};

/**
 * How long a saved attempt waits in the journal before its database write: a desk saves after every
 * action, and quick successive actions then share one write (decision 0015).
 */
export const DATABASE_WRITE_DELAY_MS = 1000;

/** The app's attempts store, over IndexedDB. */
export const useAttemptsStore = createAttemptsStore(() => journaledAttemptStorage(indexedDbAttemptStorage(), undefined, { settleMs: DATABASE_WRITE_DELAY_MS }));

/**
 * Asks the browser to confirm closing or reloading the tab while an attempt's latest actions are
 * held only in memory (both the journal and the database refused them): leaving would lose them.
 */
export function warnBeforeLeavingUnsaved(store: Pick<typeof useAttemptsStore, 'getState'>, target: Pick<Window, 'addEventListener'>): void {
  target.addEventListener('beforeunload', (event) => {
    if (store.getState().unsaved.length === 0) return;
    event.preventDefault();
  });
}

if (typeof window !== 'undefined') warnBeforeLeavingUnsaved(useAttemptsStore, window);
