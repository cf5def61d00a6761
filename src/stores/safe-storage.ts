import type { PersistStorage, StorageValue } from 'zustand/middleware';

/** The part of the Web Storage API the store needs; lets tests pass an in-memory stand-in. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Returns window.localStorage, or undefined where it does not exist or access is refused. */
export const browserStorage = (): Storage | undefined => {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    // Some browsers throw on mere access when storage is disabled.
    return undefined;
  }
};

/**
 * A JSON storage for zustand's persist that never throws: a corrupted or unreadable value reads as
 * "nothing stored" (so the store keeps its defaults), and a refused write (quota, private mode)
 * leaves the in-memory state working.
 */
export const createSafeJSONStorage = <S>(
  getStorage: () => KeyValueStorage | undefined = browserStorage,
  /** Told after each write whether it was refused, so the page can say the choice will not survive a reload. */
  onWrite: (refused: boolean) => void = () => undefined,
): PersistStorage<S> => ({
  getItem: (name) => {
    try {
      const raw = getStorage()?.getItem(name);
      if (raw == null) return null;
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed !== 'object' || parsed === null || !('state' in parsed)) return null;
      return parsed as StorageValue<S>;
    } catch {
      return null;
    }
  },
  setItem: (name, value) => {
    let refused = false;
    try {
      const storage = getStorage();
      if (storage) storage.setItem(name, JSON.stringify(value));
      else refused = true;
    } catch {
      // Keep working in memory; the preference will not survive a reload, and onWrite says so.
      refused = true;
    }
    onWrite(refused);
  },
  removeItem: (name) => {
    try {
      getStorage()?.removeItem(name);
    } catch {
      // Nothing to clean up if storage is unavailable.
    }
  },
});
