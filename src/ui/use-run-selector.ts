/**
 * Reads a slice of an external store (a desk's run store, stores/run-store.ts) with
 * useSyncExternalStore: the component redraws only when its slice changes (`equal`, Object.is by
 * default), as XState's useSelector does. Typed by structure, so ui does not import stores.
 */
import { useCallback, useEffect, useRef, useSyncExternalStore, type RefObject } from 'react';
import { useUpdateMark } from './update-mark';

/** What the hook reads: a snapshot and a way to hear that it changed. */
export interface ExternalSource<S> {
  getSnapshot: () => S;
  subscribe: (listener: () => void) => () => void;
}

/** A source that also says when an accepted action starts (before any render). */
export interface BusySource<S> extends ExternalSource<S> {
  onBusy: (listener: () => void) => () => void;
}

/** The slice `selector` takes of the source's snapshot, kept while `equal` says it did not change. */
export function useRunSelector<S, T>(source: ExternalSource<S>, selector: (snapshot: S) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const last = useRef<{ snapshot: S; selector: (snapshot: S) => T; slice: T } | null>(null);
  const select = useCallback(() => {
    const snapshot = source.getSnapshot();
    const held = last.current;
    if (held && held.snapshot === snapshot && held.selector === selector) return held.slice;
    const slice = selector(snapshot);
    if (held && equal(held.slice, slice)) {
      last.current = { snapshot, selector, slice: held.slice };
      return held.slice;
    }
    last.current = { snapshot, selector, slice };
    return slice;
  }, [source, selector, equal]);
  return useSyncExternalStore(source.subscribe, select, select);
}

/**
 * The desk's root element, marked busy (ui/update-mark.ts) from an accepted action's input until the
 * commit that draws the source's next snapshot.
 */
export function useBusyRoot<S>(source: BusySource<S>): RefObject<HTMLElement | null> {
  const snapshot = useSyncExternalStore(source.subscribe, source.getSnapshot, source.getSnapshot);
  const { root, mark } = useUpdateMark(snapshot);
  useEffect(() => source.onBusy(mark), [source, mark]);
  return root;
}
