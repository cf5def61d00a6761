import type { Appointment } from '../../../../domain/types';
import { isActive, type Translate } from './agenda';

/** One appointment in a grid; `tr` comes from the grid (a day shows dozens: one useTranslation each cost a day change ~2 ms at 4x). */
export function AppointmentButton(props: { appointment: Appointment; selected: boolean; onOpen: (id: string) => void; tr: Translate }) {
  const { tr } = props;
  const a = props.appointment;
  const active = isActive(a);
  return (
    <button
      type="button"
      className={`scheduling-tool__appt${active ? '' : ' scheduling-tool__appt--inactive'}`}
      aria-current={props.selected || undefined}
      onClick={() => props.onOpen(a.id)}
    >
      <span className="scheduling-tool__appt-time">{a.start}</span> <span>{a.patientName}</span>
      <span className="scheduling-tool__appt-meta">
        {' '}
        ({tr('tools.scheduling.grid.appointmentLength', { minutes: a.minutes })}
        {a.status && a.status !== 'booked' ? `, ${tr(`tools.scheduling.status.${a.status}`)}` : ''})
      </span>
    </button>
  );
}
