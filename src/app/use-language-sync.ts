import type { i18n } from 'i18next';
import { useEffect } from 'react';
import { useAppStore } from '../stores/app-store';

/**
 * Keeps i18next and <html lang> in step with the chosen language, so text, screen-reader
 * pronunciation and hyphenation all follow the setting. Page titles follow through their pages.
 */
export function useLanguageSync(instance: i18n): void {
  const lang = useAppStore((s) => s.lang);
  useEffect(() => {
    if (instance.language !== lang) void instance.changeLanguage(lang);
    document.documentElement.lang = lang;
  }, [instance, lang]);
}
