import { useMemo } from 'react';

/** Most strings a cached t() keeps before starting over (a shift's clock makes new ones all day). */
const MAX_CACHED = 2000;

/**
 * Wraps an i18next t() so that it remembers every string it has built. i18next spends tens of
 * microseconds per call (it copies its options and canonicalises the language each time), and the
 * desk and its tools redraw after every action: at 4x CPU slowdown that was ~10 ms per action.
 * A language change brings a new t(), so a new memory.
 */
export function useCachedT<T>(t: T): T {
  return useMemo(() => {
    const built = new Map<string, string>();
    const translate = t as unknown as (key: unknown, options?: object) => string;
    const cached = (key: unknown, options?: object): string => {
      // Only plain string keys are cached: a list of fallback keys goes straight through.
      if (typeof key !== 'string') return translate(key, options);
      const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
      let text = built.get(id);
      if (text === undefined) {
        text = translate(key, options);
        if (built.size >= MAX_CACHED) built.clear();
        built.set(id, text);
      }
      return text;
    };
    return cached as unknown as T;
  }, [t]);
}
