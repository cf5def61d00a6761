import { MIGRATIONS, migrateDocument, type Migration } from './migrations';
import { FORMAT_VERSION } from '../format/scenario.schema';

const rename: Migration = {
  from: 1,
  describe: { 'es-MX': 'birth_state pasa a birthState', en: 'birth_state becomes birthState' },
  migrate: (doc) => {
    const { birth_state: state, ...rest } = doc;
    return state === undefined ? rest : { ...rest, birthState: state };
  },
};

describe('migrateDocument', () => {
  it('has no migrations for the first format', () => {
    expect(FORMAT_VERSION).toBe(1);
    expect(MIGRATIONS).toEqual([]);
  });

  it('applies migrations one version at a time up to the target', () => {
    const r = migrateDocument({ format: 1, birth_state: 'VZ' }, 1, [rename], 2);
    expect(r).toEqual({ ok: true, doc: { format: 2, birthState: 'VZ' }, applied: [rename] });
  });

  it('reports the first version with no migration', () => {
    expect(migrateDocument({ format: 0 }, 0, [rename], 2)).toEqual({ ok: false, missingFrom: 0 });
  });
});
