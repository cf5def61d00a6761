/**
 * A tiny benchmark harness: each bench is a named function that returns figures to print.
 * Benches print numbers; they never fail on timing (budgets are in the architecture document).
 */

/** One printed figure: a label, a value and its unit, and optionally the goal it is held against. */
export interface Figure {
  label: string;
  value: number;
  unit: string;
  goal?: string;
}

/** A benchmark: others add theirs (shift, memory) to the list in run.ts. */
export interface Bench {
  name: string;
  run: () => Promise<Figure[]> | Figure[];
}

/** Calls `fn` repeatedly for about `ms` milliseconds (after a warm-up) and returns calls per second. */
export function perSecond(fn: () => void, ms = 1500): number {
  const warmUntil = performance.now() + Math.min(300, ms / 4);
  while (performance.now() < warmUntil) fn();
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 20; i++) fn();
    calls += 20;
    now = performance.now();
  }
  return (calls * 1000) / (now - start);
}

/** Milliseconds one call of `fn` takes (the best of `runs`, to skip noise from other processes). */
export async function bestTime(fn: () => Promise<unknown> | unknown, runs = 3): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
