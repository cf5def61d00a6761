/** The shift's state and plan: arrivals, outcomes, notices, and what desk actions cost. */
import { type LocalizedText } from '../../domain/text';
import type { Mood } from '../../domain/types';
import type { ServiceStates } from '../../machines/workflow';
import { type PreparedCase } from '../run/case-data';
import { type Run } from '../run/run';
import type { WorkflowRegistry } from '../../machines/registry';
import type { RunMode } from '../run/run-types';
import type { ShiftEvent, ShiftFile } from '../format/scenario.schema';

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

export type TimelineItem = { at: number; kind: 'event'; event: ShiftEvent } | { at: number; kind: 'arrival'; index: number };

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
