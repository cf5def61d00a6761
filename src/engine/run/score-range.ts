/**
 * Score ranges from the step graph of a case: the static analysis that scoring needs (the best any
 * path can earn per category), apart from the linter so the desk's score does not bring the linter's
 * YAML position map and loader with it. Strongly connected components (Tarjan, iterative) condense
 * the graph into a DAG; dynamic programming over it gives reachability and ranges. Inside a cycle
 * every scored item counts at most once, so ranges stay finite.
 */
import type { DocPath } from '../format/diagnostics';
import { CATEGORIES, type Category, type ScenarioCase, type Step } from '../format/scenario.schema';

/** Points per category, as a choice's score or a check's points. */
export type Points = Partial<Record<Category, number>>;

/** One way out of a step: a choice, a branch or the plain next. */
export interface Edge {
  to: number;
  points: Points;
  path: DocPath;
}

/** The step graph of a case, by index. */
export interface StepGraph {
  ids: string[];
  index: Map<string, number>;
  edges: Edge[][];
  /** Points each task step's checks may earn (all checks counted as passable). */
  checks: Points[][];
  isEnd: boolean[];
  start: number;
}

/** Builds the graph; references that name no step are skipped (the loader reports them). */
export function buildStepGraph(scenario: ScenarioCase): StepGraph {
  const ids = Object.keys(scenario.steps);
  const index = new Map(ids.map((id, i) => [id, i]));
  const edges: Edge[][] = [];
  const checks: Points[][] = [];
  const isEnd: boolean[] = [];
  for (const id of ids) {
    const step = scenario.steps[id] as Step;
    const out: Edge[] = [];
    const add = (target: string | undefined, points: Points, path: DocPath): void => {
      const to = target === undefined ? undefined : index.get(target);
      if (to !== undefined) out.push({ to, points, path });
    };
    const base: DocPath = ['steps', id];
    if (step.end === undefined) {
      if (step.choose) {
        step.choose.forEach((c, i) => add(c.next ?? (typeof step.next === 'string' ? step.next : undefined), c.score ?? {}, [...base, 'choose', i]));
      } else if (typeof step.next === 'string') add(step.next, {}, [...base, 'next']);
      else if (Array.isArray(step.next)) step.next.forEach((b, i) => add(b.next, {}, [...base, 'next', i]));
    }
    edges.push(out);
    checks.push(step.task !== undefined ? (step.checks ?? []).map((c) => c.points ?? {}) : []);
    isEnd.push(step.end !== undefined);
  }
  return { ids, index, edges, checks, isEnd, start: index.get(scenario.start) ?? -1 };
}

/** Strongly connected components, iteratively; returned sinks first (reverse topological order). */
export function stronglyConnected(graph: Pick<StepGraph, 'edges'>): { comp: number[]; comps: number[][] } {
  const n = graph.edges.length;
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const comp = new Array<number>(n).fill(-1);
  const comps: number[][] = [];
  const stack: number[] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const work: { v: number; e: number }[] = [{ v: root, e: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1] as { v: number; e: number };
      const out = graph.edges[frame.v] as Edge[];
      if (frame.e < out.length) {
        const w = (out[frame.e++] as Edge).to;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push({ v: w, e: 0 });
        } else if (onStack[w]) low[frame.v] = Math.min(low[frame.v] as number, index[w] as number);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent.v] = Math.min(low[parent.v] as number, low[frame.v] as number);
      if (low[frame.v] === index[frame.v]) {
        const members: number[] = [];
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = false;
          comp[w] = comps.length;
          members.push(w);
        } while (w !== frame.v);
        comps.push(members);
      }
    }
  }
  return { comp, comps };
}

/** The step graph with its components, what the start reaches and what can reach an end. */
export interface Analysis {
  graph: StepGraph;
  comp: number[];
  comps: number[][];
  reachable: boolean[];
  canEnd: boolean[];
  cyclic: boolean[];
}

/** Builds the graph of a case and analyses it once (components sinks first). */
export function analyse(scenario: ScenarioCase): Analysis {
  const graph = buildStepGraph(scenario);
  const n = graph.ids.length;
  const { comp, comps } = stronglyConnected(graph);
  const reachable = new Array<boolean>(n).fill(false);
  if (graph.start >= 0) {
    const queue = [graph.start];
    reachable[graph.start] = true;
    for (let q = 0; q < queue.length; q++) {
      for (const e of graph.edges[queue[q] as number] as Edge[]) {
        if (!reachable[e.to]) {
          reachable[e.to] = true;
          queue.push(e.to);
        }
      }
    }
  }
  // Comps come sinks first, so one pass decides whether each can reach an end.
  const compEnds = new Array<boolean>(comps.length).fill(false);
  comps.forEach((members, c) => {
    compEnds[c] = members.some((v) => graph.isEnd[v] || (graph.edges[v] as Edge[]).some((e) => comp[e.to] !== c && compEnds[comp[e.to] as number]));
  });
  const canEnd = graph.ids.map((_, v) => compEnds[comp[v] as number] as boolean);
  const cyclic = comps.map((members) => members.length > 1 || (graph.edges[members[0] as number] as Edge[]).some((e) => e.to === members[0]));
  return { graph, comp, comps, reachable, canEnd, cyclic };
}

/**
 * Best total of `value` from each component to an end (max, or min with `sign` -1), -Infinity
 * where no end is reachable. Inside a cyclic component every item counts at most once.
 */
export function bestToEnd(a: Analysis, itemValue: (p: Points) => number, checkValue: (p: Points) => number, sign: 1 | -1): number[] {
  const { graph, comp, comps, cyclic } = a;
  const best = new Array<number>(comps.length).fill(-Infinity);
  const pick = (x: number): number => (sign === 1 ? Math.max(0, x) : Math.min(0, x));
  comps.forEach((members, c) => {
    if (!cyclic[c]) {
      const v = members[0] as number;
      const here = (graph.checks[v] as Points[]).reduce((s, p) => s + sign * pick(checkValue(p)), 0);
      let out = graph.isEnd[v] ? 0 : -Infinity;
      for (const e of graph.edges[v] as Edge[]) {
        const rest = best[comp[e.to] as number] as number;
        if (rest > -Infinity) out = Math.max(out, sign * itemValue(e.points) + rest);
      }
      best[c] = out > -Infinity ? here + out : -Infinity;
      return;
    }
    let inside = 0;
    let out = members.some((v) => graph.isEnd[v]) ? 0 : -Infinity;
    for (const v of members) {
      for (const p of graph.checks[v] as Points[]) inside += sign * pick(checkValue(p));
      for (const e of graph.edges[v] as Edge[]) {
        if (comp[e.to] === c) inside += sign * pick(itemValue(e.points));
        else {
          const rest = best[comp[e.to] as number] as number;
          if (rest > -Infinity) out = Math.max(out, sign * itemValue(e.points) + rest);
        }
      }
    }
    best[c] = out > -Infinity ? inside + out : -Infinity;
  });
  return best;
}

/** Lowest and highest total per category over the paths from the start to an end. */
export function scoreRange(scenario: ScenarioCase): Record<Category, { min: number; max: number }> {
  const a = analyse(scenario);
  const out = {} as Record<Category, { min: number; max: number }>;
  for (const cat of CATEGORIES) {
    const value = (p: Points): number => p[cat] ?? 0;
    const startComp = a.graph.start >= 0 ? (a.comp[a.graph.start] as number) : -1;
    const max = startComp >= 0 ? (bestToEnd(a, value, value, 1)[startComp] as number) : -Infinity;
    const min = startComp >= 0 ? -(bestToEnd(a, value, value, -1)[startComp] as number) : Infinity;
    out[cat] = { min: Number.isFinite(min) ? min + 0 : 0, max: Number.isFinite(max) ? max + 0 : 0 }; // + 0 turns -0 into 0
  }
  return out;
}
