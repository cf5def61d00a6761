/**
 * Profiling aid: µs per event of one workflow machine over the best logs of the library cases that
 * use it. `npx tsx tests/bench/prof-wf.ts registration|coverage|scheduling|room-prep`
 */
import { join } from 'node:path';
import { createActor } from 'xstate';
import { nodeFileSystem } from '../../src/cli/node-files';
import { loadLibraryFrom } from '../../src/engine/load/library';
import { fromFileLog } from '../../src/engine/format/log';
import { replay } from '../../src/engine/run/replay';
import { prepareCase } from '../../src/engine/run/variants';
import { workflows } from '../../src/machines/registry';
import type { WorkflowId } from '../../src/machines/workflow';

const id = (process.argv[2] ?? 'registration') as WorkflowId;
const def = workflows[id];
if (!def) throw new Error(`unknown workflow ${id}`);
const prefix = `${id}.`;
const root = join(import.meta.dirname, '../../scenarios');
const lib = await loadLibraryFrom(nodeFileSystem, [join(root, 'cases'), join(root, 'clinics')]);
const runs: { input: unknown; events: object[] }[] = [];
for (const scenario of lib.cases.values()) {
  const tasks = Object.values(scenario.steps).filter((s) => s.task === id);
  if (tasks.length !== 1) continue;
  const test = scenario.tests[0];
  const log = test && fromFileLog(test.log);
  if (!log || !log.ok) continue;
  const clinic = lib.clinics.get(scenario.clinic);
  const prepared = await prepareCase(scenario, test.seed ?? 0, clinic ? { clinic } : {});
  let input: unknown;
  const spy = { ...workflows, [id]: { ...def, input: (c: never) => (input = def.input(c)) } };
  const r = replay(prepared, log.entries, { workflows: spy, ...(test.mode && { mode: test.mode }) });
  if (r.ok) r.run.stop();
  const events = log.entries.filter((e) => e.type.startsWith(prefix)).map(({ at: _at, ...e }) => e);
  if (input !== undefined && events.length > 0) runs.push({ input, events });
}
const once = () => {
  for (const r of runs) {
    const a = createActor(def.machine, { input: r.input }).start();
    for (const e of r.events) a.send(e as never);
    a.stop();
  }
};
for (let i = 0; i < 200; i++) once();
const N = 1000;
const t0 = performance.now();
for (let i = 0; i < N; i++) once();
const ms = performance.now() - t0;
const events = runs.reduce((n, r) => n + r.events.length, 0);
console.log(`${id}: ${runs.length} cases, ${events} events; ${((ms * 1000) / (N * events)).toFixed(1)} µs per event (actor start included)`);
