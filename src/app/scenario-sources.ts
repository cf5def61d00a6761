import { catalog, loadCase, loadClinic, loadShift, loadTexts } from 'virtual:scenario-catalog';
import type { LibrarySource } from '../stores/library-store';

/**
 * The shipped library, precompiled at build time (build/scenario-library-plugin.ts): the catalogue
 * comes with this module; each language's catalogue texts and each case, shift and clinic is its own
 * lazy chunk of validated JSON.
 */
export function loadScenarioLibrary(): Promise<LibrarySource> {
  return Promise.resolve({ catalog, loadTexts, loadCase, loadShift, loadClinic });
}
