import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { createSafeJSONStorage, type KeyValueStorage } from './safe-storage';
import { createSettingsSlice, sanitizeSettings, type Settings, type SettingsSlice } from './settings-slice';

/** The whole client state; later slices (library, attempts, drafts) are intersected here. */
export type AppState = SettingsSlice & {
  /** The last change of settings could not be stored (storage full or refused): it is lost on reload. */
  settingsUnsaved: boolean;
};

/** localStorage key; the suffix changes only when the stored shape changes incompatibly. */
export const STORAGE_KEY = 'mesa-clinica.settings.v1';
/** Version of the stored shape under STORAGE_KEY, handed to persist's migrate. */
export const STORAGE_VERSION = 1;

/** What is written to localStorage: only the settings, never actions or transient state. */
const persistedPart = (state: AppState): Settings => ({ lang: state.lang });

/** Creates the root store; middleware lives here only. Tests pass their own storage. */
export const createAppStore = (getStorage?: () => KeyValueStorage | undefined) => {
  // After the write that persist does inside a set, not within it.
  const onWrite = (refused: boolean) =>
    queueMicrotask(() => {
      if (store.getState().settingsUnsaved !== refused) store.setState({ settingsUnsaved: refused });
    });
  const store = create<AppState>()(
    persist((...args) => ({ ...createSettingsSlice<AppState>()(...args), settingsUnsaved: false }), {
      name: STORAGE_KEY,
      version: STORAGE_VERSION,
      storage: createSafeJSONStorage<Settings>(getStorage, onWrite),
      partialize: persistedPart,
      // Any stored version (older, or newer from another tab) is reduced to what this build trusts.
      migrate: (stored) => sanitizeSettings(stored),
      merge: (stored, current) => (stored === undefined ? current : { ...current, ...sanitizeSettings(stored) }),
    }),
  );
  return store;
};

/** The app's single store. */
export const useAppStore = createAppStore();
