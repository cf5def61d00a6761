import { CaseDataError } from './case-data';
import type { LogEntry } from '../format/log';
import { createRun, type Run } from './run';
import { toRunEvent } from './run-types';
import { resolveRunInput } from './run-input';
import { sendEntry, startRunActor } from './run.machine';
import { bestLog, fakeCase, fakeWorkflows } from '../testing/run-fixtures';
import { caseSchema } from '../format/scenario.schema';

const opts = { workflows: fakeWorkflows };
const play = (run: Run, entries: readonly LogEntry[]) => entries.map((e) => run.send({ ...e }));

describe('createRun', () => {
  describe('when the case starts', () => {
    it('shows the start step, its lines and choices, at the case time', () => {
      const view = createRun(fakeCase(), opts).snapshot();
      expect(view.status).toBe('playing');
      expect(view.stepId).toBe('saludo');
      expect(view.kind).toBe('choose');
      expect(view.lines.map((l) => l.en)).toEqual(['Good morning.']);
      expect(view.choices.map((c) => c.id)).toEqual(['formal', 'rushed', 'rude']);
      expect(view.clock).toEqual({ seconds: 9 * 3600, text: '09:00', elapsed: 0 });
      expect(view.task).toBeNull();
    });

    it('starts at the case time written in the scenario', () => {
      expect(createRun(fakeCase({ time: '13:45' }), opts).snapshot().clock.text).toBe('13:45');
    });
  });

  describe('when the trainee chooses', () => {
    it('passes narrative steps, starts the task and charges 20 simulated seconds', () => {
      const run = createRun(fakeCase(), opts);
      expect(run.send({ type: 'choose', choice: 'formal' })).toEqual({ ok: true });
      const view = run.snapshot();
      expect(view.stepId).toBe('registro');
      expect(view.lines.map((l) => l.en)).toEqual(['The patient sits in front of you.']);
      expect(view.task?.workflowId).toBe('registration');
      expect(view.task?.events).toEqual(['form.fill', 'form.consent', 'form.save']);
      expect((view.task?.snapshot as { value: string }).value).toBe('editing');
      expect(view.clock.elapsed).toBe(20);
      expect(run.log()).toEqual([{ type: 'choose', choice: 'formal' }]);
    });

    it('hands the workflow the case data (the patient the task is for)', () => {
      const run = createRun(fakeCase(), opts);
      run.send({ type: 'choose', choice: 'formal' });
      const snap = run.snapshot().task?.snapshot as { context: { expectedName: string } };
      expect(snap.context.expectedName).toBe('Gloria');
    });
  });

  describe('when an entry does not fit', () => {
    it.each<[string, LogEntry[], LogEntry]>([
      ['an unknown choice', [], { type: 'choose', choice: 'nope' }],
      ['a workflow event outside a task', [], { type: 'form.save' }],
      ['a choice during a task', [{ type: 'choose', choice: 'formal' }], { type: 'choose', choice: 'formal' }],
      ['an event the workflow does not have', [{ type: 'choose', choice: 'formal' }], { type: 'form.delete' }],
      ['bad params', [{ type: 'choose', choice: 'formal' }], { type: 'form.fill', field: 'name' }],
      ['extra params', [{ type: 'choose', choice: 'formal' }], { type: 'form.save', now: true }],
      ['anything after the end', [...bestLog], { type: 'wait', seconds: 10 }],
      ['a malformed entry', [], { type: 'wait', seconds: -5 }],
    ])('rejects %s with a reason and does not append it', (_name, before, entry) => {
      const run = createRun(fakeCase(), opts);
      expect(play(run, before).every((r) => r.ok)).toBe(true);
      const result = run.send(entry);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason['es-MX']).not.toBe('');
        expect(result.reason.en).not.toBe('');
      }
      expect(run.log()).toHaveLength(before.length);
    });
  });

  describe('in a task', () => {
    it('accepts an event the workflow refuses (a save without a name) and stays in the task', () => {
      const run = createRun(fakeCase(), opts);
      play(run, [{ type: 'choose', choice: 'formal' }]);
      expect(run.send({ type: 'form.save' })).toEqual({ ok: true });
      const view = run.snapshot();
      expect(view.stepId).toBe('registro');
      expect((view.task?.snapshot as { context: { errors: string[] } }).context.errors).toEqual(['name-required']);
      expect(view.clock.elapsed).toBe(20 + 10);
    });

    it('evaluates the checks when the workflow is done, and follows the branch', () => {
      const run = createRun(fakeCase(), opts);
      play(run, bestLog);
      const view = run.snapshot();
      expect(view.status).toBe('finished');
      expect(view.end).toEqual({ stepId: 'fin', text: fakeCase().steps.fin?.end, outcome: 'success' });
      const checks = run.result().items.filter((i) => i.kind === 'check');
      expect(checks.map((c) => [c.id, c.passed, c.actionIndex])).toEqual([
        ['form.consentFirst', true, 3],
        ['form.nameMatches', true, 3],
      ]);
      expect(run.context().tasks[0]?.values).toEqual({ 'form.consentFirst': true, 'form.nameMatches': true });
    });

    it('takes the other branch when the observation has the other value', () => {
      const run = createRun(fakeCase(), opts);
      play(run, [
        { type: 'choose', choice: 'formal' },
        { type: 'form.consent' },
        { type: 'form.fill', field: 'name', value: 'Glora' },
        { type: 'form.save' },
      ]);
      expect(run.snapshot().stepId).toBe('corregir');
      expect(run.snapshot().choices.map((c) => c.id)).toEqual(['disculpa']);
      expect(run.send({ type: 'choose', choice: 'disculpa' })).toEqual({ ok: true });
      expect(run.result().end).toBe('fin-error');
    });

    it('stops the finished workflow actor', () => {
      const run = createRun(fakeCase(), opts);
      play(run, bestLog.slice(0, 3));
      const ref = run.context().task?.ref;
      expect(ref?.getSnapshot().status).toBe('active');
      run.send({ type: 'form.save' });
      expect(run.context().task).toBeNull();
      expect((ref as unknown as { _processingStatus: number })._processingStatus).toBe(2);
    });

    it('moves from one task straight into another, each with its own actor', () => {
      const base = fakeCase();
      const scenario = caseSchema.parse({
        ...base,
        start: 'uno',
        steps: {
          uno: { task: 'registration', next: 'dos' },
          dos: { task: 'registration', next: 'fin' },
          fin: { end: { 'es-MX': 'Fin.', en: 'End.' } },
        },
      });
      const run = createRun(scenario, opts);
      expect(run.snapshot().kind).toBe('task');
      const first = run.context().task?.ref;
      play(run, [{ type: 'form.fill', field: 'name', value: 'x' }, { type: 'form.save' }]);
      expect(run.snapshot().stepId).toBe('dos');
      expect(run.context().task?.ref).not.toBe(first);
      expect((run.snapshot().task?.snapshot as { context: { fields: object } }).context.fields).toEqual({});
      play(run, [{ type: 'form.fill', field: 'name', value: 'x' }, { type: 'form.save' }]);
      expect(run.result().end).toBe('fin');
    });
  });

  describe('in practice mode', () => {
    it('gives the choice feedback right after the choice', () => {
      const run = createRun(fakeCase(), opts);
      run.send({ type: 'choose', choice: 'rushed' });
      expect(run.snapshot().feedback.map((f) => [f.id, f.actionIndex])).toEqual([['rushed', 0]]);
    });

    it('gives the checks feedback after the task', () => {
      const run = createRun(fakeCase(), opts);
      play(run, bestLog);
      expect(run.snapshot().feedback.map((f) => f.id)).toEqual(['formal', 'form.consentFirst', 'form.nameMatches']);
    });

    it('shows the hint once, records it and counts it', () => {
      const run = createRun(fakeCase(), opts);
      expect(run.snapshot().hint).toEqual({ available: true, text: null });
      expect(run.send({ type: 'hint' })).toEqual({ ok: true });
      expect(run.snapshot().hint).toEqual({ available: false, text: fakeCase().steps.saludo?.hint });
      expect(run.send({ type: 'hint' }).ok).toBe(false);
      expect(run.log()).toEqual([{ type: 'hint' }]);
      play(run, bestLog);
      expect(run.result().hints).toBe(1);
    });

    it('rejects a hint where the step has none', () => {
      const run = createRun(fakeCase(), opts);
      run.send({ type: 'choose', choice: 'formal' });
      expect(run.send({ type: 'hint' }).ok).toBe(false);
    });

    it('lists a critical choice but lets the mark decide', () => {
      const run = createRun(fakeCase(), opts);
      play(run, [{ type: 'choose', choice: 'rude' }, ...bestLog.slice(1)]);
      const r = run.result();
      expect(r.critical).toEqual(['rude']);
      expect(r.percent).toBe(80);
      expect(r.passed).toBe(true);
    });
  });

  describe('in assessment mode', () => {
    const assess = { ...opts, mode: 'assessment' as const };

    it('gives no feedback until the end, then all of it', () => {
      const run = createRun(fakeCase(), assess);
      play(run, bestLog.slice(0, 3));
      expect(run.snapshot().feedback).toEqual([]);
      run.send({ type: 'form.save' });
      expect(run.snapshot().feedback.map((f) => f.id)).toEqual(['formal', 'form.consentFirst', 'form.nameMatches']);
    });

    it('offers and accepts no hints', () => {
      const run = createRun(fakeCase(), assess);
      expect(run.snapshot().hint.available).toBe(false);
      expect(run.send({ type: 'hint' }).ok).toBe(false);
    });

    it('fails the attempt on a critical choice even with a passing mark', () => {
      const run = createRun(fakeCase(), assess);
      play(run, [{ type: 'choose', choice: 'rude' }, ...bestLog.slice(1)]);
      expect(run.result()).toMatchObject({ percent: 80, passed: false, critical: ['rude'] });
    });

    it('fails the attempt on a failed critical check', () => {
      const run = createRun(fakeCase(), assess);
      play(run, [
        { type: 'choose', choice: 'formal' },
        { type: 'form.fill', field: 'name', value: 'Gloria' },
        { type: 'form.consent' },
        { type: 'form.save' },
      ]);
      const r = run.result();
      expect(r.critical).toEqual(['form.consentFirst']);
      expect(r.percent).toBe(60);
      expect(r.passed).toBe(false);
    });
  });

  describe('the simulated clock', () => {
    it('advances by each action cost and by waits', () => {
      const run = createRun(fakeCase(), opts);
      play(run, [{ type: 'choose', choice: 'formal' }, { type: 'wait', seconds: 120 }, { type: 'form.consent' }]);
      expect(run.snapshot().clock).toMatchObject({ elapsed: 20 + 120 + 30, text: '09:02' });
    });

    it('jumps to the paced time of an action, then adds its cost', () => {
      const run = createRun(fakeCase(), opts);
      play(run, [{ type: 'choose', choice: 'formal', at: 300 }, { type: 'form.consent', at: 10 }]);
      expect(run.snapshot().clock.elapsed).toBe(300 + 20 + 30);
      expect(run.log()[0]).toEqual({ type: 'choose', choice: 'formal', at: 300 });
    });

    it('reports the simulated duration in the result', () => {
      const run = createRun(fakeCase(), opts);
      play(run, bestLog);
      expect(run.result().duration).toBe(20 + 30 + 15 + 10);
    });
  });

  describe('when the scenario cannot go on', () => {
    it('ends unfinished when no branch applies', () => {
      const base = fakeCase();
      const steps = { ...base.steps, registro: { ...base.steps.registro, next: [{ when: 'form.nameMatches', is: true, next: 'fin' }] } };
      const run = createRun(caseSchema.parse({ ...base, steps }), opts);
      play(run, [{ type: 'choose', choice: 'formal' }, { type: 'form.consent' }, { type: 'form.fill', field: 'name', value: 'X' }, { type: 'form.save' }]);
      expect(run.snapshot().status).toBe('finished');
      expect(run.result()).toMatchObject({ finished: false, passed: false, end: null });
    });

    it('ends unfinished on a loop of narrative steps instead of hanging', () => {
      const base = fakeCase();
      const steps = {
        a: { say: { 'es-MX': 'a', en: 'a' }, next: 'b' },
        b: { say: { 'es-MX': 'b', en: 'b' }, next: 'a' },
      };
      const run = createRun(caseSchema.parse({ ...base, start: 'a', steps }), opts);
      expect(run.snapshot().status).toBe('finished');
      expect(run.result().finished).toBe(false);
    });

    it('refuses to start a case whose workflow is not available', () => {
      expect(() => createRun(fakeCase(), { workflows: {} })).toThrow(CaseDataError);
    });

    it('refuses to start a case whose check names an unknown observation', () => {
      const base = fakeCase();
      const steps = { ...base.steps, registro: { ...base.steps.registro, checks: [{ observe: 'form.nope', feedback: { 'es-MX': 'x', en: 'x' } }] } };
      expect(() => createRun(caseSchema.parse({ ...base, steps }), opts)).toThrow(/form\.nope/);
    });

    it('asks for prepareCase when a person is generated', () => {
      const base = fakeCase();
      const people = { patient: { generate: { age: [30, 40] } } };
      expect(() => createRun(caseSchema.parse({ ...base, people }), opts)).toThrow(/prepareCase/);
    });
  });

  describe('when the case starts at a task or an end', () => {
    it('starts the task right away', () => {
      const run = createRun(fakeCase({ start: 'registro' }), opts);
      expect(run.snapshot()).toMatchObject({ status: 'playing', stepId: 'registro', kind: 'task', task: { workflowId: 'registration' } });
      play(run, bestLog.slice(1));
      expect(run.result()).toMatchObject({ finished: true, end: 'fin' });
    });

    it('is over at once at an end step', () => {
      const run = createRun(fakeCase({ start: 'fin' }), opts);
      expect(run.snapshot()).toMatchObject({ status: 'finished', stepId: 'fin', end: { stepId: 'fin', outcome: 'success' } });
      expect(run.send({ type: 'hint' }).ok).toBe(false);
    });
  });

  // XState copies the context on every assign; V8 makes such copies slow dictionaries past 19 keys.
  it('keeps the run context at 16 top-level keys or fewer', () => {
    const run = createRun(fakeCase(), opts);
    play(run, bestLog.slice(0, 2));
    expect(Object.keys(run.context()).length).toBeLessThanOrEqual(16);
  });

  it('writes the persisted form of its log', () => {
    const run = createRun(fakeCase(), { ...opts, seed: 7, mode: 'assessment' });
    play(run, bestLog.slice(0, 2));
    expect(run.persisted()).toEqual({
      version: 1,
      scenarioId: 'caso-prueba',
      seed: 7,
      mode: 'assessment',
      entries: [{ type: 'choose', choice: 'formal' }, { type: 'form.consent' }],
    });
  });
});

describe('sendEntry', () => {
  const start = () => startRunActor(resolveRunInput(fakeCase(), opts));

  it('asks afresh about an entry object changed after it was refused', () => {
    const actor = start();
    const entry = { type: 'choose' as const, choice: 'nope' };
    expect(sendEntry(actor, entry)?.en).toMatch(/That choice is not available at this step/);
    entry.choice = 'formal';
    expect(sendEntry(actor, entry)).toBeNull();
    expect(actor.getSnapshot().context.stepId).toBe('registro');
    expect(sendEntry(actor, { type: 'form.fill', field: 'name', value: 7 })?.en).toMatch(/not valid/);
    actor.stop();
  });

  it('names a refused action in words a trainee reads, never by its id', () => {
    const actor = start();
    sendEntry(actor, { type: 'choose', choice: 'formal' });
    const refusal = sendEntry(actor, { type: 'form.fill', field: 'name', value: 7 });
    expect(refusal).toEqual({ 'es-MX': 'Faltan datos o no son válidos para «Llenar un campo».', en: 'Data missing or not valid for “Fill a field”.' });
    expect(sendEntry(actor, { type: 'choose', choice: 'nope' })?.['es-MX']).not.toContain('nope');
    actor.stop();
  });

  it('leaves the guards to check a run of dialogue entries sent to the actor directly', () => {
    const actor = start();
    actor.send({ type: 'run.talk', entries: [{ type: 'hint' }, { type: 'choose', choice: 'nope' }] });
    expect(actor.getSnapshot().context.actions).toBe(0);
    actor.send({ type: 'run.talk', entries: [{ type: 'hint' }, { type: 'wait', seconds: 60 }, { type: 'choose', choice: 'formal' }] });
    const ctx = actor.getSnapshot().context;
    expect([ctx.actions, ctx.hints, ctx.stepId, ctx.clock - 9 * 3600]).toEqual([3, 1, 'registro', 80]);
    expect(actor.getSnapshot().value).toBe('task');
    expect(ctx.items.map((i) => [i.id, i.actionIndex])).toEqual([['formal', 2]]);
    actor.stop();
  });

  it('leaves the guards to refuse an entry sent to the actor directly', () => {
    const actor = start();
    actor.send(toRunEvent({ type: 'choose', choice: 'nope' }));
    expect(actor.getSnapshot().context.actions).toBe(0);
    actor.send(toRunEvent({ type: 'choose', choice: 'formal' }));
    actor.send(toRunEvent({ type: 'form.fill', field: 'name', value: 7 }));
    expect(actor.getSnapshot().context.actions).toBe(1);
    actor.stop();
  });
});
