/**
 * One tab owns an attempt (or a shift) at a time; another tab showing it is read-only until the
 * trainee takes it over there. Ownership is a Web Lock (released by the browser when the owning tab
 * closes or crashes); the hand-over goes through a BroadcastChannel: the taking tab asks, the owner
 * saves what it still holds, sends its newest copy and lets go. An owner that does not answer
 * (frozen, or closed since) has its lock stolen after HAND_OVER_WAIT_MS, and the taker reads the
 * newest stored copy instead. Without Web Locks (old browsers, jsdom) every tab owns what it shows,
 * as before.
 */

/** Where this tab stands: still asking, owning, or showing what another tab owns. */
export type TabOwnership = 'checking' | 'owner' | 'elsewhere';

/** The part of the Web Locks API used here. */
export type Locks = Pick<LockManager, 'request'>;

/** The part of a BroadcastChannel used here. */
export interface Channel {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** The browser's locks and channels; tests hand in their own. */
export interface OwnershipEnv {
  locks: Locks | undefined;
  channel: (name: string) => Channel | undefined;
}

/** What a claim asks of its page. */
export interface OwnershipHandlers {
  /** Saves whatever is still waiting and returns the newest copy, for the tab taking over. */
  handOver(): unknown;
  /** Takes the copy the owner handed over (undefined: read the newest stored copy) before this tab owns it. */
  received(copy: unknown): Promise<void> | void;
}

/** A tab's claim on one attempt. */
export interface OwnershipClaim {
  state(): TabOwnership;
  /** Calls `listener` whenever the state changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Asks the owning tab to hand over, and owns the attempt here once it did (or did not answer in time). */
  takeOver(): Promise<void>;
  /** Lets go (the page is leaving). */
  release(): void;
}

/** How long a taking tab waits for the owner's copy before stealing the lock. */
export const HAND_OVER_WAIT_MS = 1500;

const browserEnv = (): OwnershipEnv => ({
  locks: typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined,
  channel: (name) => (typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined),
});

type Message = { type: 'take'; from: string } | { type: 'handed'; to: string; copy: unknown };

/**
 * Claims of this tab being let go, by lock name: a new claim of the same attempt in this tab (the
 * desk shown again, or mounted twice by React's StrictMode) waits until the browser has released the
 * old one's lock, or it would find its own tab holding it and think another tab does.
 */
const lettingGo = new Map<string, Promise<unknown>>();

/** Claims `resource` (such as "attempt:<id>") for this tab. */
export function claimTab(resource: string, handlers: OwnershipHandlers, env: OwnershipEnv = browserEnv()): OwnershipClaim {
  const name = `mesa-clinica:${resource}`;
  const me = crypto.randomUUID();
  const listeners = new Set<() => void>();
  let state: TabOwnership = env.locks ? 'checking' : 'owner';
  let letGo: (() => void) | null = null;
  let released = false;
  let waitingForCopy: ((copy: unknown) => void) | null = null;
  const set = (next: TabOwnership) => {
    if (state === next) return;
    state = next;
    listeners.forEach((l) => l());
  };
  /** Holds the lock until letGo; the browser rejects the request if another tab steals it. */
  const hold = () =>
    new Promise<void>((resolve) => {
      letGo = () => {
        letGo = null;
        resolve();
      };
    });
  const lost = () => {
    letGo = null;
    if (!released) set('elsewhere');
  };
  const channel = env.locks ? env.channel(name) : undefined;
  if (channel) {
    channel.onmessage = (event: MessageEvent) => {
      const message = event.data as Message;
      if (message?.type === 'take' && state === 'owner' && letGo) {
        const copy = handlers.handOver();
        channel.postMessage({ type: 'handed', to: message.from, copy } satisfies Message);
        set('elsewhere');
        letGo();
      } else if (message?.type === 'handed' && message.to === me) waitingForCopy?.(message.copy);
    };
  }
  const requests: Array<Promise<unknown>> = [];
  const request = (options: LockOptions, callback: (lock: Lock | null) => unknown) => {
    const made = env.locks?.request(name, options, callback).catch(lost);
    if (made) requests.push(made);
  };
  void (lettingGo.get(name) ?? Promise.resolve()).then(() => {
    if (released) return;
    request({ ifAvailable: true }, (lock) => {
      if (!lock || released) {
        if (!released) set('elsewhere');
        return;
      }
      set('owner');
      return hold();
    });
  });

  const own = async (steal: boolean, copy: unknown) => {
    let owned = false;
    await new Promise<void>((granted) => {
      request(steal ? { steal: true } : { ifAvailable: true }, async (lock) => {
        if (!lock || released) return granted();
        owned = true;
        await handlers.received(copy);
        set('owner');
        granted();
        return hold();
      });
    });
    return owned;
  };

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async takeOver() {
      if (!env.locks || state === 'owner' || released) return;
      set('checking');
      // Nobody holds it (the owning tab was closed): take it at once, from storage.
      if (await own(false, undefined)) return;
      const copy = await new Promise<unknown>((resolve) => {
        const timer = setTimeout(() => resolve(undefined), HAND_OVER_WAIT_MS);
        waitingForCopy = (c) => {
          clearTimeout(timer);
          resolve(c);
        };
        channel?.postMessage({ type: 'take', from: me } satisfies Message);
      });
      waitingForCopy = null;
      // Stealing is harmless once the owner let go, and needed when it never answered.
      await own(true, copy);
    },
    release() {
      released = true;
      letGo?.();
      channel?.close();
      listeners.clear();
      const done = Promise.allSettled(requests);
      lettingGo.set(name, done);
      void done.then(() => {
        if (lettingGo.get(name) === done) lettingGo.delete(name);
      });
    },
  };
}
