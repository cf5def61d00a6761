import { memo, useId } from 'react';
import { findAppointment } from '../../../../domain/clinic';
import type { Lang } from '../../../../domain/text';
import type { PartOf } from '../tool-props';
import { agendaPart, appointmentSummary, CHANNELS, doctorName, longDate, paramsOf, useTr, type Dispatch } from './agenda';

/** What the patient's card reads. */
export const CARD_PART = agendaPart('clinic', 'given');
/** What the patient's appointment reads. */
export const APPOINTMENT_PART = agendaPart('clinic', 'patientAppointmentId', 'record');
import { ChoiceForm } from './choice-form';

/** The patient's contact details, as the agenda has them. */
export const PatientCard = memo(function PatientCard({ ctx, lang }: { ctx: PartOf<typeof CARD_PART>; lang: Lang }) {
  const tr = useTr();
  const { patient, need } = ctx.given;
  const none = tr('tools.scheduling.patient.notOnFile');
  return (
    <section className="scheduling-tool__patient" aria-label={tr('tools.scheduling.patient.heading')}>
      <h3>
        {tr('tools.scheduling.patient.heading')}: {patient.name}
      </h3>
      <dl className="scheduling-tool__facts">
        <div>
          <dt>{tr('tools.scheduling.patient.phone')}</dt>
          <dd>{patient.phone ?? none}</dd>
        </div>
        <div>
          <dt>{tr('tools.scheduling.patient.email')}</dt>
          <dd>{patient.email ?? none}</dd>
        </div>
        <div>
          <dt>{tr('tools.scheduling.patient.preferredChannel')}</dt>
          <dd>{patient.preferredChannel ? tr(`tools.scheduling.channels.${patient.preferredChannel}`) : none}</dd>
        </div>
        {need.existingAppointmentId && (
          <div>
            <dt>{tr('tools.scheduling.contact.heading')}</dt>
            <dd>{appointmentSummary(ctx, need.existingAppointmentId, lang)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
});

/** The patient's appointment, its confirmation and reminder, and the messages sent. */
export const PatientAppointment = memo(function PatientAppointment({ ctx, lang, dispatch }: { ctx: PartOf<typeof APPOINTMENT_PART>; lang: Lang; dispatch: Dispatch }) {
  const tr = useTr();
  const id = useId();
  const appt = ctx.patientAppointmentId ? findAppointment(ctx.clinic, ctx.patientAppointmentId) : undefined;
  // Confirmation and reminder share the channel picker.
  const channelChoice = {
    label: tr('tools.scheduling.contact.channel'),
    placeholder: tr('tools.scheduling.contact.chooseChannel'),
    options: CHANNELS.map((c) => ({ value: c, label: tr(`tools.scheduling.channels.${c}`) })),
    required: tr('tools.scheduling.form.channelRequired'),
    param: 'channel',
  };
  return (
    <section className="scheduling-tool__panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{tr('tools.scheduling.contact.heading')}</h3>
      {appt ? (
        <p>
          {longDate(appt.date, lang)}, {appt.start} · {doctorName(ctx.clinic, appt.doctorId)} ·{' '}
          {tr('tools.scheduling.grid.appointmentLength', { minutes: appt.minutes })} · {tr(`tools.scheduling.status.${appt.status ?? 'booked'}`)}
        </p>
      ) : (
        <p>{tr('tools.scheduling.contact.none')}</p>
      )}
      <div className="scheduling-tool__pair">
        <ChoiceForm
          {...channelChoice}
          legend={tr('tools.scheduling.contact.confirmLegend')}
          button={tr('tools.scheduling.contact.confirm')}
          schema={paramsOf('scheduling.confirm')}
          onChoose={(params) => dispatch({ type: 'scheduling.confirm', ...params })}
        />
        <ChoiceForm
          {...channelChoice}
          legend={tr('tools.scheduling.contact.remindLegend')}
          button={tr('tools.scheduling.contact.remind')}
          schema={paramsOf('scheduling.remind')}
          onChoose={(params) => dispatch({ type: 'scheduling.remind', ...params })}
        />
      </div>
      {ctx.record.messages.length > 0 && (
        <>
          <h4>{tr('tools.scheduling.contact.sent')}</h4>
          <ul>
            {ctx.record.messages.map((m, i) => (
              <li key={i}>
                {tr(`tools.scheduling.contact.${m.kind}`)} · {tr(`tools.scheduling.channels.${m.channel}`)} · {longDate(m.date, lang)},{' '}
                {m.start}, {doctorName(ctx.clinic, m.doctorId)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
});
