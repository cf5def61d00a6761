// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { useQuietState } from './use-quiet-state';

describe('useQuietState', () => {
  it('does not render again when set to the value it holds, even right after a change', () => {
    let renders = 0;
    const { result } = renderHook(() => {
      renders++;
      return useQuietState<string | null>(null);
    });
    expect(renders).toBe(1);
    act(() => result.current[1]('refused'));
    expect(result.current[0]).toBe('refused');
    expect(renders).toBe(2);
    // React's own setState renders the component once more here to find the value unchanged.
    act(() => result.current[1]('refused'));
    act(() => result.current[1]('refused'));
    expect(renders).toBe(2);
    act(() => result.current[1](null));
    expect(result.current[0]).toBeNull();
    expect(renders).toBe(3);
  });
});
