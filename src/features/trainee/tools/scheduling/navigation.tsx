import { memo, useId, useState } from 'react';
import { addDays } from '../../../../domain/calendar';
import { useTr } from './agenda';

/** The agenda's date, the previous and next day or week, today, and the day or week view. */

export const Navigation = memo(function Navigation(props: {
  date: string;
  today: string;
  view: 'day' | 'week';
  step: number;
  onView: (view: 'day' | 'week') => void;
  onDate: (date: string) => void;
}) {
  const tr = useTr();
  const id = useId();
  const [draft, setDraft] = useState(props.date);
  const [shown, setShown] = useState(props.date);
  if (shown !== props.date) {
    setShown(props.date);
    setDraft(props.date);
  }
  const week = props.view === 'week';
  return (
    <fieldset className="scheduling-tool__group">
      <legend>{tr('tools.scheduling.navigation.legend')}</legend>
      <div className="scheduling-tool__row">
        <label htmlFor={`${id}-date`}>{tr('tools.scheduling.navigation.date')}</label>
        <input
          id={`${id}-date`}
          type="date"
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            props.onDate(e.target.value);
          }}
        />
      </div>
      <div className="scheduling-tool__row scheduling-tool__buttons">
        <button type="button" className="scheduling-tool__button" onClick={() => props.onDate(addDays(props.date, -props.step))}>
          {week ? tr('tools.scheduling.navigation.prevWeek') : tr('tools.scheduling.navigation.prevDay')}
        </button>
        <button type="button" className="scheduling-tool__button" onClick={() => props.onDate(props.today)}>
          {tr('tools.scheduling.navigation.today')}
        </button>
        <button type="button" className="scheduling-tool__button" onClick={() => props.onDate(addDays(props.date, props.step))}>
          {week ? tr('tools.scheduling.navigation.nextWeek') : tr('tools.scheduling.navigation.nextDay')}
        </button>
      </div>
      <div className="scheduling-tool__row scheduling-tool__buttons" role="group" aria-label={tr('tools.scheduling.navigation.view')}>
        {(['day', 'week'] as const).map((v) => (
          <button
            key={v}
            type="button"
            className="scheduling-tool__button scheduling-tool__toggle"
            aria-pressed={props.view === v}
            onClick={() => props.onView(v)}
          >
            {tr(`tools.scheduling.navigation.${v}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
});
