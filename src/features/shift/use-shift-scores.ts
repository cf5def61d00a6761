/**
 * The figures of a shift's attempts as the shift page shows them: re-scored from each attempt's log
 * (stores/shift-attempt-scores.ts), once per stored copy, after the page is drawn. Until an
 * attempt's figures are in, it shows as being checked, never with the stored summary.
 */
import { useEffect, useState } from 'react';
import { attemptKind, type AttemptRecord, type AttemptSummary } from '../../stores/attempt-record';
import { useLibraryStore } from '../../stores/library-store';

/** Figures by stored copy: a new save is a new object, and is scored again. */
const scored = new WeakMap<AttemptRecord, AttemptSummary>();
const scoring = new WeakSet<AttemptRecord>();

/** Re-scores the shift attempts not scored yet; `done` is called once the figures are in. */
async function scoreAll(attempts: readonly AttemptRecord[], done: () => void): Promise<void> {
  const todo = attempts.filter((a) => attemptKind(a) === 'shift' && !scored.has(a) && !scoring.has(a));
  if (todo.length === 0) return;
  todo.forEach((a) => scoring.add(a));
  try {
    const [{ rescoreShiftAttempt, UNSCORED }] = await Promise.all([
      import('../../stores/shift-attempt-scores'),
      useLibraryStore.getState().need({ shifts: [...new Set(todo.map((a) => a.caseId))] }),
    ]);
    const library = useLibraryStore.getState().loaded;
    for (const a of todo) {
      const shift = library.shifts.get(a.caseId);
      scored.set(a, shift ? await rescoreShiftAttempt(a, shift, library) : UNSCORED);
    }
  } catch {
    // A module failed to download: those attempts are tried again on the next visit.
  } finally {
    todo.forEach((a) => scoring.delete(a));
    done();
  }
}

/** The re-scored figures of shift `attempts` (undefined: not in yet, or a case attempt). */
export function useShiftScores(attempts: readonly AttemptRecord[]): (attempt: AttemptRecord) => AttemptSummary | undefined {
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
