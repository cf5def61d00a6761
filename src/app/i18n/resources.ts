/**
 * Every string resource bundled together, for tests (which need a ready instance without waiting).
 * The app itself never imports this file: it loads resource files on demand (see i18n.ts).
 */
import en from './en.json';
import esMX from './es-MX.json';
import shiftEn from './shift.en.json';
import shiftEsMX from './shift.es-MX.json';
import toolsEn from './tools.en.json';
import toolsEsMX from './tools.es-MX.json';
import traineeEn from './trainee.en.json';
import traineeEsMX from './trainee.es-MX.json';
import type { InitialResources } from './i18n';

/** Both languages, every namespace. */
export const allResources = {
  'es-MX': { translation: esMX, trainee: traineeEsMX, tools: toolsEsMX, shift: shiftEsMX },
  en: { translation: en, trainee: traineeEn, tools: toolsEn, shift: shiftEn },
} satisfies InitialResources;
