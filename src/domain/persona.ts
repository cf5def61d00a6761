import type { Faker } from '@faker-js/faker';
import { ageOn } from './calendar';
import { CURP_STATES, curpCheckDigit } from './curp';
import { curpFromPerson } from './curp-from-person';
import { isoDateFromUtc, parseIsoDateUtc, shiftIsoDate } from './money';
import { nssCheckDigit } from './nss';
import { createRng, type Rng } from './random';
import { RFC_INCONVENIENT_WORDS, rfcCheckDigit } from './rfc';
import type { ContactChannel, Coverage, IsoDate, PayerKind, Person, PersonDocument, PersonName, Sex } from './types';

// Seeded generator of synthetic Mexican patients for scenario variants and tests.
//
// faker is loaded with a dynamic import inside generatePersona, so exporting this module from the
// domain index does not put faker in the first-load bundle: Vite splits it into its own chunk,
// fetched the first time a persona is generated.
//
// The CURP, NSS and RFC built here belong to invented people and exist only inside the simulator.
// NOM-024 forbids a system from generating the CURP of a real patient; the registration workflow
// never does (it only checks and explains).

/** The simulated "today" personas are aged against when the caller gives none (never the clock). */
export const PERSONA_DEFAULT_TODAY: IsoDate = '2026-01-15';

/**
 * Oldest age accepted: an NSS writes years with two digits, read against the current year as pivot,
 * so a birth year 99 or more years back could be read as this century.
 */
export const PERSONA_MAX_AGE = 98;

/** Constraints on a generated persona; everything not given is drawn from the seed. */
export interface PersonaSpec {
  /** Age range in completed years on `today`, both inclusive; default [0, 90]. */
  age?: [min: number, max: number];
  sex?: Sex;
  coverage?: PayerKind;
  /** Two-letter CURP state code, NE for born abroad. */
  birthState?: string;
  /** The simulated date the age is measured against. */
  today?: IsoDate;
  /** Key of the person in the case; default 'patient'. */
  id?: string;
}

interface StateInfo {
  name: string;
  city: string;
  /** Range of the first two digits of the state's postal codes. */
  postalPrefix: [number, number];
  /** Long-distance area code of the city (lada): 2 digits in CDMX, Guadalajara, Monterrey; 3 elsewhere. */
  lada: string;
}

/** Where people live: each state with its capital (or largest city), postal code prefixes and lada. */
const STATES: Record<string, StateInfo> = {
  AS: { name: 'Aguascalientes', city: 'Aguascalientes', postalPrefix: [20, 20], lada: '449' },
  BC: { name: 'Baja California', city: 'Tijuana', postalPrefix: [22, 22], lada: '664' },
  BS: { name: 'Baja California Sur', city: 'La Paz', postalPrefix: [23, 23], lada: '612' },
  CC: { name: 'Campeche', city: 'San Francisco de Campeche', postalPrefix: [24, 24], lada: '981' },
  CL: { name: 'Coahuila', city: 'Saltillo', postalPrefix: [25, 25], lada: '844' },
  CM: { name: 'Colima', city: 'Colima', postalPrefix: [28, 28], lada: '312' },
  CS: { name: 'Chiapas', city: 'Tuxtla Gutiérrez', postalPrefix: [29, 29], lada: '961' },
  CH: { name: 'Chihuahua', city: 'Chihuahua', postalPrefix: [31, 31], lada: '614' },
  DF: { name: 'Ciudad de México', city: 'Ciudad de México', postalPrefix: [1, 16], lada: '55' },
  DG: { name: 'Durango', city: 'Durango', postalPrefix: [34, 34], lada: '618' },
  GT: { name: 'Guanajuato', city: 'León', postalPrefix: [37, 37], lada: '477' },
  GR: { name: 'Guerrero', city: 'Chilpancingo', postalPrefix: [39, 39], lada: '747' },
  HG: { name: 'Hidalgo', city: 'Pachuca', postalPrefix: [42, 42], lada: '771' },
  JC: { name: 'Jalisco', city: 'Guadalajara', postalPrefix: [44, 45], lada: '33' },
  MC: { name: 'Estado de México', city: 'Toluca', postalPrefix: [50, 50], lada: '722' },
  MN: { name: 'Michoacán', city: 'Morelia', postalPrefix: [58, 58], lada: '443' },
  MS: { name: 'Morelos', city: 'Cuernavaca', postalPrefix: [62, 62], lada: '777' },
  NT: { name: 'Nayarit', city: 'Tepic', postalPrefix: [63, 63], lada: '311' },
  NL: { name: 'Nuevo León', city: 'Monterrey', postalPrefix: [64, 64], lada: '81' },
  OC: { name: 'Oaxaca', city: 'Oaxaca de Juárez', postalPrefix: [68, 68], lada: '951' },
  PL: { name: 'Puebla', city: 'Puebla', postalPrefix: [72, 72], lada: '222' },
  QT: { name: 'Querétaro', city: 'Querétaro', postalPrefix: [76, 76], lada: '442' },
  QR: { name: 'Quintana Roo', city: 'Cancún', postalPrefix: [77, 77], lada: '998' },
  SP: { name: 'San Luis Potosí', city: 'San Luis Potosí', postalPrefix: [78, 78], lada: '444' },
  SL: { name: 'Sinaloa', city: 'Culiacán', postalPrefix: [80, 80], lada: '667' },
  SR: { name: 'Sonora', city: 'Hermosillo', postalPrefix: [83, 83], lada: '662' },
  TC: { name: 'Tabasco', city: 'Villahermosa', postalPrefix: [86, 86], lada: '993' },
  TS: { name: 'Tamaulipas', city: 'Ciudad Victoria', postalPrefix: [87, 87], lada: '834' },
  TL: { name: 'Tlaxcala', city: 'Tlaxcala', postalPrefix: [90, 90], lada: '246' },
  VZ: { name: 'Veracruz', city: 'Xalapa', postalPrefix: [91, 91], lada: '228' },
  YN: { name: 'Yucatán', city: 'Mérida', postalPrefix: [97, 97], lada: '999' },
  ZS: { name: 'Zacatecas', city: 'Zacatecas', postalPrefix: [98, 98], lada: '492' },
};

const STATE_CODES = Object.keys(STATES);

const STREETS = [
  'Hidalgo', 'Morelos', 'Juárez', 'Allende', 'Zaragoza', '5 de Mayo', '16 de Septiembre', 'Independencia',
  'Reforma', 'Guerrero', 'Madero', 'Aldama', 'Matamoros', 'Abasolo', 'Insurgentes', 'Emiliano Zapata',
  'Niños Héroes', 'Constitución', 'Revolución', 'Venustiano Carranza', 'Lázaro Cárdenas', 'Cuauhtémoc',
  'Libertad', 'Pino Suárez', 'Guadalupe Victoria', 'Galeana', 'Ocampo', 'Iturbide', 'Las Palmas', 'Los Pinos',
];
const STREET_KINDS = ['Calle', 'Calle', 'Calle', 'Av.', 'Privada', 'Cerrada', 'Andador'];
const COLONIAS = [
  'Centro', 'Del Valle', 'Moderna', 'Obrera', 'Jardines', 'Las Flores', 'El Carmen', 'San José', 'Guadalupe',
  'Reforma', 'Benito Juárez', 'Emiliano Zapata', 'Independencia', 'Lázaro Cárdenas', 'Vista Hermosa',
  'Los Pinos', 'San Miguel', 'Santa María', 'El Mirador', 'Valle Verde', 'Insurgentes', 'Revolución',
  'Magisterial', 'Bosques del Sur', 'Industrial', 'Nueva Santa Rosa', 'La Joya', 'Lomas de la Cruz',
];

const INSURERS = ['GNP', 'MetLife', 'AXA', 'Seguros Monterrey New York Life', 'Atlas'];

/** Rough mix of payers at a generic desk (synthesised, not a statistic). */
const PAYER_WEIGHTS: [PayerKind, number][] = [
  ['imss', 45],
  ['imss-bienestar', 25],
  ['private', 10],
  ['issste', 8],
  ['none', 7],
  ['pemex', 2],
  ['sedena', 2],
  ['semar', 1],
];

/** Homoclave characters the SAT uses (no 0 or O, which read alike). */
const HOMOCLAVE_ALPHABET = '123456789ABCDEFGHIJKLMNPQRSTUVWXYZ';


let fakerPromise: Promise<Faker> | undefined;

/** Loads faker's es_MX build once, on demand (a separate chunk in the browser). */
function loadFaker(): Promise<Faker> {
  fakerPromise ??= import('@faker-js/faker/locale/es_MX').then((m) => m.faker);
  return fakerPromise;
}

function weighted<T>(rng: Rng, items: readonly [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng.int(1, total);
  for (const [item, w] of items) {
    r -= w;
    if (r <= 0) return item;
  }
  return (items[items.length - 1] as [T, number])[0];
}

const digits = (rng: Rng, n: number): string => Array.from({ length: n }, () => String(rng.int(0, 9))).join('');

const DAY_MS = 86_400_000;
const dayNumber = (date: IsoDate): number => parseIsoDateUtc(date).getTime() / DAY_MS;
const fromDayNumber = (day: number): IsoDate => isoDateFromUtc(new Date(day * DAY_MS));

/** The same month and day `years` earlier; 29 February becomes 28 February in a common year. */
function yearsBefore(date: IsoDate, years: number): IsoDate {
  const d = parseIsoDateUtc(date);
  const y = d.getUTCFullYear() - years;
  const m = d.getUTCMonth();
  const day = Math.min(d.getUTCDate(), new Date(Date.UTC(y, m + 1, 0)).getUTCDate());
  return isoDateFromUtc(new Date(Date.UTC(y, m, day)));
}

/** Completed years between a birth date and `today` (calendar's `ageOn`, under the persona's name). */
export const ageOnDate: (birth: IsoDate, today: IsoDate) => number = ageOn;

/** A birth date giving an age in [min, max] completed years on `today`. */
function drawBirth(rng: Rng, today: IsoDate, [min, max]: [number, number]): IsoDate {
  const latest = dayNumber(yearsBefore(today, min));
  const earliest = dayNumber(shiftIsoDate(yearsBefore(today, max + 1), 1));
  return fromDayNumber(rng.int(earliest, latest));
}

/** Single capitalised words only: faker's es_MX surname list carries a few malformed entries. */
const SINGLE_WORD = /^\p{Lu}\p{Ll}+$/u;

function drawName(faker: Faker, rng: Rng, sex: Sex): PersonName {
  const gender = sex === 'H' ? 'male' : sex === 'M' ? 'female' : rng.pick(['male', 'female'] as const);
  const surnames = faker.definitions.person.last_name.generic?.filter((s) => SINGLE_WORD.test(s)) ?? [];
  const givenNames = faker.definitions.person.first_name[gender] ?? [];
  const simpleGiven = givenNames.filter((s) => SINGLE_WORD.test(s));
  let given = faker.helpers.arrayElement(givenNames);
  if (!given.includes(' ') && rng.int(1, 4) === 1) {
    const second = faker.helpers.arrayElement(simpleGiven);
    if (second !== given) given = `${given} ${second}`;
  }
  const first = faker.helpers.arrayElement(surnames);
  let second = faker.helpers.arrayElement(surnames);
  if (second === first) second = faker.helpers.arrayElement(surnames);
  return { given, first, second };
}

function formatPhone(rng: Rng, lada: string): string {
  // Ten digits in all: the lada plus the local number, grouped as written in Mexico.
  const local = `${rng.int(2, 9)}${digits(rng, 9 - lada.length)}`;
  return lada.length === 2
    ? `${lada} ${local.slice(0, 4)} ${local.slice(4)}`
    : `${lada} ${local.slice(0, 3)} ${local.slice(3)}`;
}

function drawAddress(rng: Rng, stateCode: string): string {
  const state = STATES[stateCode] ?? (STATES.DF as StateInfo);
  const street = `${rng.pick(STREET_KINDS)} ${rng.pick(STREETS)} ${rng.int(1, 999)}`;
  const interior = rng.int(1, 4) === 1 ? ` Int. ${rng.int(1, 12)}` : '';
  const prefix = rng.int(state.postalPrefix[0], state.postalPrefix[1]);
  const postalCode = `${String(prefix).padStart(2, '0')}${digits(rng, 3)}`;
  const place = state.city === state.name ? state.city : `${state.city}, ${state.name}`;
  return `${street}${interior}, Col. ${rng.pick(COLONIAS)}, C.P. ${postalCode}, ${place}`;
}

/** An IMSS NSS for someone born in `birthYear`, registered between birth (minors) or 16 and today. */
function drawNss(rng: Rng, birthYear: number, todayYear: number): string {
  const age = todayYear - birthYear;
  const from = age >= 16 ? birthYear + 16 : birthYear;
  const to = Math.min(todayYear, Math.max(from, birthYear + 40));
  const registration = rng.int(from, to);
  // Subdelegación 97 carries no birth year: keep to ordinary ones so the year rule applies.
  const subdelegation = String(rng.pick([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 20, 31, 32, 37, 43, 44, 56, 72, 82, 83, 90, 92, 96]));
  const first10 = `${subdelegation.padStart(2, '0')}${String(registration % 100).padStart(2, '0')}${String(birthYear % 100).padStart(2, '0')}${digits(rng, 4)}`;
  return `${first10}${nssCheckDigit(first10)}`;
}

function drawCoverage(rng: Rng, kind: PayerKind, birthYear: number, todayYear: number): Coverage {
  switch (kind) {
    case 'imss':
      return { kind, nss: drawNss(rng, birthYear, todayYear), status: 'active', umf: rng.int(1, 99), daysSinceLastContribution: 0 };
    case 'issste':
    case 'pemex':
    case 'sedena':
    case 'semar':
      // Synthesised: the card's affiliation number is drawn as plain digits.
      return { kind, affiliation: digits(rng, 10) };
    case 'private': {
      const cap = rng.pick([undefined, 30000, 40000, 50000]);
      return {
        kind,
        insurer: rng.pick(INSURERS),
        policy: `${rng.pick(['GM', 'PL', 'MX'])}-${digits(rng, 8)}`,
        inForce: true,
        inNetwork: rng.int(0, 1) === 1,
        deductible: rng.pick([10000, 15000, 20000, 25000, 30000]),
        coinsurance: rng.pick([0.1, 0.1, 0.15, 0.2]),
        ...(cap === undefined ? {} : { cap }),
      };
    }
    case 'imss-bienestar':
    case 'none':
      return { kind };
  }
}

function drawDocuments(
  rng: Rng,
  person: Pick<Person, 'name' | 'birth' | 'sex' | 'curp' | 'address' | 'coverage'>,
  adult: boolean,
  todayYear: number,
): PersonDocument[] {
  const base = { name: { ...person.name }, curp: person.curp, birth: person.birth, sex: person.sex };
  // An INE credential is valid for ten years and shows the year it expires.
  const identity: PersonDocument = adult
    ? { kind: 'ine', ...base, address: person.address, expires: `${todayYear + rng.int(1, 9)}-12-31` }
    : { kind: 'birth-certificate', ...base };
  const docs: PersonDocument[] = [identity];
  const coverage = person.coverage;
  if (coverage?.kind === 'imss') docs.push({ kind: 'imss-card', name: { ...person.name }, curp: person.curp, nss: coverage.nss });
  if (coverage?.kind === 'issste') docs.push({ kind: 'issste-card', name: { ...person.name }, curp: person.curp });
  if (coverage?.kind === 'private') {
    docs.push({ kind: 'insurance-card', name: { ...person.name }, insurer: coverage.insurer, policy: coverage.policy });
  }
  if (coverage?.kind === 'imss-bienestar') docs.push({ kind: 'curp-certificate', ...base });
  return docs;
}

function validateSpec(spec: PersonaSpec, today: IsoDate): [number, number] {
  parseIsoDateUtc(today);
  const [min, max] = spec.age ?? [0, 90];
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < min || max > PERSONA_MAX_AGE) {
    throw new RangeError(`age range must be whole years with 0 <= min <= max <= ${PERSONA_MAX_AGE}: [${min}, ${max}]`);
  }
  if (spec.birthState !== undefined && !Object.hasOwn(CURP_STATES, spec.birthState)) {
    throw new RangeError(`unknown CURP state code: ${spec.birthState}`);
  }
  return [min, max];
}

/**
 * A realistic synthetic Mexican person for a seed: names, birth date within the age range on
 * `today`, CURP, NSS (IMSS), RFC (adults), address, phone and documents that agree with each other.
 * The same seed and spec always give a deep-equal person.
 */
export async function generatePersona(seed: number, spec: PersonaSpec = {}): Promise<Person> {
  const today = spec.today ?? PERSONA_DEFAULT_TODAY;
  const ageRange = validateSpec(spec, today);
  const faker = await loadFaker();
  // Everything below is synchronous, so no other call can reseed the shared faker in between.
  faker.seed(seed);
  const rng = createRng(seed);

  const sex: Sex = spec.sex ?? rng.pick(['H', 'M'] as const);
  const birth = drawBirth(rng, today, ageRange);
  const birthYear = Number(birth.slice(0, 4));
  const todayYear = Number(today.slice(0, 4));
  const birthState = spec.birthState ?? rng.pick(STATE_CODES);
  const adult = ageOnDate(birth, today) >= 18;

  // Redraw names whose letters RENAPO or the SAT would alter (inconvenient words, no inner vowel),
  // so the RFC can share the CURP's first four letters as it does for ordinary names.
  let name = drawName(faker, rng, sex);
  let curp16 = curpFromPerson({ name, birth, sex, birthState });
  for (let i = 0; i < 20 && (curp16[1] === 'X' || RFC_INCONVENIENT_WORDS.has(curp16.slice(0, 4))); i++) {
    name = drawName(faker, rng, sex);
    curp16 = curpFromPerson({ name, birth, sex, birthState });
  }
  const differentiator = birthYear < 2000 ? rng.pick(['0', '0', '0', '1']) : rng.pick(['A', 'A', 'A', 'B']);
  const curp17 = `${curp16}${differentiator}`;
  const curp = `${curp17}${curpCheckDigit(curp17)}`;

  let rfc: string | undefined;
  if (adult) {
    const homoclave = `${rng.pick([...HOMOCLAVE_ALPHABET])}${rng.pick([...HOMOCLAVE_ALPHABET])}`;
    const first12 = `${curp.slice(0, 10)}${homoclave}`;
    rfc = `${first12}${rfcCheckDigit(first12)}`;
  }

  const residence = birthState !== 'NE' && rng.int(1, 4) !== 1 ? birthState : rng.pick(STATE_CODES);
  const stateInfo = STATES[residence] ?? (STATES.DF as StateInfo);
  const address = drawAddress(rng, residence);
  const phone = formatPhone(rng, stateInfo.lada);
  const coverageKind = spec.coverage ?? weighted(rng, PAYER_WEIGHTS);
  const coverage = drawCoverage(rng, coverageKind, birthYear, todayYear);
  const preferredChannel: ContactChannel = weighted(rng, [
    ['whatsapp', 5],
    ['phone', 3],
    ['sms', 1],
  ]);

  const person: Person = {
    id: spec.id ?? 'patient',
    name,
    birth,
    sex,
    birthState,
    curp,
    ...(rfc === undefined ? {} : { rfc }),
    phone,
    address,
    language: 'es',
    speaksSpanish: true,
    coverage,
    documents: [],
    mood: 'calm',
    preferredChannel,
  };
  person.documents = drawDocuments(rng, person, adult, todayYear);
  return person;
}
