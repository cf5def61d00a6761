import { buildCatalog, caseSpread } from './catalog';
import { loadLibrary } from './library';
import { CASE_YAML, CLINIC_YAML, fakeRegistry } from './loader-fixtures';

const SHIFT_YAML = `format: 1
kind: shift
id: turno-manana
title: { es-MX: "Turno de la mañana", en: "Morning shift" }
summary: { es-MX: "Resumen", en: "Summary" }
difficulty: intermediate
minutes: 60
region: urban
objectives: [{ es-MX: "Atender", en: "Serve" }]
clinic: umf-prueba
start: "08:00"
end: "09:00"
rubric: { pass: 60, weights: { efficiency: 100 } }
arrivals:
  - { at: "08:05", case: caso-prueba }
  - { at: "08:10", case: zeta-rural }
events:
  - { at: "08:40", type: room-dirty, room: c1 }
`;

/** A second case, rural and advanced, whose title sorts first only when the opening ¿ is ignored. */
const RURAL = CASE_YAML.replace('id: caso-prueba', 'id: zeta-rural')
  .replace('title: { es-MX: "Caso de prueba", en: "Test case" }', 'title: { es-MX: "¿A quién le toca? | turno", en: "Whose turn is it?" }')
  .replace('region: urban', 'region: rural')
  .replace('difficulty: basic', 'difficulty: advanced')
  .replace('minutes: 5', 'minutes: 12\ntopics: [identity, safety]\nassessment: true');

function library() {
  const lib = loadLibrary(
    [
      { path: 'scenarios/clinics/umf-prueba.yaml', text: CLINIC_YAML },
      { path: 'scenarios/cases/caso-prueba.yaml', text: CASE_YAML },
      { path: 'scenarios/cases/zeta-rural.yaml', text: RURAL },
      { path: 'scenarios/shifts/turno-manana.yaml', text: SHIFT_YAML },
    ],
    { workflows: fakeRegistry },
  );
  expect(lib.diagnostics).toEqual([]);
  return lib;
}

const rowOf = (md: string, id: string) => md.split('\n').find((l) => l.includes(`\`${id}\``));

describe('buildCatalog', () => {
  it('lists every case by Spanish title with its filters, escaping the table', () => {
    const md = buildCatalog(library());
    expect(rowOf(md, 'zeta-rural')).toBe('| ¿A quién le toca? \\| turno | `zeta-rural` | registration | identity, safety | rural | general | advanced | 12 | sí / yes |');
    expect(rowOf(md, 'caso-prueba')).toBe('| Caso de prueba | `caso-prueba` | registration | — | urban | general | basic | 5 | — |');
    expect(md.indexOf('`zeta-rural`')).toBeLessThan(md.indexOf('`caso-prueba`'));
    expect(md).toContain('2 casos, 1 turnos y 1 clínicas. / 2 cases, 1 shifts and 1 clinics.');
  });

  it('lists shifts and clinics, with how many cases use each clinic', () => {
    const md = buildCatalog(library());
    expect(rowOf(md, 'turno-manana')).toBe('| Turno de la mañana | `turno-manana` | `umf-prueba` | 08:00–09:00 | urban | intermediate | 60 | 2 | 1 |');
    expect(md.split('\n').find((l) => l.startsWith('| UMF de prueba'))).toBe(
      '| UMF de prueba | `umf-prueba` | IMSS UMF | urban | Ciudad de México, Ciudad de México | general | 1 | 1 | 2 |',
    );
  });

  it('says when there are no shifts yet', () => {
    const lib = library();
    lib.shifts.clear();
    expect(buildCatalog(lib)).toContain('## Turnos / Shifts\n\nNinguno todavía. / None yet.');
  });

  it('links each id to its file when given a link function', () => {
    const md = buildCatalog(library(), { link: (p) => `../${p}` });
    expect(md).toContain('[`zeta-rural`](../scenarios/cases/zeta-rural.yaml)');
    expect(md).toContain('[`umf-prueba`](../scenarios/clinics/umf-prueba.yaml)');
    expect(md).toContain('[`turno-manana`](../scenarios/shifts/turno-manana.yaml)');
  });

  it('counts the spread of the cases, zeros included', () => {
    const spread = caseSpread(library().cases.values());
    expect(spread.workflows).toEqual({ registration: 2, coverage: 0, scheduling: 0, 'room-prep': 0 });
    expect(spread.region).toEqual({ urban: 1, rural: 1 });
    expect(spread.difficulty).toEqual({ basic: 1, intermediate: 0, advanced: 1 });
    expect(buildCatalog(library())).toContain('| region | rural | 1 |');
  });
});
