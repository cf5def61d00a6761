import { checkCurp } from '../../domain/curp';
import type { Person } from '../../domain/types';
import { createRun } from './run';
import { bestLog, fakeCase, fakeWorkflows } from '../testing/run-fixtures';
import { caseSchema, type ScenarioCase } from '../format/scenario.schema';
import { mergeGenerated, personSeed, prepareCase, type PersonaGenerator } from './variants';

function generatedCase(): ScenarioCase {
  const base = fakeCase();
  return caseSchema.parse({
    ...base,
    people: {
      patient: { generate: { age: [30, 40], coverage: 'imss' }, mood: 'anxious', documents: [{ kind: 'ine' }] },
      guardian: { generate: { age: [50, 60] }, relation: 'madre' },
      doctor: { name: { given: 'Ana', first: 'Ruiz' }, birth: '1980-01-01', sex: 'M', birthState: 'DF' },
    },
  });
}

/** A fake generator that records what it was asked for. */
function recordingGenerator(calls: [number, unknown][]): PersonaGenerator {
  return (seed, spec) => {
    calls.push([seed, spec]);
    const person: Person = {
      id: 'x',
      name: { given: `N${seed % 1000}`, first: 'Pérez' },
      birth: '1990-01-01',
      sex: 'H',
      birthState: 'JC',
      curp: 'PEXN900101HJCRXX01',
      phone: '33 0000 0000',
      address: 'Calle 1',
      language: 'es',
      coverage: { kind: 'imss', nss: '72795608040', status: 'active' },
      documents: [{ kind: 'curp-certificate', curp: 'PEXN900101HJCRXX01' }],
    };
    return Promise.resolve(person);
  };
}

describe('personSeed', () => {
  it('derives a different seed per person and the same one for the same inputs', () => {
    expect(personSeed(1, 'patient')).toBe(personSeed(1, 'patient'));
    expect(personSeed(1, 'patient')).not.toBe(personSeed(1, 'guardian'));
    expect(personSeed(1, 'patient')).not.toBe(personSeed(2, 'patient'));
    expect(personSeed(123, 'patient')).toBeGreaterThanOrEqual(0);
    expect(personSeed(123, 'patient')).toBeLessThanOrEqual(0x7fffffff);
  });
});

describe('prepareCase', () => {
  it('asks the generator once per generated person, with derived seeds and the case date', async () => {
    const calls: [number, unknown][] = [];
    const prepared = await prepareCase(generatedCase(), 42, { generate: recordingGenerator(calls) });
    expect(calls).toEqual([
      [personSeed(42, 'patient'), { id: 'patient', today: '2026-03-09', age: [30, 40], coverage: 'imss' }],
      [personSeed(42, 'guardian'), { id: 'guardian', today: '2026-03-09', age: [50, 60] }],
    ]);
    expect(prepared.data.people.doctor?.name).toEqual({ given: 'Ana', first: 'Ruiz' });
    expect(prepared.seed).toBe(42);
  });

  it('keeps what the scenario states and fills its documents from the generated identity', async () => {
    const prepared = await prepareCase(generatedCase(), 42, { generate: recordingGenerator([]) });
    const patient = prepared.data.people.patient as Person;
    expect(patient.id).toBe('patient');
    expect(patient.mood).toBe('anxious');
    expect(patient.documents).toEqual([
      { kind: 'ine', name: patient.name, birth: '1990-01-01', sex: 'H', curp: 'PEXN900101HJCRXX01', address: 'Calle 1' },
    ]);
    expect(prepared.data.people.guardian?.relation).toBe('madre');
    expect(prepared.data.people.guardian?.documents).toEqual([{ kind: 'curp-certificate', curp: 'PEXN900101HJCRXX01' }]);
  });

  it('lets a prepared case run synchronously', async () => {
    const prepared = await prepareCase(generatedCase(), 3, { generate: recordingGenerator([]) });
    const run = createRun(prepared, { workflows: fakeWorkflows });
    run.send({ type: 'choose', choice: 'formal' });
    const snap = run.snapshot().task?.snapshot as { context: { expectedName: string } };
    expect(snap.context.expectedName).toBe(prepared.data.people.patient?.name.given);
    expect(run.result().seed).toBe(3);
    bestLog.slice(1).forEach((e) => run.send({ ...e }));
    expect(run.result().critical).toEqual([]);
  });

  it('gives the same people for the same seed and different people for another (real generator)', async () => {
    const a = await prepareCase(generatedCase(), 7);
    const b = await prepareCase(generatedCase(), 7);
    const c = await prepareCase(generatedCase(), 8);
    expect(a.data.people).toEqual(b.data.people);
    expect(a.data.people.patient?.curp).not.toBe(c.data.people.patient?.curp);
    expect(a.data.people.patient?.curp).not.toBe(a.data.people.guardian?.curp);
    expect(checkCurp(a.data.people.patient?.curp ?? '').valid).toBe(true);
    expect(a.data.people.patient?.documents[0]?.curp).toBe(a.data.people.patient?.curp);
  }, 20_000);
});

describe('mergeGenerated', () => {
  it('merges stated coverage details into the generated coverage of the same kind', async () => {
    const spec = caseSchema.shape.people.parse({ patient: { generate: {}, coverage: { kind: 'imss', status: 'conservation' } } }).patient;
    const generated = await recordingGenerator([])(1, {});
    const merged = mergeGenerated('patient', spec!, generated);
    expect(merged.coverage).toEqual({ kind: 'imss', nss: '72795608040', status: 'conservation' });
  });
});
