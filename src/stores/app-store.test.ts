import { createAppStore, STORAGE_KEY, STORAGE_VERSION } from './app-store';
import type { KeyValueStorage } from './safe-storage';
import { DEFAULT_SETTINGS, sanitizeSettings } from './settings-slice';

/** An in-memory Web Storage stand-in, so these tests run without a DOM. */
const memoryStorage = (initial: Record<string, string> = {}) => {
  const data = new Map(Object.entries(initial));
  const storage: KeyValueStorage = {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
  return { storage, data };
};

const stored = (lang: unknown, version = STORAGE_VERSION) => JSON.stringify({ state: { lang }, version });

describe('app store, settings slice', () => {
  describe('on a first visit', () => {
    it('starts in es-MX', () => {
      const { storage } = memoryStorage();
      expect(createAppStore(() => storage).getState().lang).toBe('es-MX');
    });
  });

  describe('when the language changes', () => {
    it('persists only the settings under the versioned key', () => {
      const { storage, data } = memoryStorage();
      const store = createAppStore(() => storage);
      store.getState().setLang('en');
      expect(store.getState().lang).toBe('en');
      expect(JSON.parse(data.get(STORAGE_KEY) ?? 'null')).toEqual({ state: { lang: 'en' }, version: STORAGE_VERSION });
    });

    it('ignores a language the app does not ship', () => {
      const { storage } = memoryStorage();
      const store = createAppStore(() => storage);
      // @ts-expect-error: only es-MX and en are languages of the app
      store.getState().setLang('fr');
      expect(store.getState().lang).toBe('es-MX');
    });

    it('keeps working in memory when the browser refuses the write', () => {
      const refusing: KeyValueStorage = {
        getItem: () => null,
        setItem: () => {
          throw new DOMException('full', 'QuotaExceededError');
        },
        removeItem: () => undefined,
      };
      const store = createAppStore(() => refusing);
      expect(() => store.getState().setLang('en')).not.toThrow();
      expect(store.getState().lang).toBe('en');
    });
  });

  describe('when something was stored before', () => {
    it('restores a valid stored language', () => {
      const { storage } = memoryStorage({ [STORAGE_KEY]: stored('en') });
      expect(createAppStore(() => storage).getState().lang).toBe('en');
    });

    it.each([
      ['text that is not JSON', '{"state": {"lang": "en"'],
      ['JSON without a state', '"en"'],
      ['null', 'null'],
      ['an unknown language', stored('fr')],
      ['a language of the wrong type', stored(42)],
    ])('falls back to the defaults for %s, without throwing', (_what, raw) => {
      const { storage } = memoryStorage({ [STORAGE_KEY]: raw });
      expect(createAppStore(() => storage).getState().lang).toBe(DEFAULT_SETTINGS.lang);
    });

    it('accepts what it can trust from another version of the stored shape', () => {
      const { storage } = memoryStorage({ [STORAGE_KEY]: stored('en', STORAGE_VERSION + 1) });
      expect(createAppStore(() => storage).getState().lang).toBe('en');
    });

    it('says the language choice was not stored when storage is full, and stops saying so once a write works', async () => {
      const { storage } = memoryStorage();
      let full = true;
      const store = createAppStore(() => ({
        ...storage,
        setItem: (key, value) => {
          if (full) throw new DOMException('full', 'QuotaExceededError');
          storage.setItem(key, value);
        },
      }));
      store.getState().setLang('en');
      await Promise.resolve();
      expect(store.getState()).toMatchObject({ lang: 'en', settingsUnsaved: true });
      full = false;
      store.getState().setLang('es-MX');
      await Promise.resolve();
      expect(store.getState().settingsUnsaved).toBe(false);
    });

    it('falls back to the defaults when storage cannot even be opened', () => {
      const store = createAppStore(() => {
        throw new DOMException('denied', 'SecurityError');
      });
      expect(store.getState().lang).toBe('es-MX');
      expect(() => store.getState().setLang('en')).not.toThrow();
    });
  });
});

describe('sanitizeSettings', () => {
  it('keeps valid fields and replaces the rest with defaults', () => {
    expect(sanitizeSettings({ lang: 'en', extra: true })).toEqual({ lang: 'en' });
    expect(sanitizeSettings({ lang: 'EN' })).toEqual({ lang: 'es-MX' });
    expect(sanitizeSettings(undefined)).toEqual({ lang: 'es-MX' });
  });
});
