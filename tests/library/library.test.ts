/**
 * The whole library of scenarios in CI: scenarios/ loaded with the real workflows must have no
 * error and no warning, every case's and shift's self-tests must pass (through the same functions
 * as `npm run scenarios -- test`), and the library must keep the spread the project promises to
 * schools: every workflow, both regions, the main specialties and all three difficulties, each in
 * several cases, with tests that pin both a perfect run and a failing one.
 */
import { join } from 'node:path';
import { runCaseTest, runShiftTest } from '../../src/cli/test-command';
import { nodeFileSystem } from '../../src/cli/node-files';
import { formatDiagnostic } from '../../src/engine/format/diagnostics';
import { loadLibraryFrom } from '../../src/engine/load/library';
import { fromFileLog } from '../../src/engine/format/log';
import { replay } from '../../src/engine/run/replay';
import { createRun } from '../../src/engine/run/run';
import { prepareCase } from '../../src/engine/run/variants';
import { warmUpSteps } from '../../src/engine/run/warm-up';
import type { ScenarioCase } from '../../src/engine/format/scenario.schema';
import { workflows } from '../../src/machines/registry';

const root = join(import.meta.dirname, '../../scenarios');
const lib = await loadLibraryFrom(nodeFileSystem, [root], { lint: true, workflows });
const cases = [...lib.cases.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
const shifts = [...lib.shifts.values()].sort((a, b) => (a.id < b.id ? -1 : 1));

/** How many cases must show each workflow, region, specialty and difficulty. */
const MIN_PER_VALUE = 3;
const REQUIRED_SPREAD: Record<string, { values: readonly string[]; of: (c: ScenarioCase) => readonly string[] }> = {
  workflow: { values: ['registration', 'coverage', 'scheduling', 'room-prep'], of: (c) => c.workflows },
  region: { values: ['urban', 'rural'], of: (c) => [c.region] },
  specialty: { values: ['general', 'pediatrics', 'cardiology'], of: (c) => [c.specialty] },
  difficulty: { values: ['basic', 'intermediate', 'advanced'], of: (c) => [c.difficulty] },
};

describe('the scenario library', () => {
  it('loads with no error and no warning', () => {
    expect(lib.missing).toEqual([]);
    expect(lib.diagnostics.map((d) => formatDiagnostic(d, 'en'))).toEqual([]);
  });

  it('holds at least 30 cases and 5 clinics', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(lib.clinics.size).toBeGreaterThanOrEqual(5);
  });

  it.each(Object.entries(REQUIRED_SPREAD))(`shows every %s in at least ${MIN_PER_VALUE} cases`, (_name, { values, of }) => {
    const counts = Object.fromEntries(values.map((v) => [v, cases.filter((c) => of(c).includes(v)).length]));
    const short = Object.entries(counts).filter(([, n]) => n < MIN_PER_VALUE);
    expect(short, JSON.stringify(counts)).toEqual([]);
  });

  it('gives every case at least two tests: a perfect pass and a failure', () => {
    const lacking = cases.flatMap((c) => {
      const problems: string[] = [];
      if (c.tests.length < 2) problems.push(`${c.tests.length} test(s)`);
      if (!c.tests.some((t) => t.expect.passed === true && t.expect.percent === 100)) problems.push('no test expects passed: true with percent 100');
      if (!c.tests.some((t) => t.expect.passed === false)) problems.push('no test expects passed: false');
      return problems.length > 0 ? [`${c.id}: ${problems.join('; ')}`] : [];
    });
    expect(lacking).toEqual([]);
  });

  it('generates the patient of every assessment-ready case', () => {
    const fixed = cases.filter((c) => c.assessment && c.people['patient']?.generate === undefined).map((c) => c.id);
    expect(fixed).toEqual([]);
  });

  describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, scenario) => {
    it.each(scenario.tests.map((t) => [t.name, t] as const))('self-test: %s', async (_name, test) => {
      const clinic = lib.clinics.get(scenario.clinic);
      const outcome = await runCaseTest(scenario, test, { workflows, ...(clinic && { clinic }) });
      expect(outcome.ok ? 'ok' : outcome.message).toBe('ok');
    });
  });

  // replay() sends runs of task actions to the run machine as one event; sending the same log one
  // entry at a time (as the desk does) must give the same state, score and first rejected index.
  it('replays every self-test log the same in one go as one action at a time', async () => {
    const differences: string[] = [];
    for (const scenario of cases) {
      const clinic = lib.clinics.get(scenario.clinic);
      for (const test of scenario.tests) {
        const log = fromFileLog(test.log);
        if (!log.ok) continue;
        const prepared = await prepareCase(scenario, test.seed ?? 0, clinic ? { clinic } : {});
        const opts = { workflows, ...(test.mode && { mode: test.mode }) };
        const batched = replay(prepared, log.entries, opts);
        const single = createRun(prepared, opts);
        let rejectedAt = -1;
        for (let i = 0; i < log.entries.length && rejectedAt < 0; i++) if (!single.send(log.entries[i]!).ok) rejectedAt = i;
        const a = batched.ok ? { at: -1, result: batched.result, view: { ...batched.snapshot, task: batched.snapshot.task?.snapshot ? 'task' : null } } : { at: batched.index };
        const snap = single.snapshot();
        const b = rejectedAt >= 0 ? { at: rejectedAt } : { at: -1, result: single.result(), view: { ...snap, task: snap.task?.snapshot ? 'task' : null } };
        if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(`${scenario.id} / ${test.name}`);
        if (batched.ok) batched.run.stop();
        single.stop();
      }
    }
    expect(differences).toEqual([]);
  });

  // The desk plays a case's self-test logs on scratch runs while idle (engine/run/warm-up.ts), over the
  // same prepared case as the trainee's run: that must change nothing the trainee's run then does.
  it('plays every self-test log the same after the desk has warmed up on that case', async () => {
    const differences: string[] = [];
    for (const scenario of cases) {
      const clinic = lib.clinics.get(scenario.clinic);
      const seed = scenario.tests[0]?.seed ?? 0;
      const prepared = await prepareCase(scenario, seed, clinic ? { clinic } : {});
      const play = () =>
        scenario.tests.map((test) => {
          const log = fromFileLog(test.log);
          if (!log.ok) return null;
          const r = replay(prepared, log.entries, { workflows, seed, ...(test.mode && { mode: test.mode }) });
          if (!r.ok) return { at: r.index };
          r.run.stop();
          return { result: r.result, log: r.run.log() };
        });
      const before = JSON.stringify(play());
      for (const test of scenario.tests.slice(0, 3)) {
        const steps = warmUpSteps(prepared, test, { workflows });
        while (!steps.next().done);
      }
      if (JSON.stringify(play()) !== before) differences.push(scenario.id);
    }
    expect(differences).toEqual([]);
  });

  describe.each(shifts.map((s) => [s.id, s] as const))('shift %s', (_id, shift) => {
    it.each(shift.tests.map((t) => [t.name, t] as const))('self-test: %s', async (_name, test) => {
      const outcome = await runShiftTest(shift, test, lib, { workflows });
      expect(outcome.ok ? 'ok' : outcome.message).toBe('ok');
    });
  });
});
