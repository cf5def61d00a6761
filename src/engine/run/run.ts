/**
 * The run API the UI, the CLI and tests use: send log entries, read a snapshot, the log and the
 * result. The log is the truth: an entry that does not fit the current state is rejected and not
 * appended, so the log always replays to the same state.
 */
import type { LocalizedText } from '../../domain/text';
import { secondsToClock } from './case-data';
import { parseEntry, persistLog, type LogEntry, type PersistedLog } from '../format/log';
import { type RunContext, type RunEnd, type RunMode, type ScoredItem } from './run-types';
import { stepKind } from './run-steps';
import { resolveRunInput, type CaseSource, type RunOptions } from './run-input';
import { sendEntries, sendEntry, startRunActor } from './run.machine';
import type { Line } from '../format/scenario.schema';
import { resultOf, type RunResult } from './score';
import { keepIfSame, presentAt } from './desk-presence';

export type { CaseSource, RunOptions } from './run-input';
export type { RunMode, ScoredItem, RunEnd } from './run-types';

/** Outcome of sending an entry. */
export type SendResult = { ok: true } | { ok: false; reason: LocalizedText };

/** What a UI needs to draw the run now. */
export interface RunView {
  status: 'playing' | 'finished';
  mode: RunMode;
  stepId: string;
  kind: 'choose' | 'task' | 'end' | 'narrative';
  /** Lines of the current step (and of narrative steps passed to reach it). */
  lines: Line[];
  /** Ids of the people at the desk; the same array as the previous view's while it has not changed. */
  present: readonly string[];
  /** Choices available now (empty unless at a dialogue step). */
  choices: { id: string; text: LocalizedText }[];
  /** Whether a hint can be asked for now, and the hint once shown. */
  hint: { available: boolean; text: LocalizedText | null };
  /** The task in progress: its workflow, the events it accepts, and the workflow machine's snapshot. */
  task: { stepId: string; workflowId: string; events: string[]; snapshot: unknown } | null;
  /**
   * Practice: every scored item with feedback so far, in order (the newest have the last
   * actionIndex). Assessment: empty until the run has finished, then all of them.
   */
  feedback: ScoredItem[];
  clock: { seconds: number; text: string; elapsed: number };
  end: RunEnd | null;
  /** Accepted actions so far (the length of the log). */
  actions: number;
  hints: number;
}

/** A live run. */
export interface Run {
  /** Applies an entry (internal form) if it fits; a rejected entry is not appended. */
  send(entry: LogEntry): SendResult;
  snapshot(): RunView;
  /** The accepted entries, in order (a copy). */
  log(): LogEntry[];
  result(): RunResult;
  /** The log in its persisted form (version, scenario id, seed, mode, entries). */
  persisted(): PersistedLog;
  /** The run machine's context, for debriefs and tests. */
  context(): RunContext;
  /** Stops the run's actors. */
  stop(): void;
}

/** The view of a run's context (`previous`: the run's last view, whose stable parts are kept). */
export function viewOf(ctx: RunContext, taskSnapshot: unknown, previous?: RunView): RunView {
  const step = ctx.scenario.steps[ctx.stepId];
  const finished = ctx.end !== null;
  const canChoose = !finished && step?.choose !== undefined && step.task === undefined;
  const def = ctx.task ? ctx.setup.workflows[ctx.task.workflowId] : undefined;
  return {
    status: finished ? 'finished' : 'playing',
    mode: ctx.setup.mode,
    stepId: ctx.stepId,
    kind: step ? stepKind(step) : 'end',
    lines: ctx.lines,
    present: keepIfSame(presentAt(ctx), previous?.present),
    choices: canChoose ? (step?.choose ?? []).map((c) => ({ id: c.id, text: c.text })) : [],
    hint: { available: !finished && ctx.setup.mode === 'practice' && step?.hint !== undefined && ctx.hint === null, text: ctx.hint },
    task: ctx.task && def ? { stepId: ctx.task.stepId, workflowId: ctx.task.workflowId, events: Object.keys(def.events), snapshot: taskSnapshot } : null,
    feedback: ctx.setup.mode === 'practice' || finished ? ctx.items.filter((i) => i.feedback !== null) : [],
    clock: { seconds: ctx.clock, text: secondsToClock(ctx.clock), elapsed: ctx.clock - ctx.setup.startClock },
    end: ctx.end,
    actions: ctx.actions,
    hints: ctx.hints,
  };
}

// The senders of parsed entries, kept on the run under a key of this module (a WeakMap per run cost
// more than the replays it served).
const SENDERS = Symbol('senders');

interface InternalRun extends Run {
  [SENDERS]: {
    one: (entry: LogEntry) => SendResult;
    all: (entries: readonly LogEntry[]) => { accepted: number; reason: LocalizedText | null };
  };
}

const sendersOf = (run: Run) => (run as Partial<InternalRun>)[SENDERS];

/**
 * Starts a run of a case (a scenario with every person written out, or a case from prepareCase).
 * Throws CaseDataError when the case cannot be played with the given workflows.
 */
export function createRun(source: CaseSource, opts: RunOptions = {}): Run {
  const input = resolveRunInput(source, opts);
  const actor = startRunActor(input);
  const entries: LogEntry[] = [];
  let lastView: RunView | undefined;
  const context = () => actor.getSnapshot().context;
  const apply = (entry: LogEntry): SendResult => {
    const why = sendEntry(actor, entry);
    if (why) return { ok: false, reason: why };
    entries.push(entry);
    return { ok: true };
  };
  const run: InternalRun = {
    send(entry) {
      const parsed = parseEntry(entry);
      return parsed.ok ? apply(parsed.entry) : parsed;
    },
    snapshot() {
      const ctx = context();
      lastView = viewOf(ctx, ctx.task?.ref.getSnapshot(), lastView);
      return lastView;
    },
    log: () => entries.map((e) => ({ ...e })),
    result: () => resultOf(context()),
    persisted: () => persistLog(input.scenario.id, input.seed, input.mode, entries),
    context,
    stop: () => actor.stop(),
    [SENDERS]: {
      one: apply,
      all: (list) => {
        const sent = sendEntries(actor, list);
        for (let i = 0; i < sent.accepted; i++) entries.push(list[i] as LogEntry);
        return sent;
      },
    },
  };
  return run;
}

/**
 * Sends entries fresh from parseEntry in order, stopping at the first that does not fit: how many
 * were accepted and why the next was not (null when all were). Same outcome as `sendParsed` one by
 * one, in fewer steps of the run machine (see `sendEntries`).
 */
export function sendAllParsed(run: Run, list: readonly LogEntry[]): { accepted: number; reason: LocalizedText | null } {
  const send = sendersOf(run)?.all;
  if (send) return send(list);
  for (let i = 0; i < list.length; i++) {
    const sent = run.send(list[i] as LogEntry);
    if (!sent.ok) return { accepted: i, reason: sent.reason };
  }
  return { accepted: list.length, reason: null };
}

/**
 * Sends an entry fresh from parseEntry (or fromFileEntry) that nobody else holds, skipping the
 * second parse `send` would do: replay reads each entry once.
 */
export function sendParsed(run: Run, entry: LogEntry): SendResult {
  const apply = sendersOf(run)?.one;
  return apply ? apply(entry) : run.send(entry);
}
