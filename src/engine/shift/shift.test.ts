import { fromFileEntry, toFileEntry, type LogEntry } from '../format/log';
import { bestLog, fakeCase, fakeShift, fakeWorkflows } from '../testing/run-fixtures';
import { shiftSchema } from '../format/scenario.schema';
import { createShift, createShiftPace, prepareShift, replayShift, scoreShift, type PreparedShift } from './shift';
import { RING_SECONDS, SHIFT_COSTS } from './shift-types';
import { moodAfter } from './shift-clock';

const tx = (s: string) => ({ 'es-MX': s, en: s });

const shiftFile = fakeShift;

const library = { cases: new Map([['caso-prueba', fakeCase()]]), clinics: new Map() };
const prepare = (overrides: Record<string, unknown> = {}) => prepareShift(shiftFile(overrides), library, 0);
const opts = { workflows: fakeWorkflows };
/** The fake case's best log takes 75 simulated seconds (choose 20, consent 30, fill 15, save 10). */
const caseLog: LogEntry[] = bestLog.map((e) => ({ ...e }));
const serve = (arrival: number): LogEntry => ({ type: 'shift.serve', arrival });
const answer = (arrival: number): LogEntry => ({ type: 'shift.answer', arrival });

describe('shift log entries', () => {
  it('reads and writes the desk actions in file form', () => {
    const read = fromFileEntry({ 'shift.serve': { arrival: 2 } });
    expect(read).toEqual({ ok: true, entry: { type: 'shift.serve', arrival: 2 } });
    expect(fromFileEntry({ 'shift.hold': {} })).toEqual({ ok: true, entry: { type: 'shift.hold' } });
    expect(toFileEntry({ type: 'shift.returnCall', arrival: 1, at: 30 })).toEqual({ 'shift.returnCall': { arrival: 1 }, at: 30 });
  });

  it('rejects a desk action without a whole arrival number or with stray parameters', () => {
    expect(fromFileEntry({ 'shift.serve': { arrival: -1 } }).ok).toBe(false);
    expect(fromFileEntry({ 'shift.answer': { arrival: 1.5 } }).ok).toBe(false);
    expect(fromFileEntry({ 'shift.serve': {} }).ok).toBe(false);
    expect(fromFileEntry({ 'shift.pause': { arrival: 1 } }).ok).toBe(false);
  });
});

describe('a shift', () => {
  let prepared: PreparedShift;
  beforeEach(async () => {
    prepared = await prepare();
  });

  it('fires arrivals at their time: the desk patient waits, the call rings later', () => {
    const run = createShift(prepared, opts);
    const view = run.snapshot();
    expect(view.clock.text).toBe('08:00');
    expect(view.queue.map((q) => q.arrival)).toEqual([0]);
    expect(view.calls).toEqual([]);
    expect(view.nextAt).toBe(8 * 3600 + 60);
    expect(run.send({ type: 'wait', seconds: 60 }).ok).toBe(true);
    expect(run.snapshot().calls).toMatchObject([{ arrival: 1, status: 'ringing', secondsLeft: 6 * RING_SECONDS }]);
    run.stop();
  });

  it('plays a served case through its child run, stops the child and keeps its outcome', () => {
    const run = createShift(prepared, opts);
    expect(run.send(serve(0)).ok).toBe(true);
    expect(run.liveChildren()).toBe(1);
    for (const e of caseLog) expect(run.send(e).ok).toBe(true);
    expect(run.liveChildren()).toBe(0);
    const s = run.state();
    expect(s.arrivals[0]?.status).toBe('finished');
    expect(s.arrivals[0]?.outcome).toMatchObject({ scenarioId: 'caso-prueba', percent: 100, passed: true, finished: true });
    expect(s.clock).toBe(8 * 3600 + SHIFT_COSTS.serve + 75);
    run.stop();
  });

  it('ends when every arrival is resolved, with a full mark for a prompt shift', () => {
    const log = [serve(0), ...caseLog, answer(1), ...caseLog];
    const r = replayShift(prepared, log, opts);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.result).toMatchObject({ finished: true, endReason: 'done', percent: 100, passed: true, abandonedCalls: 0, critical: [] });
    expect(r.result.timeline.map((row) => [row.arrival, row.status, row.arrived, row.served])).toEqual([
      [0, 'finished', '08:00', '08:00'],
      [1, 'finished', '08:01', '08:01'],
    ]);
    expect(r.snapshot.status).toBe('finished');
    r.run.stop();
  });

  it('lets a call ring out after callRings × 10 s, and counts a call back as half', () => {
    // Busy with the desk patient (until 08:01:30) while the phone rings from 08:01 to 08:02.
    const log = [serve(0), ...caseLog, { type: 'wait', seconds: 60 } as LogEntry];
    const r = replayShift(prepared, log, opts);
    if (!r.ok) throw new Error(r.reason.en);
    expect(r.run.state().arrivals[1]).toMatchObject({ status: 'abandoned', abandonedAt: 8 * 3600 + 60 + 60 });
    expect(r.run.send(answer(1)).ok).toBe(false);
    expect(r.run.send({ type: 'shift.returnCall', arrival: 1 }).ok).toBe(true);
    for (const e of caseLog) r.run.send(e);
    const result = r.run.result();
    expect(result.abandonedCalls).toBe(0);
    expect(result.measures.find((m) => m.id === 'calls')).toMatchObject({ count: 1, credit: 0.5 });
    expect(result.timeline[1]).toMatchObject({ abandoned: true, returned: true });
    r.run.stop();
  });

  it('counts a call never returned as abandoned and scores the shift lower', () => {
    const log = [serve(0), ...caseLog, { type: 'wait', seconds: 3600 } as LogEntry];
    const result = scoreShift(prepared, log, opts);
    expect(result).toMatchObject({ finished: true, abandonedCalls: 1 });
    expect(result.percent).toBeLessThan(100);
    // Cases: 100 and 0 -> 50; shift: efficiency 1, communication 0, privacy 1 -> (40 + 10) / 80.
    expect(result.casesPercent).toBe(50);
    expect(result.shiftPercent).toBe(62.5);
    expect(result.percent).toBe(56.25);
  });

  it('rejects an entry that does not fit, and a replay reports its index', () => {
    const run = createShift(prepared, opts);
    expect(run.send({ type: 'choose', choice: 'formal' }).ok).toBe(false);
    expect(run.send(serve(7)).ok).toBe(false);
    expect(run.send(serve(1)).ok).toBe(false); // a call is answered, not served
    expect(run.send({ type: 'shift.hold' }).ok).toBe(false);
    run.stop();
    const r = replayShift(prepared, [{ 'shift.serve': { arrival: 0 } }, { wait: 60 }, { 'shift.answer': { arrival: 1 } }], opts);
    expect(r).toMatchObject({ ok: false, index: 2 });
  });

  it('leaves the shift unchanged by a rejected entry', () => {
    const run = createShift(prepared, opts);
    run.send(serve(0));
    const before = JSON.stringify(run.result());
    expect(run.send({ type: 'choose', choice: 'nope' }).ok).toBe(false);
    expect(run.send(serve(0)).ok).toBe(false);
    expect(JSON.stringify(run.result())).toBe(before);
    expect(run.log()).toHaveLength(1);
    run.stop();
  });

  it('pauses a desk patient to take a call and goes back to them; paused time counts as waiting', () => {
    const run = createShift(prepared, opts);
    run.send(serve(0));
    run.send({ type: 'wait', seconds: 60 });
    expect(run.send({ type: 'shift.pause' }).ok).toBe(true);
    expect(run.send(answer(1)).ok).toBe(true);
    for (const e of caseLog) run.send(e);
    expect(run.snapshot().queue).toMatchObject([{ arrival: 0, status: 'paused' }]);
    expect(run.send(serve(0)).ok).toBe(true);
    for (const e of caseLog) expect(run.send(e).ok).toBe(true);
    const row = run.result().timeline[0];
    // Paused at 08:01:15 (serve 15 s + wait 60 s), resumed after pause 5 + answer 5 + case 75 s.
    expect(row?.waitedMinutes).toBeCloseTo(85 / 60, 1);
    expect(run.result().finished).toBe(true);
    run.stop();
  });

  it('puts a call on hold and takes it back with returnCall (not counted as a call back)', () => {
    const run = createShift(prepared, opts);
    run.send({ type: 'wait', seconds: 60 });
    run.send(answer(1));
    expect(run.send({ type: 'shift.pause' }).ok).toBe(false);
    expect(run.send({ type: 'shift.hold' }).ok).toBe(true);
    expect(run.snapshot().calls).toMatchObject([{ arrival: 1, status: 'on-hold' }]);
    expect(run.send({ type: 'shift.returnCall', arrival: 1 }).ok).toBe(true);
    expect(run.state().arrivals[1]?.returnedAt).toBeNull();
    run.stop();
  });

  it('finishes at the end time: who still waits was never served', () => {
    const r = scoreShift(prepared, [{ wait: 7200 }], opts);
    expect(r).toMatchObject({ finished: true, endReason: 'time', duration: 3600, passed: false });
    expect(r.timeline.map((t) => t.status)).toEqual(['unserved', 'abandoned']);
    expect(r.percent).toBe(0);
    expect(r.casesPercent).toBe(0);
  });

  it('replays the same log to the same result', () => {
    const log = [serve(0), ...caseLog.slice(0, 2), { type: 'shift.pause' } as LogEntry, answer(1), ...caseLog, serve(0), ...caseLog.slice(2)];
    const a = scoreShift(prepared, log, opts);
    const b = scoreShift(prepared, log.map((e) => toFileEntry(e)), opts);
    expect(b).toEqual(a);
    expect(a.finished).toBe(true);
  });
});

describe('shift events', () => {
  it('an urgent walk-in must be attended within redFlagMinutes; late is a critical error', async () => {
    const prepared = await prepare({
      arrivals: [{ at: '08:00', case: 'caso-prueba' }],
      events: [{ at: '08:00', type: 'urgent-walk-in', case: 'caso-prueba', text: tx('Dolor en el pecho') }],
    });
    expect(prepared.plan.map((p) => [p.index, p.redFlag])).toEqual([[0, false], [1, true]]);
    const prompt = scoreShift(prepared, [serve(1), ...caseLog, serve(0), ...caseLog], { ...opts, mode: 'assessment' });
    expect(prompt).toMatchObject({ critical: [], passed: true });
    const late = scoreShift(prepared, [serve(0), ...caseLog, { type: 'wait', seconds: 120 }, serve(1), ...caseLog], { ...opts, mode: 'assessment' });
    expect(late.critical).toEqual(['shift.redFlag/caso-prueba']);
    expect(late.passed).toBe(false);
    const view = createShift(prepared, opts).snapshot();
    expect(view.notices).toEqual([{ at: 8 * 3600, type: 'urgent-walk-in', text: tx('Dolor en el pecho') }]);
  });

  it('a room-dirty event with a case counts the room as turned over when that case ends in time', async () => {
    const prepared = await prepare({
      arrivals: [{ at: '08:00', case: 'caso-prueba' }],
      events: [{ at: '08:05', type: 'room-dirty', room: 'c1', case: 'caso-prueba' }],
    });
    const run = createShift(prepared, opts);
    run.send({ type: 'wait', seconds: 300 });
    expect(run.snapshot().dirtyRooms).toEqual(['c1']);
    run.send(serve(1));
    for (const e of caseLog) run.send(e);
    expect(run.snapshot().dirtyRooms).toEqual([]);
    expect(run.result().measures.find((m) => m.id === 'rooms')).toMatchObject({ count: 1, credit: 1 });
    run.stop();
  });

  it('a portal going down changes the services of cases started after it', async () => {
    const prepared = await prepare({ events: [{ at: '08:00', type: 'portal-down', portal: 'imss' }] });
    const run = createShift(prepared, opts);
    run.send(serve(0));
    expect(run.activeRun()?.context().data.services).toEqual({ imssPortal: 'down', insurerPortal: 'up' });
    expect(run.snapshot().services).toEqual({ imssPortal: 'down' });
    run.stop();
  });

  it('an upset-patient event picks who has waited longest and worsens their mood', async () => {
    const prepared = await prepare({
      arrivals: [{ at: '08:00', case: 'caso-prueba' }, { at: '08:02', case: 'caso-prueba' }],
      events: [{ at: '08:03', type: 'upset-patient' }],
    });
    const run = createShift(prepared, opts);
    run.send({ type: 'wait', seconds: 180 });
    const moods = Object.fromEntries(run.snapshot().queue.map((q) => [q.arrival, q.mood]));
    expect(moods).toEqual({ 0: 'upset', 1: 'calm' });
    run.stop();
  });

  it('the schema asks each event for what it needs', () => {
    const bad = shiftSchema.safeParse({ ...shiftFile(), events: [{ at: '08:00', type: 'urgent-walk-in' }, { at: '08:00', type: 'doctor-late', doctor: 'dr-x' }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['events.0.case', 'events.1.minutes']);
  });
});

describe('mood while waiting', () => {
  it('worsens past the target and again past twice the target', () => {
    expect(moodAfter('calm', 59, 60, false)).toBe('calm');
    expect(moodAfter('calm', 60, 60, false)).toBe('upset');
    expect(moodAfter('anxious', 120, 60, false)).toBe('angry');
    expect(moodAfter('calm', 0, 60, true)).toBe('upset');
  });
});

describe('a real-time pace', () => {
  it('turns real time into merged waits, and only practice can pause it', async () => {
    const prepared = await prepare();
    const run = createShift(prepared, opts);
    const pace = createShiftPace(run, { simulatedPerReal: 10 });
    pace.tick(1000);
    pace.tick(2550);
    expect(run.log()).toEqual([{ type: 'wait', seconds: 35 }]);
    expect(pace.pause().ok).toBe(true);
    pace.tick(10_000);
    expect(run.snapshot().clock.elapsed).toBe(35);
    pace.resume();
    pace.tick(3000);
    expect(run.snapshot().clock.elapsed).toBe(65);
    expect(replayShift(prepared, run.log(), opts)).toMatchObject({ ok: true, result: { duration: 65 } });
    run.stop();
    const exam = createShift(prepared, { ...opts, mode: 'assessment' });
    expect(createShiftPace(exam).pause().ok).toBe(false);
    exam.stop();
  });
});

describe('memory', () => {
  it('keeps at most the attended children alive over many patients', async () => {
    const arrivals = Array.from({ length: 40 }, (_, i) => ({ at: `08:${String(i).padStart(2, '0')}`, case: 'caso-prueba' }));
    const prepared = await prepare({ arrivals, end: '12:00' });
    const run = createShift(prepared, opts);
    let most = 0;
    for (let i = 0; i < 40; i++) {
      const next = run.snapshot().queue[0];
      if (!next) run.send({ type: 'wait', seconds: 60 });
      const n = run.snapshot().queue[0]?.arrival as number;
      run.send(serve(n));
      for (const e of caseLog) run.send(e);
      most = Math.max(most, run.liveChildren());
    }
    expect(most).toBe(0);
    expect(run.result()).toMatchObject({ finished: true, casesPercent: 100 });
    run.stop();
  });
});
