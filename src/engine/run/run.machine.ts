/**
 * The run machine: plays one case. The scenario's step graph is data, so the machine has few
 * states (route, dialogue, task, finished) and keeps the current step in its context.
 *
 * Task steps spawn the workflow machine with the case's data; workflow events are forwarded to it
 * synchronously, and as soon as the workflow says it is done the step's checks are evaluated
 * against its observations, the branch is chosen, and the child is stopped (so a long shift keeps
 * memory flat).
 */
import { assertEvent, assign, createActor, setup, stopChild, type AnyActorRef, type Actor } from 'xstate';
import { type LocalizedText } from '../../domain/text';
import type { WorkflowDefinition, WorkflowId } from '../../machines/workflow';
import { workflowCaseFor } from './case-data';
import type { LogEntry, WorkflowEntry } from '../format/log';
import { type Step } from '../format/scenario.schema';
import { actionOf, choiceKind, chooseUpdate, clockAfter, decide, decisionFor, hintUpdate, isTalkEntry, judge, rejectReason, talkFrom, talkOf, tick } from './run-decisions';
import { enterStep, initialContext, observe, restingKind } from './run-steps';
import { type ActiveTask, type RestingKind, type RunContext, type RunEvent, type RunInput, type TalkEntry, type WorkflowEvent } from './run-types';

const talkLeadsTo =
  (kind: RestingKind) =>
  ({ context, event }: { context: RunContext; event: RunEvent }) =>
    event.type === 'run.talk' && talkOf(context, event)?.kind === kind;

const choiceLeadsTo =
  (kind: RestingKind) =>
  ({ context, event }: { context: RunContext; event: RunEvent }) =>
    event.type === 'run.choose' && choiceKind(context, event) === kind;

const taskLeadsTo =
  (kind: RestingKind) =>
  ({ context }: { context: RunContext }) =>
    context.pendingNext !== undefined && restingKind(context.scenario, context.pendingNext) === kind;

/**
 * Plays one case; see the file comment. Transitions pick their target state from where the move
 * comes to rest, so each action is one macrostep without a routing detour (replays stay fast).
 */
export const runMachine = setup({
  types: {
    context: {} as RunContext,
    events: {} as RunEvent,
    input: {} as RunInput,
  },
  guards: {
    accepted: ({ context, event }) =>
      event.type !== 'run.acts' && event.type !== 'run.talk' && (decisionFor<unknown>(context, event) !== undefined || rejectReason(context, event.entry) === null),
    allAccepted: ({ context, event }) =>
      event.type === 'run.acts' && (decisionFor(context, event) !== undefined || event.entries.every((e) => rejectReason(context, e) === null)),
    isOver: ({ context }) => context.end !== null,
    atTask: ({ context }) => context.scenario.steps[context.stepId]?.task !== undefined,
    choiceToEnd: choiceLeadsTo('end'),
    choiceToTask: choiceLeadsTo('task'),
    choiceToDialogue: choiceLeadsTo('dialogue'),
    taskToEnd: taskLeadsTo('end'),
    taskToTask: taskLeadsTo('task'),
    taskToDialogue: taskLeadsTo('dialogue'),
    talkToEnd: talkLeadsTo('end'),
    talkToTask: talkLeadsTo('task'),
    talkToDialogue: talkLeadsTo('dialogue'),
  },
  actions: {
    choose: assign(({ context, event }) => {
      assertEvent(event, 'run.choose');
      return chooseUpdate(context, event.entry);
    }),
    hint: assign(({ context, event }) => {
      assertEvent(event, 'run.hint');
      return hintUpdate(context, event.entry);
    }),
    wait: assign(({ context, event }) => {
      assertEvent(event, 'run.wait');
      return tick(context, event.entry);
    }),
    /** A run of dialogue entries in one step (see `sendEntries`). */
    talk: assign(({ context, event }) => {
      assertEvent(event, 'run.talk');
      return talkOf(context, event)?.context ?? {};
    }),
    startTask: assign(({ context, spawn }) => {
      const step = context.scenario.steps[context.stepId] as Step;
      const workflowId = step.task as WorkflowId;
      const def = context.setup.workflows[workflowId] as WorkflowDefinition;
      const input = def.input(workflowCaseFor(context.data, step, def, context.clock));
      const seq = context.taskSeq + 1;
      // The workflow is chosen at run time, so spawn's typing by declared actors does not apply.
      const spawnAny = spawn as unknown as (logic: WorkflowDefinition['machine'], options: { id: string; input: unknown }) => AnyActorRef;
      const ref = spawnAny(def.machine, { id: `task-${seq}`, input });
      const task: ActiveTask = { stepId: context.stepId, workflowId, ref };
      // A workflow could be done from the start (nothing to do): evaluate it right away.
      return Object.assign({ task, taskSeq: seq, pendingNext: undefined }, observe(context, task, context.actions - 1));
    }),
    /** Sends the event to the workflow; the child answers synchronously, so its snapshot is current after. */
    forward: ({ context, event }) => {
      assertEvent(event, 'run.act');
      const action = context.task ? actionOf(context, event.entry, decisionFor(context, event)?.decided) : null;
      if (action) context.task?.ref.send(action);
    },
    /** After forwarding: the clock, and the checks if the workflow is now done. */
    afterAct: assign(({ context, event }) => {
      assertEvent(event, 'run.act');
      return Object.assign(tick(context, event.entry), observe(context, context.task, context.actions));
    }),
    /**
     * `forward` then `afterAct` for each action of a batch, in one step of the run machine, until the
     * workflow is done (the rest of the batch is left for the sender to send afresh). The sends to
     * the child are its side effect, as in `forward`: the child answers synchronously.
     */
    forwardAll: assign(({ context, event }) => {
      assertEvent(event, 'run.acts');
      const decided = decisionFor(context, event)?.decided;
      const next: RunContext = { ...context };
      for (let i = 0; i < event.entries.length; i++) {
        const entry = event.entries[i] as WorkflowEntry;
        const task = next.task;
        if (!task || next.pendingNext !== undefined) break;
        // Every action of the batch is judged against the context the batch was sent to.
        const action = actionOf(context, entry, decided?.[i]);
        if (action) task.ref.send(action);
        // tick, written in place (the copy above is this step's own); the action's index is the count before it.
        const index = next.actions;
        next.clock = clockAfter(next, entry);
        next.actions = index + 1;
        Object.assign(next, observe(next, task, index));
      }
      return next;
    }),
    stopTask: stopChild(({ context }) => context.task?.ref as AnyActorRef),
    leaveTask: assign(({ context }) => Object.assign({ task: null, pendingNext: undefined }, enterStep(context, context.pendingNext ?? null, false))),
  },
}).createMachine({
  id: 'run',
  context: ({ input }) => initialContext(input),
  initial: 'dialogue',
  states: {
    dialogue: {
      // Taken only at the start, when the start step is a task or an end: every later move into the
      // dialogue rests at a choice. Starting here spares the usual start an extra routing step.
      always: [
        { guard: 'isOver', target: 'finished' },
        { guard: 'atTask', target: 'task' },
      ],
      on: {
        'run.choose': [
          { guard: 'choiceToDialogue', actions: 'choose' },
          { guard: 'choiceToTask', actions: 'choose', target: 'task' },
          { guard: 'choiceToEnd', actions: 'choose', target: 'finished' },
        ],
        'run.talk': [
          { guard: 'talkToDialogue', actions: 'talk' },
          { guard: 'talkToTask', actions: 'talk', target: 'task' },
          { guard: 'talkToEnd', actions: 'talk', target: 'finished' },
        ],
      },
    },
    task: {
      entry: ['startTask'],
      exit: ['stopTask'],
      on: {
        'run.act': { guard: 'accepted', actions: ['forward', 'afterAct'] },
        'run.acts': { guard: 'allAccepted', actions: 'forwardAll' },
      },
      always: [
        { guard: 'taskToDialogue', actions: 'leaveTask', target: 'dialogue' },
        { guard: 'taskToTask', actions: 'leaveTask', target: 'task', reenter: true },
        { guard: 'taskToEnd', actions: 'leaveTask', target: 'finished' },
      ],
    },
    finished: { type: 'final' },
  },
  on: {
    'run.hint': { guard: 'accepted', actions: 'hint' },
    'run.wait': { guard: 'accepted', actions: 'wait' },
  },
});

/** A running run actor. */
export type RunActor = Actor<typeof runMachine>;

/** Starts a run actor (its first task, if the case starts with one, is spawned here). */
export function startRunActor(input: RunInput): RunActor {
  return createActor(runMachine, { input }).start();
}

/** Sends an entry if it fits the run's state; returns why not otherwise (and sends nothing). */
export function sendEntry(actor: RunActor, entry: LogEntry): LocalizedText | null {
  const decided = decide(actor.getSnapshot().context, entry);
  if (!decided.ok) return decided.reason;
  actor.send(decided.event);
  return null;
}

const isWorkflowEntry = (entry: LogEntry): entry is WorkflowEntry =>
  entry.type !== 'choose' && entry.type !== 'hint' && entry.type !== 'wait' && entry.type.includes('.');

/**
 * Sends entries in order, as `sendEntry` would one by one, and stops at the first that does not
 * fit. A run of workflow actions for the task in progress goes to the run machine as one event, and
 * so does a run of choices, hints and waits at dialogue steps (replays of long logs spend most of
 * their time in the run machine's steps otherwise); the resulting state, scores and action indices
 * are the same. Returns how many entries were accepted and why the next one was not (null when all
 * were).
 */
export function sendEntries(actor: RunActor, entries: readonly LogEntry[]): { accepted: number; reason: LocalizedText | null } {
  let i = 0;
  while (i < entries.length) {
    const ctx = actor.getSnapshot().context;
    const entry = entries[i] as LogEntry;
    // No task and no end: the run is at a dialogue step.
    if (ctx.task === null && ctx.end === null && isTalkEntry(entry)) {
      // Even a single choice goes this way: its guards then need not work it out three times.
      const talk = talkFrom(ctx, entries, i);
      if (talk.count > 0) {
        actor.send({ type: 'run.talk', entries: entries.slice(i, i + talk.count) as TalkEntry[], decision: { for: ctx, decided: talk } });
        const consumed = actor.getSnapshot().context.actions - ctx.actions;
        i += consumed;
        if (consumed > 0) continue;
      }
    }
    if (ctx.task !== null && ctx.end === null && isWorkflowEntry(entry)) {
      const actions: WorkflowEvent[] = [];
      for (let j = i; j < entries.length && isWorkflowEntry(entries[j] as LogEntry); j++) {
        const judged = judge(ctx, entries[j] as LogEntry);
        if (!judged.ok) break;
        actions.push(judged.event as WorkflowEvent);
      }
      if (actions.length >= 2) {
        const before = ctx.actions;
        actor.send({ type: 'run.acts', entries: entries.slice(i, i + actions.length) as WorkflowEntry[], decision: { for: ctx, decided: actions } });
        const consumed = actor.getSnapshot().context.actions - before;
        i += consumed;
        if (consumed > 0) continue;
      }
    }
    const why = sendEntry(actor, entry);
    if (why) return { accepted: i, reason: why };
    i++;
  }
  return { accepted: i, reason: null };
}
