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

/** The appointments of one grid cell. */
export function AppointmentList(props: { appointments: Appointment[]; selectedId: string | null; onOpen: (id: string) => void; tr: Translate }) {
  return (
    <ul className="scheduling-tool__cell-list">
      {props.appointments.map((a) => (
        <li key={a.id}>
          <AppointmentButton appointment={a} selected={props.selectedId === a.id} onOpen={props.onOpen} tr={props.tr} />
        </li>
      ))}
    </ul>
  );
}

/** A grid with nothing to draw (the clinic is closed, no doctor matches): its caption and why. */
export function GridNotice({ caption, text }: { caption: string; text: string }) {
  return (
    <section className="scheduling-tool__grid-wrap" aria-label={caption}>
      <h3>{caption}</h3>
      <p>{text}</p>
    </section>
  );
}
