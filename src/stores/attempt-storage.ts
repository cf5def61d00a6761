/**
 * The attempts' storage: a small interface with an IndexedDB version (the app) and an in-memory one
 * (tests, and the fallback when IndexedDB is refused). Values that fail validation are moved to a
 * "set aside" area instead of being dropped or crashing the page, so nothing is lost silently.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { readAttempt, type AttemptRecord } from './attempt-record';

/** A stored value that could not be read, kept apart with the reason. */
export interface SetAsideAttempt {
  key: string;
  value: unknown;
  reason: string;
}

/** What loading found: the valid attempts and what was set aside this time. */
export interface AttemptLoad {
  records: AttemptRecord[];
  setAside: SetAsideAttempt[];
}

/** Where attempts live. Every method may reject (quota, private window, blocked database). */
export interface AttemptStorage {
  /** Reads every attempt; invalid ones are moved aside and reported. */
  loadAll(): Promise<AttemptLoad>;
  put(record: AttemptRecord): Promise<void>;
  remove(id: string): Promise<void>;
}

/** Splits raw stored values into valid records and set-aside ones. */
export function sortStored(entries: ReadonlyArray<{ key: string; value: unknown }>): AttemptLoad {
  const records: AttemptRecord[] = [];
  const setAside: SetAsideAttempt[] = [];
  for (const { key, value } of entries) {
    const read = readAttempt(value);
    if (read.ok && read.record.id === key) records.push(read.record);
    else setAside.push({ key, value, reason: read.ok ? `key "${key}" does not match id "${read.record.id}"` : read.reason });
  }
  return { records, setAside };
}

/** Options of the in-memory storage, for tests of failure handling. */
export interface MemoryStorageOptions {
  /** Raw values already stored, by key (may be invalid on purpose). */
  initial?: Record<string, unknown>;
  /** Makes writes fail like a full quota. */
  failWrites?: boolean;
  /** Makes loading fail like a refused database. */
  failLoad?: boolean;
}

/** An in-memory AttemptStorage; `data` and `aside` are exposed for assertions. */
export function memoryAttemptStorage(opts: MemoryStorageOptions = {}): AttemptStorage & {
  data: Map<string, unknown>;
  aside: SetAsideAttempt[];
  failWrites: boolean;
} {
  const data = new Map<string, unknown>(Object.entries(opts.initial ?? {}));
  const aside: SetAsideAttempt[] = [];
  const storage = {
    data,
    aside,
    failWrites: opts.failWrites ?? false,
    loadAll() {
      if (opts.failLoad) return Promise.reject(new DOMException('The database could not be opened', 'InvalidStateError'));
      const load = sortStored([...data].map(([key, value]) => ({ key, value })));
      for (const item of load.setAside) {
        aside.push(item);
        data.delete(item.key);
      }
      return Promise.resolve(load);
    },
    put(record: AttemptRecord) {
      if (storage.failWrites) return Promise.reject(new DOMException('Quota exceeded', 'QuotaExceededError'));
      data.set(record.id, structuredClone(record));
      return Promise.resolve();
    },
    remove(id: string) {
      data.delete(id);
      return Promise.resolve();
    },
  };
  return storage;
}

interface AttemptDB extends DBSchema {
  attempts: { key: string; value: unknown };
  'set-aside': { key: string; value: SetAsideAttempt & { at: string } };
}

/** Name of the IndexedDB database. */
export const DB_NAME = 'mesa-clinica';
const DB_VERSION = 1;

/** The IndexedDB storage. Opening is lazy so a refused database surfaces as a rejected call. */
export function indexedDbAttemptStorage(name = DB_NAME): AttemptStorage {
  let db: Promise<IDBPDatabase<AttemptDB>> | null = null;
  const open = () =>
    (db ??= openDB<AttemptDB>(name, DB_VERSION, {
      upgrade(database) {
        // Out-of-line keys: a corrupted value still has its key, so it can be moved aside.
        if (!database.objectStoreNames.contains('attempts')) database.createObjectStore('attempts');
        if (!database.objectStoreNames.contains('set-aside')) database.createObjectStore('set-aside');
      },
    }).catch((error: unknown) => {
      db = null;
      throw error;
    }));
  return {
    async loadAll() {
      const database = await open();
      const tx = database.transaction('attempts', 'readonly');
      const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
      await tx.done;
      const load = sortStored(keys.map((key, i) => ({ key: String(key), value: values[i] })));
      if (load.setAside.length > 0) {
        const move = database.transaction(['attempts', 'set-aside'], 'readwrite');
        const at = new Date().toISOString();
        await Promise.all(
          load.setAside.flatMap((item) => [
            move.objectStore('set-aside').put({ ...item, at }, `${at}:${item.key}`),
            move.objectStore('attempts').delete(item.key),
          ]),
        );
        await move.done;
      }
      return load;
    },
    async put(record) {
      const database = await open();
      await database.put('attempts', record, record.id);
    },
    async remove(id) {
      const database = await open();
      await database.delete('attempts', id);
    },
  };
}
