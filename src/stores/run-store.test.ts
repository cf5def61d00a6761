import type { SendResult } from '../engine/run/run';
import { createRunStore, type RunTiming } from './run-store';

interface Rec {
  id: string;
  log: string[];
  pace?: string;
  at?: string;
}

/** A fake run: accepts 'ok…' entries, refuses the rest. */
class FakeRun {
  entries: string[];
  stopped = false;
  constructor(entries: string[]) {
    this.entries = [...entries];
  }
  send(entry: string): SendResult {
    if (!entry.startsWith('ok')) return { ok: false, reason: { 'es-MX': 'no', en: 'no' } };
    this.entries.push(entry);
    return { ok: true };
  }
  stop() {
    this.stopped = true;
  }
}

/** Timing driven by hand: `frame()` paints the coming frame, `paint()` runs the idle work after it. */
function fakeTiming() {
  let frame: Array<() => void> = [];
  let paint: Array<() => void> = [];
  let leave: Array<() => void> = [];
  const idle: unknown[] = [];
  const timing: RunTiming = {
    afterFrame: (fn) => void frame.push(fn),
    afterPaint: (fn) => {
      paint.push(fn);
      return () => void (paint = paint.filter((f) => f !== fn));
    },
    whenIdle: (tasks) => {
      idle.push(...tasks);
      return () => void (idle.length = 0);
    },
    onLeave: (fn) => {
      leave.push(fn);
      return () => void (leave = leave.filter((f) => f !== fn));
    },
    now: () => '2026-03-09T10:00:00.000Z',
  };
  const drain = (list: () => Array<() => void>, reset: () => void) => () => {
    const due = list();
    reset();
    for (const fn of due) fn();
  };
  return {
    timing,
    idle,
    frame: drain(() => frame, () => (frame = [])),
    paint: drain(() => paint, () => (paint = [])),
    leave: () => [...leave].forEach((fn) => fn()),
  };
}

const refused: SendResult = { ok: false, reason: { 'es-MX': 'otra pestaña', en: 'another tab' } };
const notReady: SendResult = { ok: false, reason: { 'es-MX': 'aún no', en: 'not yet' } };

async function setup(log: string[] = [], replayFails = false) {
  const clock = fakeTiming();
  const saved: Rec[] = [];
  let live: FakeRun | null = null;
  const store = createRunStore({
    record: { id: 'a1', log } as Rec,
    prepare: async () => 'prepared',
    replay: (_prepared, record: Rec) => {
      if (replayFails) return { ok: false as const, reason: { 'es-MX': 'log roto', en: 'broken log' } };
      live = new FakeRun(record.log);
      return { ok: true as const, run: live };
    },
    present: (run: FakeRun, _prepared, record) => ({ entries: [...run.entries], pace: record.pace }),
    recordAfter: (record, run, at) => ({ ...record, log: [...run.entries], at }),
    save: (r) => saved.push(r),
    warmUp: () => [() => [1][Symbol.iterator]()],
    timing: clock.timing,
    readOnly: refused,
    notReady,
  });
  const seen: unknown[] = [];
  store.subscribe(() => seen.push(store.getSnapshot()));
  let busy = 0;
  store.onBusy(() => busy++);
  await store.start();
  return { store, clock, saved, seen, busy: () => busy, run: () => live };
}

const ready = (snapshot: unknown) => (snapshot as { state: 'ready'; view: { entries: string[]; pace?: string } }).view;

describe('createRunStore', () => {
  it('replays the stored log on load and publishes it, then warms up while idle', async () => {
    const { store, seen, clock } = await setup(['ok1', 'ok2']);
    expect(store.getSnapshot().state).toBe('ready');
    expect(ready(store.getSnapshot()).entries).toEqual(['ok1', 'ok2']);
    expect(seen).toHaveLength(1);
    expect(clock.idle).toHaveLength(1);
  });

  it('says why a log that does not replay cannot be played', async () => {
    const { store } = await setup([], true);
    expect(store.getSnapshot()).toEqual({ state: 'failed', reason: { 'es-MX': 'log roto', en: 'broken log' } });
  });

  it('answers before it is ready that the run is not ready', () => {
    const clock = fakeTiming();
    const store = createRunStore({
      record: { id: 'a1' },
      prepare: () => new Promise<never>(() => undefined),
      replay: () => ({ ok: true as const, run: new FakeRun([]) }),
      present: () => null,
      recordAfter: (r) => r,
      save: () => undefined,
      timing: clock.timing,
      readOnly: refused,
      notReady,
    });
    expect(store.dispatch((run) => run.send('ok'))).toBe(notReady);
    expect(store.getSnapshot()).toEqual({ state: 'loading' });
  });

  it('marks an accepted action busy at once and publishes its view only after the frame', async () => {
    const { store, seen, busy, clock } = await setup();
    const before = store.getSnapshot();
    expect(store.dispatch((run) => run.send('ok1'))).toEqual({ ok: true });
    expect(busy()).toBe(1);
    expect(store.getSnapshot()).toBe(before);
    clock.frame();
    expect(ready(store.getSnapshot()).entries).toEqual(['ok1']);
    expect(seen).toHaveLength(2);
  });

  it('publishes paced time at once, without marking the desk busy', async () => {
    const { store, busy } = await setup();
    store.dispatch((run) => run.send('ok-tick'), { acted: false });
    expect(busy()).toBe(0);
    expect(ready(store.getSnapshot()).entries).toEqual(['ok-tick']);
  });

  it('changes nothing for a refused action: no mark, no view, no save', async () => {
    const { store, seen, busy, saved, clock } = await setup();
    expect(store.dispatch((run) => run.send('nope')).ok).toBe(false);
    clock.frame();
    clock.paint();
    expect(busy()).toBe(0);
    expect(seen).toHaveLength(1);
    expect(saved).toEqual([]);
  });

  it('refuses while another tab owns the attempt, and acts again once it owns it', async () => {
    const { store, run, saved, clock } = await setup();
    store.setOwner(false);
    expect(store.dispatch((r) => r.send('ok1'))).toBe(refused);
    expect(run()?.entries).toEqual([]);
    store.update((r) => ({ ...r, pace: 'x10' }));
    clock.paint();
    expect(saved).toEqual([]);
    store.setOwner(true);
    expect(store.dispatch((r) => r.send('ok1')).ok).toBe(true);
  });

  it('saves once after the paint for quick successive actions, with the whole log', async () => {
    const { store, saved, clock } = await setup();
    store.dispatch((run) => run.send('ok1'));
    store.dispatch((run) => run.send('ok2'));
    clock.frame();
    expect(saved).toEqual([]);
    clock.paint();
    expect(saved).toEqual([{ id: 'a1', log: ['ok1', 'ok2'], at: '2026-03-09T10:00:00.000Z' }]);
    expect(store.record()).toBe(saved[0]);
  });

  it('saves a change at once on top of a save still waiting for the paint, and shows it', async () => {
    const { store, saved } = await setup();
    store.dispatch((run) => run.send('ok1'));
    store.update((r) => ({ ...r, pace: 'x10' }));
    expect(saved.map((r) => [r.log, r.pace])).toEqual([
      [['ok1'], undefined],
      [['ok1'], 'x10'],
    ]);
    expect(ready(store.getSnapshot()).pace).toBe('x10');
  });

  it('writes a save still waiting when the page is left, and when the desk goes away', async () => {
    const first = await setup();
    first.store.dispatch((run) => run.send('ok1'));
    first.clock.leave();
    expect(first.saved).toHaveLength(1);
    first.clock.paint();
    expect(first.saved).toHaveLength(1);

    const second = await setup();
    second.store.dispatch((run) => run.send('ok1'));
    second.store.stop();
    expect(second.saved.map((r) => r.log)).toEqual([['ok1']]);
    expect(second.run()?.stopped).toBe(true);
    expect(second.clock.idle).toHaveLength(0);
  });

  it('does not show a view taken for a run that was stopped', async () => {
    const { store, seen, clock } = await setup();
    store.dispatch((run) => run.send('ok1'));
    store.stop();
    clock.frame();
    expect(seen).toHaveLength(1);
  });
});
