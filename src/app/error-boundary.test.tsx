// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { Route, Router, Switch } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { Lang } from '../domain/text';
import { useAppStore } from '../stores/app-store';
import { AppLayout } from './app-layout';
import { ErrorBoundary } from './error-boundary';
import { createI18n } from './i18n/i18n';
import { allResources } from '../test-i18n';

const SECRET = 'TypeError: cannot read properties of undefined (reading curp) at RegistrationForm';

/** A child that fails to render while `broken.now` is true, like a screen hitting a bug. */
const broken = { now: true };
function Fragile() {
  if (broken.now) throw new Error(SECRET);
  return <p>Formulario de registro</p>;
}

const inLanguage = (lang: Lang, children: ReactNode) => <I18nextProvider i18n={createI18n(lang, allResources)}>{children}</I18nextProvider>;

beforeEach(() => {
  broken.now = true;
  useAppStore.setState({ lang: 'es-MX' });
  // React reports caught render errors on the console; keep the output readable.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ErrorBoundary', () => {
  describe('when a child throws while rendering', () => {
    it('shows a recoverable message in Spanish, never the error or its stack', () => {
      const onError = vi.fn();
      render(inLanguage('es-MX', <ErrorBoundary onGoHome={vi.fn()} onError={onError}><Fragile /></ErrorBoundary>));

      expect(screen.getByRole('heading', { name: 'Algo salió mal en esta pantalla' })).toHaveFocus();
      expect(screen.getByRole('button', { name: 'Reintentar' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Volver al inicio' })).toBeInTheDocument();
      expect(document.body.textContent).not.toContain('TypeError');
      expect(document.body.textContent).not.toContain('RegistrationForm');
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: SECRET }), expect.anything());
    });

    it('shows the message in English when the interface is in English', () => {
      render(inLanguage('en', <ErrorBoundary onGoHome={vi.fn()} onError={vi.fn()}><Fragile /></ErrorBoundary>));
      expect(screen.getByRole('heading', { name: 'Something went wrong on this screen' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Back to home' })).toBeInTheDocument();
    });
  });

  describe('when the user presses "Reintentar"', () => {
    it('renders the children again and shows them once they work', async () => {
      const user = userEvent.setup();
      render(inLanguage('es-MX', <ErrorBoundary onGoHome={vi.fn()} onError={vi.fn()}><Fragile /></ErrorBoundary>));

      broken.now = false;
      await user.click(screen.getByRole('button', { name: 'Reintentar' }));

      expect(screen.getByText('Formulario de registro')).toBeInTheDocument();
      expect(screen.queryByRole('heading', { name: 'Algo salió mal en esta pantalla' })).not.toBeInTheDocument();
    });

    it('shows the message again if the children still fail', async () => {
      const user = userEvent.setup();
      render(inLanguage('es-MX', <ErrorBoundary onGoHome={vi.fn()} onError={vi.fn()}><Fragile /></ErrorBoundary>));
      await user.click(screen.getByRole('button', { name: 'Reintentar' }));
      expect(screen.getByRole('heading', { name: 'Algo salió mal en esta pantalla' })).toBeInTheDocument();
    });
  });

  describe('when the user presses "Volver al inicio"', () => {
    it('asks to go home', async () => {
      const user = userEvent.setup();
      const onGoHome = vi.fn();
      render(inLanguage('es-MX', <ErrorBoundary onGoHome={onGoHome} onError={vi.fn()}><Fragile /></ErrorBoundary>));
      await user.click(screen.getByRole('button', { name: 'Volver al inicio' }));
      expect(onGoHome).toHaveBeenCalledOnce();
    });
  });

  describe('inside the app layout', () => {
    const renderBrokenRoute = () => {
      const location = memoryLocation({ path: '/registro', record: true });
      render(
        inLanguage(
          'es-MX',
          <Router hook={location.hook}>
            <AppLayout>
              <Switch>
                <Route path="/">
                  <p>Página de inicio</p>
                </Route>
                <Route path="/registro" component={Fragile} />
              </Switch>
            </AppLayout>
          </Router>,
        ),
      );
      return location;
    };

    it('keeps the header and navigation usable around the message', () => {
      renderBrokenRoute();
      expect(screen.getByRole('heading', { name: 'Algo salió mal en esta pantalla' })).toBeInTheDocument();
      expect(screen.getByRole('navigation', { name: 'Navegación principal' })).toBeInTheDocument();
    });

    it('"Volver al inicio" navigates home and clears the error', async () => {
      const user = userEvent.setup();
      const location = renderBrokenRoute();
      await user.click(screen.getByRole('button', { name: 'Volver al inicio' }));
      expect(location.history?.at(-1)).toBe('/');
      expect(await screen.findByText('Página de inicio')).toBeInTheDocument();
    });
  });
});
