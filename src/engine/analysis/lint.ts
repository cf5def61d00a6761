/**
 * The linter: warnings from the step graph of a case, in time linear in steps plus edges.
 * score-range.ts condenses the graph into a DAG of strongly connected components (Tarjan,
 * iterative); dynamic programming over it gives reachability, score ranges, the best reachable
 * percent and path counts.
 *
 * Scoring model (the same as score.ts): a choice earns its `score`; a task's check earns its
 * `points` when it passes (the linter treats every check as passable, each one independently);
 * percent = sum of weight * earned / max over categories with max > 0, divided by their weights.
 * Inside a cycle every scored item is counted at most once, so ranges stay finite.
 */
import type { LocalizedText } from '../../domain/text';
import type { Diagnostic, DocPath } from '../format/diagnostics';
import { sourceOf, type WorkflowRegistry } from '../load/loader';
import { CATEGORIES, type ScenarioCase, type Step } from '../format/scenario.schema';
import { analyse, bestToEnd, scoreRange, type Edge, type Points } from '../run/score-range';
import { PositionMap } from '../load/position-map';

// The graph analysis lives in score-range.ts (the score needs it without the linter); re-exported for the CLI and tests.
export { buildStepGraph, scoreRange, stronglyConnected, type StepGraph } from '../run/score-range';

/** The best percent any path from the start can reach, and per end step (percent model above). */
export function bestPercent(scenario: ScenarioCase): { overall: number; byEnd: Map<string, number> } {
  const ranges = scoreRange(scenario);
  const weights = scenario.rubric.weights;
  let total = 0;
  const k: Points = {};
  for (const cat of CATEGORIES) {
    const w = weights[cat] ?? 0;
    if (w > 0 && ranges[cat].max > 0) {
      total += w;
      k[cat] = w / ranges[cat].max;
    }
  }
  const a = analyse(scenario);
  const linear = (p: Points): number => CATEGORIES.reduce((s, c) => s + (k[c] ?? 0) * (p[c] ?? 0), 0);
  const toPercent = (x: number): number => (total === 0 ? 100 : Math.max(0, Math.min(100, (100 * x) / total)));
  const startComp = a.graph.start >= 0 ? (a.comp[a.graph.start] as number) : -1;
  const best = bestToEnd(a, linear, linear, 1);
  const overall = startComp >= 0 && (best[startComp] as number) > -Infinity ? toPercent(best[startComp] as number) : 0;
  const byEnd = new Map<string, number>();
  // Best to each end: forward DP from the start (components in topological order = reversed).
  const n = a.comps.length;
  const fwd = new Array<number>(n).fill(-Infinity);
  if (startComp >= 0) fwd[startComp] = 0;
  for (let c = n - 1; c >= 0; c--) {
    const here = fwd[c] as number;
    if (here === -Infinity) continue;
    const members = a.comps[c] as number[];
    let inside = 0;
    for (const v of members) {
      for (const p of a.graph.checks[v] as Points[]) inside += Math.max(0, linear(p));
      if (a.cyclic[c]) for (const e of a.graph.edges[v] as Edge[]) if (a.comp[e.to] === c) inside += Math.max(0, linear(e.points));
    }
    for (const v of members) {
      if (a.graph.isEnd[v]) byEnd.set(a.graph.ids[v] as string, toPercent(here + inside));
      for (const e of a.graph.edges[v] as Edge[]) {
        const t = a.comp[e.to] as number;
        if (t !== c) fwd[t] = Math.max(fwd[t] as number, here + inside + linear(e.points));
      }
    }
  }
  return { overall, byEnd };
}

/** Number of distinct paths (choice by choice) from the start to an end, up to `cap`. */
export function pathCount(scenario: ScenarioCase, cap = 1_000_000): { count: number; capped: boolean; cyclic: boolean } {
  const a = analyse(scenario);
  if (a.graph.start < 0) return { count: 0, capped: false, cyclic: false };
  const counts = new Array<number>(a.comps.length).fill(0);
  let capped = false;
  let cyclic = false;
  a.comps.forEach((members, c) => {
    if (a.cyclic[c] && members.some((v) => a.reachable[v] && a.canEnd[v])) cyclic = true;
    let total = 0;
    for (const v of members) {
      if (a.graph.isEnd[v]) total += 1;
      for (const e of a.graph.edges[v] as Edge[]) if (a.comp[e.to] !== c) total += counts[a.comp[e.to] as number] as number;
    }
    if (total > cap) {
      total = cap;
      capped = true;
    }
    counts[c] = total;
  });
  const count = counts[a.comp[a.graph.start] as number] as number;
  return { count, capped: capped || cyclic, cyclic };
}

const warn = (file: string, positions: PositionMap, path: DocPath, code: string, message: LocalizedText, at: 'key' | 'value' = 'key'): Diagnostic => {
  const pos = at === 'key' ? positions.keyAt(path) : positions.valueAt(path);
  return { file, line: pos.line, col: pos.col, path, code, severity: 'warning', message };
};

/** Warnings about a case's step graph and scoring; lines come from the loader's position map. */
export function lint(scenario: ScenarioCase, _workflows?: WorkflowRegistry): Diagnostic[] {
  const src = sourceOf(scenario);
  const file = src?.file ?? scenario.id;
  const positions = src?.positions ?? new PositionMap();
  const out: Diagnostic[] = [];
  const a = analyse(scenario);
  const { graph } = a;
  if (graph.start < 0) return out; // the loader already reported the dangling start

  const inExitlessCycle = new Array<boolean>(graph.ids.length).fill(false);
  a.comps.forEach((members, c) => {
    if (!a.cyclic[c] || !members.some((v) => a.reachable[v])) return;
    const exits = members.some((v) => graph.isEnd[v] || (graph.edges[v] as Edge[]).some((e) => a.comp[e.to] !== c));
    if (exits) return;
    const names = members.map((v) => graph.ids[v] as string).sort();
    for (const v of members) inExitlessCycle[v] = true;
    out.push(warn(file, positions, ['steps', names[0] as string], 'cycle-without-exit', {
      'es-MX': `ciclo sin salida entre los pasos ${names.join(', ')}: ninguna opción lleva fuera ni a un final`,
      en: `cycle without exit among steps ${names.join(', ')}: no choice leads out or to an end`,
    }));
  });

  graph.ids.forEach((id, v) => {
    if (!a.reachable[v]) {
      out.push(warn(file, positions, ['steps', id], 'unreachable-step', {
        'es-MX': `el paso "${id}" no se puede alcanzar desde el inicio (${scenario.start})`,
        en: `step "${id}" cannot be reached from the start (${scenario.start})`,
      }));
    } else if (!a.canEnd[v] && !inExitlessCycle[v]) {
      out.push(warn(file, positions, ['steps', id], 'no-way-to-end', {
        'es-MX': `desde el paso "${id}" no hay camino a ningún final (end)`,
        en: `from step "${id}" there is no way to any end step`,
      }));
    }
  });

  for (const [id, step] of Object.entries(scenario.steps)) {
    step.choose?.forEach((c, i) => {
      if (c.feedback === undefined) {
        out.push(warn(file, positions, ['steps', id, 'choose', i], 'choice-without-feedback', {
          'es-MX': `la opción "${c.id}" no tiene feedback: en práctica, quien entrena no sabrá por qué estuvo bien o mal`,
          en: `choice "${c.id}" has no feedback: in practice the trainee will not learn why it was right or wrong`,
        }));
      }
    });
    const v = graph.index.get(id) as number;
    if (!a.reachable[v]) {
      step.checks?.forEach((c, i) => {
        if (!c.critical) return;
        out.push(warn(file, positions, ['steps', id, 'checks', i], 'critical-unreachable', {
          'es-MX': `la verificación crítica ${c.observe} está en un paso al que ningún camino llega: nunca se evaluará`,
          en: `the critical check ${c.observe} is in a step no path reaches: it will never be evaluated`,
        }));
      });
      step.choose?.forEach((c, i) => {
        if (!c.critical) return;
        out.push(warn(file, positions, ['steps', id, 'choose', i], 'critical-unreachable', {
          'es-MX': `la opción crítica "${c.id}" está en un paso al que ningún camino llega`,
          en: `the critical choice "${c.id}" is in a step no path reaches`,
        }));
      });
    }
  }

  const ranges = scoreRange(scenario);
  for (const cat of CATEGORIES) {
    const w = scenario.rubric.weights[cat] ?? 0;
    if (w > 0 && ranges[cat].max <= 0) {
      out.push(warn(file, positions, ['rubric', 'weights', cat], 'weight-without-points', {
        'es-MX': `la categoría ${cat} pesa ${w}, pero ningún camino gana puntos en ella: su peso no cuenta`,
        en: `category ${cat} weighs ${w}, but no path earns points in it: its weight does not count`,
      }));
    }
  }

  const best = bestPercent(scenario);
  const pass = scenario.rubric.pass;
  if (a.canEnd[graph.start] && best.overall < pass) {
    out.push(warn(file, positions, ['rubric', 'pass'], 'pass-unreachable', {
      'es-MX': `ningún camino alcanza la calificación aprobatoria: lo mejor posible es ${round1(best.overall)}% y se pide ${pass}%`,
      en: `no path reaches the pass mark: the best possible is ${round1(best.overall)}% and ${pass}% is required`,
    }, 'value'));
  } else {
    for (const [end, percent] of best.byEnd) {
      const step = scenario.steps[end] as Step;
      if (percent >= pass || step.outcome === 'failure' || step.outcome === 'partial') continue;
      out.push(warn(file, positions, ['steps', end], 'end-cannot-pass', {
        'es-MX': `todo camino que termina en "${end}" queda por debajo de ${pass}% (lo mejor es ${round1(percent)}%); si es un final fallido, márquelo con outcome: failure`,
        en: `every path ending at "${end}" stays below ${pass}% (best ${round1(percent)}%); if it is a failed ending, mark it outcome: failure`,
      }));
    }
  }
  return out;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
