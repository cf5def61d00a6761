import { newAttempt, type AttemptRecord } from './attempt-record';
import { createRescorer, type ScoreBatch } from './rescorer';

const at = '2026-12-08T09:00:00.000Z';
const caseAttempt = (id: string) => newAttempt({ id, caseId: 'saludo', seed: 1, mode: 'practice', now: at });
const shiftAttempt = (id: string) => newAttempt({ id, caseId: 'turno', seed: 1, mode: 'practice', now: at, kind: 'shift' });
const passed = { finished: true, percent: 90, passed: true };

describe('createRescorer', () => {
  it('scores each stored copy of its kind once, and a new copy again', async () => {
    const batches: string[][] = [];
    const score: ScoreBatch = async (todo, put) => {
      batches.push(todo.map((a) => a.id));
      for (const a of todo) put(a, passed);
    };
    const rescorer = createRescorer('case', score);
    const first = caseAttempt('a');
    const shift = shiftAttempt('s');
    let done = 0;
    await rescorer.scoreAll([first, shift], () => done++);
    await rescorer.scoreAll([first, shift], () => done++);
    expect(batches).toEqual([['a']]);
    expect(done).toBe(1);
    expect(rescorer.figures(first)).toEqual(passed);
    expect(rescorer.figures(shift)).toBeUndefined();
    const saved: AttemptRecord = { ...first, updatedAt: '2026-12-08T09:01:00.000Z' };
    expect(rescorer.figures(saved)).toBeUndefined();
    await rescorer.scoreAll([saved], () => done++);
    expect(batches).toEqual([['a'], ['a']]);
  });

  it('leaves a batch whose download failed unscored, to be tried again', async () => {
    let fail = true;
    const rescorer = createRescorer('shift', async (todo, put) => {
      if (fail) throw new TypeError('Failed to fetch dynamically imported module');
      for (const a of todo) put(a, passed);
    });
    const attempt = shiftAttempt('s');
    let done = 0;
    await rescorer.scoreAll([attempt], () => done++);
    expect(done).toBe(1);
    expect(rescorer.figures(attempt)).toBeUndefined();
    fail = false;
    await rescorer.scoreAll([attempt], () => done++);
    expect(rescorer.figures(attempt)).toEqual(passed);
  });
});
