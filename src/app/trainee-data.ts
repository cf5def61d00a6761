/**
 * Route loader of the trainee screens: the scenario library and the stored attempts, both loaded
 * once. It lives in app because the scenario files reach the browser through Vite's glob import.
 */
import { useAttemptsStore } from '../stores/attempts-store';
import { useLibraryStore } from '../stores/library-store';
import { loadScenarioSources } from './scenario-sources';

/** Loads what every trainee screen reads; never throws (failures show on the page). */
export async function traineeLoader(): Promise<null> {
  await Promise.all([useLibraryStore.getState().load(loadScenarioSources), useAttemptsStore.getState().init()]);
  return null;
}
