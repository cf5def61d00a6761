import { useMemo } from 'react';

/** Most strings one memory keeps before starting over (a shift's clock makes new ones all day). */
const MAX_CACHED = 2000;

/** What useTranslation returns that the cache reads: its t() and the instance's current language. */
export interface Translation<T> {
  t: T;
  i18n: { language: string };
}

/**
 * Memories of built strings, per i18next instance, then per language, namespaces and key prefix:
 * shared by every component that asks for the same strings, so a desk or a tool mounted for the next
 * patient finds them built (each component keeping its own made every new patient start cold).
 */
const memories = new WeakMap<object, Map<string, Map<string, string>>>();

function memoryFor(i18n: object, id: string): Map<string, string> {
  let byId = memories.get(i18n);
  if (!byId) memories.set(i18n, (byId = new Map()));
  let memory = byId.get(id);
  if (!memory) byId.set(id, (memory = new Map()));
  return memory;
}

/**
 * Wraps an i18next t() so that the strings it builds are remembered. Each i18next call copies its
 * options and canonicalises the language, and the desk and its tools redraw after every action
 * (decision 0013). A string i18next does not have yet (its namespace still loading: it returns the
 * key) is not kept.
 */
export function useCachedT<T>({ t, i18n }: Translation<T>): T {
  const { language } = i18n;
  return useMemo(() => {
    const fixed = t as unknown as { ns?: string | readonly string[]; keyPrefix?: string };
    const memory = memoryFor(i18n, `${language}|${[fixed.ns ?? ''].flat().join(',')}|${fixed.keyPrefix ?? ''}`);
    const translate = t as unknown as (key: unknown, options?: object) => string;
    // What i18next gives back for a key it does not have: the key, with the prefix when there is one.
    const missing = (key: string, text: string) => text === key || text === `${fixed.keyPrefix}.${key}`;
    const cached = (key: unknown, options?: object): string => {
      // Only plain string keys are cached: a list of fallback keys goes straight through.
      if (typeof key !== 'string') return translate(key, options);
      const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
      let text = memory.get(id);
      if (text === undefined) {
        text = translate(key, options);
        if (missing(key, text)) return text;
        if (memory.size >= MAX_CACHED) memory.clear();
        memory.set(id, text);
      }
      return text;
    };
    return cached as unknown as T;
  }, [t, i18n, language]);
}
