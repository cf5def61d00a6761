/**
 * Starting shift attempts. Ids and seeds come from the browser's crypto (unique, unpredictable);
 * the seed is then recorded so the shift replays exactly.
 */
import type { RunMode } from '../../engine/run/run';
import { newAttempt } from '../../stores/attempt-record';
import { useAttemptsStore } from '../../stores/attempts-store';

/** A random seed in the range the log schema accepts. */
function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! & 0x7fffffff;
}

/**
 * Creates and saves a new shift attempt and returns its id. Practice keeps the previous practice
 * seed (same people, so the trainee can try the same shift again); an assessment gets a new one,
 * unless a fixed seed is given (an instructor's `?seed=` link).
 */
export function startShiftAttempt(shiftId: string, mode: RunMode, previousSeed?: number, fixedSeed?: number): string {
  const id = crypto.randomUUID();
  const seed = fixedSeed ?? (mode === 'practice' && previousSeed !== undefined ? previousSeed : randomSeed());
  void useAttemptsStore.getState().save(newAttempt({ id, caseId: shiftId, seed, mode, now: new Date().toISOString(), kind: 'shift' }));
  return id;
}
