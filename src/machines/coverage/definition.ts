import { t } from '../../domain/text';
import { acceptorOf, type WorkflowCase, type WorkflowDefinition } from '../workflow';
import { coverageMachine } from './coverage.machine';
import { coverageEvents } from './events';
import { coverageObservations } from './observations';
import { refusal } from './rules';
import { coverageOptionsSchema, type CoverageInput, type CoverageOptions } from './types';

/** Builds the machine input from a scenario's case and the task's `with:` settings. */
export function coverageInput(c: WorkflowCase<CoverageOptions>): CoverageInput {
  const o = c.options ?? {};
  const { id, name, kind, umf } = c.clinic;
  return {
    patient: c.patient,
    people: c.people,
    clinic: { id, name, kind, ...(umf !== undefined ? { umf } : {}) },
    today: c.today,
    services: c.services,
    service: o.service ?? 'consultation',
    bill: o.bill ?? 0,
    urgent: o.urgent ?? false,
    obstetric: o.obstetric ?? false,
  };
}

/** The coverage workflow as the engine, the loader and the UI see it. */
export const coverageWorkflow: WorkflowDefinition<typeof coverageMachine, CoverageOptions> = {
  id: 'coverage',
  title: t('Verificación de cobertura', 'Coverage verification'),
  machine: coverageMachine,
  options: coverageOptionsSchema,
  input: coverageInput,
  events: coverageEvents,
  accept: acceptorOf(coverageEvents, refusal.malformed),
  observations: coverageObservations,
  isDone: (s) => s.status === 'done',
};
