import { foldText } from '../../domain/fold';
import { t } from '../../domain/text';
import type { Observation } from '../workflow';
import type { RegistrationSnapshot } from './registration.machine';
import {
  checkCurpFor,
  documentSex,
  entitledSigners,
  explainCurpMismatch,
  hasErrors,
  idDocumentsOf,
  idMismatchExists,
  isMinor,
  isRecordOf,
  needsInterpreter,
  speaker,
  validateRegistration,
} from './rules';
import type { RegistrationContext } from './types';

const formCurp = (c: RegistrationContext) => foldText(c.form.curp ?? '');
const lastVerdictFor = (c: RegistrationContext, personId: string) => c.identity.idVerdicts.filter((v) => v.personId === personId).at(-1);
const usedRecord = (c: RegistrationContext) => c.saved?.recordId ?? c.lookup.openedRecordId;
const patientHasRecord = ({ given }: RegistrationContext) => given.records.some((r) => isRecordOf(r, given.patient));

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
      formCurp(c) !== '' && c.given.patient.documents.some((d) => d.curp !== undefined && foldText(d.curp) === formCurp(c)),
  },
  {
    id: 'registration.curpMatchesPerson',
    description: t(
      'La CURP capturada corresponde al nombre, fecha de nacimiento, sexo y estado de la persona.',
      'The CURP entered agrees with the person’s name, birth date, sex and state.',
    ),
    evaluate: ({ context: c }) =>
      formCurp(c) !== '' &&
      checkCurpFor(c.given.patient, formCurp(c), c.given.today).valid &&
      !explainCurpMismatch(formCurp(c), c.given.patient).some((p) => p.severity === 'error'),
  },
  {
    id: 'registration.curpValid',
    description: t('La CURP capturada es válida (formato y dígito verificador).', 'The CURP entered is valid (format and check digit).'),
    evaluate: ({ context: c }) => formCurp(c) !== '' && checkCurpFor(c.given.patient, formCurp(c), c.given.today).valid,
  },
  {
    id: 'registration.sexMatchesDocument',
    description: t(
      'El sexo capturado es el de la identificación oficial que presentó el paciente (o la letra 11 de su CURP si el documento no lo indica).',
      'The sex entered is the one on the official ID the patient handed over (or the 11th letter of its CURP when the document does not say).',
    ),
    evaluate: ({ context: c }) => {
      const entered = foldText(c.form.sex ?? '');
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
