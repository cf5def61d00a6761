import { useTranslation } from 'react-i18next';
import { RouteLoading } from '../ui/route-loading';

/** Placeholder in the main area while a lazy page's code downloads on a first visit. */
export function PageLoading() {
  const { t } = useTranslation();
  return <RouteLoading label={t('layout.loading')} />;
}
