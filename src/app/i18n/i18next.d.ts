import type esMX from './es-MX.json';
import type shiftEsMX from '../../features/shift/strings/shift.es-MX.json';
import type toolsEsMX from '../../features/trainee/tools/strings/tools.es-MX.json';
import type traineeEsMX from '../../features/trainee/strings/trainee.es-MX.json';

// Types every t('...') key against the Spanish resources, so a missing or misspelt key fails tsc.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof esMX; trainee: typeof traineeEsMX; tools: typeof toolsEsMX; shift: typeof shiftEsMX };
  }
}
