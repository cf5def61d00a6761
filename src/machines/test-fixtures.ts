import type { Clinic, Person } from '../domain/types';
import type { ServiceStates, WorkflowCase } from './workflow';

// Sample people and a clinic for machine tests. Every CURP and NSS below has a correct check digit
// and agrees with the person's name, birth date, sex and state, unless a test breaks it on purpose.

/** An adult IMSS member: the facts doc's public CURP and NSS examples. */
export function gloria(overrides: Partial<Person> = {}): Person {
  return {
    id: 'patient',
    name: { given: 'Gloria', first: 'Hernández', second: 'García' },
    birth: '1956-04-27',
    sex: 'M',
    birthState: 'VZ',
    curp: 'HEGG560427MVZRRL04',
    phone: '55 1234 5678',
    address: 'Calle 5 de Mayo 12, Col. Centro, Ciudad de México',
    language: 'es',
    speaksSpanish: true,
    coverage: { kind: 'imss', nss: '72795608040', status: 'active', umf: 12 },
    documents: [
      {
        kind: 'ine',
        name: { given: 'Gloria', first: 'Hernández', second: 'García' },
        curp: 'HEGG560427MVZRRL04',
        birth: '1956-04-27',
        sex: 'M',
        address: 'Calle 5 de Mayo 12, Col. Centro, Ciudad de México',
      },
      { kind: 'imss-card', name: { given: 'Gloria', first: 'Hernández', second: 'García' }, nss: '72795608040' },
    ],
    ...overrides,
  };
}

/** A father who brings his daughter; his own INE. */
export function juan(overrides: Partial<Person> = {}): Person {
  return {
    id: 'guardian',
    name: { given: 'Juan', first: 'López', second: 'Pérez' },
    birth: '1988-01-15',
    sex: 'H',
    birthState: 'DF',
    curp: 'LOPJ880115HDFPRN06',
    phone: '55 8765 4321',
    language: 'es',
    speaksSpanish: true,
    relation: 'padre',
    documents: [
      { kind: 'ine', name: { given: 'Juan', first: 'López', second: 'Pérez' }, curp: 'LOPJ880115HDFPRN06', birth: '1988-01-15', sex: 'H' },
    ],
    ...overrides,
  };
}

/** A ten-year-old girl (minor) whose guardian is `juan()`; she brings a birth certificate. */
export function sofia(overrides: Partial<Person> = {}): Person {
  return {
    id: 'patient',
    name: { given: 'Sofía', first: 'López', second: 'Hernández' },
    birth: '2015-03-10',
    sex: 'M',
    birthState: 'DF',
    curp: 'LOHS150310MDFPRFA4',
    address: 'Av. Insurgentes 300, Col. Roma, Ciudad de México',
    language: 'es',
    speaksSpanish: true,
    guardian: 'guardian',
    coverage: { kind: 'imss', nss: '12088801233', status: 'active', umf: 12 },
    documents: [
      {
        kind: 'birth-certificate',
        name: { given: 'Sofía', first: 'López', second: 'Hernández' },
        curp: 'LOHS150310MDFPRFA4',
        birth: '2015-03-10',
        sex: 'M',
      },
    ],
    ...overrides,
  };
}

/** The sample IMSS family-medicine unit number 12 in Mexico City. */
export function sampleClinic(overrides: Partial<Clinic> = {}): Clinic {
  return {
    id: 'umf-12-cdmx',
    name: 'UMF 12 Centro',
    kind: 'imss-umf',
    region: 'urban',
    state: 'DF',
    city: 'Ciudad de México',
    address: 'Av. Juárez 100, Col. Centro, Ciudad de México',
    umf: 12,
    hours: { days: [1, 2, 3, 4, 5], open: '08:00', close: '20:00' },
    doctors: [
      { id: 'dr-ruiz', name: 'Dra. Ana Ruiz', specialty: 'general', blocks: [{ day: 1, start: '08:00', end: '14:00' }] },
    ],
    visitTypes: [{ id: 'first', name: { 'es-MX': 'Primera vez', en: 'First visit' }, minutes: 15 }],
    rooms: [{ id: 'c1', name: 'Consultorio 1', specialty: 'general', status: 'ready' }],
    appointments: [],
    ...overrides,
  };
}

/** A WorkflowCase for `patient`; `people` always includes the patient. */
export function makeCase<TOptions>(
  patient: Person,
  options: TOptions,
  extra: { people?: Person[]; clinic?: Clinic; services?: Partial<ServiceStates>; today?: string; now?: string } = {},
): WorkflowCase<TOptions> {
  const people: Record<string, Person> = { [patient.id]: patient };
  for (const p of extra.people ?? []) people[p.id] = p;
  return {
    patient,
    people,
    clinic: extra.clinic ?? sampleClinic(),
    today: extra.today ?? '2026-01-15',
    now: extra.now ?? '09:30',
    services: { imssPortal: 'up', insurerPortal: 'up', ...extra.services },
    options,
  };
}
