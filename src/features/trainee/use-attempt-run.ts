/**
 * The case desk's run store (stores/run-store.ts): prepares the case for the attempt's seed, replays
 * the stored log (a reload resumes exactly where it was, with the same score), and saves the log
 * after every accepted action once its frame is painted. This file says what a case attempt is;
 * the store does the timing for both desks.
 */
import { useCallback } from 'react';
import type { LocalizedText } from '../../domain/text';
import type { CaseData } from '../../engine/run/case-data';
import type { LogEntry } from '../../engine/format/log';
import { replayPersisted } from '../../engine/run/replay';
import type { Run, RunView, SendResult } from '../../engine/run/run';
import type { ClinicFile, ScenarioCase } from '../../engine/format/scenario.schema';
import { prepareCase } from '../../engine/run/variants';
import { warmUpSteps } from '../../engine/run/warm-up';
import type { AttemptRecord } from '../../stores/attempt-record';
import { useAttemptsStore } from '../../stores/attempts-store';
import { createRunStore, notStarted, type RunStore } from '../../stores/run-store';
import { browserTiming, useDeskStore } from '../../ui/use-desk-store';
import { useBusyRoot, useRunSelector } from '../../ui/use-run-selector';
import type { TabClaim } from '../../ui/use-tab-ownership';
import type { RefObject } from 'react';

/** What the case desk draws: the run's view, the case's data, and the run it was taken of. */
export interface CaseDeskView {
  view: RunView;
  data: CaseData;
  run: Run;
}

/** A case desk's run store. */
export type AttemptStore = RunStore<Run, CaseDeskView, AttemptRecord>;

/** The state of an attempt's run, and whether this tab may act on it (`claim`). */
export type AttemptRunState = { claim: TabClaim; store: AttemptStore | null } & (
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

const NOT_READY: SendResult = { ok: false, reason: { 'es-MX': 'El caso aún no está listo.', en: 'The case is not ready yet.' } };

/** Takes the copy another tab handed over (or the newest stored one) into the attempts store. */
export const refreshAttempt = (id: string, copy: unknown): Promise<void> => useAttemptsStore.getState().refresh(id, copy);

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

/** The run store of one case attempt. */
export function createAttemptStore(
  record: AttemptRecord,
  scenario: ScenarioCase,
  clinic: ClinicFile | undefined,
  save: (record: AttemptRecord) => void,
  timing = browserTiming,
): AttemptStore {
  return createRunStore({
    record,
    prepare: (r) => prepareCase(scenario, r.log.seed, clinic ? { clinic } : {}),
    replay: (prepared, r) => replayPersisted(prepared, r.log),
    present: (run, prepared) => ({ view: run.snapshot(), data: prepared.data, run }),
    recordAfter,
    save,
    // Up to three of the case's self-test logs on scratch runs (engine/warm-up.ts).
    warmUp: (prepared) => scenario.tests.slice(0, 3).map((test) => () => warmUpSteps(prepared, test)),
    timing,
    readOnly: READ_ONLY,
    notReady: NOT_READY,
  });
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
  const { store, claim } = useDeskStore(attempt, (record) => (scenario ? createAttemptStore(record, scenario, clinic, save) : null), [scenario, clinic], received);
  const source = store ?? notStarted;
  const snapshot = useRunSelector(source, (s) => s);
  const root = useBusyRoot(source);
  const send = useCallback((entry: LogEntry): SendResult => (store ? store.dispatch((run) => run.send(entry)) : NOT_READY), [store]);

  if (snapshot.state === 'loading') return { state: 'loading', claim, store };
  if (snapshot.state === 'failed') return { state: 'failed', reason: snapshot.reason, claim, store };
  const { view, data, run } = snapshot.view;
  return { state: 'ready', view, data, run, send, root, claim, store };
}
