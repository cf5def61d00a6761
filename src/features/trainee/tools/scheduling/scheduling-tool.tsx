/**
 * The clinic's agenda screen (scheduling workflow): day and week grids of the doctors' calendars,
 * filters and slot search, a booking form, the system's warning dialog, actions on an existing
 * appointment, confirmation and reminders, waiting list and urgent escalation. It renders only
 * from the workflow snapshot and sends `scheduling.*` events; the machine decides and records.
 */
import { useCallback, useId, useLayoutEffect, useRef, useState } from 'react';
import { isIsoDate, type Slot } from '../../../../domain/calendar';
import { findAppointment } from '../../../../domain/clinic';
import type { LocalizedText, Problem } from '../../../../domain/text';
import { LiveStatus } from '../../../../ui/live-status';
import { useQuietState } from '../../../../ui/use-quiet-state';
import type { SendResult, ToolEvent, ToolProps } from '../tool-props';
import { say } from '../tool-text';
import { contextOf, doctorName, useTr } from './agenda';
import { useAnnouncement } from '../use-announcement';
import { describeChange } from './announcements';
import { AppointmentDetail } from './appointment-detail';
import { BookingForm } from './booking-form';
import { PatientAppointment, PatientCard } from './contact-panel';
import { DayGrid } from './day-grid';
import { Filters, SlotResults } from './filters';
import { Navigation } from './navigation';
import { Escalation, WaitingList } from './waiting-list';
import { WarningDialog } from './warning-dialog';
import { WeekGrid } from './week-grid';
import '../tool-common.css';
import './scheduling-tool.css';
import './agenda-grid.css';

/** The agenda screen of the scheduling workflow. */
export default function SchedulingTool(props: ToolProps) {
  const tr = useTr();
  const { lang, send } = props;
  const ctx = contextOf(props);
  const { clinic, selection } = ctx;
  const id = useId();
  const [view, setView] = useState<'day' | 'week'>('day');
  const [sendError, setSendError] = useQuietState<LocalizedText | null>(null);
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

  // The callbacks below keep their identity for the tool's life, so the memoised panels redraw only
  // when their part of the agenda changes; they read the current render's values through this ref.
  const latest = useRef({ send, clinic, date: selection.date, tr, announce });
  useLayoutEffect(() => {
    latest.current = { send, clinic, date: selection.date, tr, announce };
  });

  /** Sends one event; a refusal by the desk (not by the machine) is shown, never swallowed. */
  const dispatch = useCallback((event: ToolEvent): SendResult => {
    const result = latest.current.send(event);
    setSendError(result.ok ? null : result.reason);
    return result;
  }, [setSendError]);

  const openAppointment = useCallback((appointmentId: string) => {
    setSelectedId(appointmentId);
    setOpenings((n) => n + 1);
  }, []);

  const chooseSlot = useCallback((slot: Slot) => {
    const now = latest.current;
    setBooking({ doctorId: slot.doctorId, date: slot.date, start: slot.start, minutes: String(slot.minutes) });
    now.announce(now.tr('tools.scheduling.announce.slotChosen', { time: slot.start, doctor: doctorName(now.clinic, slot.doctorId) }));
    bookButton.current?.focus();
  }, []);

  const goToDate = useCallback(
    (date: string) => {
      if (isIsoDate(date) && date !== latest.current.date) dispatch({ type: 'scheduling.selectDate', date });
    },
    [dispatch],
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
  const errors: Problem[] = ctx.errors;

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
        <div className="scheduling-tool__alert" data-empty={errors.length > 0 || sendError ? 'false' : 'true'}>
          <div role="alert">
            {errors.length > 0 && (
              <>
                <p className="scheduling-tool__alert-title">{tr('tools.scheduling.errors.title')}</p>
                <ul>
                  {errors.map((p, i) => (
                    <li key={`${p.code}-${i}`}>{say(p.message, lang)}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
          {sendError && (
            <>
              {errors.length === 0 && <p className="scheduling-tool__alert-title">{tr('tools.scheduling.errors.title')}</p>}
              <ul>
                <li>{say(sendError, lang)}</li>
              </ul>
            </>
          )}
        </div>
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

        <PatientCard ctx={ctx} lang={lang} />

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
              <Filters ctx={ctx} lang={lang} dispatch={dispatch} />
              <SlotResults ctx={ctx} lang={lang} onChoose={chooseSlot} />
              <BookingForm
                ctx={ctx}
                lang={lang}
                value={booking}
                onChange={setBooking}
                dispatch={dispatch}
                buttonRef={bookButton}
              />
            </div>
            <div className="scheduling-tool__main">
              {view === 'day' ? (
                <DayGrid ctx={ctx} lang={lang} selectedId={selectedId} onOpen={openAppointment} />
              ) : (
                <WeekGrid
                  ctx={ctx}
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
                  ctx={ctx}
                  lang={lang}
                  dispatch={dispatch}
                  onClose={() => setSelectedId(null)}
                />
              )}
            </div>
          </div>
          <div className="scheduling-tool__bottom">
            <PatientAppointment ctx={ctx} lang={lang} dispatch={dispatch} />
            <WaitingList ctx={ctx} lang={lang} dispatch={dispatch} />
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
