import { createRun } from './run';
import { fakeCase, fakeWorkflows } from '../testing/run-fixtures';

describe('who is at the desk', () => {
  it('names the person speaking, and keeps the same list while the same people are there', () => {
    const run = createRun(fakeCase(), { workflows: fakeWorkflows });
    const first = run.snapshot().present;
    expect(first).toEqual(['patient']);
    expect(run.send({ type: 'choose', choice: 'formal' })).toEqual({ ok: true });
    expect(run.send({ type: 'form.fill', field: 'name', value: 'Ana' })).toEqual({ ok: true });
    expect(run.snapshot().present).toBe(first);
  });
});
