/**
 * Connects a shift attempt record to a live shift: prepares every arrival's case for the attempt's
 * seed, replays the stored log (a reload resumes at the same clock, queue and score), and saves the
 * log after every accepted action or stretch of paced time.
 */
import { useCallback, useMemo, type RefObject } from 'react';
import type { LocalizedText } from '../../domain/text';
import type { LogEntry } from '../../engine/format/log';
import type { Run, SendResult } from '../../engine/run/run';
import type { ShiftFile } from '../../engine/format/scenario.schema';
import { prepareShift, replayShift, type PreparedShift, type ShiftLibrary, type ShiftRun, type ShiftView } from '../../engine/shift/shift';
import { warmUpSteps } from '../../engine/run/warm-up';
import type { AttemptRecord } from '../../stores/attempt-record';
import { useAttemptsStore } from '../../stores/attempts-store';
import { useLibraryStore } from '../../stores/library-store';
import { createRunStore, notStarted, type RunStore } from '../../stores/run-store';
import { browserTiming, useDeskStore } from '../../ui/use-desk-store';
import { useBusyRoot, useRunSelector } from '../../ui/use-run-selector';
import type { TabClaim } from '../../ui/use-tab-ownership';
import { paceSetting, type PaceSetting } from './shift-panels';

/** What the shift desk draws: the view, the attended case's run taken with it, the prepared shift, the pace. */
export interface ShiftDeskState {
  view: ShiftView;
  activeRun: Run | null;
  prepared: PreparedShift;
  pace: PaceSetting;
  run: ShiftRun;
}

/** A shift desk's run store. */
export type ShiftStore = RunStore<ShiftRun, ShiftDeskState, AttemptRecord>;

/** The state of a shift attempt's run, and whether this tab may act on it (`claim`). */
export type ShiftRunState = { claim: TabClaim; store: ShiftStore | null } & (
  | { state: 'loading' }
  | { state: 'failed'; reason: LocalizedText }
  | {
      state: 'ready';
      view: ShiftView;
      /** The run of the case being attended when `view` was taken (null when nobody is). */
      activeRun: Run | null;
      prepared: PreparedShift;
      run: ShiftRun;
      send: (entry: LogEntry) => SendResult;
      /** Lets simulated seconds pass (the real-time pace). */
      elapse: (seconds: number) => SendResult;
      /** The real-time pace as the attempt keeps it. */
      pace: PaceSetting;
      /** Sets the pace and saves it with the attempt (a reload resumes it). */
      setPace: (next: PaceSetting) => void;
      /** The desk's root: marked busy from an action until its new view is drawn (ui/update-mark.ts). */
      root: RefObject<HTMLElement | null>;
    }
);

const notReady: SendResult = { ok: false, reason: { 'es-MX': 'El turno aún no está listo.', en: 'The shift is not ready yet.' } };
const readOnly: SendResult = { ok: false, reason: { 'es-MX': 'otra pestaña tiene abierto este turno; tómelo aquí para seguir.', en: 'another tab has this shift open; take it over here to go on.' } };

/** The record after the shift accepted something: new log, new summary, new timestamp. */
export function shiftRecordAfter(record: AttemptRecord, run: ShiftRun, now: string): AttemptRecord {
  const result = run.result();
  return { ...record, updatedAt: now, log: run.persisted(), summary: { finished: result.finished, percent: result.percent, passed: result.passed } };
}

/** The cases and clinics loaded in full (the route loaded the shift's), as the shift engine wants them. */
export function useShiftLibrary(): ShiftLibrary {
  const cases = useLibraryStore((s) => s.loaded.cases);
  const clinics = useLibraryStore((s) => s.loaded.clinics);
  return useMemo(() => ({ cases, clinics }), [cases, clinics]);
}

/** The run store of one shift attempt. */
export function createShiftStore(record: AttemptRecord, shift: ShiftFile, library: ShiftLibrary, save: (record: AttemptRecord) => void, timing = browserTiming): ShiftStore {
  return createRunStore({
    record,
    prepare: (r) => prepareShift(shift, library, r.log.seed),
    replay: (prepared, r) => replayShift(prepared, r.log.entries, { mode: r.log.mode }),
    present: (run, prepared, r) => ({ view: run.snapshot(), activeRun: run.activeRun(), prepared, pace: paceSetting(r.pace, r.log.mode), run }),
    recordAfter: shiftRecordAfter,
    save,
    // The first self-test log of each of the shift's cases on a scratch run (engine/warm-up.ts).
    warmUp: (prepared) => [...new Map(prepared.cases.map((c) => [c.scenario.id, c])).values()].flatMap((c) => c.scenario.tests.slice(0, 1).map((test) => () => warmUpSteps(c, test))),
    timing,
    readOnly,
    notReady,
  });
}

const refreshShift = (id: string, copy: unknown) => useAttemptsStore.getState().refresh(id, copy);

/**
 * Runs the shift attempt. `save` gets the updated record after each accepted change. The shift is
 * rebuilt only when the attempt id, the shift or the library changes, not when the record is saved.
 * A trainee's action is acknowledged on its own frame first (ui/update-mark.ts); paced time is not
 * an input and is drawn at once.
 */
export function useShiftRun(attempt: AttemptRecord | undefined, shift: ShiftFile | undefined, library: ShiftLibrary, save: (record: AttemptRecord) => void): ShiftRunState {
  const { store, claim } = useDeskStore(attempt, (record) => (shift ? createShiftStore(record, shift, library, save) : null), [shift, library], refreshShift);
  const source = store ?? notStarted;
  const snapshot = useRunSelector(source, (s) => s);
  const root = useBusyRoot(source);
  const send = useCallback((entry: LogEntry) => (store ? store.dispatch((r) => r.send(entry)) : notReady), [store]);
  const elapse = useCallback((seconds: number) => (store ? store.dispatch((r) => r.elapse(seconds), { acted: false }) : notReady), [store]);
  // Saved at once, on the record of any save still waiting for the frame (a reload resumes the pace).
  const setPace = useCallback((pace: PaceSetting) => store?.update((base) => ({ ...base, pace, updatedAt: new Date().toISOString() })), [store]);

  if (snapshot.state === 'loading') return { state: 'loading', claim, store };
  if (snapshot.state === 'failed') return { state: 'failed', reason: snapshot.reason, claim, store };
  const { view, activeRun, prepared, pace, run } = snapshot.view;
  return { state: 'ready', view, activeRun, prepared, run, send, elapse, pace, setPace, root, claim, store };
}
