/**
 * Timing for writes that wait for the frame: a desk saves its attempt once the action's result is on
 * screen, so scoring the run and copying the record into IndexedDB never delay the answer; a pending
 * write is done at once when the page is hidden or left. The desk's run store (stores/run-store.ts)
 * keeps the pending write; these are the browser's parts of it.
 */

/** Calls `fn` when the browser is idle after the coming frame (at the latest after `timeout` ms); returns a cancel function. */
export function afterNextPaint(fn: () => void, timeout = 100): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(fn, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(fn, 0);
  return () => clearTimeout(handle);
}

/** Calls `fn` when the page is hidden or left (reload, tab closed); returns the unsubscribe function. */
export function onPageLeave(fn: () => void): () => void {
  const onHide = () => {
    if (document.visibilityState === 'hidden') fn();
  };
  addEventListener('pagehide', fn);
  document.addEventListener('visibilitychange', onHide);
  return () => {
    removeEventListener('pagehide', fn);
    document.removeEventListener('visibilitychange', onHide);
  };
}
