import { xoroshiro128plus, unsafeUniformIntDistribution } from 'pure-rand';

/**
 * A seeded source of randomness. The engine never calls Math.random(): every random choice
 * comes from one of these, so the same seed gives the same run on any machine.
 */
export interface Rng {
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A float in [0, 1). */
  next(): number;
}

/** Creates a seeded generator (pure-rand's xoroshiro128+). */
export function createRng(seed: number): Rng {
  const gen = xoroshiro128plus(seed | 0);
  const int = (min: number, max: number) => unsafeUniformIntDistribution(min, max, gen);
  return {
    int,
    pick: <T>(items: readonly T[]) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    next: () => int(0, 0x7fffffff) / 0x80000000,
  };
}
