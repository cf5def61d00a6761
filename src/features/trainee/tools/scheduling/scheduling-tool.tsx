/**
 * The clinic's agenda screen (scheduling workflow): day and week grids of the doctors' calendars,
 * filters and slot search, a booking form, the system's warning dialog, actions on an existing
 * appointment, confirmation and reminders, waiting list and urgent escalation. It renders only
 * from the workflow snapshot and sends `scheduling.*` events; the machine decides and records.
 */
import { useCallback, useId, useRef, useState } from 'react';
import { isIsoDate, type Slot } from '../../../../domain/calendar';
import { findAppointment } from '../../../../domain/clinic';
import { LiveStatus } from '../../../../ui/live-status';
import { useContextPart, type ToolProps } from '../tool-props';
import { RefusalBox } from '../refusal-box';
import { say } from '../tool-text';
import { doctorName, GRID_PART, useTr } from './agenda';
import { useAnnouncement } from '../use-announcement';
import { useToolSend } from '../use-tool-send';
import { describeChange } from './announcements';
import { AppointmentDetail } from './appointment-detail';
import { BookingForm } from './booking-form';
import { APPOINTMENT_PART, CARD_PART, PatientAppointment, PatientCard } from './contact-panel';
import { DayGrid } from './day-grid';
import { Filters, RESULTS_PART, SlotResults } from './filters';
import { Navigation } from './navigation';
import { Escalation, WAITING_PART, WaitingList } from './waiting-list';
import { WarningDialog } from './warning-dialog';
import { WeekGrid } from './week-grid';
import '../tool-common.css';
import './scheduling-tool.css';
import './agenda-grid.css';

/** The agenda screen of the scheduling workflow. */
export default function SchedulingTool(props: ToolProps<'scheduling'>) {
  const tr = useTr();
  const { lang, snapshot } = props;
  const ctx = snapshot.context;
  const { clinic, selection } = ctx;
  const id = useId();
  const [view, setView] = useState<'day' | 'week'>('day');
  // A refusal by the desk (not by the machine) is shown, never swallowed.
  const { dispatch, refused: sendError } = useToolSend(props.send);
  const [announcement, announce] = useAnnouncement(ctx, (prev, next) => describeChange(prev, next, tr, lang));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [booking, setBooking] = useState({ doctorId: '', date: selection.date, start: '', minutes: '' });
  const bookButton = useRef<HTMLButtonElement>(null);
  // Each opening remounts the detail panel, which then takes the focus.
  const [openings, setOpenings] = useState(0);
  // The booking form follows the agenda's date until the trainee picks a slot or types another.
  const [bookingDateFor, setBookingDateFor] = useState(selection.date);
  if (bookingDateFor !== selection.date) {
    setBookingDateFor(selection.date);
    setBooking((b) => ({ ...b, date: selection.date }));
  }

  const escalated = props.snapshot.value === 'escalated';
  const finished = props.snapshot.status === 'done';
  const closed = escalated || finished;
  const warningOpen = ctx.pending !== null && !finished;

  // Each memoised panel gets its own part of the agenda and redraws only when that part changes; the
  // callbacks keep their identity until what they read changes (which redraws those panels anyway).
  const grid = useContextPart(snapshot, GRID_PART);
  const results = useContextPart(snapshot, RESULTS_PART);
  const card = useContextPart(snapshot, CARD_PART);
  const appointment = useContextPart(snapshot, APPOINTMENT_PART);
  const waiting = useContextPart(snapshot, WAITING_PART);

  const openAppointment = useCallback((appointmentId: string) => {
    setSelectedId(appointmentId);
    setOpenings((n) => n + 1);
  }, []);

  const chooseSlot = useCallback(
    (slot: Slot) => {
      setBooking({ doctorId: slot.doctorId, date: slot.date, start: slot.start, minutes: String(slot.minutes) });
      announce(tr('tools.scheduling.announce.slotChosen', { time: slot.start, doctor: doctorName(clinic, slot.doctorId) }));
      bookButton.current?.focus();
    },
    [announce, tr, clinic],
  );

  const shownDate = selection.date;
  const goToDate = useCallback(
    (date: string) => {
      if (isIsoDate(date) && date !== shownDate) dispatch({ type: 'scheduling.selectDate', date });
    },
    [dispatch, shownDate],
  );

  const openDay = useCallback(
    (date: string) => {
      setView('day');
      goToDate(date);
    },
    [goToDate],
  );

  const step = view === 'day' ? 1 : 7;
  const selected = selectedId ? findAppointment(clinic, selectedId) : undefined;

  return (
    <div className="scheduling-tool">
      <div className="scheduling-tool__screen" inert={warningOpen}>
        <header className="scheduling-tool__header">
          <h2 className="scheduling-tool__title">
            {tr('tools.scheduling.title')} — {clinic.name}
          </h2>
          <p className="scheduling-tool__badge">{tr('tools.scheduling.simulation')}</p>
        </header>

        {/* The desk announces a refusal by the run; only the agenda's own errors are announced here. */}
        <RefusalBox
          className="scheduling-tool__alert"
          title={tr('tools.scheduling.errors.title')}
          refusal={ctx.refusal}
          runRefusal={sendError && say(sendError, lang)}
          lang={lang}
        />
        <LiveStatus className="scheduling-tool__status">{announcement}</LiveStatus>

        {ctx.notices.length > 0 && (
          <section className="scheduling-tool__notices" aria-labelledby={`${id}-notices`}>
            <h3 id={`${id}-notices`}>{tr('tools.scheduling.notices')}</h3>
            <ul>
              {ctx.notices.map((n, i) => (
                <li key={i}>{say(n, lang)}</li>
              ))}
            </ul>
          </section>
        )}

        {closed && (
          <p className="scheduling-tool__closed">
            {escalated && ctx.escalatedTo
              ? tr('tools.scheduling.closed.escalated', { target: tr(`tools.scheduling.targets.${ctx.escalatedTo}`) })
              : tr('tools.scheduling.closed.done')}
          </p>
        )}

        <PatientCard ctx={card} lang={lang} />

        <fieldset className="scheduling-tool__frame" disabled={closed}>
          <div className="scheduling-tool__layout">
            <div className="scheduling-tool__side">
              <Navigation
                date={selection.date}
                today={ctx.given.today}
                view={view}
                onView={setView}
                onDate={goToDate}
                step={step}
              />
              <Filters ctx={grid} lang={lang} dispatch={dispatch} />
              <SlotResults ctx={results} lang={lang} onChoose={chooseSlot} />
              <BookingForm
                clinic={clinic}
                lang={lang}
                value={booking}
                onChange={setBooking}
                dispatch={dispatch}
                buttonRef={bookButton}
              />
            </div>
            <div className="scheduling-tool__main">
              {view === 'day' ? (
                <DayGrid ctx={grid} lang={lang} selectedId={selectedId} onOpen={openAppointment} />
              ) : (
                <WeekGrid
                  ctx={grid}
                  lang={lang}
                  selectedId={selectedId}
                  onOpen={openAppointment}
                  onOpenDay={openDay}
                />
              )}
              {selected && (
                <AppointmentDetail
                  key={`${selected.id}-${openings}`}
                  appointment={selected}
                  clinic={clinic}
                  lang={lang}
                  dispatch={dispatch}
                  onClose={() => setSelectedId(null)}
                />
              )}
            </div>
          </div>
          <div className="scheduling-tool__bottom">
            <PatientAppointment ctx={appointment} lang={lang} dispatch={dispatch} />
            <WaitingList ctx={waiting} lang={lang} dispatch={dispatch} />
            <Escalation dispatch={dispatch} />
          </div>
        </fieldset>
        <div className="scheduling-tool__finish">
          <button type="button" className="button button--primary" disabled={finished} onClick={() => dispatch({ type: 'scheduling.done' })}>
            {tr('tools.scheduling.done')}
          </button>
        </div>
      </div>
      {warningOpen && (
        <WarningDialog
          warnings={ctx.warnings}
          lang={lang}
          onOverride={() => dispatch({ type: 'scheduling.overrideWarning' })}
          onDismiss={() => dispatch({ type: 'scheduling.dismissWarning' })}
        />
      )}
    </div>
  );
}
