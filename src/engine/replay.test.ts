import fc from 'fast-check';
import { createRun, type Run, type RunView } from './run';
import type { LogEntry } from './log';
import { replay, replayPersisted } from './replay';
import { bestLog, fakeCase, fakeWorkflows, formEventExamples } from './run-fixtures';
import { CATEGORIES } from './scenario.schema';
import { scoreRange } from './lint';
import { scoreRun } from './score';

const opts = { workflows: fakeWorkflows };

/** A view without the live workflow snapshot object (its value and context are kept). */
function plainView(view: RunView) {
  const snap = view.task?.snapshot as { value: unknown; context: unknown } | undefined;
  return { ...view, task: view.task && { ...view.task, snapshot: { value: snap?.value, context: snap?.context } } };
}

/** Legal actions available in a snapshot. */
function available(view: RunView): LogEntry[] {
  const out: LogEntry[] = view.choices.map((c) => ({ type: 'choose', choice: c.id }));
  if (view.task) {
    for (const type of view.task.events) {
      for (const params of formEventExamples[type] ?? [{}]) out.push({ ...params, type } as LogEntry);
    }
  }
  if (view.hint.available) out.push({ type: 'hint' });
  out.push({ type: 'wait', seconds: 30 });
  return out;
}

/** After the random prefix: a policy that always makes progress (first choice; consent, name, save). */
function finisher(view: RunView, step: number): LogEntry {
  if (view.choices[0]) return { type: 'choose', choice: view.choices[0].id };
  const cycle: LogEntry[] = [{ type: 'form.consent' }, { type: 'form.fill', field: 'name', value: 'Gloria' }, { type: 'form.save' }];
  return cycle[step % 3] as LogEntry;
}

/** Plays random available actions from the picks, then the finisher, up to a bound. */
function randomPlay(run: Run, picks: number[], bound = 200): { steps: number } {
  let steps = 0;
  for (const pick of picks) {
    const view = run.snapshot();
    if (view.status === 'finished') return { steps };
    const options = available(view);
    expect(run.send(options[pick % options.length] as LogEntry).ok).toBe(true);
    steps++;
  }
  for (let i = 0; i < bound && run.snapshot().status !== 'finished'; i++) {
    expect(run.send(finisher(run.snapshot(), i)).ok).toBe(true);
    steps++;
  }
  return { steps };
}

describe('replay', () => {
  it('rebuilds the same snapshot and result as the live run', () => {
    const live = createRun(fakeCase(), opts);
    bestLog.slice(0, 2).forEach((e) => live.send({ ...e }));
    const again = replay(fakeCase(), live.log(), opts);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(plainView(again.snapshot)).toEqual(plainView(live.snapshot()));
    expect(again.result).toEqual(live.result());
  });

  it('accepts the file form authors write in tests', () => {
    const r = replay(fakeCase(), [{ choose: 'formal' }, { 'form.consent': {} }, { 'form.fill': { field: 'name', value: 'Gloria' } }, { 'form.save': {} }], opts);
    expect(r.ok && r.result.percent).toBe(100);
  });

  it('rejects a log that does not fit at the first bad action', () => {
    const r = replay(fakeCase(), [{ choose: 'formal' }, { 'form.consent': {} }, { choose: 'formal' }, { 'form.save': {} }], opts);
    expect(r).toMatchObject({ ok: false, index: 2 });
    if (!r.ok) expect(r.reason.en).toMatch(/no choices/);
  });

  it('rejects a malformed entry at its index', () => {
    expect(replay(fakeCase(), [{ choose: 'formal' }, { wait: 'later' }], opts)).toMatchObject({ ok: false, index: 1 });
  });

  it('takes the seed as its third argument', () => {
    const r = replay(fakeCase(), [], { ...opts, seed: 99 });
    expect(r.ok && r.result.seed).toBe(99);
  });

  it('leaves the rebuilt run live so it can be resumed', () => {
    const r = replay(fakeCase(), bestLog.slice(0, 3), opts);
    if (!r.ok) throw new Error('replay failed');
    expect(r.run.send({ type: 'form.save' })).toEqual({ ok: true });
    expect(r.run.result().percent).toBe(100);
  });

  describe('of a persisted log', () => {
    it('uses its seed and mode', () => {
      const live = createRun(fakeCase(), { ...opts, seed: 5, mode: 'assessment' });
      bestLog.forEach((e) => live.send({ ...e }));
      const r = replayPersisted(fakeCase(), JSON.parse(JSON.stringify(live.persisted())), opts);
      expect(r.ok && [r.result.seed, r.result.mode, r.result.percent]).toEqual([5, 'assessment', 100]);
    });

    it('refuses a log of another case or a broken file', () => {
      const persisted = { version: 1, scenarioId: 'otro-caso', seed: 0, mode: 'practice', entries: [] };
      expect(replayPersisted(fakeCase(), persisted, opts)).toMatchObject({ ok: false, index: -1 });
      expect(replayPersisted(fakeCase(), { version: 9 }, opts)).toMatchObject({ ok: false, index: -1 });
    });
  });
});

describe('properties', () => {
  const picks = fc.array(fc.nat({ max: 1000 }), { maxLength: 40 });
  const mode = fc.constantFrom('practice' as const, 'assessment' as const);

  it('a random legal play always ends within the bound', () => {
    fc.assert(
      fc.property(picks, mode, (p, m) => {
        const run = createRun(fakeCase(), { ...opts, mode: m });
        const { steps } = randomPlay(run, p);
        expect(run.snapshot().status).toBe('finished');
        expect(steps).toBeLessThanOrEqual(p.length + 200);
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it('replay is deterministic: the same log gives a deep-equal result and snapshot', () => {
    fc.assert(
      fc.property(picks, mode, (p, m) => {
        const run = createRun(fakeCase(), { ...opts, mode: m });
        randomPlay(run, p, p.length % 2 === 0 ? 200 : 0);
        const a = replay(fakeCase(), run.log(), { ...opts, mode: m });
        const b = replay(fakeCase(), run.log(), { ...opts, mode: m });
        if (!a.ok || !b.ok) throw new Error('a legal log was rejected');
        expect(a.result).toEqual(b.result);
        expect(a.result).toEqual(run.result());
        expect(plainView(a.snapshot)).toEqual(plainView(b.snapshot));
        expect(scoreRun(fakeCase(), run.log(), { ...opts, mode: m })).toEqual(a.result);
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it('the percent stays within [0, 100] and each category within its static range', () => {
    const bounds = scoreRange(fakeCase());
    fc.assert(
      fc.property(picks, mode, (p, m) => {
        const run = createRun(fakeCase(), { ...opts, mode: m });
        randomPlay(run, p);
        const r = run.result();
        expect(r.percent).toBeGreaterThanOrEqual(0);
        expect(r.percent).toBeLessThanOrEqual(100);
        for (const cat of CATEGORIES) {
          expect(r.categories[cat].earned).toBeGreaterThanOrEqual(bounds[cat].min);
          expect(r.categories[cat].earned).toBeLessThanOrEqual(bounds[cat].max);
          expect(r.categories[cat].earned).toBeLessThanOrEqual(r.categories[cat].bestOnPath);
        }
      }),
      { numRuns: 150 },
    );
  }, 30_000);
});
