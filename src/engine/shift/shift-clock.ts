/** The shift's clock: moods worsening with the wait, and events, arrivals and calls firing as time passes. */
import { t, type LocalizedText } from '../../domain/text';
import type { Mood } from '../../domain/types';
import type { ShiftEvent } from '../format/scenario.schema';
import { RING_SECONDS, type ArrivalState, type ShiftState } from './shift-types';

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

export function stopWaiting(a: ArrivalState, clock: number): void {
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
