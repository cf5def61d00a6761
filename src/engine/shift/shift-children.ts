/** The child runs: starting a case with the shift's conditions applied, and keeping only its outcome when it stops. */
import { t, type LocalizedText } from '../../domain/text';
import { CaseDataError, secondsToClock, type PreparedCase } from '../run/case-data';
import { createRun, type Run } from '../run/run';
import type { Category, ScenarioCase, Step } from '../format/scenario.schema';
import type { RunResult } from '../run/score';
import { withSceneTime } from '../run/scene-time';
import { type ArrivalState, type CaseOutcome, type ShiftState } from './shift-types';

export const reason = (esMX: string, en: string): LocalizedText => t(esMX, en);

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
export function closeChild(state: ShiftState, index: number, status: 'finished' | 'unfinished'): void {
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

export function startChild(state: ShiftState, index: number): LocalizedText | Run {
  const prepared = state.pending[index];
  if (!prepared) return reason(`La llegada ${index} no tiene un caso preparado.`, `Arrival ${index} has no prepared case.`);
  try {
    return createRun(adjustedCase(state, prepared), { mode: state.mode, ...(state.workflows && { workflows: state.workflows }) });
  } catch (e) {
    if (e instanceof CaseDataError) return e.text;
    throw e;
  }
}
