import { runWhenIdle } from './idle-tasks';

/** A task of `n` slices that records each one as `label:i`. */
function* slices(label: string, n: number, log: string[]) {
  try {
    for (let i = 0; i < n; i++) {
      log.push(`${label}:${i}`);
      yield;
    }
  } finally {
    log.push(`${label}:end`);
  }
}

describe('runWhenIdle', () => {
  const callbacks: Array<(deadline: IdleDeadline) => void> = [];
  /** Runs the latest idle callback with `ms` of idle time, each slice taking 1 ms. */
  const idle = (ms: number) => {
    let left = ms;
    const cb = callbacks.at(-1);
    callbacks.length = 0;
    cb?.({ didTimeout: false, timeRemaining: () => (left -= 1) });
  };
  beforeEach(() => {
    callbacks.length = 0;
    vi.stubGlobal('requestIdleCallback', (fn: (deadline: IdleDeadline) => void) => callbacks.push(fn));
    vi.stubGlobal('cancelIdleCallback', () => {
      callbacks.length = 0;
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('does slices while the idle period lasts, then waits for the next one, task after task', () => {
    const log: string[] = [];
    runWhenIdle([() => slices('a', 3, log), () => slices('b', 2, log)]);
    expect(log).toEqual([]);
    idle(4);
    expect(log).toEqual(['a:0', 'a:1']);
    idle(50);
    expect(log).toEqual(['a:0', 'a:1', 'a:2', 'a:end', 'b:0', 'b:1', 'b:end']);
    expect(callbacks).toHaveLength(0);
  });

  it('stops the task under way and runs nothing more once cancelled', () => {
    const log: string[] = [];
    const cancel = runWhenIdle([() => slices('a', 5, log), () => slices('b', 2, log)]);
    idle(3);
    cancel();
    idle(50);
    expect(log).toEqual(['a:0', 'a:end']);
  });

  it('does nothing where the browser has no idle callbacks', () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    const task = vi.fn();
    runWhenIdle([task])();
    expect(task).not.toHaveBeenCalled();
  });
});
