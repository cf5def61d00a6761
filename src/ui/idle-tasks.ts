/** A task done in slices: each `next()` is one small piece of work, until it is done. */
export type IdleTask = Iterator<unknown, unknown>;

/** How long a slice may still start before the browser's idle period ends, in milliseconds. */
const SLICE_MARGIN = 2;

/**
 * Runs tasks in order, in slices, while the browser is idle (requestIdleCallback): each idle period
 * does slices until its deadline is near, so an input that arrives waits for one slice at most.
 * Returns a function that cancels what is left (a task under way is stopped with `return()`).
 * Where the browser has no idle callbacks (jsdom, older Safari) nothing runs: the tasks are only
 * worth doing when the page would otherwise sit idle.
 */
export function runWhenIdle(tasks: ReadonlyArray<() => IdleTask>): () => void {
  if (typeof requestIdleCallback !== 'function' || tasks.length === 0) return () => undefined;
  const queue = [...tasks];
  let current: IdleTask | null = null;
  let handle = 0;
  const work = (deadline: IdleDeadline) => {
    do {
      current ??= queue.shift()?.() ?? null;
      if (!current) return;
      if (current.next().done) current = null;
    } while (deadline.timeRemaining() > SLICE_MARGIN);
    handle = requestIdleCallback(work);
  };
  handle = requestIdleCallback(work);
  return () => {
    cancelIdleCallback(handle);
    current?.return?.();
    current = null;
    queue.length = 0;
  };
}
