// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { useCachedT } from './use-cached-t';

/** A fake fixed t() of one namespace. */
const fixedT = (build: (key: string, options?: { n?: number }) => string, ns = 'tools') => Object.assign(vi.fn(build), { ns });

describe('useCachedT', () => {
  it('builds each string once per key and options, and gives the same text as t()', () => {
    const t = fixedT((key, options) => `${key}:${options?.n ?? '-'}`);
    const { result } = renderHook(() => useCachedT({ t, i18n: { language: 'es-MX' } }));
    expect(result.current('a')).toBe('a:-');
    expect(result.current('a')).toBe('a:-');
    expect(result.current('a', { n: 2 })).toBe('a:2');
    expect(result.current('a', { n: 2 })).toBe('a:2');
    expect(result.current('a', { n: 3 })).toBe('a:3');
    expect(t).toHaveBeenCalledTimes(3);
  });

  it('shares what it built with the next component asking for the same strings (the next patient’s tool)', () => {
    const i18n = { language: 'es-MX' };
    const first = fixedT((key) => `texto ${key}`);
    renderHook(() => useCachedT({ t: first, i18n })).result.current('b');
    const second = fixedT((key) => `texto ${key}`);
    expect(renderHook(() => useCachedT({ t: second, i18n })).result.current('b')).toBe('texto b');
    expect(second).not.toHaveBeenCalled();
  });

  it('keeps languages, namespaces and i18next instances apart', () => {
    const i18n = { language: 'es-MX' };
    renderHook(() => useCachedT({ t: fixedT((key) => `es ${key}`), i18n })).result.current('hola');
    expect(renderHook(() => useCachedT({ t: fixedT((key) => `en ${key}`), i18n: { language: 'en' } })).result.current('hola')).toBe('en hola');
    expect(renderHook(() => useCachedT({ t: fixedT((key) => `shift ${key}`, 'shift'), i18n })).result.current('hola')).toBe('shift hola');
    expect(renderHook(() => useCachedT({ t: fixedT((key) => `other ${key}`), i18n: { language: 'es-MX' } })).result.current('hola')).toBe('other hola');
  });

  it('follows a language change of the same instance', () => {
    const i18n = { language: 'es-MX' };
    const { result, rerender } = renderHook(({ t }) => useCachedT({ t, i18n }), { initialProps: { t: fixedT((key) => `es ${key}`) } });
    expect(result.current('adiós')).toBe('es adiós');
    i18n.language = 'en';
    rerender({ t: fixedT((key) => `en ${key}`) });
    expect(result.current('adiós')).toBe('en adiós');
  });

  it('does not keep a string i18next does not have yet (its namespace still loading)', () => {
    const i18n = { language: 'es-MX' };
    let loaded = false;
    const t = fixedT((key) => (loaded ? `listo ${key}` : key), 'late');
    const { result } = renderHook(() => useCachedT({ t, i18n }));
    expect(result.current('x.y')).toBe('x.y');
    loaded = true;
    expect(result.current('x.y')).toBe('listo x.y');
  });
});
