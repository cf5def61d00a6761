/**
 * Starting attempts and exporting them. Ids and seeds come from the browser's crypto: they only
 * need to be unique and unpredictable, and the seed is then recorded so the run replays exactly.
 */
import type { RunMode } from '../../engine/run/run';
import { newAttempt, type AttemptRecord } from '../../stores/attempt-record';
import type { SetAsideAttempt } from '../../stores/attempt-storage';
import { useAttemptsStore } from '../../stores/attempts-store';

/** A random seed in the range the log schema accepts. */
export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! & 0x7fffffff;
}

/** The seed of a `?seed=` link when the log schema accepts it (an integer 0..2^31-1), else undefined. */
export function parseSeed(value: string | null): number | undefined {
  if (value === null || !/^\d{1,10}$/.test(value)) return undefined;
  const n = Number(value);
  return n <= 0x7fffffff ? n : undefined;
}

/**
 * Creates and saves a new attempt and returns its id. Practice keeps the seed of the previous
 * attempt when retrying (same people, so the trainee can fix what went wrong); an assessment
 * always gets a new seed (a new variant) unless a fixed seed is given (an instructor's link).
 */
export function startAttempt(caseId: string, mode: RunMode, previousSeed?: number, fixedSeed?: number): string {
  const id = crypto.randomUUID();
  const seed = fixedSeed ?? (mode === 'practice' && previousSeed !== undefined ? previousSeed : randomSeed());
  void useAttemptsStore.getState().save(newAttempt({ id, caseId, seed, mode, now: new Date().toISOString() }));
  return id;
}

/** Offers the attempt as a JSON file download (the way out when storage fails). */
export function downloadAttempt(record: AttemptRecord): void {
  downloadJson(record, `intento-${record.caseId}-${record.id.slice(0, 8)}.json`);
}

/** Offers what was set aside as one JSON file: each value as stored, with its key and why it was set aside. */
export function downloadSetAside(items: readonly SetAsideAttempt[]): void {
  downloadJson(items, 'intentos-apartados.json');
}

function downloadJson(value: unknown, name: string): void {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
