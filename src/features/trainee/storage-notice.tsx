import { useTranslation } from 'react-i18next';
import { useAttemptsStore } from '../../stores/attempts-store';
import type { SetAsideAttempt } from '../../stores/attempt-storage';
import { useLibraryStore } from '../../stores/library-store';
import { OutsideTabGuard } from '../../ui/tab-guard';
import { downloadAttempt, downloadSetAside } from './attempt-actions';
import { useLang } from './use-lang';

/** Downloads the store's newest copy of the attempt. */
function downloadNewest(id: string): void {
  const newest = useAttemptsStore.getState().attempts[id];
  if (newest) downloadAttempt(newest);
}

/**
 * Tells the trainee when attempts are not being saved (and offers the current attempt as a file),
 * and what stored data could not be read and was set aside: listed, offered as a file, and
 * discarded on request (until then it stays apart and the notice comes back on the next visit).
 * Rendered as an alert so it is announced, and on a desk above its tab guard: a read-only tab can
 * still download and discard. The export takes the store's newest copy of the attempt: the desk
 * does not redraw for each save.
 */
export function StorageNotice({ attemptId }: { attemptId?: string | undefined }) {
  const { t } = useTranslation('trainee');
  const problem = useAttemptsStore((s) => s.problem);
  const setAside = useAttemptsStore((s) => s.setAside);
  const hidden = useAttemptsStore((s) => s.setAsideHidden);
  const dismiss = useAttemptsStore((s) => s.dismissSetAside);
  const discard = useAttemptsStore((s) => s.discardSetAside);
  return (
    <OutsideTabGuard>
      <div role="alert" className="notices">
        {problem !== null && (
          <div className="notice notice--warning">
            <p>{t(problem === 'unavailable' ? 'storage.unavailable' : 'storage.writeFailed')}</p>
            {attemptId !== undefined && (
              <button type="button" className="button" onClick={() => downloadNewest(attemptId)}>
                {t('common.export')}
              </button>
            )}
          </div>
        )}
        {setAside.length > 0 && !hidden && (
          <div className="notice notice--info">
            <p>{t('storage.setAside', { count: setAside.length })}</p>
            <SetAsideList items={setAside} />
            <p className="notice__actions">
              <button type="button" className="button" onClick={() => downloadSetAside(setAside)}>
                {t('storage.setAsideDownload')}
              </button>{' '}
              <button type="button" className="button" onClick={() => void discard()}>
                {t('storage.setAsideDiscard')}
              </button>{' '}
              <button type="button" className="button button--link" onClick={dismiss}>
                {t('storage.dismiss')}
              </button>
            </p>
          </div>
        )}
      </div>
    </OutsideTabGuard>
  );
}

/** What was set aside, by the case it belonged to when that can be told (the technical reason goes in the file). */
function SetAsideList({ items }: { items: readonly SetAsideAttempt[] }) {
  const { t } = useTranslation('trainee');
  const lang = useLang();
  const cases = useLibraryStore((s) => s.cases);
  const titleOf = (value: unknown): string | undefined => {
    const parsed = typeof value === 'string' ? safeParse(value) : value;
    const caseId = typeof parsed === 'object' && parsed !== null ? (parsed as { caseId?: unknown }).caseId : undefined;
    return cases.find((c) => c.id === caseId)?.title[lang];
  };
  return (
    <ul className="set-aside-list">
      {items.map((item, i) => {
        const title = titleOf(item.value);
        const copy = item.reason.startsWith('unsaved copy');
        return (
          <li key={i}>
            {title === undefined ? t(copy ? 'storage.setAsideCopyUnknown' : 'storage.setAsideUnknown') : t(copy ? 'storage.setAsideCopy' : 'storage.setAsideItem', { title })}
          </li>
        );
      })}
    </ul>
  );
}

const safeParse = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};
