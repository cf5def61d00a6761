import { useState } from 'react';

/**
 * The last thing a tool's polite live region said, recomputed when the workflow's context changes
 * (React's "adjust state on prop change"); `describe` returns null when nothing is worth saying.
 */
export function useAnnouncement<C>(ctx: C, describe: (prev: C, next: C) => string | null) {
  const [prev, setPrev] = useState(ctx);
  const [message, setMessage] = useState('');
  if (prev !== ctx) {
    setPrev(ctx);
    const said = describe(prev, ctx);
    if (said) setMessage(said);
  }
  return [message, setMessage] as const;
}
