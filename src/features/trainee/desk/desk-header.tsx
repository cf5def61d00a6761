import { Component, memo, type RefObject } from 'react';
import type { RunView } from '../../../engine/run/run';
import type { TraineeT } from './trainee-t';

/** Title, mode, simulated clock and action count. */
export const DeskHeader = memo(function DeskHeader({ title, mode, clock, actions, embedded, t }: { title: string; mode: RunView['mode']; clock: string; actions: number; embedded: boolean; t: TraineeT }) {
  return (
    <header className="desk__header">
      {embedded ? <h3>{title}</h3> : <h1>{title}</h1>}
      <p className="desk__meta">
        <span className={`mode-badge mode-badge--${mode}`}>
          {t('desk.modeLabel')}: {t(`common.${mode}`)}
        </span>
        {!embedded && (
          <span role="timer" aria-live="polite" aria-atomic="true" className="desk__clock">
            {t('desk.clock')}: <strong>{clock}</strong>
          </span>
        )}
        <span className="desk__actions">{t('desk.progress', { actions })}</span>
      </p>
    </header>
  );
});

/**
 * A new step (or the end) moves focus to the step heading, so keyboard and screen-reader users start
 * there. Focus moves before React changes the DOM (getSnapshotBeforeUpdate has no hook equivalent):
 * the control that was clicked is often removed, and removing the focused node makes Chromium
 * recompute style and layout halfway through the update and fire blur events. Focusing without
 * scrolling needs no layout; the heading is scrolled into view only when it was out of sight (an
 * IntersectionObserver keeps count without forcing a layout on the action's frame). The first step
 * is left alone.
 */
export class StepFocus extends Component<{ stepKey: string; target: RefObject<HTMLElement | null> }> {
  private visible = true;
  private observer: IntersectionObserver | null = null;

  override componentDidMount(): void {
    const target = this.props.target.current;
    if (!target || typeof IntersectionObserver !== 'function') return;
    this.observer = new IntersectionObserver((entries) => {
      for (const entry of entries) this.visible = entry.isIntersecting;
    });
    this.observer.observe(target);
  }

  override componentWillUnmount(): void {
    this.observer?.disconnect();
  }

  override getSnapshotBeforeUpdate(previous: Readonly<{ stepKey: string }>): boolean {
    if (previous.stepKey === this.props.stepKey) return false;
    this.props.target.current?.focus({ preventScroll: true });
    return true;
  }

  override componentDidUpdate(_props: unknown, _state: unknown, moved: boolean): void {
    if (moved && !this.visible) this.props.target.current?.scrollIntoView?.({ block: 'nearest' });
  }

  override render(): null {
    return null;
  }
}
