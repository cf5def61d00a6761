/** Text helpers the four tools share: typed translation of one tool's keys, authored text, dates. */
import type { CustomTypeOptions } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../domain/money';
import type { Lang, LocalizedText } from '../../../domain/text';
import { useCachedT } from '../../../ui/use-cached-t';

type ToolResources = CustomTypeOptions['resources']['tools']['tools'];
/** Leaf paths of a resource subtree: 'tools.scheduling.title' | ... */
type Leaves<T, P extends string> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T & string];
/** Every key of one tool's strings. */
export type ToolKey<N extends keyof ToolResources & string> = Leaves<ToolResources[N], `tools.${N}.`>;
export type Translate<K extends string> = (key: K, vars?: Record<string, string | number>) => string;

/**
 * i18next's `t`, typed against one tool's keys only: checking every call against the whole
 * resource tree made the type check of a tool take minutes.
 */
export function useToolTr<K extends string>(): Translate<K> {
  const t = useCachedT(useTranslation('tools'));
  return t as unknown as Translate<K>;
}

/** Authored text in the language on screen. */
export const say = (text: LocalizedText, lang: Lang): string => text[lang];

/** A date as the clinic's system prints it, or as given when it is not a date. */
export const safeDate = (iso: string, lang: Lang): string => {
  try {
    return formatDate(iso, lang);
  } catch {
    return iso;
  }
};
