/**
 * Runs small tasks one per idle period of the browser (requestIdleCallback), in order, and returns
 * a function that cancels the rest. Where the browser has no idle callbacks (jsdom, older Safari)
 * nothing runs: the tasks are only ever worth doing when the page would otherwise sit idle.
 */
export function runWhenIdle(tasks: ReadonlyArray<() => void>): () => void {
  if (typeof requestIdleCallback !== 'function' || tasks.length === 0) return () => undefined;
  const queue = [...tasks];
  let handle = 0;
  const next = () => {
    queue.shift()?.();
    if (queue.length > 0) handle = requestIdleCallback(next);
  };
  handle = requestIdleCallback(next);
  return () => cancelIdleCallback(handle);
}
