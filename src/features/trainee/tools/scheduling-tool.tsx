/**
 * The clinic's agenda screen (scheduling workflow): day and week grids of the doctors' calendars,
 * filters and slot search, a booking form, the system's warning dialog, actions on an existing
 * appointment, confirmation and reminders, waiting list and urgent escalation. It renders only
 * from the workflow snapshot and sends `scheduling.*` events; the machine decides and records.
 */
import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { CustomTypeOptions } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  addDays,
  fromMinutes,
  IMSS_APPOINTMENT_KIND_NAMES,
  isClockTime,
  isIsoDate,
  overlaps,
  toMinutes,
  weekday,
  workingStretches,
  type Slot,
} from '../../../domain/calendar';
import { doctorsFor, findAppointment, findDoctor, findVisitType, holdsTime, SPECIALTY_NAMES, visitTypesOf } from '../../../domain/clinic';
import type { Lang, LocalizedText, Problem } from '../../../domain/text';
import type { Appointment, Clinic, ContactChannel, Doctor, Specialty } from '../../../domain/types';
import {
  CANCEL_REASONS,
  ESCALATION_TARGETS,
  type CancelReason,
  type EscalationTarget,
  type SchedulingContext,
} from '../../../machines/scheduling.machine';
import type { SendResult, ToolEvent, ToolProps } from './tool-props';
import './scheduling-tool.css';
import { memoOnContext } from '../../../ui/memo-on-context';
import { useDraft } from '../../../ui/use-draft';
import { useCachedT } from '../../../ui/use-cached-t';
import { useQuietState } from '../../../ui/use-quiet-state';

const SPECIALTIES: Specialty[] = ['general', 'pediatrics', 'cardiology', 'gynecology'];
const CHANNELS: ContactChannel[] = ['phone', 'sms', 'whatsapp', 'email'];
/** Rows of the day grid, in minutes: the agenda's search grid is 15 minutes too. */
const ROW_MINUTES = 15;

const say = (text: LocalizedText, lang: Lang) => text[lang];

/** One formatter per language and style: building an Intl.DateTimeFormat costs more than the whole redraw of a day. */
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (lang: Lang, style: 'long' | 'short'): Intl.DateTimeFormat => {
  const key = `${lang}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f =
      style === 'long'
        ? new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
        : new Intl.DateTimeFormat(lang, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
    formatters.set(key, f);
  }
  return f;
};

/** "jueves, 15 de enero de 2026": dates as people read them, independent of the time zone. */
function longDate(date: string, lang: Lang): string {
  if (!isIsoDate(date)) return date;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return formatter(lang, 'long').format(new Date(Date.UTC(y, m - 1, d)));
}

/** "jue 15 ene": the week grid's column headers. */
function shortDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return formatter(lang, 'short').format(new Date(Date.UTC(y, m - 1, d)));
}

const doctorName = (clinic: Clinic, id: string) => findDoctor(clinic, id)?.name ?? id;
const isActive = (a: Appointment) => a.status === 'booked' || a.status === 'arrived' || a.status === undefined;
const byStart = (a: Appointment, b: Appointment) => a.start.localeCompare(b.start) || a.patientName.localeCompare(b.patientName);

/** Monday of the week holding the date (the clinic's week starts on Monday). */
const mondayOf = (date: string) => addDays(date, -((weekday(date) + 6) % 7));

/** Reads the snapshot's context; the desk hands it over untyped. */
const contextOf = (props: ToolProps): SchedulingContext => props.snapshot.context as SchedulingContext;

/** Leaf paths of a resource subtree: 'tools.scheduling.title' | ... */
type Leaves<T, P extends string> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T & string];
type Key = Leaves<CustomTypeOptions['resources']['tools']['tools']['scheduling'], 'tools.scheduling.'>;
type Translate = (key: Key, vars?: Record<string, string | number>) => string;

/**
 * i18next's `t`, typed against this tool's keys only: checking every call against the whole
 * resource tree made the type check of this file take minutes.
 */
function useTr(): Translate {
  const t = useCachedT(useTranslation('tools'));
  return t as unknown as Translate;
}

/** What the polite live region says after the agenda changed (null: nothing worth saying). */
function describeChange(prev: SchedulingContext, next: SchedulingContext, tr: Translate, lang: Lang): string | null {
  const when = (date: string, start: string, doctorId: string) => ({
    date: longDate(date, lang),
    time: start,
    doctor: doctorName(next.clinic, doctorId),
  });
  if (next.record.changes.length > prev.record.changes.length) {
    const change = next.record.changes[next.record.changes.length - 1];
    if (!change) return null;
    switch (change.kind) {
      case 'book':
        return change.to ? tr('tools.scheduling.announce.booked', when(change.to.date, change.to.start, change.to.doctorId)) : null;
      case 'reschedule':
        return change.to ? tr('tools.scheduling.announce.rescheduled', when(change.to.date, change.to.start, change.to.doctorId)) : null;
      case 'cancel':
        return tr('tools.scheduling.announce.cancelled');
      case 'noShow':
        return tr('tools.scheduling.announce.noShow');
      case 'waitingList':
        return tr('tools.scheduling.announce.waitingList', { name: next.record.offers[next.record.offers.length - 1]?.name ?? '' });
    }
  }
  if (next.record.messages.length > prev.record.messages.length) {
    const message = next.record.messages[next.record.messages.length - 1];
    if (!message) return null;
    const channel = tr(`tools.scheduling.channels.${message.channel}`);
    return message.kind === 'confirmation'
      ? tr('tools.scheduling.announce.confirmation', { channel })
      : tr('tools.scheduling.announce.reminder', { channel });
  }
  if (next.pending && !prev.pending) return tr('tools.scheduling.announce.warning');
  if (!next.pending && prev.pending) return tr('tools.scheduling.announce.dismissed');
  if (next.searched && (!prev.searched || next.slots !== prev.slots)) {
    return tr('tools.scheduling.announce.searched', { n: next.slots.length });
  }
  if (next.selection.date !== prev.selection.date) return tr('tools.scheduling.announce.date', { date: longDate(next.selection.date, lang) });
  if (next.selection !== prev.selection) return tr('tools.scheduling.announce.filters');
  return null;
}

/** Keeps the last announcement, recomputed when the context changes (React's "adjust state on prop change"). */
function useAnnouncement(ctx: SchedulingContext, tr: Translate, lang: Lang) {
  const [prev, setPrev] = useState(ctx);
  const [message, setMessage] = useState('');
  if (prev !== ctx) {
    setPrev(ctx);
    const said = describeChange(prev, ctx, tr, lang);
    if (said) setMessage(said);
  }
  return [message, setMessage] as const;
}

/** The agenda screen of the scheduling workflow. */
export default function SchedulingTool(props: ToolProps) {
  const tr = useTr();
  const { lang, send } = props;
  const ctx = contextOf(props);
  const { clinic, selection } = ctx;
  const id = useId();
  const [view, setView] = useState<'day' | 'week'>('day');
  const [sendError, setSendError] = useQuietState<LocalizedText | null>(null);
  const [announcement, announce] = useAnnouncement(ctx, tr, lang);
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
        <p role="status" className="scheduling-tool__status">
          {announcement}
        </p>

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

// ---------------------------------------------------------------------------------------------
// Pieces of the screen
// ---------------------------------------------------------------------------------------------

type Dispatch = (event: ToolEvent) => SendResult;

const PatientCard = memoOnContext(function PatientCard({ ctx, lang }: { ctx: SchedulingContext; lang: Lang }) {
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
}, ['given']);

function appointmentSummary(ctx: SchedulingContext, appointmentId: string, lang: Lang): string {
  const a = findAppointment(ctx.clinic, appointmentId);
  return a ? `${longDate(a.date, lang)}, ${a.start}, ${doctorName(ctx.clinic, a.doctorId)}` : appointmentId;
}

const Navigation = memo(function Navigation(props: {
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

const Filters = memoOnContext(function Filters({ ctx, lang, dispatch }: { ctx: SchedulingContext; lang: Lang; dispatch: Dispatch }) {
  const tr = useTr();
  const id = useId();
  const { clinic, selection } = ctx;
  const doctors = doctorsFor(clinic, { specialty: selection.specialty ?? undefined });
  // Each picker shows the trainee's pick at once, until the agenda's new selection is drawn (ui/use-draft.ts).
  const [specialty, setSpecialty] = useDraft(selection.specialty ?? '');
  const [doctorId, setDoctorId] = useDraft(selection.doctorId ?? '');
  const [visitType, setVisitType] = useDraft(selection.visitType ?? '');
  return (
    <fieldset className="scheduling-tool__group">
      <legend>{tr('tools.scheduling.filters.legend')}</legend>
      <div className="scheduling-tool__field">
        <label htmlFor={`${id}-specialty`}>{tr('tools.scheduling.filters.specialty')}</label>
        <select
          id={`${id}-specialty`}
          value={specialty}
          onChange={(e) => {
            const picked = SPECIALTIES.find((s) => s === e.target.value);
            if (!picked) return;
            setSpecialty(picked);
            dispatch({ type: 'scheduling.selectSpecialty', specialty: picked });
          }}
        >
          {selection.specialty === null && <option value="">{tr('tools.scheduling.filters.anySpecialty')}</option>}
          {SPECIALTIES.map((s) => (
            <option key={s} value={s}>
              {say(SPECIALTY_NAMES[s], lang)}
            </option>
          ))}
        </select>
      </div>
      <div className="scheduling-tool__field">
        <label htmlFor={`${id}-doctor`}>{tr('tools.scheduling.filters.doctor')}</label>
        <select
          id={`${id}-doctor`}
          value={doctorId}
          onChange={(e) => {
            if (!e.target.value) return;
            setDoctorId(e.target.value);
            dispatch({ type: 'scheduling.selectDoctor', doctorId: e.target.value });
          }}
        >
          {selection.doctorId === null && <option value="">{tr('tools.scheduling.filters.anyDoctor')}</option>}
          {doctors.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} — {say(SPECIALTY_NAMES[d.specialty], lang)}
            </option>
          ))}
        </select>
      </div>
      <div className="scheduling-tool__field">
        <label htmlFor={`${id}-visit`}>{tr('tools.scheduling.filters.visitType')}</label>
        <select
          id={`${id}-visit`}
          value={visitType}
          onChange={(e) => {
            if (!e.target.value) return;
            setVisitType(e.target.value);
            dispatch({ type: 'scheduling.selectVisitType', visitType: e.target.value });
          }}
        >
          {selection.visitType === null && <option value="">{tr('tools.scheduling.filters.chooseVisitType')}</option>}
          {visitTypesOf(clinic).map((v) => (
            <option key={v.id} value={v.id}>
              {tr('tools.scheduling.filters.visitTypeOption', { name: say(v.name, lang), minutes: v.minutes })}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button" onClick={() => dispatch({ type: 'scheduling.searchSlots' })}>
        {tr('tools.scheduling.filters.search')}
      </button>
    </fieldset>
  );
}, ['clinic', 'selection']);

const SlotResults = memoOnContext(function SlotResults({ ctx, lang, onChoose }: { ctx: SchedulingContext; lang: Lang; onChoose: (slot: Slot) => void }) {
  const tr = useTr();
  const id = useId();
  return (
    <section className="scheduling-tool__group scheduling-tool__results" aria-labelledby={`${id}-results`}>
      <h3 id={`${id}-results`}>{tr('tools.scheduling.results.heading')}</h3>
      {!ctx.searched ? (
        <p className="scheduling-tool__muted">{tr('tools.scheduling.results.notSearched')}</p>
      ) : ctx.slots.length === 0 ? (
        <p>{tr('tools.scheduling.results.none')}</p>
      ) : (
        <>
          <p className="scheduling-tool__muted">{longDate(ctx.selection.date, lang)}</p>
          <ul className="scheduling-tool__slots">
            {ctx.slots.map((s) => (
              <li key={`${s.doctorId}-${s.date}-${s.start}`}>
                <button type="button" className="scheduling-tool__slot" onClick={() => onChoose(s)}>
                  {tr('tools.scheduling.results.slot', { time: s.start, doctor: doctorName(ctx.clinic, s.doctorId), minutes: s.minutes })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}, ['clinic', 'searched', 'selection', 'slots']);

interface BookingDraft {
  doctorId: string;
  date: string;
  start: string;
  minutes: string;
}

type FieldErrors = Partial<Record<'doctorId' | 'date' | 'start' | 'minutes' | 'reason' | 'channel' | 'target', string>>;

/** Checks what the event's schema needs, so the form can say which field is wrong. */
function checkSlotFields(draft: Omit<BookingDraft, 'minutes'> & { minutes?: string }, tr: Translate): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.doctorId) errors.doctorId = tr('tools.scheduling.form.doctorRequired');
  if (!isIsoDate(draft.date)) errors.date = tr('tools.scheduling.form.dateInvalid');
  if (!isClockTime(draft.start)) errors.start = tr('tools.scheduling.form.timeInvalid');
  if (draft.minutes !== undefined && draft.minutes.trim() !== '') {
    const n = Number(draft.minutes);
    if (!Number.isInteger(n) || n < 5 || n > 240) errors.minutes = tr('tools.scheduling.form.minutesInvalid');
  }
  return errors;
}

/** A labelled control with its error tied by aria-describedby. */
function Field(props: { id: string; label: string; error?: string; hint?: string; children: (describedBy: string | undefined) => ReactNode }) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="scheduling-tool__field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children(describedBy)}
      {props.hint && (
        <p id={`${props.id}-hint`} className="scheduling-tool__hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${props.id}-error`} className="scheduling-tool__field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

function DoctorSelect(props: {
  id: string;
  clinic: Clinic;
  lang: Lang;
  value: string;
  describedBy: string | undefined;
  invalid: boolean;
  onChange: (value: string) => void;
}) {
  const tr = useTr();
  return (
    <select
      id={props.id}
      value={props.value}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid || undefined}
      onChange={(e) => props.onChange(e.target.value)}
    >
      <option value="">{tr('tools.scheduling.booking.chooseDoctor')}</option>
      {props.clinic.doctors.map((d: Doctor) => (
        <option key={d.id} value={d.id}>
          {d.name} — {say(SPECIALTY_NAMES[d.specialty], props.lang)}
        </option>
      ))}
    </select>
  );
}

const BookingForm = memoOnContext(function BookingForm({
  buttonRef,
  ...props
}: {
  ctx: SchedulingContext;
  lang: Lang;
  value: BookingDraft;
  onChange: (value: BookingDraft) => void;
  dispatch: Dispatch;
  buttonRef: RefObject<HTMLButtonElement | null>;
}) {
  const tr = useTr();
  const id = useId();
  const [errors, setErrors] = useState<FieldErrors>({});
  const { value, onChange, lang } = props;
  const set = (patch: Partial<BookingDraft>) => onChange({ ...value, ...patch });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkSlotFields(value, tr);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const minutes = value.minutes.trim() === '' ? undefined : Number(value.minutes);
    props.dispatch({
      type: 'scheduling.book',
      doctorId: value.doctorId,
      date: value.date,
      start: value.start,
      ...(minutes === undefined ? {} : { minutes }),
    });
  };

  return (
    <form className="scheduling-tool__group" onSubmit={submit} noValidate aria-labelledby={`${id}-legend`}>
      <h3 id={`${id}-legend`}>{tr('tools.scheduling.booking.legend')}</h3>
      <Field id={`${id}-doctor`} label={tr('tools.scheduling.booking.doctor')} error={errors.doctorId}>
        {(describedBy) => (
          <DoctorSelect
            id={`${id}-doctor`}
            clinic={props.ctx.clinic}
            lang={lang}
            value={value.doctorId}
            describedBy={describedBy}
            invalid={!!errors.doctorId}
            onChange={(doctorId) => set({ doctorId })}
          />
        )}
      </Field>
      <Field id={`${id}-date`} label={tr('tools.scheduling.booking.date')} error={errors.date}>
        {(describedBy) => (
          <input
            id={`${id}-date`}
            type="date"
            value={value.date}
            aria-describedby={describedBy}
            aria-invalid={!!errors.date || undefined}
            onChange={(e) => set({ date: e.target.value })}
          />
        )}
      </Field>
      <Field id={`${id}-start`} label={tr('tools.scheduling.booking.start')} error={errors.start}>
        {(describedBy) => (
          <input
            id={`${id}-start`}
            type="time"
            step={300}
            value={value.start}
            aria-describedby={describedBy}
            aria-invalid={!!errors.start || undefined}
            onChange={(e) => set({ start: e.target.value })}
          />
        )}
      </Field>
      <Field
        id={`${id}-minutes`}
        label={tr('tools.scheduling.booking.minutes')}
        hint={tr('tools.scheduling.booking.minutesHint')}
        error={errors.minutes}
      >
        {(describedBy) => (
          <input
            id={`${id}-minutes`}
            type="number"
            inputMode="numeric"
            min={5}
            max={240}
            step={5}
            value={value.minutes}
            aria-describedby={describedBy}
            aria-invalid={!!errors.minutes || undefined}
            onChange={(e) => set({ minutes: e.target.value })}
          />
        )}
      </Field>
      <button ref={buttonRef} type="submit" className="button button--primary">
        {tr('tools.scheduling.booking.book')}
      </button>
    </form>
  );
}, ['clinic']);

/** The appointments of a doctor on a date, in time order. */
const appointmentsOf = (clinic: Clinic, doctorId: string, date: string) =>
  clinic.appointments.filter((a) => a.doctorId === doctorId && a.date === date && isClockTime(a.start)).sort(byStart);

/** One appointment in a grid; `tr` comes from the grid (a day shows dozens: one useTranslation each cost a day change ~2 ms at 4x). */
function AppointmentButton(props: { appointment: Appointment; selected: boolean; onOpen: (id: string) => void; tr: Translate }) {
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

const DayGrid = memoOnContext(function DayGrid(props: { ctx: SchedulingContext; lang: Lang; selectedId: string | null; onOpen: (id: string) => void }) {
  const tr = useTr();
  const { clinic, selection } = props.ctx;
  const date = selection.date;
  const doctors = doctorsFor(clinic, { doctorId: selection.doctorId ?? undefined, specialty: selection.specialty ?? undefined });
  const caption = tr('tools.scheduling.grid.dayCaption', { date: longDate(date, props.lang) });
  if (!isIsoDate(date) || !clinic.hours.days.includes(weekday(date))) {
    return (
      <section className="scheduling-tool__grid-wrap" aria-label={caption}>
        <h3>{caption}</h3>
        <p>{tr('tools.scheduling.grid.closed')}</p>
      </section>
    );
  }
  if (doctors.length === 0) {
    return (
      <section className="scheduling-tool__grid-wrap" aria-label={caption}>
        <h3>{caption}</h3>
        <p>{tr('tools.scheduling.grid.noDoctors')}</p>
      </section>
    );
  }
  const byDoctor = new Map(doctors.map((d) => [d.id, appointmentsOf(clinic, d.id, date)]));
  const open = isClockTime(clinic.hours.open) ? toMinutes(clinic.hours.open) : 0;
  const close = isClockTime(clinic.hours.close) ? toMinutes(clinic.hours.close) : 24 * 60;
  const rows: number[] = [];
  for (let m = Math.floor(open / ROW_MINUTES) * ROW_MINUTES; m < close; m += ROW_MINUTES) {
    const someoneWorks = doctors.some((d) => workingStretches(d, date).some(([s, e]) => m + ROW_MINUTES > s && m < e));
    const someAppointment = [...byDoctor.values()].some((list) =>
      list.some((a) => toMinutes(a.start) >= m && toMinutes(a.start) < m + ROW_MINUTES),
    );
    if (someoneWorks || someAppointment) rows.push(m);
  }
  // Translated and computed once per render, not once per cell: the grid has hundreds of cells and
  // redraws on every date change.
  const freeText = tr('tools.scheduling.grid.free');
  const offDutyText = tr('tools.scheduling.grid.offDuty');
  const stretches = new Map(doctors.map((d) => [d.id, workingStretches(d, date)]));
  const worksAt = (doctorId: string, m: number) => (stretches.get(doctorId) ?? []).some(([s, e]) => m >= s && m + ROW_MINUTES <= e);
  return (
    <div className="scheduling-tool__grid-wrap" role="region" aria-label={caption} tabIndex={0}>
      {/* Explicit roles: the day's table is laid out as rows of CSS grid (see the stylesheet), and a CSS display
          other than table makes some browsers stop exposing it as a table. */}
      <table className="scheduling-tool__grid scheduling-tool__grid--day" role="table">
        <caption>{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {tr('tools.scheduling.grid.time')}
            </th>
            {doctors.map((d) => (
              <th key={d.id} scope="col" role="columnheader">
                {d.name}
                <span className="scheduling-tool__muted"> {say(SPECIALTY_NAMES[d.specialty], props.lang)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((m) => (
            <tr key={m} role="row">
              <th scope="row" role="rowheader">
                {fromMinutes(m)}
              </th>
              {doctors.map((d) => {
                const list = byDoctor.get(d.id) ?? [];
                const starting = list.filter((a) => toMinutes(a.start) >= m && toMinutes(a.start) < m + ROW_MINUTES);
                if (starting.length > 0) {
                  return (
                    <td key={d.id} role="cell" className="scheduling-tool__cell scheduling-tool__cell--busy">
                      <ul className="scheduling-tool__cell-list">
                        {starting.map((a) => (
                          <li key={a.id}>
                            <AppointmentButton appointment={a} selected={props.selectedId === a.id} onOpen={props.onOpen} tr={tr} />
                          </li>
                        ))}
                      </ul>
                    </td>
                  );
                }
                const running = list.find((a) => holdsTime(a) && isActive(a) && overlaps(toMinutes(a.start), a.minutes, m, ROW_MINUTES));
                if (running) {
                  return (
                    <td key={d.id} role="cell" className="scheduling-tool__cell scheduling-tool__cell--continues">
                      {tr('tools.scheduling.grid.continues', { name: running.patientName })}
                    </td>
                  );
                }
                const working = worksAt(d.id, m);
                return (
                  <td key={d.id} role="cell" className={`scheduling-tool__cell ${working ? 'scheduling-tool__cell--free' : 'scheduling-tool__cell--off'}`}>
                    {working ? freeText : offDutyText}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}, ['clinic', 'selection']);

const WeekGrid = memoOnContext(function WeekGrid(props: {
  ctx: SchedulingContext;
  lang: Lang;
  selectedId: string | null;
  onOpen: (id: string) => void;
  onOpenDay: (date: string) => void;
}) {
  const tr = useTr();
  const { clinic, selection } = props.ctx;
  const monday = mondayOf(selection.date);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i)).filter((d) => clinic.hours.days.includes(weekday(d)));
  const doctors = doctorsFor(clinic, { doctorId: selection.doctorId ?? undefined, specialty: selection.specialty ?? undefined });
  const caption = tr('tools.scheduling.grid.weekCaption', {
    from: longDate(days[0] ?? monday, props.lang),
    to: longDate(days[days.length - 1] ?? addDays(monday, 6), props.lang),
  });
  if (doctors.length === 0) {
    return (
      <section className="scheduling-tool__grid-wrap" aria-label={caption}>
        <h3>{caption}</h3>
        <p>{tr('tools.scheduling.grid.noDoctors')}</p>
      </section>
    );
  }
  return (
    <div className="scheduling-tool__grid-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="scheduling-tool__grid scheduling-tool__grid--week">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{tr('tools.scheduling.grid.doctor')}</th>
            {days.map((d) => (
              <th key={d} scope="col" aria-current={d === selection.date ? 'date' : undefined}>
                <button
                  type="button"
                  className="scheduling-tool__day-link"
                  aria-label={tr('tools.scheduling.grid.openDay', { date: longDate(d, props.lang) })}
                  onClick={() => props.onOpenDay(d)}
                >
                  {shortDate(d, props.lang)}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {doctors.map((doctor) => (
            <tr key={doctor.id}>
              <th scope="row">{doctor.name}</th>
              {days.map((d) => {
                const list = appointmentsOf(clinic, doctor.id, d);
                const works = workingStretches(doctor, d).length > 0;
                return (
                  <td key={d} className={`scheduling-tool__cell${works ? '' : ' scheduling-tool__cell--off'}`}>
                    {list.length > 0 ? (
                      <ul className="scheduling-tool__cell-list">
                        {list.map((a) => (
                          <li key={a.id}>
                            <AppointmentButton appointment={a} selected={props.selectedId === a.id} onOpen={props.onOpen} tr={tr} />
                          </li>
                        ))}
                      </ul>
                    ) : works ? (
                      tr('tools.scheduling.grid.noAppointments')
                    ) : (
                      tr('tools.scheduling.grid.offDuty')
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}, ['clinic', 'selection']);

function AppointmentDetail(props: {
  appointment: Appointment;
  ctx: SchedulingContext;
  lang: Lang;
  dispatch: Dispatch;
  onClose: () => void;
}) {
  const tr = useTr();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const a = props.appointment;
  const { clinic } = props.ctx;
  const [move, setMove] = useState({ doctorId: a.doctorId, date: a.date, start: a.start });
  const [moveErrors, setMoveErrors] = useState<FieldErrors>({});
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const visitType = findVisitType(clinic, a.visitType);

  const reschedule = (e: FormEvent) => {
    e.preventDefault();
    const found = checkSlotFields(move, tr);
    setMoveErrors(found);
    if (Object.keys(found).length === 0) {
      props.dispatch({ type: 'scheduling.reschedule', appointmentId: a.id, doctorId: move.doctorId, date: move.date, start: move.start });
    }
  };
  const cancel = (e: FormEvent) => {
    e.preventDefault();
    const chosen = CANCEL_REASONS.find((r) => r === reason);
    setReasonError(chosen ? undefined : tr('tools.scheduling.form.reasonRequired'));
    if (chosen) props.dispatch({ type: 'scheduling.cancel', appointmentId: a.id, reason: chosen });
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
            <Field id={`${id}-doctor`} label={tr('tools.scheduling.booking.doctor')} error={moveErrors.doctorId}>
              {(describedBy) => (
                <DoctorSelect
                  id={`${id}-doctor`}
                  clinic={clinic}
                  lang={props.lang}
                  value={move.doctorId}
                  describedBy={describedBy}
                  invalid={!!moveErrors.doctorId}
                  onChange={(doctorId) => setMove({ ...move, doctorId })}
                />
              )}
            </Field>
            <Field id={`${id}-date`} label={tr('tools.scheduling.booking.date')} error={moveErrors.date}>
              {(describedBy) => (
                <input
                  id={`${id}-date`}
                  type="date"
                  value={move.date}
                  aria-describedby={describedBy}
                  aria-invalid={!!moveErrors.date || undefined}
                  onChange={(e) => setMove({ ...move, date: e.target.value })}
                />
              )}
            </Field>
            <Field id={`${id}-start`} label={tr('tools.scheduling.booking.start')} error={moveErrors.start}>
              {(describedBy) => (
                <input
                  id={`${id}-start`}
                  type="time"
                  step={300}
                  value={move.start}
                  aria-describedby={describedBy}
                  aria-invalid={!!moveErrors.start || undefined}
                  onChange={(e) => setMove({ ...move, start: e.target.value })}
                />
              )}
            </Field>
            <button type="submit" className="button">
              {tr('tools.scheduling.detail.rescheduleButton')}
            </button>
          </fieldset>
        </form>
        <form onSubmit={cancel} noValidate>
          <fieldset className="scheduling-tool__group">
            <legend>{tr('tools.scheduling.detail.cancel')}</legend>
            <Field id={`${id}-reason`} label={tr('tools.scheduling.detail.reason')} error={reasonError}>
              {(describedBy) => (
                <select
                  id={`${id}-reason`}
                  value={reason}
                  aria-describedby={describedBy}
                  aria-invalid={!!reasonError || undefined}
                  onChange={(e) => setReason(e.target.value)}
                >
                  <option value="">{tr('tools.scheduling.detail.chooseReason')}</option>
                  {CANCEL_REASONS.map((r: CancelReason) => (
                    <option key={r} value={r}>
                      {tr(`tools.scheduling.reasons.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button type="submit" className="button">
              {tr('tools.scheduling.detail.cancelButton')}
            </button>
          </fieldset>
        </form>
        <div className="scheduling-tool__group">
          <button
            type="button"
            className="button"
            onClick={() => props.dispatch({ type: 'scheduling.markNoShow', appointmentId: a.id })}
          >
            {tr('tools.scheduling.detail.noShow')}
          </button>
        </div>
      </div>
    </section>
  );
}

/** A channel picker and a button: confirmation and reminder share it. */
function ChannelForm(props: { legend: string; button: string; onSend: (channel: ContactChannel) => void }) {
  const tr = useTr();
  const id = useId();
  const [channel, setChannel] = useState('');
  const [error, setError] = useQuietState<string | undefined>(undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = CHANNELS.find((c) => c === channel);
    setError(chosen ? undefined : tr('tools.scheduling.form.channelRequired'));
    if (chosen) props.onSend(chosen);
  };
  return (
    <form onSubmit={submit} noValidate>
      <fieldset className="scheduling-tool__group">
        <legend>{props.legend}</legend>
        <Field id={`${id}-channel`} label={tr('tools.scheduling.contact.channel')} error={error}>
          {(describedBy) => (
            <select
              id={`${id}-channel`}
              value={channel}
              aria-describedby={describedBy}
              aria-invalid={!!error || undefined}
              onChange={(e) => setChannel(e.target.value)}
            >
              <option value="">{tr('tools.scheduling.contact.chooseChannel')}</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {tr(`tools.scheduling.channels.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button">
          {props.button}
        </button>
      </fieldset>
    </form>
  );
}

const PatientAppointment = memoOnContext(function PatientAppointment({ ctx, lang, dispatch }: { ctx: SchedulingContext; lang: Lang; dispatch: Dispatch }) {
  const tr = useTr();
  const id = useId();
  const appt = ctx.patientAppointmentId ? findAppointment(ctx.clinic, ctx.patientAppointmentId) : undefined;
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
        <ChannelForm
          legend={tr('tools.scheduling.contact.confirmLegend')}
          button={tr('tools.scheduling.contact.confirm')}
          onSend={(channel) => dispatch({ type: 'scheduling.confirm', channel })}
        />
        <ChannelForm
          legend={tr('tools.scheduling.contact.remindLegend')}
          button={tr('tools.scheduling.contact.remind')}
          onSend={(channel) => dispatch({ type: 'scheduling.remind', channel })}
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
}, ['clinic', 'patientAppointmentId', 'record']);

const WaitingList = memoOnContext(function WaitingList({ ctx, lang, dispatch }: { ctx: SchedulingContext; lang: Lang; dispatch: Dispatch }) {
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
}, ['clinic', 'given', 'record']);

const Escalation = memo(function Escalation({ dispatch }: { dispatch: Dispatch }) {
  const tr = useTr();
  const id = useId();
  const [target, setTarget] = useState('');
  const [error, setError] = useQuietState<string | undefined>(undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = ESCALATION_TARGETS.find((x) => x === target);
    setError(chosen ? undefined : tr('tools.scheduling.form.targetRequired'));
    if (chosen) dispatch({ type: 'scheduling.escalateUrgent', to: chosen });
  };
  return (
    <form className="scheduling-tool__panel" onSubmit={submit} noValidate>
      <fieldset className="scheduling-tool__group scheduling-tool__urgent">
        <legend>{tr('tools.scheduling.urgent.legend')}</legend>
        <Field id={`${id}-target`} label={tr('tools.scheduling.urgent.target')} error={error}>
          {(describedBy) => (
            <select
              id={`${id}-target`}
              value={target}
              aria-describedby={describedBy}
              aria-invalid={!!error || undefined}
              onChange={(e) => setTarget(e.target.value)}
            >
              <option value="">{tr('tools.scheduling.urgent.chooseTarget')}</option>
              {ESCALATION_TARGETS.map((x: EscalationTarget) => (
                <option key={x} value={x}>
                  {tr(`tools.scheduling.targets.${x}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button">
          {tr('tools.scheduling.urgent.escalate')}
        </button>
      </fieldset>
    </form>
  );
});

/**
 * The agenda's confirmation dialog (overbooking, a length that is not the visit type's). Modal:
 * focus moves in, Tab stays inside, Escape goes back, and focus returns to where it was.
 */
function WarningDialog(props: { warnings: Problem[]; lang: Lang; onOverride: () => void; onDismiss: () => void }) {
  const tr = useTr();
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const back = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    back.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      props.onDismiss();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const controls = [...box.current.querySelectorAll<HTMLElement>('button:not([disabled])')];
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="scheduling-tool__backdrop">
      <div
        ref={box}
        className="scheduling-tool__dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        onKeyDown={onKeyDown}
      >
        <h3 id={`${id}-title`}>
          <span aria-hidden="true" className="scheduling-tool__dialog-icon">
            !
          </span>{' '}
          {tr('tools.scheduling.warning.title')}
        </h3>
        <div id={`${id}-body`}>
          <p>{tr('tools.scheduling.warning.intro')}</p>
          <ul>
            {props.warnings.map((w, i) => (
              <li key={`${w.code}-${i}`}>{say(w.message, props.lang)}</li>
            ))}
          </ul>
        </div>
        <div className="scheduling-tool__dialog-actions">
          <button ref={back} type="button" className="button" onClick={props.onDismiss}>
            {tr('tools.scheduling.warning.dismiss')}
          </button>
          <button type="button" className="button button--primary" onClick={props.onOverride}>
            {tr('tools.scheduling.warning.override')}
          </button>
        </div>
      </div>
    </div>
  );
}
