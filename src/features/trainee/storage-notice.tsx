import { useTranslation } from 'react-i18next';
import { useAttemptsStore } from '../../stores/attempts-store';
import type { AttemptRecord } from '../../stores/attempt-record';
import { downloadAttempt } from './attempt-actions';

/**
 * Tells the trainee when attempts are not being saved (and offers the current attempt as a file),
 * and when stored attempts were damaged and set aside. Rendered as an alert so it is announced.
 * The export takes the store's newest copy of the attempt: the desk does not redraw for each save.
 */
export function StorageNotice({ attempt }: { attempt?: AttemptRecord | undefined }) {
  const { t } = useTranslation('trainee');
  const problem = useAttemptsStore((s) => s.problem);
  const setAside = useAttemptsStore((s) => s.setAside);
  const dismiss = useAttemptsStore((s) => s.dismissSetAside);
  return (
    <div role="alert" className="notices">
      {problem !== null && (
        <div className="notice notice--warning">
          <p>{t(problem === 'unavailable' ? 'storage.unavailable' : 'storage.writeFailed')}</p>
          {attempt && (
            <button type="button" className="button" onClick={() => downloadAttempt(useAttemptsStore.getState().attempts[attempt.id] ?? attempt)}>
              {t('common.export')}
            </button>
          )}
        </div>
      )}
      {setAside > 0 && (
        <div className="notice notice--info">
          <p>{t('storage.setAside', { count: setAside })}</p>
          <button type="button" className="button" onClick={dismiss}>
            {t('storage.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
