import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider, type createBrowserRouter } from 'react-router';
import { ErrorBoundary } from './error-boundary';
import { useLanguageSync } from './use-language-sync';

/** A data router as made by createBrowserRouter or createMemoryRouter over `routes`. */
export type AppRouter = ReturnType<typeof createBrowserRouter>;

/** Props of App. */
export interface AppProps {
  router: AppRouter;
  /** The i18next instance (main.tsx loads the active language first; tests pass every resource). */
  i18n: i18n;
}

/** The whole application: providers, a last-resort error boundary, and the router. */
export function App({ router, i18n: instance }: AppProps) {
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
