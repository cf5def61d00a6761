/**
 * The step-by-step replay of a debrief: back, a slider over the log's positions, forward, and a
 * polite live region with the state at the chosen position. Controlled and presentational: the
 * caller replays the log and hands in what to show, so a case and a shift share one control.
 */
import { useId, type ReactNode } from 'react';
import type { Lang, LocalizedText } from '../domain/text';
import { RichText } from './rich-text';

/** Translated texts of the replay's controls. */
export interface ReplayStepperLabels {
  prev: string;
  next: string;
  /** The slider's visible label. */
  position: string;
  /** How a position reads to assistive technology (0: the start). */
  valueText: (position: number) => string;
}

/** Props of ReplayStepper. */
export interface ReplayStepperProps {
  /** Positions run from 0 (the start) to `total` (after the last action). */
  total: number;
  position: number;
  onPosition: (position: number) => void;
  labels: ReplayStepperLabels;
  /** The state at `position`; announced when it changes. */
  children: ReactNode;
}

/** Back, slider, forward, and the state at the chosen position. */
export function ReplayStepper({ total, position, onPosition, labels, children }: ReplayStepperProps) {
  const sliderId = useId();
  const at = Math.min(Math.max(0, position), total);
  return (
    <>
      <div className="replay__controls">
        <button type="button" className="button" disabled={at <= 0} onClick={() => onPosition(at - 1)}>
          {labels.prev}
        </button>
        <label htmlFor={sliderId}>{labels.position}</label>
        <input id={sliderId} type="range" min={0} max={total} value={at} aria-valuetext={labels.valueText(at)} onChange={(e) => onPosition(Number(e.target.value))} />
        <button type="button" className="button" disabled={at >= total} onClick={() => onPosition(at + 1)}>
          {labels.next}
        </button>
      </div>
      <div role="status" aria-live="polite" className="replay__state">
        {children}
      </div>
    </>
  );
}

/** The dialogue lines shown at a point of the replay. */
export function ReplayLines({ lines, lang }: { lines: readonly LocalizedText[]; lang: Lang }) {
  return (
    <ul className="replay__lines">
      {lines.map((line, i) => (
        <li key={i}>
          <RichText text={line[lang]} />
        </li>
      ))}
    </ul>
  );
}
