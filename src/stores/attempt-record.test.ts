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
