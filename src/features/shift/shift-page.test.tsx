// @vitest-environment jsdom
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { Route, Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { createTestI18n } from '../../test-i18n';
import { loadLibrary } from '../../engine/load/library';
import { fromFileLog, type LogEntry } from '../../engine/format/log';
import { newAttempt, type AttemptRecord } from '../../stores/attempt-record';
import { useAttemptsStore } from '../../stores/attempts-store';
import { useLibraryStore } from '../../stores/library-store';
import { ShiftPage } from './shift-page';

const ROOT = join(import.meta.dirname, '../../../');
const walk = (dir: string): string[] =>
  readdirSync(dir)
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]))
    .filter((path) => /\.ya?ml$/.test(path));
const library = loadLibrary(walk(join(ROOT, 'scenarios')).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') })));
const SHIFT_ID = 'turno-matutino-umf-cdmx';

/** A stored shift attempt with `entries` and the given stored summary. */
const stored = (id: string, entries: LogEntry[], summary: AttemptRecord['summary'], updatedAt: string): AttemptRecord => {
  const record = newAttempt({ id, caseId: SHIFT_ID, seed: 0, mode: 'practice', now: updatedAt, kind: 'shift' });
  return { ...record, log: { ...record.log, entries }, summary };
};

beforeEach(() => {
  // The documents as the route's loader leaves them (`need` has nothing more to download).
  useLibraryStore.setState({ loaded: { cases: library.cases, clinics: library.clinics, shifts: library.shifts } });
});

const renderPage = () =>
  render(
    <I18nextProvider i18n={createTestI18n('es-MX')}>
      <Router hook={memoryLocation({ path: `/shift/${SHIFT_ID}` }).hook}>
        <Route path="/shift/:shiftId">
          <ShiftPage />
        </Route>
      </Router>
    </I18nextProvider>,
  );

describe('ShiftPage', () => {
  it("shows each attempt's result re-scored from its log: checking first, then the log's figures, never a forged summary", async () => {
    const read = fromFileLog(library.shifts.get(SHIFT_ID)!.tests[0]!.log);
    if (!read.ok) throw new Error('the self-test log does not read');
    useAttemptsStore.setState({
      attempts: {
        forged: stored('forged', [], { finished: true, percent: 100, passed: true }, '2026-03-09T09:00:00Z'),
        played: stored('played', read.entries, { finished: false, percent: 0, passed: false }, '2026-03-09T08:00:00Z'),
      },
    });
    renderPage();
    const list = () => within(screen.getByRole('region', { name: 'Sus intentos' }));
    expect(list().getAllByText(/Revisando…/)).toHaveLength(2);
    expect(list().queryByRole('link', { name: /Ver resultado/ })).toBeNull();

    // The empty log is a shift still to play; the played log is finished, as its replay scores it.
    expect(await list().findByRole('link', { name: 'Continuar' }, { timeout: 10_000 })).toHaveAttribute('href', '/shift-desk/forged');
    const result = list().getByRole('link', { name: /^Ver resultado/ });
    expect(result).toHaveAttribute('href', '/shift-debrief/played');
    expect(list().queryByText(/Revisando…/)).toBeNull();
    expect(list().getAllByRole('link')).toHaveLength(2);
  });
});
