import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { IMSS_APPOINTMENT_KIND_NAMES } from '../../../../domain/calendar';
import { findVisitType } from '../../../../domain/clinic';
import type { Lang } from '../../../../domain/text';
import type { Appointment } from '../../../../domain/types';
import { noErrors, schemaFieldErrors } from '../schema-field-errors';
import { say } from '../tool-text';
import { CANCEL_REASONS, doctorName, longDate, paramsOf, useTr, type Dispatch, type SchedulingContext } from './agenda';
import { ChoiceForm } from './choice-form';
import { slotMessages, SlotFields, type SlotErrors } from './slot-fields';

/** An appointment opened from a grid: its facts, and moving, cancelling or marking it a no-show. */
export function AppointmentDetail(props: { appointment: Appointment; clinic: SchedulingContext['clinic']; lang: Lang; dispatch: Dispatch; onClose: () => void }) {
  const tr = useTr();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const a = props.appointment;
  const { clinic } = props;
  const [move, setMove] = useState({ doctorId: a.doctorId, date: a.date, start: a.start });
  const [moveErrors, setMoveErrors] = useState<SlotErrors>({});
  const visitType = findVisitType(clinic, a.visitType);

  const reschedule = (e: FormEvent) => {
    e.preventDefault();
    const params = { appointmentId: a.id, ...move };
    const found = schemaFieldErrors(paramsOf('scheduling.reschedule'), params, slotMessages(tr));
    setMoveErrors(found);
    if (noErrors(found)) props.dispatch({ type: 'scheduling.reschedule', ...params });
  };

  return (
    <section className="scheduling-tool__detail" aria-labelledby={`${id}-heading`}>
      <div className="scheduling-tool__detail-head">
        <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
          {tr('tools.scheduling.detail.heading')}: {a.patientName}
        </h3>
        <button type="button" className="scheduling-tool__button" onClick={props.onClose}>
          {tr('tools.scheduling.detail.close')}
        </button>
      </div>
      <dl className="scheduling-tool__facts">
        <div>
          <dt>{tr('tools.scheduling.detail.doctor')}</dt>
          <dd>{doctorName(clinic, a.doctorId)}</dd>
        </div>
        <div>
          <dt>{tr('tools.scheduling.detail.when')}</dt>
          <dd>
            {longDate(a.date, props.lang)}, {a.start}
          </dd>
        </div>
        <div>
          <dt>{tr('tools.scheduling.detail.length')}</dt>
          <dd>{tr('tools.scheduling.grid.appointmentLength', { minutes: a.minutes })}</dd>
        </div>
        <div>
          <dt>{tr('tools.scheduling.detail.visitType')}</dt>
          <dd>{visitType ? say(visitType.name, props.lang) : a.visitType}</dd>
        </div>
        <div>
          <dt>{tr('tools.scheduling.detail.status')}</dt>
          <dd>{tr(`tools.scheduling.status.${a.status ?? 'booked'}`)}</dd>
        </div>
        {a.kind && (
          <div>
            <dt>{tr('tools.scheduling.detail.kind')}</dt>
            <dd>{say(IMSS_APPOINTMENT_KIND_NAMES[a.kind], props.lang)}</dd>
          </div>
        )}
      </dl>
      <div className="scheduling-tool__detail-actions">
        <form onSubmit={reschedule} noValidate>
          <fieldset className="scheduling-tool__group">
            <legend>{tr('tools.scheduling.detail.reschedule')}</legend>
            <SlotFields id={id} clinic={clinic} lang={props.lang} value={move} errors={moveErrors} onChange={(patch) => setMove({ ...move, ...patch })} />
            <button type="submit" className="button">
              {tr('tools.scheduling.detail.rescheduleButton')}
            </button>
          </fieldset>
        </form>
        <ChoiceForm
          legend={tr('tools.scheduling.detail.cancel')}
          label={tr('tools.scheduling.detail.reason')}
          placeholder={tr('tools.scheduling.detail.chooseReason')}
          options={CANCEL_REASONS.map((r) => ({ value: r, label: tr(`tools.scheduling.reasons.${r}`) }))}
          required={tr('tools.scheduling.form.reasonRequired')}
          button={tr('tools.scheduling.detail.cancelButton')}
          schema={paramsOf('scheduling.cancel')}
          param="reason"
          with={{ appointmentId: a.id }}
          onChoose={(params) => props.dispatch({ type: 'scheduling.cancel', ...params })}
        />
        <div className="scheduling-tool__group">
          <button type="button" className="button" onClick={() => props.dispatch({ type: 'scheduling.markNoShow', appointmentId: a.id })}>
            {tr('tools.scheduling.detail.noShow')}
          </button>
        </div>
      </div>
    </section>
  );
}
