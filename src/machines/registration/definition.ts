import { t } from '../../domain/text';
import { acceptorOf, type WorkflowCase, type WorkflowDefinition } from '../workflow';
import { registrationEvents } from './events';
import { registrationObservations } from './observations';
import { registrationMachine } from './registration.machine';
import { refusal } from './rules';
import { registrationOptionsSchema, type RegistrationInput, type RegistrationOptions } from './types';

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
  accept: acceptorOf(registrationEvents, refusal.malformed),
  observations: registrationObservations,
  isDone: (s) => s.status === 'done',
};
