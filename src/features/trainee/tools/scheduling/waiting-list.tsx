import { memo, useId } from 'react';
import type { Slot } from '../../../../domain/calendar';
import { SPECIALTY_NAMES } from '../../../../domain/clinic';
import type { Lang } from '../../../../domain/text';
import type { PartOf } from '../tool-props';
import { say } from '../tool-text';
import { agendaPart, doctorName, ESCALATION_TARGETS, longDate, paramsOf, useTr, type Dispatch } from './agenda';

/** What the waiting list reads. */
export const WAITING_PART = agendaPart('clinic', 'given', 'record');
import { ChoiceForm } from './choice-form';

/** The waiting list, the times freed today, and the offers made to the people waiting. */
export const WaitingList = memo(function WaitingList({ ctx, lang, dispatch }: { ctx: PartOf<typeof WAITING_PART>; lang: Lang; dispatch: Dispatch }) {
  const tr = useTr();
  const id = useId();
  const slotText = (s: Slot) => `${longDate(s.date, lang)}, ${s.start} · ${doctorName(ctx.clinic, s.doctorId)}`;
  return (
    <section className="scheduling-tool__panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{tr('tools.scheduling.waiting.heading')}</h3>
      {ctx.given.need.waitingList.length === 0 ? (
        <p>{tr('tools.scheduling.waiting.empty')}</p>
      ) : (
        <ol>
          {ctx.given.need.waitingList.map((w, i) => (
            <li key={`${w.name}-${i}`}>
              {w.name} · {w.specialty ? say(SPECIALTY_NAMES[w.specialty], lang) : tr('tools.scheduling.waiting.anySpecialty')}
              {w.phone ? ` · ${w.phone}` : ''}
            </li>
          ))}
        </ol>
      )}
      <h4>{tr('tools.scheduling.waiting.freed')}</h4>
      {ctx.record.freedSlots.length === 0 ? (
        <p>{tr('tools.scheduling.waiting.noneFreed')}</p>
      ) : (
        <ul>
          {ctx.record.freedSlots.map((s, i) => (
            <li key={i}>{slotText(s)}</li>
          ))}
        </ul>
      )}
      {ctx.record.offers.length > 0 && (
        <>
          <h4>{tr('tools.scheduling.waiting.offers')}</h4>
          <ul>
            {ctx.record.offers.map((o, i) => (
              <li key={i}>
                {o.name}: {slotText(o.slot)}
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="button" onClick={() => dispatch({ type: 'scheduling.offerToWaitingList' })}>
        {tr('tools.scheduling.waiting.offer')}
      </button>
    </section>
  );
});

/** Handing an urgent patient over (triage, nurse, doctor, 911) instead of booking. */
export const Escalation = memo(function Escalation({ dispatch }: { dispatch: Dispatch }) {
  const tr = useTr();
  return (
    <ChoiceForm
      formClassName="scheduling-tool__panel"
      fieldsetClassName="scheduling-tool__group scheduling-tool__urgent"
      legend={tr('tools.scheduling.urgent.legend')}
      label={tr('tools.scheduling.urgent.target')}
      placeholder={tr('tools.scheduling.urgent.chooseTarget')}
      options={ESCALATION_TARGETS.map((x) => ({ value: x, label: tr(`tools.scheduling.targets.${x}`) }))}
      required={tr('tools.scheduling.form.targetRequired')}
      button={tr('tools.scheduling.urgent.escalate')}
      schema={paramsOf('scheduling.escalateUrgent')}
      param="to"
      onChoose={(params) => dispatch({ type: 'scheduling.escalateUrgent', ...params })}
    />
  );
});
