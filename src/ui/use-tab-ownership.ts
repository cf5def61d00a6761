/**
 * A desk's claim on its attempt (stores/tab-ownership.ts), as React state: whether this tab may act
 * on the attempt, a revision that changes each time it takes the attempt over (the desk then rebuilds
 * its run from the copy it received), and the take-over action.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { claimTab, type OwnershipClaim, type TabOwnership } from './tab-ownership';

/** What a desk knows of its claim. */
export interface TabClaim {
  state: TabOwnership;
  /** Changes each time this tab takes the attempt over from another one. */
  revision: number;
  /** A take-over is under way (waiting for the owning tab's copy). */
  taking: boolean;
  takeOver: () => void;
}

/**
 * Claims `resource` while the component is mounted (none: undefined). `handOver` saves what is
 * waiting and returns the newest copy; `received` stores the copy another tab handed over.
 */
export function useTabOwnership(resource: string | undefined, handOver: () => unknown, received: (copy: unknown) => Promise<void> | void): TabClaim {
  // Without Web Locks a tab owns what it shows from the first render (stores/tab-ownership.ts).
  const [state, setState] = useState<TabOwnership>(() => (typeof navigator !== 'undefined' && 'locks' in navigator ? 'checking' : 'owner'));
  const [revision, setRevision] = useState(0);
  const [taking, setTaking] = useState(false);
  const claim = useRef<OwnershipClaim | null>(null);
  const handlers = useRef({ handOver, received });
  useEffect(() => {
    handlers.current = { handOver, received };
  });
  useEffect(() => {
    if (resource === undefined) return;
    let taking = false;
    const current = claimTab(resource, {
      handOver: () => handlers.current.handOver(),
      received: async (copy) => {
        taking = true;
        await handlers.current.received(copy);
      },
    });
    claim.current = current;
    setState(current.state());
    const unsubscribe = current.subscribe(() => {
      const next = current.state();
      setState(next);
      if (next === 'owner' && taking) setRevision((r) => r + 1);
      if (next !== 'checking') {
        taking = false;
        setTaking(false);
      }
    });
    return () => {
      unsubscribe();
      current.release();
      claim.current = null;
    };
  }, [resource]);
  const takeOver = useCallback(() => {
    if (!claim.current) return;
    setTaking(true);
    void claim.current.takeOver();
  }, []);
  return { state: resource === undefined ? 'owner' : state, revision, taking, takeOver };
}
