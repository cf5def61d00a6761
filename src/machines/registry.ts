import type { WorkflowDefinition, WorkflowId } from './workflow';
import { roomPrepWorkflow } from './room-prep.machine';
import { schedulingWorkflow } from './scheduling.machine';

/**
 * Every workflow the engine can run, by id. The engine, the loader (observation and event names),
 * the docs generator and the UI read workflows from here only.
 */
export const workflows: Partial<Record<WorkflowId, WorkflowDefinition>> = {
  scheduling: schedulingWorkflow as unknown as WorkflowDefinition,
  'room-prep': roomPrepWorkflow as unknown as WorkflowDefinition,
};
