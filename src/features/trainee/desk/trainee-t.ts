import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useCachedT } from '../../../ui/use-cached-t';

/** The trainee strings' t(). */
export type TraineeT = TFunction<'trainee'>;

/** The trainee strings' t(), cached (see useCachedT). */
export function useTraineeT(): TraineeT {
  return useCachedT(useTranslation('trainee'));
}
