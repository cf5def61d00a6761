/**
 * The attempts' storage: a small interface with an IndexedDB version (the app) and an in-memory one
 * (tests, and the fallback when IndexedDB is refused). Values that fail validation are moved to a
 * "set aside" area instead of being dropped or crashing the page, so nothing is lost silently.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { readAttempt, type AttemptRecord } from './attempt-record';
import type { PersistedLog } from '../engine/format/log';
import { browserStorage } from './safe-storage';

/** A stored value that could not be read, kept apart with the reason. */
export interface SetAsideAttempt {
  key: string;
  value: unknown;
  reason: string;
}

/** What loading found: the valid attempts, and everything kept in the set-aside area (this load's and earlier ones not yet discarded). */
export interface AttemptLoad {
  records: AttemptRecord[];
  setAside: SetAsideAttempt[];
}

/** Where attempts live. Every method may reject (quota, private window, blocked database). */
export interface AttemptStorage {
  /** Reads every attempt; invalid ones are moved aside (once: they leave the attempts) and reported. */
  loadAll(): Promise<AttemptLoad>;
  /** The stored copy of one attempt, or undefined (a tab taking an attempt over reads the newest copy). */
  get(id: string): Promise<AttemptRecord | undefined>;
  put(record: AttemptRecord): Promise<void>;
  remove(id: string): Promise<void>;
  /** Adds values to the set-aside area (a journal copy that lost to the stored one). */
  setAside(items: readonly SetAsideAttempt[]): Promise<void>;
  /** Empties the set-aside area (the trainee downloaded or gave up what was in it). */
  discardSetAside(): Promise<void>;
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
      return Promise.resolve({ records: load.records, setAside: [...aside] });
    },
    get(id: string) {
      const read = readAttempt(data.get(id));
      return Promise.resolve(read.ok ? read.record : undefined);
    },
    setAside(items: readonly SetAsideAttempt[]) {
      aside.push(...items);
      return Promise.resolve();
    },
    discardSetAside() {
      aside.length = 0;
      return Promise.resolve();
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
  // Keys are strings as the app writes them; a hand-edited database may hold others (numbers, dates).
  attempts: { key: IDBValidKey; value: unknown };
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
  const keep = async (items: readonly SetAsideAttempt[], remove: readonly IDBValidKey[] = []) => {
    if (items.length === 0) return;
    const database = await open();
    const move = database.transaction(['attempts', 'set-aside'], 'readwrite');
    const at = new Date().toISOString();
    await Promise.all([
      ...items.map((item, i) => move.objectStore('set-aside').put({ ...item, at }, `${at}:${i}:${item.key}`)),
      // By the key as stored: a record under the number 5 is not deleted by the string "5".
      ...remove.map((key) => move.objectStore('attempts').delete(key)),
    ]);
    await move.done;
  };
  return {
    async loadAll() {
      const database = await open();
      const tx = database.transaction('attempts', 'readonly');
      const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
      await tx.done;
      const records: AttemptRecord[] = [];
      const moved: SetAsideAttempt[] = [];
      const movedKeys: IDBValidKey[] = [];
      keys.forEach((key, i) => {
        const sorted = typeof key === 'string' ? sortStored([{ key, value: values[i] }]) : { records: [], setAside: [{ key: String(key), value: values[i], reason: `key ${String(key)} is not a string` }] };
        records.push(...sorted.records);
        if (sorted.setAside.length > 0) {
          moved.push(...sorted.setAside);
          movedKeys.push(key);
        }
      });
      await keep(moved, movedKeys);
      const aside = await database.getAll('set-aside');
      return { records, setAside: aside.map(({ key, value, reason }) => ({ key, value, reason })) };
    },
    async get(id) {
      const database = await open();
      const read = readAttempt(await database.get('attempts', id));
      return read.ok && read.record.id === id ? read.record : undefined;
    },
    setAside: (items) => keep(items),
    async discardSetAside() {
      const database = await open();
      await database.clear('set-aside');
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
      const lost: SetAsideAttempt[] = [];
      const lostKeys: string[] = [];
      for (const { key, value } of readJournal()) {
        const id = key.slice(JOURNAL_PREFIX.length);
        const sorted = sortStored([{ key: id, value }]);
        const record = sorted.records[0];
        const verdict = record ? journalVerdict(byId.get(id), record) : { aside: `unsaved copy: ${sorted.setAside[0]?.reason ?? 'invalid'}` };
        if (verdict === 'drop') drop(key);
        else if (verdict === 'take' && record) {
          byId.set(id, record);
          try {
            await inner.put(record);
            drop(key);
          } catch {
            // Keep the journal copy: the next load tries again.
          }
        } else if (typeof verdict === 'object') {
          lost.push({ key, value, reason: verdict.aside });
          lostKeys.push(key);
        }
      }
      if (lost.length > 0) {
        try {
          await inner.setAside(lost);
          lostKeys.forEach(drop);
        } catch {
          // Kept in the journal, so it is not lost: the next load sets it aside again.
        }
        load.setAside.push(...lost);
      }
      return { records: [...byId.values()], setAside: load.setAside };
    },
    async get(id) {
      const stored = await inner.get(id);
      const raw = readJournal().find((j) => j.key === JOURNAL_PREFIX + id);
      const read = raw ? readAttempt(raw.value) : undefined;
      if (!read?.ok || read.record.id !== id) return stored;
      return journalVerdict(stored, read.record) === 'take' ? read.record : stored;
    },
    setAside: (items) => inner.setAside(items),
    discardSetAside: () => inner.discardSetAside(),
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
      const wait = async (written: Promise<void>) => {
        try {
          await written;
        } catch (error: unknown) {
          // The journal still holds this copy, so a reload keeps it: the caller may say so.
          if (text !== null && journal()?.getItem(key) === text) throw Object.assign(new Error('kept in the journal only', { cause: error }), { journaled: true });
          throw error;
        }
      };
      if (due) {
        // A database write for this attempt is already waiting: it writes this newer copy instead.
        due.record = record;
        if (text === null) due.hurry();
        await wait(due.written);
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
        await wait(waiting.written);
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

/** True when `a`'s log is `b`'s or the start of it (same case, seed and mode, same first entries). */
export function logStartsWith(b: PersistedLog, a: PersistedLog): boolean {
  if (a.scenarioId !== b.scenarioId || a.seed !== b.seed || a.mode !== b.mode || a.entries.length > b.entries.length) return false;
  return a.entries.every((entry, i) => JSON.stringify(entry) === JSON.stringify(b.entries[i]));
}

/**
 * What a load does with a journal copy of an attempt, given the stored copy: take it (it extends the
 * stored log, or is newer by a valid timestamp), drop it (the stored copy already holds all of it),
 * or set it aside with the reason (it would replace a finished attempt with an unfinished one, or it
 * is an older copy whose log went another way). Dates were validated by readAttempt.
 */
export function journalVerdict(stored: AttemptRecord | undefined, copy: AttemptRecord): 'take' | 'drop' | { aside: string } {
  if (!stored) return 'take';
  if (stored.summary.finished && !copy.summary.finished) {
    return logStartsWith(stored.log, copy.log) ? 'drop' : { aside: 'unsaved copy: would replace a finished attempt with an unfinished one' };
  }
  const newer = Date.parse(copy.updatedAt) > Date.parse(stored.updatedAt);
  const longer = copy.log.entries.length > stored.log.entries.length;
  // The same log is taken only as a later save of it (a shift's pace); a shorter one holds nothing new.
  if (logStartsWith(copy.log, stored.log)) return longer || newer ? 'take' : 'drop';
  if (logStartsWith(stored.log, copy.log)) return 'drop';
  return newer ? 'take' : { aside: 'unsaved copy: older than the stored attempt, and its log went another way' };
}
