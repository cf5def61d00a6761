import { useId, useRef } from 'react';
import type { Lang, Problem } from '../../../../domain/text';
import { ModalDialog } from '../../../../ui/modal-dialog';
import { say } from '../tool-text';
import { useTr } from './agenda';

/**
 * The agenda's confirmation dialog (overbooking, a length that is not the visit type's). Modal:
 * focus moves in, Tab stays inside, Escape goes back, and focus returns to where it was.
 */
export function WarningDialog(props: { warnings: Problem[]; lang: Lang; onOverride: () => void; onDismiss: () => void }) {
  const tr = useTr();
  const id = useId();
  const back = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog
      backdropClassName="scheduling-tool__backdrop"
      className="scheduling-tool__dialog"
      labelledBy={`${id}-title`}
      describedBy={`${id}-body`}
      initialFocus={back}
      onDismiss={props.onDismiss}
    >
      <h3 id={`${id}-title`}>
        <span aria-hidden="true" className="scheduling-tool__dialog-icon">
          !
        </span>{' '}
        {tr('tools.scheduling.warning.title')}
      </h3>
      <div id={`${id}-body`}>
        <p>{tr('tools.scheduling.warning.intro')}</p>
        <ul>
          {props.warnings.map((w, i) => (
            <li key={`${w.code}-${i}`}>{say(w.message, props.lang)}</li>
          ))}
        </ul>
      </div>
      <div className="scheduling-tool__dialog-actions">
        <button ref={back} type="button" className="button" onClick={props.onDismiss}>
          {tr('tools.scheduling.warning.dismiss')}
        </button>
        <button type="button" className="button button--primary" onClick={props.onOverride}>
          {tr('tools.scheduling.warning.override')}
        </button>
      </div>
    </ModalDialog>
  );
}
