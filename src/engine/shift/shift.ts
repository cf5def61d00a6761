/**
 * The shift API the UI, the CLI, tests and benches use: prepare a shift (async: every arrival's
 * case variants up front), then send log entries, read a snapshot, the log and the result, and
 * replay a log. Like a case run, the log is the truth: a rejected entry is not appended.
 */
import { t, type LocalizedText } from '../../domain/text';
import type { Mood } from '../../domain/types';
import type { ServiceStates } from '../../machines/workflow';
import { secondsToClock, type PreparedCase } from '../run/case-data';
import { persistLog, type LogEntry, type PersistedLog, type WaitEntry } from '../format/log';
import { readEntry } from '../run/replay';
import type { Run, RunView, SendResult } from '../run/run';
import type { WorkflowRegistry } from '../../machines/registry';
import type { RunMode } from '../run/run-types';
import type { ClinicFile, ScenarioCase, ShiftFile } from '../format/scenario.schema';
import { shiftResultOf, type ShiftResult } from './shift-score';
import { type ArrivalStatus, type PreparedShift, type ShiftNotice, type ShiftState } from './shift-types';
import { moodAfter, waitedUntil } from './shift-clock';
import { initialShiftState, planArrivals } from './shift-plan';
import { applyShiftEntry, nextHappening, settleStart, stopShift } from './shift-core';
import { prepareCase, type PersonaGenerator } from '../run/variants';

export type { PreparedShift, ShiftArrivalPlan, ShiftNotice, ArrivalStatus } from './shift-types';
export type { ShiftResult } from './shift-score';

/** The cases and clinics a shift draws on (a loaded Library fits). */
export interface ShiftLibrary {
  cases: ReadonlyMap<string, ScenarioCase>;
  clinics: ReadonlyMap<string, ClinicFile>;
}

/** Thrown when a shift names a case the library does not have. */
export class ShiftPrepareError extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
    this.name = 'ShiftPrepareError';
  }
}

/**
 * Prepares every arrival's case for its seed (the arrival's own, else the shift's), each with its
 * own clinic from the library. The only async step; playing and replaying are synchronous.
 */
export async function prepareShift(shift: ShiftFile, library: ShiftLibrary, seed = 0, opts: { generate?: PersonaGenerator } = {}): Promise<PreparedShift> {
  const plan = planArrivals(shift, seed);
  const cases: PreparedCase[] = [];
  // Arrivals that share a case and a seed share one preparation (it is read-only).
  const memo = new Map<string, PreparedCase>();
  for (const p of plan) {
    const scenario = library.cases.get(p.caseId);
    if (!scenario) throw new ShiftPrepareError(t(`El turno nombra el caso "${p.caseId}", que no está en la biblioteca.`, `The shift names case "${p.caseId}", which is not in the library.`));
    const key = `${p.caseId}\u0000${p.seed}`;
    let prepared = memo.get(key);
    if (!prepared) {
      const clinic = library.clinics.get(scenario.clinic);
      prepared = await prepareCase(scenario, p.seed, { sceneTime: false, ...(clinic && { clinic }), ...(opts.generate && { generate: opts.generate }) });
      memo.set(key, prepared);
    }
    cases.push(prepared);
  }
  return { shift, seed, plan, cases };
}

/** How to play a shift. */
export interface ShiftOptions {
  mode?: RunMode;
  /** Workflow definitions for the cases; the registry by default. */
  workflows?: WorkflowRegistry;
}

/** Someone at the desk or on the line, as the queue shows them. */
export interface ShiftQueueItem {
  arrival: number;
  caseId: string;
  title: LocalizedText;
  channel: 'desk' | 'phone';
  status: ArrivalStatus;
  visit?: 'previa' | 'concertada' | 'espontanea';
  redFlag: boolean;
  arrived: string;
  waitedSeconds: number;
  mood: Mood;
  /** A ringing call: seconds before the caller hangs up. */
  secondsLeft: number | null;
}

/** What a UI needs to draw the shift now. */
export interface ShiftView {
  status: 'playing' | 'finished';
  mode: RunMode;
  clock: { seconds: number; text: string; elapsed: number; end: string };
  /** Desk patients waiting or paused, longest wait first. */
  queue: ShiftQueueItem[];
  /** Calls ringing, on hold, or hung up and not yet called back. */
  calls: ShiftQueueItem[];
  /** The arrival being attended and its case's view. */
  active: { arrival: number; caseId: string; channel: 'desk' | 'phone'; run: RunView } | null;
  /** Seconds since midnight of the next arrival, event or call ringing out; null when nothing is due. */
  nextAt: number | null;
  notices: ShiftNotice[];
  /** Portal states set by the shift's events. */
  services: Partial<ServiceStates>;
  /** Rooms reported dirty and not yet turned over. */
  dirtyRooms: string[];
  /** Arrivals whose case is closed. */
  done: number;
  total: number;
  actions: number;
}

/** A live shift. */
export interface ShiftRun {
  /** Applies an entry (internal form) if it fits; a rejected entry is not appended. */
  send(entry: LogEntry): SendResult;
  /** Lets simulated time pass (a real-time pace): appended as `wait`, merged with a wait just before. */
  elapse(seconds: number): SendResult;
  snapshot(): ShiftView;
  /** The accepted entries, in order (a copy). */
  log(): LogEntry[];
  result(): ShiftResult;
  persisted(): PersistedLog;
  /** The live child runs now (at most the arrivals attended and not closed). */
  liveChildren(): number;
  /** The case run being attended, for a UI that drives it through `send`. */
  activeRun(): Run | null;
  /** The shift's state, for debriefs and tests (do not change it). */
  state(): ShiftState;
  stop(): void;
}

function viewOf(state: ShiftState): ShiftView {
  const target = state.shift.targets.waitMinutes * 60;
  const item = (i: number): ShiftQueueItem => {
    const a = state.arrivals[i] as ShiftState['arrivals'][number];
    const waited = waitedUntil(a, state.clock);
    return {
      arrival: i,
      caseId: a.plan.caseId,
      title: a.title,
      channel: a.plan.channel,
      status: a.status,
      ...(a.plan.visit && { visit: a.plan.visit }),
      redFlag: a.plan.redFlag,
      arrived: secondsToClock(a.arrivedAt ?? a.plan.at),
      waitedSeconds: waited,
      mood: moodAfter(a.baseMood, waited, target, a.upset),
      secondsLeft: a.status === 'ringing' && a.ringUntil !== null ? a.ringUntil - state.clock : null,
    };
  };
  const byWait = (x: ShiftQueueItem, y: ShiftQueueItem) => y.waitedSeconds - x.waitedSeconds || x.arrival - y.arrival;
  const queue: ShiftQueueItem[] = [];
  const calls: ShiftQueueItem[] = [];
  for (const a of state.arrivals) {
    const i = a.plan.index;
    if (a.status === 'waiting' || a.status === 'paused') queue.push(item(i));
    else if (a.status === 'ringing' || a.status === 'on-hold' || (a.status === 'abandoned' && a.returnedAt === null)) calls.push(item(i));
  }
  const activeIndex = state.active;
  const activeRun = activeIndex === null ? undefined : state.children.get(activeIndex);
  const activeArrival = activeIndex === null ? undefined : state.arrivals[activeIndex];
  return {
    status: state.ended ? 'finished' : 'playing',
    mode: state.mode,
    clock: { seconds: state.clock, text: secondsToClock(state.clock), elapsed: state.clock - state.startClock, end: secondsToClock(state.endClock) },
    queue: queue.sort(byWait),
    calls: calls.sort(byWait),
    active: activeRun && activeArrival ? { arrival: activeArrival.plan.index, caseId: activeArrival.plan.caseId, channel: activeArrival.plan.channel, run: activeRun.snapshot() } : null,
    nextAt: state.ended ? null : nextHappening(state),
    notices: [...state.notices],
    services: { ...state.services },
    dirtyRooms: state.dirtyRooms.filter((r) => r.turnedAt === null).map((r) => r.room),
    done: state.arrivals.filter((a) => a.status === 'finished' || a.status === 'unfinished').length,
    total: state.arrivals.length,
    actions: state.actions,
  };
}

/** Starts a shift at its start time (arrivals and events due by then have fired). */
export function createShift(prepared: PreparedShift, opts: ShiftOptions = {}): ShiftRun {
  const state = initialShiftState(prepared, opts.mode ?? 'practice', opts.workflows);
  settleStart(state);
  const entries: LogEntry[] = [];
  const send = (entry: LogEntry): SendResult => {
    const parsed = readEntry(entry);
    if (!parsed.ok) return parsed;
    const why = applyShiftEntry(state, parsed.entry);
    if (why) return { ok: false, reason: why };
    entries.push(parsed.entry);
    return { ok: true };
  };
  return {
    send,
    elapse(seconds) {
      if (!(seconds > 0)) return { ok: true };
      const last = entries[entries.length - 1];
      const why = applyShiftEntry(state, { type: 'wait', seconds });
      if (why) return { ok: false, reason: why };
      // Consecutive waits replay the same as one (time fires in order), so a pace adds no log noise.
      if (last?.type === 'wait' && last.at === undefined) entries[entries.length - 1] = { type: 'wait', seconds: (last as WaitEntry).seconds + seconds };
      else entries.push({ type: 'wait', seconds });
      return { ok: true };
    },
    snapshot: () => viewOf(state),
    log: () => entries.map((e) => ({ ...e })),
    result: () => shiftResultOf(state),
    persisted: () => persistLog(prepared.shift.id, prepared.seed, state.mode, entries),
    liveChildren: () => state.children.size,
    activeRun: () => (state.active === null ? null : (state.children.get(state.active) ?? null)),
    state: () => state,
    stop: () => stopShift(state),
  };
}

/** A replay that fits: the rebuilt shift (live), its snapshot and result. */
export interface ShiftReplayOk {
  ok: true;
  run: ShiftRun;
  snapshot: ShiftView;
  result: ShiftResult;
}

/** A log that does not fit: the index of the first bad entry and why. */
export interface ShiftReplayRejected {
  ok: false;
  index: number;
  reason: LocalizedText;
}

/** Rebuilds a shift from its log (entries in either spelling). Call `run.stop()` when done. */
export function replayShift(prepared: PreparedShift, log: readonly unknown[], opts: ShiftOptions = {}): ShiftReplayOk | ShiftReplayRejected {
  const run = createShift(prepared, opts);
  for (let i = 0; i < log.length; i++) {
    const parsed = readEntry(log[i]);
    const sent = parsed.ok ? run.send(parsed.entry) : parsed;
    if (!sent.ok) {
      run.stop();
      return { ok: false, index: i, reason: sent.reason };
    }
  }
  return { ok: true, run, snapshot: run.snapshot(), result: run.result() };
}

/** Scores a shift log: replays it and reads the result; a log that stops fitting is scored up to there (`rejected`). */
export function scoreShift(prepared: PreparedShift, log: readonly unknown[], opts: ShiftOptions = {}): ShiftResult {
  const run = createShift(prepared, opts);
  try {
    for (let i = 0; i < log.length; i++) {
      const parsed = readEntry(log[i]);
      const sent = parsed.ok ? run.send(parsed.entry) : parsed;
      if (!sent.ok) return shiftResultOf(run.state(), { index: i, reason: sent.reason });
    }
    return run.result();
  } finally {
    run.stop();
  }
}

/** A real-time pace over a shift: the caller reports real time passing, the pace turns it into `wait`. */
export interface ShiftPace {
  /** Real milliseconds have passed (the caller's timer: the engine never reads the wall clock). */
  tick(realMs: number): void;
  /** Practice only: an assessment's clock cannot be stopped. */
  pause(): SendResult;
  resume(): void;
  readonly paused: boolean;
}

/** Runs a shift's clock at `simulatedPerReal` simulated seconds per real second (10 by default). */
export function createShiftPace(run: ShiftRun, opts: { simulatedPerReal?: number } = {}): ShiftPace {
  const rate = opts.simulatedPerReal ?? 10;
  let carry = 0;
  let paused = false;
  return {
    tick(realMs) {
      if (paused || !(realMs > 0) || run.state().ended) return;
      carry += (realMs / 1000) * rate;
      // Whole simulated seconds only, so the log stays in integers; the rest carries over.
      const whole = Math.floor(carry);
      if (whole <= 0) return;
      carry -= whole;
      run.elapse(whole);
    },
    pause() {
      if (run.state().mode === 'assessment') return { ok: false, reason: t('En una evaluación el reloj no se detiene.', 'In an assessment the clock cannot be paused.') };
      paused = true;
      return { ok: true };
    },
    resume() {
      paused = false;
    },
    get paused() {
      return paused;
    },
  };
}
