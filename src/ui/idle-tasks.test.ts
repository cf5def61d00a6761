import { runWhenIdle } from './idle-tasks';

describe('runWhenIdle', () => {
  const callbacks: Array<() => void> = [];
  beforeEach(() => {
    callbacks.length = 0;
    vi.stubGlobal('requestIdleCallback', (fn: () => void) => callbacks.push(fn));
    vi.stubGlobal('cancelIdleCallback', (handle: number) => {
      callbacks[handle - 1] = () => undefined;
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('runs one task per idle period, in order', () => {
    const ran: number[] = [];
    runWhenIdle([() => ran.push(1), () => ran.push(2)]);
    expect(ran).toEqual([]);
    callbacks[0]?.();
    expect(ran).toEqual([1]);
    callbacks[1]?.();
    expect(ran).toEqual([1, 2]);
    expect(callbacks).toHaveLength(2);
  });

  it('runs nothing more once cancelled', () => {
    const ran: number[] = [];
    const cancel = runWhenIdle([() => ran.push(1), () => ran.push(2)]);
    callbacks[0]?.();
    cancel();
    callbacks[1]?.();
    expect(ran).toEqual([1]);
  });

  it('does nothing where the browser has no idle callbacks', () => {
    vi.unstubAllGlobals();
    vi.stubGlobal('requestIdleCallback', undefined);
    const task = vi.fn();
    runWhenIdle([task])();
    expect(task).not.toHaveBeenCalled();
  });
});
