import type { ReactNode } from 'react';

/** A polite live region: what it holds is read out after the current speech, never interrupting. */
export function LiveStatus({ className, children }: { className: string; children: ReactNode }) {
  return (
    <p role="status" aria-live="polite" className={className}>
      {children}
    </p>
  );
}
