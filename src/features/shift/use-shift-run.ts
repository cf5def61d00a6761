/**
 * Connects a shift attempt record to a live shift: prepares every arrival's case for the attempt's
 * seed, replays the stored log (a reload resumes at the same clock, queue and score), and saves the
 * log after every accepted action or stretch of paced time.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LocalizedText } from '../../domain/text';
import type { LogEntry } from '../../engine/log';
import type { SendResult } from '../../engine/run';
import type { ShiftFile } from '../../engine/scenario.schema';
import { prepareShift, replayShift, type PreparedShift, type ShiftLibrary, type ShiftRun, type ShiftView } from '../../engine/shift';
import { warmUpSteps } from '../../engine/warm-up';
import type { AttemptRecord } from '../../stores/attempt-record';
import { useLibraryStore } from '../../stores/library-store';
import { runWhenIdle } from '../../ui/idle-tasks';
import { paceSetting, type PaceSetting } from './shift-panels';

/** The state of a shift attempt's run. */
export type ShiftRunState =
  | { state: 'loading' }
  | { state: 'failed'; reason: LocalizedText }
  | {
      state: 'ready';
      view: ShiftView;
      prepared: PreparedShift;
      run: ShiftRun;
      send: (entry: LogEntry) => SendResult;
      /** Lets simulated seconds pass (the real-time pace). */
      elapse: (seconds: number) => SendResult;
      /** The real-time pace as the attempt keeps it. */
      pace: PaceSetting;
      /** Sets the pace and saves it with the attempt (a reload resumes it). */
      setPace: (next: PaceSetting) => void;
    };

const fail = (error: unknown): LocalizedText =>
  typeof error === 'object' && error !== null && 'text' in error ? (error as { text: LocalizedText }).text : { 'es-MX': String(error), en: String(error) };

const notReady: SendResult = { ok: false, reason: { 'es-MX': 'El turno aún no está listo.', en: 'The shift is not ready yet.' } };

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
  const [state, setState] = useState<{ id: string; run: ShiftRun; view: ShiftView; prepared: PreparedShift; pace: PaceSetting } | { id: string; reason: LocalizedText } | null>(null);
  const record = useRef(attempt);
  const saveRef = useRef(save);
  const attemptId = attempt?.id;
  useEffect(() => {
    record.current = attempt;
    saveRef.current = save;
  });

  useEffect(() => {
    const start = record.current;
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
        setState({ id: start.id, run: replayed.run, view: replayed.snapshot, prepared, pace: paceSetting(start.pace, start.log.mode) });
        // While idle, the first self-test log of each of the shift's cases on a scratch run, so the
        // engine's code is optimised before the trainee serves anyone (engine/warm-up.ts).
        const firstOfEach = new Map(prepared.cases.map((c) => [c.scenario.id, c]));
        stopWarmUp = runWhenIdle([...firstOfEach.values()].flatMap((c) => c.scenario.tests.slice(0, 1).map((test) => () => warmUpSteps(c, test))));
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ id: start.id, reason: fail(error) });
      });
    return () => {
      cancelled = true;
      stopWarmUp();
      live?.stop();
    };
  }, [attemptId, shift, library]);

  const current = state && state.id === attemptId ? state : null;
  const run = current && 'run' in current ? current.run : null;
  const apply = useCallback(
    (change: (r: ShiftRun) => SendResult): SendResult => {
      if (!run || !record.current) return notReady;
      const result = change(run);
      if (result.ok) {
        const next = shiftRecordAfter(record.current, run, new Date().toISOString());
        record.current = next;
        setState((s) => (s && 'run' in s && s.run === run ? { ...s, view: run.snapshot() } : s));
        saveRef.current(next);
      }
      return result;
    },
    [run],
  );
  const send = useCallback((entry: LogEntry) => apply((r) => r.send(entry)), [apply]);
  const elapse = useCallback((seconds: number) => apply((r) => r.elapse(seconds)), [apply]);
  const setPace = useCallback(
    (pace: PaceSetting) => {
      if (!run || !record.current) return;
      const next: AttemptRecord = { ...record.current, pace, updatedAt: new Date().toISOString() };
      record.current = next;
      setState((s) => (s && 'run' in s && s.run === run ? { ...s, pace } : s));
      saveRef.current(next);
    },
    [run],
  );

  if (!current) return { state: 'loading' };
  if ('reason' in current) return { state: 'failed', reason: current.reason };
  return { state: 'ready', view: current.view, prepared: current.prepared, run: current.run, send, elapse, pace: current.pace, setPace };
}
