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
