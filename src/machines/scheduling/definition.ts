import { t } from '../../domain/text';
import { acceptorOf, type WorkflowCase, type WorkflowDefinition } from '../workflow';
import { schedulingEvents } from './events';
import { schedulingObservations } from './observations';
import { refusal } from './rules';
import { schedulingMachine } from './scheduling.machine';
import { type SchedulingInput } from './types';
import { schedulingOptionsSchema, type SchedulingOptions } from './schemas';

/** The scheduling workflow: booking, moving and cancelling appointments at the desk. */
export const schedulingWorkflow: WorkflowDefinition<typeof schedulingMachine, SchedulingOptions> = {
  id: 'scheduling',
  title: t('Agendar citas', 'Scheduling appointments'),
  machine: schedulingMachine,
  options: schedulingOptionsSchema,
  input: (c: WorkflowCase<SchedulingOptions>): SchedulingInput => ({
    clinic: c.clinic,
    today: c.today,
    now: c.now,
    patient: c.patient,
    options: c.options,
  }),
  events: schedulingEvents,
  accept: acceptorOf(schedulingEvents, refusal('scheduling.malformed', 'Datos de la acción no válidos.', 'Invalid action data.')),
  observations: schedulingObservations,
  isDone: (snapshot) => snapshot.status === 'done',
};
