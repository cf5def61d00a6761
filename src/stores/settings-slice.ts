import type { StateCreator } from 'zustand';
import { DEFAULT_LANG, LANGS, type Lang } from '../domain/text';

/** The user's preferences that survive a reload. */
export interface Settings {
  /** Interface language; es-MX unless the user chose otherwise. */
  lang: Lang;
}

/** The settings slice of the app store: values plus the actions that change them. */
export interface SettingsSlice extends Settings {
  setLang: (lang: Lang) => void;
}

/** Settings for a first visit, or when what was stored cannot be trusted. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ lang: DEFAULT_LANG });

/** True when the value is one of the languages the app ships. */
export const isLang = (value: unknown): value is Lang =>
  typeof value === 'string' && (LANGS as readonly string[]).includes(value);

/**
 * Keeps only the stored settings that are valid; anything else falls back to its default.
 * Stored data comes from outside the program (old versions, hand edits, other tabs), so it is
 * checked field by field instead of trusted.
 */
export const sanitizeSettings = (stored: unknown): Settings => {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return { lang: isLang(record.lang) ? record.lang : DEFAULT_SETTINGS.lang };
};

/** Creates the settings slice; used by the root store, which owns the middleware. */
export const createSettingsSlice =
  <S extends SettingsSlice>(): StateCreator<S, [], [], SettingsSlice> =>
  (set) => ({
    ...DEFAULT_SETTINGS,
    setLang: (lang) => {
      if (isLang(lang)) set({ lang } as Partial<S>);
    },
  });
