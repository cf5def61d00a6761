/**
 * A control's own value that follows the run's: the trainee's edit or pick shows at once, and the
 * value the run holds replaces it whenever that changes. Controls bound straight to the run's state
 * would snap back for a frame or two after each pick, since the desk draws the run's new view after
 * the frame that acknowledges the action (update-mark.ts): a keyboard user stepping through a list
 * would see the old value return and step from it again.
 */
import { useState } from 'react';

export function useDraft(committed: string): [string, (value: string) => void] {
  const [draft, setDraft] = useState(committed);
  const [seen, setSeen] = useState(committed);
  if (seen !== committed) {
    setSeen(committed);
    setDraft(committed);
  }
  return [draft, setDraft];
}
