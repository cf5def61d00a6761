import type { ReactNode } from 'react';
import type { TabClaim } from './use-tab-ownership';

/** The words of a TabGuard, in the page's language. */
export interface TabGuardText {
  /** Says another tab has the attempt (or shift) open and this one is read-only. */
  elsewhere: string;
  takeOver: string;
  taking: string;
}

/**
 * A desk as its tab's claim allows: while another tab owns the attempt, a notice says so and offers
 * to take it over, and the desk below is inert (nothing in it can be pressed or typed into; the run
 * refuses actions too). The wrapper takes no box of its own (display: contents).
 */
export function TabGuard({ claim, text, children }: { claim: TabClaim; text: TabGuardText; children: ReactNode }) {
  const readOnly = claim.state !== 'owner';
  const shown = claim.state === 'elsewhere' || claim.taking;
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
      <div className="tab-guard" inert={readOnly}>
        {children}
      </div>
    </>
  );
}
