import { createContext, useContext, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { TabClaim } from './use-tab-ownership';

/** The words of a TabGuard, in the page's language. */
export interface TabGuardText {
  /** Says another tab has the attempt (or shift) open and this one is read-only. */
  elsewhere: string;
  takeOver: string;
  taking: string;
}

/**
 * Where OutsideTabGuard draws: undefined outside any TabGuard, null until the guard's slot (above
 * its inert region) is in the document.
 */
const OutsideSlot = createContext<HTMLElement | null | undefined>(undefined);

/**
 * A desk as its tab's claim allows: while another tab owns the attempt, a notice says so and offers
 * to take it over, and the desk below is inert (nothing in it can be pressed or typed into; the run
 * refuses actions too). The wrapper takes no box of its own (display: contents). What the desk
 * wraps in OutsideTabGuard is drawn above the inert region, so it stays usable in a read-only tab.
 */
export function TabGuard({ claim, text, children }: { claim: TabClaim; text: TabGuardText; children: ReactNode }) {
  const readOnly = claim.state !== 'owner';
  const shown = claim.state === 'elsewhere' || claim.taking;
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  return (
    <>
      <div role="alert" className="notices">
        {shown && (
          <div className="notice notice--warning tab-notice">
            <p>{text.elsewhere}</p>
            <button type="button" className="button button--primary" onClick={claim.takeOver} disabled={claim.taking}>
              {claim.taking ? text.taking : text.takeOver}
            </button>
          </div>
        )}
      </div>
      <div className="tab-guard__outside" ref={setSlot} />
      <OutsideSlot value={slot}>
        <div className="tab-guard" inert={readOnly}>
          {children}
        </div>
      </OutsideSlot>
    </>
  );
}

/**
 * Draws its children above the nearest TabGuard's inert region (in place when there is none): for
 * what a read-only tab must still let the trainee use, such as the storage notices' download and
 * discard. The children stay in the React tree where they are written, so their context is theirs.
 */
export function OutsideTabGuard({ children }: { children: ReactNode }) {
  const slot = useContext(OutsideSlot);
  if (slot === undefined) return children;
  return slot === null ? null : createPortal(children, slot);
}
