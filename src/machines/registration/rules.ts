import { ageOn, isIsoDate } from '../../domain/calendar';
import { checkCurp } from '../../domain/curp';
import { explainCurpMismatch as explainCurpMismatchUncached } from '../../domain/curp-from-person';
import { foldText } from '../../domain/fold';
import { t, type CheckResult, type LocalizedText, type Problem } from '../../domain/text';
import type { IsoDate, Person, PersonDocument, PersonName } from '../../domain/types';
import { ID_DOCUMENT_KINDS, type ClinicRecord, type RegistrationContext, type RegistrationField, type RegistrationGiven } from './types';

// The registration screen's rules: pure functions of the case and the form, read by the chart's
// guards and actions, by the observations and by the tool.

// A loaded Person never changes, and a run asks the same CURP questions about its patient many
// times (on entry, on save, in several observations): the answers are kept with the patient,
// frozen since one object serves every caller, and bounded per patient.
interface PatientChecks {
  curp: Map<string, Readonly<CheckResult>>;
  mismatch: Map<string, readonly Problem[]>;
}
const checksByPatient = new WeakMap<Person, PatientChecks>();

function checksOf(patient: Person): PatientChecks {
  let checks = checksByPatient.get(patient);
  if (!checks) checksByPatient.set(patient, (checks = { curp: new Map(), mismatch: new Map() }));
  return checks;
}

/** checkCurp on the task's date, for a CURP typed while registering `patient`. */
export function checkCurpFor(patient: Person, text: string, today: IsoDate): Readonly<CheckResult> {
  const { curp } = checksOf(patient);
  const key = `${today}|${text}`;
  let result = curp.get(key);
  if (!result) {
    const fresh = checkCurp(text, { today });
    result = Object.freeze({ ...fresh, problems: Object.freeze(fresh.problems) as Problem[] });
    if (curp.size >= 64) curp.clear();
    curp.set(key, result);
  }
  return result;
}

/** explainCurpMismatch, kept with the person. */
export function explainCurpMismatch(text: string, person: Person): readonly Problem[] {
  const { mismatch } = checksOf(person);
  let result = mismatch.get(text);
  if (!result) {
    result = Object.freeze(explainCurpMismatchUncached(text, person));
    if (mismatch.size >= 64) mismatch.clear();
    mismatch.set(text, result);
  }
  return result;
}

const fullName = (name: PersonName | string): string =>
  foldText(typeof name === 'string' ? name : [name.given, name.first, name.second ?? ''].join(' '));

/** Whether the patient is a minor on the task's date. */
export const isMinor = (c: Pick<RegistrationGiven, 'patient' | 'today'>): boolean => ageOn(c.patient.birth, c.today) < 18;

export const personById = (c: Pick<RegistrationGiven, 'patient' | 'people'>, id: string): Person | undefined =>
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
    if (foldText(doc.name.given) !== foldText(person.name.given)) return false;
    if (foldText(doc.name.first) !== foldText(person.name.first)) return false;
    if (foldText(doc.name.second ?? '') !== foldText(person.name.second ?? '')) return false;
  }
  if (doc.curp !== undefined && foldText(doc.curp) !== foldText(person.curp ?? '')) return false;
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
  if (record.curp && person.curp) return foldText(record.curp) === foldText(person.curp);
  return fullName(record.name) === fullName(person.name) && record.birth === person.birth;
}

/** Records matching a search: by exact CURP when the query looks like one, else by every name word. */
export function searchRecords(records: readonly ClinicRecord[], query: string): string[] {
  const q = foldText(query);
  if (q === '') return [];
  if (/^[A-Z]{4}\d{6}[A-Z0-9]{8}$/.test(q)) {
    return records.filter((r) => r.curp !== undefined && foldText(r.curp) === q).map((r) => r.recordId);
  }
  const words = q.split(' ');
  return records
    .filter((r) => {
      const nameWords = new Set(fullName(r.name).split(' '));
      return words.every((w) => nameWords.has(w));
    })
    .map((r) => r.recordId);
}

export const problem = (code: string, message: LocalizedText, severity: Problem['severity'] = 'error'): Problem => ({ code, severity, message });

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
  if (birth !== '' && isIsoDate(birth) && ageOn(birth, c.given.today) < 18) required.push('guardianName', 'guardianRelation');
  for (const f of required) {
    if (value(f) === '') add(f, problem('registration.required', REQUIRED_MESSAGE[f] ?? t('Campo obligatorio.', 'Required field.')));
  }
  if (birth !== '') {
    if (!isIsoDate(birth)) {
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
    for (const p of checkCurpFor(c.given.patient, value(f), c.given.today).problems) if (p.severity === 'error') add(f, p);
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

export const hasErrors = (e: RegistrationContext['fieldErrors']): boolean => Object.values(e).some((list) => (list?.length ?? 0) > 0);

/** The form values an existing record brings to the screen when opened. */
export function prefillFrom(record: ClinicRecord): RegistrationContext['form'] {
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

/** What the screen says when it refuses an action (`malformed`: at the boundary, see `accept`). */
export const refusal = {
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

/** The errors without the field's: typing in a field clears its error (most entries clear none). */
export function clearError(errors: RegistrationContext['fieldErrors'], field: RegistrationField): RegistrationContext['fieldErrors'] {
  if (!(field in errors)) return errors;
  const { [field]: _cleared, ...rest } = errors;
  return rest;
}

/** Position the next accepted event will take in `history`. */
export const nextStep = (c: RegistrationContext) => c.history.length;

/**
 * The sex printed on a document: its sex field, else the CURP's 11th letter (an INE or a birth
 * certificate in a case may omit the field while carrying the CURP); undefined when neither says.
 */
export function documentSex(doc: PersonDocument): string | undefined {
  if (doc.sex !== undefined) return doc.sex;
  const letter = foldText(doc.curp ?? '').charAt(10);
  return ['H', 'M', 'X'].includes(letter) ? letter : undefined;
}
