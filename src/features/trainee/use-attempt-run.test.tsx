// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { t } from '../../domain/text';
import type { LogEntry } from '../../engine/format/log';
import { fakeCase } from '../../engine/testing/run-fixtures';
import { newAttempt, type AttemptRecord } from '../../stores/attempt-record';
import { useAttemptRun, type AttemptRunState } from './use-attempt-run';

/** Two dialogue steps and an end: no task, so the real workflows are never started. */
const scenario = fakeCase({
  start: 'saludo',
  steps: {
    saludo: {
      say: { who: 'patient', 'es-MX': 'Buenos días.', en: 'Good morning.' },
      hint: t('Salude con respeto.', 'Greet politely.'),
      choose: [{ id: 'formal', text: t('Buenos días, señora.', 'Good morning, madam.'), score: { communication: 2 }, next: 'despedida' }],
    },
    despedida: {
      choose: [{ id: 'pase', text: t('Pase a la sala, por favor.', 'Please go to the waiting room.'), score: { communication: 1 }, next: 'fin' }],
    },
    fin: { end: t('La paciente espera.', 'The patient waits.'), outcome: 'success' },
  },
});

const attempt: AttemptRecord = newAttempt({ id: 'a1', caseId: scenario.id, seed: 3, mode: 'practice', now: '2026-03-09T10:00:00.000Z' });

async function readyRun(save: (record: AttemptRecord) => void) {
  const hook = renderHook(() => useAttemptRun(attempt, scenario, undefined, save));
  await waitFor(() => expect(hook.result.current.state).toBe('ready'));
  const send = (entry: LogEntry) => (hook.result.current as Extract<AttemptRunState, { state: 'ready' }>).send(entry);
  return { hook, send };
}

const saved = (save: ReturnType<typeof vi.fn>, call = 0): AttemptRecord => save.mock.calls[call]?.[0] as AttemptRecord;

describe('useAttemptRun', () => {
  it('decides an action at once, shows it after the frame of the input, and saves the record after that, not during the action', async () => {
    const save = vi.fn();
    const { hook, send } = await readyRun(save);
    const stepShown = () => (hook.result.current as Extract<AttemptRunState, { state: 'ready' }>).view.stepId;
    act(() => {
      expect(send({ type: 'choose', choice: 'formal' })).toEqual({ ok: true });
      expect(save).not.toHaveBeenCalled();
    });
    // The input's own frame only acknowledges the action (ui/update-mark.ts); the new step follows.
    expect(stepShown()).toBe('saludo');
    await waitFor(() => expect(stepShown()).toBe('despedida'));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(saved(save).log.entries).toEqual([{ type: 'choose', choice: 'formal' }]);
    expect(saved(save).summary.finished).toBe(false);
  });

  it('writes quick successive actions in one save with the whole log and the final summary', async () => {
    const save = vi.fn();
    const { send } = await readyRun(save);
    act(() => {
      send({ type: 'choose', choice: 'formal' });
      send({ type: 'choose', choice: 'pase' });
    });
    await waitFor(() => expect(save).toHaveBeenCalled());
    expect(save).toHaveBeenCalledTimes(1);
    expect(saved(save).log.entries).toEqual([
      { type: 'choose', choice: 'formal' },
      { type: 'choose', choice: 'pase' },
    ]);
    expect(saved(save).summary).toEqual({ finished: true, percent: 100, passed: true });
  });

  it('does not save a rejected action', async () => {
    const save = vi.fn();
    const { send } = await readyRun(save);
    act(() => {
      expect(send({ type: 'choose', choice: 'nope' }).ok).toBe(false);
    });
    await new Promise((done) => setTimeout(done, 20));
    expect(save).not.toHaveBeenCalled();
  });

  it('writes a pending save at once when the page is hidden or left', async () => {
    const save = vi.fn();
    const { send } = await readyRun(save);
    act(() => {
      send({ type: 'choose', choice: 'formal' });
      dispatchEvent(new Event('pagehide'));
    });
    expect(save).toHaveBeenCalledTimes(1);
    expect(saved(save).log.entries).toHaveLength(1);
    // Nothing is left for the scheduled save to write.
    await new Promise((done) => setTimeout(done, 20));
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('writes a pending save when the desk goes away', async () => {
    const save = vi.fn();
    const { hook, send } = await readyRun(save);
    act(() => {
      send({ type: 'choose', choice: 'formal' });
    });
    hook.unmount();
    expect(save).toHaveBeenCalledTimes(1);
    expect(saved(save).log.entries).toEqual([{ type: 'choose', choice: 'formal' }]);
  });
});
