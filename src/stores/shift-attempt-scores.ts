/**
 * A shift attempt's figures from its log, never from the summary stored with it (see
 * attempt-scores.ts for cases). The log is replayed against the shift prepared for its seed, as the
 * shift desk and its debrief do. Imported on demand by the shift page, so the engine stays out of
 * its first load, and apart from the case re-scoring so the library does not download the shift
 * engine.
 */
import type { ShiftFile } from '../engine/format/scenario.schema';
import { prepareShift, replayShift, type ShiftLibrary, type ShiftOptions } from '../engine/shift/shift';
import type { AttemptRecord, AttemptSummary } from './attempt-record';
import { UNSCORED } from './attempt-scores';

/** Re-scores one shift attempt from its log; a log that no longer replays scores nothing. Never rejects. */
export async function rescoreShiftAttempt(
  record: AttemptRecord,
  shift: ShiftFile,
  library: ShiftLibrary,
  opts: Pick<ShiftOptions, 'workflows'> = {},
): Promise<AttemptSummary> {
  try {
    const prepared = await prepareShift(shift, library, record.log.seed);
    const replayed = replayShift(prepared, record.log.entries, { ...opts, mode: record.log.mode });
    if (!replayed.ok) return UNSCORED;
    replayed.run.stop();
    const { finished, percent, passed } = replayed.result;
    return { finished, percent, passed };
  } catch {
    return UNSCORED;
  }
}

export { UNSCORED };
