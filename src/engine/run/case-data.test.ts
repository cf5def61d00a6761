import { addDays, caseDataSync, clinicFromFile, clockToSeconds, personFromSpec, secondsToClock, workflowCaseFor } from './case-data';
import { fakeCase, formWorkflow } from '../testing/run-fixtures';
import { clinicSchema, personSchema } from '../format/scenario.schema';

const clinicFile = clinicSchema.parse({
  format: 1,
  kind: 'clinic',
  id: 'umf-prueba',
  name: 'UMF 99 Prueba',
  type: 'imss-umf',
  region: 'urban',
  state: 'Ciudad de México',
  city: 'Ciudad de México',
  address: 'Av. Siempre Viva 1',
  umf: 99,
  hours: { days: [1, 2, 3, 4, 5], open: '08:00', close: '20:00' },
  doctors: [{ id: 'dra-luna', name: 'Dra. Luna', specialty: 'general', blocks: [{ day: 1, start: '08:00', end: '14:00' }] }],
  visitTypes: [{ id: 'first-visit', name: { 'es-MX': 'Primera vez', en: 'First visit' }, minutes: 20 }],
  rooms: [{ id: 'c1', name: 'Consultorio 1', specialty: 'general' }],
  appointments: [
    { id: 'cita-1', doctorId: 'dra-luna', patientName: 'Ana', start: '09:00', minutes: 20, visitType: 'first-visit', dayOffset: 1 },
    { id: 'cita-2', doctorId: 'dra-luna', patientName: 'Luis', date: '2026-04-01', start: '10:00', minutes: 20, visitType: 'first-visit' },
    { id: 'cita-3', doctorId: 'dra-luna', patientName: 'Eva', start: '11:00', minutes: 20, visitType: 'first-visit' },
  ],
});

describe('case data', () => {
  it('adds days across months and leap years', () => {
    expect(addDays('2026-03-09', 1)).toBe('2026-03-10');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('converts clock times both ways', () => {
    expect(clockToSeconds('09:30')).toBe(34_200);
    expect(secondsToClock(34_200 + 59)).toBe('09:30');
    expect(secondsToClock(24 * 3600 + 60)).toBe('00:01');
  });

  it('turns a clinic file into a Clinic, dating appointments from the case day', () => {
    const clinic = clinicFromFile(clinicFile, '2026-03-09');
    expect(clinic.kind).toBe('imss-umf');
    expect(clinic.umf).toBe(99);
    expect(clinic.appointments.map((a) => a.date)).toEqual(['2026-03-10', '2026-04-01', '2026-03-09']);
  });

  it('turns a written-out person into a Person', () => {
    const spec = personSchema.parse({ name: { given: 'Gloria', first: 'Hernández' }, birth: '1956-04-27', sex: 'M', birthState: 'VZ', phone: '55 1' });
    expect(personFromSpec('patient', spec)).toEqual({
      id: 'patient',
      name: { given: 'Gloria', first: 'Hernández' },
      birth: '1956-04-27',
      sex: 'M',
      birthState: 'VZ',
      phone: '55 1',
      language: 'es',
      documents: [],
    });
  });

  it('builds the WorkflowCase of a task step at the current clock', () => {
    const scenario = fakeCase();
    const data = caseDataSync(scenario, { clinic: clinicFile });
    const step = { ...scenario.steps.registro!, with: { strict: true } };
    const wc = workflowCaseFor(data, step, formWorkflow, clockToSeconds('10:15'));
    expect(wc.patient.name.given).toBe('Gloria');
    expect(wc.now).toBe('10:15');
    expect(wc.today).toBe('2026-03-09');
    expect(wc.clinic.id).toBe('umf-prueba');
    expect(wc.options).toEqual({ strict: true });
    expect(wc.services).toEqual({ imssPortal: 'up', insurerPortal: 'up' });
  });

  it('refuses a task for someone who is not in the case, or bad options', () => {
    const scenario = fakeCase();
    const data = caseDataSync(scenario);
    expect(() => workflowCaseFor(data, { ...scenario.steps.registro!, for: 'nadie' }, formWorkflow, 0)).toThrow(/nadie/);
    expect(() => workflowCaseFor(data, { ...scenario.steps.registro!, with: { strict: 'yes' } }, formWorkflow, 0)).toThrow(/options/);
  });

  it('gives the same options and the same refusal every time a step starts (parsed once per step)', () => {
    const scenario = fakeCase();
    const data = caseDataSync(scenario);
    const step = { ...scenario.steps.registro!, with: { strict: true } };
    const first = workflowCaseFor(data, step, formWorkflow, 0);
    expect(workflowCaseFor(data, step, formWorkflow, 60).options).toEqual(first.options);
    const bad = { ...scenario.steps.registro!, with: { strict: 'yes' } };
    expect(() => workflowCaseFor(data, bad, formWorkflow, 0)).toThrow(/options/);
    expect(() => workflowCaseFor(data, bad, formWorkflow, 0)).toThrow(/options/);
    // Another workflow reads the same step's `with:` by its own schema.
    const strictless = { ...formWorkflow, options: formWorkflow.options.transform(() => ({ other: true })) };
    expect(workflowCaseFor(data, step, strictless, 0).options).toEqual({ other: true });
  });
});
