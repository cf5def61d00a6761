/**
 * Shift scoring: each case is scored by its own rubric (scoreRun's rules), and the shift adds its
 * own measures, each in a rubric category:
 * - waiting (efficiency): desk patients attended within targets.waitMinutes of arriving;
 * - calls (communication): calls answered before they rang out (a call back earns half);
 * - redFlags (safety): patients with red flags attended within targets.redFlagMinutes, with no
 *   safety item of their case failed; a miss is a critical error (`shift.redFlag/<case id>`);
 * - rooms (safety): rooms reported dirty turned over within targets.roomMinutes;
 * - privacy (privacy): cases in which no privacy item failed (no patient's data exposed).
 * A measure with nothing to count is left out; a category is the mean of its measures.
 *
 * percent = cases% * rubric.cases / 100 + shift% * (100 - rubric.cases) / 100, where cases% is the
 * mean of every arrival's case percent (an arrival never attended counts 0) and shift% the
 * weighted mean of the categories that have measures (100 when none has).
 * passed = the shift ended && percent >= pass && (practice || no critical error), as for a case.
 */
import { t, type LocalizedText } from '../../domain/text';
import { secondsToClock } from '../run/case-data';
import type { RunMode } from '../run/run-types';
import type { Category } from '../format/scenario.schema';
import { type ArrivalStatus, type ShiftState } from './shift-types';
import { waitedUntil } from './shift-clock';

/** One arrival's case in a shift result. */
export interface ShiftCaseResult {
  arrival: number;
  caseId: string;
  channel: 'desk' | 'phone';
  /** The desk attended this arrival at all. */
  served: boolean;
  /** The case's own percent (0 when never attended). */
  percent: number;
  passed: boolean;
  /** The case reached one of its end steps. */
  finished: boolean;
  critical: string[];
  privacyFailed: boolean;
  safetyFailed: boolean;
}

/** The shift's own measures. */
export type ShiftMeasureId = 'waiting' | 'calls' | 'redFlags' | 'rooms' | 'privacy';

/** One shift measure: how many things it counted, the credit earned, and its 0..1 score. */
export interface ShiftMeasure {
  id: ShiftMeasureId;
  category: Category;
  label: LocalizedText;
  count: number;
  credit: number;
  /** credit / count; 1 when count is 0 (the measure is then left out of the mark). */
  score: number;
}

/** One arrival in the shift's timeline: clock times as HH:MM. */
export interface ShiftTimelineRow {
  arrival: number;
  caseId: string;
  channel: 'desk' | 'phone';
  redFlag: boolean;
  status: ArrivalStatus;
  arrived: string | null;
  served: string | null;
  finished: string | null;
  /** Minutes spent waiting in all (queue, ringing, paused, on hold), one decimal. */
  waitedMinutes: number;
  /** Minutes from arriving to being first attended, one decimal (null: never attended). */
  minutesToServe: number | null;
  abandoned: boolean;
  returned: boolean;
}

/** The result of a shift: what a debrief, a results export or the CLI prints. */
export interface ShiftResult {
  shiftId: string;
  mode: RunMode;
  seed: number;
  /** The shift ended (every arrival resolved, or the end time reached). */
  finished: boolean;
  endReason: 'done' | 'time' | null;
  /** 0..100, two decimals. */
  percent: number;
  passed: boolean;
  pass: number;
  /** Mean of the cases' percents. */
  casesPercent: number;
  /** The shift rubric's percent. */
  shiftPercent: number;
  cases: ShiftCaseResult[];
  measures: ShiftMeasure[];
  /** Score (0..1) and weight of each category the shift measures. */
  categories: Partial<Record<Category, { score: number; weight: number }>>;
  /** Critical errors: `<case id>/<item id>` from cases, `shift.redFlag/<case id>` for a late red flag. */
  critical: string[];
  /** Calls that rang out and were never called back. */
  abandonedCalls: number;
  timeline: ShiftTimelineRow[];
  /** Simulated seconds from the shift's start to now. */
  duration: number;
  actions: number;
  /** Set when scoring a log stopped at an entry that does not fit. */
  rejected?: { index: number; reason: LocalizedText };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const minutes1 = (s: number) => Math.round(s / 6) / 10;
const clock = (s: number | null) => (s === null ? null : secondsToClock(s));

const LABELS: Record<ShiftMeasureId, LocalizedText> = {
  waiting: t('Pacientes del mostrador atendidos dentro del tiempo de espera meta', 'Desk patients attended within the target wait'),
  calls: t('Llamadas contestadas antes de que colgaran', 'Calls answered before the caller hung up'),
  redFlags: t('Signos de alarma atendidos y escalados a tiempo', 'Red flags attended and escalated in time'),
  rooms: t('Consultorios preparados de nuevo a tiempo', 'Rooms turned over in time'),
  privacy: t('Casos sin datos de un paciente expuestos a otro', 'Cases with no patient data exposed to another'),
};
const CATEGORY_OF: Record<ShiftMeasureId, Category> = { waiting: 'efficiency', calls: 'communication', redFlags: 'safety', rooms: 'safety', privacy: 'privacy' };

/** The result of a shift from its state (pure: reads, never changes it). */
export function shiftResultOf(state: ShiftState, rejected?: ShiftResult['rejected']): ShiftResult {
  const { shift } = state;
  const targets = shift.targets;
  const now = state.clock;
  const counts: Record<ShiftMeasureId, { count: number; credit: number }> = {
    waiting: { count: 0, credit: 0 },
    calls: { count: 0, credit: 0 },
    redFlags: { count: 0, credit: 0 },
    rooms: { count: 0, credit: 0 },
    privacy: { count: 0, credit: 0 },
  };
  const cases: ShiftCaseResult[] = [];
  const timeline: ShiftTimelineRow[] = [];
  const critical: string[] = [];
  let abandonedCalls = 0;
  let casesTotal = 0;

  for (const a of state.arrivals) {
    const { plan } = a;
    const out = a.outcome;
    const served = a.servedAt !== null;
    const toServe = served && a.arrivedAt !== null ? (a.servedAt as number) - a.arrivedAt : null;
    // A live child (shift not over) has no outcome yet: it counts as not finished.
    cases.push({
      arrival: plan.index,
      caseId: plan.caseId,
      channel: plan.channel,
      served,
      percent: out?.percent ?? 0,
      passed: out?.passed ?? false,
      finished: out?.finished ?? false,
      critical: out?.critical ?? [],
      privacyFailed: out?.privacyFailed ?? false,
      safetyFailed: out?.safetyFailed ?? false,
    });
    casesTotal += out?.percent ?? 0;
    for (const c of out?.critical ?? []) critical.push(`${plan.caseId}/${c}`);
    if (a.arrivedAt === null) {
      timeline.push(row());
      continue;
    }
    if (plan.channel === 'desk') {
      counts.waiting.count++;
      if (toServe !== null && toServe <= targets.waitMinutes * 60) counts.waiting.credit++;
    } else {
      counts.calls.count++;
      if (a.abandonedAt === null && served) counts.calls.credit++;
      else if (a.returnedAt !== null) counts.calls.credit += 0.5;
      if (a.abandonedAt !== null && a.returnedAt === null) abandonedCalls++;
    }
    if (plan.redFlag) {
      counts.redFlags.count++;
      const inTime = toServe !== null && toServe <= targets.redFlagMinutes * 60 && !(out?.safetyFailed ?? false);
      if (inTime) counts.redFlags.credit++;
      else critical.push(`shift.redFlag/${plan.caseId}`);
    }
    if (out) {
      counts.privacy.count++;
      if (!out.privacyFailed) counts.privacy.credit++;
    }
    timeline.push(row());

    function row(): ShiftTimelineRow {
      return {
        arrival: plan.index,
        caseId: plan.caseId,
        channel: plan.channel,
        redFlag: plan.redFlag,
        status: a.status,
        arrived: clock(a.arrivedAt),
        served: clock(a.servedAt),
        finished: clock(a.finishedAt),
        waitedMinutes: minutes1(waitedUntil(a, now)),
        minutesToServe: toServe === null ? null : minutes1(toServe),
        abandoned: a.abandonedAt !== null,
        returned: a.returnedAt !== null,
      };
    }
  }
  for (const r of state.dirtyRooms) {
    counts.rooms.count++;
    if (r.turnedAt !== null && r.turnedAt - r.since <= targets.roomMinutes * 60) counts.rooms.credit++;
  }

  const measures: ShiftMeasure[] = (Object.keys(counts) as ShiftMeasureId[]).map((id) => ({
    id,
    category: CATEGORY_OF[id],
    label: LABELS[id],
    count: counts[id].count,
    credit: counts[id].credit,
    score: counts[id].count === 0 ? 1 : counts[id].credit / counts[id].count,
  }));
  const categories: ShiftResult['categories'] = {};
  let weighted = 0;
  let weights = 0;
  for (const [cat, weight] of Object.entries(shift.rubric.weights) as [Category, number][]) {
    const mine = measures.filter((m) => m.category === cat && m.count > 0);
    if (mine.length === 0 || weight <= 0) continue;
    const score = mine.reduce((s, m) => s + m.score, 0) / mine.length;
    categories[cat] = { score: round2(score), weight };
    weighted += weight * score;
    weights += weight;
  }
  const shiftPercent = weights === 0 ? 100 : (100 * weighted) / weights;
  const casesPercent = state.arrivals.length === 0 ? 100 : casesTotal / state.arrivals.length;
  const share = shift.rubric.cases;
  const percent = round2((casesPercent * share + shiftPercent * (100 - share)) / 100);
  const finished = state.ended !== null;
  const passed = finished && percent >= shift.rubric.pass && (state.mode !== 'assessment' || critical.length === 0);
  return {
    shiftId: shift.id,
    mode: state.mode,
    seed: state.seed,
    finished,
    endReason: state.ended,
    percent,
    passed,
    pass: shift.rubric.pass,
    casesPercent: round2(casesPercent),
    shiftPercent: round2(shiftPercent),
    cases,
    measures,
    categories,
    critical,
    abandonedCalls,
    timeline,
    duration: state.clock - state.startClock,
    actions: state.actions,
    ...(rejected && { rejected }),
  };
}
