/**
 * Re-scores stored attempts from their logs, in batches, once per stored copy: a new save is a new
 * object and is scored again. The pages that list attempts show these figures, never the summary a
 * record carries (docs/decisions/0016-one-tab-owns-an-attempt.md).
 */
import { attemptKind, type AttemptRecord, type AttemptSummary } from './attempt-record';

/** Figures of stored attempts of one kind, filled in as batches are scored. */
export interface Rescorer {
  /** The figures of a stored copy, once scored (undefined: not in yet, or another kind). */
  figures(attempt: AttemptRecord): AttemptSummary | undefined;
  /** Scores the attempts of its kind not scored yet; `done` is called once their figures are in. */
  scoreAll(attempts: readonly AttemptRecord[], done: () => void): Promise<void>;
}

/** How one batch is scored: `put` records each attempt's figures as they are computed. */
export type ScoreBatch = (todo: readonly AttemptRecord[], put: (attempt: AttemptRecord, figures: AttemptSummary) => void) => Promise<void>;

/** A rescorer for case or shift attempts over its own batch scorer. */
export function createRescorer(kind: 'case' | 'shift', scoreBatch: ScoreBatch): Rescorer {
  const scored = new WeakMap<AttemptRecord, AttemptSummary>();
  const scoring = new WeakSet<AttemptRecord>();
  return {
    figures: (attempt) => scored.get(attempt),
    async scoreAll(attempts, done) {
      const todo = attempts.filter((a) => attemptKind(a) === kind && !scored.has(a) && !scoring.has(a));
      if (todo.length === 0) return;
      todo.forEach((a) => scoring.add(a));
      try {
        await scoreBatch(todo, (attempt, figures) => scored.set(attempt, figures));
      } catch {
        // A module failed to download: those attempts are tried again on the next visit.
      } finally {
        todo.forEach((a) => scoring.delete(a));
        done();
      }
    },
  };
}
