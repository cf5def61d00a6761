import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorMessage } from '../ui/error-message';
import { useDocumentTitle } from '../ui/use-document-title';

/** The page of an unknown address: a real 404 page inside the usual frame, with a way home. */
export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <ErrorMessage
      heading={t('notFound.heading')}
      body={t('notFound.body')}
      actions={
        <Link to="/" className="button button--primary">
          {t('notFound.home')}
        </Link>
      }
    />
  );
}

/**
 * What a page shows when its code or documents failed to download (typically a new release made
 * the old chunk names disappear): a reload prompt, since a full load fetches the new ones.
 */
export function RouteFailurePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('routeError.title'));
  return (
    <ErrorMessage
      heading={t('routeError.heading')}
      body={t('routeError.body')}
      actions={
        <>
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            {t('routeError.reload')}
          </button>
          <Link to="/" className="button">
            {t('routeError.home')}
          </Link>
        </>
      }
    />
  );
}
