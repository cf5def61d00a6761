import { createActor, createMachine } from 'xstate';
import type { LogEntry } from '../../src/engine/log';
import { replay } from '../../src/engine/replay';
import { fakeCase, fakeWorkflows } from '../../src/engine/run-fixtures';
import { caseSchema, type ScenarioCase } from '../../src/engine/scenario.schema';
import { perSecond, type Bench } from './bench';

const tx = (s: string) => ({ 'es-MX': s, en: s });

/**
 * A representative case: eight questions, a form task of eight actions with two checks, four more
 * questions, an end. Its best log has 20 actions.
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

/** A bare XState machine with as many states as the case has steps, driven by as many events. */
function bareMachine(states: number) {
  const config: Record<string, { on: Record<string, string> } | { type: 'final' }> = {};
  for (let i = 0; i < states; i++) config[`s${i}`] = { on: { next: i + 1 < states ? `s${i + 1}` : `s${i}`, stay: `s${i}` } };
  return createMachine({ id: 'bare', initial: 's0', states: config });
}

export const replayBench: Bench = {
  name: 'replay',
  run: () => {
    const { scenario, log } = benchCase();
    const check = replay(scenario, log, { workflows: fakeWorkflows });
    if (!check.ok || check.result.percent !== 100) throw new Error('the bench log does not replay to 100 %');
    check.run.stop();
    const stepCount = Object.keys(scenario.steps).length;
    const bare = bareMachine(stepCount);
    const events = log.map((_, i) => ({ type: i % 2 === 0 ? 'next' : 'stay' }));
    // Alternate the two so both see the same machine load.
    let engine = 0;
    let plain = 0;
    for (let round = 0; round < 2; round++) {
      plain += perSecond(() => {
        const actor = createActor(bare).start();
        for (const e of events) actor.send(e);
        actor.getSnapshot();
        actor.stop();
      });
      engine += perSecond(() => {
        const r = replay(scenario, log, { workflows: fakeWorkflows });
        if (r.ok) r.run.stop();
      });
    }
    engine /= 2;
    plain /= 2;
    return [
      { label: `engine replays of a ${log.length}-action log (${stepCount} steps, fake workflow)`, value: engine, unit: 'replays/s', goal: '>= 2000' },
      { label: `bare XState actor, ${stepCount} states, ${events.length} events`, value: plain, unit: 'runs/s' },
      { label: 'engine / bare', value: engine / plain, unit: 'ratio', goal: '>= 0.5' },
    ];
  },
};
