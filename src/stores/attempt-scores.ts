/**
 * An attempt's figures from its log, never from the summary stored with it: the summary is a copy
 * that an older build, another tab or a hand edit can get wrong ("passed, 100 %" over an empty log).
 * The log is replayed against the case for its seed, as the desk and the debrief do. Imported on
 * demand by the pages that list attempts, so the engine stays out of their first load.
 */
import type { ClinicFile, ScenarioCase } from '../engine/format/scenario.schema';
import { replayPersisted } from '../engine/run/replay';
import { prepareCase } from '../engine/run/variants';
import type { AttemptRecord, AttemptSummary } from './attempt-record';

/** What a log that no longer replays scores: nothing, and not finished (its desk says why). */
export const UNSCORED: AttemptSummary = Object.freeze({ finished: false, percent: 0, passed: false });

/** Re-scores one case attempt from its log. Never rejects. */
export async function rescoreAttempt(record: AttemptRecord, scenario: ScenarioCase, clinic: ClinicFile | undefined): Promise<AttemptSummary> {
  try {
    const prepared = await prepareCase(scenario, record.log.seed, clinic ? { clinic } : {});
    const replayed = replayPersisted(prepared, record.log);
    if (!replayed.ok) return UNSCORED;
    replayed.run.stop();
    const { finished, percent, passed } = replayed.result;
    return { finished, percent, passed };
  } catch {
    return UNSCORED;
  }
}
