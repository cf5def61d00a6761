/**
 * State whose setter does nothing when given the value it already holds. React skips such an update
 * only when the component has no other update pending; inside a click it often has one, and then it
 * renders the component again, synchronously, in the click. The desks clear their "refused" message
 * on every accepted action, so that render would land in the frame that acknowledges the action.
 * Only this setter may change the value (it remembers what it last set).
 */
import { useCallback, useRef, useState } from 'react';

export function useQuietState<T>(initial: T): [T, (next: T) => void] {
  const [value, setValue] = useState(initial);
  const held = useRef(value);
  const set = useCallback((next: T) => {
    if (Object.is(next, held.current)) return;
    held.current = next;
    setValue(next);
  }, []);
  return [value, set];
}
