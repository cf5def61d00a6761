/**
 * Every string resource bundled together, for tests (which need a ready instance without waiting).
 * The app itself never imports this file: it loads resource files on demand (app/i18n/i18n.ts).
 * Each feature keeps its strings beside it (features/<area>/strings/); the shell's stay in app/i18n/.
 */
import en from './app/i18n/en.json';
import esMX from './app/i18n/es-MX.json';
import shiftEn from './features/shift/strings/shift.en.json';
import shiftEsMX from './features/shift/strings/shift.es-MX.json';
import toolsEn from './features/trainee/tools/strings/tools.en.json';
import toolsEsMX from './features/trainee/tools/strings/tools.es-MX.json';
import traineeEn from './features/trainee/strings/trainee.en.json';
import traineeEsMX from './features/trainee/strings/trainee.es-MX.json';
import type { i18n } from 'i18next';
import { createI18n, type InitialResources } from './app/i18n/i18n';
import { DEFAULT_LANG, type Lang } from './domain/text';

/** Both languages, every namespace. */
export const allResources = {
  'es-MX': { translation: esMX, trainee: traineeEsMX, tools: toolsEsMX, shift: shiftEsMX },
  en: { translation: en, trainee: traineeEn, tools: toolsEn, shift: shiftEn },
} satisfies InitialResources;

/** A ready i18next instance with every string loaded, for component tests. */
export const createTestI18n = (lang: Lang = DEFAULT_LANG): i18n => createI18n(lang, allResources);
