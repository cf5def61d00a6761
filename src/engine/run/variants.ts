/**
 * Variants: people marked `generate:` get a seeded persona, so two trainees in one assessment see
 * different data with the same structure, and the same seed always gives the same people.
 * Preparing a case is the only async step (faker loads on demand); run, replay and score are sync.
 */
import { generatePersona, type PersonaSpec } from '../../domain/persona';
import type { Person, PersonDocument } from '../../domain/types';
import type { Clinic } from '../../domain/types';
import { details, hasGeneratedPeople, personFromSpec, resolveClinic, type PreparedCase } from './case-data';
import type { ClinicFile, PersonSpec, ScenarioCase } from '../format/scenario.schema';
import { withSceneTime } from './scene-time';

/** The persona generator's signature (injectable so tests need not load faker). */
export type PersonaGenerator = (seed: number, spec?: PersonaSpec) => Promise<Person>;

export interface PrepareOptions {
  /** The case's clinic file (or a resolved Clinic); a placeholder otherwise. */
  clinic?: ClinicFile | Clinic;
  generate?: PersonaGenerator;
  /**
   * The clock ("HH:MM") that `{time}` in the case's lines shows (see scene-time.ts): the case's own
   * `time` by default; `false` leaves the token for a shift, which fills it when the case starts.
   */
  sceneTime?: string | false;
}

/**
 * The seed for one person of a case: FNV-1a over the run seed and the person's id, so people of
 * one case differ from each other and adding a person does not change the others.
 */
export function personSeed(seed: number, personId: string): number {
  let h = 0x811c9dc5;
  const text = `${seed}:${personId}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & 0x7fffffff;
}

/** A document the scenario lists for a generated person: the fields it leaves out come from the person. */
function fillDocument(doc: PersonDocument, person: Person): PersonDocument {
  const own: PersonDocument = { kind: doc.kind, name: person.name, birth: person.birth, sex: person.sex };
  if (doc.kind === 'ine' || doc.kind === 'curp-certificate' || doc.kind === 'birth-certificate' || doc.kind === 'passport') {
    if (person.curp) own.curp = person.curp;
  }
  if (doc.kind === 'ine' && person.address) own.address = person.address;
  if (doc.kind === 'imss-card' && person.coverage?.nss) own.nss = person.coverage.nss;
  if (doc.kind === 'tax-certificate' && person.rfc) own.rfc = person.rfc;
  return { ...own, ...doc };
}

/** Merges a generated identity with what the scenario states about the person (the scenario wins). */
export function mergeGenerated(id: string, spec: PersonSpec, generated: Person): Person {
  const stated = details(spec);
  const person: Person = { ...generated, ...stated, id, name: generated.name, birth: generated.birth, sex: generated.sex, birthState: generated.birthState };
  if (generated.curp) person.curp = generated.curp;
  if (generated.rfc) person.rfc = generated.rfc;
  if (spec.phone === undefined && generated.phone) person.phone = generated.phone;
  if (spec.address === undefined && generated.address) person.address = generated.address;
  if (generated.coverage || spec.coverage) {
    const sameKind = !spec.coverage || !generated.coverage || spec.coverage.kind === generated.coverage.kind;
    person.coverage = sameKind ? { ...generated.coverage, ...spec.coverage } as Person['coverage'] : { ...spec.coverage } as Person['coverage'];
  }
  person.documents = spec.documents.length > 0 ? spec.documents.map((d) => fillDocument(d, person)) : generated.documents;
  return person;
}

/** Resolves a case for a seed: generated people get personas from derived seeds; the rest is copied. */
export async function prepareCase(scenario: ScenarioCase, seed: number, opts: PrepareOptions = {}): Promise<PreparedCase> {
  const generate = opts.generate ?? generatePersona;
  const people: Record<string, Person> = {};
  // Generate one by one: the persona generator reseeds a shared faker instance.
  for (const [id, spec] of Object.entries(scenario.people)) {
    if (!spec.generate) {
      people[id] = personFromSpec(id, spec);
      continue;
    }
    const g = spec.generate;
    const personaSpec: PersonaSpec = {
      id,
      today: scenario.today,
      ...(g.age !== undefined && { age: g.age }),
      ...(g.sex !== undefined && { sex: g.sex }),
      ...(g.coverage !== undefined && { coverage: g.coverage }),
      ...(g.birthState !== undefined && { birthState: g.birthState }),
    };
    people[id] = mergeGenerated(id, spec, await generate(personSeed(seed, id), personaSpec));
  }
  const sceneTime = opts.sceneTime ?? scenario.time;
  return {
    scenario: sceneTime === false ? scenario : withSceneTime(scenario, sceneTime),
    seed,
    data: {
      people,
      clinic: resolveClinic(scenario, opts.clinic),
      today: scenario.today,
      time: scenario.time,
      services: { ...scenario.services },
    },
  };
}

/** True when the case needs prepareCase (some person is generated). */
export const needsPreparation = hasGeneratedPeople;
