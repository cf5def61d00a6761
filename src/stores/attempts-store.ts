/**
 * The attempts store: every attempt in memory, mirrored to storage after each change. Memory is
 * the working copy, so a storage failure (quota, private window) never stops a run: the failure is
 * shown and the attempt can still be exported as a file.
 */
import { create } from 'zustand';
import type { AttemptRecord } from './attempt-record';
import { indexedDbAttemptStorage, journaledAttemptStorage, type AttemptStorage } from './attempt-storage';

/** Why storage is not keeping up: it could not be opened, or a write failed. */
export type StorageProblem = 'unavailable' | 'write-failed' | null;

/** State and actions of the attempts store. */
export interface AttemptsState {
  status: 'idle' | 'loading' | 'ready';
  attempts: Record<string, AttemptRecord>;
  problem: StorageProblem;
  /** Stored attempts that could not be read on load and were set aside. */
  setAside: number;
  /** Reads storage once (later calls wait for the same load). */
  init(): Promise<void>;
  /** Keeps the attempt in memory and writes it to storage. */
  save(record: AttemptRecord): Promise<void>;
  dismissSetAside(): void;
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
    setAside: 0,
    init() {
      loading ??= (async () => {
        set({ status: 'loading' });
        try {
          const { records, setAside } = await getStorage().loadAll();
          // Attempts created in memory before the load finished win over stored copies.
          const attempts = { ...Object.fromEntries(records.map((r) => [r.id, r])), ...get().attempts };
          set({ attempts, setAside: setAside.length, status: 'ready' });
        } catch {
          set({ problem: 'unavailable', status: 'ready' });
        }
      })();
      return loading;
    },
    async save(record) {
      set((s) => ({ attempts: { ...s.attempts, [record.id]: record } }));
      if (get().problem === 'unavailable') return;
      try {
        await getStorage().put(record);
        if (get().problem === 'write-failed') set({ problem: null });
      } catch {
        set({ problem: 'write-failed' });
      }
    },
    dismissSetAside: () => set({ setAside: 0 }),
    connect(next) {
      storage = next;
      loading = null;
      set({ status: 'idle', attempts: {}, problem: null, setAside: 0 });
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
