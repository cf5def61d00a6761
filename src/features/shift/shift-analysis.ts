/** The debrief's replay of a shift attempt: the result and the desk after each action. */
import { isShiftEntry, type LogEntry } from '../../engine/format/log';
import type { RunView } from '../../engine/run/run';
import { createShift, type PreparedShift, type ShiftResult } from '../../engine/shift/shift';
import { type AttemptRecord } from '../../stores/attempt-record';

/** The desk as it was after one action (or at the start of the shift). */
export interface ShiftMoment {
  /** Position in the log; -1 for the start of the shift. */
  index: number;
  entry: LogEntry | null;
  /** Simulated time after the action. */
  clock: string;
  /** The arrival the action concerned (served, answered, set aside, or whose case it went to); null for a wait. */
  arrival: number | null;
  /** That arrival's case after the action (its last view when the action closed it). */
  caseView: RunView | null;
  /** That case's percent so far. */
  casePercent: number | null;
  /** Desk patients waiting or paused, calls ringing, held or owed a call back, arrivals closed. */
  waiting: number;
  calls: number;
  done: number;
}

/** What the debrief computes once from the log: the result and the desk after each action. */
export interface ShiftAnalysis {
  prepared: PreparedShift;
  result: ShiftResult;
  /** The start of the shift, then one moment per accepted action. */
  moments: ShiftMoment[];
  /** When each arrival was being attended (seconds since midnight): a paused patient has several. */
  attended: AttendedSpan[];
}

/** A stretch of time during which the desk attended one arrival. */
export interface AttendedSpan {
  arrival: number;
  from: number;
  to: number;
}

/** Replays a shift attempt action by action (the log is the truth: the debrief shows what the desk saw). */
export function analyseShift(prepared: PreparedShift, attempt: AttemptRecord): ShiftAnalysis {
  const run = createShift(prepared, { mode: attempt.log.mode });
  try {
    const desk = (index: number, entry: LogEntry | null, arrival: number | null, child: ReturnType<typeof run.activeRun>): ShiftMoment => {
      const view = run.snapshot();
      return {
        index,
        entry,
        clock: view.clock.text,
        arrival,
        caseView: child ? child.snapshot() : null,
        casePercent: child ? child.result().percent : null,
        waiting: view.queue.length,
        calls: view.calls.length,
        done: view.done,
      };
    };
    const moments: ShiftMoment[] = [desk(-1, null, null, null)];
    const attended: AttendedSpan[] = [];
    let open: { arrival: number; from: number } | null = null;
    const entries = attempt.log.entries as LogEntry[];
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as LogEntry;
      const active = run.state().active;
      const clockBefore = run.state().clock;
      const arrival =
        entry.type === 'wait' ? null : isShiftEntry(entry) && 'arrival' in entry && typeof entry.arrival === 'number' ? entry.arrival : active;
      // A case closed by this action is stopped by the shift: keep a hold of it to show its last view.
      const before = arrival === null ? undefined : run.state().children.get(arrival);
      if (!run.send(entry).ok) break;
      const child = arrival === null ? null : (run.state().children.get(arrival) ?? before ?? null);
      moments.push(desk(i, entry, arrival, child));
      // Desk actions switch people before their own cost; a case action that closes the case, after its own.
      const now = run.state().active;
      if (open && open.arrival !== now) {
        attended.push({ arrival: open.arrival, from: open.from, to: isShiftEntry(entry) ? clockBefore : run.state().clock });
        open = null;
      }
      if (now !== null && !open) open = { arrival: now, from: clockBefore };
    }
    if (open) attended.push({ arrival: open.arrival, from: open.from, to: run.state().clock });
    return { prepared, result: run.result(), moments, attended };
  } finally {
    run.stop();
  }
}
