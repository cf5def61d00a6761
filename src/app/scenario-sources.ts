import type { SourceFile } from '../engine/library';

// Each scenario file is its own lazy chunk of raw text: nothing of the library is in the first load.
const files = import.meta.glob<string>('/scenarios/**/*.yaml', { query: '?raw', import: 'default' });

/** Reads every scenario file shipped with the build, as the engine's loader expects them. */
export async function loadScenarioSources(): Promise<SourceFile[]> {
  const entries = await Promise.all(Object.entries(files).map(async ([path, load]) => ({ path: path.replace(/^\//, ''), text: await load() })));
  return entries.sort((a, b) => a.path.localeCompare(b.path));
}
