import i18next, { type i18n } from 'i18next';
import { DEFAULT_LANG, LANGS, type Lang } from '../../domain/text';
import en from './en.json';
import esMX from './es-MX.json';

/** UI strings per language, one namespace; both files must have exactly the same keys. */
export const resources = {
  'es-MX': { translation: esMX },
  en: { translation: en },
} as const;

/**
 * Creates a ready-to-use i18next instance. Resources are bundled (both languages together are a
 * few kilobytes), so initialisation is synchronous and the first paint is already translated.
 */
export const createI18n = (lang: Lang = DEFAULT_LANG): i18n => {
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: DEFAULT_LANG,
    supportedLngs: [...LANGS],
    // 'es-MX' must stay 'es-MX' rather than being reduced to 'es'.
    load: 'currentOnly',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    // No promotional notice in the users' console.
    showSupportNotice: false,
  });
  return instance;
};
