// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memoryLocation } from 'wouter/memory-location';
import { createAppStore, STORAGE_KEY, useAppStore } from '../stores/app-store';
import { App } from './app';
import { createI18n } from './i18n/i18n';
import { allResources } from '../test-i18n';

/** Renders the whole app at a URL, as a first visit unless storage was prepared before. */
const renderAppAt = (path: string) => {
  const location = memoryLocation({ path, record: true });
  const user = userEvent.setup();
  render(<App location={location.hook} i18n={createI18n(useAppStore.getState().lang, allResources)} />);
  return { user, location };
};

beforeEach(async () => {
  localStorage.clear();
  document.documentElement.lang = 'es-MX';
  document.title = '';
  await useAppStore.persist.rehydrate();
  useAppStore.setState({ lang: 'es-MX' });
  localStorage.clear();
});

describe('App shell', () => {
  describe('on a first visit to the home page', () => {
    it('speaks Spanish: heading, title and <html lang>', () => {
      renderAppAt('/');
      expect(screen.getByRole('heading', { level: 1, name: /Practique la recepción de una clínica/ })).toBeInTheDocument();
      expect(document.title).toBe('Mesa Clínica — simulador de recepción clínica');
      expect(document.documentElement.lang).toBe('es-MX');
    });

    it('has the landmarks and a skip link to the main content', () => {
      renderAppAt('/');
      expect(screen.getByRole('banner')).toBeInTheDocument();
      expect(screen.getByRole('contentinfo')).toBeInTheDocument();
      const main = screen.getByRole('main');
      const skip = screen.getByRole('link', { name: 'Saltar al contenido principal' });
      expect(skip).toHaveAttribute('href', `#${main.id}`);
      expect(within(screen.getByRole('navigation', { name: 'Navegación principal' })).getByRole('link', { name: 'Inicio' })).toHaveAttribute('aria-current', 'page');
    });

    it('lists the four desk workflows it trains', () => {
      renderAppAt('/');
      const list = screen.getByRole('region', { name: 'Lo que se practica en el mostrador' });
      const names = within(list).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
      expect(names).toEqual(['Registro de pacientes', 'Verificación de cobertura', 'Agenda de citas', 'Preparación de consultorios']);
    });
  });

  describe('when the trainee switches to English', () => {
    it('changes the text, <html lang> and title, and marks the pressed button', async () => {
      const { user } = renderAppAt('/');
      const switcher = screen.getByRole('group', { name: 'Idioma' });
      await user.click(within(switcher).getByRole('button', { name: 'English' }));

      expect(await screen.findByRole('heading', { level: 1, name: /Practice a clinic's front desk/ })).toBeInTheDocument();
      expect(document.documentElement.lang).toBe('en');
      expect(document.title).toBe('Mesa Clínica — clinic front-desk simulator');
      const group = screen.getByRole('group', { name: 'Language' });
      expect(within(group).getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
      expect(within(group).getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'false');
    });

    it('remembers the choice: a new store reading the same storage starts in English', async () => {
      const { user } = renderAppAt('/');
      await user.click(screen.getByRole('button', { name: 'English' }));
      expect(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null')).toMatchObject({ state: { lang: 'en' } });
      expect(createAppStore().getState().lang).toBe('en');
    });

    it('can switch back to Spanish', async () => {
      const { user } = renderAppAt('/');
      await user.click(screen.getByRole('button', { name: 'English' }));
      await user.click(await screen.findByRole('button', { name: 'Español' }));
      expect(await screen.findByRole('heading', { level: 1, name: /Practique/ })).toBeInTheDocument();
      expect(document.documentElement.lang).toBe('es-MX');
    });
  });

  describe('when English was chosen on an earlier visit', () => {
    it('starts in English', async () => {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ state: { lang: 'en' }, version: 1 }));
      await useAppStore.persist.rehydrate();
      renderAppAt('/');
      expect(screen.getByRole('heading', { level: 1, name: /Practice/ })).toBeInTheDocument();
      expect(document.documentElement.lang).toBe('en');
    });
  });

  describe('when the stored settings are corrupted', () => {
    it('starts with the defaults instead of crashing', async () => {
      localStorage.setItem(STORAGE_KEY, '{not json');
      await useAppStore.persist.rehydrate();
      renderAppAt('/');
      expect(screen.getByRole('heading', { level: 1, name: /Practique/ })).toBeInTheDocument();
    });
  });

  describe('navigation', () => {
    it('loads the "how it works" page on demand and moves focus to the main content', async () => {
      const { user } = renderAppAt('/');
      await user.click(screen.getByRole('link', { name: 'Cómo funciona' }));
      expect(await screen.findByRole('heading', { level: 1, name: 'Cómo funciona' })).toBeInTheDocument();
      expect(document.title).toBe('Cómo funciona — Mesa Clínica');
      expect(screen.getByRole('main')).toHaveFocus();
    });
  });

  describe('at an unknown address', () => {
    it('shows a 404 page inside the usual frame, with a way home', async () => {
      const { user } = renderAppAt('/no-existe/para-nada');
      expect(screen.getByRole('heading', { level: 1, name: 'No encontramos esta página' })).toBeInTheDocument();
      expect(document.title).toBe('Página no encontrada — Mesa Clínica');
      expect(screen.getByRole('navigation', { name: 'Navegación principal' })).toBeInTheDocument();

      await user.click(screen.getByRole('link', { name: 'Volver al inicio' }));
      expect(await screen.findByRole('heading', { level: 1, name: /Practique/ })).toBeInTheDocument();
    });

    it('is translated too', async () => {
      const { user } = renderAppAt('/nope');
      await user.click(screen.getByRole('button', { name: 'English' }));
      expect(await screen.findByRole('heading', { level: 1, name: 'We could not find this page' })).toBeInTheDocument();
      expect(document.title).toBe('Page not found — Mesa Clínica');
    });
  });
});
