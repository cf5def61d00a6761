import type { WorkflowDefinition, WorkflowId } from './workflow';

/**
 * Every workflow the engine can run, by id. The engine, the loader (observation and event names),
 * the docs generator and the UI read workflows from here only.
 */
export const workflows: Partial<Record<WorkflowId, WorkflowDefinition>> = {};
