import { join } from 'node:path';
import { createActor, createMachine, type AnyActorRef, type AnyStateMachine } from 'xstate';
import { nodeFileSystem } from '../../src/cli/node-files';
import { clockToSeconds, workflowCaseFor, type PreparedCase } from '../../src/engine/run/case-data';
import { loadLibraryFrom } from '../../src/engine/load/library';
import { fromFileLog, type LogEntry } from '../../src/engine/format/log';
import { replay } from '../../src/engine/run/replay';
import { fakeCase, fakeWorkflows } from '../../src/engine/testing/run-fixtures';
import { CHOOSE_COST, HINT_COST } from '../../src/engine/run/run-types';
import { type RunOptions } from '../../src/engine/run/run-input';
import { caseSchema, type ScenarioCase, type Step } from '../../src/engine/format/scenario.schema';
import { prepareCase } from '../../src/engine/run/variants';
import { workflows as registry, type WorkflowRegistry } from '../../src/machines/registry';
import type { WorkflowDefinition } from '../../src/machines/workflow';
import type { Bench, Figure } from './bench';

const tx = (s: string) => ({ 'es-MX': s, en: s });

/** The library case the bench replays, and the test whose log it uses (its best path). */
export const BENCH_CASE = 'registro-primera-vez-imss';
const BENCH_TEST = 'mejor camino';

/**
 * A synthetic case over the fake form workflow: eight questions, a form task of eight actions with
 * two checks, four more questions, an end. Its best log has 20 actions.
 */
export function benchCase(): { scenario: ScenarioCase; log: LogEntry[] } {
  const base = fakeCase();
  const steps: Record<string, unknown> = {};
  const question = (id: string, next: string) => ({
    say: { who: 'patient', ...tx(`Pregunta ${id}`) },
    choose: [
      { id: `${id}-bien`, text: tx('Bien'), score: { communication: 2 }, feedback: tx('Bien.'), next },
      { id: `${id}-mal`, text: tx('Mal'), score: { communication: -1 }, feedback: tx('Mal.'), next },
    ],
  });
  for (let i = 1; i <= 8; i++) steps[`q${i}`] = question(`q${i}`, i < 8 ? `q${i + 1}` : 'form');
  steps.form = {
    task: 'registration',
    checks: [
      { observe: 'form.consentFirst', points: { privacy: 5 }, critical: true, feedback: tx('Consentimiento.') },
      { observe: 'form.nameMatches', points: { accuracy: 5 }, feedback: tx('Nombre.') },
    ],
    next: 'r1',
  };
  for (let i = 1; i <= 4; i++) steps[`r${i}`] = question(`r${i}`, i < 4 ? `r${i + 1}` : 'fin');
  steps.fin = { end: tx('Fin.') };
  const scenario = caseSchema.parse({ ...base, start: 'q1', steps });
  const log: LogEntry[] = [
    ...Array.from({ length: 8 }, (_, i): LogEntry => ({ type: 'choose', choice: `q${i + 1}-bien` })),
    { type: 'form.consent' },
    ...['curp', 'phone', 'address', 'email', 'nss'].map((field): LogEntry => ({ type: 'form.fill', field, value: 'x' })),
    { type: 'form.fill', field: 'name', value: 'Gloria' },
    { type: 'form.save' },
    ...Array.from({ length: 4 }, (_, i): LogEntry => ({ type: 'choose', choice: `r${i + 1}-bien` })),
  ];
  return { scenario, log };
}

/** The real library case, prepared for seed 0 with its clinic, and its best-path test log. */
export async function libraryCase(): Promise<{ prepared: PreparedCase; log: LogEntry[]; mode: RunOptions['mode'] }> {
  const root = join(import.meta.dirname, '../../scenarios');
  const lib = await loadLibraryFrom(nodeFileSystem, [join(root, 'cases'), join(root, 'clinics')]);
  const scenario = lib.cases.get(BENCH_CASE);
  if (!scenario) throw new Error(`case ${BENCH_CASE} did not load`);
  const test = scenario.tests.find((t) => t.name === BENCH_TEST) ?? scenario.tests[0];
  if (!test) throw new Error(`case ${BENCH_CASE} has no test`);
  const log = fromFileLog(test.log);
  if (!log.ok) throw new Error(`the test log of ${BENCH_CASE} does not read`);
  const clinic = lib.clinics.get(scenario.clinic);
  const prepared = await prepareCase(scenario, test.seed ?? 0, clinic ? { clinic } : {});
  return { prepared, log: log.entries, mode: test.mode };
}

/** A bare XState machine with as many states as the case has steps (the dialogue's minimal machine). */
function stepMachine(states: number): AnyStateMachine {
  const config: Record<string, { on: Record<string, string> }> = {};
  for (let i = 0; i < states; i++) config[`s${i}`] = { on: { next: i + 1 < states ? `s${i + 1}` : `s${i}`, stay: `s${i}` } };
  return createMachine({ id: 'bare', initial: 's0', states: config });
}

/**
 * What the engine does at the least for a log: a step machine of the case's size for the dialogue
 * events, and each task's real workflow machine (input built once, outside the timing) for the task
 * events. Returns one bare pass over the log.
 */
export function bareDriver(scenario: ScenarioCase, prepared: PreparedCase['data'], log: readonly LogEntry[], workflows: WorkflowRegistry): () => void {
  const steps = stepMachine(Object.keys(scenario.steps).length);
  // The tasks in the order the log meets them (the bench cases declare them in that order).
  const taskSteps = Object.values(scenario.steps).filter((s): s is Step & { task: NonNullable<Step['task']> } => s.task !== undefined);
  type Segment = { kind: 'dialogue'; count: number } | { kind: 'task'; def: WorkflowDefinition; input: unknown; events: { type: string }[] };
  const segments: Segment[] = [];
  let clock = clockToSeconds(scenario.time);
  let taskIndex = 0;
  // A trial actor per task finds where its events end (the workflow is done), even for two tasks in a row.
  let open: { segment: Extract<Segment, { kind: 'task' }>; trial: AnyActorRef } | undefined;
  for (const entry of log) {
    const last = segments[segments.length - 1];
    if (entry.type === 'choose' || entry.type === 'hint' || entry.type === 'wait') {
      if (last?.kind === 'dialogue') last.count++;
      else segments.push({ kind: 'dialogue', count: 1 });
      clock += entry.type === 'choose' ? CHOOSE_COST : entry.type === 'wait' ? (entry as { seconds: number }).seconds : HINT_COST;
      continue;
    }
    const { at: _at, ...event } = entry;
    if (!open) {
      const step = taskSteps[taskIndex++];
      const def = step ? workflows[step.task] : undefined;
      if (!step || !def) throw new Error('the bench log has task events without a task step');
      const input = def.input(workflowCaseFor(prepared, step, def, clock));
      const segment = { kind: 'task' as const, def, input, events: [] as { type: string }[] };
      segments.push(segment);
      open = { segment, trial: createActor(def.machine, { input }).start() };
    }
    open.segment.events.push(event);
    open.trial.send(event);
    clock += open.segment.def.events[event.type]?.cost ?? 0;
    if (open.segment.def.isDone(open.trial.getSnapshot() as never)) {
      open.trial.stop();
      open = undefined;
    }
  }
  return () => {
    const dialogue = createActor(steps).start();
    let n = 0;
    for (const s of segments) {
      if (s.kind === 'dialogue') {
        for (let i = 0; i < s.count; i++) dialogue.send({ type: n++ % 2 === 0 ? 'next' : 'stay' });
      } else {
        const task = createActor(s.def.machine, { input: s.input }).start();
        for (const e of s.events) task.send(e);
        if (!s.def.isDone(task.getSnapshot())) throw new Error('the bare workflow did not finish');
        task.stop();
      }
    }
    dialogue.getSnapshot();
    dialogue.stop();
  };
}

/** CPU milliseconds this process spent running `fn` (time spent waiting for a core does not count). */
function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Engine and bare rates from alternating batches of a few calls for about `ms` of CPU time in all.
 * Batches are timed in CPU time and each rate comes from the median batch, so other processes on a
 * busy machine disturb the ratio little (compare the ratio, not the rates, across runs).
 */
function compare(engineRun: () => void, bareRun: () => void, ms = 4000): { engine: number; bare: number } {
  const BATCH = 10;
  for (let i = 0; i < 50; i++) {
    engineRun();
    bareRun();
  }
  const engineTimes: number[] = [];
  const bareTimes: number[] = [];
  let spent = 0;
  while (spent < ms || engineTimes.length < 20) {
    const b = cpuMs(() => {
      for (let i = 0; i < BATCH; i++) bareRun();
    });
    const e = cpuMs(() => {
      for (let i = 0; i < BATCH; i++) engineRun();
    });
    bareTimes.push(b);
    engineTimes.push(e);
    spent += b + e;
  }
  const rate = (times: number[]) => (BATCH * 1000) / ([...times].sort((x, y) => x - y)[Math.floor(times.length / 2)] as number);
  return { engine: rate(engineTimes), bare: rate(bareTimes) };
}

export const replayBench: Bench = {
  name: 'replay',
  run: async () => {
    const figures: Figure[] = [];

    const real = await libraryCase();
    const realOpts: RunOptions = { workflows: registry, ...(real.mode && { mode: real.mode }) };
    const first = replay(real.prepared, real.log, realOpts);
    if (!first.ok || first.result.percent !== 100) throw new Error(`the ${BENCH_CASE} log does not replay to 100 %`);
    first.run.stop();
    const realSteps = Object.keys(real.prepared.scenario.steps).length;
    const r = compare(
      () => {
        const run = replay(real.prepared, real.log, realOpts);
        if (run.ok) run.run.stop();
      },
      bareDriver(real.prepared.scenario, real.prepared.data, real.log, registry),
    );
    figures.push(
      { label: `engine replays of ${BENCH_CASE} (${real.log.length} actions, ${realSteps} steps, real workflows)`, value: r.engine, unit: 'replays/s', goal: '>= 2000' },
      { label: `bare XState: ${realSteps}-state step machine + the real workflow machine, same events`, value: r.bare, unit: 'runs/s' },
      { label: 'engine / bare (real case)', value: r.engine / r.bare, unit: 'ratio', goal: '>= 0.5' },
    );

    const { scenario, log } = benchCase();
    const check = replay(scenario, log, { workflows: fakeWorkflows });
    if (!check.ok || check.result.percent !== 100) throw new Error('the synthetic bench log does not replay to 100 %');
    check.run.stop();
    const stepCount = Object.keys(scenario.steps).length;
    const f = compare(
      () => {
        const run = replay(scenario, log, { workflows: fakeWorkflows });
        if (run.ok) run.run.stop();
      },
      bareDriver(scenario, check.run.context().data, log, fakeWorkflows),
    );
    figures.push(
      { label: `engine replays of a synthetic ${log.length}-action log (${stepCount} steps, fake workflow)`, value: f.engine, unit: 'replays/s', goal: '>= 2000' },
      { label: `bare XState: ${stepCount}-state step machine + the fake workflow machine, same events`, value: f.bare, unit: 'runs/s' },
      { label: 'engine / bare (synthetic case)', value: f.engine / f.bare, unit: 'ratio', goal: '>= 0.5' },
    );
    return figures;
  },
};
