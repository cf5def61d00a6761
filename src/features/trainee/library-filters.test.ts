import { fakeCase } from '../../engine/testing/run-fixtures';
import { filterCases, filtersFrom, filtersToParams, fold } from './library-filters';

const a = fakeCase();
const b = fakeCase({ id: 'otro-caso', difficulty: 'advanced', region: 'rural', title: { 'es-MX': 'Niño con fiebre', en: 'Child with a fever' } });
const none = () => ({ kind: 'new' }) as const;

describe('library filters', () => {
  it('round-trip through the query string, leaving empty ones out', () => {
    const f = filtersFrom(new URLSearchParams('q=fiebre&region=rural&other=1'));
    expect(f).toEqual({ q: 'fiebre', workflow: '', difficulty: '', region: 'rural', specialty: '', status: '' });
    expect(filtersToParams(f).toString()).toBe('q=fiebre&region=rural');
  });

  it('search in both languages, ignoring accents and case', () => {
    expect(fold('Niño ÁRBOL')).toBe('nino arbol');
    expect(filterCases([a, b], filtersFrom(new URLSearchParams('q=NINO')), none).map((c) => c.id)).toEqual(['otro-caso']);
    expect(filterCases([a, b], filtersFrom(new URLSearchParams('q=fever child')), none).map((c) => c.id)).toEqual(['otro-caso']);
  });

  it('combine every filter', () => {
    const statusOf = (id: string) => (id === 'otro-caso' ? ({ kind: 'passed', best: 90 } as const) : none());
    expect(filterCases([a, b], filtersFrom(new URLSearchParams('status=passed')), statusOf).map((c) => c.id)).toEqual(['otro-caso']);
    expect(filterCases([a, b], filtersFrom(new URLSearchParams('difficulty=basic&region=rural')), none)).toEqual([]);
  });
});
