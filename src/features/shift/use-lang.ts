import { useTranslation } from 'react-i18next';
import { LANGS, type Lang } from '../../domain/text';

/** The language the interface is shown in now (follows i18next, so text and content switch together). */
export function useLang(): Lang {
  const { i18n } = useTranslation('shift');
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (LANGS as readonly string[]).includes(current) ? (current as Lang) : 'es-MX';
}
