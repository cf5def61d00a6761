/**
 * Route loader of the trainee screens: the library's catalogue and the stored attempts, both loaded
 * once, then the full documents the route shows (a case page its case, a desk or debrief its
 * attempt's case or shift). It lives in app because the library reaches the browser through Vite's
 * virtual modules.
 */
import type { RouteParams as Params } from './route-params';
import { useAppStore } from '../stores/app-store';
import { attemptKind } from '../stores/attempt-record';
import { useAttemptsStore } from '../stores/attempts-store';
import { useLibraryStore, type DocumentRequest } from '../stores/library-store';
import { loadScenarioLibrary } from './scenario-sources';

// A later switch of language brings that language's catalogue texts (or retries them after a failed download).
useAppStore.subscribe((state, previous) => {
  if (state.lang !== previous.lang) void useLibraryStore.getState().loadTexts(state.lang);
});

/** The documents a trainee route shows in full, from its path parameters. */
export function documentsFor(params: Params): DocumentRequest {
  if (params.caseId !== undefined) return { cases: [params.caseId] };
  // A shift's page shows the shift alone: its cases download after the page is drawn, if its attempts are re-scored.
  if (params.shiftId !== undefined) return { shiftsOnly: [params.shiftId] };
  const attempt = params.attemptId === undefined ? undefined : useAttemptsStore.getState().attempts[params.attemptId];
  if (!attempt) return {};
  return attemptKind(attempt) === 'shift' ? { shifts: [attempt.caseId] } : { cases: [attempt.caseId] };
}

/**
 * Loads what the trainee screen at `params` reads. A missing catalogue shows on the page; a document
 * whose chunk fails to download throws, and the route's error page offers a reload.
 */
export async function traineeLoader({ params }: { params: Params }): Promise<null> {
  const library = useLibraryStore.getState();
  // The catalogue's titles and summaries come in their own module, one language at a time: the active one, alongside the catalogue.
  await Promise.all([library.load(loadScenarioLibrary), library.loadTexts(useAppStore.getState().lang), useAttemptsStore.getState().init()]);
  await useLibraryStore.getState().need(documentsFor(params));
  return null;
}
