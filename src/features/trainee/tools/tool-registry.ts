/**
 * Workflow id -> lazily loaded tool component. Tools are code-split so the desk route only pulls
 * the tool of the task in progress.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { ToolProps } from './tool-props';

type ToolComponent = LazyExoticComponent<ComponentType<ToolProps>>;

/** The tool for each workflow id the desk can show. */
export const toolRegistry: Record<string, ToolComponent> = {
  registration: lazy(() => import('./registration/registration-tool')),
  coverage: lazy(() => import('./coverage/coverage-tool')),
  scheduling: lazy(() => import('./scheduling/scheduling-tool')),
  'room-prep': lazy(() => import('./room-prep/room-prep-tool')),
};

