/**
 * From scenario file data to the domain types the workflow machines read: people, the clinic, and
 * the WorkflowCase a task step hands its machine.
 */
import type { LocalizedText } from '../../domain/text';
import type { Appointment, Clinic, Person } from '../../domain/types';
import type { ServiceStates, WorkflowCase, WorkflowDefinition } from '../../machines/workflow';
import type { ClinicFile, PersonSpec, ScenarioCase, Step } from '../format/scenario.schema';

/** The resolved data of one case: who is there, where, and when. Everything after it is synchronous. */
export interface CaseData {
  people: Record<string, Person>;
  clinic: Clinic;
  today: string;
  /** Start time of the case, HH:MM. */
  time: string;
  services: ServiceStates;
}

/** A case ready to run: the scenario, the seed its variants came from, and its resolved data. */
export interface PreparedCase {
  scenario: ScenarioCase;
  seed: number;
  data: CaseData;
}

/** Thrown when a case cannot be prepared (a generated person without a generator, a missing field). */
export class CaseDataError extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
    this.name = 'CaseDataError';
  }
}

/** The domain Person for a person written out in full in the scenario. */
export function personFromSpec(id: string, spec: PersonSpec): Person {
  if (spec.generate) {
    throw new CaseDataError({
      'es-MX': `La persona "${id}" es generada: prepare el caso con prepareCase(escenario, semilla).`,
      en: `Person "${id}" is generated: prepare the case with prepareCase(scenario, seed).`,
    });
  }
  if (!spec.name || !spec.birth || !spec.sex || !spec.birthState) {
    throw new CaseDataError({
      'es-MX': `A la persona "${id}" le falta nombre, nacimiento, sexo o estado de nacimiento.`,
      en: `Person "${id}" lacks a name, birth date, sex or birth state.`,
    });
  }
  return {
    ...details(spec),
    id,
    name: { ...spec.name },
    birth: spec.birth,
    sex: spec.sex,
    birthState: spec.birthState,
    ...(spec.curp !== undefined && { curp: spec.curp }),
    ...(spec.rfc !== undefined && { rfc: spec.rfc }),
  };
}

/** The fields of a person that a scenario always states itself (even for a generated identity). */
export function details(spec: PersonSpec): Omit<Person, 'id' | 'name' | 'birth' | 'sex' | 'birthState'> {
  return {
    language: spec.language,
    documents: spec.documents.map((d) => ({ ...d })),
    ...(spec.phone !== undefined && { phone: spec.phone }),
    ...(spec.email !== undefined && { email: spec.email }),
    ...(spec.address !== undefined && { address: spec.address }),
    ...(spec.speaksSpanish !== undefined && { speaksSpanish: spec.speaksSpanish }),
    ...(spec.coverage !== undefined && { coverage: { ...spec.coverage } }),
    ...(spec.mood !== undefined && { mood: spec.mood }),
    ...(spec.guardian !== undefined && { guardian: spec.guardian }),
    ...(spec.relation !== undefined && { relation: spec.relation }),
    ...(spec.preferredChannel !== undefined && { preferredChannel: spec.preferredChannel }),
  };
}

/** YYYY-MM-DD plus a number of days (calendar arithmetic in UTC, no wall clock). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const ms = Date.UTC(y, m - 1, d + days);
  return new Date(ms).toISOString().slice(0, 10);
}

/** The domain Clinic for a clinic file; appointments without a date fall on the case's day plus their offset. */
export function clinicFromFile(file: ClinicFile, today: string): Clinic {
  const appointments: Appointment[] = file.appointments.map((a) => ({
    id: a.id,
    doctorId: a.doctorId,
    patientName: a.patientName,
    date: a.date ?? addDays(today, a.dayOffset ?? 0),
    start: a.start,
    minutes: a.minutes,
    visitType: a.visitType,
    ...(a.kind !== undefined && { kind: a.kind }),
    ...(a.status !== undefined && { status: a.status }),
  }));
  return {
    id: file.id,
    name: file.name,
    kind: file.type,
    region: file.region,
    state: file.state,
    city: file.city,
    address: file.address,
    ...(file.umf !== undefined && { umf: file.umf }),
    hours: { days: [...file.hours.days], open: file.hours.open, close: file.hours.close },
    doctors: file.doctors.map((d) => ({ ...d, blocks: d.blocks.map((b) => ({ ...b })) })),
    visitTypes: file.visitTypes.map((v) => ({ ...v })),
    rooms: file.rooms.map((r) => ({ ...r })),
    appointments,
  };
}

/**
 * A stand-in clinic when the case's clinic file is not at hand (unit tests, a lone case file):
 * an IMSS family-medicine unit with one general doctor and one room, open weekdays 08:00-20:00.
 */
export function placeholderClinic(id: string, region: Clinic['region'] = 'urban'): Clinic {
  return {
    id,
    name: id,
    kind: 'imss-umf',
    region,
    state: 'Ciudad de México',
    city: 'Ciudad de México',
    address: '—',
    hours: { days: [1, 2, 3, 4, 5], open: '08:00', close: '20:00' },
    doctors: [
      { id: 'dr-general', name: 'Dra. General', specialty: 'general', blocks: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '14:00' })) },
    ],
    visitTypes: [],
    rooms: [{ id: 'consultorio-1', name: 'Consultorio 1', specialty: 'general', status: 'ready' }],
    appointments: [],
  };
}

/** True when some person of the case asks for a generated identity (so preparing it is async). */
export function hasGeneratedPeople(scenario: ScenarioCase): boolean {
  return Object.values(scenario.people).some((p) => p.generate !== undefined);
}

/** Resolves a case whose people are all written out (no `generate`); throws CaseDataError otherwise. */
export function caseDataSync(scenario: ScenarioCase, opts: { clinic?: ClinicFile | Clinic } = {}): CaseData {
  const people: Record<string, Person> = {};
  for (const [id, spec] of Object.entries(scenario.people)) people[id] = personFromSpec(id, spec);
  return { people, clinic: resolveClinic(scenario, opts.clinic), today: scenario.today, time: scenario.time, services: { ...scenario.services } };
}

/** The case's clinic as a domain Clinic: the given file or object, else a placeholder with the case's id. */
export function resolveClinic(scenario: ScenarioCase, clinic?: ClinicFile | Clinic): Clinic {
  if (!clinic) return placeholderClinic(scenario.clinic, scenario.region);
  return 'type' in clinic ? clinicFromFile(clinic, scenario.today) : clinic;
}

/** Seconds since midnight for HH:MM. */
export function clockToSeconds(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 3600 + m * 60;
}

/** HH:MM for seconds since midnight (wraps past midnight). */
export function secondsToClock(seconds: number): string {
  const total = Math.floor(seconds / 60) % (24 * 60);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

type OptionsParse = { success: true; data: unknown } | { success: false };
const optionsCache = new WeakMap<Step, WeakMap<WorkflowDefinition, OptionsParse>>();

// A replay starts the same task steps thousands of times: parse each step's `with:` once per workflow.
function parsedOptions(step: Step, def: WorkflowDefinition): OptionsParse {
  let byDef = optionsCache.get(step);
  if (!byDef) optionsCache.set(step, (byDef = new WeakMap()));
  let parsed = byDef.get(def);
  if (!parsed) {
    const r = def.options.safeParse(step.with ?? {});
    parsed = r.success ? { success: true, data: r.data } : { success: false };
    byDef.set(def, parsed);
  }
  return parsed;
}

/** The WorkflowCase a task step hands its machine: the person it is for, the case's data, the step's `with:`. */
export function workflowCaseFor(data: CaseData, step: Step, def: WorkflowDefinition, clockSeconds: number): WorkflowCase {
  const personId = step.for ?? 'patient';
  const patient = data.people[personId];
  if (!patient) {
    throw new CaseDataError({
      'es-MX': `La tarea es para "${personId}", que no está en people.`,
      en: `The task is for "${personId}", who is not in people.`,
    });
  }
  const parsed = parsedOptions(step, def);
  if (!parsed.success) {
    throw new CaseDataError({
      'es-MX': `Las opciones (with:) de la tarea ${def.id} no son válidas.`,
      en: `The task's ${def.id} options (with:) are not valid.`,
    });
  }
  return {
    patient,
    people: data.people,
    clinic: data.clinic,
    today: data.today,
    now: secondsToClock(clockSeconds),
    services: data.services,
    options: parsed.data,
  };
}
