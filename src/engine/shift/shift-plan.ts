/** The shift as planned (its arrivals in play order) and its start state. */
import { t } from '../../domain/text';
import { clockToSeconds } from '../run/case-data';
import type { WorkflowRegistry } from '../../machines/registry';
import type { RunMode } from '../run/run-types';
import type { ShiftFile } from '../format/scenario.schema';
import { advance } from './shift-clock';
import { type PreparedShift, type ShiftArrivalPlan, type ShiftState, type TimelineItem } from './shift-types';

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
