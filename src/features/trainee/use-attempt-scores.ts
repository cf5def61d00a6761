/**
 * The figures of case attempts as the library and the case page show them: re-scored from each
 * attempt's log (stores/attempt-scores.ts), once per stored copy, after the page is drawn. Until an
 * attempt's figures are in, its case shows as being checked, never with the stored summary.
 */
import { useEffect, useState } from 'react';
import { attemptKind, type AttemptRecord, type AttemptSummary } from '../../stores/attempt-record';
import { useLibraryStore } from '../../stores/library-store';

/** Figures by stored copy: a new save is a new object, and is scored again. */
const scored = new WeakMap<AttemptRecord, AttemptSummary>();
const scoring = new WeakSet<AttemptRecord>();

/**
 * Names of the User Timing measures of each re-scoring pass (read by the browser tests): the replays
 * alone, and the whole pass with the download of the engine and the cases.
 */
export const RESCORE_MEASURE = 'mesa-clinica:rescore';
export const RESCORE_WITH_DOWNLOADS_MEASURE = 'mesa-clinica:rescore-with-downloads';

/** Re-scores what is not scored yet; `done` is called once the figures are in. */
async function scoreAll(attempts: readonly AttemptRecord[], done: () => void): Promise<void> {
  const todo = attempts.filter((a) => attemptKind(a) === 'case' && !scored.has(a) && !scoring.has(a));
  if (todo.length === 0) return;
  todo.forEach((a) => scoring.add(a));
  const start = performance.now();
  try {
    const [{ rescoreAttempt, UNSCORED }] = await Promise.all([
      import('../../stores/attempt-scores'),
      useLibraryStore.getState().need({ cases: [...new Set(todo.map((a) => a.caseId))] }),
    ]);
    const { cases, clinics } = useLibraryStore.getState().loaded;
    const replays = performance.now();
    for (const a of todo) {
      const scenario = cases.get(a.caseId);
      scored.set(a, scenario ? await rescoreAttempt(a, scenario, clinics.get(scenario.clinic)) : UNSCORED);
    }
    performance.measure(RESCORE_MEASURE, { start: replays, detail: { attempts: todo.length } });
    performance.measure(RESCORE_WITH_DOWNLOADS_MEASURE, { start, detail: { attempts: todo.length } });
  } catch {
    // A case's module failed to download: those attempts are tried again on the next visit.
  } finally {
    todo.forEach((a) => scoring.delete(a));
    done();
  }
}

/** The re-scored figures of `attempts` (undefined: not in yet, or a shift attempt). */
export function useAttemptScores(attempts: readonly AttemptRecord[]): (attempt: AttemptRecord) => AttemptSummary | undefined {
  const [, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    void scoreAll(attempts, () => {
      if (current) setRound((r) => r + 1);
    });
    return () => {
      current = false;
    };
  }, [attempts]);
  return (attempt) => scored.get(attempt);
}
