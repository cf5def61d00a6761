/**
 * The library's filters as plain data, read from and written to the URL's query string so a
 * filtered list is bookmarkable and the back button restores it.
 */
import type { ScenarioCase } from '../../engine/format/scenario.schema';
import type { CaseStatus } from '../../stores/attempt-record';

/** The filter values; an empty string means "any". */
export interface LibraryFilters {
  q: string;
  workflow: string;
  difficulty: string;
  region: string;
  specialty: string;
  status: string;
}

/** The filter keys, in the order of the form. */
export const FILTER_KEYS = ['q', 'workflow', 'difficulty', 'region', 'specialty', 'status'] as const;

/** Reads filters from a query string (unknown keys ignored). */
export function filtersFrom(params: URLSearchParams): LibraryFilters {
  const get = (key: string) => (params.get(key) ?? '').slice(0, 200);
  return { q: get('q'), workflow: get('workflow'), difficulty: get('difficulty'), region: get('region'), specialty: get('specialty'), status: get('status') };
}

/** Writes filters to a query string, leaving out empty ones. */
export function filtersToParams(filters: LibraryFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key] !== '') params.set(key, filters[key]);
  return params;
}

/** Lower case without accents, so "crédito" matches "credito". */
export const fold = (text: string): string => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('es-MX');

/**
 * The cases that pass every filter. The search looks at title and summary in both languages, so a
 * case is found by whichever words the trainee remembers, after a language switch too.
 */
export function filterCases<C extends Pick<ScenarioCase, 'id' | 'title' | 'summary' | 'workflows' | 'difficulty' | 'region' | 'specialty'>>(
  cases: readonly C[],
  filters: LibraryFilters,
  statusOf: (caseId: string) => CaseStatus,
): C[] {
  const words = fold(filters.q).split(/\s+/).filter(Boolean);
  return cases.filter((c) => {
    if (filters.workflow && !c.workflows.includes(filters.workflow as ScenarioCase['workflows'][number])) return false;
    if (filters.difficulty && c.difficulty !== filters.difficulty) return false;
    if (filters.region && c.region !== filters.region) return false;
    if (filters.specialty && c.specialty !== filters.specialty) return false;
    if (filters.status && statusOf(c.id).kind !== filters.status) return false;
    if (words.length === 0) return true;
    const haystack = fold([c.id, c.title['es-MX'], c.title.en, c.summary['es-MX'], c.summary.en].join(' '));
    return words.every((w) => haystack.includes(w));
  });
}
