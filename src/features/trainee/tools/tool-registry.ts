/**
 * Workflow id -> lazily loaded tool component. Tools are code-split so the desk route only pulls
 * the tool of the task in progress.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { WorkflowId } from '../../../machines/workflow';
import type { DeskToolProps, ToolProps } from './tool-props';

/** Each workflow's tool, typed by that workflow's context and events. */
const tools: { [W in WorkflowId]: LazyExoticComponent<ComponentType<ToolProps<W>>> } = {
  registration: lazy(() => import('./registration/registration-tool')),
  coverage: lazy(() => import('./coverage/coverage-tool')),
  scheduling: lazy(() => import('./scheduling/scheduling-tool')),
  'room-prep': lazy(() => import('./room-prep/room-prep-tool')),
};

/**
 * The tool for each workflow id the desk can show, as the desk holds it. The one place where the
 * run's untyped snapshot meets a tool's types: the run hands the task's workflow snapshot to the
 * tool registered under the task's workflow id, and parses every event the tool sends (`accept`).
 */
export const toolRegistry = tools as unknown as Readonly<Record<string, LazyExoticComponent<ComponentType<DeskToolProps>>>>;
