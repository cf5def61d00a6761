import type { AnyStateMachine, EventFrom, SnapshotFrom } from 'xstate';
import type { z } from 'zod';
import type { LocalizedText, Problem } from '../domain/text';
import type { Clinic, ClockTime, IsoDate, Person } from '../domain/types';

/** The four workflows of the desk (later: phone, checkout). */
export const WORKFLOW_IDS = ['registration', 'coverage', 'scheduling', 'room-prep'] as const;
export type WorkflowId = (typeof WORKFLOW_IDS)[number];

/** Simulated services a workflow may consult; a scenario or test decides how they answer. */
export interface ServiceStates {
  /** IMSS rights portal (vigencia de derechos). */
  imssPortal: 'up' | 'down';
  /** Private insurer's policy portal. */
  insurerPortal: 'up' | 'down';
}

/**
 * What the engine hands a workflow when a task step starts: the case's data.
 * `options` are the task step's own settings (`with:` in the scenario file), validated by the
 * workflow's `options` schema.
 */
export interface WorkflowCase<TOptions = unknown> {
  /** The person the task is for (`for:` in the scenario). */
  patient: Person;
  /** Everyone in the case, by id (guardians, callers). */
  people: Record<string, Person>;
  clinic: Clinic;
  /** The simulated date and time when the task starts. */
  today: IsoDate;
  now: ClockTime;
  services: ServiceStates;
  options: TOptions;
}

/** A named fact computed from a workflow's final snapshot; scenarios score against these names. */
export interface Observation<TSnapshot = unknown> {
  /** Namespaced id, e.g. `registration.consentBeforeSensitiveData`. */
  id: string;
  description: LocalizedText;
  evaluate: (snapshot: TSnapshot) => boolean;
}

/** An event a trainee can send, with its parameters' schema and its cost in simulated seconds. */
export interface WorkflowEventSpec {
  /** Schema of the event's parameters (the event object without `type`). */
  params: z.ZodType;
  /** Simulated seconds this action takes at a real desk. */
  cost: number;
  description: LocalizedText;
}

/** A workflow's event table: one row per event type, from which its event union is derived. */
export type EventTable = Record<string, WorkflowEventSpec>;

// A strict empty object infers as an index signature of never, which would swallow `type`.
type ParamsOf<S extends z.ZodType> = string extends keyof z.infer<S> ? Record<never, never> : z.infer<S>;
type Prettify<T> = { [K in keyof T]: T[K] } & {};

/** The events a table describes: `{ type }` with the row's parameters, for every row. */
export type EventsOf<T extends EventTable> = {
  [K in keyof T & string]: Prettify<{ type: K } & ParamsOf<T[K]['params']>>;
}[keyof T & string];

/**
 * Why a workflow's screen refused the trainee's last action, kept in its context as `refusal` until
 * an action is accepted: every workflow's one refusal idiom. The run accepted and logged the action;
 * the screen said no (as the clinic's system would), and the tool shows it in its alert.
 */
export interface Refusal<TType extends string = string> {
  /** The refused event's type. */
  type: TType;
  /** What the screen says, at least one. */
  problems: readonly Problem[];
}

/** A refusal of an event of `type`. */
export const refusalOf = <TType extends string>(type: TType, ...problems: Problem[]): Refusal<TType> => ({ type, problems });

/** What a workflow makes of an event at its boundary: the typed event, or the refusal shown. */
export type Acceptance<TEvent> = { ok: true; event: TEvent } | { ok: false; problem: Problem };

/**
 * The `accept` of a workflow: an object whose `type` is a row of the table and whose other
 * properties pass that row's schema is the typed event (the same object); anything else is refused
 * with `malformed`, the one refusal every workflow gives at its boundary.
 */
export function acceptorOf<T extends EventTable>(table: T, malformed: Problem): (event: unknown) => Acceptance<EventsOf<T>> {
  const refused: Acceptance<never> = { ok: false, problem: malformed };
  return (event) => {
    if (typeof event !== 'object' || event === null) return refused;
    const { type, ...params } = event as { type?: unknown };
    const spec = typeof type === 'string' && Object.hasOwn(table, type) ? table[type] : undefined;
    return spec !== undefined && spec.params.safeParse(params).success ? { ok: true, event: event as EventsOf<T> } : refused;
  };
}

/** Everything the engine, the CLI, the docs and the UI need to know about one workflow. */
export interface WorkflowDefinition<TMachine extends AnyStateMachine = AnyStateMachine, TOptions = unknown> {
  id: WorkflowId;
  title: LocalizedText;
  machine: TMachine;
  /** Schema of the task step's `with:` settings. */
  options: z.ZodType<TOptions>;
  /** Builds the machine's input from the case. */
  input: (c: WorkflowCase<TOptions>) => unknown;
  /** Events by type (`registration.enter`...). */
  events: EventTable;
  /**
   * Parses an event at the workflow's boundary with its table's schema. The run (and the tools'
   * harness) send a machine only what this accepted, so the machines trust their events.
   */
  accept: (event: unknown) => Acceptance<EventFrom<TMachine>>;
  /** At least 8 observations. */
  observations: Observation<SnapshotFrom<TMachine>>[];
  /** True when the task is finished (the machine reached a final state). */
  isDone: (snapshot: SnapshotFrom<TMachine>) => boolean;
}
