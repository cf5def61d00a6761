// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { useRecordSaves } from './write-after-paint';

interface Rec {
  id: string;
  actions: number;
  pace?: string;
  at?: string;
}

const setup = () => {
  const saved: Rec[] = [];
  const hook = renderHook(({ latest }) => useRecordSaves<Rec>(latest, (r) => saved.push(r)), { initialProps: { latest: { id: 'a1', actions: 0 } as Rec } });
  return { saved, hook };
};

describe('useRecordSaves', () => {
  it('saves once after the frame for quick successive actions, building on the record then', async () => {
    const { saved, hook } = setup();
    act(() => {
      hook.result.current.saveAfterPaint('run', (base, at) => ({ ...base, actions: 1, at }));
      hook.result.current.saveAfterPaint('run', (base, at) => ({ ...base, actions: 2, at }));
    });
    expect(saved).toEqual([]);
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({ id: 'a1', actions: 2 });
    expect(hook.result.current.current()).toBe(saved[0]);
  });

  it('saves a record at once on top of a save still waiting for the frame', () => {
    const { saved, hook } = setup();
    act(() => {
      hook.result.current.saveAfterPaint('run', (base) => ({ ...base, actions: 1 }));
      hook.result.current.saveNow((base) => ({ ...base, pace: 'x10' }));
    });
    expect(saved).toEqual([
      { id: 'a1', actions: 1 },
      { id: 'a1', actions: 1, pace: 'x10' },
    ]);
  });

  it('writes a save still waiting when the desk goes away', () => {
    const { saved, hook } = setup();
    act(() => hook.result.current.saveAfterPaint('run', (base) => ({ ...base, actions: 1 })));
    hook.unmount();
    expect(saved).toEqual([{ id: 'a1', actions: 1 }]);
  });
});
