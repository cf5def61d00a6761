import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { Router, type BaseLocationHook } from 'wouter';
import { AppLayout } from './app-layout';
import { ErrorBoundary } from './error-boundary';
import { AppRoutes, PageCacheProvider } from './routes';
import { useLanguageSync } from './use-language-sync';

/** Props of App. */
export interface AppProps {
  /** Where the address comes from: the browser's by default; tests pass wouter's memoryLocation().hook. */
  location?: BaseLocationHook;
  /** The i18next instance (main.tsx loads the active language first; tests pass every resource). */
  i18n: i18n;
}

/** The whole application: providers, a last-resort error boundary, and the router. */
export function App({ location, i18n: instance }: AppProps) {
  useLanguageSync(instance);
  return (
    <I18nextProvider i18n={instance}>
      {/* Catches what escapes the layout's own boundary; a full load of "/" is the safest way home. */}
      <ErrorBoundary onGoHome={() => window.location.assign('/')}>
        <Router hook={location}>
          <PageCacheProvider>
            <AppLayout>
              <AppRoutes />
            </AppLayout>
          </PageCacheProvider>
        </Router>
      </ErrorBoundary>
    </I18nextProvider>
  );
}
