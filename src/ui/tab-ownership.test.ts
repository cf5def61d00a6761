import { claimTab, HAND_OVER_WAIT_MS, type Channel, type Locks, type OwnershipEnv } from './tab-ownership';

/** Web Locks and BroadcastChannel as one browser's tabs share them, enough for ifAvailable and steal. */
function fakeBrowser() {
  const held = new Map<string, (error: unknown) => void>();
  const locks: Locks = {
    request: ((name: string, options: LockOptions, callback: (lock: Lock | null) => unknown) =>
      new Promise<unknown>((resolve, reject) => {
        const grant = () => {
          held.set(name, reject);
          void Promise.resolve(callback({ name, mode: 'exclusive' })).then(() => {
            if (held.get(name) === reject) held.delete(name);
            resolve(undefined);
          });
        };
        if (options.steal) {
          held.get(name)?.(new DOMException('stolen', 'AbortError'));
          held.delete(name);
          grant();
        } else if (held.has(name)) void Promise.resolve(callback(null)).then(() => resolve(undefined));
        else grant();
      })) as Locks['request'],
  };
  const open = new Set<Channel & { name: string }>();
  const env = (answers = true): OwnershipEnv => ({
    locks,
    channel: (name) => {
      const channel: Channel & { name: string } = {
        name,
        onmessage: null,
        postMessage(message) {
          for (const other of open) if (other !== channel && other.name === name) setTimeout(() => other.onmessage?.({ data: structuredClone(message) } as MessageEvent));
        },
        close: () => void open.delete(channel),
      };
      // A frozen tab: its channel never hears anything.
      if (answers) open.add(channel);
      return channel;
    },
  });
  return { env };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('tab ownership', () => {
  it('lets the first tab own an attempt; another is read-only until it takes over with the owner\'s newest copy', async () => {
    const browser = fakeBrowser();
    const saved: string[] = [];
    const a = claimTab('attempt:x', { handOver: () => (saved.push('a'), { entries: 2 }), received: () => undefined }, browser.env());
    const received: unknown[] = [];
    const b = claimTab('attempt:x', { handOver: () => ({}), received: (copy) => void received.push(copy) }, browser.env());
    await settle();
    expect([a.state(), b.state()]).toEqual(['owner', 'elsewhere']);
    await b.takeOver();
    expect(saved).toEqual(['a']);
    expect(received).toEqual([{ entries: 2 }]);
    expect([a.state(), b.state()]).toEqual(['elsewhere', 'owner']);
  });

  it('takes over from a tab that does not answer after a while, reading the stored copy', async () => {
    vi.useFakeTimers();
    try {
      const browser = fakeBrowser();
      const a = claimTab('attempt:x', { handOver: () => ({}), received: () => undefined }, browser.env(false));
      const received: unknown[] = [];
      const b = claimTab('attempt:x', { handOver: () => ({}), received: (copy) => void received.push(copy) }, browser.env());
      await vi.advanceTimersByTimeAsync(1);
      const taking = b.takeOver();
      await vi.advanceTimersByTimeAsync(HAND_OVER_WAIT_MS + 10);
      await taking;
      expect(received).toEqual([undefined]);
      expect([a.state(), b.state()]).toEqual(['elsewhere', 'owner']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes over at once when the owning tab was closed', async () => {
    const browser = fakeBrowser();
    const a = claimTab('attempt:x', { handOver: () => ({}), received: () => undefined }, browser.env());
    const received: unknown[] = [];
    const b = claimTab('attempt:x', { handOver: () => ({}), received: (copy) => void received.push(copy) }, browser.env());
    await settle();
    a.release();
    await settle();
    const started = Date.now();
    await b.takeOver();
    expect(Date.now() - started).toBeLessThan(HAND_OVER_WAIT_MS);
    expect(received).toEqual([undefined]);
    expect(b.state()).toBe('owner');
  });

  it('owns everything it shows where the browser has no Web Locks', () => {
    expect(claimTab('attempt:x', { handOver: () => ({}), received: () => undefined }, { locks: undefined, channel: () => undefined }).state()).toBe('owner');
  });
});

describe('tab ownership within one tab', () => {
  it('is not mistaken for another tab when the same desk claims again right after letting go (StrictMode, a desk shown again)', async () => {
    const browser = fakeBrowser();
    const slowLocks: Locks = {
      // The browser releases a lock a little after its holder lets go.
      request: ((name: string, options: LockOptions, callback: (lock: Lock | null) => unknown) =>
        browser.env().locks!.request(name, options, async (lock) => {
          await callback(lock);
          await new Promise((resolve) => setTimeout(resolve, 10));
        })) as Locks['request'],
    };
    const env = { ...browser.env(), locks: slowLocks };
    const first = claimTab('attempt:y', { handOver: () => ({}), received: () => undefined }, env);
    await settle();
    expect(first.state()).toBe('owner');
    first.release();
    const again = claimTab('attempt:y', { handOver: () => ({}), received: () => undefined }, env);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(again.state()).toBe('owner');
  });
});
