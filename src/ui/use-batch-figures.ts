import { useEffect, useState } from 'react';

/** Figures computed in batches after the page is drawn (for example attempts re-scored from their logs). */
export interface BatchFigures<T, F> {
  figures(item: T): F | undefined;
  scoreAll(items: readonly T[], done: () => void): Promise<void>;
}

/** The figures of `items` as they come in: asked for after the render, drawn again once they are in. */
export function useBatchFigures<T, F>(items: readonly T[], source: BatchFigures<T, F>): (item: T) => F | undefined {
  const [, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    void source.scoreAll(items, () => {
      if (current) setRound((r) => r + 1);
    });
    return () => {
      current = false;
    };
  }, [items, source]);
  return (item) => source.figures(item);
}
