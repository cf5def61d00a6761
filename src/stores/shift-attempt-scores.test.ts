import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadLibrary } from '../engine/load/library';
import { fromFileLog, type LogEntry } from '../engine/format/log';
import { prepareShift, scoreShift } from '../engine/shift/shift';
import { newAttempt, type AttemptRecord } from './attempt-record';
import { rescoreShiftAttempt, UNSCORED } from './shift-attempt-scores';

const ROOT = join(import.meta.dirname, '../../');
const walk = (dir: string): string[] =>
  readdirSync(dir)
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]))
    .filter((path) => /\.ya?ml$/.test(path));
const library = loadLibrary(walk(join(ROOT, 'scenarios')).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') })));

const SHIFT_ID = 'turno-matutino-umf-cdmx';
const shift = library.shifts.get(SHIFT_ID)!;
const bestLog = (): LogEntry[] => {
  const read = fromFileLog(shift.tests[0]!.log);
  if (!read.ok) throw new Error('the self-test log does not read');
  return read.entries;
};
/** A stored shift attempt with `entries` and a forged summary: passed at 100 %. */
const forged = (entries: LogEntry[]): AttemptRecord => {
  const record = newAttempt({ id: 'turno-1', caseId: SHIFT_ID, seed: 0, mode: 'practice', now: '2026-03-09T08:00:00Z', kind: 'shift' });
  return { ...record, log: { ...record.log, entries }, summary: { finished: true, percent: 100, passed: true } };
};

describe('rescoreShiftAttempt', () => {
  it('scores an empty log as a shift not finished, whatever its stored summary says', async () => {
    expect(await rescoreShiftAttempt(forged([]), shift, library)).toEqual({ finished: false, percent: 0, passed: false });
  });

  it('gives a played shift the figures its log replays to', async () => {
    const entries = bestLog();
    const expected = scoreShift(await prepareShift(shift, library, 0), entries, { mode: 'practice' });
    expect(expected.finished).toBe(true);
    const figures = await rescoreShiftAttempt({ ...forged(entries), summary: { finished: false, percent: 0, passed: false } }, shift, library);
    expect(figures).toEqual({ finished: true, percent: expected.percent, passed: expected.passed });
  });

  it('scores nothing for a log that no longer replays, or a shift that names a case the library lacks', async () => {
    const bad = [...bestLog().slice(0, 3), { type: 'shift.serve', arrival: 99 } as LogEntry];
    expect(await rescoreShiftAttempt(forged(bad), shift, library)).toEqual(UNSCORED);
    const missing = { cases: new Map(), clinics: library.clinics };
    expect(await rescoreShiftAttempt(forged(bestLog()), shift, missing)).toEqual(UNSCORED);
  });
});
