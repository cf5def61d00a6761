/**
 * The figures of a shift's attempts as the shift page shows them: re-scored from each attempt's log
 * (stores/shift-attempt-scores.ts), once per stored copy, after the page is drawn. Until an
 * attempt's figures are in, it shows as being checked, never with the stored summary.
 */
import type { AttemptRecord, AttemptSummary } from '../../stores/attempt-record';
import { useLibraryStore } from '../../stores/library-store';
import { createRescorer } from '../../stores/rescorer';
import { useBatchFigures } from '../../ui/use-batch-figures';

const shiftScores = createRescorer('shift', async (todo, put) => {
  const [{ rescoreShiftAttempt, UNSCORED }] = await Promise.all([
    import('../../stores/shift-attempt-scores'),
    useLibraryStore.getState().need({ shifts: [...new Set(todo.map((a) => a.caseId))] }),
  ]);
  const library = useLibraryStore.getState().loaded;
  for (const a of todo) {
    const shift = library.shifts.get(a.caseId);
    put(a, shift ? await rescoreShiftAttempt(a, shift, library) : UNSCORED);
  }
});

/** The re-scored figures of shift `attempts` (undefined: not in yet, or a case attempt). */
export function useShiftScores(attempts: readonly AttemptRecord[]): (attempt: AttemptRecord) => AttemptSummary | undefined {
  return useBatchFigures(attempts, shiftScores);
}
