/** Whether an entry fits the run now, what it costs, and what an accepted choice, hint or talk changes. */
import { t, type LocalizedText } from '../../domain/text';
import type { ChooseEntry, HintEntry, LogEntry, WaitEntry, WorkflowEntry } from '../format/log';
import { type Step } from '../format/scenario.schema';
import { enterStep, hasNegative, restingKind } from './run-steps';
import { CHOOSE_COST, HINT_COST, type Decision, type RestingKind, type RunContext, type RunEvent, type ScoredItem, type Talk, type TalkEntry, type WorkflowEvent } from './run-types';

export const reason = (esMX: string, en: string): LocalizedText => t(esMX, en);

/** Why an entry does not fit the run's current state, or null when it does. */
export function rejectReason(ctx: RunContext, entry: LogEntry): LocalizedText | null {
  const act = judge(ctx, entry);
  return act.ok ? null : act.reason;
}

/** What the run makes of an entry now: fits (with the workflow's typed event for an action) or why not. */
type Judgement = { ok: true; event: WorkflowEvent | null } | { ok: false; reason: LocalizedText };
const FITS: Judgement = { ok: true, event: null };
const refused = (why: LocalizedText): Judgement => ({ ok: false, reason: why });

export function judge(ctx: RunContext, entry: LogEntry): Judgement {
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

/** The clock and the action count after an accepted entry (paced time first, then the cost). */
export function tick(ctx: RunContext, entry: LogEntry): Pick<RunContext, 'clock' | 'actions'> {
  return { clock: clockAfter(ctx, entry), actions: ctx.actions + 1 };
}

/** The clock after an accepted entry: paced time first (`at`), then the entry's cost. */
export function clockAfter(ctx: RunContext, entry: LogEntry): number {
  const paced = entry.at === undefined ? ctx.clock : Math.max(ctx.clock, ctx.setup.startClock + entry.at);
  return paced + costOf(ctx, entry);
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
export function chooseUpdate(ctx: RunContext, entry: ChooseEntry): Partial<RunContext> {
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
export function hintUpdate(ctx: RunContext, entry: HintEntry): Partial<RunContext> {
  return Object.assign(tick(ctx, entry), { hint: ctx.scenario.steps[ctx.stepId]?.hint ?? null, hints: ctx.hints + 1 });
}

export const isTalkEntry = (entry: LogEntry): entry is TalkEntry => entry.type === 'choose' || entry.type === 'hint' || entry.type === 'wait';

/**
 * Plays dialogue entries from `from` on, as the `choose`, `hint` and `wait` actions would one by
 * one, while each fits and the run stays at dialogue steps (a choice into a task or an end is the
 * last). Pure: the context given is not changed.
 */
export function talkFrom(ctx: RunContext, entries: readonly LogEntry[], from: number): Talk {
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
export function decisionFor<T>(context: RunContext, event: { decision?: Decision<T> }): Decision<T> | undefined {
  return event.decision !== undefined && event.decision.for === context ? event.decision : undefined;
}

/** The outcome of a `run.talk` event: null unless every entry fits. */
export function talkOf(ctx: RunContext, event: Extract<RunEvent, { type: 'run.talk' }>): Talk | null {
  const decided = decisionFor(ctx, event);
  if (decided) return decided.decided;
  const talk = talkFrom(ctx, event.entries, 0);
  return talk.count === event.entries.length && talk.count > 0 ? talk : null;
}

/** Where an accepted choice comes to rest; null when the choice does not fit. */
export function choiceKind(ctx: RunContext, event: Extract<RunEvent, { type: 'run.choose' }>): RestingKind | null {
  const decided = decisionFor(ctx, event);
  if (decided) return decided.decided;
  return rejectReason(ctx, event.entry) === null ? restingKind(ctx.scenario, choiceTarget(ctx, event.entry.choice)) : null;
}

/** The workflow's typed event for an action that fits (decided by the sender, else judged here). */
export function actionOf(ctx: RunContext, entry: WorkflowEntry, decided: WorkflowEvent | undefined): WorkflowEvent | null {
  if (decided) return decided;
  const judged = judge(ctx, entry);
  return judged.ok ? judged.event : null;
}

/** The run event for an entry that fits the context, with the decision made for it; why not otherwise. */
export function decide(ctx: RunContext, entry: LogEntry): { ok: true; event: RunEvent } | { ok: false; reason: LocalizedText } {
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
