/**
 * Connects an attempt record to a live run: prepares the case for the attempt's seed, replays the
 * stored log (so a reload resumes exactly where it was, with the same score), and persists the
 * log after every accepted action: once the action's frame is painted, so scoring the run and
 * copying the record into IndexedDB never delay the answer on screen. A pending save is written at
 * once when the page is hidden or left (reload, tab closed, another route).
 */
import { startTransition, useCallback, useEffect, useState, type RefObject } from 'react';
import type { LocalizedText } from '../../domain/text';
import type { CaseData, PreparedCase } from '../../engine/run/case-data';
import type { LogEntry } from '../../engine/format/log';
import { replayPersisted } from '../../engine/run/replay';
import type { Run, RunView, SendResult } from '../../engine/run/run';
import type { ClinicFile, ScenarioCase } from '../../engine/format/scenario.schema';
import { prepareCase } from '../../engine/run/variants';
import { warmUpSteps } from '../../engine/run/warm-up';
import type { AttemptRecord } from '../../stores/attempt-record';
import { useAttemptsStore } from '../../stores/attempts-store';
import { runWhenIdle } from '../../ui/idle-tasks';
import { useTabOwnership, type TabClaim } from '../../ui/use-tab-ownership';
import { afterThisFrame, useUpdateMark } from '../../ui/update-mark';
import { useRecordSaves } from '../../ui/write-after-paint';

/** The state of an attempt's run, and whether this tab may act on it (`claim`). */
export type AttemptRunState = { claim: TabClaim } & (
  | { state: 'loading' }
  | { state: 'failed'; reason: LocalizedText }
  | {
      state: 'ready';
      view: RunView;
      data: CaseData;
      run: Run;
      send: (entry: LogEntry) => SendResult;
      /** The desk's root: marked busy from an accepted action until its new view is drawn (ui/update-mark.ts). */
      root: RefObject<HTMLElement | null>;
    }
);

/** What a desk answers to an action while another tab owns the attempt. */
export const READ_ONLY: SendResult = {
  ok: false,
  reason: { 'es-MX': 'otra pestaña tiene abierto este intento; tómelo aquí para seguir.', en: 'another tab has this attempt open; take it over here to go on.' },
};

/** Takes the copy another tab handed over (or the newest stored one) into the attempts store. */
export const refreshAttempt = (id: string, copy: unknown): Promise<void> => useAttemptsStore.getState().refresh(id, copy);

const fail = (error: unknown): LocalizedText =>
  typeof error === 'object' && error !== null && 'text' in error ? (error as { text: LocalizedText }).text : { 'es-MX': String(error), en: String(error) };

/** The record after the run accepted an action: new log, new summary, new timestamp. */
export function recordAfter(record: AttemptRecord, run: Run, now: string): AttemptRecord {
  const result = run.result();
  return {
    ...record,
    updatedAt: now,
    log: run.persisted(),
    summary: { finished: result.finished, percent: result.percent, passed: result.passed },
  };
}

/**
 * Runs the attempt. `save` is called with the updated record after accepted actions (once per
 * painted frame: quick successive actions share one save). The run is rebuilt only when the
 * attempt id or the case changes, not when the saved record does.
 */
export function useAttemptRun(
  attempt: AttemptRecord | undefined,
  scenario: ScenarioCase | undefined,
  clinic: ClinicFile | undefined,
  save: (record: AttemptRecord) => void,
  received: (id: string, copy: unknown) => Promise<void> = refreshAttempt,
): AttemptRunState {
  const [state, setState] = useState<{ id: string; run: Run; view: RunView; data: CaseData } | { id: string; reason: LocalizedText } | null>(null);
  const attemptId = attempt?.id;
  // Called first so the run effect below sees the current record.
  const { current: currentRecord, saveAfterPaint, flush } = useRecordSaves(attempt, save);
  const claim = useTabOwnership(
    attemptId === undefined ? undefined : `attempt:${attemptId}`,
    () => {
      flush();
      return currentRecord();
    },
    (copy) => (attemptId === undefined ? undefined : received(attemptId, copy)),
  );
  const { revision } = claim;
  const owner = claim.state === 'owner';

  useEffect(() => {
    const start = currentRecord();
    if (!start || !scenario) return;
    let live: Run | null = null;
    let cancelled = false;
    let stopWarmUp = () => undefined as void;
    prepareCase(scenario, start.log.seed, clinic ? { clinic } : {})
      .then((prepared: PreparedCase) => {
        if (cancelled) return;
        const replayed = replayPersisted(prepared, start.log);
        if (!replayed.ok) {
          setState({ id: start.id, reason: replayed.reason });
          return;
        }
        live = replayed.run;
        setState({ id: start.id, run: replayed.run, view: replayed.snapshot, data: prepared.data });
        // While idle, up to three of the case's self-test logs on scratch runs: the engine's code is then
        // optimised before the trainee's first clicks (engine/run/warm-up.ts).
        stopWarmUp = runWhenIdle(scenario.tests.slice(0, 3).map((test) => () => warmUpSteps(prepared, test)));
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
    // `revision`: taken over from another tab, the run restarts from the copy it handed over.
  }, [attemptId, scenario, clinic, currentRecord, flush, revision]);

  const current = state && state.id === attemptId ? state : null;
  const run = current && 'run' in current ? current.run : null;
  const { root, mark } = useUpdateMark(current);
  const send = useCallback(
    (entry: LogEntry): SendResult => {
      if (!run || !currentRecord()) return { ok: false, reason: { 'es-MX': 'El caso aún no está listo.', en: 'The case is not ready yet.' } };
      if (!owner) return READ_ONLY;
      const result = run.send(entry);
      if (result.ok) {
        // The engine has decided; the new view is taken and drawn in a transition, after the input's own
        // frame has shown the acknowledgement (ui/update-mark.ts).
        mark();
        afterThisFrame(() => {
          const view = run.snapshot();
          startTransition(() => setState((s) => (s && 'run' in s && s.run === run ? { ...s, view } : s)));
        });
        saveAfterPaint(run, (base, at) => recordAfter(base, run, at));
      }
      return result;
    },
    [run, currentRecord, saveAfterPaint, mark, owner],
  );

  if (!current) return { state: 'loading', claim };
  if ('reason' in current) return { state: 'failed', reason: current.reason, claim };
  return { state: 'ready', view: current.view, data: current.data, run: current.run, send, root, claim };
}
