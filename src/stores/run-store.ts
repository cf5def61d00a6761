/**
 * One run store per desk: the live run of an attempt (a case or a shift) behind getSnapshot,
 * subscribe and dispatch, with no React. It prepares the attempt and replays its stored log (a
 * reload resumes where it was), warms the engine up while idle, and on an accepted change marks
 * the desk busy at once, publishes the new view after the input's frame, and saves the record after
 * that frame is painted (quick changes share one save). The browser's timing comes in as
 * `timing` (ui/update-mark.ts, ui/write-after-paint.ts, ui/idle-tasks.ts), so tests can drive it.
 * See docs/decisions/0022-one-run-store-per-desk.md.
 */
import type { LocalizedText } from '../domain/text';
import type { SendResult } from '../engine/run/run';

/** A record a store keeps and saves: an attempt. */
export interface StoredRecord {
  id: string;
}

/** What the store publishes: loading, failed (and why), or ready with the desk's view. */
export type RunSnapshot<V> = { state: 'loading' } | { state: 'failed'; reason: LocalizedText } | { state: 'ready'; view: V };

/** A slice of work done in idle time (ui/idle-tasks.ts's IdleTask). */
export type WarmUpTask = () => Iterator<unknown, unknown>;

/** The browser's timing, handed in by the desk. */
export interface RunTiming {
  /** Runs `fn` after the coming frame is painted; everything asked before that frame runs in one task. */
  afterFrame: (fn: () => void) => void;
  /** Runs `fn` when idle after the frame; returns a cancel function. */
  afterPaint: (fn: () => void) => () => void;
  /** Runs the tasks in idle time; returns a cancel function. */
  whenIdle: (tasks: ReadonlyArray<WarmUpTask>) => () => void;
  /** Calls `fn` when the page is hidden or left; returns the unsubscribe function. */
  onLeave: (fn: () => void) => () => void;
  /** The wall clock, as an ISO string (the time an action was taken). */
  now: () => string;
}

/** A live run as the store needs it. */
export interface LiveRun {
  stop(): void;
}

/** What a desk tells its store. */
export interface RunStoreOptions<P, L extends LiveRun, V, R extends StoredRecord> {
  /** The attempt as stored when the desk opened (or was taken over). */
  record: R;
  /** Prepares the case or shift for the record's seed. */
  prepare: (record: R) => Promise<P>;
  /** Replays the record's log on the prepared attempt. */
  replay: (prepared: P, record: R) => { ok: true; run: L } | { ok: false; reason: LocalizedText };
  /** The desk's view of the live run now (taken after each accepted change). */
  present: (run: L, prepared: P, record: R) => V;
  /** The record after accepted changes: new log and summary, `at` the time of the action. */
  recordAfter: (record: R, run: L, at: string) => R;
  save: (record: R) => void;
  /** Scratch runs to do while idle, so the engine's code is optimised before the first click. */
  warmUp?: (prepared: P) => ReadonlyArray<WarmUpTask>;
  timing: RunTiming;
  /** Answered while the store may not act (another tab owns the attempt). */
  readOnly: SendResult;
  /** Answered before the run is ready. */
  notReady: SendResult;
}

/** A desk's run store. */
export interface RunStore<L, V, R> {
  getSnapshot: () => RunSnapshot<V>;
  subscribe: (listener: () => void) => () => void;
  /**
   * Applies `change` to the live run. Accepted: the desk is marked busy (when `acted`: a trainee's
   * input), the new view is published after the input's frame (paced time: at once) and the record
   * is saved after the paint. Refused, read-only or not ready: nothing changes.
   */
  dispatch: (change: (run: L) => SendResult, options?: { acted?: boolean }) => SendResult;
  /** Saves now the record `next` builds (a save still waiting is done first) and publishes the view again. */
  update: (next: (record: R) => R) => void;
  /** The newest record: the one last saved, or the one the desk opened with. */
  record: () => R;
  /** Takes the page's copy of the record (the one saved comes back, or a newer one). */
  receive: (record: R) => void;
  /** Whether this tab may act on the attempt. */
  setOwner: (owner: boolean) => void;
  /** Calls `listener` on the input of an accepted action, before any render; returns the unsubscribe function. */
  onBusy: (listener: () => void) => () => void;
  /** Does a save still waiting now. */
  flush: () => void;
  /** Prepares and replays; resolves when the snapshot is ready or failed. */
  start: () => Promise<void>;
  /** Writes what waits, stops the warm-up and the run. */
  stop: () => void;
}

const failure = (error: unknown): LocalizedText =>
  typeof error === 'object' && error !== null && 'text' in error ? (error as { text: LocalizedText }).text : { 'es-MX': String(error), en: String(error) };

export function createRunStore<P, L extends LiveRun, V, R extends StoredRecord>(options: RunStoreOptions<P, L, V, R>): RunStore<L, V, R> {
  const { timing } = options;
  let snapshot: RunSnapshot<V> = { state: 'loading' };
  let record = options.record;
  let live: { run: L; prepared: P } | null = null;
  let owner = true;
  let stopped = false;
  let stopWarmUp = () => undefined as void;
  let pending: { write: () => void; cancel: () => void } | null = null;
  const listeners = new Set<() => void>();
  const busy = new Set<() => void>();

  const publish = (next: RunSnapshot<V>) => {
    snapshot = next;
    for (const listener of [...listeners]) listener();
  };
  const show = (run: L) => {
    // A view taken for a run that was replaced (taken over, left) is not shown.
    if (stopped || live?.run !== run) return;
    publish({ state: 'ready', view: options.present(run, live.prepared, record) });
  };
  const flush = () => {
    const due = pending;
    if (!due) return;
    pending = null;
    due.cancel();
    due.write();
  };
  const write = (built: R) => {
    if (record.id === built.id) record = built;
    options.save(built);
  };
  const stopLeave = timing.onLeave(flush);

  return {
    getSnapshot: () => snapshot,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch: (change, { acted = true } = {}) => {
      if (!live || stopped) return options.notReady;
      if (!owner) return options.readOnly;
      const { run } = live;
      const result = change(run);
      if (!result.ok) return result;
      if (acted) {
        for (const listener of [...busy]) listener();
        timing.afterFrame(() => show(run));
      } else show(run);
      // Built on the record as it is now, with the time of the action; quick actions share one save, the latest.
      const base = record;
      const at = timing.now();
      const save = () => write(options.recordAfter(base, run, at));
      if (pending) pending.write = save;
      else pending = { write: save, cancel: timing.afterPaint(flush) };
      return result;
    },
    update: (next) => {
      if (!live || stopped || !owner) return;
      flush();
      write(next(record));
      show(live.run);
    },
    record: () => record,
    receive: (next) => {
      if (next.id === record.id) record = next;
    },
    setOwner: (next) => {
      owner = next;
    },
    onBusy: (listener) => {
      busy.add(listener);
      return () => busy.delete(listener);
    },
    flush,
    start: async () => {
      const start = record;
      try {
        const prepared = await options.prepare(start);
        if (stopped) return;
        const replayed = options.replay(prepared, start);
        if (!replayed.ok) return publish({ state: 'failed', reason: replayed.reason });
        live = { run: replayed.run, prepared };
        publish({ state: 'ready', view: options.present(replayed.run, prepared, record) });
        if (options.warmUp) stopWarmUp = timing.whenIdle(options.warmUp(prepared));
      } catch (error) {
        if (!stopped) publish({ state: 'failed', reason: failure(error) });
      }
    },
    stop: () => {
      stopWarmUp();
      flush();
      stopLeave();
      stopped = true;
      live?.run.stop();
    },
  };
}

/** What a desk reads before its store exists: loading, and never busy. */
export const notStarted: Pick<RunStore<never, never, never>, 'getSnapshot' | 'subscribe' | 'onBusy'> = {
  getSnapshot: () => loading,
  subscribe: () => () => undefined,
  onBusy: () => () => undefined,
};
const loading: RunSnapshot<never> = { state: 'loading' };
