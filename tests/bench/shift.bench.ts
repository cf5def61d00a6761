/**
 * Shift bench: an 8-hour shift with 120 arrivals (every 4 minutes, desk and phone alternating),
 * generated in memory from a few library cases, played headless by a scripted desk (answer calls
 * first, then the longest wait) with each case's best test log. Prints the heap before, after 30,
 * 60 and 120 finished patients, after the shift and after a GC, and the time to replay the full log.
 * Memory should stay flat: finished child runs are stopped and kept only as their outcome.
 */
import { join } from 'node:path';
import { nodeFileSystem } from '../../src/cli/node-files';
import { loadLibraryFrom } from '../../src/engine/load/library';
import { fromFileLog, type LogEntry } from '../../src/engine/format/log';
import { shiftSchema } from '../../src/engine/format/scenario.schema';
import { createShift, prepareShift, replayShift, type ShiftRun } from '../../src/engine/shift/shift';
import type { Bench, Figure } from './bench';

/** Cases reused by the bench: [case id, channel]; each must have a best-path test first. */
const ROTATION: [string, 'desk' | 'phone'][] = [
  ['vigencia-imss-activa', 'desk'],
  ['agenda-doble-cita', 'phone'],
];
const ARRIVALS = 120;

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const heapMb = (): number => process.memoryUsage().heapUsed / (1024 * 1024);

/** Plays the shift with the scripted desk; calls `onFinished(n)` each time a patient's case closes. */
function play(run: ShiftRun, logs: Map<string, LogEntry[]>, onFinished: (finished: number) => void): void {
  const pending = new Map<number, LogEntry[]>();
  let finished = 0;
  for (let guard = 0; guard < 100_000 && run.snapshot().status === 'playing'; guard++) {
    const view = run.snapshot();
    if (view.active) {
      const arrival = view.active.arrival;
      let rest = pending.get(arrival);
      if (!rest) pending.set(arrival, (rest = [...(logs.get(view.active.caseId) ?? [])]));
      const next = rest.shift();
      if (!next || !run.send(next).ok) throw new Error(`the scripted log of ${view.active.caseId} does not fit`);
      if (!run.snapshot().active) {
        pending.delete(arrival);
        onFinished(++finished);
      }
      continue;
    }
    const ringing = view.calls.find((c) => c.status === 'ringing');
    const waiting = view.queue[0];
    if (ringing) run.send({ type: 'shift.answer', arrival: ringing.arrival });
    else if (waiting) run.send({ type: 'shift.serve', arrival: waiting.arrival });
    else run.send({ type: 'wait', seconds: Math.max(1, (view.nextAt ?? view.clock.seconds + 60) - view.clock.seconds) });
  }
}

export const shiftBench: Bench = {
  name: 'shift',
  run: async () => {
    const lib = await loadLibraryFrom(nodeFileSystem, [join(import.meta.dirname, '../../scenarios')]);
    const logs = new Map<string, LogEntry[]>();
    for (const [id] of ROTATION) {
      const test = lib.cases.get(id)?.tests[0];
      const parsed = test ? fromFileLog(test.log) : null;
      if (!parsed?.ok) throw new Error(`case ${id} has no usable best-path test`);
      logs.set(id, parsed.entries);
    }
    const clock = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
    const shift = shiftSchema.parse({
      format: 1,
      kind: 'shift',
      id: 'turno-bench',
      title: { 'es-MX': 'Turno de 8 horas', en: '8-hour shift' },
      summary: { 'es-MX': 'Banco de pruebas', en: 'Benchmark' },
      difficulty: 'advanced',
      minutes: 480,
      region: 'urban',
      objectives: [{ 'es-MX': 'Atender', en: 'Serve' }],
      clinic: 'umf-centro-cdmx',
      start: '07:00',
      end: '15:00',
      rubric: { pass: 70, weights: { efficiency: 50, communication: 50 } },
      arrivals: Array.from({ length: ARRIVALS }, (_, i) => {
        const [id, channel] = ROTATION[i % ROTATION.length] as [string, 'desk' | 'phone'];
        return { at: clock(7 * 60 + i * 4), case: id, channel };
      }),
    });
    gc();
    const before = heapMb();
    const prepared = await prepareShift(shift, lib, 0);
    const run = createShift(prepared, { mode: 'practice' });
    const marks: Figure[] = [];
    let mostChildren = 0;
    const started = performance.now();
    play(run, logs, (n) => {
      // Right after a patient's case closes, nothing of it may stay alive.
      mostChildren = Math.max(mostChildren, run.liveChildren());
      if (n === 30 || n === 60 || n === 120) {
        gc();
        marks.push({ label: `heap after ${n} finished patients`, value: heapMb(), unit: 'MB' });
      }
    });
    const playMs = performance.now() - started;
    const result = run.result();
    const log = run.log();
    run.stop();
    const after = heapMb();
    gc();
    const afterGc = heapMb();
    const replayStart = performance.now();
    const replayed = replayShift(prepared, log, { mode: 'practice' });
    const replayMs = performance.now() - replayStart;
    if (!replayed.ok || replayed.result.percent !== result.percent) throw new Error('the shift log does not replay to the same result');
    replayed.run.stop();
    return [
      { label: `shift played: ${result.timeline.filter((t) => t.status === 'finished').length}/${ARRIVALS} patients finished, ${log.length} log entries, ${result.percent} %`, value: playMs, unit: 'ms' },
      { label: 'heap before', value: before, unit: 'MB' },
      ...marks,
      { label: 'heap after the shift', value: after, unit: 'MB' },
      { label: `heap after GC${(globalThis as { gc?: unknown }).gc ? '' : ' (no --expose-gc: not collected)'}`, value: afterGc, unit: 'MB' },
      { label: 'live child runs left after a patient finished (most)', value: mostChildren, unit: 'runs', goal: '0 (finished children are stopped)' },
      { label: 'replay of the full shift log', value: replayMs, unit: 'ms' },
    ];
  },
};
