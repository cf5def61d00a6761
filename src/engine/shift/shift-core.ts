/**
 * The shift core: a reducer-driven actor that holds one simulated clock, the queue at the desk, the
 * ringing and held calls, the shift's events and one child run per served arrival.
 *
 * Why not one XState machine: the shift's state is a set of independent arrivals (any number may
 * wait, ring or sit paused at once), so its "states" are data, not a chart; each child run is
 * still the XState run machine. Every change goes through `applyShiftEntry`, which checks first
 * and changes after, so a rejected entry leaves the shift exactly as it was and the log replays.
 *
 * Time: an entry costs simulated seconds (a desk action its SHIFT_COSTS, a case action what the
 * case's clock moved), and `wait` lets time pass; arrivals, events and calls ringing out fire in
 * time order as the clock passes them. A finished child is stopped and reduced to a CaseOutcome,
 * so memory does not grow with the number of finished patients.
 */
import { t, type LocalizedText } from '../../domain/text';
import type { Mood } from '../../domain/types';
import type { ServiceStates } from '../../machines/workflow';
import { CaseDataError, clockToSeconds, secondsToClock, type PreparedCase } from '../run/case-data';
import type { LogEntry, ShiftEntry, WaitEntry } from '../format/log';
import { isShiftEntry } from '../format/log';
import { createRun, type Run } from '../run/run';
import type { WorkflowRegistry } from '../../machines/registry';
import type { RunMode } from '../run/run-types';
import type { Category, ScenarioCase, ShiftEvent, ShiftFile, Step } from '../format/scenario.schema';
import type { RunResult } from '../run/score';
import { withSceneTime } from '../run/scene-time';

/** Simulated seconds each desk-level action takes. */
export const SHIFT_COSTS = { serve: 15, answer: 5, hold: 5, resume: 5, callBack: 20, pause: 5 } as const;
/** Seconds one ring of the phone lasts. */
export const RING_SECONDS = 10;

/** One arrival of the shift as planned: from the file's arrivals, then from events that bring a case. */
export interface ShiftArrivalPlan {
  /** The arrival's number: its index in the plan, used by `shift.serve` and friends. */
  index: number;
  caseId: string;
  channel: 'desk' | 'phone';
  /** Seconds since midnight. */
  at: number;
  seed: number;
  visit?: 'previa' | 'concertada' | 'espontanea';
  /** The patient shows red flags (an arrival marked so, or an urgent walk-in). */
  redFlag: boolean;
  /** The room this arrival turns over (a room-dirty event's case). */
  room?: string;
  /** Where it comes from: the file's arrivals, or the event with this index. */
  source: { arrival: number } | { event: number };
}

/** A shift ready to play: the file, its plan and each arrival's case prepared for its seed. */
export interface PreparedShift {
  shift: ShiftFile;
  seed: number;
  plan: ShiftArrivalPlan[];
  /** One prepared case per arrival of the plan, same order. */
  cases: PreparedCase[];
}

/** Where an arrival is now. */
export type ArrivalStatus = 'scheduled' | 'waiting' | 'ringing' | 'active' | 'paused' | 'on-hold' | 'abandoned' | 'finished' | 'unserved' | 'unfinished';

/** What is kept of a child run once it stops (a finished case, or one cut short by the shift's end). */
export interface CaseOutcome {
  scenarioId: string;
  percent: number;
  passed: boolean;
  /** The case reached one of its end steps. */
  finished: boolean;
  end: string | null;
  critical: string[];
  /** A privacy item failed: a privacy check not passed, or a choice that lost privacy points. */
  privacyFailed: boolean;
  /** A safety item failed, likewise. */
  safetyFailed: boolean;
  /** Simulated seconds the case took. */
  duration: number;
}

/** One arrival's state. */
export interface ArrivalState {
  plan: ShiftArrivalPlan;
  title: LocalizedText;
  status: ArrivalStatus;
  arrivedAt: number | null;
  /** When the desk first attended them (served, answered or called back). */
  servedAt: number | null;
  finishedAt: number | null;
  /** Seconds spent waiting so far (queue, ringing, paused, on hold), not counting the open stretch. */
  waited: number;
  /** Start of the open waiting stretch, if waiting now. */
  waitingSince: number | null;
  /** A ringing call hangs up at this time. */
  ringUntil: number | null;
  abandonedAt: number | null;
  /** A call that hung up and was called back. */
  returnedAt: number | null;
  /** An upset-patient event picked this person. */
  upset: boolean;
  baseMood: Mood;
  outcome: CaseOutcome | null;
}

/** A message the desk sees when an event fires. */
export interface ShiftNotice {
  at: number;
  type: ShiftEvent['type'];
  text: LocalizedText;
}

/** A room reported dirty and when it was turned over. */
export interface DirtyRoom {
  room: string;
  since: number;
  turnedAt: number | null;
}

type TimelineItem = { at: number; kind: 'event'; event: ShiftEvent } | { at: number; kind: 'arrival'; index: number };

/** The shift's whole state. */
export interface ShiftState {
  shift: ShiftFile;
  seed: number;
  mode: RunMode;
  workflows: WorkflowRegistry | undefined;
  clock: number;
  startClock: number;
  endClock: number;
  arrivals: ArrivalState[];
  /** Prepared cases not started yet (set to null once a child runs them). */
  pending: (PreparedCase | null)[];
  /** Live child runs by arrival number. */
  children: Map<number, Run>;
  /** The arrival being attended. */
  active: number | null;
  timeline: TimelineItem[];
  nextItem: number;
  /** Portal states set by events (they override a case's own for tasks started later). */
  services: Partial<ServiceStates>;
  /** Minutes late per doctor, from doctor-late events. */
  lateDoctors: Record<string, number>;
  dirtyRooms: DirtyRoom[];
  notices: ShiftNotice[];
  actions: number;
  /** Set when the shift is over: every arrival resolved, or the end time reached. */
  ended: 'done' | 'time' | null;
}

const MOOD_LEVEL: Record<Mood, number> = { calm: 0, confused: 1, anxious: 1, 'in-pain': 2, upset: 2, angry: 3 };

/** Mood of a waiting person: it worsens past the wait target and again past twice the target. */
export function moodAfter(base: Mood, waitedSeconds: number, targetSeconds: number, upset: boolean): Mood {
  let mood = base;
  const worsen = (to: Mood) => {
    if (MOOD_LEVEL[to] > MOOD_LEVEL[mood]) mood = to;
  };
  if (upset || waitedSeconds >= targetSeconds) worsen('upset');
  if (waitedSeconds >= 2 * targetSeconds || (upset && waitedSeconds >= targetSeconds)) worsen('angry');
  return mood;
}

/** Seconds an arrival has waited up to `clock`. */
export function waitedUntil(a: ArrivalState, clock: number): number {
  return a.waited + (a.waitingSince === null ? 0 : Math.max(0, clock - a.waitingSince));
}

/** The arrivals of a shift in play order: the file's, then each event that brings a case. */
export function planArrivals(shift: ShiftFile, seed: number): ShiftArrivalPlan[] {
  const plan: ShiftArrivalPlan[] = shift.arrivals.map((a, i) => ({
    index: i,
    caseId: a.case,
    channel: a.channel,
    at: clockToSeconds(a.at),
    seed: a.seed ?? seed,
    ...(a.visit && { visit: a.visit }),
    redFlag: a.redFlag === true,
    source: { arrival: i },
  }));
  shift.events.forEach((e, i) => {
    if (e.case === undefined) return;
    plan.push({
      index: plan.length,
      caseId: e.case,
      channel: e.channel ?? 'desk',
      at: clockToSeconds(e.at),
      seed: e.seed ?? seed,
      redFlag: e.type === 'urgent-walk-in',
      ...(e.type === 'room-dirty' && e.room !== undefined && { room: e.room }),
      source: { event: i },
    });
  });
  return plan;
}

/** The start state of a shift: nothing has happened before its start time. */
export function initialShiftState(prepared: PreparedShift, mode: RunMode, workflows?: WorkflowRegistry): ShiftState {
  const { shift } = prepared;
  const timeline: TimelineItem[] = [
    ...shift.events.map((event): TimelineItem => ({ at: clockToSeconds(event.at), kind: 'event', event })),
    ...prepared.plan.map((p): TimelineItem => ({ at: p.at, kind: 'arrival', index: p.index })),
  ];
  // Stable: at one time, events (in file order) come before the arrivals they may bring.
  timeline.sort((a, b) => a.at - b.at);
  const startClock = clockToSeconds(shift.start);
  const state: ShiftState = {
    shift,
    seed: prepared.seed,
    mode,
    workflows,
    clock: startClock,
    startClock,
    endClock: clockToSeconds(shift.end),
    arrivals: prepared.plan.map((plan, i) => {
      const scenario = prepared.cases[i]?.scenario;
      return {
        plan,
        title: scenario?.title ?? t(plan.caseId, plan.caseId),
        status: 'scheduled',
        arrivedAt: null,
        servedAt: null,
        finishedAt: null,
        waited: 0,
        waitingSince: null,
        ringUntil: null,
        abandonedAt: null,
        returnedAt: null,
        upset: false,
        baseMood: prepared.cases[i]?.data.people.patient?.mood ?? 'calm',
        outcome: null,
      };
    }),
    pending: [...prepared.cases],
    children: new Map(),
    active: null,
    timeline,
    nextItem: 0,
    services: {},
    lateDoctors: {},
    dirtyRooms: [],
    notices: [],
    actions: 0,
    ended: null,
  };
  advance(state, startClock);
  return state;
}

const EVENT_TEXT: Record<ShiftEvent['type'], (e: ShiftEvent) => LocalizedText> = {
  'doctor-late': (e) => t(`${e.doctor ?? ''}: llegará ${e.minutes ?? 0} minutos tarde.`, `${e.doctor ?? ''}: running ${e.minutes ?? 0} minutes late.`),
  'room-dirty': (e) => t(`El consultorio ${e.room ?? ''} quedó sucio: hay que prepararlo de nuevo.`, `Room ${e.room ?? ''} is dirty: it needs turning over.`),
  'portal-down': (e) => t(`Se cayó el portal${e.portal === 'imss' ? ' del IMSS' : e.portal === 'insurer' ? ' de la aseguradora' : ''}.`, `The ${e.portal === 'imss' ? 'IMSS ' : e.portal === 'insurer' ? "insurer's " : ''}portal is down.`),
  'portal-up': (e) => t(`El portal${e.portal === 'imss' ? ' del IMSS' : e.portal === 'insurer' ? ' de la aseguradora' : ''} volvió a funcionar.`, `The ${e.portal === 'imss' ? 'IMSS ' : e.portal === 'insurer' ? "insurer's " : ''}portal is back up.`),
  'urgent-walk-in': () => t('Llega una persona con signos de alarma: atiéndala y avise de inmediato.', 'A person with warning signs walks in: attend to them and alert at once.'),
  'upset-patient': () => t('Un paciente que lleva rato esperando se acerca molesto al mostrador.', 'A patient who has been waiting a while comes to the desk, upset.'),
};

function fireEvent(state: ShiftState, e: ShiftEvent, at: number): void {
  switch (e.type) {
    case 'doctor-late':
      if (e.doctor !== undefined) state.lateDoctors[e.doctor] = e.minutes ?? 0;
      break;
    case 'room-dirty':
      if (e.room !== undefined) state.dirtyRooms.push({ room: e.room, since: at, turnedAt: null });
      break;
    case 'portal-down':
    case 'portal-up': {
      const value = e.type === 'portal-down' ? 'down' : 'up';
      if (e.portal !== 'insurer') state.services.imssPortal = value;
      if (e.portal !== 'imss') state.services.insurerPortal = value;
      break;
    }
    case 'upset-patient': {
      // The one who has waited longest at the desk loses patience.
      let pick: ArrivalState | null = null;
      for (const a of state.arrivals) {
        if (a.plan.channel !== 'desk' || (a.status !== 'waiting' && a.status !== 'paused')) continue;
        if (!pick || waitedUntil(a, at) > waitedUntil(pick, at)) pick = a;
      }
      if (pick) pick.upset = true;
      break;
    }
    case 'urgent-walk-in':
      break;
  }
  state.notices.push({ at, type: e.type, text: e.text ?? EVENT_TEXT[e.type](e) });
}

function arrive(state: ShiftState, a: ArrivalState, at: number): void {
  a.arrivedAt = at;
  a.waitingSince = at;
  if (a.plan.channel === 'phone') {
    a.status = 'ringing';
    a.ringUntil = at + state.shift.targets.callRings * RING_SECONDS;
  } else a.status = 'waiting';
}

function stopWaiting(a: ArrivalState, clock: number): void {
  a.waited = waitedUntil(a, clock);
  a.waitingSince = null;
}

/** Moves the clock to `to` (at most the end time), firing what falls on the way in time order. */
export function advance(state: ShiftState, to: number): void {
  const target = Math.min(to, state.endClock);
  for (;;) {
    const item = state.timeline[state.nextItem];
    let ring: ArrivalState | null = null;
    for (const a of state.arrivals) {
      if (a.status === 'ringing' && a.ringUntil !== null && (!ring || a.ringUntil < (ring.ringUntil as number))) ring = a;
    }
    const itemAt = item ? item.at : Infinity;
    const ringAt = ring ? (ring.ringUntil as number) : Infinity;
    const next = Math.min(itemAt, ringAt);
    if (next > target) break;
    state.clock = Math.max(state.clock, next);
    if (ring && ringAt <= itemAt) {
      ring.status = 'abandoned';
      ring.abandonedAt = ringAt;
      stopWaiting(ring, ringAt);
      ring.ringUntil = null;
      continue;
    }
    state.nextItem++;
    if (!item) break;
    if (item.kind === 'event') fireEvent(state, item.event, item.at);
    else arrive(state, state.arrivals[item.index] as ArrivalState, item.at);
  }
  state.clock = Math.max(state.clock, target);
}

const reason = (esMX: string, en: string): LocalizedText => t(esMX, en);

/** A check or choice of `category` that failed in a case's result. */
function failedIn(scenario: ScenarioCase, result: RunResult, category: Category): boolean {
  return result.items.some((item) => {
    if (item.kind === 'choice') return (item.points[category] ?? 0) < 0;
    if (item.passed) return false;
    const step: Step | undefined = scenario.steps[item.stepId];
    return (step?.checks ?? []).some((c) => c.observe === item.id && (c.points?.[category] ?? 0) > 0);
  });
}

/** What is kept of a child run. */
export function outcomeOf(scenario: ScenarioCase, result: RunResult): CaseOutcome {
  return {
    scenarioId: result.scenarioId,
    percent: result.percent,
    passed: result.passed,
    finished: result.finished,
    end: result.end,
    critical: [...result.critical],
    privacyFailed: failedIn(scenario, result, 'privacy'),
    safetyFailed: failedIn(scenario, result, 'safety'),
    duration: result.duration,
  };
}

/** Stops a child and keeps only its outcome (what keeps a long shift's memory flat). */
function closeChild(state: ShiftState, index: number, status: 'finished' | 'unfinished'): void {
  const a = state.arrivals[index] as ArrivalState;
  const run = state.children.get(index);
  let roomCase = false;
  if (run) {
    const scenario = run.context().scenario;
    roomCase = scenario.workflows.includes('room-prep');
    a.outcome = outcomeOf(scenario, run.result());
    run.stop();
    state.children.delete(index);
  }
  a.status = status;
  if (state.active === index) state.active = null;
  if (status !== 'finished') return;
  a.finishedAt = state.clock;
  // A room-dirty event's case turns over its room, another room-preparation case the oldest dirty one;
  // a turnover that failed a safety item (sharps in the trash) does not count.
  if (a.outcome?.finished && !a.outcome.safetyFailed && (a.plan.room !== undefined || roomCase)) {
    const room = state.dirtyRooms.find((r) => r.turnedAt === null && (a.plan.room === undefined || r.room === a.plan.room));
    if (room) room.turnedAt = state.clock;
  }
}

/** The case as this shift hands it over: the shift's portal states, late doctors and dirty rooms applied. */
function adjustedCase(state: ShiftState, prepared: PreparedCase): PreparedCase {
  const sameClinic = prepared.scenario.clinic === state.shift.clinic;
  const data = { ...prepared.data, services: { ...prepared.data.services, ...state.services } };
  // The case's opening line says the time it starts: the shift's clock now, not the case's own time.
  let scenario = withSceneTime(prepared.scenario, secondsToClock(state.clock));
  if (sameClinic) {
    const dirty = new Set(state.dirtyRooms.filter((r) => r.turnedAt === null).map((r) => r.room));
    if (dirty.size > 0) data.clinic = { ...data.clinic, rooms: data.clinic.rooms.map((r) => (dirty.has(r.id) ? { ...r, status: 'dirty' as const } : r)) };
    const late = Math.max(0, ...Object.values(state.lateDoctors));
    if (late > 0) {
      // The scheduling screen shows the delay for tasks started after the news (unless the case sets its own).
      const steps: Record<string, Step> = {};
      for (const [id, step] of Object.entries(scenario.steps)) {
        steps[id] = step.task === 'scheduling' && step.with?.doctorLateMinutes === undefined ? { ...step, with: { ...step.with, doctorLateMinutes: late } } : step;
      }
      scenario = { ...scenario, steps };
    }
  }
  return { ...prepared, scenario, data };
}

function startChild(state: ShiftState, index: number): LocalizedText | Run {
  const prepared = state.pending[index];
  if (!prepared) return reason(`La llegada ${index} no tiene un caso preparado.`, `Arrival ${index} has no prepared case.`);
  try {
    return createRun(adjustedCase(state, prepared), { mode: state.mode, ...(state.workflows && { workflows: state.workflows }) });
  } catch (e) {
    if (e instanceof CaseDataError) return e.text;
    throw e;
  }
}

/** Why a desk-level entry does not fit now, or null. */
function shiftRejectReason(state: ShiftState, entry: ShiftEntry): LocalizedText | null {
  const needsFree = () =>
    state.active === null
      ? null
      : reason(
          `Está atendiendo la llegada ${state.active}: póngala en pausa (o la llamada en espera) primero.`,
          `You are attending arrival ${state.active}: pause it (or put the call on hold) first.`,
        );
  const arrivalOf = (n: number): ArrivalState | LocalizedText =>
    state.arrivals[n] ?? reason(`No hay llegada ${n} en este turno.`, `There is no arrival ${n} in this shift.`);
  switch (entry.type) {
    case 'shift.serve': {
      const a = arrivalOf(entry.arrival);
      if (!('plan' in a)) return a;
      if (a.plan.channel !== 'desk') return reason(`La llegada ${entry.arrival} es una llamada: contéstela.`, `Arrival ${entry.arrival} is a call: answer it.`);
      if (a.status !== 'waiting' && a.status !== 'paused') {
        return reason(`La llegada ${entry.arrival} no está esperando en el mostrador (${a.status}).`, `Arrival ${entry.arrival} is not waiting at the desk (${a.status}).`);
      }
      return needsFree();
    }
    case 'shift.answer': {
      const a = arrivalOf(entry.arrival);
      if (!('plan' in a)) return a;
      if (a.status !== 'ringing') return reason(`La llamada ${entry.arrival} no está sonando (${a.status}).`, `Call ${entry.arrival} is not ringing (${a.status}).`);
      return needsFree();
    }
    case 'shift.returnCall': {
      const a = arrivalOf(entry.arrival);
      if (!('plan' in a)) return a;
      if (a.plan.channel !== 'phone' || (a.status !== 'on-hold' && !(a.status === 'abandoned' && a.returnedAt === null))) {
        return reason(`La llamada ${entry.arrival} no está en espera ni colgó.`, `Call ${entry.arrival} is neither on hold nor hung up.`);
      }
      return needsFree();
    }
    case 'shift.hold': {
      const a = state.active === null ? undefined : state.arrivals[state.active];
      return a?.plan.channel === 'phone' ? null : reason('No hay una llamada en curso que poner en espera.', 'There is no call in progress to put on hold.');
    }
    case 'shift.pause': {
      const a = state.active === null ? undefined : state.arrivals[state.active];
      return a?.plan.channel === 'desk' ? null : reason('No hay un paciente en el mostrador que pausar (una llamada se pone en espera).', 'There is no desk patient to pause (a call is put on hold).');
    }
  }
}

/** Takes up arrival `index` at the desk: resumes its child, or starts one. */
function attend(state: ShiftState, index: number, cost: number): LocalizedText | null {
  const a = state.arrivals[index] as ArrivalState;
  let run = state.children.get(index);
  if (!run) {
    const started = startChild(state, index);
    if (!('send' in started)) return started;
    run = started;
    state.children.set(index, run);
    state.pending[index] = null;
  }
  stopWaiting(a, state.clock);
  if (a.servedAt === null) a.servedAt = state.clock;
  a.status = 'active';
  state.active = index;
  advance(state, state.clock + cost);
  if (run.context().end !== null) closeChild(state, index, 'finished');
  return null;
}

function setAside(state: ShiftState, status: 'paused' | 'on-hold', cost: number): void {
  const a = state.arrivals[state.active as number] as ArrivalState;
  a.status = status;
  a.waitingSince = state.clock;
  state.active = null;
  advance(state, state.clock + cost);
}

/** Ends the shift if it is over: every arrival's case closed with nothing more to come, or the end time. */
function checkEnd(state: ShiftState): void {
  if (state.ended) return;
  // A caller who hung up keeps the shift open until called back (or the end time): the desk owes them a call.
  const allResolved = state.nextItem >= state.timeline.length && state.arrivals.every((a) => a.status === 'finished');
  if (!allResolved && state.clock < state.endClock) return;
  state.ended = allResolved ? 'done' : 'time';
  for (const a of state.arrivals) {
    const i = a.plan.index;
    if (a.status === 'active' || a.status === 'paused' || a.status === 'on-hold') {
      stopWaiting(a, state.clock);
      closeChild(state, i, 'unfinished');
    } else if (a.status === 'waiting') {
      stopWaiting(a, state.clock);
      a.status = 'unserved';
    } else if (a.status === 'ringing') {
      stopWaiting(a, state.clock);
      a.status = 'abandoned';
      a.abandonedAt = state.clock;
      a.ringUntil = null;
    }
  }
  state.active = null;
}

/**
 * Applies one entry if it fits; returns why not otherwise (and changes nothing). Desk actions and
 * `wait` act on the shift; any other entry goes to the case being attended.
 */
export function applyShiftEntry(state: ShiftState, entry: LogEntry): LocalizedText | null {
  if (state.ended) return reason('El turno ya terminó.', 'The shift has already ended.');
  let why: LocalizedText | null = null;
  if (entry.type === 'wait') {
    advance(state, state.clock + (entry as WaitEntry).seconds);
  } else if (isShiftEntry(entry)) {
    why = shiftRejectReason(state, entry);
    if (why) return why;
    switch (entry.type) {
      case 'shift.serve': {
        const resume = state.arrivals[entry.arrival]?.status === 'paused';
        why = attend(state, entry.arrival, resume ? SHIFT_COSTS.resume : SHIFT_COSTS.serve);
        break;
      }
      case 'shift.answer':
        why = attend(state, entry.arrival, SHIFT_COSTS.answer);
        break;
      case 'shift.returnCall': {
        const a = state.arrivals[entry.arrival] as ArrivalState;
        const callBack = a.status === 'abandoned';
        const at = state.clock;
        why = attend(state, entry.arrival, callBack ? SHIFT_COSTS.callBack : SHIFT_COSTS.resume);
        // Only a call back counts as returned; a held call is simply taken back.
        if (!why && callBack) a.returnedAt = at;
        break;
      }
      case 'shift.hold':
        setAside(state, 'on-hold', SHIFT_COSTS.hold);
        break;
      case 'shift.pause':
        setAside(state, 'paused', SHIFT_COSTS.pause);
        break;
    }
    if (why) return why;
  } else {
    const index = state.active;
    const run = index === null ? undefined : state.children.get(index);
    if (index === null || !run) {
      return reason(`"${entry.type}" necesita a alguien en atención: atienda a una llegada primero.`, `"${entry.type}" needs someone being attended: serve an arrival first.`);
    }
    // The case keeps its own clock (its times and slots stay as authored); the shift adds what it moved.
    const { at: _at, ...forwarded } = entry;
    const before = run.context().clock;
    const sent = run.send(forwarded as LogEntry);
    if (!sent.ok) return sent.reason;
    advance(state, state.clock + Math.max(0, run.context().clock - before));
    if (run.context().end !== null) closeChild(state, index, 'finished');
  }
  state.actions++;
  checkEnd(state);
  return null;
}

/** The next time something happens on its own: an arrival, an event or a call ringing out (null: nothing). */
export function nextHappening(state: ShiftState): number | null {
  let next = state.timeline[state.nextItem]?.at ?? Infinity;
  for (const a of state.arrivals) if (a.status === 'ringing' && a.ringUntil !== null) next = Math.min(next, a.ringUntil);
  return Number.isFinite(next) ? next : null;
}

/** Stops every live child (a shift left before its end). */
export function stopShift(state: ShiftState): void {
  for (const run of state.children.values()) run.stop();
  state.children.clear();
}

/** Runs the shift's start check (a shift whose arrivals all fell before the start ends at once). */
export function settleStart(state: ShiftState): void {
  checkEnd(state);
}
