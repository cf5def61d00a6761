import { z } from 'zod';
import type { CheckResult, Problem } from '../../domain/text';
import type { Refusal } from '../workflow';
import type { DocumentKind, IsoDate, Person, PersonDocument } from '../../domain/types';

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
  /** Why the screen refused the last event (workflow.ts), null once one is accepted. */
  refusal: Refusal | null;
  /** Types of the accepted events, in order. */
  history: string[];
}
