/**
 * A desk's run store (stores/run-store.ts) for as long as the desk shows the attempt: made when the
 * attempt (or what it is played on) changes, or when this tab takes it over from another one, and
 * stopped when the desk goes away. The tab's claim decides whether the store may act. Typed by
 * structure, so ui does not import stores.
 */
import { useEffect, useRef, useState } from 'react';
import { runWhenIdle } from './idle-tasks';
import { afterThisFrame } from './update-mark';
import { useTabOwnership, type TabClaim } from './use-tab-ownership';
import { afterNextPaint, onPageLeave } from './write-after-paint';

/** The browser's timing for a run store: the frame, the paint, idle time, leaving, the wall clock. */
export const browserTiming = {
  afterFrame: afterThisFrame,
  afterPaint: (fn: () => void) => afterNextPaint(fn),
  whenIdle: runWhenIdle,
  onLeave: onPageLeave,
  now: () => new Date().toISOString(),
};

/** The part of a run store a desk's life needs. */
export interface DeskStore<R> {
  start: () => Promise<void>;
  stop: () => void;
  setOwner: (owner: boolean) => void;
  receive: (record: R) => void;
  flush: () => void;
  record: () => R;
}

/**
 * The store `create` makes from the newest record (null until the first effect), and the tab's
 * claim on the attempt. `deps` rebuild it (the case, the shift, the library); a saved record coming
 * back does not. `received` stores the copy another tab handed over.
 */
export function useDeskStore<R extends { id: string }, S extends DeskStore<R>>(
  record: R | undefined,
  create: (record: R) => S | null,
  deps: ReadonlyArray<unknown>,
  received: (id: string, copy: unknown) => Promise<void> | void,
): { store: S | null; claim: TabClaim } {
  const [store, setStore] = useState<S | null>(null);
  const latest = useRef({ record, create, owner: false });
  const live = useRef<S | null>(null);
  const id = record?.id;
  const claim = useTabOwnership(
    id === undefined ? undefined : `attempt:${id}`,
    () => {
      live.current?.flush();
      return live.current?.record() ?? latest.current.record;
    },
    (copy) => (id === undefined ? undefined : received(id, copy)),
  );
  const owner = claim.state === 'owner';
  const { revision } = claim;
  // Before the effects below, which read the newest record.
  useEffect(() => {
    latest.current = { record, create, owner };
    if (record) live.current?.receive(record);
  });

  useEffect(() => {
    const start = latest.current.record;
    if (!start) return;
    const made = latest.current.create(start);
    if (!made) return;
    made.setOwner(latest.current.owner);
    live.current = made;
    setStore(made);
    void made.start();
    return () => {
      made.stop();
      if (live.current === made) live.current = null;
    };
    // `revision`: taken over from another tab, the run restarts from the copy it handed over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, revision, ...deps]);
  useEffect(() => {
    store?.setOwner(owner);
  }, [store, owner]);
  return { store: store && store.record().id === id ? store : null, claim };
}
