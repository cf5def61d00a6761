import { attemptKind, newAttempt, readAttempt } from './attempt-record';

const now = '2026-03-09T08:00:00.000Z';

describe('attempt records: case and shift kinds', () => {
  it('reads a record stored before shifts existed (no kind) as a case', () => {
    const old = newAttempt({ id: 'a-1', caseId: 'registro-primera-vez-imss', seed: 3, mode: 'practice', now });
    expect('kind' in old).toBe(false);
    const read = readAttempt(JSON.parse(JSON.stringify(old)));
    expect(read.ok).toBe(true);
    if (read.ok) expect(attemptKind(read.record)).toBe('case');
  });

  it('keeps a shift attempt a shift through storage, its log naming the shift', () => {
    const record = newAttempt({ id: 's-1', caseId: 'turno-matutino-umf-cdmx', seed: 0, mode: 'assessment', now, kind: 'shift' });
    const read = readAttempt(JSON.parse(JSON.stringify(record)));
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(attemptKind(read.record)).toBe('shift');
      expect(read.record.log.scenarioId).toBe('turno-matutino-umf-cdmx');
    }
  });

  it("keeps a shift's real-time pace through storage, and refuses a malformed one", () => {
    const record = { ...newAttempt({ id: 's-2', caseId: 'turno-matutino-umf-cdmx', seed: 0, mode: 'practice', now, kind: 'shift' }), pace: { rate: 30, paused: true } };
    const read = readAttempt(JSON.parse(JSON.stringify(record)));
    expect(read.ok && read.record.pace).toEqual({ rate: 30, paused: true });
    expect(readAttempt({ ...record, pace: { rate: -1, paused: false } }).ok).toBe(false);
    expect(readAttempt({ ...record, pace: { rate: 10 } }).ok).toBe(false);
  });

  it('refuses an unknown kind', () => {
    const record = { ...newAttempt({ id: 'x-1', caseId: 'c', seed: 0, mode: 'practice', now }), kind: 'school' };
    expect(readAttempt(record).ok).toBe(false);
  });
});

describe('attempt records: validation on the way in', () => {
  const good = () => JSON.parse(JSON.stringify(newAttempt({ id: 'a-9', caseId: 'registro-primera-vez-imss', seed: 7, mode: 'practice', now }))) as Record<string, unknown>;

  it('accepts a stored record with a valid log', () => {
    const record = { ...good(), log: { ...(good().log as object), entries: [{ type: 'choose', choice: 'formal' }, { type: 'registration.enter', field: 'curp', value: 'X', at: 12 }] } };
    const read = readAttempt(record);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.record.log.entries).toHaveLength(2);
  });

  it.each<[string, (r: Record<string, unknown>) => Record<string, unknown>, string]>([
    ['an empty case id', (r) => ({ ...r, caseId: '' }), 'caseId: below the minimum 1'],
    ['a percent above 100', (r) => ({ ...r, summary: { finished: true, percent: 101, passed: true } }), 'summary.percent: above the maximum 100'],
    ['an id with a slash', (r) => ({ ...r, id: 'a/b' }), 'id: does not match'],
    ['an unknown key', (r) => ({ ...r, extra: 1 }), '(root): unknown key extra'],
    ['a missing summary', ({ summary: _summary, ...r }) => r, 'summary: expected object'],
    ['an unknown mode in the log', (r) => ({ ...r, log: { ...(r.log as object), mode: 'exam' } }), 'log.mode: expected "practice" or "assessment"'],
    ['a broken log entry', (r) => ({ ...r, log: { ...(r.log as object), entries: [{ type: 'wait', seconds: -1 }] } }), 'log.entries.0: not a valid log entry'],
    ['a fractional seed', (r) => ({ ...r, log: { ...(r.log as object), seed: 1.5 } }), 'log.seed: expected int'],
    ['a log of another case', (r) => ({ ...r, log: { ...(r.log as object), scenarioId: 'otro-caso' } }), 'log.scenarioId: the log belongs to another case'],
  ])('sets aside %s, naming the field and the problem', (_name, corrupt, reason) => {
    const read = readAttempt(corrupt(good()));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toContain(reason);
  });

  it('refuses values that are not records at all', () => {
    for (const value of [null, 'text', 42, [], undefined]) expect(readAttempt(value).ok).toBe(false);
  });
});
