import { useTranslation } from 'react-i18next';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorMessage } from '../ui/error-message';
import { useDocumentTitle } from '../ui/use-document-title';
import { AppLayout } from './app-layout';

/**
 * The router's error element: a real 404 page for unknown addresses, and a reload prompt for
 * anything else (typically a page's code that failed to download after a new release).
 */
export function RouteErrorPage() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return <AppLayout>{notFound ? <NotFoundMessage /> : <RouteFailureMessage />}</AppLayout>;
}

function NotFoundMessage() {
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

function RouteFailureMessage() {
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
