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
import { t, type LocalizedText } from '../../domain/text';
import type { Observation, WorkflowDefinition, WorkflowId } from '../../machines/workflow';
import type { Clinic } from '../../domain/types';
import { workflows as registry, type WorkflowRegistry } from '../../machines/registry';
import { CaseDataError, caseDataSync, clockToSeconds, workflowCaseFor, type CaseData, type PreparedCase } from './case-data';
import type { ChooseEntry, HintEntry, LogEntry, WaitEntry, WorkflowEntry } from '../format/log';
import { LIMITS, type Category, type ClinicFile, type Line, type ScenarioCase, type Step } from '../format/scenario.schema';

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

const observationIndex = new WeakMap<WorkflowDefinition, Map<string, Observation<unknown>>>();

/** The workflow's observations by id (cached per definition). */
export function observationsOf(def: WorkflowDefinition): Map<string, Observation<unknown>> {
  let map = observationIndex.get(def);
  if (!map) {
    map = new Map(def.observations.map((o) => [o.id, o as Observation<unknown>]));
    observationIndex.set(def, map);
  }
  return map;
}

/** What kind of step this is; a step with only `say` is narrative (it moves on by itself). */
export function stepKind(step: Step): 'choose' | 'task' | 'end' | 'narrative' {
  if (step.end) return 'end';
  if (step.task) return 'task';
  if (step.choose) return 'choose';
  return 'narrative';
}

const stuck = (stepId: string | null, esMX: string, en: string): RunEnd => ({ stepId, text: t(esMX, en), outcome: null });

/** Enters a step, passing narrative steps on the way, until one that waits for the trainee or ends. */
export function enterStep(ctx: RunContext, target: string | null, keepLines: boolean): Partial<RunContext> {
  // The steps entered and lines said are gathered first and joined to the old lists once (one copy each).
  const entered: string[] = [];
  const said: Line[] = [];
  const done = (rest: Partial<RunContext>): Partial<RunContext> =>
    Object.assign({ lines: keepLines ? ctx.lines.concat(said) : said, path: ctx.path.concat(entered), hint: null }, rest);
  let id = target;
  // A loop of narrative steps would never wait for anyone: stop after more moves than there are steps.
  for (let guard = LIMITS.steps + 1; guard >= 0; guard--) {
    if (id === null) {
      return done({ end: stuck(ctx.stepId, 'Ninguna rama aplica: el caso no puede seguir.', 'No branch applies: the case cannot go on.') });
    }
    const step = ctx.scenario.steps[id];
    if (!step) {
      return done({ end: stuck(id, `El paso "${id}" no existe.`, `Step "${id}" does not exist.`) });
    }
    entered.push(id);
    if (step.say) {
      if (Array.isArray(step.say)) for (const line of step.say) said.push(line);
      else said.push(step.say);
    }
    const kind = stepKind(step);
    if (kind === 'end') {
      return done({ stepId: id, end: { stepId: id, text: step.end as LocalizedText, outcome: step.outcome ?? null } });
    }
    if (kind !== 'narrative') return done({ stepId: id });
    id = typeof step.next === 'string' ? step.next : null;
  }
  return done({ end: stuck(id, 'Los pasos narrativos forman un ciclo sin salida.', 'Narrative steps form a loop with no way out.') });
}

const reason = (esMX: string, en: string): LocalizedText => t(esMX, en);

/** Why an entry does not fit the run's current state, or null when it does. */
export function rejectReason(ctx: RunContext, entry: LogEntry): LocalizedText | null {
  const act = judge(ctx, entry);
  return act.ok ? null : act.reason;
}

/** What the run makes of an entry now: fits (with the workflow's typed event for an action) or why not. */
type Judgement = { ok: true; event: WorkflowEvent | null } | { ok: false; reason: LocalizedText };
const FITS: Judgement = { ok: true, event: null };
const refused = (why: LocalizedText): Judgement => ({ ok: false, reason: why });

function judge(ctx: RunContext, entry: LogEntry): Judgement {
  if (ctx.end) return refused(reason('El caso ya terminó.', 'The case has already ended.'));
  const step = ctx.scenario.steps[ctx.stepId];
  if (!step) return refused(reason('No hay paso actual.', 'There is no current step.'));
  switch (entry.type) {
    case 'choose': {
      if (!step.choose || step.task) return refused(reason('Ahora no hay opciones que elegir.', 'There are no choices to make now.'));
      const id = (entry as ChooseEntry).choice;
      return step.choose.some((c) => c.id === id)
        ? FITS
        : refused(reason('Esa opción no está disponible en este paso.', 'That choice is not available at this step.'));
    }
    case 'hint':
      if (ctx.setup.mode === 'assessment') return refused(reason('En una evaluación no hay pistas.', 'Hints are not available in an assessment.'));
      if (!step.hint) return refused(reason('Este paso no tiene pista.', 'This step has no hint.'));
      if (ctx.hint) return refused(reason('La pista de este paso ya se mostró.', "This step's hint is already shown."));
      return FITS;
    case 'wait':
      return FITS;
    default: {
      const type = entry.type;
      // Refusals name the action in words (its description), never by its id: a trainee reads them.
      if (!ctx.task) return refused(reason('Esa acción necesita una tarea en curso.', 'That action needs a task in progress.'));
      const def = ctx.setup.workflows[ctx.task.workflowId];
      const spec = def?.events[type];
      if (!def || !spec) return refused(reason(`«${def?.title['es-MX'] ?? 'La tarea'}» no tiene esa acción.`, `“${def?.title.en ?? 'The task'}” has no such action.`));
      // The workflow parses its event once, here; its machine trusts what it is sent.
      const { at: _at, ...action } = entry as WorkflowEntry;
      const accepted = def.accept(action);
      return accepted.ok
        ? { ok: true, event: accepted.event as WorkflowEvent }
        : refused(reason(`Faltan datos o no son válidos para «${spec.description['es-MX'].replace(/\.$/, '')}».`, `Data missing or not valid for “${spec.description.en.replace(/\.$/, '')}”.`));
    }
  }
}

/** Simulated seconds an accepted entry takes. */
function costOf(ctx: RunContext, entry: LogEntry): number {
  switch (entry.type) {
    case 'choose':
      return CHOOSE_COST;
    case 'hint':
      return HINT_COST;
    case 'wait':
      return (entry as WaitEntry).seconds;
    default: {
      const def = ctx.task ? ctx.setup.workflows[ctx.task.workflowId] : undefined;
      return def?.events[entry.type]?.cost ?? 0;
    }
  }
}

function hasNegative(p: Points | undefined): boolean {
  for (const cat in p) if ((p[cat as Category] ?? 0) < 0) return true;
  return false;
}

/** Evaluates a finished task: check items, observation values and the next step. */
function finishTask(ctx: RunContext, snapshot: unknown, def: WorkflowDefinition, step: Step, actionIndex: number): Partial<RunContext> {
  const observations = observationsOf(def);
  const values: Record<string, boolean> = {};
  const valueOf = (id: string): boolean => {
    if (!(id in values)) values[id] = observations.get(id)?.evaluate(snapshot) ?? false;
    return values[id] as boolean;
  };
  const items: ScoredItem[] = (step.checks ?? []).map((check) => {
    const passed = valueOf(check.observe) === check.expect;
    return {
      kind: 'check',
      id: check.observe,
      stepId: ctx.stepId,
      points: passed ? { ...check.points } : {},
      passed,
      critical: check.critical === true,
      feedback: check.feedback,
      actionIndex,
    };
  });
  let next: string | null = null;
  if (typeof step.next === 'string') next = step.next;
  else if (Array.isArray(step.next)) {
    const branch = step.next.find((b) => b.when === undefined || valueOf(b.when) === b.is);
    next = branch ? branch.next : null;
  }
  return {
    items: [...ctx.items, ...items],
    tasks: [...ctx.tasks, { stepId: ctx.stepId, workflowId: def.id, values, actionIndex }],
    pendingNext: next,
  };
}

/** The checks and next step of the active task if its workflow is done; nothing otherwise. */
function observe(ctx: RunContext, task: ActiveTask | null, actionIndex: number): Partial<RunContext> {
  if (!task) return {};
  const def = ctx.setup.workflows[task.workflowId] as WorkflowDefinition;
  const snapshot = task.ref.getSnapshot() as never;
  if (!def.isDone(snapshot)) return {};
  return finishTask(ctx, snapshot, def, ctx.scenario.steps[task.stepId] as Step, actionIndex);
}

/** The run's initial context: the start step entered and the clock at the case's time. */
export function initialContext(input: RunInput): RunContext {
  const clock = clockToSeconds(input.scenario.time);
  const base: RunContext = {
    scenario: input.scenario,
    data: input.data,
    setup: Object.freeze({ mode: input.mode, seed: input.seed, workflows: input.workflows, startClock: clock }),
    stepId: input.scenario.start,
    clock,
    lines: [],
    path: [],
    items: [],
    tasks: [],
    hints: 0,
    hint: null,
    task: null,
    taskSeq: 0,
    pendingNext: undefined,
    actions: 0,
    end: null,
  };
  return Object.assign(base, enterStep(base, input.scenario.start, false));
}

/** The clock and the action count after an accepted entry (paced time first, then the cost). */
function tick(ctx: RunContext, entry: LogEntry): Pick<RunContext, 'clock' | 'actions'> {
  return { clock: clockAfter(ctx, entry), actions: ctx.actions + 1 };
}

/** The clock after an accepted entry: paced time first (`at`), then the entry's cost. */
function clockAfter(ctx: RunContext, entry: LogEntry): number {
  const paced = entry.at === undefined ? ctx.clock : Math.max(ctx.clock, ctx.setup.startClock + entry.at);
  return paced + costOf(ctx, entry);
}

/** Where a move to `target` comes to rest: an end (or a dead end), a task, or a dialogue step. */
function restingKind(scenario: ScenarioCase, target: string | null): RestingKind {
  let id = target;
  for (let guard = LIMITS.steps + 1; guard >= 0 && id !== null; guard--) {
    const step: Step | undefined = scenario.steps[id];
    if (!step) return 'end';
    const kind = stepKind(step);
    if (kind === 'end') return 'end';
    if (kind === 'task') return 'task';
    if (kind === 'choose') return 'dialogue';
    id = typeof step.next === 'string' ? step.next : null;
  }
  return 'end';
}

type Choice = NonNullable<Step['choose']>[number];

/** The step's choice with this id, if any. */
function choiceOf(step: Step | undefined, choiceId: string): Choice | undefined {
  for (const choice of step?.choose ?? []) if (choice.id === choiceId) return choice;
  return undefined;
}

/** The step a choice leads to (its own next, else the step's). */
function choiceTarget(ctx: RunContext, choiceId: string): string | null {
  const step = ctx.scenario.steps[ctx.stepId];
  return choiceOf(step, choiceId)?.next ?? (typeof step?.next === 'string' ? step.next : null);
}

/** What an accepted choice changes: the clock, its scored item, and the step it leads to. */
function chooseUpdate(ctx: RunContext, entry: ChooseEntry): Partial<RunContext> {
  const choice = choiceOf(ctx.scenario.steps[ctx.stepId], entry.choice);
  if (!choice) return tick(ctx, entry);
  const item: ScoredItem = {
    kind: 'choice',
    id: choice.id,
    stepId: ctx.stepId,
    points: { ...choice.score },
    passed: choice.critical !== true && !hasNegative(choice.score),
    critical: choice.critical === true,
    feedback: choice.feedback ?? null,
    actionIndex: ctx.actions,
  };
  // enterStep reads neither the clock nor the items, so the context need not be merged first.
  return Object.assign(tick(ctx, entry), { items: [...ctx.items, item] }, enterStep(ctx, choiceTarget(ctx, choice.id), false));
}

/** What an accepted hint changes: the clock, the hint shown and the count. */
function hintUpdate(ctx: RunContext, entry: HintEntry): Partial<RunContext> {
  return Object.assign(tick(ctx, entry), { hint: ctx.scenario.steps[ctx.stepId]?.hint ?? null, hints: ctx.hints + 1 });
}

const isTalkEntry = (entry: LogEntry): entry is TalkEntry => entry.type === 'choose' || entry.type === 'hint' || entry.type === 'wait';

/** A run of dialogue entries that fit one after the other. */
interface Talk {
  /** How many entries fit, from the first. */
  count: number;
  /** The context after them. */
  context: RunContext;
  /** Where the last one came to rest (only a choice moves: the rest stay in the dialogue). */
  kind: RestingKind;
}

/**
 * Plays dialogue entries from `from` on, as the `choose`, `hint` and `wait` actions would one by
 * one, while each fits and the run stays at dialogue steps (a choice into a task or an end is the
 * last). Pure: the context given is not changed.
 */
function talkFrom(ctx: RunContext, entries: readonly LogEntry[], from: number): Talk {
  let next: RunContext | null = null;
  let kind: Talk['kind'] = 'dialogue';
  let i = from;
  for (; i < entries.length && kind === 'dialogue'; i++) {
    const cur: RunContext = next ?? ctx;
    const entry = entries[i] as LogEntry;
    if (!isTalkEntry(entry) || rejectReason(cur, entry) !== null) break;
    let update: Partial<RunContext>;
    if (entry.type === 'choose') {
      kind = restingKind(cur.scenario, choiceTarget(cur, entry.choice));
      update = chooseUpdate(cur, entry);
    } else update = entry.type === 'hint' ? hintUpdate(cur, entry) : tick(cur, entry);
    // One private copy for the whole run of entries: each update holds new arrays, never shared ones.
    next = Object.assign(next ?? { ...ctx }, update);
  }
  return { count: i - from, context: next ?? ctx, kind };
}

/** The sender's decision when it was made for this context (see `Decision`). */
function decisionFor<T>(context: RunContext, event: { decision?: Decision<T> }): Decision<T> | undefined {
  return event.decision !== undefined && event.decision.for === context ? event.decision : undefined;
}

/** The outcome of a `run.talk` event: null unless every entry fits. */
function talkOf(ctx: RunContext, event: Extract<RunEvent, { type: 'run.talk' }>): Talk | null {
  const decided = decisionFor(ctx, event);
  if (decided) return decided.decided;
  const talk = talkFrom(ctx, event.entries, 0);
  return talk.count === event.entries.length && talk.count > 0 ? talk : null;
}

/** Where an accepted choice comes to rest; null when the choice does not fit. */
function choiceKind(ctx: RunContext, event: Extract<RunEvent, { type: 'run.choose' }>): RestingKind | null {
  const decided = decisionFor(ctx, event);
  if (decided) return decided.decided;
  return rejectReason(ctx, event.entry) === null ? restingKind(ctx.scenario, choiceTarget(ctx, event.entry.choice)) : null;
}

/** The workflow's typed event for an action that fits (decided by the sender, else judged here). */
function actionOf(ctx: RunContext, entry: WorkflowEntry, decided: WorkflowEvent | undefined): WorkflowEvent | null {
  if (decided) return decided;
  const judged = judge(ctx, entry);
  return judged.ok ? judged.event : null;
}

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

/** The run event for an entry that fits the context, with the decision made for it; why not otherwise. */
function decide(ctx: RunContext, entry: LogEntry): { ok: true; event: RunEvent } | { ok: false; reason: LocalizedText } {
  const judged = judge(ctx, entry);
  if (!judged.ok) return judged;
  switch (entry.type) {
    case 'choose': {
      const choose = entry as ChooseEntry;
      return { ok: true, event: { type: 'run.choose', entry: choose, decision: { for: ctx, decided: restingKind(ctx.scenario, choiceTarget(ctx, choose.choice)) } } };
    }
    case 'hint':
      return { ok: true, event: { type: 'run.hint', entry: entry as HintEntry, decision: { for: ctx, decided: true } } };
    case 'wait':
      return { ok: true, event: { type: 'run.wait', entry: entry as WaitEntry, decision: { for: ctx, decided: true } } };
    default:
      return { ok: true, event: { type: 'run.act', entry: entry as WorkflowEntry, decision: { for: ctx, decided: judged.event as WorkflowEvent } } };
  }
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

/** A case to run: a scenario whose people are all written out, or a case prepared for a seed. */
export type CaseSource = ScenarioCase | PreparedCase;

/** How to run a case. */
export interface RunOptions {
  /** The variant seed (ignored for a PreparedCase, which carries its own). Default 0. */
  seed?: number;
  mode?: RunMode;
  /** Workflow definitions; the registry by default (tests inject fakes). */
  workflows?: WorkflowRegistry;
  /** The case's clinic; a placeholder otherwise. */
  clinic?: ClinicFile | Clinic;
}

/** Problems that make a scenario unplayable with these workflows (the loader reports them with lines). */
export function unplayable(scenario: ScenarioCase, workflows: WorkflowRegistry): LocalizedText[] {
  const problems: LocalizedText[] = [];
  for (const [id, step] of Object.entries(scenario.steps)) {
    if (!step.task) continue;
    const def = workflows[step.task];
    if (!def) {
      problems.push(t(`Paso "${id}": el flujo "${step.task}" no está disponible.`, `Step "${id}": workflow "${step.task}" is not available.`));
      continue;
    }
    const known = observationsOf(def);
    const observed = [...(step.checks ?? []).map((c) => c.observe), ...(Array.isArray(step.next) ? step.next.flatMap((b) => (b.when ? [b.when] : [])) : [])];
    for (const o of observed) {
      if (!known.has(o)) problems.push(t(`Paso "${id}": ${step.task} no publica la observación "${o}".`, `Step "${id}": ${step.task} does not publish observation "${o}".`));
    }
  }
  return problems;
}

const playableCache = new WeakMap<ScenarioCase, WeakMap<WorkflowRegistry, LocalizedText | null>>();
const dataCache = new WeakMap<ScenarioCase, CaseData>();

/** The run machine's input for a case and options; throws CaseDataError when the case cannot be played. */
export function resolveRunInput(source: CaseSource, opts: RunOptions = {}): RunInput {
  const prepared = 'scenario' in source && 'data' in source;
  const scenario = prepared ? source.scenario : source;
  const workflows = opts.workflows ?? registry;
  // Replays run thousands of times over one scenario: check it and resolve its data once.
  let checked = playableCache.get(scenario);
  if (!checked) playableCache.set(scenario, (checked = new WeakMap()));
  if (!checked.has(workflows)) checked.set(workflows, unplayable(scenario, workflows)[0] ?? null);
  const problem = checked.get(workflows);
  if (problem) throw new CaseDataError(problem);
  let data: CaseData;
  if (prepared) data = source.data;
  else if (opts.clinic) data = caseDataSync(scenario, { clinic: opts.clinic });
  else {
    data = dataCache.get(scenario) ?? caseDataSync(scenario);
    dataCache.set(scenario, data);
  }
  return {
    scenario,
    data,
    mode: opts.mode ?? 'practice',
    seed: prepared ? source.seed : (opts.seed ?? 0),
    workflows,
  };
}
