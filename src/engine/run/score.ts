/**
 * Scoring: a pure function of the scenario and the log (the log is replayed through the run
 * machine, and the result read from what the run recorded).
 *
 * Rules (pinned by tests/fixtures/golden):
 * - earned per category = sum of the chosen choices' scores and the passed checks' points;
 * - max per category = the best any path through the case can earn (static: the linter's
 *   scoreRange, so `stats`, the linter and the score agree; inside a cycle an item counts once);
 *   best on path = the best the steps actually visited could have earned;
 * - percent = sum over categories of weight * clamp(earned / max, 0, 1), divided by the sum of the
 *   weights used; a category that no path can earn points in (max <= 0) is left out of both sums,
 *   and a negative total counts as 0;
 * - critical errors = critical choices made and critical checks failed;
 * - passed = the run reached an end step && percent >= pass && (practice || no critical error).
 *   Decision: in practice a critical error is listed and shown but does not fail the attempt, so
 *   the mark keeps following the work; in an assessment it fails the attempt. An attempt that did
 *   not reach an end step never passes.
 */
import type { LocalizedText } from '../../domain/text';
import { scoreRange } from './score-range';
import type { LogEntry } from '../format/log';
import { type Points, type RunContext, type RunEnd, type RunMode, type ScoredItem } from './run-types';
import { stepKind } from './run-steps';
import { resolveRunInput, type CaseSource, type RunOptions } from './run-input';
import { sendEntry, startRunActor } from './run.machine';
import { CATEGORIES, type Category, type ScenarioCase, type Step } from '../format/scenario.schema';

/** Lowest and highest total a category can reach over the paths of a case. */
export interface CategoryRange {
  min: number;
  max: number;
}

/** One rubric category in a result. */
export interface CategoryScore {
  earned: number;
  /** Best the visited steps could have earned. */
  bestOnPath: number;
  /** Best any path could earn. */
  max: number;
  weight: number;
}

/** The result of a run: what a debrief, a results export or a CLI prints. */
export interface RunResult {
  scenarioId: string;
  mode: RunMode;
  seed: number;
  /** True when the run reached an end step. */
  finished: boolean;
  /** The end step reached, or null. */
  end: string | null;
  outcome: RunEnd['outcome'];
  /** 0..100, two decimals. */
  percent: number;
  passed: boolean;
  pass: number;
  categories: Record<Category, CategoryScore>;
  /** Earned points per category (categories with no points left out). */
  points: Points;
  /** Ids of the critical items that failed (choice ids, observation ids), in order. */
  critical: string[];
  items: ScoredItem[];
  hints: number;
  /** Simulated seconds from the case's start to the last action. */
  duration: number;
  /** Accepted actions. */
  actions: number;
  /** Set when scoring a log stopped at an action that does not fit. */
  rejected?: { index: number; reason: LocalizedText };
}

/** The points a task's checks could earn in a category: all passed (max) or all failed (min). */
function checkRange(step: Step, cat: Category): CategoryRange {
  let min = 0;
  let max = 0;
  for (const check of step.checks ?? []) {
    const v = check.points?.[cat] ?? 0;
    if (v > 0) max += v;
    else min += v;
  }
  return { min, max };
}

const boundsCache = new WeakMap<ScenarioCase, Record<Category, CategoryRange>>();

function cachedBounds(scenario: ScenarioCase): Record<Category, CategoryRange> {
  let b = boundsCache.get(scenario);
  if (!b) {
    b = scoreRange(scenario);
    boundsCache.set(scenario, b);
  }
  return b;
}

const stepBestCache = new WeakMap<Step, Record<Category, number>>();

/** The best a step can earn per category (cached: results are read after every replay). */
function stepBest(step: Step): Record<Category, number> {
  let best = stepBestCache.get(step);
  if (!best) {
    best = {} as Record<Category, number>;
    const kind = stepKind(step);
    for (const cat of CATEGORIES) {
      if (kind === 'choose') best[cat] = Math.max(...(step.choose ?? []).map((c) => c.score?.[cat] ?? 0));
      else if (kind === 'task') best[cat] = checkRange(step, cat).max;
      else best[cat] = 0;
    }
    stepBestCache.set(step, best);
  }
  return best;
}

/** Best the visited decision steps could have earned per category (a step visited twice counts twice). */
function bestOnPath(scenario: ScenarioCase, path: readonly string[]): Record<Category, number> {
  const totals = {} as Record<Category, number>;
  for (const cat of CATEGORIES) totals[cat] = 0;
  // One pass over the path for all categories: each step is looked up once.
  for (const id of path) {
    const step = scenario.steps[id];
    if (!step) continue;
    const best = stepBest(step);
    for (const cat of CATEGORIES) totals[cat] += best[cat];
  }
  return totals;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The result of a run from what it recorded (its context). */
export function resultOf(ctx: RunContext, rejected?: RunResult['rejected']): RunResult {
  const { scenario } = ctx;
  const bounds = cachedBounds(scenario);
  const earned: Points = {};
  for (const item of ctx.items) {
    for (const [cat, v] of Object.entries(item.points) as [Category, number][]) earned[cat] = (earned[cat] ?? 0) + v;
  }
  const categories = {} as Record<Category, CategoryScore>;
  let weighted = 0;
  let weights = 0;
  const onPath = bestOnPath(scenario, ctx.path);
  for (const cat of CATEGORIES) {
    const weight = scenario.rubric.weights[cat] ?? 0;
    const max = bounds[cat].max;
    const got = earned[cat] ?? 0;
    categories[cat] = { earned: got, bestOnPath: onPath[cat], max, weight };
    if (weight > 0 && max > 0) {
      weights += weight;
      weighted += weight * Math.min(1, Math.max(0, got / max));
    }
  }
  const percent = weights === 0 ? 100 : round2((100 * weighted) / weights);
  const critical = ctx.items.filter((i) => i.critical && !i.passed).map((i) => i.id);
  const finished = ctx.end !== null && ctx.end.stepId !== null && scenario.steps[ctx.end.stepId]?.end !== undefined;
  const passed = finished && percent >= scenario.rubric.pass && (ctx.setup.mode !== 'assessment' || critical.length === 0);
  const points: Points = {};
  for (const cat of CATEGORIES) if (earned[cat]) points[cat] = earned[cat];
  return {
    scenarioId: scenario.id,
    mode: ctx.setup.mode,
    seed: ctx.setup.seed,
    finished,
    end: finished ? (ctx.end?.stepId ?? null) : null,
    outcome: finished ? (ctx.end?.outcome ?? null) : null,
    percent,
    passed,
    pass: scenario.rubric.pass,
    categories,
    points,
    critical,
    items: ctx.items.map((i) => ({ ...i, points: { ...i.points } })),
    hints: ctx.hints,
    duration: ctx.clock - ctx.setup.startClock,
    actions: ctx.actions,
    ...(rejected && { rejected }),
  };
}

/**
 * Scores a log: replays it and reads the result. A log that stops fitting is scored up to the
 * bad action, and the result says where (`rejected`).
 */
export function scoreRun(source: CaseSource, log: readonly LogEntry[], opts: RunOptions = {}): RunResult {
  const actor = startRunActor(resolveRunInput(source, opts));
  try {
    for (let i = 0; i < log.length; i++) {
      const why = sendEntry(actor, log[i] as LogEntry);
      if (why) return resultOf(actor.getSnapshot().context, { index: i, reason: why });
    }
    return resultOf(actor.getSnapshot().context);
  } finally {
    actor.stop();
  }
}
