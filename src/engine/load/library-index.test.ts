import { loadLibraryFrom, memoryFileSystem } from './library';
import { catalogOf, splitCatalog, withTexts } from './library-index';
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
  - { at: "08:30", case: caso-prueba }
events:
  - { at: "08:40", type: room-dirty, room: c1, case: zeta-rural }
  - { at: "08:45", type: portal-down }
`;

const RURAL = CASE_YAML.replace('id: caso-prueba', 'id: zeta-rural').replace('region: urban', 'region: rural');

async function catalog() {
  const fs = memoryFileSystem({
    'scenarios/shifts/turno-manana.yaml': SHIFT_YAML,
    'scenarios/cases/zeta-rural.yaml': RURAL,
    'scenarios/cases/caso-prueba.yaml': CASE_YAML,
    'scenarios/clinics/umf-prueba.yaml': CLINIC_YAML,
    'scenarios/cases/roto.yaml': 'format: 1\nid: roto\n',
    'scenarios/cases/binario.yaml': new Uint8Array([0x66, 0, 0x6f]),
  });
  return catalogOf(await loadLibraryFrom(fs, ['scenarios'], { workflows: fakeRegistry }));
}

describe('catalogOf', () => {
  it('lists cases by id with the list-page fields only', async () => {
    const { cases } = await catalog();
    expect(cases.map((c) => c.id)).toEqual(['caso-prueba', 'zeta-rural']);
    expect(cases[1]).toEqual({
      id: 'zeta-rural', title: { 'es-MX': 'Caso de prueba', en: 'Test case' }, summary: { 'es-MX': 'Resumen', en: 'Summary' },
      workflows: ['registration'], topics: [], difficulty: 'basic', region: 'rural', specialty: 'general', minutes: 5, clinic: 'umf-prueba', assessment: false,
    });
  });

  it('counts a shift\'s patients (arrivals and events that bring a case) and names each case it plays once', async () => {
    const [shift] = (await catalog()).shifts;
    expect(shift).toMatchObject({ id: 'turno-manana', clinic: 'umf-prueba', start: '08:00', end: '09:00', arrivals: 4, cases: ['caso-prueba', 'zeta-rural'] });
    expect(shift).not.toHaveProperty('objectives');
  });

  it('names clinics, and lists every broken file with its errors only, an unreadable one included', async () => {
    const { clinics, broken } = await catalog();
    expect(clinics).toEqual([{ id: 'umf-prueba', name: 'UMF de prueba' }]);
    expect(broken.map((b) => b.path)).toEqual(['scenarios/cases/binario.yaml', 'scenarios/cases/roto.yaml']);
    expect(broken[0]?.diagnostics.map((d) => d.code)).toEqual(['binary-file']);
    expect(broken.every((b) => b.diagnostics.length > 0 && b.diagnostics.every((d) => d.severity === 'error' && d.file === b.path))).toBe(true);
  });
});

describe('catalogue texts apart', () => {
  it('splits the titles and summaries out, one table per language, and puts them back exactly', async () => {
    const full = await catalog();
    const { bare, texts } = splitCatalog(full);
    expect(bare.cases[0]).not.toHaveProperty('title');
    expect(bare.shifts[0]).not.toHaveProperty('summary');
    expect(bare.shifts[0]).toMatchObject({ id: 'turno-manana', arrivals: 4 });
    expect(bare.clinics).toEqual(full.clinics);
    expect(texts['es-MX'].shifts['turno-manana']).toEqual({ title: 'Turno de la mañana', summary: 'Resumen' });
    expect(texts.en.cases['zeta-rural']).toEqual({ title: 'Test case', summary: 'Summary' });
    expect(JSON.stringify(texts.en)).not.toContain('mañana');
    expect(withTexts(bare, texts)).toEqual(full);
  });

  it('fills a language without texts from another, es-MX first, and from the id when there is none', async () => {
    const { bare, texts } = splitCatalog(await catalog());
    const onlyEn = withTexts(bare, { en: texts.en });
    expect(onlyEn.shifts[0]?.title).toEqual({ 'es-MX': 'Morning shift', en: 'Morning shift' });
    const onlyEs = withTexts(bare, { 'es-MX': texts['es-MX'] });
    expect(onlyEs.shifts[0]?.title).toEqual({ 'es-MX': 'Turno de la mañana', en: 'Turno de la mañana' });
    const none = withTexts(bare, {});
    expect(none.cases[0]?.title).toEqual({ 'es-MX': 'caso-prueba', en: 'caso-prueba' });
    expect(none.cases[0]?.summary).toEqual({ 'es-MX': '', en: '' });
  });

  it('reads own ids only: an entry named like a prototype member finds no inherited text', async () => {
    const { bare } = splitCatalog(await catalog());
    const shift = { ...bare.shifts[0]!, id: 'constructor' };
    const got = withTexts({ ...bare, shifts: [shift] }, { en: { cases: {}, shifts: {} } });
    expect(got.shifts[0]?.title).toEqual({ 'es-MX': 'constructor', en: 'constructor' });
  });
});
