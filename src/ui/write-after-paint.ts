/**
 * Writes that wait for the frame: a desk saves its attempt once the action's result is on screen, so
 * scoring the run and copying the record into IndexedDB never delay the answer. Quick successive
 * actions share one write (the latest); a pending write is done at once when the page is hidden or
 * left (reload, tab closed, another route), when the desk goes away, or when another run's write
 * replaces it.
 */
import { useCallback, useEffect, useRef } from 'react';

/** Calls `fn` when the browser is idle after the coming frame (at the latest after `timeout` ms); returns a cancel function. */
export function afterNextPaint(fn: () => void, timeout = 100): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(fn, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(fn, 0);
  return () => clearTimeout(handle);
}

/** A write waiting for the frame, and what it writes for. */
interface Pending {
  key: unknown;
  write: () => void;
  cancel: () => void;
}

/** `schedule(key, write)` queues a write for after the frame; `flush()` does a pending one now. */
export interface WriteAfterPaint {
  schedule: (key: unknown, write: () => void) => void;
  flush: () => void;
}

/** One pending write at a time, for a desk's runs (`key`: the run it is for). */
export function useWriteAfterPaint(): WriteAfterPaint {
  const pending = useRef<Pending | null>(null);

  const flush = useCallback(() => {
    const due = pending.current;
    if (!due) return;
    pending.current = null;
    due.cancel();
    due.write();
  }, []);

  const schedule = useCallback(
    (key: unknown, write: () => void) => {
      const due = pending.current;
      if (due && due.key === key) {
        due.write = write;
        return;
      }
      flush();
      pending.current = { key, write, cancel: afterNextPaint(flush) };
    },
    [flush],
  );

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, [flush]);

  return { schedule, flush };
}

/** An attempt's record as a desk keeps it between saves, and the ways to save it. */
export interface RecordSaves<R> {
  /** The newest record: the one last saved, or the one the page passed in. */
  current: () => R | undefined;
  /**
   * Saves after the frame the record `next` builds from the current one and the time of the action
   * (taken now). Writes for the same `key` (the run) before the frame share one save, the latest.
   */
  saveAfterPaint: (key: unknown, next: (base: R, at: string) => R) => void;
  /**
   * Saves now the record `next` builds from the current one. A save still waiting for the frame is
   * done first, and `next` builds on the record it saved.
   */
  saveNow: (next: (base: R) => R) => void;
  /** Does a save still waiting for the frame now. */
  flush: () => void;
}

/**
 * Keeps a desk's attempt record and saves it after each accepted action, once the action's frame is
 * painted (useWriteAfterPaint). `latest` is the record the page has; a saved record replaces it here
 * at once, so the next action builds on it even before the page sees it.
 */
export function useRecordSaves<R extends { id: string }>(latest: R | undefined, save: (record: R) => void): RecordSaves<R> {
  const record = useRef(latest);
  const saveRef = useRef(save);
  // Before the caller's own effects, which read the current record.
  useEffect(() => {
    record.current = latest;
    saveRef.current = save;
  });
  const { schedule, flush } = useWriteAfterPaint();
  const saveAfterPaint = useCallback(
    (key: unknown, next: (base: R, at: string) => R) => {
      const base = record.current;
      if (!base) return;
      const at = new Date().toISOString();
      schedule(key, () => {
        const built = next(base, at);
        if (record.current?.id === built.id) record.current = built;
        saveRef.current(built);
      });
    },
    [schedule],
  );
  const saveNow = useCallback(
    (next: (base: R) => R) => {
      flush();
      const base = record.current;
      if (!base) return;
      const built = next(base);
      record.current = built;
      saveRef.current(built);
    },
    [flush],
  );
  const current = useCallback(() => record.current, []);
  return { current, saveAfterPaint, saveNow, flush };
}
