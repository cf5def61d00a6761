// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createTestI18n } from '../../test-i18n';
import type { ShiftQueueItem, ShiftView } from '../../engine/shift/shift';
import type { RunMode } from '../../engine/run/run';
import { PaceControl, paceSetting, PhonePanel, QueuePanel, ShiftAnnouncer, type PaceSetting } from './shift-panels';

const wrap = (ui: ReactNode) => render(<I18nextProvider i18n={createTestI18n('es-MX')}>{ui}</I18nextProvider>);
const title = { 'es-MX': 'Alta en la UMF', en: 'Registration' };
const item = (over: Partial<ShiftQueueItem> = {}): ShiftQueueItem => ({
  arrival: 0,
  caseId: 'caso',
  title,
  channel: 'desk',
  status: 'waiting',
  redFlag: false,
  arrived: '08:00',
  waitedSeconds: 0,
  mood: 'calm',
  secondsLeft: null,
  ...over,
});
const names = ['Ana López', 'Beto Ruiz', 'Carla Díaz'];
const nameOf = (i: number) => names[i] ?? String(i);

describe('QueuePanel', () => {
  it('lists who waits with arrival, wait, mood, visit and a red-flag marker as text, and serves the one chosen', async () => {
    const onServe = vi.fn();
    wrap(
      <QueuePanel
        queue={[item({ arrival: 1, waitedSeconds: 25 * 60, mood: 'angry', visit: 'previa' }), item({ arrival: 2, redFlag: true, status: 'paused', arrived: '08:10' })]}
        nameOf={nameOf}
        lang="es-MX"
        onServe={onServe}
      />,
    );
    // The heading counts who waits, so a screen reader user hears the size of the queue.
    const rows = within(screen.getByRole('region', { name: 'Sala de espera (2)' })).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('Beto Ruiz');
    expect(rows[1]).toHaveTextContent('25 min');
    expect(rows[1]).toHaveTextContent('Enojada(o)');
    expect(rows[1]).toHaveTextContent('Cita previa');
    expect(rows[1]).not.toHaveTextContent('Signos de alarma');
    expect(rows[2]).toHaveTextContent('Signos de alarma');
    expect(rows[2]).toHaveTextContent('En pausa');
    expect(rows[2]).toHaveTextContent('llegó 08:10');
    // A short visible verb, and an accessible name that starts with it and says whom.
    expect(within(rows[1]!).getByRole('button')).toHaveTextContent(/^Atender$/);
    await userEvent.click(screen.getByRole('button', { name: 'Retomar a Carla Díaz' }));
    expect(onServe).toHaveBeenCalledWith(2);
    await userEvent.click(screen.getByRole('button', { name: 'Atender a Beto Ruiz' }));
    expect(onServe).toHaveBeenLastCalledWith(1);
  });

  it('says so when nobody waits', () => {
    wrap(<QueuePanel queue={[]} nameOf={nameOf} lang="es-MX" onServe={() => undefined} />);
    expect(screen.getByText('Nadie espera en el mostrador.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('PhonePanel', () => {
  it('answers a ringing call (with its seconds left), takes back a held one and calls back one that hung up', async () => {
    const onAnswer = vi.fn();
    const onReturn = vi.fn();
    wrap(
      <PhonePanel
        calls={[
          item({ arrival: 0, channel: 'phone', status: 'ringing', secondsLeft: 42 }),
          item({ arrival: 1, channel: 'phone', status: 'on-hold' }),
          item({ arrival: 2, channel: 'phone', status: 'abandoned' }),
        ]}
        nameOf={nameOf}
        lang="es-MX"
        onAnswer={onAnswer}
        onReturn={onReturn}
      />,
    );
    expect(screen.getByText(/cuelga en 42 s/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Contestar a Ana López' }));
    expect(onAnswer).toHaveBeenCalledWith(0);
    await userEvent.click(screen.getByRole('button', { name: 'Retomar la llamada de Beto Ruiz' }));
    await userEvent.click(screen.getByRole('button', { name: 'Devolver la llamada a Carla Díaz' }));
    expect(onReturn.mock.calls).toEqual([[1], [2]]);
    expect(onAnswer).toHaveBeenCalledTimes(1);
  });
});

/** PaceControl with its pace kept in state, as the desk keeps it in the attempt; `onPace` sees each change. */
function PaceHarness({ mode, running = true, initial = { rate: 0, paused: false }, onElapse, onPace }: { mode: RunMode; running?: boolean; initial?: PaceSetting; onElapse: (s: number) => void; onPace?: (p: PaceSetting) => void }) {
  const [pace, setPace] = useState(initial);
  return (
    <PaceControl
      mode={mode}
      running={running}
      pace={pace}
      onElapse={onElapse}
      onPace={(next) => {
        onPace?.(next);
        setPace(next);
      }}
    />
  );
}

describe('PaceControl', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the clock at the chosen pace each real second, and practice can pause and resume it', () => {
    vi.useFakeTimers();
    const onElapse = vi.fn();
    const onPace = vi.fn();
    wrap(<PaceHarness mode="practice" onElapse={onElapse} onPace={onPace} />);
    act(() => vi.advanceTimersByTime(3000));
    expect(onElapse).not.toHaveBeenCalled();
    const select = screen.getByLabelText<HTMLSelectElement>('Ritmo del reloj');
    act(() => {
      select.value = '10';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    act(() => vi.advanceTimersByTime(3000));
    expect(onElapse.mock.calls).toEqual([[10], [10], [10]]);
    act(() => screen.getByRole('button', { name: 'Pausar el reloj' }).click());
    act(() => vi.advanceTimersByTime(5000));
    expect(onElapse).toHaveBeenCalledTimes(3);
    expect(screen.getByText('Reloj en pausa')).toBeInTheDocument();
    act(() => screen.getByRole('button', { name: 'Reanudar el reloj' }).click());
    act(() => {
      select.value = '30';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    act(() => vi.advanceTimersByTime(1000));
    expect(onElapse).toHaveBeenLastCalledWith(30);
    // Every change is reported, so the attempt can keep it.
    expect(onPace.mock.calls).toEqual([[{ rate: 10, paused: false }], [{ rate: 10, paused: true }], [{ rate: 10, paused: false }], [{ rate: 30, paused: false }]]);
  });

  it('starts from a stored pace: a paused practice pace stays paused until resumed', () => {
    vi.useFakeTimers();
    const onElapse = vi.fn();
    wrap(<PaceHarness mode="practice" initial={{ rate: 30, paused: true }} onElapse={onElapse} />);
    expect(screen.getByLabelText<HTMLSelectElement>('Ritmo del reloj').value).toBe('30');
    expect(screen.getByRole('button', { name: 'Reanudar el reloj' })).toHaveAttribute('aria-pressed', 'true');
    act(() => vi.advanceTimersByTime(3000));
    expect(onElapse).not.toHaveBeenCalled();
    act(() => screen.getByRole('button', { name: 'Reanudar el reloj' }).click());
    act(() => vi.advanceTimersByTime(1000));
    expect(onElapse.mock.calls).toEqual([[30]]);
  });

  it('in an assessment offers no pause and locks a chosen pace; a finished shift stops the timer', () => {
    vi.useFakeTimers();
    const onElapse = vi.fn();
    const { rerender } = wrap(<PaceHarness mode="assessment" onElapse={onElapse} />);
    const select = screen.getByLabelText<HTMLSelectElement>('Ritmo del reloj');
    act(() => {
      select.value = '30';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(screen.queryByRole('button', { name: 'Pausar el reloj' })).toBeNull();
    expect(select).toBeDisabled();
    act(() => vi.advanceTimersByTime(2000));
    expect(onElapse.mock.calls).toEqual([[30], [30]]);
    rerender(
      <I18nextProvider i18n={createTestI18n('es-MX')}>
        <PaceControl mode="assessment" running={false} pace={{ rate: 30, paused: false }} onPace={() => undefined} onElapse={onElapse} />
      </I18nextProvider>,
    );
    act(() => vi.advanceTimersByTime(5000));
    expect(onElapse).toHaveBeenCalledTimes(2);
  });

  it('an assessment resumed with a stored pace keeps it locked and running, even if the record says paused', () => {
    vi.useFakeTimers();
    const onElapse = vi.fn();
    const stored = paceSetting({ rate: 10, paused: true }, 'assessment');
    expect(stored).toEqual({ rate: 10, paused: false });
    wrap(<PaceHarness mode="assessment" initial={stored} onElapse={onElapse} />);
    expect(screen.getByLabelText('Ritmo del reloj')).toBeDisabled();
    act(() => vi.advanceTimersByTime(2000));
    expect(onElapse.mock.calls).toEqual([[10], [10]]);
  });

  it('reads a stored pace back: none or an unknown rate is off', () => {
    expect(paceSetting(undefined, 'practice')).toEqual({ rate: 0, paused: false });
    expect(paceSetting({ rate: 17, paused: true }, 'practice')).toEqual({ rate: 0, paused: false });
    expect(paceSetting({ rate: 30, paused: true }, 'practice')).toEqual({ rate: 30, paused: true });
  });
});

describe('ShiftAnnouncer', () => {
  const view = (over: Partial<ShiftView> = {}): ShiftView => ({
    status: 'playing',
    mode: 'practice',
    clock: { seconds: 28800, text: '08:00', elapsed: 0, end: '10:00' },
    queue: [],
    calls: [],
    active: null,
    nextAt: null,
    notices: [],
    services: {},
    dirtyRooms: [],
    done: 0,
    total: 3,
    actions: 0,
    ...over,
  });

  it('stays silent about what was there on opening, then announces arrivals and calls politely and urgent notices assertively', () => {
    const first = view({ queue: [item({ arrival: 0 })] });
    const { rerender } = wrap(<ShiftAnnouncer view={first} nameOf={nameOf} lang="es-MX" />);
    expect(screen.getByTestId('shift-polite')).toHaveTextContent('');
    rerender(
      <I18nextProvider i18n={createTestI18n('es-MX')}>
        <ShiftAnnouncer
          view={view({
            queue: [item({ arrival: 0 }), item({ arrival: 2 })],
            calls: [item({ arrival: 1, channel: 'phone', status: 'ringing', secondsLeft: 60 })],
            notices: [{ at: 28900, type: 'urgent-walk-in', text: { 'es-MX': 'Llega alguien grave.', en: 'Urgent.' } }],
          })}
          nameOf={nameOf}
          lang="es-MX"
        />
      </I18nextProvider>,
    );
    expect(screen.getByTestId('shift-polite')).toHaveTextContent('Llegó Carla Díaz a la sala de espera. Suena el teléfono: Beto Ruiz.');
    expect(screen.getByTestId('shift-polite')).not.toHaveTextContent('Ana López');
    expect(screen.getByTestId('shift-assertive')).toHaveTextContent('Llega alguien grave.');
  });
});
