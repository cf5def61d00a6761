/**
 * Connects a shift attempt record to a live shift: prepares every arrival's case for the attempt's
 * seed, replays the stored log (a reload resumes at the same clock, queue and score), and saves the
 * log after every accepted action or stretch of paced time.
 */
import { startTransition, useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import type { LocalizedText } from '../../domain/text';
import type { LogEntry } from '../../engine/format/log';
import type { Run, SendResult } from '../../engine/run/run';
import type { ShiftFile } from '../../engine/format/scenario.schema';
import { prepareShift, replayShift, type PreparedShift, type ShiftLibrary, type ShiftRun, type ShiftView } from '../../engine/shift/shift';
import { warmUpSteps } from '../../engine/run/warm-up';
import type { AttemptRecord } from '../../stores/attempt-record';
import { useAttemptsStore } from '../../stores/attempts-store';
import { useLibraryStore } from '../../stores/library-store';
import { runWhenIdle } from '../../ui/idle-tasks';
import { useTabOwnership, type TabClaim } from '../../ui/use-tab-ownership';
import { afterThisFrame, useUpdateMark } from '../../ui/update-mark';
import { useRecordSaves } from '../../ui/write-after-paint';
import { paceSetting, type PaceSetting } from './shift-panels';

/** The state of a shift attempt's run, and whether this tab may act on it (`claim`). */
export type ShiftRunState = { claim: TabClaim } & (
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

const fail = (error: unknown): LocalizedText =>
  typeof error === 'object' && error !== null && 'text' in error ? (error as { text: LocalizedText }).text : { 'es-MX': String(error), en: String(error) };

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

/**
 * Runs the shift attempt. `save` gets the updated record after each accepted change. The shift is
 * rebuilt only when the attempt id, the shift or the library changes, not when the record is saved.
 */
export function useShiftRun(attempt: AttemptRecord | undefined, shift: ShiftFile | undefined, library: ShiftLibrary, save: (record: AttemptRecord) => void): ShiftRunState {
  const [state, setState] = useState<
    { id: string; run: ShiftRun; view: ShiftView; activeRun: Run | null; prepared: PreparedShift; pace: PaceSetting } | { id: string; reason: LocalizedText } | null
  >(null);
  const attemptId = attempt?.id;
  // Called first so the run effect below sees the current record.
  const { current: currentRecord, saveAfterPaint, saveNow, flush } = useRecordSaves(attempt, save);
  const claim = useTabOwnership(
    attemptId === undefined ? undefined : `attempt:${attemptId}`,
    () => {
      flush();
      return currentRecord();
    },
    (copy) => (attemptId === undefined ? undefined : useAttemptsStore.getState().refresh(attemptId, copy)),
  );
  const { revision } = claim;
  const owner = claim.state === 'owner';

  useEffect(() => {
    const start = currentRecord();
    if (!start || !shift) return;
    let live: ShiftRun | null = null;
    let cancelled = false;
    let stopWarmUp = () => undefined as void;
    prepareShift(shift, library, start.log.seed)
      .then((prepared) => {
        if (cancelled) return;
        const replayed = replayShift(prepared, start.log.entries, { mode: start.log.mode });
        if (!replayed.ok) {
          setState({ id: start.id, reason: replayed.reason });
          return;
        }
        live = replayed.run;
        setState({ id: start.id, run: replayed.run, view: replayed.snapshot, activeRun: replayed.run.activeRun(), prepared, pace: paceSetting(start.pace, start.log.mode) });
        // While idle, the first self-test log of each of the shift's cases on a scratch run, so the
        // engine's code is optimised before the trainee serves anyone (engine/run/warm-up.ts).
        const firstOfEach = new Map(prepared.cases.map((c) => [c.scenario.id, c]));
        stopWarmUp = runWhenIdle([...firstOfEach.values()].flatMap((c) => c.scenario.tests.slice(0, 1).map((test) => () => warmUpSteps(c, test))));
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ id: start.id, reason: fail(error) });
      });
    return () => {
      cancelled = true;
      stopWarmUp();
      flush();
      live?.stop();
    };
    // `revision`: taken over from another tab, the shift restarts from the copy it handed over.
  }, [attemptId, shift, library, currentRecord, flush, revision]);

  const current = state && state.id === attemptId ? state : null;
  const run = current && 'run' in current ? current.run : null;
  const { root, mark } = useUpdateMark(current);
  /**
   * Applies a change and, when accepted, shows its view in a transition and saves the record after the
   * frame. A trainee's action (`acted`) is acknowledged on its own frame first (ui/update-mark.ts); paced
   * time is not an input and is drawn at once, still without holding back one.
   */
  const apply = useCallback(
    (change: (r: ShiftRun) => SendResult, acted: boolean): SendResult => {
      if (!run || !currentRecord()) return notReady;
      if (!owner) return readOnly;
      const result = change(run);
      if (result.ok) {
        const show = () => {
          const view = run.snapshot();
          const activeRun = run.activeRun();
          startTransition(() => setState((s) => (s && 'run' in s && s.run === run ? { ...s, view, activeRun } : s)));
        };
        if (acted) {
          mark();
          afterThisFrame(show);
        } else show();
        saveAfterPaint(run, (base, at) => shiftRecordAfter(base, run, at));
      }
      return result;
    },
    [run, currentRecord, mark, saveAfterPaint, owner],
  );
  const send = useCallback((entry: LogEntry) => apply((r) => r.send(entry), true), [apply]);
  const elapse = useCallback((seconds: number) => apply((r) => r.elapse(seconds), false), [apply]);
  const setPace = useCallback(
    (pace: PaceSetting) => {
      if (!run || !currentRecord() || !owner) return;
      setState((s) => (s && 'run' in s && s.run === run ? { ...s, pace } : s));
      // Built on the record of any save still waiting for the frame, which is done first.
      saveNow((base) => ({ ...base, pace, updatedAt: new Date().toISOString() }));
    },
    [run, currentRecord, saveNow, owner],
  );

  if (!current) return { state: 'loading', claim };
  if ('reason' in current) return { state: 'failed', reason: current.reason, claim };
  return { state: 'ready', view: current.view, activeRun: current.activeRun, prepared: current.prepared, run: current.run, send, elapse, pace: current.pace, setPace, root, claim };
}
