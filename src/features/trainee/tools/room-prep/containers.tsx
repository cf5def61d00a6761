import { memo, useId } from 'react';
import { CONTAINER_IDS, CONTAINERS, MAX_FILL_PERCENT } from '../../../../domain/rpbi';
import { say } from '../tool-text';
import type { PartOf } from '../tool-props';
import { Hidden, roomPart, useTr, type PanelProps } from './room-text';

/** The RPBI containers: how full each is against its fill line, and replacing one. */
/** What the containers panel reads. */
export const CONTAINERS_PART = roomPart('containers');

export const Containers = memo(function Containers({ ctx, lang, dispatch }: PanelProps<PartOf<typeof CONTAINERS_PART>>) {
  const tr = useTr();
  const id = useId();
  return (
    <section className="room-prep-tool__panel room-prep-tool__panel--wide" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{tr('tools.roomPrep.containers.heading')}</h3>
      <ul className="room-prep-tool__containers">
        {CONTAINER_IDS.map((c) => {
          const fill = ctx.containers.fill[c];
          const name = say(CONTAINERS[c].name, lang);
          const percent = tr('tools.roomPrep.containers.percent', { value: fill });
          return (
            <li key={c} className={`room-prep-tool__container room-prep-tool__container--${c}`}>
              <p className="room-prep-tool__container-name" id={`${id}-${c}`}>
                <span className="room-prep-tool__swatch" aria-hidden="true" />
                {name}
                <span className="room-prep-tool__muted">
                  {' '}
                  · {CONTAINERS[c].rpbi ? tr('tools.roomPrep.containers.rpbi') : tr('tools.roomPrep.containers.notRpbi')}
                </span>
              </p>
              <div
                role="meter"
                aria-label={tr('tools.roomPrep.containers.fill', { container: name })}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={fill}
                aria-valuetext={percent}
                className="room-prep-tool__meter"
              >
                <div className="room-prep-tool__meter-fill" style={{ width: `${fill}%` }} />
                {CONTAINERS[c].rpbi && (
                  <div className="room-prep-tool__meter-line" style={{ left: `${MAX_FILL_PERCENT}%` }} aria-hidden="true" />
                )}
              </div>
              <p className="room-prep-tool__meter-text">
                <strong>{percent}</strong>
                {CONTAINERS[c].rpbi && (
                  <span className="room-prep-tool__muted"> · {tr('tools.roomPrep.containers.fillLine', { value: MAX_FILL_PERCENT })}</span>
                )}
              </p>
              <button
                type="button"
                className="room-prep-tool__button"
                onClick={() => dispatch({ type: 'room-prep.replaceContainer', container: c })}
              >
                {tr('tools.roomPrep.containers.replace')}
                <Hidden>{name}</Hidden>
              </button>
            </li>
          );
        })}
      </ul>
      {ctx.containers.sealed.length > 0 && (
        <>
          <h4>{tr('tools.roomPrep.containers.sealed')}</h4>
          <ul>
            {ctx.containers.sealed.map((s, i) => (
              <li key={i}>{tr('tools.roomPrep.containers.sealedLine', { container: say(CONTAINERS[s.container].name, lang), value: s.fill })}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
});
