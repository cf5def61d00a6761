/**
 * The acknowledgement of an action, shown on the frame right after the input.
 *
 * The desks apply an accepted action's new view in a React transition after the input's frame: the
 * engine decides at once (the handler still returns its result), and the view redraws in the frames
 * after. Until that redraw is committed, the desk's root is `aria-busy="true"`, which shows the desk's
 * update bar (update-bar.tsx) and tells assistive technology the desk is updating. The attribute is
 * set on the DOM directly, without a React render, so the input's own frame costs the browser almost
 * nothing; it is cleared by the commit that shows the result (a layout effect on the run's state,
 * which every accepted action replaces). See docs/decisions/0014-acknowledge-then-redraw.md.
 */
import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';

/** The desk's root element and the function that marks it as updating. */
export interface UpdateMark {
  /** Attach to the desk's root element. */
  root: RefObject<HTMLElement | null>;
  /** Marks the root busy until the next commit of `committed`. */
  mark: () => void;
}

/** Marks a desk as updating from an action until `committed` (the run's state) changes and is drawn. */
export function useUpdateMark(committed: unknown): UpdateMark {
  const root = useRef<HTMLElement | null>(null);
  const mark = useCallback(() => root.current?.setAttribute('aria-busy', 'true'), []);
  useLayoutEffect(() => {
    root.current?.removeAttribute('aria-busy');
  }, [committed]);
  return { root, mark };
}

/** Functions waiting for the coming frame to be painted, run together in one task. */
let waiting: Array<() => void> | null = null;

/**
 * Runs `fn` in a task after the coming frame is painted (a requestAnimationFrame, then a timeout):
 * React work started there cannot hold back the frame that shows the acknowledgement. Everything
 * asked for before that frame runs in the same task, in order, so the updates it starts in
 * transitions (the desk's new view, a tool's own state that goes with it) are drawn together.
 */
export function afterThisFrame(fn: () => void): void {
  if (waiting) {
    waiting.push(fn);
    return;
  }
  waiting = [fn];
  requestAnimationFrame(() =>
    setTimeout(() => {
      const due = waiting ?? [];
      waiting = null;
      for (const run of due) run();
    }, 0),
  );
}
