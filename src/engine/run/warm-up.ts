/**
 * Warm-up: plays a case's self-test logs on scratch runs, one action at a time as the desk sends
 * them, and throws the runs away. A browser runs the engine's code a few times per click, so the
 * first clicks of a session would meet code the JavaScript engine has not optimised yet (decision
 * 0013). The desk runs this in small slices while it is idle; what the trainee's own run holds is
 * never touched.
 */
import { readEntry } from './replay';
import { createRun, type CaseSource, type RunOptions } from './run';
import type { CaseTest } from '../format/scenario.schema';

/**
 * Plays one self-test log on a scratch run until its end or its first rejected action, pausing
 * (yielding) after each action so a caller can spread the work over idle time. Returns the actions
 * accepted. Stopping the generator early (`return()`) stops the scratch run too.
 */
export function* warmUpSteps(source: CaseSource, test: Pick<CaseTest, 'log' | 'mode'>, opts: Omit<RunOptions, 'mode'> = {}): Generator<void, number> {
  const run = createRun(source, { ...opts, mode: test.mode });
  let accepted = 0;
  try {
    for (const raw of test.log) {
      yield;
      const parsed = readEntry(raw);
      if (!parsed.ok || !run.send(parsed.entry).ok) break;
      run.snapshot();
      accepted++;
    }
    run.result();
    run.persisted();
  } finally {
    run.stop();
  }
  return accepted;
}
