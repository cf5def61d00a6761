/**
 * Who is at the desk now: the people who spoke since the last action, or the person the task in
 * progress is for. The run keeps the previous list when it has not changed, so a desk selecting it
 * redraws only when someone arrives or leaves.
 */
import type { RunContext } from './run-types';

/** The ids of the people at the desk in `ctx` (never the narrator). */
export function presentAt(ctx: RunContext): string[] {
  const speakers = [...new Set(ctx.lines.map((l) => l.who).filter((w) => w !== 'narrator'))];
  if (speakers.length > 0) return speakers;
  return [ctx.task ? (ctx.scenario.steps[ctx.task.stepId]?.for ?? 'patient') : 'patient'];
}

/** `next`, or `previous` when it holds the same items in the same order (a stable value for selectors). */
export function keepIfSame<T>(next: readonly T[], previous: readonly T[] | undefined): readonly T[] {
  return previous && previous.length === next.length && previous.every((v, i) => v === next[i]) ? previous : next;
}
