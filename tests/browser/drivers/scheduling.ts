/** Scheduling entries -> the agenda screen (src/features/trainee/tools/scheduling/scheduling-tool.tsx). */
import { addDays, weekday } from '../../../src/domain/calendar';
import { findDoctor, SPECIALTY_NAMES, visitTypesOf } from '../../../src/domain/clinic';
import type { Appointment, Clinic, Specialty } from '../../../src/domain/types';
import type { LogEntry } from '../../../src/engine/format/log';
import type { DriverContext } from './support';
import { exactly, params, pick, press, str, tr, type } from './support';

const S = 'tools.scheduling';

/** What the driver reads of the scheduling machine's context (the agenda as the tool draws it). */
interface AgendaContext {
  clinic: Clinic;
  selection: { date: string; doctorId: string | null; specialty: string | null; visitType: string | null };
}

const agenda = (ctx: DriverContext): AgendaContext => {
  const snapshot = ctx.view.task?.snapshot as { context?: AgendaContext } | undefined;
  if (!snapshot?.context?.clinic) throw new Error('No scheduling task in progress');
  return snapshot.context;
};

/** A doctor's option text in the tool's doctor selects. */
const doctorOption = (clinic: Clinic, doctorId: string): string => {
  const doctor = findDoctor(clinic, doctorId);
  if (!doctor) throw new Error(`No doctor ${doctorId} in the clinic`);
  return `${doctor.name} — ${SPECIALTY_NAMES[doctor.specialty]['es-MX']}`;
};

/** The Monday of a date's week (the week view starts there). */
const mondayOf = (date: string): string => addDays(date, -((weekday(date) + 6) % 7));

const APPOINTMENT_EVENTS = ['scheduling.reschedule', 'scheduling.cancel', 'scheduling.markNoShow'];

/** The appointment's button in the grid: "09:30 Nombre (30 minutos…)". */
const appointmentButton = (ctx: DriverContext, a: Appointment) => ctx.page.getByRole('button', { name: exactly(`${a.start} ${a.patientName} (`) });

/** Brings the appointment's button on screen: the day grid shows it, or the week view (a view switch, nothing logged) does. */
async function reveal(ctx: DriverContext, a: Appointment): Promise<boolean> {
  const { selection } = agenda(ctx);
  if (a.date === selection.date) return true;
  if (mondayOf(a.date) !== mondayOf(selection.date)) return false;
  const week = ctx.page.getByRole('group', { name: tr(`${S}.navigation.view`), exact: true }).getByRole('button', { name: tr(`${S}.navigation.week`), exact: true });
  if ((await week.getAttribute('aria-pressed')) !== 'true') await press(ctx, week, 'week view');
  return true;
}

/** True when the detail panel shows this appointment already. */
const isOpen = async (ctx: DriverContext, a: Appointment): Promise<boolean> =>
  (await ctx.page.getByRole('heading', { name: `${tr(`${S}.detail.heading`)}: ${a.patientName}`, exact: true }).count()) === 1 &&
  (await appointmentButton(ctx, a).getAttribute('aria-current').catch(() => null)) === 'true';

/**
 * Opens an appointment from the grid (opening is a look, not an action: nothing is logged). The
 * detail panel stays open while the agenda moves to another date, which is how a trainee moves an
 * appointment to a day the grid no longer shows.
 */
async function openAppointment(ctx: DriverContext, appointmentId: string): Promise<Appointment> {
  const { clinic, selection } = agenda(ctx);
  const appointment = clinic.appointments.find((a) => a.id === appointmentId);
  if (!appointment) throw new Error(`No appointment ${appointmentId} in the agenda`);
  if (await ctx.page.getByRole('heading', { name: `${tr(`${S}.detail.heading`)}: ${appointment.patientName}`, exact: true }).count() === 1) return appointment;
  if (!(await reveal(ctx, appointment))) {
    throw new Error(`Appointment ${appointmentId} is on ${appointment.date} but the agenda shows the week of ${selection.date}, and it was not opened before: the grid cannot reach it without a selectDate the log does not have`);
  }
  await press(ctx, appointmentButton(ctx, appointment), `appointment ${appointmentId}`);
  return appointment;
}

/** Before the agenda leaves a date, opens the appointment a later entry acts on if this date shows it. */
async function openAheadOfDateChange(ctx: DriverContext): Promise<void> {
  const { clinic, selection } = agenda(ctx);
  const next = ctx.upcoming.find((e) => APPOINTMENT_EVENTS.includes(e.type));
  const id = next ? (next as { appointmentId?: unknown }).appointmentId : undefined;
  const appointment = clinic.appointments.find((a) => a.id === id);
  if (appointment && mondayOf(appointment.date) === mondayOf(selection.date) && !(await isOpen(ctx, appointment)) && (await reveal(ctx, appointment))) {
    await press(ctx, appointmentButton(ctx, appointment), `appointment ${appointment.id} (opened before the agenda moves)`);
  }
}

/** Picks a channel in the confirmation or reminder form and sends it. */
async function channelForm(ctx: DriverContext, legend: string, button: string, channel: string): Promise<void> {
  const group = ctx.page.getByRole('group', { name: tr(`${S}.contact.${legend}`), exact: true });
  await pick(ctx, group.getByRole('combobox', { name: tr(`${S}.contact.channel`), exact: true }), { label: tr(`${S}.channels.${channel}`) }, `${legend} channel`);
  await press(ctx, group.getByRole('button', { name: tr(`${S}.contact.${button}`), exact: true }), button);
}

/** Plays one scheduling entry. */
export async function scheduling(ctx: DriverContext, entry: LogEntry): Promise<void> {
  const { page } = ctx;
  const p = params(entry);
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const combobox = (name: string) => page.getByRole('combobox', { name, exact: true });
  switch (entry.type) {
    case 'scheduling.selectDate':
      await openAheadOfDateChange(ctx);
      // The agenda's date field (a date input: filled whole, as a date picker would set it).
      return type(ctx, page.getByLabel(tr(`${S}.navigation.date`), { exact: true }), str(entry, 'date'), 'agenda date', 'none');
    case 'scheduling.selectSpecialty':
      return pick(ctx, combobox(tr(`${S}.filters.specialty`)), { label: SPECIALTY_NAMES[str(entry, 'specialty') as Specialty]['es-MX'] }, 'specialty filter');
    case 'scheduling.selectDoctor':
      return pick(ctx, combobox(tr(`${S}.filters.doctor`)), { label: doctorOption(agenda(ctx).clinic, str(entry, 'doctorId')) }, 'doctor filter');
    case 'scheduling.selectVisitType': {
      const visit = visitTypesOf(agenda(ctx).clinic).find((v) => v.id === str(entry, 'visitType'));
      if (!visit) throw new Error(`No visit type ${String(p.visitType)} in the clinic`);
      return pick(ctx, combobox(tr(`${S}.filters.visitType`)), { label: tr(`${S}.filters.visitTypeOption`, { name: visit.name['es-MX'], minutes: visit.minutes }) }, 'visit type filter');
    }
    case 'scheduling.searchSlots':
      return press(ctx, button(tr(`${S}.filters.search`)), 'search slots');
    case 'scheduling.book': {
      const { clinic, selection } = agenda(ctx);
      const doctor = findDoctor(clinic, str(entry, 'doctorId'));
      const date = str(entry, 'date');
      const start = str(entry, 'start');
      const slot = page.getByRole('button', { name: exactly(`${start} · ${doctor?.name ?? ''} · `) });
      if (date === selection.date && p.minutes === undefined && (await slot.count()) === 1) {
        // The free slot the search listed fills the booking form and moves focus to "Agendar cita".
        await press(ctx, slot, `slot ${start}`);
      } else {
        // The new-appointment form, not the open appointment's reschedule fields (same labels).
        const form = page.getByRole('form', { name: tr(`${S}.booking.legend`), exact: true });
        await pick(ctx, form.getByRole('combobox', { name: tr(`${S}.booking.doctor`), exact: true }), { label: doctorOption(clinic, str(entry, 'doctorId')) }, 'booking doctor');
        await type(ctx, form.getByLabel(tr(`${S}.booking.date`), { exact: true }), date, 'booking date', 'none');
        await type(ctx, form.getByLabel(tr(`${S}.booking.start`), { exact: true }), start, 'booking time', 'none');
        if (p.minutes !== undefined) await type(ctx, form.getByLabel(tr(`${S}.booking.minutes`), { exact: true }), String(p.minutes), 'booking minutes', 'none');
      }
      return press(ctx, button(tr(`${S}.booking.book`)), 'book');
    }
    case 'scheduling.overrideWarning':
      return press(ctx, page.getByRole('dialog').getByRole('button', { name: tr(`${S}.warning.override`), exact: true }), 'override warning');
    case 'scheduling.dismissWarning':
      return press(ctx, page.getByRole('dialog').getByRole('button', { name: tr(`${S}.warning.dismiss`), exact: true }), 'dismiss warning');
    case 'scheduling.reschedule': {
      await openAppointment(ctx, str(entry, 'appointmentId'));
      const group = page.getByRole('group', { name: tr(`${S}.detail.reschedule`), exact: true });
      await pick(ctx, group.getByRole('combobox', { name: tr(`${S}.booking.doctor`), exact: true }), { label: doctorOption(agenda(ctx).clinic, str(entry, 'doctorId')) }, 'reschedule doctor');
      await type(ctx, group.getByLabel(tr(`${S}.booking.date`), { exact: true }), str(entry, 'date'), 'reschedule date', 'none');
      await type(ctx, group.getByLabel(tr(`${S}.booking.start`), { exact: true }), str(entry, 'start'), 'reschedule time', 'none');
      return press(ctx, group.getByRole('button', { name: tr(`${S}.detail.rescheduleButton`), exact: true }), 'reschedule');
    }
    case 'scheduling.cancel': {
      await openAppointment(ctx, str(entry, 'appointmentId'));
      const group = page.getByRole('group', { name: tr(`${S}.detail.cancel`), exact: true });
      await pick(ctx, group.getByRole('combobox', { name: tr(`${S}.detail.reason`), exact: true }), { label: tr(`${S}.reasons.${str(entry, 'reason')}`) }, 'cancel reason');
      return press(ctx, group.getByRole('button', { name: tr(`${S}.detail.cancelButton`), exact: true }), 'cancel appointment');
    }
    case 'scheduling.markNoShow':
      await openAppointment(ctx, str(entry, 'appointmentId'));
      return press(ctx, button(tr(`${S}.detail.noShow`)), 'no-show');
    case 'scheduling.confirm':
      return channelForm(ctx, 'confirmLegend', 'confirm', str(entry, 'channel'));
    case 'scheduling.remind':
      return channelForm(ctx, 'remindLegend', 'remind', str(entry, 'channel'));
    case 'scheduling.offerToWaitingList':
      return press(ctx, button(tr(`${S}.waiting.offer`)), 'offer to waiting list');
    case 'scheduling.escalateUrgent':
      await pick(ctx, combobox(tr(`${S}.urgent.target`)), { label: tr(`${S}.targets.${str(entry, 'to')}`) }, 'escalation target');
      return press(ctx, button(tr(`${S}.urgent.escalate`)), 'escalate');
    case 'scheduling.done':
      return press(ctx, button(tr(`${S}.done`)), 'done');
    default:
      throw new Error(`The scheduling tool has no control for ${entry.type}`);
  }
}
