/**
 * Replay: scenario + seed + log -> the same snapshot and result, anywhere. Resume after a reload,
 * an instructor's review and the scenario self-tests are all replays.
 */
import { t, type LocalizedText } from '../../domain/text';
import { fromFileEntry, parseEntry, persistedLogSchema, type EntryParse, type LogEntry } from '../format/log';
import { createRun, sendAllParsed, type CaseSource, type Run, type RunOptions, type RunView } from './run';
import type { RunResult } from './score';

/** A replay that fits: the rebuilt run (live, for resuming), its snapshot and result. */
export interface ReplayOk {
  ok: true;
  run: Run;
  snapshot: RunView;
  result: RunResult;
}

/** A log that does not fit: the index of the first bad action and why. */
export interface ReplayRejected {
  ok: false;
  index: number;
  reason: LocalizedText;
}

/** Reads an entry in either spelling: internal (`{ type: 'choose', ... }`) or file (`{ choose: x }`). */
export function readEntry(value: unknown): EntryParse {
  const internal = typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
  return internal ? parseEntry(value) : fromFileEntry(value);
}

/**
 * Rebuilds a run from its log. The third argument is the seed, or the run options (seed, mode,
 * workflows, clinic). The run stays live so a UI can resume it; call `run.stop()` when done.
 */
export function replay(source: CaseSource, log: readonly unknown[], seedOrOptions: number | RunOptions = {}): ReplayOk | ReplayRejected {
  const opts = typeof seedOrOptions === 'number' ? { seed: seedOrOptions } : seedOrOptions;
  const run = createRun(source, opts);
  // Read every entry first (up to the first unreadable one), then send them all: a run of task
  // actions, or of choices, hints and waits, then takes one step of the run machine.
  const entries: LogEntry[] = [];
  let unreadable: ReplayRejected | null = null;
  for (let i = 0; i < log.length; i++) {
    const parsed = readEntry(log[i]);
    if (!parsed.ok) {
      unreadable = { ok: false, index: i, reason: parsed.reason };
      break;
    }
    entries.push(parsed.entry);
  }
  const sent = sendAllParsed(run, entries);
  if (sent.reason !== null || unreadable) {
    run.stop();
    return sent.reason !== null ? { ok: false, index: sent.accepted, reason: sent.reason } : (unreadable as ReplayRejected);
  }
  return { ok: true, run, snapshot: run.snapshot(), result: run.result() };
}

/** Replays a persisted log (validated first; its scenario id must match the case). */
export function replayPersisted(source: CaseSource, persisted: unknown, opts: Omit<RunOptions, 'seed' | 'mode'> = {}): ReplayOk | ReplayRejected {
  const parsed = persistedLogSchema.safeParse(persisted);
  if (!parsed.success) {
    return { ok: false, index: -1, reason: t('El registro guardado no tiene un formato válido.', 'The saved log is not in a valid format.') };
  }
  const scenarioId = 'data' in source && 'scenario' in source ? source.scenario.id : source.id;
  if (parsed.data.scenarioId !== scenarioId) {
    return {
      ok: false,
      index: -1,
      reason: t(`El registro es del caso "${parsed.data.scenarioId}", no de "${scenarioId}".`, `The log belongs to case "${parsed.data.scenarioId}", not "${scenarioId}".`),
    };
  }
  return replay(source, parsed.data.entries as LogEntry[], { ...opts, seed: parsed.data.seed, mode: parsed.data.mode });
}
