/**
 * The contract between the desk and the four workflow tools (registration, coverage, scheduling,
 * room prep). A tool draws the current task's workflow snapshot and sends the workflow's events;
 * the desk forwards each event to the run and persists the log after every accepted entry.
 */
import { useCallback, useMemo } from 'react';
import type { EventFrom, SnapshotFrom } from 'xstate';
import type { Lang } from '../../../domain/text';
import type { Clinic, Person } from '../../../domain/types';
import type { SendResult } from '../../../engine/run/run';
import type { coverageWorkflow } from '../../../machines/coverage/definition';
import type { registrationWorkflow } from '../../../machines/registration/definition';
import type { roomPrepWorkflow } from '../../../machines/room-prep/definition';
import type { schedulingWorkflow } from '../../../machines/scheduling/definition';
import type { WorkflowId } from '../../../machines/workflow';
import { useRunSelector } from '../../../ui/use-run-selector';

export type { SendResult } from '../../../engine/run/run';

/** The workflow machine's snapshot as the desk hands it to a tool. */
export interface ToolSnapshot<TContext = unknown> {
  value: unknown;
  context: TContext;
  status: string;
}

/** A workflow event as the desk forwards it to the run (untyped: the run parses it, `accept`). */
export type ToolEvent = { type: string } & Record<string, unknown>;

// Type-only: each tool is typed by its own workflow's machine, with no runtime import of machines here.
interface Definitions {
  registration: typeof registrationWorkflow;
  coverage: typeof coverageWorkflow;
  scheduling: typeof schedulingWorkflow;
  'room-prep': typeof roomPrepWorkflow;
}
type MachineOf<W extends WorkflowId> = Definitions[W]['machine'];

/** The context of workflow W's snapshot, as its tool draws it. */
export type ToolContext<W extends WorkflowId> = SnapshotFrom<MachineOf<W>>['context'];
/** The events workflow W's tool may send (the union its event table derives). */
export type ToolEventOf<W extends WorkflowId> = EventFrom<MachineOf<W>>;

/** What the desk hands every tool, whatever its workflow. */
interface DeskToolFacts {
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

/** Props of workflow W's tool (`export default function XTool(props: ToolProps<'x'>)`). */
export interface ToolProps<W extends WorkflowId> extends DeskToolFacts {
  /** The current task's workflow snapshot (re-rendered after every accepted event). */
  snapshot: ToolSnapshot<ToolContext<W>>;
  /** Sends a workflow event to the run; a refused event returns its reason and is not logged. */
  send: (event: ToolEventOf<W>) => SendResult;
}

/** The same props as the desk holds them, before the registry picks the workflow (tool-registry.ts). */
export interface DeskToolProps extends DeskToolFacts {
  snapshot: ToolSnapshot;
  send: (event: ToolEvent) => SendResult;
}

const noSubscribe = () => () => undefined;

/**
 * The part of the tool's workflow context a panel reads, kept as the same value while `equal` says
 * it did not change (Object.is by default), so a plain `memo` panel given it redraws only when it
 * does: the run store's selector idiom (stores/run-store.ts, ui/use-run-selector.ts), in place of
 * a per-panel memo comparator. `selector` must keep its identity (define it outside the component).
 */
export function useToolSlice<C, T>(snapshot: ToolSnapshot<C>, selector: (context: C) => T, equal?: (a: T, b: T) => boolean): T {
  const source = useMemo(() => ({ getSnapshot: () => snapshot, subscribe: noSubscribe }), [snapshot]);
  const select = useCallback((s: ToolSnapshot<C>) => selector(s.context), [selector]);
  return useRunSelector(source, select, equal);
}

/** A panel's part of a tool's context: the top-level keys it reads, with its selector and equality. */
export interface ContextPart<C, K extends keyof C> {
  select: (context: C) => Pick<C, K>;
  equal: (a: Pick<C, K>, b: Pick<C, K>) => boolean;
}

/** The context type a part is of, narrowed to the keys it reads (a panel's `ctx` prop). */
export type PartOf<P> = P extends ContextPart<infer C, infer K> ? Pick<C, K> : never;

/**
 * A part made of `keys`, unchanged while each key holds the same object: the machine keeps every
 * part of its context an event did not change. Define parts once, beside their panel, outside any
 * component; a panel typed with `PartOf` cannot read a key its part does not hold.
 */
export function contextPart<C>() {
  return <K extends keyof C>(...keys: K[]): ContextPart<C, K> => ({
    select: (context) => {
      const part = {} as Pick<C, K>;
      for (const key of keys) part[key] = context[key];
      return part;
    },
    equal: (a, b) => keys.every((key) => Object.is(a[key], b[key])),
  });
}

/** A panel's part of the snapshot's context (see contextPart), for a plain `memo` panel. */
export function useContextPart<C, K extends keyof C>(snapshot: ToolSnapshot<C>, part: ContextPart<C, K>): Pick<C, K> {
  return useToolSlice(snapshot, part.select, part.equal);
}
