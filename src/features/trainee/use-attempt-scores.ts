/**
 * The figures of case attempts as the library and the case page show them: re-scored from each
 * attempt's log (stores/attempt-scores.ts), once per stored copy, after the page is drawn. Until an
 * attempt's figures are in, its case shows as being checked, never with the stored summary.
 */
import type { AttemptRecord, AttemptSummary } from '../../stores/attempt-record';
import { useLibraryStore } from '../../stores/library-store';
import { createRescorer } from '../../stores/rescorer';
import { useBatchFigures } from '../../ui/use-batch-figures';

/**
 * Names of the User Timing measures of each re-scoring pass (read by the browser tests): the replays
 * alone, and the whole pass with the download of the engine and the cases.
 */
export const RESCORE_MEASURE = 'mesa-clinica:rescore';
export const RESCORE_WITH_DOWNLOADS_MEASURE = 'mesa-clinica:rescore-with-downloads';

const caseScores = createRescorer('case', async (todo, put) => {
  const start = performance.now();
  const [{ rescoreAttempt, UNSCORED }] = await Promise.all([
    import('../../stores/attempt-scores'),
    useLibraryStore.getState().need({ cases: [...new Set(todo.map((a) => a.caseId))] }),
  ]);
  const { cases, clinics } = useLibraryStore.getState().loaded;
  const replays = performance.now();
  for (const a of todo) {
    const scenario = cases.get(a.caseId);
    put(a, scenario ? await rescoreAttempt(a, scenario, clinics.get(scenario.clinic)) : UNSCORED);
  }
  performance.measure(RESCORE_MEASURE, { start: replays, detail: { attempts: todo.length } });
  performance.measure(RESCORE_WITH_DOWNLOADS_MEASURE, { start, detail: { attempts: todo.length } });
});

/** The re-scored figures of `attempts` (undefined: not in yet, or a shift attempt). */
export function useAttemptScores(attempts: readonly AttemptRecord[]): (attempt: AttemptRecord) => AttemptSummary | undefined {
  return useBatchFigures(attempts, caseScores);
}
