import type { WorkflowDefinition, WorkflowId } from './workflow';
import { registrationWorkflow } from './registration/definition';
import { coverageWorkflow } from './coverage/definition';
import { schedulingWorkflow } from './scheduling/definition';
import { roomPrepWorkflow } from './room-prep/definition';

// Each definition is typed by its own machine; the registry holds them at the common type.
const asDefinition = (w: unknown) => w as WorkflowDefinition;

/** Workflow definitions by id: the registry's, or a test's fakes. */
export type WorkflowRegistry = Partial<Record<WorkflowId, WorkflowDefinition>>;

/**
 * Every workflow the engine can run, by id. The engine, the loader (observation and event names),
 * the docs generator and the UI read workflows from here only.
 */
export const workflows: WorkflowRegistry = {
  registration: asDefinition(registrationWorkflow),
  coverage: asDefinition(coverageWorkflow),
  scheduling: asDefinition(schedulingWorkflow),
  'room-prep': asDefinition(roomPrepWorkflow),
};
