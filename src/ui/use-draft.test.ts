// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { useDraft } from './use-draft';

describe('useDraft', () => {
  it('keeps the trainee’s pick while the run still holds the old value, and follows the run when it changes', () => {
    const hook = renderHook(({ committed }) => useDraft(committed), { initialProps: { committed: 'general' } });
    act(() => hook.result.current[1]('cardiology'));
    expect(hook.result.current[0]).toBe('cardiology');

    // The desk redraws before the run's new value arrives: the pick stays.
    hook.rerender({ committed: 'general' });
    expect(hook.result.current[0]).toBe('cardiology');

    // The run's value changes (here to something else): the control shows it.
    hook.rerender({ committed: 'pediatrics' });
    expect(hook.result.current[0]).toBe('pediatrics');
  });
});
