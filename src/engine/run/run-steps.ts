/** Moving through the step graph: entering steps, finishing tasks, where a move comes to rest. */
import { t, type LocalizedText } from '../../domain/text';
import type { Observation, WorkflowDefinition } from '../../machines/workflow';
import { clockToSeconds } from './case-data';
import { LIMITS, type Category, type Line, type ScenarioCase, type Step } from '../format/scenario.schema';
import { type ActiveTask, type Points, type RestingKind, type RunContext, type RunEnd, type RunInput, type ScoredItem } from './run-types';

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

export const stuck = (stepId: string | null, esMX: string, en: string): RunEnd => ({ stepId, text: t(esMX, en), outcome: null });

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

export function hasNegative(p: Points | undefined): boolean {
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
export function observe(ctx: RunContext, task: ActiveTask | null, actionIndex: number): Partial<RunContext> {
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

/** Where a move to `target` comes to rest: an end (or a dead end), a task, or a dialogue step. */
export function restingKind(scenario: ScenarioCase, target: string | null): RestingKind {
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
