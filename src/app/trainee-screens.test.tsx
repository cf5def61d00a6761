// @vitest-environment jsdom
/**
 * The trainee screens rendered as the app renders them (routes, loader, stores), over a fixture
 * library and an in-memory attempt storage, driven through roles and accessible names.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memoryLocation } from 'wouter/memory-location';
import type { Lang } from '../domain/text';
import { newAttempt, type AttemptRecord } from '../stores/attempt-record';
import { memoryAttemptStorage } from '../stores/attempt-storage';
import { useAppStore } from '../stores/app-store';
import { useAttemptsStore } from '../stores/attempts-store';
import { useLibraryStore } from '../stores/library-store';
import { App } from './app';
import { createI18n } from './i18n/i18n';
import { allResources } from '../test-i18n';
import { fixtureSources } from './trainee-fixtures';

// The fixture cases are dialogue only; the desk's tools are tested with their own components.
vi.mock('../features/trainee/tools/tool-registry', () => ({ toolRegistry: {} }));

beforeAll(async () => {
  // The loader's later calls reuse this load: the app sees the fixture library.
  await useLibraryStore.getState().load(() => Promise.resolve(fixtureSources(true)));
});

let storage: ReturnType<typeof memoryAttemptStorage>;
beforeEach(() => {
  storage = memoryAttemptStorage();
  useAttemptsStore.getState().connect(storage);
  useAppStore.setState({ lang: 'es-MX' });
});

const renderAt = (path: string, lang: Lang = 'es-MX') => {
  const location = memoryLocation({ path, record: true });
  render(<App location={location.hook} i18n={createI18n(lang, allResources)} />);
  /** The address the app shows now, as path and query string. */
  const current = () => new URL(location.history?.at(-1) ?? '/', 'http://app.test');
  return { current, user: userEvent.setup() };
};

const attempt = (overrides: Partial<Pick<AttemptRecord['log'], 'mode' | 'entries'>> & { id?: string } = {}): AttemptRecord => {
  const base = newAttempt({ id: overrides.id ?? 'a1', caseId: 'saludo-cordial', seed: 7, mode: overrides.mode ?? 'practice', now: '2026-03-09T10:00:00.000Z' });
  return { ...base, log: { ...base.log, entries: overrides.entries ?? [] } };
};

describe('library', () => {
  it('lists every valid case with its details and status, and the broken file as a notice', async () => {
    renderAt('/library');
    expect(await screen.findByRole('heading', { level: 1, name: 'Biblioteca de casos' })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('2 casos');
    const card = screen.getByRole('listitem', { name: 'Saludo en el mostrador' });
    expect(within(card).getByRole('link', { name: 'Saludo en el mostrador' })).toHaveAttribute('href', '/case/saludo-cordial');
    expect(within(card).getByText('Básico')).toBeInTheDocument();
    expect(within(card).getByText('Nuevo')).toBeInTheDocument();
    expect(within(card).getByText('3 min')).toBeInTheDocument();
    const notice = screen.getByRole('region', { name: 'Archivos de casos con errores' });
    expect(within(notice).getByText('scenarios/cases/roto.yaml')).toBeInTheDocument();
  });

  it('filters by difficulty and by search words (accents ignored), and keeps the filters in the URL', async () => {
    const { user, current } = renderAt('/library');
    await screen.findByRole('heading', { level: 1, name: 'Biblioteca de casos' });
    await user.selectOptions(screen.getByLabelText('Dificultad'), 'advanced');
    expect(screen.getByText('1 caso')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Niño con fiebre en la sierra' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Saludo en el mostrador' })).not.toBeInTheDocument();
    expect(current().search).toBe('?difficulty=advanced');

    await user.click(screen.getByRole('button', { name: 'Quitar filtros' }));
    await user.type(screen.getByRole('searchbox', { name: 'Buscar' }), 'nino sierra');
    expect(screen.getByText('1 caso')).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox', { name: 'Buscar' }));
    await user.type(screen.getByRole('searchbox', { name: 'Buscar' }), 'nadaquecoincida');
    expect(screen.getByText('Ningún caso coincide con los filtros.')).toBeInTheDocument();
  });

  it('marks cases passed with the best score, and filters by status', async () => {
    const done = attempt({ entries: [{ type: 'choose', choice: 'formal' }, { type: 'choose', choice: 'pase' }] });
    storage.data.set(done.id, { ...done, summary: { finished: true, percent: 100, passed: true } });
    const { user } = renderAt('/library');
    const card = await screen.findByRole('listitem', { name: 'Saludo en el mostrador' });
    expect(await within(card).findByText('Aprobado (mejor: 100 %)')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Estado'), 'new');
    expect(screen.getByText('1 caso')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Saludo en el mostrador' })).not.toBeInTheDocument();
  });
});

describe('desk', () => {
  describe('in practice', () => {
    it('shows the patient, her mood, her documents and the clock; feedback with the rule follows each choice', async () => {
      storage.data.set('a1', attempt());
      const { user } = renderAt('/desk/a1');
      expect(await screen.findByRole('heading', { level: 2, name: '¿Qué responde?' })).toBeInTheDocument();
      expect(screen.getAllByText('Gloria Hernández García').length).toBeGreaterThan(0);
      expect(screen.getByText('Ánimo: ansiedad')).toBeInTheDocument();
      // The cards follow the first frame (useDrawnAfterPaint).
      expect(await screen.findByRole('figure', { name: /Credencial para votar \(INE\)/ })).toBeInTheDocument();
      expect(screen.getByRole('timer')).toHaveTextContent('09:00');

      await user.click(screen.getByRole('button', { name: 'Nombre.' }));
      expect(await screen.findByText(/Demasiado seco: salude primero\./)).toBeInTheDocument();
      expect(screen.getByRole('heading', { level: 2, name: '¿Qué responde?' })).toHaveFocus();
      expect(screen.getByRole('timer')).toHaveTextContent('09:00');
      // The accepted action is persisted as the attempt's log.
      expect((storage.data.get('a1') as AttemptRecord).log.entries).toEqual([{ type: 'choose', choice: 'seco' }]);
    });

    it('gives a hint on request and records it', async () => {
      storage.data.set('a1', attempt());
      const { user } = renderAt('/desk/a1');
      await user.click(await screen.findByRole('button', { name: 'Pedir una pista' }));
      expect(await screen.findByText('usted')).toContainHTML('usted');
      expect(screen.getByText('usted').tagName).toBe('STRONG');
      expect((storage.data.get('a1') as AttemptRecord).log.entries).toEqual([{ type: 'hint' }]);
    });

    it('resumes a stored attempt at the same step, and ends with a link to the debrief', async () => {
      storage.data.set('a1', attempt({ entries: [{ type: 'choose', choice: 'formal' }] }));
      const { user } = renderAt('/desk/a1');
      await user.click(await screen.findByRole('button', { name: 'Pase a la sala, por favor.' }));
      expect(await screen.findByRole('heading', { level: 2, name: 'Caso terminado' })).toHaveFocus();
      expect(screen.getByText('La paciente espera su turno.')).toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Ver el resultado' })).toHaveAttribute('href', '/debrief/a1');
      expect((storage.data.get('a1') as AttemptRecord).summary).toEqual({ finished: true, percent: 100, passed: true });
    });

    it('switches language mid-run without losing the run', async () => {
      storage.data.set('a1', attempt({ entries: [{ type: 'choose', choice: 'seco' }] }));
      const { user } = renderAt('/desk/a1');
      expect(await screen.findByRole('button', { name: 'Pase a la sala, por favor.' })).toBeInTheDocument();
      await user.click(within(screen.getByRole('group', { name: 'Idioma' })).getByRole('button', { name: 'English' }));
      expect(await screen.findByRole('button', { name: 'Please go to the waiting room.' })).toBeInTheDocument();
      expect(screen.getByRole('timer')).toHaveTextContent('Simulated time: 09:00');
      expect((storage.data.get('a1') as AttemptRecord).log.entries).toHaveLength(1);
    });
  });

  describe('in assessment', () => {
    it('shows no feedback and offers no hint', async () => {
      storage.data.set('a1', attempt({ mode: 'assessment' }));
      const { user } = renderAt('/desk/a1');
      await user.click(await screen.findByRole('button', { name: 'Nombre.' }));
      expect(await screen.findByRole('button', { name: 'Pase a la sala, por favor.' })).toBeInTheDocument();
      expect(screen.queryByText(/Demasiado seco/)).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Pedir una pista' })).not.toBeInTheDocument();
    });
  });

  describe('when storage fails', () => {
    it('keeps working in memory, says so, and offers the attempt as a file', async () => {
      storage.data.set('a1', attempt());
      storage.failWrites = true;
      const { user } = renderAt('/desk/a1');
      await user.click(await screen.findByRole('button', { name: 'Buenos días, señora. ¿En qué le puedo ayudar?' }));
      expect(await screen.findByText(/No se pudo guardar el último cambio/)).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Descargar el intento (JSON)' })).toBeInTheDocument();
      expect(await screen.findByRole('button', { name: 'Pase a la sala, por favor.' })).toBeInTheDocument();
    });
  });

  it('says so when the attempt does not exist', async () => {
    renderAt('/desk/nope');
    expect(await screen.findByRole('heading', { level: 1, name: 'No encontramos este intento' })).toBeInTheDocument();
  });

  it('sets aside a corrupted stored attempt with a message, and shows the rest', async () => {
    storage.data.set('bad', { version: 1, id: 'bad', nonsense: true });
    storage.data.set('a1', attempt());
    renderAt('/desk/a1');
    expect(await screen.findByText(/estaban dañados y se apartaron \(1\)/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Nombre.' })).toBeInTheDocument();
    expect(storage.aside.map((a) => a.key)).toEqual(['bad']);
  });
});

describe('case page', () => {
  it('starts a practice attempt and opens its desk', async () => {
    const { user, current } = renderAt('/case/saludo-cordial');
    await user.click(await screen.findByRole('button', { name: 'Empezar práctica' }));
    expect(await screen.findByRole('heading', { level: 2, name: '¿Qué responde?' })).toBeInTheDocument();
    const id = current().pathname.replace('/desk/', '');
    expect((storage.data.get(id) as AttemptRecord).log.mode).toBe('practice');
  });
});

describe('debrief', () => {
  const finished = () =>
    attempt({ entries: [{ type: 'hint' }, { type: 'choose', choice: 'seco' }, { type: 'choose', choice: 'pase' }] });

  it('shows percent, pass or fail, a bar per category with text, and each item with its feedback and action', async () => {
    storage.data.set('a1', finished());
    renderAt('/debrief/a1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Resultado: Saludo en el mostrador' })).toBeInTheDocument();
    expect(screen.getByText('0 %')).toBeInTheDocument();
    expect(screen.getByText('No aprobado')).toBeInTheDocument();
    const bars = screen.getByRole('region', { name: 'Por categoría' });
    expect(within(bars).getByText(/Comunicación/)).toBeInTheDocument();
    expect(within(bars).getByText('0 % — -1 de 3 puntos')).toBeInTheDocument();
    const items = screen.getByRole('region', { name: 'Cada decisión evaluada' });
    expect(within(items).getByText('Demasiado seco: salude primero.')).toBeInTheDocument();
    expect(within(items).getByText(/Respondió: «Nombre\.»/)).toBeInTheDocument();
    const timeline = screen.getByRole('region', { name: 'Línea de tiempo' });
    expect(within(timeline).getByText(/Pidió una pista/)).toBeInTheDocument();
  });

  it('replays the attempt step by step', async () => {
    storage.data.set('a1', finished());
    const { user } = renderAt('/debrief/a1');
    const replay = await screen.findByRole('region', { name: 'Repetición paso a paso' });
    expect(within(replay).getByText('Acción 3 de 3')).toBeInTheDocument();
    await user.click(within(replay).getByRole('button', { name: 'Anterior' }));
    await user.click(within(replay).getByRole('button', { name: 'Anterior' }));
    expect(within(replay).getByText('Acción 1 de 3')).toBeInTheDocument();
    expect(within(replay).getByText(/Paso: saludo/)).toBeInTheDocument();
    expect(within(replay).getByRole('slider', { name: 'Posición en la repetición' })).toHaveValue('1');
  });

  it('retries with a new attempt', async () => {
    storage.data.set('a1', finished());
    const { user, current } = renderAt('/debrief/a1');
    await user.click(await screen.findByRole('button', { name: 'Intentar de nuevo' }));
    expect(await screen.findByRole('button', { name: 'Nombre.' })).toBeInTheDocument();
    expect(current().pathname).not.toBe('/desk/a1');
  });
});
