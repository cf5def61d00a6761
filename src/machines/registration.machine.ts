import { assign, setup, type SnapshotFrom } from 'xstate';
import { z } from 'zod';
import { checkCurp as checkCurpUncached } from '../domain/curp';
import { explainCurpMismatch as explainCurpMismatchUncached } from '../domain/curp-from-person';
import { t, type CheckResult, type LocalizedText, type Problem } from '../domain/text';
import type { DocumentKind, IsoDate, Person, PersonDocument, PersonName } from '../domain/types';
import type { Observation, WorkflowCase, WorkflowDefinition, WorkflowEventSpec } from './workflow';
import { isValidated } from './workflow';

/**
 * The CURP checks are pure and the machine asks the same question many times per run (on entry,
 * on every validation, in several observations): each answer is kept, per date and text. Results
 * are frozen, since one object now serves every caller. Bounded: a trainee typing CURPs all day
 * does not grow it without end.
 */
const curpChecks = new Map<string, Readonly<CheckResult>>();
function checkCurp(text: string, opts: { today: IsoDate }): Readonly<CheckResult> {
  const key = `${opts.today}|${text}`;
  let result = curpChecks.get(key);
  if (!result) {
    const fresh = checkCurpUncached(text, opts);
    result = Object.freeze({ ...fresh, problems: Object.freeze(fresh.problems) as Problem[] });
    if (curpChecks.size >= 512) curpChecks.clear();
    curpChecks.set(key, result);
  }
  return result;
}

/** explainCurpMismatch, kept per person (by identity) and CURP text, for the same reason. */
const mismatches = new WeakMap<Person, Map<string, readonly Problem[]>>();
function explainCurpMismatch(curp: string, person: Person): readonly Problem[] {
  let byCurp = mismatches.get(person);
  if (!byCurp) mismatches.set(person, (byCurp = new Map()));
  let result = byCurp.get(curp);
  if (!result) {
    result = Object.freeze(explainCurpMismatchUncached(curp, person));
    if (byCurp.size >= 64) byCurp.clear();
    byCurp.set(curp, result);
  }
  return result;
}

// An asistente médica registers a patient at the desk: official ID, record search, privacy notice
// and consent, NOM-004 identification data, interpreter, read-back, save. The machine is the
// registration screen: its context is what the screen shows and what the trainee did, so the UI
// renders from it and the observations are computed from it.

// ---------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------

/** NOM-004 identification data and contact fields of the record. */
export const IDENTIFICATION_FIELDS = [
  'givenName',
  'firstSurname',
  'secondSurname',
  'birthDate',
  'sex',
  'curp',
  'address',
  'phone',
  'email',
  'emergencyContactName',
  'emergencyContactPhone',
] as const;

/** Guardian fields, required when the birth date on the form is a minor's. */
export const GUARDIAN_FIELDS = ['guardianName', 'guardianRelation', 'guardianPhone', 'guardianCurp'] as const;

/**
 * Health data: sensitive personal data under the LFPDPPP, which may be collected only after the
 * privacy notice and the patient's express consent.
 */
export const SENSITIVE_FIELDS = ['allergies', 'chronicConditions', 'currentMedications', 'reasonForVisit'] as const;

export const REGISTRATION_FIELDS = [...IDENTIFICATION_FIELDS, ...GUARDIAN_FIELDS, ...SENSITIVE_FIELDS] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];
export type SensitiveField = (typeof SENSITIVE_FIELDS)[number];

/** Documents that prove identity at the desk (a minor's birth certificate included). */
export const ID_DOCUMENT_KINDS: readonly DocumentKind[] = ['ine', 'passport', 'curp-certificate', 'birth-certificate'];

/** Whether a field holds health data (sensitive). */
export const isSensitiveField = (field: RegistrationField): field is SensitiveField =>
  (SENSITIVE_FIELDS as readonly string[]).includes(field);

// ---------------------------------------------------------------------------------------------
// Options, input, context
// ---------------------------------------------------------------------------------------------

const personNameSchema = z.object({ given: z.string().min(1), first: z.string().min(1), second: z.string().min(1).optional() }).strict();
const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** A record already in the clinic's system (the returning patient, a homonym...). */
export const clinicRecordSchema = z
  .object({
    /** Record number shown in the search results. */
    recordId: z.string().min(1).max(40),
    /** Full name as one string ("Gloria Hernández García") or in parts (then the form is prefilled). */
    name: z.union([z.string().min(1).max(200), personNameSchema]),
    birth: isoDateSchema,
    curp: z.string().max(18).optional(),
    sex: z.enum(['H', 'M', 'X']).optional(),
    address: z.string().max(300).optional(),
    phone: z.string().max(40).optional(),
  })
  .strict();
export type ClinicRecord = z.infer<typeof clinicRecordSchema>;

/** The task step's `with:` settings. */
export const registrationOptionsSchema = z
  .object({
    /** Records already in the clinic's system; default none (a clinic with no match). */
    records: z.array(clinicRecordSchema).max(200).optional(),
    /** Whether the screen refuses to save without a valid CURP; default true (public institutions). */
    curpRequired: z.boolean().optional(),
    /**
     * Whether the patient (or the guardian who signs for a minor) accepts the privacy notice's
     * voluntary purposes when asked; default true. The case's dialogue should let the trainee hear it.
     */
    patientAcceptsVoluntaryPurposes: z.boolean().optional(),
  })
  .strict();
export type RegistrationOptions = z.infer<typeof registrationOptionsSchema>;

/** What the machine starts from. */
export interface RegistrationInput {
  patient: Person;
  /** Everyone in the case by id (the patient included). */
  people: Record<string, Person>;
  today: IsoDate;
  records?: ClinicRecord[];
  curpRequired?: boolean;
  /** What the patient answers about the voluntary purposes when asked; default true. */
  patientAcceptsVoluntaryPurposes?: boolean;
}

/** Documents a person handed over when asked for ID. */
export interface ShownDocuments {
  personId: string;
  documents: PersonDocument[];
  /** Position in `history`. */
  step: number;
}

/** The trainee's verdict after comparing a person with their documents. */
export interface IdVerdict {
  personId: string;
  verdict: 'matches' | 'mismatch';
  step: number;
}

/** One value typed into the form, in order. */
export interface FieldEntry {
  field: RegistrationField;
  value: string;
  step: number;
  sensitive: boolean;
  /** Whether express consent had been recorded when it was typed. */
  afterConsent: boolean;
}

/**
 * What the case gave the screen: the truth behind the documents and answers, read-only for the whole
 * task (never shown as such, only through documents, answers and search results).
 */
export interface RegistrationGiven {
  /** The patient being registered. */
  patient: Person;
  /** Everyone at the desk by id (the patient included). */
  people: Record<string, Person>;
  /** The task's date (ages, CURP checks, future birth dates). */
  today: IsoDate;
  /** The clinic's existing records, as the search screen finds them. */
  records: ClinicRecord[];
  /** Whether the screen refuses to save without a valid CURP. */
  curpRequired: boolean;
  /** The patient's choice on the voluntary purposes (not shown until asked). */
  patientAcceptsVoluntaryPurposes: boolean;
}

/** The ID check as the desk saw it: what was handed over and what the trainee concluded. */
export interface IdentityCheck {
  /** ID documents handed over so far, per request. */
  documentsShown: ShownDocuments[];
  /** The trainee's verdicts, in order. */
  idVerdicts: IdVerdict[];
}

/** The clinic's record search: what is on screen and every search and opening done. */
export interface RecordLookup {
  /** The last search and its results (record ids), as on screen. */
  search: { query: string; results: string[] } | null;
  /** Every search done, in order. */
  searches: { query: string; results: string[]; step: number }[];
  /** The existing record open on screen; null while the form is a new record. */
  openedRecordId: string | null;
  /** Every record ever opened, in order. */
  openedRecords: { recordId: string; step: number }[];
}

// Kept at 15 top-level keys (context-shape.test.ts): XState copies the context on every assign,
// and V8 makes a slow dictionary of an object copied that way once it has more than 19 keys.
export interface RegistrationContext {
  /** Case data, read-only. */
  given: RegistrationGiven;
  /** The official-ID panel. */
  identity: IdentityCheck;
  /** The record search panel and the record open on screen. */
  lookup: RecordLookup;
  /** The form as on screen. */
  form: Partial<Record<RegistrationField, string>>;
  /** Live check of the CURP field (problems shown beside it). */
  curpCheck: CheckResult | null;
  /** Errors the screen shows after a rejected save, by field (`consent` when none was recorded). */
  fieldErrors: Partial<Record<RegistrationField | 'consent', Problem[]>>;
  /** Every value typed into the form, in order. */
  entries: FieldEntry[];
  /** When the privacy notice was given. */
  privacyNotice: { step: number } | null;
  /** The express consent on file: who signed it, and the voluntary purposes as recorded. */
  consent: { signedBy: string; voluntaryPurposes: boolean; step: number } | null;
  /** The interpreter arranged (language code, lowercase). */
  interpreter: { language: string; step: number } | null;
  /** Steps at which the data were read back to the patient. */
  readBacks: number[];
  /** Save attempts, accepted or rejected. */
  saveAttempts: number;
  /** The saved record: an existing one updated, or a new one created. */
  saved: { recordId: string; createdNew: boolean; step: number } | null;
  /** Why the last event was refused (a message for the screen), null when it was accepted. */
  lastError: Problem | null;
  /** Types of the accepted events, in order. */
  history: string[];
}

// ---------------------------------------------------------------------------------------------
// Events (the zod schemas are the source of the event types)
// ---------------------------------------------------------------------------------------------

const personIdSchema = z.string().min(1).max(60);

/** Parameters of every registration event (the event object without `type`). */
export const registrationEventParams = {
  'registration.requestId': z.object({ personId: personIdSchema.optional() }).strict(),
  'registration.verifyId': z.object({ personId: personIdSchema.optional(), verdict: z.enum(['matches', 'mismatch']) }).strict(),
  'registration.search': z.object({ query: z.string().max(200) }).strict(),
  'registration.selectRecord': z.object({ recordId: z.string().min(1).max(40) }).strict(),
  'registration.newRecord': z.object({}).strict(),
  'registration.showPrivacyNotice': z.object({}).strict(),
  'registration.recordConsent': z.object({ signedBy: personIdSchema, voluntaryPurposes: z.boolean().optional() }).strict(),
  'registration.requestInterpreter': z.object({ language: z.string().min(1).max(20) }).strict(),
  'registration.enter': z.object({ field: z.enum(REGISTRATION_FIELDS), value: z.string().max(500) }).strict(),
  'registration.readBack': z.object({}).strict(),
  'registration.save': z.object({}).strict(),
  'registration.cancel': z.object({}).strict(),
} as const;

type Params = typeof registrationEventParams;
/** Every event of the registration machine. */
// A strict empty object infers as an index signature of never, which would swallow `type`.
type ParamsOf<S extends z.ZodType> = string extends keyof z.infer<S> ? Record<never, never> : z.infer<S>;
export type RegistrationEvent = { [K in keyof Params]: { type: K } & ParamsOf<Params[K]> }[keyof Params];
export type RegistrationEventType = RegistrationEvent['type'];

// ---------------------------------------------------------------------------------------------
// Pure helpers (also used by the observations)
// ---------------------------------------------------------------------------------------------

/** Uppercase, accents removed, single spaces: how names and CURPs are compared. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const fullName = (name: PersonName | string): string =>
  normalizeText(typeof name === 'string' ? name : [name.given, name.first, name.second ?? ''].join(' '));

/** Age in whole years on a date (both YYYY-MM-DD); NaN when a date is malformed. */
export function ageOn(birth: IsoDate, today: IsoDate): number {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birth);
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!b || !d) return Number.NaN;
  const [by, bm, bd] = [Number(b[1]), Number(b[2]), Number(b[3])];
  const [ty, tm, td] = [Number(d[1]), Number(d[2]), Number(d[3])];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Whether the patient is a minor on the task's date. */
export const isMinor = (c: Pick<RegistrationGiven, 'patient' | 'today'>): boolean => ageOn(c.patient.birth, c.today) < 18;

const personById = (c: Pick<RegistrationGiven, 'patient' | 'people'>, id: string): Person | undefined =>
  c.people[id] ?? (c.patient.id === id ? c.patient : undefined);

const GUARDIAN_RELATIONS = ['madre', 'padre', 'tutor', 'tutora', 'mother', 'father', 'guardian', 'legal-guardian'];

/** People entitled to sign the consent: the patient, or for a minor the guardian (NOM-004). */
export function entitledSigners(c: Pick<RegistrationGiven, 'patient' | 'people' | 'today'>): string[] {
  if (!isMinor(c)) return [c.patient.id];
  const byRelation = Object.values(c.people)
    .filter((p) => p.id !== c.patient.id && p.relation !== undefined && GUARDIAN_RELATIONS.includes(p.relation.toLowerCase()))
    .map((p) => p.id);
  return [...new Set([...(c.patient.guardian ? [c.patient.guardian] : []), ...byRelation])];
}

/** The person the desk talks with: the guardian for a minor who came with one, else the patient. */
export function speaker(c: Pick<RegistrationGiven, 'patient' | 'people' | 'today'>): Person {
  const guardian = c.patient.guardian ? c.people[c.patient.guardian] : undefined;
  return isMinor(c) && guardian ? guardian : c.patient;
}

/** Whether a person needs an interpreter: a language other than Spanish and no Spanish spoken. */
export const needsInterpreter = (p: Person): boolean =>
  p.speaksSpanish === false || (p.speaksSpanish !== true && p.language.toLowerCase() !== 'es');

/** Whether a document's printed data agree with the person (only the fields it carries count). */
export function documentMatchesPerson(doc: PersonDocument, person: Person): boolean {
  if (doc.name) {
    if (normalizeText(doc.name.given) !== normalizeText(person.name.given)) return false;
    if (normalizeText(doc.name.first) !== normalizeText(person.name.first)) return false;
    if (normalizeText(doc.name.second ?? '') !== normalizeText(person.name.second ?? '')) return false;
  }
  if (doc.curp !== undefined && normalizeText(doc.curp) !== normalizeText(person.curp ?? '')) return false;
  if (doc.birth !== undefined && doc.birth !== person.birth) return false;
  if (doc.sex !== undefined && doc.sex !== person.sex) return false;
  return true;
}

/** The ID documents a person carries (what they hand over when asked for ID). */
export const idDocumentsOf = (p: Person): PersonDocument[] => p.documents.filter((d) => ID_DOCUMENT_KINDS.includes(d.kind));

/** Whether any of a person's ID documents disagrees with the person. */
export const idMismatchExists = (p: Person): boolean => idDocumentsOf(p).some((d) => !documentMatchesPerson(d, p));

/** Whether a record in the clinic's system is this person's: same CURP, or same name and birth. */
export function isRecordOf(record: ClinicRecord, person: Person): boolean {
  if (record.curp && person.curp) return normalizeText(record.curp) === normalizeText(person.curp);
  return fullName(record.name) === fullName(person.name) && record.birth === person.birth;
}

/** Records matching a search: by exact CURP when the query looks like one, else by every name word. */
export function searchRecords(records: readonly ClinicRecord[], query: string): string[] {
  const q = normalizeText(query);
  if (q === '') return [];
  if (/^[A-Z]{4}\d{6}[A-Z0-9]{8}$/.test(q)) {
    return records.filter((r) => r.curp !== undefined && normalizeText(r.curp) === q).map((r) => r.recordId);
  }
  const words = q.split(' ');
  return records
    .filter((r) => {
      const nameWords = new Set(fullName(r.name).split(' '));
      return words.every((w) => nameWords.has(w));
    })
    .map((r) => r.recordId);
}

const problem = (code: string, message: LocalizedText, severity: Problem['severity'] = 'error'): Problem => ({ code, severity, message });

const REQUIRED_MESSAGE: Partial<Record<RegistrationField, LocalizedText>> = {
  givenName: t('Escriba el nombre.', 'Enter the given name.'),
  firstSurname: t('Escriba el primer apellido.', 'Enter the first surname.'),
  birthDate: t('Escriba la fecha de nacimiento.', 'Enter the date of birth.'),
  sex: t('Indique el sexo.', 'Enter the sex.'),
  curp: t('Escriba la CURP.', 'Enter the CURP.'),
  address: t('Escriba el domicilio.', 'Enter the address.'),
  guardianName: t('Paciente menor de edad: escriba el nombre de la madre, padre o tutor.', 'Minor patient: enter the name of the parent or guardian.'),
  guardianRelation: t('Paciente menor de edad: indique el parentesco del responsable.', 'Minor patient: enter the guardian’s relation to the patient.'),
};

const isRealDate = (text: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
};

const phoneDigits = (text: string): string => text.replace(/[\s()-]/g, '');

/**
 * What the screen says about the form when the trainee saves: errors by field. NOM-004 asks for
 * name, sex, age (birth date) and address; the CURP is required unless the clinic says otherwise;
 * a minor needs a guardian; consent must be on file.
 */
export function validateRegistration(c: RegistrationContext): RegistrationContext['fieldErrors'] {
  const errors: RegistrationContext['fieldErrors'] = {};
  const add = (field: RegistrationField | 'consent', p: Problem) => {
    (errors[field] ??= []).push(p);
  };
  const value = (f: RegistrationField) => (c.form[f] ?? '').trim();
  const required: RegistrationField[] = ['givenName', 'firstSurname', 'birthDate', 'sex', 'address'];
  if (c.given.curpRequired) required.push('curp');
  const birth = value('birthDate');
  if (birth !== '' && isRealDate(birth) && ageOn(birth, c.given.today) < 18) required.push('guardianName', 'guardianRelation');
  for (const f of required) {
    if (value(f) === '') add(f, problem('registration.required', REQUIRED_MESSAGE[f] ?? t('Campo obligatorio.', 'Required field.')));
  }
  if (birth !== '') {
    if (!isRealDate(birth)) {
      add('birthDate', problem('registration.birthDate.format', t('Use el formato AAAA-MM-DD con una fecha real.', 'Use the YYYY-MM-DD format with a real date.')));
    } else if (birth > c.given.today) {
      add('birthDate', problem('registration.birthDate.future', t('La fecha de nacimiento no puede ser posterior a hoy.', 'The date of birth cannot be after today.')));
    }
  }
  const sex = value('sex').toUpperCase();
  if (sex !== '' && !['H', 'M', 'X'].includes(sex)) {
    add('sex', problem('registration.sex', t('Sexo como en la CURP: H, M o X.', 'Sex as in the CURP: H, M or X.')));
  }
  for (const f of ['curp', 'guardianCurp'] as const) {
    if (value(f) === '') continue;
    for (const p of checkCurp(value(f), { today: c.given.today }).problems) if (p.severity === 'error') add(f, p);
  }
  for (const f of ['phone', 'emergencyContactPhone', 'guardianPhone'] as const) {
    if (value(f) !== '' && !/^\d{10}$/.test(phoneDigits(value(f)))) {
      add(f, problem('registration.phone', t('El teléfono debe tener 10 dígitos.', 'The phone number must have 10 digits.')));
    }
  }
  if (value('email') !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value('email'))) {
    add('email', problem('registration.email', t('Correo electrónico no válido.', 'Invalid email address.')));
  }
  if (!c.consent) {
    add('consent', problem('registration.consent', t('Falta el consentimiento expreso firmado para datos sensibles.', 'The signed express consent for sensitive data is missing.')));
  }
  return errors;
}

const hasErrors = (e: RegistrationContext['fieldErrors']): boolean => Object.values(e).some((list) => (list?.length ?? 0) > 0);

/** The form values an existing record brings to the screen when opened. */
function prefillFrom(record: ClinicRecord): RegistrationContext['form'] {
  const form: RegistrationContext['form'] = { birthDate: record.birth };
  if (typeof record.name === 'string') {
    form.givenName = record.name;
  } else {
    form.givenName = record.name.given;
    form.firstSurname = record.name.first;
    if (record.name.second) form.secondSurname = record.name.second;
  }
  if (record.curp) form.curp = record.curp;
  if (record.sex) form.sex = record.sex;
  if (record.address) form.address = record.address;
  if (record.phone) form.phone = record.phone;
  return form;
}

const refusal = {
  malformed: problem('registration.malformed', t('Datos de la acción no válidos.', 'Invalid action data.')),
  unknownPerson: problem('registration.unknownPerson', t('Esa persona no está en la recepción.', 'That person is not at the desk.')),
  noDocuments: problem(
    'registration.noDocuments',
    t('Primero pida a esa persona una identificación oficial.', 'First ask that person for an official ID.'),
  ),
  emptySearch: problem('registration.emptySearch', t('Escriba un nombre o una CURP para buscar.', 'Type a name or a CURP to search.')),
  recordNotListed: problem(
    'registration.recordNotListed',
    t('Ese expediente no está en los resultados de la búsqueda.', 'That record is not in the search results.'),
  ),
  noRecordOpen: problem('registration.noRecordOpen', t('No hay un expediente abierto.', 'No record is open.')),
  saveRejected: problem(
    'registration.saveRejected',
    t('No se pudo guardar: revise los campos marcados.', 'Could not save: check the highlighted fields.'),
  ),
};

/** Whether an event's parameters satisfy its schema. */
export function isWellFormed(event: RegistrationEvent): boolean {
  if (isValidated(event)) return true;
  const schema = registrationEventParams[event.type] as z.ZodType | undefined;
  if (!schema) return false;
  const { type: _type, ...params } = event;
  return schema.safeParse(params).success;
}

/** The errors without the field's: typing in a field clears its error (most entries clear none). */
function clearError(errors: RegistrationContext['fieldErrors'], field: RegistrationField): RegistrationContext['fieldErrors'] {
  if (!(field in errors)) return errors;
  const { [field]: _cleared, ...rest } = errors;
  return rest;
}

/** Position the next accepted event will take in `history`. */
const nextStep = (c: RegistrationContext) => c.history.length;

// ---------------------------------------------------------------------------------------------
// The machine
// ---------------------------------------------------------------------------------------------

const accept = (c: RegistrationContext, type: RegistrationEventType) => ({ history: [...c.history, type], lastError: null });

/** The registration screen as a state machine. */
export const registrationMachine = setup({
  types: {
    context: {} as RegistrationContext,
    events: {} as RegistrationEvent,
    input: {} as RegistrationInput,
  },
  guards: {
    /** The event's parameters break its schema (the engine validates first; this keeps replays safe). */
    malformed: ({ event }) => !isWellFormed(event),
    personKnown: ({ context: { given }, event }) =>
      event.type === 'registration.requestId' && personById(given, event.personId ?? given.patient.id) !== undefined,
    /** The verdict is about the patient and the patient's documents are on the desk. */
    verifiesPatient: ({ context: { given, identity }, event }) =>
      event.type === 'registration.verifyId' &&
      (event.personId ?? given.patient.id) === given.patient.id &&
      identity.documentsShown.some((d) => d.personId === given.patient.id),
    documentsShownFor: ({ context: { given, identity }, event }) =>
      event.type === 'registration.verifyId' && identity.documentsShown.some((d) => d.personId === (event.personId ?? given.patient.id)),
    queryGiven: ({ event }) => event.type === 'registration.search' && normalizeText(event.query) !== '',
    recordListed: ({ context, event }) =>
      event.type === 'registration.selectRecord' && (context.lookup.search?.results ?? []).includes(event.recordId),
    signerKnown: ({ context, event }) => event.type === 'registration.recordConsent' && personById(context.given, event.signedBy) !== undefined,
    formValid: ({ context }) => !hasErrors(validateRegistration(context)),
  },
  actions: {
    showDocuments: assign(({ context, event }) => {
      if (event.type !== 'registration.requestId') return {};
      const { given, identity } = context;
      const personId = event.personId ?? given.patient.id;
      const person = personById(given, personId);
      if (!person) return {};
      const shown: ShownDocuments = { personId, documents: idDocumentsOf(person), step: nextStep(context) };
      return {
        ...accept(context, event.type),
        identity: { documentsShown: [...identity.documentsShown, shown], idVerdicts: identity.idVerdicts },
      };
    }),
    recordVerdict: assign(({ context, event }) => {
      if (event.type !== 'registration.verifyId') return {};
      const { given, identity } = context;
      const verdict: IdVerdict = { personId: event.personId ?? given.patient.id, verdict: event.verdict, step: nextStep(context) };
      return {
        ...accept(context, event.type),
        identity: { documentsShown: identity.documentsShown, idVerdicts: [...identity.idVerdicts, verdict] },
      };
    }),
    runSearch: assign(({ context, event }) => {
      if (event.type !== 'registration.search') return {};
      const results = searchRecords(context.given.records, event.query);
      return {
        ...accept(context, event.type),
        lookup: {
          ...context.lookup,
          search: { query: event.query, results },
          searches: [...context.lookup.searches, { query: event.query, results, step: nextStep(context) }],
        },
      };
    }),
    openRecord: assign(({ context, event }) => {
      if (event.type !== 'registration.selectRecord') return {};
      const record = context.given.records.find((r) => r.recordId === event.recordId);
      if (!record) return {};
      const form = prefillFrom(record);
      return {
        ...accept(context, event.type),
        lookup: {
          ...context.lookup,
          openedRecordId: record.recordId,
          openedRecords: [...context.lookup.openedRecords, { recordId: record.recordId, step: nextStep(context) }],
        },
        form,
        curpCheck: form.curp ? checkCurp(form.curp, { today: context.given.today }) : null,
        fieldErrors: {},
      };
    }),
    closeRecord: assign(({ context, event }) => ({
      ...accept(context, event.type),
      lookup: { ...context.lookup, openedRecordId: null },
      form: {},
      curpCheck: null,
      fieldErrors: {},
    })),
    markNoticeShown: assign(({ context, event }) => ({ ...accept(context, event.type), privacyNotice: { step: nextStep(context) } })),
    recordConsent: assign(({ context, event }) => {
      if (event.type !== 'registration.recordConsent') return {};
      return {
        ...accept(context, event.type),
        consent: { signedBy: event.signedBy, voluntaryPurposes: event.voluntaryPurposes ?? false, step: nextStep(context) },
      };
    }),
    arrangeInterpreter: assign(({ context, event }) => {
      if (event.type !== 'registration.requestInterpreter') return {};
      return { ...accept(context, event.type), interpreter: { language: event.language.trim().toLowerCase(), step: nextStep(context) } };
    }),
    enterField: assign(({ context, event }) => {
      if (event.type !== 'registration.enter') return {};
      const entry: FieldEntry = {
        field: event.field,
        value: event.value,
        step: nextStep(context),
        sensitive: isSensitiveField(event.field),
        afterConsent: context.consent !== null,
      };
      // A copy then one store: about twice as fast in V8 as `{ ...form, [field]: value }`, whose
      // computed key goes through the runtime (measured on Node 20); entering is the commonest event.
      const form: RegistrationContext['form'] = Object.assign({}, context.form);
      form[event.field] = event.value;
      return {
        ...accept(context, event.type),
        form,
        entries: [...context.entries, entry],
        fieldErrors: clearError(context.fieldErrors, event.field),
        curpCheck:
          event.field === 'curp' ? (event.value.trim() === '' ? null : checkCurp(event.value, { today: context.given.today })) : context.curpCheck,
      };
    }),
    markReadBack: assign(({ context, event }) => ({ ...accept(context, event.type), readBacks: [...context.readBacks, nextStep(context)] })),
    commitSave: assign(({ context, event }) => ({
      ...accept(context, event.type),
      saveAttempts: context.saveAttempts + 1,
      fieldErrors: {},
      saved: {
        recordId: context.lookup.openedRecordId ?? `new-${context.given.records.length + 1}`,
        createdNew: context.lookup.openedRecordId === null,
        step: nextStep(context),
      },
    })),
    rejectSave: assign(({ context, event }) => ({
      ...accept(context, event.type),
      saveAttempts: context.saveAttempts + 1,
      fieldErrors: validateRegistration(context),
      lastError: refusal.saveRejected,
    })),
    logCancel: assign(({ context, event }) => accept(context, event.type)),
    refuseMalformed: assign({ lastError: refusal.malformed }),
    refuseUnknownPerson: assign({ lastError: refusal.unknownPerson }),
    refuseNoDocuments: assign({ lastError: refusal.noDocuments }),
    refuseEmptySearch: assign({ lastError: refusal.emptySearch }),
    refuseRecordNotListed: assign({ lastError: refusal.recordNotListed }),
    refuseNoRecordOpen: assign({ lastError: refusal.noRecordOpen }),
  },
}).createMachine({
  id: 'registration',
  context: ({ input }) => ({
    given: {
      patient: input.patient,
      people: { ...input.people, [input.patient.id]: input.people[input.patient.id] ?? input.patient },
      today: input.today,
      records: input.records ?? [],
      curpRequired: input.curpRequired ?? true,
      patientAcceptsVoluntaryPurposes: input.patientAcceptsVoluntaryPurposes ?? true,
    },
    identity: { documentsShown: [], idVerdicts: [] },
    lookup: { search: null, searches: [], openedRecordId: null, openedRecords: [] },
    form: {},
    curpCheck: null,
    fieldErrors: {},
    entries: [],
    privacyNotice: null,
    consent: null,
    interpreter: null,
    readBacks: [],
    saveAttempts: 0,
    saved: null,
    lastError: null,
    history: [],
  }),
  initial: 'active',
  states: {
    active: {
      type: 'parallel',
      states: {
        /** The official ID: asked for, then compared with the person. */
        identity: {
          initial: 'notRequested',
          on: {
            'registration.requestId': [
              { guard: 'malformed', actions: 'refuseMalformed' },
              { guard: 'personKnown', actions: 'showDocuments' },
              { actions: 'refuseUnknownPerson' },
            ],
            'registration.verifyId': [
              { guard: 'malformed', actions: 'refuseMalformed' },
              { guard: 'verifiesPatient', target: '.verified', actions: 'recordVerdict' },
              { guard: 'documentsShownFor', actions: 'recordVerdict' },
              { actions: 'refuseNoDocuments' },
            ],
          },
          states: {
            notRequested: {
              on: {
                'registration.requestId': [
                  { guard: 'malformed', actions: 'refuseMalformed' },
                  { guard: 'personKnown', target: 'documentsOnDesk', actions: 'showDocuments' },
                  { actions: 'refuseUnknownPerson' },
                ],
              },
            },
            documentsOnDesk: {},
            verified: {},
          },
        },
        /** The clinic's records: searched, an existing one opened, or a new one being filled. */
        record: {
          initial: 'notSearched',
          on: {
            'registration.search': [
              { guard: 'malformed', actions: 'refuseMalformed' },
              { guard: 'queryGiven', actions: 'runSearch' },
              { actions: 'refuseEmptySearch' },
            ],
          },
          states: {
            notSearched: {
              on: {
                'registration.search': [
                  { guard: 'malformed', actions: 'refuseMalformed' },
                  { guard: 'queryGiven', target: 'results', actions: 'runSearch' },
                  { actions: 'refuseEmptySearch' },
                ],
                'registration.selectRecord': [
                  { guard: 'malformed', actions: 'refuseMalformed' },
                  { actions: 'refuseRecordNotListed' },
                ],
                'registration.newRecord': { actions: 'refuseNoRecordOpen' },
              },
            },
            results: {
              on: {
                'registration.selectRecord': [
                  { guard: 'malformed', actions: 'refuseMalformed' },
                  { guard: 'recordListed', target: 'existingOpen', actions: 'openRecord' },
                  { actions: 'refuseRecordNotListed' },
                ],
                'registration.newRecord': { actions: 'refuseNoRecordOpen' },
              },
            },
            existingOpen: {
              on: {
                'registration.selectRecord': [
                  { guard: 'malformed', actions: 'refuseMalformed' },
                  { guard: 'recordListed', actions: 'openRecord' },
                  { actions: 'refuseRecordNotListed' },
                ],
                'registration.newRecord': { target: 'results', actions: 'closeRecord' },
              },
            },
          },
        },
        /** Privacy notice, then express written consent for sensitive (health) data. */
        privacy: {
          initial: 'noticeNotShown',
          on: {
            'registration.showPrivacyNotice': { actions: 'markNoticeShown' },
            'registration.recordConsent': [
              { guard: 'malformed', actions: 'refuseMalformed' },
              { guard: 'signerKnown', target: '.consented', actions: 'recordConsent' },
              { actions: 'refuseUnknownPerson' },
            ],
          },
          states: {
            noticeNotShown: { on: { 'registration.showPrivacyNotice': { target: 'noticeShown', actions: 'markNoticeShown' } } },
            noticeShown: {},
            consented: {},
          },
        },
        /** Interpreter for a person who does not speak Spanish. */
        language: {
          initial: 'noInterpreter',
          on: {
            'registration.requestInterpreter': [
              { guard: 'malformed', actions: 'refuseMalformed' },
              { target: '.interpreterArranged', actions: 'arrangeInterpreter' },
            ],
          },
          states: { noInterpreter: {}, interpreterArranged: {} },
        },
      },
      on: {
        'registration.enter': [{ guard: 'malformed', actions: 'refuseMalformed' }, { actions: 'enterField' }],
        'registration.readBack': { actions: 'markReadBack' },
        'registration.save': [
          { guard: 'formValid', target: 'saved', actions: 'commitSave' },
          { actions: 'rejectSave' },
        ],
        'registration.cancel': { target: 'cancelled', actions: 'logCancel' },
      },
    },
    saved: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

export type RegistrationSnapshot = SnapshotFrom<typeof registrationMachine>;

// ---------------------------------------------------------------------------------------------
// Observations
// ---------------------------------------------------------------------------------------------

const formCurp = (c: RegistrationContext) => normalizeText(c.form.curp ?? '');
const lastVerdictFor = (c: RegistrationContext, personId: string) => c.identity.idVerdicts.filter((v) => v.personId === personId).at(-1);
const usedRecord = (c: RegistrationContext) => c.saved?.recordId ?? c.lookup.openedRecordId;
const patientHasRecord = ({ given }: RegistrationContext) => given.records.some((r) => isRecordOf(r, given.patient));

/**
 * The sex printed on a document: its sex field, else the CURP's 11th letter (an INE or a birth
 * certificate in a case may omit the field while carrying the CURP); undefined when neither says.
 */
export function documentSex(doc: PersonDocument): string | undefined {
  if (doc.sex !== undefined) return doc.sex;
  const letter = normalizeText(doc.curp ?? '').charAt(10);
  return ['H', 'M', 'X'].includes(letter) ? letter : undefined;
}

/** Facts computed from a registration snapshot; scenarios score against these ids. */
export const registrationObservations: Observation<RegistrationSnapshot>[] = [
  {
    id: 'registration.idChecked',
    description: t(
      'Comparó la identificación oficial con la persona (y la del tutor, si es menor de edad).',
      'Compared the official ID with the person (and the guardian’s, for a minor).',
    ),
    evaluate: ({ context: c }) => {
      const checked = (id: string) => c.identity.idVerdicts.some((v) => v.personId === id);
      if (!checked(c.given.patient.id)) return false;
      return !isMinor(c.given) || entitledSigners(c.given).some(checked);
    },
  },
  {
    id: 'registration.mismatchNoticed',
    description: t(
      'Si el documento no coincide con la persona, lo señaló (verdadero cuando no hay discrepancia).',
      'When the document does not match the person, said so (true when there is no mismatch).',
    ),
    evaluate: ({ context: c }) => !idMismatchExists(c.given.patient) || lastVerdictFor(c, c.given.patient.id)?.verdict === 'mismatch',
  },
  {
    id: 'registration.idVerdictCorrect',
    description: t(
      'Dio un dictamen sobre la identificación del paciente y fue correcto (sin falsas alarmas).',
      'Gave a verdict on the patient’s ID and it was right (no false alarm).',
    ),
    evaluate: ({ context: c }) => {
      const v = lastVerdictFor(c, c.given.patient.id);
      return v !== undefined && (v.verdict === 'mismatch') === idMismatchExists(c.given.patient);
    },
  },
  {
    id: 'registration.curpMatchesDocument',
    description: t('La CURP capturada es la del documento que presentó el paciente.', 'The CURP entered is the one on the document the patient showed.'),
    evaluate: ({ context: c }) =>
      formCurp(c) !== '' && c.given.patient.documents.some((d) => d.curp !== undefined && normalizeText(d.curp) === formCurp(c)),
  },
  {
    id: 'registration.curpMatchesPerson',
    description: t(
      'La CURP capturada corresponde al nombre, fecha de nacimiento, sexo y estado de la persona.',
      'The CURP entered agrees with the person’s name, birth date, sex and state.',
    ),
    evaluate: ({ context: c }) =>
      formCurp(c) !== '' &&
      checkCurp(formCurp(c), { today: c.given.today }).valid &&
      !explainCurpMismatch(formCurp(c), c.given.patient).some((p) => p.severity === 'error'),
  },
  {
    id: 'registration.curpValid',
    description: t('La CURP capturada es válida (formato y dígito verificador).', 'The CURP entered is valid (format and check digit).'),
    evaluate: ({ context: c }) => formCurp(c) !== '' && checkCurp(formCurp(c), { today: c.given.today }).valid,
  },
  {
    id: 'registration.sexMatchesDocument',
    description: t(
      'El sexo capturado es el de la identificación oficial que presentó el paciente (o la letra 11 de su CURP si el documento no lo indica).',
      'The sex entered is the one on the official ID the patient handed over (or the 11th letter of its CURP when the document does not say).',
    ),
    evaluate: ({ context: c }) => {
      const entered = normalizeText(c.form.sex ?? '');
      return entered !== '' && idDocumentsOf(c.given.patient).some((d) => documentSex(d) === entered);
    },
  },
  {
    id: 'registration.consentBeforeSensitiveData',
    description: t(
      'No capturó datos de salud (sensibles) antes del consentimiento expreso.',
      'Entered no health (sensitive) data before express consent.',
    ),
    evaluate: ({ context: c }) => c.entries.every((e) => !e.sensitive || e.afterConsent),
  },
  {
    id: 'registration.noticeBeforeConsent',
    description: t('Dio el aviso de privacidad antes de recabar el consentimiento.', 'Gave the privacy notice before taking consent.'),
    evaluate: ({ context: c }) => c.consent !== null && c.privacyNotice !== null && c.privacyNotice.step < c.consent.step,
  },
  {
    id: 'registration.consentBySignerEntitled',
    description: t(
      'El consentimiento lo firmó quien debía: el paciente, o su madre, padre o tutor si es menor.',
      'The consent was signed by the right person: the patient, or a parent or guardian for a minor.',
    ),
    evaluate: ({ context: c }) => c.consent !== null && entitledSigners(c.given).includes(c.consent.signedBy),
  },
  {
    id: 'registration.voluntaryPurposesAsChosen',
    description: t(
      'El consentimiento registra las finalidades voluntarias tal como el paciente las aceptó o rechazó (falso si no hay consentimiento).',
      'The consent records the voluntary purposes as the patient accepted or refused them (false when no consent was recorded).',
    ),
    evaluate: ({ context: c }) => c.consent !== null && c.consent.voluntaryPurposes === c.given.patientAcceptsVoluntaryPurposes,
  },
  {
    id: 'registration.recordsSearched',
    description: t('Buscó expedientes existentes antes de guardar.', 'Searched existing records before saving.'),
    evaluate: ({ context: c }) => c.lookup.searches.length > 0 && (c.saved === null || c.lookup.searches[0]!.step < c.saved.step),
  },
  {
    id: 'registration.duplicateAvoided',
    description: t(
      'No creó un expediente nuevo para un paciente que ya tenía uno.',
      'Did not create a new record for a patient who already had one.',
    ),
    evaluate: ({ context: c }) => !(c.saved?.createdNew === true && patientHasRecord(c)),
  },
  {
    id: 'registration.homonymNotConfused',
    description: t(
      'No usó el expediente de otra persona con el mismo nombre (CURP o fecha de nacimiento distintas).',
      'Did not use the record of another person with the same name (different CURP or birth date).',
    ),
    evaluate: ({ context: c }) => {
      const id = usedRecord(c);
      if (id === null || c.saved?.createdNew) return true;
      const record = c.given.records.find((r) => r.recordId === id);
      return record === undefined || isRecordOf(record, c.given.patient);
    },
  },
  {
    id: 'registration.guardianRecorded',
    description: t(
      'Para un menor de edad, registró al responsable (nombre y parentesco); verdadero para adultos.',
      'For a minor, recorded the guardian (name and relation); true for adults.',
    ),
    evaluate: ({ context: c }) =>
      !isMinor(c.given) || ((c.form.guardianName ?? '').trim() !== '' && (c.form.guardianRelation ?? '').trim() !== ''),
  },
  {
    id: 'registration.interpreterArranged',
    description: t(
      'Si la persona no habla español, consiguió intérprete de su lengua antes del consentimiento (verdadero si no hacía falta).',
      'When the person speaks no Spanish, arranged an interpreter of their language before consent (true when not needed).',
    ),
    evaluate: ({ context: c }) => {
      const who = speaker(c.given);
      if (!needsInterpreter(who)) return true;
      return (
        c.interpreter !== null &&
        c.interpreter.language === who.language.toLowerCase() &&
        (c.consent === null || c.interpreter.step < c.consent.step)
      );
    },
  },
  {
    id: 'registration.interpreterNotForced',
    description: t('No impuso un intérprete a quien habla español.', 'Did not impose an interpreter on someone who speaks Spanish.'),
    evaluate: ({ context: c }) => needsInterpreter(speaker(c.given)) || c.interpreter === null,
  },
  {
    id: 'registration.requiredFieldsComplete',
    description: t(
      'El registro tiene todos los datos obligatorios sin errores (NOM-004).',
      'The record has every required field without errors (NOM-004).',
    ),
    evaluate: ({ context: c }) => !hasErrors(validateRegistration(c)),
  },
  {
    id: 'registration.dataReadBack',
    description: t(
      'Leyó los datos al paciente después de la última captura y antes de guardar.',
      'Read the data back to the patient after the last entry and before saving.',
    ),
    evaluate: ({ context: c }) => {
      const lastEntry = c.entries.at(-1)?.step ?? -1;
      const end = c.saved?.step ?? Number.POSITIVE_INFINITY;
      return c.readBacks.some((s) => s > lastEntry && s < end);
    },
  },
  {
    id: 'registration.saved',
    description: t('Guardó el registro.', 'Saved the record.'),
    evaluate: (s) => s.matches('saved'),
  },
  {
    id: 'registration.savedFirstTime',
    description: t('El sistema aceptó el registro al primer intento.', 'The system accepted the record on the first attempt.'),
    evaluate: (s) => s.matches('saved') && s.context.saveAttempts === 1,
  },
];

// ---------------------------------------------------------------------------------------------
// Workflow definition
// ---------------------------------------------------------------------------------------------

const spec = (params: z.ZodType, cost: number, description: LocalizedText): WorkflowEventSpec => ({ params, cost, description });
const P = registrationEventParams;

/** Event catalogue: parameters, simulated cost in seconds, description. */
export const registrationEvents: Record<RegistrationEventType, WorkflowEventSpec> = {
  'registration.requestId': spec(P['registration.requestId'], 20, t(
    'Pedir una identificación oficial (al paciente o al tutor).',
    'Ask for an official ID (from the patient or the guardian).',
  )),
  'registration.verifyId': spec(P['registration.verifyId'], 20, t(
    'Comparar la identificación con la persona y dar un dictamen.',
    'Compare the ID with the person and give a verdict.',
  )),
  'registration.search': spec(P['registration.search'], 20, t('Buscar expedientes por nombre o CURP.', 'Search records by name or CURP.')),
  'registration.selectRecord': spec(P['registration.selectRecord'], 10, t(
    'Abrir un expediente de los resultados.',
    'Open a record from the results.',
  )),
  'registration.newRecord': spec(P['registration.newRecord'], 5, t(
    'Cerrar el expediente abierto y empezar uno nuevo.',
    'Close the open record and start a new one.',
  )),
  'registration.showPrivacyNotice': spec(P['registration.showPrivacyNotice'], 60, t(
    'Entregar y explicar el aviso de privacidad.',
    'Hand over and explain the privacy notice.',
  )),
  'registration.recordConsent': spec(P['registration.recordConsent'], 30, t(
    'Registrar el consentimiento expreso firmado (y si acepta las finalidades voluntarias).',
    'Record the signed express consent (and whether the voluntary purposes are accepted).',
  )),
  'registration.requestInterpreter': spec(P['registration.requestInterpreter'], 120, t(
    'Solicitar un intérprete de la lengua de la persona.',
    'Request an interpreter for the person’s language.',
  )),
  'registration.enter': spec(P['registration.enter'], 15, t('Capturar un campo del registro.', 'Type a field of the record.')),
  'registration.readBack': spec(P['registration.readBack'], 45, t(
    'Leer los datos capturados al paciente para confirmarlos.',
    'Read the entered data back to the patient to confirm them.',
  )),
  'registration.save': spec(P['registration.save'], 5, t('Guardar el registro.', 'Save the record.')),
  'registration.cancel': spec(P['registration.cancel'], 5, t('Cancelar el registro.', 'Cancel the registration.')),
};

/** Builds the machine input from a scenario's case and the task's `with:` settings. */
export function registrationInput(c: WorkflowCase<RegistrationOptions>): RegistrationInput {
  const options = c.options ?? {};
  return {
    patient: c.patient,
    people: c.people,
    today: c.today,
    records: options.records ?? [],
    curpRequired: options.curpRequired ?? true,
    patientAcceptsVoluntaryPurposes: options.patientAcceptsVoluntaryPurposes ?? true,
  };
}

/** The registration workflow as the engine, the loader and the UI see it. */
export const registrationWorkflow: WorkflowDefinition<typeof registrationMachine, RegistrationOptions> = {
  id: 'registration',
  title: t('Registro del paciente', 'Patient registration'),
  machine: registrationMachine,
  options: registrationOptionsSchema,
  input: registrationInput,
  events: registrationEvents,
  observations: registrationObservations,
  isDone: (s) => s.status === 'done',
};
