import type { i18n } from 'i18next';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider, type createBrowserRouter } from 'react-router';
import { useAppStore } from '../stores/app-store';
import { ErrorBoundary } from './error-boundary';
import { createI18n } from './i18n/i18n';
import { useLanguageSync } from './use-language-sync';

/** A data router as made by createBrowserRouter or createMemoryRouter over `routes`. */
export type AppRouter = ReturnType<typeof createBrowserRouter>;

/** Props of App. */
export interface AppProps {
  router: AppRouter;
  /** Tests may pass their own instance; the app creates one in the stored language. */
  i18n?: i18n;
}

/** The whole application: providers, a last-resort error boundary, and the router. */
export function App({ router, i18n: given }: AppProps) {
  const [instance] = useState(() => given ?? createI18n(useAppStore.getState().lang));
  useLanguageSync(instance);
  return (
    <I18nextProvider i18n={instance}>
      {/* Catches what escapes the layout's own boundary; a full load of "/" is the safest way home. */}
      <ErrorBoundary onGoHome={() => window.location.assign('/')}>
        <RouterProvider router={router} />
      </ErrorBoundary>
    </I18nextProvider>
  );
}
