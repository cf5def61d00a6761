/** The run's vocabulary: its input, context, events and costs, and the event for each log entry. */
import { type AnyActorRef } from 'xstate';
import { type LocalizedText } from '../../domain/text';
import type { WorkflowId } from '../../machines/workflow';
import { type WorkflowRegistry } from '../../machines/registry';
import { type CaseData } from './case-data';
import type { ChooseEntry, HintEntry, LogEntry, WaitEntry, WorkflowEntry } from '../format/log';
import { type Category, type Line, type ScenarioCase } from '../format/scenario.schema';

/** Practice: feedback after each decision and hints. Assessment: no feedback or hints until the end. */
export type RunMode = 'practice' | 'assessment';
/** Points per rubric category. */
export type Points = Partial<Record<Category, number>>;

/** Simulated seconds a dialogue choice takes (reading, answering). */
export const CHOOSE_COST = 20;
/** Simulated seconds a hint takes: none, asking is its own cost (it is counted). */
export const HINT_COST = 0;

/** One scored decision: a choice made or a check evaluated after a task. */
export interface ScoredItem {
  kind: 'choice' | 'check';
  /** Choice id, or the observation id of a check. */
  id: string;
  stepId: string;
  /** Points earned (a failed check earns none). */
  points: Points;
  /** A check whose observation had the expected value; a choice that is neither critical nor negative. */
  passed: boolean;
  /** The item is marked critical: failing it (or making the choice) is a critical error. */
  critical: boolean;
  feedback: LocalizedText | null;
  /** Index in the log of the action that caused it (-1: none, the case started there). */
  actionIndex: number;
}

/** The observation values read when a task finished. */
export interface TaskRecord {
  stepId: string;
  workflowId: WorkflowId;
  values: Record<string, boolean>;
  actionIndex: number;
}

/** The task in progress. */
export interface ActiveTask {
  stepId: string;
  workflowId: WorkflowId;
  ref: AnyActorRef;
}

/** How a run stopped: at an end step, or stuck because the scenario cannot go on. */
export interface RunEnd {
  stepId: string | null;
  text: LocalizedText;
  outcome: 'success' | 'partial' | 'failure' | null;
}

export interface RunInput {
  scenario: ScenarioCase;
  data: CaseData;
  mode: RunMode;
  seed: number;
  workflows: WorkflowRegistry;
}

/** What a run is played with and never changes: one frozen object shared by every copy of the context. */
export interface RunSetup {
  mode: RunMode;
  seed: number;
  workflows: WorkflowRegistry;
  /** The case's start time, seconds since midnight. */
  startClock: number;
}

/**
 * The run machine's context. XState copies it on every assign, and V8 turns such copies into slow
 * dictionaries past 19 keys: what never changes sits in `setup`, keeping it at 16 (run.test.ts holds the limit).
 */
export interface RunContext {
  scenario: ScenarioCase;
  data: CaseData;
  setup: Readonly<RunSetup>;
  stepId: string;
  /** Seconds since midnight, simulated. */
  clock: number;
  /** Lines shown since the last action (narrative steps passed on the way included). */
  lines: Line[];
  /** Every step entered, in order. */
  path: string[];
  items: ScoredItem[];
  tasks: TaskRecord[];
  hints: number;
  /** The hint shown on the current step, if asked for. */
  hint: LocalizedText | null;
  task: ActiveTask | null;
  taskSeq: number;
  /** Set when the active task is done: where to go next (null: no branch matched). */
  pendingNext: string | null | undefined;
  /** Accepted actions so far (the next action's log index). */
  actions: number;
  end: RunEnd | null;
}

/** An event the workflow accepted (see `WorkflowDefinition.accept`): the entry without `at`. */
export type WorkflowEvent = { type: string } & Record<string, unknown>;

/**
 * The sender's decision on an event, carried in it: made once, for the context it names. The
 * guards trust it for that context only; an event without one (or sent to another context) is
 * decided by the guards themselves.
 */
export interface Decision<T> {
  /** The context the decision was made for. */
  for: RunContext;
  decided: T;
}

/** Events of the run machine: one per kind of log entry, carrying the entry (and the sender's decision). */
export type RunEvent =
  | { type: 'run.choose'; entry: ChooseEntry; decision?: Decision<RestingKind> }
  | { type: 'run.hint'; entry: HintEntry; decision?: Decision<true> }
  | { type: 'run.wait'; entry: WaitEntry; decision?: Decision<true> }
  | { type: 'run.act'; entry: WorkflowEntry; decision?: Decision<WorkflowEvent> }
  /** Several workflow actions in a row for the task in progress (see `sendEntries`). */
  | { type: 'run.acts'; entries: WorkflowEntry[]; decision?: Decision<WorkflowEvent[]> }
  /** Several choices, hints and waits in a row at dialogue steps (see `sendEntries`). */
  | { type: 'run.talk'; entries: TalkEntry[]; decision?: Decision<Talk> };

/** Where a move comes to rest: an end (or a dead end), a task, or a dialogue step. */
export type RestingKind = 'end' | 'task' | 'dialogue';

/** The entries played at dialogue steps, between tasks: choices, hints and waits. */
export type TalkEntry = ChooseEntry | HintEntry | WaitEntry;

/** The machine event for a log entry. */
export function toRunEvent(entry: LogEntry): RunEvent {
  switch (entry.type) {
    case 'choose':
      return { type: 'run.choose', entry: entry as ChooseEntry };
    case 'hint':
      return { type: 'run.hint', entry: entry as HintEntry };
    case 'wait':
      return { type: 'run.wait', entry: entry as WaitEntry };
    default:
      return { type: 'run.act', entry: entry as WorkflowEntry };
  }
}

/** A run of dialogue entries that fit one after the other. */
export interface Talk {
  /** How many entries fit, from the first. */
  count: number;
  /** The context after them. */
  context: RunContext;
  /** Where the last one came to rest (only a choice moves: the rest stay in the dialogue). */
  kind: RestingKind;
}
