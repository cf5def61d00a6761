import type esMX from './es-MX.json';
import type shiftEsMX from './shift.es-MX.json';
import type toolsEsMX from './tools.es-MX.json';
import type traineeEsMX from './trainee.es-MX.json';

// Types every t('...') key against the Spanish resources, so a missing or misspelt key fails tsc.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof esMX; trainee: typeof traineeEsMX; tools: typeof toolsEsMX; shift: typeof shiftEsMX };
  }
}
