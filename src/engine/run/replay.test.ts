import fc from 'fast-check';
import { createRun, type Run, type RunView } from './run';
import type { LogEntry } from '../format/log';
import { replay, replayPersisted } from './replay';
import { bestLog, fakeCase, fakeWorkflows, formEventExamples } from '../testing/run-fixtures';
import { CATEGORIES } from '../format/scenario.schema';
import { scoreRange } from '../analysis/lint';
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

describe('replay in batches', () => {
  // A case with several dialogue steps in a row, a loop back, hints, a task in the middle and two
  // ends: replay plays runs of choices, hints and waits as one step of the run machine, and runs of
  // task actions as another; one entry at a time must give the same run.
  const tx = (s: string) => ({ 'es-MX': s, en: s });
  const talkCase = () =>
    fakeCase({
      start: 'a',
      steps: {
        a: {
          say: { who: 'patient', ...tx('A') },
          hint: tx('Pista A'),
          choose: [
            { id: 'a-b', text: tx('a-b'), score: { communication: 2 }, feedback: tx('ok'), next: 'b' },
            { id: 'a-a', text: tx('a-a'), score: { communication: -1 }, next: 'a' },
            { id: 'a-fin', text: tx('a-fin'), critical: true, next: 'fin' },
          ],
        },
        b: {
          say: [
            { who: 'patient', ...tx('B1') },
            { who: 'patient', ...tx('B2') },
          ],
          choose: [
            { id: 'b-form', text: tx('b-form'), score: { communication: 1 }, next: 'pasillo' },
            { id: 'b-a', text: tx('b-a'), next: 'a' },
          ],
        },
        pasillo: { say: tx('pasillo'), next: 'registro' },
        registro: {
          task: 'registration',
          checks: [{ observe: 'form.nameMatches', points: { accuracy: 5 }, feedback: tx('nombre') }],
          next: [{ when: 'form.nameMatches', is: true, next: 'c' }, { next: 'fin' }],
        },
        c: { hint: tx('Pista C'), choose: [{ id: 'c-fin', text: tx('c-fin'), score: { communication: 1 }, next: 'fin' }, { id: 'c-a', text: tx('c-a'), next: 'a' }] },
        fin: { end: tx('Fin'), outcome: 'success' },
      },
    });

  const pool: LogEntry[] = [
    { type: 'choose', choice: 'a-b' },
    { type: 'choose', choice: 'a-a' },
    { type: 'choose', choice: 'a-fin' },
    { type: 'choose', choice: 'b-form' },
    { type: 'choose', choice: 'b-a' },
    { type: 'choose', choice: 'c-fin' },
    { type: 'choose', choice: 'c-a' },
    { type: 'choose', choice: 'nope' },
    { type: 'hint' },
    { type: 'wait', seconds: 45 },
    { type: 'wait', seconds: 10, at: 400 },
    { type: 'choose', choice: 'a-b', at: 30 },
    { type: 'form.consent' },
    { type: 'form.fill', field: 'name', value: 'Gloria' },
    { type: 'form.fill', field: 'name', value: 'Glora' },
    { type: 'form.save' },
    { type: 'form.fill', field: 'name', value: 7 } as unknown as LogEntry,
  ];

  /** The run's context without live actors (the task's ref becomes its workflow snapshot's context). */
  const plainContext = (run: Run) => {
    const ctx = run.context();
    const ref = ctx.task?.ref;
    return { ...ctx, task: ctx.task && { ...ctx.task, ref: (ref?.getSnapshot() as { context: unknown }).context } };
  };

  it('gives the same run, score, index and reason as sending one entry at a time', () => {
    const mode = fc.constantFrom('practice' as const, 'assessment' as const);
    fc.assert(
      fc.property(fc.array(fc.nat({ max: pool.length - 1 }), { maxLength: 40 }), mode, (picks, m) => {
        const log = picks.map((p) => ({ ...(pool[p] as LogEntry) }));
        const single = createRun(talkCase(), { ...opts, mode: m });
        let rejected: { index: number; reason: unknown } | null = null;
        for (let i = 0; i < log.length && !rejected; i++) {
          const sent = single.send({ ...(log[i] as LogEntry) });
          if (!sent.ok) rejected = { index: i, reason: sent.reason };
        }
        const batched = replay(talkCase(), log, { ...opts, mode: m });
        if (!batched.ok) {
          expect({ index: batched.index, reason: batched.reason }).toEqual(rejected);
          return;
        }
        expect(rejected).toBeNull();
        expect(plainContext(batched.run)).toEqual(plainContext(single));
        expect(batched.result).toEqual(single.result());
        expect(plainView(batched.snapshot)).toEqual(plainView(single.snapshot()));
        expect(batched.run.log()).toEqual(single.log());
        batched.run.stop();
        single.stop();
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('plays a long dialogue to the end in one go', () => {
    const log: LogEntry[] = [
      { type: 'hint' },
      { type: 'choose', choice: 'a-a' },
      { type: 'choose', choice: 'a-b' },
      { type: 'choose', choice: 'b-a' },
      { type: 'wait', seconds: 60 },
      { type: 'choose', choice: 'a-fin' },
    ];
    const r = replay(talkCase(), log, opts);
    if (!r.ok) throw new Error('replay failed');
    expect(r.snapshot.status).toBe('finished');
    expect(r.result.items.map((i) => [i.id, i.actionIndex])).toEqual([
      ['a-a', 1],
      ['a-b', 2],
      ['b-a', 3],
      ['a-fin', 5],
    ]);
    expect(r.result.hints).toBe(1);
    expect(r.result.duration).toBe(4 * 20 + 60);
    expect(r.run.context().path).toEqual(['a', 'a', 'b', 'a', 'fin']);
  });
});
