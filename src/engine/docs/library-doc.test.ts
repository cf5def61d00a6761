import { buildCatalog, caseSpread, cell } from './library-doc';
import { loadLibrary } from '../load/library';
import { CASE_YAML, CLINIC_YAML, fakeRegistry } from '../testing/loader-fixtures';

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

describe('the catalogue shows file text as text', () => {
  const hostile = () => {
    const lib = loadLibrary(
      [
        { path: 'scenarios/clinics/umf-prueba.yaml', text: CLINIC_YAML.replace('name: UMF de prueba', 'name: "UMF <script>alert(1)</script>"') },
        {
          path: 'scenarios/cases/caso-prueba.yaml',
          text: CASE_YAML.replace('title: { es-MX: "Caso de prueba", en: "Test case" }', 'title: { es-MX: "<img src=x onerror=alert(1)> **[clic](javascript:alert(1))** [2K", en: "Test" }'),
        },
      ],
      { workflows: fakeRegistry },
    );
    expect(lib.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // A project folder whose name has spaces and parentheses.
    return buildCatalog(lib, { link: (p) => `../mis casos (2026)/${p}` });
  };

  it('escapes HTML and Markdown in titles and clinic names, so nothing in them runs or links', () => {
    const md = hostile();
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<script');
    // An unescaped `](` would make a link.
    expect(md).not.toMatch(/(?<!\\)\]\(javascript/);
    expect(rowOf(md, 'caso-prueba')).toContain('| &lt;img src=x onerror=alert(1)&gt; \\*\\*\\[clic\\](javascript:alert(1))\\*\\* \\[2K |');
    expect(md).toContain('| UMF &lt;script&gt;alert(1)&lt;/script&gt; |');
  });

  it('keeps a link whose path has spaces or parentheses one link', () => {
    expect(rowOf(hostile(), 'caso-prueba')).toContain('[`caso-prueba`](../mis%20casos%20%282026%29/scenarios/cases/caso-prueba.yaml)');
  });

  // The loader refuses control characters in a file (invisible characters); the catalogue escapes them anyway.
  it('shows control and bidi characters as escapes', () => {
    expect(cell('a\u001bb\u202ec')).toBe('a\\u001bb\\u202ec');
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    expect(cell('x\u0007')).not.toMatch(/[\u0000-\u001f]/);
  });
});
