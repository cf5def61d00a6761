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
import { type LocalizedText } from '../../domain/text';
import type { LogEntry, ShiftEntry, WaitEntry } from '../format/log';
import { isShiftEntry } from '../format/log';
import { closeChild, reason, startChild } from './shift-children';
import { advance, stopWaiting } from './shift-clock';
import { SHIFT_COSTS, type ArrivalState, type ShiftState } from './shift-types';

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
