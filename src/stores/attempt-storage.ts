/**
 * The attempts' storage: a small interface with an IndexedDB version (the app) and an in-memory one
 * (tests, and the fallback when IndexedDB is refused). Values that fail validation are moved to a
 * "set aside" area instead of being dropped or crashing the page, so nothing is lost silently.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { readAttempt, type AttemptRecord } from './attempt-record';
import { browserStorage } from './safe-storage';

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

/** The part of Web Storage the journal needs (enumeration included); tests pass a stand-in. */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** Prefix of the journal's keys in Web Storage. */
export const JOURNAL_PREFIX = 'mesa-clinica:unsaved:';

/**
 * Wraps a storage with a synchronous journal in Web Storage. IndexedDB writes are asynchronous, so
 * an action saved just before a reload or a closed tab could be lost with the page; each record is
 * therefore also written synchronously to the journal, and removed from it once the real write is
 * done. Loading replays what the journal still holds (the newer copy wins, and is written through),
 * so the last action survives. A journal entry that fails validation is set aside like any other.
 *
 * Because the journal holds the newest copy, the database write can wait: it is done in a task of its
 * own, `settleMs` after the first unwritten copy, and writes only the newest copy of the attempt by
 * then (quick successive actions share one database write). A desk saves after every action, and a
 * database write costs several milliseconds of the page's time on a slow machine (decision 0015).
 * When the journal refuses a copy, that copy is written to the database in the next task.
 */
export function journaledAttemptStorage(
  inner: AttemptStorage,
  getJournal: () => JournalStorage | undefined = browserStorage,
  { settleMs = 0 }: { settleMs?: number } = {},
): AttemptStorage {
  const journal = () => {
    try {
      return getJournal();
    } catch {
      return undefined;
    }
  };
  const drop = (key: string) => {
    try {
      journal()?.removeItem(key);
    } catch {
      // Nothing to clean where storage is refused.
    }
  };
  const readJournal = (): Array<{ key: string; value: unknown }> => {
    const store = journal();
    if (!store) return [];
    const found: Array<{ key: string; value: unknown }> = [];
    try {
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i);
        if (key?.startsWith(JOURNAL_PREFIX)) found.push({ key, value: store.getItem(key) });
      }
    } catch {
      return found;
    }
    return found.map(({ key, value }) => {
      try {
        return { key, value: JSON.parse(String(value)) as unknown };
      } catch {
        return { key, value };
      }
    });
  };
  /** Database writes waiting to be done, by attempt id: the newest copy of each. */
  interface Unwritten {
    record: AttemptRecord;
    written: Promise<void>;
    hurry: () => void;
    /** The attempt was removed before its write was done: the write is dropped. */
    dropped?: true;
  }
  const unwritten = new Map<string, Unwritten>();
  return {
    async loadAll() {
      const load = await inner.loadAll();
      const byId = new Map(load.records.map((r) => [r.id, r]));
      for (const { key, value } of readJournal()) {
        const id = key.slice(JOURNAL_PREFIX.length);
        const sorted = sortStored([{ key: id, value }]);
        const record = sorted.records[0];
        if (!record) {
          load.setAside.push(...sorted.setAside.map((s) => ({ ...s, key, reason: `unsaved copy: ${s.reason}` })));
          drop(key);
          continue;
        }
        const stored = byId.get(id);
        if (!stored || record.updatedAt > stored.updatedAt || record.log.entries.length > stored.log.entries.length) {
          byId.set(id, record);
          try {
            await inner.put(record);
            drop(key);
          } catch {
            // Keep the journal copy: the next load tries again.
          }
        } else drop(key);
      }
      return { records: [...byId.values()], setAside: load.setAside };
    },
    async put(record) {
      const key = JOURNAL_PREFIX + record.id;
      let text: string | null = null;
      try {
        text = JSON.stringify(record);
        journal()?.setItem(key, text);
      } catch {
        text = null; // Journal full or refused: the real write below still runs.
      }
      const due = unwritten.get(record.id);
      if (due) {
        // A database write for this attempt is already waiting: it writes this newer copy instead.
        due.record = record;
        if (text === null) due.hurry();
        await due.written;
      } else {
        let hurry = () => undefined as void;
        const settled = new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, text === null ? 0 : settleMs);
          hurry = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        const waiting: Unwritten = {
          record,
          hurry,
          written: settled.then(() => {
            if (waiting.dropped) return;
            unwritten.delete(record.id);
            return inner.put(waiting.record);
          }),
        };
        unwritten.set(record.id, waiting);
        await waiting.written;
      }
      // Only clear the entry this write journaled, not a newer one written meanwhile.
      try {
        if (text !== null && journal()?.getItem(key) === text) drop(key);
      } catch {
        // Left for the next load, which sees the stored copy is as new and drops it.
      }
    },
    async remove(id) {
      const due = unwritten.get(id);
      if (due) {
        unwritten.delete(id);
        due.dropped = true;
        due.hurry();
      }
      drop(JOURNAL_PREFIX + id);
      await inner.remove(id);
    },
  };
}
