import type { AnyStateMachine, SnapshotFrom } from 'xstate';
import type { z } from 'zod';
import type { LocalizedText } from '../domain/text';
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
  events: Record<string, WorkflowEventSpec>;
  /** At least 8 observations. */
  observations: Observation<SnapshotFrom<TMachine>>[];
  /** True when the task is finished (the machine reached a final state). */
  isDone: (snapshot: SnapshotFrom<TMachine>) => boolean;
}

// The event whose parameters the engine has just checked against the event's schema. A machine
// still validates every other event itself (a UI or test may send straight to it), but the event the
// engine vouches for is not parsed twice. The engine sends it synchronously right after marking it,
// so remembering the last one is enough (and costs less than a WeakSet on every action of a replay).
let vouched: object | null = null;

/** Marks an event whose parameters were checked against its `WorkflowEventSpec.params`; returns it. */
export function markValidated<T extends object>(event: T): T {
  vouched = event;
  return event;
}

/** Whether the engine vouched for this event's parameters (see `markValidated`). */
export function isValidated(event: object): boolean {
  return event === vouched;
}
