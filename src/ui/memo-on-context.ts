import { memo, type ComponentType } from 'react';

/**
 * A tool's panel that redraws only when the parts of the workflow context it reads (`keys`) or its
 * other props change. A tool's snapshot is a new object after every action, but the machine keeps
 * every part it did not change, so comparing the parts is enough. Callbacks passed to such a panel
 * must keep their identity (useCallback), or it redraws every time.
 */
export function memoOnContext<C, P extends { ctx: C }>(Component: ComponentType<P>, keys: ReadonlyArray<keyof C>) {
  return memo(Component, (a, b) => {
    for (const key of Object.keys(a) as Array<keyof P>) if (key !== 'ctx' && !Object.is(a[key], b[key])) return false;
    return keys.every((k) => a.ctx[k] === b.ctx[k]);
  });
}
