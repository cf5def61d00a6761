/**
 * Writes a practice attempt straight into the app's IndexedDB, in the shape the app stores, so a
 * browser test or bench can open a desk or a debrief at a chosen point of a log. No vitest imports:
 * the benches use it outside the test runner.
 */
import type { Page } from 'playwright-core';
import type { LogEntry } from '../../src/engine/format/log';
import { JOURNAL_PREFIX } from '../../src/stores/attempt-storage';

export interface SeededAttempt {
  id: string;
  caseId: string;
  seed: number;
  entries: LogEntry[];
  finished?: boolean;
  kind?: 'case' | 'shift';
  /** The stored summary, when a test forges one (by default: `finished`, 0 %, not passed). */
  summary?: { finished: boolean; percent: number; passed: boolean };
}

/**
 * Stores the attempt under its id and returns the id. A copy of the same attempt still in the app's
 * journal (its database write was waiting when the page was left) is removed, or the next load would
 * take it over the seeded one.
 */
export async function seedAttempt(page: Page, attempt: SeededAttempt): Promise<string> {
  await page.evaluate(async ({ id, caseId, seed, entries, finished = false, kind = 'case', summary, journal }) => {
    localStorage.removeItem(journal + id);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('mesa-clinica', 1);
      req.onupgradeneeded = () => {
        req.result.createObjectStore('attempts');
        req.result.createObjectStore('set-aside');
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const now = new Date().toISOString();
    const record = {
      version: 1,
      ...(kind === 'shift' && { kind }),
      id,
      caseId,
      createdAt: now,
      updatedAt: now,
      log: { version: 1, scenarioId: caseId, seed, mode: 'practice', entries },
      summary: summary ?? { finished, percent: 0, passed: false },
    };
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('attempts', 'readwrite');
      tx.objectStore('attempts').put(record, id);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, { ...attempt, journal: JOURNAL_PREFIX });
  return attempt.id;
}
