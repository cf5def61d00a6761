// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { useCachedT } from './use-cached-t';

describe('useCachedT', () => {
  it('builds each string once per key and options, and gives the same text as t()', () => {
    const t = vi.fn((key: string, options?: { n?: number }) => `${key}:${options?.n ?? '-'}`);
    const { result } = renderHook(() => useCachedT(t));
    expect(result.current('a')).toBe('a:-');
    expect(result.current('a')).toBe('a:-');
    expect(result.current('a', { n: 2 })).toBe('a:2');
    expect(result.current('a', { n: 2 })).toBe('a:2');
    expect(result.current('a', { n: 3 })).toBe('a:3');
    expect(t).toHaveBeenCalledTimes(3);
  });

  it('starts over with a new t() (a language change)', () => {
    const es = (key: string) => `es ${key}`;
    const en = (key: string) => `en ${key}`;
    const { result, rerender } = renderHook(({ t }) => useCachedT(t), { initialProps: { t: es } });
    expect(result.current('hola')).toBe('es hola');
    rerender({ t: en });
    expect(result.current('hola')).toBe('en hola');
  });
});
