// @vitest-environment jsdom
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createTestI18n } from '../../test-i18n';
import { clockToSeconds } from '../../engine/run/case-data';
import { loadLibrary } from '../../engine/load/library';
import { fromFileLog } from '../../engine/format/log';
import { prepareShift, type PreparedShift } from '../../engine/shift/shift';
import { newAttempt, type AttemptRecord } from '../../stores/attempt-record';
import { spokenName } from '../../ui/document-card';
import { analyseShift, type ShiftAnalysis } from './shift-analysis';
import { ShiftReplay } from './shift-replay';
import { ShiftTimeline } from './shift-timeline';

// jsdom gives import.meta.url an http scheme: the repository root comes from the file's directory instead.
const ROOT = join(import.meta.dirname, '../../../');
const walk = (dir: string): string[] =>
  readdirSync(dir)
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]))
    .filter((path) => /\.ya?ml$/.test(path));
const library = loadLibrary(walk(join(ROOT, 'scenarios')).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') })));

/** The morning UMF shift played by its best self-test: registration paused to answer the phone, then resumed. */
const SHIFT_ID = 'turno-matutino-umf-cdmx';
let prepared: PreparedShift;
let attempt: AttemptRecord;
let analysis: ShiftAnalysis;

beforeAll(async () => {
  const shift = library.shifts.get(SHIFT_ID)!;
  prepared = await prepareShift(shift, library, 0);
  const read = fromFileLog(shift.tests[0]!.log);
  if (!read.ok) throw new Error('the self-test log does not read');
  attempt = { ...newAttempt({ id: 'a-1', caseId: SHIFT_ID, seed: 0, mode: 'practice', now: '2026-03-09T08:00:00Z', kind: 'shift' }) };
  attempt.log.entries = read.entries;
  analysis = analyseShift(prepared, attempt);
});

const nameOf = (arrival: number) => spokenName(prepared.cases[arrival]!.data.people.patient!.name);
const titleOf = (caseId: string) => library.cases.get(caseId)?.title['es-MX'] ?? caseId;
const wrap = (ui: React.ReactNode) => render(<I18nextProvider i18n={createTestI18n('es-MX')}>{ui}</I18nextProvider>);

describe('analyseShift', () => {
  it('keeps the desk after every action, and each person’s case as the action left it (a closed case keeps its last view)', () => {
    expect(analysis.result.finished).toBe(true);
    expect(analysis.moments).toHaveLength(attempt.log.entries.length + 1);
    expect(analysis.moments[0]).toMatchObject({ index: -1, entry: null, clock: '08:00', waiting: 1 });
    const first = analysis.moments.filter((m) => m.arrival === 0);
    expect(first[0]?.entry).toEqual({ type: 'shift.serve', arrival: 0 });
    expect(first[first.length - 1]?.caseView?.status).toBe('finished');
    expect(first[first.length - 1]?.casePercent).toBe(100);
    // Waits concern nobody.
    expect(analysis.moments.filter((m) => m.entry?.type === 'wait').every((m) => m.arrival === null && m.caseView === null)).toBe(true);
  });

  it('records each stretch a person was attended: the paused registration has two, around the answered call', () => {
    const spans = analysis.attended.filter((s) => s.arrival === 0);
    expect(spans).toHaveLength(2);
    const call = analysis.attended.filter((s) => s.arrival === 1);
    expect(call).toHaveLength(1);
    expect(spans[0]!.to).toBeLessThanOrEqual(call[0]!.from);
    expect(call[0]!.to).toBeLessThanOrEqual(spans[1]!.from);
    for (const s of analysis.attended) expect(s.to).toBeGreaterThan(s.from);
  });
});

describe('ShiftReplay', () => {
  it('replays one person step by step with their case, and the whole shift to its last action', async () => {
    wrap(<ShiftReplay analysis={analysis} nameOf={nameOf} titleOf={titleOf} lang="es-MX" />);
    const status = screen.getByRole('status');
    const total = attempt.log.entries.length;
    expect(status).toHaveTextContent(`Acción ${total} de ${total}`);
    const name = nameOf(2);
    await userEvent.selectOptions(screen.getByLabelText('Qué repetir'), `3. ${name} — ${titleOf('vigencia-imss-activa')} (Mostrador)`);
    const mine = analysis.moments.filter((m) => m.arrival === 2).length;
    expect(status).toHaveTextContent(`Acción 1 de ${mine}`);
    expect(status).toHaveTextContent(`Atendió a ${name} (llegada 3)`);
    // Served: the case opens on its first dialogue.
    expect(within(status).getAllByRole('listitem').length).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole('button', { name: 'Acción siguiente' }));
    expect(status).toHaveTextContent(`Acción 2 de ${mine}`);
    expect(status).toHaveTextContent(`Caso de ${name}: paso «vigencia»`);
    expect(status).toHaveTextContent('Herramienta abierta: Verificación de cobertura');
    await userEvent.click(screen.getByRole('button', { name: 'Acción anterior' }));
    await userEvent.click(screen.getByRole('button', { name: 'Acción anterior' }));
    expect(status).toHaveTextContent(`Antes de atender a ${name}`);
    expect(screen.getByRole('button', { name: 'Acción anterior' })).toBeDisabled();
  });
});

describe('ShiftTimeline', () => {
  it('draws one row per arrival on the hours played, with one blue bar per stretch attended', () => {
    const { container } = wrap(
      <ShiftTimeline
        rows={analysis.result.timeline}
        attended={analysis.attended}
        start={clockToSeconds('08:00')}
        end={clockToSeconds('10:00')}
        now={clockToSeconds('08:00') + analysis.result.duration}
        targets={prepared.shift.targets}
        nameOf={nameOf}
        titleOf={titleOf}
      />,
    );
    expect(screen.getByRole('img', { name: 'Línea de tiempo' })).toBeInTheDocument();
    const rows = container.querySelectorAll('.shift-timeline__row');
    expect(rows).toHaveLength(prepared.plan.length);
    expect(rows[0]!.querySelectorAll('rect[fill="#1f5fa8"]')).toHaveLength(2);
    // The shift ended before 09:00: the axis stops there instead of at 10:00.
    const ticks = [...container.querySelectorAll('svg > g > text')].map((t) => t.textContent);
    expect(ticks).toContain('08:30');
    expect(ticks).not.toContain('10:00');
  });
});
