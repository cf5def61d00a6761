/**
 * What the agenda's pieces share: the workflow's names (the one import of the scheduling machine),
 * dates as people read them, doctor names, the appointments of a day, and the tool's typed `t`.
 */
import { addDays, isClockTime, isIsoDate, weekday } from '../../../../domain/calendar';
import { findAppointment, findDoctor } from '../../../../domain/clinic';
import type { Lang } from '../../../../domain/text';
import type { Appointment, Clinic, ContactChannel, Specialty } from '../../../../domain/types';
import { schedulingEvents, type SchedulingEvent, type SchedulingEventType } from '../../../../machines/scheduling/events';
import { CANCEL_REASONS, ESCALATION_TARGETS, type CancelReason, type EscalationTarget } from '../../../../machines/scheduling/schemas';
import type { SchedulingContext } from '../../../../machines/scheduling/types';
import { contextPart, type SendResult } from '../tool-props';
import { useToolTr, type ToolKey, type Translate as TranslateOf } from '../tool-text';

export { CANCEL_REASONS, ESCALATION_TARGETS, type CancelReason, type EscalationTarget, type SchedulingContext };

/** The schema of an agenda event's params: the workflow definition's own event table, which the run validates with. */
export const paramsOf = <T extends SchedulingEventType>(type: T): (typeof schedulingEvents)[T]['params'] => schedulingEvents[type].params;

export const SPECIALTIES: Specialty[] = ['general', 'pediatrics', 'cardiology', 'gynecology'];
export const CHANNELS: ContactChannel[] = ['phone', 'sms', 'whatsapp', 'email'];
/** Rows of the day grid, in minutes: the agenda's search grid is 15 minutes too. */
export const ROW_MINUTES = 15;

export type Dispatch = (event: SchedulingEvent) => SendResult;
export type Translate = TranslateOf<ToolKey<'scheduling'>>;
export const useTr = (): Translate => useToolTr<ToolKey<'scheduling'>>();

/** Names a panel's part of the agenda's context (tool-props.ts). */
export const agendaPart = contextPart<SchedulingContext>();
/** What the day and week grids and the filters read. */
export const GRID_PART = agendaPart('clinic', 'selection');

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
export function longDate(date: string, lang: Lang): string {
  if (!isIsoDate(date)) return date;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return formatter(lang, 'long').format(new Date(Date.UTC(y, m - 1, d)));
}

/** "jue 15 ene": the week grid's column headers. */
export function shortDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return formatter(lang, 'short').format(new Date(Date.UTC(y, m - 1, d)));
}

export const doctorName = (clinic: Clinic, id: string) => findDoctor(clinic, id)?.name ?? id;
export const isActive = (a: Appointment) => a.status === 'booked' || a.status === 'arrived' || a.status === undefined;
const byStart = (a: Appointment, b: Appointment) => a.start.localeCompare(b.start) || a.patientName.localeCompare(b.patientName);

/** Monday of the week holding the date (the clinic's week starts on Monday). */
export const mondayOf = (date: string) => addDays(date, -((weekday(date) + 6) % 7));

/** The appointments of a doctor on a date, in time order. */
export const appointmentsOf = (clinic: Clinic, doctorId: string, date: string) =>
  clinic.appointments.filter((a) => a.doctorId === doctorId && a.date === date && isClockTime(a.start)).sort(byStart);

/** "jueves, 15 de enero de 2026, 10:00, Dra. Méndez" (the id when the agenda has no such appointment). */
export function appointmentSummary(ctx: Pick<SchedulingContext, 'clinic'>, appointmentId: string, lang: Lang): string {
  const a = findAppointment(ctx.clinic, appointmentId);
  return a ? `${longDate(a.date, lang)}, ${a.start}, ${doctorName(ctx.clinic, a.doctorId)}` : appointmentId;
}
