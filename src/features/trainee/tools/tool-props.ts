/**
 * The contract between the desk and the four workflow tools (registration, coverage, scheduling,
 * room prep). A tool draws the current task's workflow snapshot and sends the workflow's events;
 * the desk forwards each event to the run and persists the log after every accepted entry.
 */
import { useCallback, useMemo } from 'react';
import type { Lang } from '../../../domain/text';
import type { Clinic, Person } from '../../../domain/types';
import type { SendResult } from '../../../engine/run/run';
import { useRunSelector } from '../../../ui/use-run-selector';

export type { SendResult } from '../../../engine/run/run';

/** The workflow machine's snapshot as the desk hands it to a tool. */
export interface ToolSnapshot<TContext = unknown> {
  value: unknown;
  context: TContext;
  status: string;
}

/** A workflow event as a tool sends it: `{ type: 'registration.enter', field, value }`. */
export type ToolEvent = { type: string } & Record<string, unknown>;

/** Props every tool component receives (`export default function XTool(props: ToolProps)`). */
export interface ToolProps<TContext = unknown> {
  /** The current task's workflow snapshot (re-rendered after every accepted event). */
  snapshot: ToolSnapshot<TContext>;
  /** Sends a workflow event to the run; a rejected event returns its reason and is not logged. */
  send: (event: ToolEvent) => SendResult;
  /** The interface language (es-MX or en); authored text is shown with t(text, lang). */
  lang: Lang;
  /** The person the task is about. */
  patient: Person;
  /** Everyone in the case by id (patient, guardian, caller...). */
  people: Record<string, Person>;
  clinic: Clinic;
  /** The simulated date (YYYY-MM-DD). */
  today: string;
  /** The simulated clock (HH:MM). */
  now: string;
  /** Practice mode (feedback and hints allowed) vs assessment. */
  practice: boolean;
}

const noSubscribe = () => () => undefined;

/**
 * The part of the tool's workflow context a panel reads, kept as the same value while `equal` says
 * it did not change (Object.is by default), so a plain `memo` panel given it redraws only when it
 * does: the run store's selector idiom (stores/run-store.ts, ui/use-run-selector.ts), in place of
 * memoOnContext. `selector` must keep its identity (define it outside the component).
 */
export function useToolSlice<C, T>(snapshot: ToolSnapshot<C>, selector: (context: C) => T, equal?: (a: T, b: T) => boolean): T {
  const source = useMemo(() => ({ getSnapshot: () => snapshot, subscribe: noSubscribe }), [snapshot]);
  const select = useCallback((s: ToolSnapshot<C>) => selector(s.context), [selector]);
  return useRunSelector(source, select, equal);
}
