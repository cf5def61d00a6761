import { z } from 'zod';
import { t } from '../../domain/text';
import type { EventsOf, WorkflowEventSpec } from '../workflow';
import { REGISTRATION_FIELDS } from './types';

const personIdSchema = z.string().min(1).max(60);

/** Every registration event: its parameters, its simulated cost in seconds and what it does. */
export const registrationEvents = {
  'registration.requestId': {
    params: z.object({ personId: personIdSchema.optional() }).strict(),
    cost: 20,
    description: t('Pedir una identificación oficial (al paciente o al tutor).', 'Ask for an official ID (from the patient or the guardian).'),
  },
  'registration.verifyId': {
    params: z.object({ personId: personIdSchema.optional(), verdict: z.enum(['matches', 'mismatch']) }).strict(),
    cost: 20,
    description: t('Comparar la identificación con la persona y dar un dictamen.', 'Compare the ID with the person and give a verdict.'),
  },
  'registration.search': {
    params: z.object({ query: z.string().max(200) }).strict(),
    cost: 20,
    description: t('Buscar expedientes por nombre o CURP.', 'Search records by name or CURP.'),
  },
  'registration.selectRecord': {
    params: z.object({ recordId: z.string().min(1).max(40) }).strict(),
    cost: 10,
    description: t('Abrir un expediente de los resultados.', 'Open a record from the results.'),
  },
  'registration.newRecord': {
    params: z.object({}).strict(),
    cost: 5,
    description: t('Cerrar el expediente abierto y empezar uno nuevo.', 'Close the open record and start a new one.'),
  },
  'registration.showPrivacyNotice': {
    params: z.object({}).strict(),
    cost: 60,
    description: t('Entregar y explicar el aviso de privacidad.', 'Hand over and explain the privacy notice.'),
  },
  'registration.recordConsent': {
    params: z.object({ signedBy: personIdSchema, voluntaryPurposes: z.boolean().optional() }).strict(),
    cost: 30,
    description: t('Registrar el consentimiento expreso firmado (y si acepta las finalidades voluntarias).', 'Record the signed express consent (and whether the voluntary purposes are accepted).'),
  },
  'registration.requestInterpreter': {
    params: z.object({ language: z.string().min(1).max(20) }).strict(),
    cost: 120,
    description: t('Solicitar un intérprete de la lengua de la persona.', 'Request an interpreter for the person’s language.'),
  },
  'registration.enter': {
    params: z.object({ field: z.enum(REGISTRATION_FIELDS), value: z.string().max(500) }).strict(),
    cost: 15,
    description: t('Capturar un campo del registro.', 'Type a field of the record.'),
  },
  'registration.readBack': {
    params: z.object({}).strict(),
    cost: 45,
    description: t('Leer los datos capturados al paciente para confirmarlos.', 'Read the entered data back to the patient to confirm them.'),
  },
  'registration.save': {
    params: z.object({}).strict(),
    cost: 5,
    description: t('Guardar el registro.', 'Save the record.'),
  },
  'registration.cancel': {
    params: z.object({}).strict(),
    cost: 5,
    description: t('Cancelar el registro.', 'Cancel the registration.'),
  },
} satisfies Record<string, WorkflowEventSpec>;

/** Every event of the registration machine, derived from the table. */
export type RegistrationEvent = EventsOf<typeof registrationEvents>;
export type RegistrationEventType = RegistrationEvent['type'];
