import { createRun } from './run';
import { bestLog, fakeCase, fakeWorkflows } from '../testing/run-fixtures';
import { warmUpSteps } from './warm-up';

const opts = { workflows: fakeWorkflows };

/** Plays a whole log through warmUpSteps; returns the actions accepted. */
function warmUpWith(...args: Parameters<typeof warmUpSteps>): number {
  const steps = warmUpSteps(...args);
  let next = steps.next();
  while (!next.done) next = steps.next();
  return next.value;
}

describe('warmUpWith', () => {
  it('plays a whole self-test log, one action at a time', () => {
    expect(warmUpWith(fakeCase(), { log: [...bestLog], mode: 'practice' }, opts)).toBe(bestLog.length);
  });

  it('stops quietly at an action the case refuses or cannot read', () => {
    expect(warmUpWith(fakeCase(), { log: [{ type: 'choose', choice: 'formal' }, { type: 'choose', choice: 'no-such-choice' }, { type: 'form.save' }], mode: 'practice' }, opts)).toBe(1);
    expect(warmUpWith(fakeCase(), { log: [{ nonsense: true }], mode: 'assessment' }, opts)).toBe(0);
  });

  it('leaves a live run of the same case object exactly as it was', () => {
    const source = fakeCase();
    const live = createRun(source, opts);
    expect(live.send({ type: 'choose', choice: 'rushed' }).ok).toBe(true);
    const before = { view: live.snapshot(), log: live.log(), result: live.result() };
    warmUpWith(source, { log: [...bestLog], mode: 'practice' }, opts);
    expect({ view: live.snapshot(), log: live.log(), result: live.result() }).toEqual(before);
    expect(live.send({ type: 'form.consent' }).ok).toBe(true);
    live.stop();
  });
});

describe('warmUpSteps', () => {
  it('pauses before each action and can be stopped between two', () => {
    const steps = warmUpSteps(fakeCase(), { log: [...bestLog], mode: 'practice' }, opts);
    expect(steps.next().done).toBe(false);
    expect(steps.next().done).toBe(false);
    expect(steps.return(0).done).toBe(true);
    expect(steps.next().done).toBe(true);
  });

  it('returns the actions accepted when played to the end', () => {
    const steps = warmUpSteps(fakeCase(), { log: [...bestLog], mode: 'practice' }, opts);
    let next = steps.next();
    let pauses = 0;
    while (!next.done) {
      pauses++;
      next = steps.next();
    }
    expect(next.value).toBe(bestLog.length);
    expect(pauses).toBe(bestLog.length);
  });
});
