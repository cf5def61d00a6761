/**
 * A tool's send, and the run's last refusal of it to show in the tool's error box (the desk's alert
 * is the one that announces it, 0021). The refusal lives in a small store of the tool's own, read
 * with the run store's selector hook: an accepted action that leaves it as it was draws nothing, in
 * or after the click. `dispatch` is one function while the desk's `send` is (the run store's, one for
 * the run's life), so memoised panels given it keep it.
 */
import { useCallback, useState } from 'react';
import type { LocalizedText } from '../../../domain/text';
import { afterThisFrame } from '../../../ui/update-mark';
import { useRunSelector, type ExternalSource } from '../../../ui/use-run-selector';
import type { SendResult } from './tool-props';

interface RefusalHolder extends ExternalSource<LocalizedText | null> {
  set: (next: LocalizedText | null) => void;
}

function refusalHolder(): RefusalHolder {
  let held: LocalizedText | null = null;
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => held,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set: (next) => {
      if (Object.is(next, held)) return;
      held = next;
      for (const listener of listeners) listener();
    },
  };
}

const whole = (refusal: LocalizedText | null) => refusal;

/**
 * `draw: 'afterFrame'` shows a change of the refusal with the action's new view, after the frame
 * that acknowledges the action (ui/update-mark.ts), for tools whose refusal box sits among heavy panels.
 */
export function useToolSend<E>(send: (event: E) => SendResult, draw: 'now' | 'afterFrame' = 'now') {
  const [holder] = useState(refusalHolder);
  const refused = useRunSelector(holder, whole);
  const dispatch = useCallback(
    (event: E): SendResult => {
      const result = send(event);
      const next = result.ok ? null : result.reason;
      if (draw === 'afterFrame') afterThisFrame(() => holder.set(next));
      else holder.set(next);
      return result;
    },
    [send, holder, draw],
  );
  return { dispatch, refused };
}
