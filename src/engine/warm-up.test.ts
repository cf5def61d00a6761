import { createRun } from './run';
import { bestLog, fakeCase, fakeWorkflows } from './run-fixtures';
import { warmUpWith } from './warm-up';

const opts = { workflows: fakeWorkflows };

describe('warmUpWith', () => {
  it('plays a whole self-test log, one action at a time', () => {
    expect(warmUpWith(fakeCase(), { log: [...bestLog], mode: 'practice' }, opts)).toBe(bestLog.length);
  });

  it('stops quietly at an action the case refuses or cannot read', () => {
    expect(warmUpWith(fakeCase(), { log: [{ type: 'choose', choice: 'formal' }, { type: 'choose', choice: 'no-such-choice' }, { type: 'form.save' }], mode: 'practice' }, opts)).toBe(1);
    expect(warmUpWith(fakeCase(), { log: [{ nonsense: true }], mode: 'assessment' }, opts)).toBe(0);
  });

  it('leaves a live run exactly as it was', () => {
    const live = createRun(fakeCase(), opts);
    expect(live.send({ type: 'choose', choice: 'rushed' }).ok).toBe(true);
    const before = { view: live.snapshot(), log: live.log(), result: live.result() };
    warmUpWith(fakeCase(), { log: [...bestLog], mode: 'practice' }, opts);
    expect({ view: live.snapshot(), log: live.log(), result: live.result() }).toEqual(before);
    expect(live.send({ type: 'form.consent' }).ok).toBe(true);
    live.stop();
  });
});
