import { checkBooking, findFreeSlots, imssAppointmentKind, isIsoDate, toAbsoluteMinutes, visitDuration, type Slot } from '../../domain/calendar';
import { findAppointment, findDoctor, findVisitType } from '../../domain/clinic';
import { t, type Problem } from '../../domain/text';
import type { Appointment, Clinic, ClockTime, ContactChannel, IsoDate } from '../../domain/types';
import type { SchedulingEvent } from './events';
import { EARLIEST_HORIZON_DAYS, SHOWN_WARNINGS, type ChangeAttempt, type SchedulingContext, type SchedulingRecord } from './types';
import { type WaitingEntry } from './schemas';

// What the agenda enforces and records: pure functions over the context, read by the chart's
// guards and actions, by the observations and by the tool.

export const refusal = (code: string, es: string, en: string): Problem => ({ code, severity: 'error', message: t(es, en) });

export const isPast = (ctx: SchedulingContext, date: IsoDate, start: ClockTime) =>
  toAbsoluteMinutes(date, start) < toAbsoluteMinutes(ctx.given.today, ctx.given.now);

export const slotOf = (a: Appointment): Slot => ({ doctorId: a.doctorId, date: a.date, start: a.start, minutes: a.minutes });

/** The patient's appointment in hand, if any. */
export function patientAppointment(ctx: SchedulingContext): Appointment | undefined {
  return ctx.patientAppointmentId ? findAppointment(ctx.clinic, ctx.patientAppointmentId) : undefined;
}

export const isPatients = (ctx: SchedulingContext, a: Appointment) =>
  a.id === ctx.patientAppointmentId || a.id === ctx.given.need.existingAppointmentId || a.patientId === ctx.given.patient.id;

/** Reads a booking or move request and checks it against the agenda. */
export function readChange(ctx: SchedulingContext, event: SchedulingEvent): ChangeAttempt | null {
  const step = ctx.history.length;
  if (event.type === 'scheduling.book') {
    const visitType = ctx.selection.visitType;
    const minutes = event.minutes ?? (visitType ? visitDuration(ctx.clinic, visitType) : undefined) ?? 0;
    const attempt: ChangeAttempt = {
      kind: 'book',
      appointmentId: null,
      doctorId: event.doctorId,
      date: event.date,
      start: event.start,
      minutes,
      visitType,
      problems: [],
      outcome: 'pending',
      earliest: null,
      step,
    };
    if (!visitType) {
      attempt.problems = [
        refusal(
          'booking.visitTypeRequired',
          'Elija primero el tipo de consulta (primera vez, subsecuente...): de él depende la duración de la cita.',
          'Choose the visit type first (first visit, follow-up...): the length of the appointment depends on it.',
        ),
      ];
      return attempt;
    }
    attempt.problems = checkBooking(
      ctx.clinic,
      { doctorId: event.doctorId, date: event.date, start: event.start, minutes, visitType },
      { now: { date: ctx.given.today, time: ctx.given.now }, specialty: ctx.given.need.specialty },
    );
    return attempt;
  }
  if (event.type === 'scheduling.reschedule') {
    const appt = findAppointment(ctx.clinic, event.appointmentId);
    const attempt: ChangeAttempt = {
      kind: 'reschedule',
      appointmentId: event.appointmentId,
      doctorId: event.doctorId,
      date: event.date,
      start: event.start,
      minutes: appt?.minutes ?? 0,
      visitType: appt?.visitType ?? null,
      problems: [],
      outcome: 'pending',
      earliest: null,
      step,
    };
    if (!appt || appt.status === 'cancelled' || appt.status === 'no-show') {
      attempt.problems = [
        refusal(
          'reschedule.notActive',
          `No hay una cita vigente "${event.appointmentId}" que mover.`,
          `There is no active appointment "${event.appointmentId}" to move.`,
        ),
      ];
      return attempt;
    }
    attempt.problems = checkBooking(
      ctx.clinic,
      { doctorId: event.doctorId, date: event.date, start: event.start, minutes: appt.minutes, visitType: appt.visitType },
      {
        now: { date: ctx.given.today, time: ctx.given.now },
        specialty: isPatients(ctx, appt) ? ctx.given.need.specialty : undefined,
        ignoreAppointmentId: appt.id,
      },
    );
    return attempt;
  }
  return null;
}

export const blocking = (a: ChangeAttempt) => a.problems.filter((p) => p.severity === 'error');
export const shownWarnings = (a: ChangeAttempt) =>
  a.problems.filter((p) => p.severity === 'warning' && SHOWN_WARNINGS.includes(p.code));

/** Free future slots freed in this task and not yet offered. */
export function offerableSlots(ctx: SchedulingContext): Slot[] {
  return ctx.record.freedSlots.filter(
    (s) =>
      !ctx.record.offers.some((o) => o.slot.doctorId === s.doctorId && o.slot.date === s.date && o.slot.start === s.start) &&
      !isPast(ctx, s.date, s.start) &&
      !checkBooking(ctx.clinic, s).some((p) => p.code === 'booking.doubleBooked'),
  );
}

/** The next offer: the latest freed slot and the first waiting person who fits it. */
export function nextOffer(ctx: SchedulingContext): { slot: Slot; entry: WaitingEntry } | null {
  const offered = new Set(ctx.record.offers.map((o) => o.name));
  for (const slot of [...offerableSlots(ctx)].reverse()) {
    const specialty = findDoctor(ctx.clinic, slot.doctorId)?.specialty;
    const entry = ctx.given.need.waitingList.find((w) => !offered.has(w.name) && (w.specialty === undefined || w.specialty === specialty));
    if (entry) return { slot, entry };
  }
  return null;
}

function contactRefusals(ctx: SchedulingContext, channel: ContactChannel): Problem[] {
  const appt = patientAppointment(ctx);
  if (!appt || appt.status === 'cancelled') {
    return [
      refusal(
        'contact.noAppointment',
        'El paciente no tiene una cita vigente que confirmar o recordar.',
        'The patient has no active appointment to confirm or remind.',
      ),
    ];
  }
  if (channel === 'email' && !ctx.given.patient.email) {
    return [refusal('contact.noEmail', 'No hay correo electrónico registrado del paciente.', 'There is no email address on file for the patient.')];
  }
  if (channel !== 'email' && !ctx.given.patient.phone) {
    return [refusal('contact.noPhone', 'No hay teléfono registrado del paciente.', 'There is no phone number on file for the patient.')];
  }
  return [];
}

/** Why the agenda refuses an event right now (empty when it accepts it). */
export function refusalsFor(ctx: SchedulingContext, event: SchedulingEvent): Problem[] {
  switch (event.type) {
    case 'scheduling.selectDate':
      return isIsoDate(event.date) ? [] : [refusal('select.invalidDate', 'La fecha no es válida.', 'The date is not valid.')];
    case 'scheduling.selectSpecialty':
      return [];
    case 'scheduling.selectDoctor':
      return findDoctor(ctx.clinic, event.doctorId)
        ? []
        : [refusal('select.unknownDoctor', `No hay ningún médico "${event.doctorId}".`, `There is no doctor "${event.doctorId}".`)];
    case 'scheduling.selectVisitType':
      return findVisitType(ctx.clinic, event.visitType)
        ? []
        : [
            refusal(
              'select.unknownVisitType',
              `Esta clínica no tiene el tipo de consulta "${event.visitType}".`,
              `This clinic has no visit type "${event.visitType}".`,
            ),
          ];
    case 'scheduling.searchSlots':
      return ctx.selection.visitType
        ? []
        : [
            refusal(
              'search.visitTypeRequired',
              'Elija el tipo de consulta para buscar horarios: de él depende la duración.',
              'Choose the visit type to search for times: the length depends on it.',
            ),
          ];
    case 'scheduling.book':
    case 'scheduling.reschedule': {
      const attempt = readChange(ctx, event);
      return attempt ? blocking(attempt) : [];
    }
    case 'scheduling.cancel': {
      const appt = findAppointment(ctx.clinic, event.appointmentId);
      if (!appt) return [refusal('cancel.notFound', `No existe la cita "${event.appointmentId}".`, `There is no appointment "${event.appointmentId}".`)];
      return appt.status === 'booked' || appt.status === undefined
        ? []
        : [refusal('cancel.notActive', 'Esa cita ya no está agendada.', 'That appointment is no longer booked.')];
    }
    case 'scheduling.markNoShow': {
      const id = event.appointmentId ?? ctx.given.need.existingAppointmentId;
      const appt = id ? findAppointment(ctx.clinic, id) : undefined;
      if (!appt) return [refusal('noShow.notFound', 'Indique la cita a la que el paciente no llegó.', 'Say which appointment the patient missed.')];
      if (appt.status !== 'booked' && appt.status !== undefined) {
        return [refusal('noShow.notActive', 'Esa cita ya no está agendada.', 'That appointment is no longer booked.')];
      }
      return toAbsoluteMinutes(appt.date, appt.start) <= toAbsoluteMinutes(ctx.given.today, ctx.given.now)
        ? []
        : [
            refusal(
              'noShow.notYet',
              `La cita es el ${appt.date} a las ${appt.start}: no se marca inasistencia antes de su hora.`,
              `The appointment is on ${appt.date} at ${appt.start}: a no-show cannot be recorded before its time.`,
            ),
          ];
    }
    case 'scheduling.offerToWaitingList':
      if (offerableSlots(ctx).length === 0) {
        return [
          refusal(
            'waitingList.noFreedSlot',
            'No hay un horario liberado para ofrecer.',
            'There is no freed slot to offer.',
          ),
        ];
      }
      return nextOffer(ctx)
        ? []
        : [refusal('waitingList.nobody', 'No hay nadie en la lista de espera para ese horario.', 'Nobody on the waiting list fits that slot.')];
    case 'scheduling.confirm':
    case 'scheduling.remind':
      return contactRefusals(ctx, event.channel);
    case 'scheduling.escalateUrgent':
    case 'scheduling.done':
    case 'scheduling.overrideWarning':
    case 'scheduling.dismissWarning':
      return [];
  }
}

/** The earliest slot suiting the patient's need on the agenda as it is (the moved appointment counts as free). */
export function earliestSuitableSlot(ctx: SchedulingContext, ignoreAppointmentId?: string): Slot | null {
  const { need } = ctx.given;
  const fromPreferred = !need.urgent && need.preferredDate !== null && need.preferredDate > ctx.given.today;
  const date = fromPreferred && need.preferredDate ? need.preferredDate : ctx.given.today;
  return (
    findFreeSlots(ctx.clinic, {
      specialty: need.specialty,
      doctorId: need.doctorId ?? undefined,
      visitType: need.visitType,
      date,
      from: fromPreferred ? undefined : ctx.given.now,
      days: need.urgent ? 1 : EARLIEST_HORIZON_DAYS,
      limit: 1,
      ignoreAppointmentId,
    })[0] ?? null
  );
}

/** Applies a booking or a move to the agenda. */
export function applyAttempt(ctx: SchedulingContext, attempt: ChangeAttempt, outcome: 'applied' | 'overridden'): Partial<SchedulingContext> {
  const to: Slot = { doctorId: attempt.doctorId, date: attempt.date, start: attempt.start, minutes: attempt.minutes };
  const kind =
    ctx.clinic.kind === 'imss-umf'
      ? imssAppointmentKind({
          requestedAt: { date: ctx.given.today, time: ctx.given.now },
          appointment: { date: attempt.date, start: attempt.start },
          walkIn: ctx.given.need.walkIn && attempt.date === ctx.given.today,
        })
      : undefined;
  if (attempt.kind === 'book') {
    const id = `cita-${ctx.nextId}`;
    const appointment: Appointment = {
      id,
      doctorId: attempt.doctorId,
      patientId: ctx.given.patient.id,
      patientName: ctx.given.patient.name,
      date: attempt.date,
      start: attempt.start,
      minutes: attempt.minutes,
      visitType: attempt.visitType ?? ctx.given.need.visitType,
      ...(kind ? { kind } : {}),
      status: 'booked',
    };
    return {
      clinic: { ...ctx.clinic, appointments: [...ctx.clinic.appointments, appointment] },
      patientAppointmentId: id,
      nextId: ctx.nextId + 1,
      record: recorded(ctx, {
        attempts: [...ctx.record.attempts, { ...attempt, appointmentId: id, outcome, earliest: earliestSuitableSlot(ctx) }],
        changes: [...ctx.record.changes, { kind: 'book', appointmentId: id, to, step: attempt.step }],
      }),
    };
  }
  const old = attempt.appointmentId ? findAppointment(ctx.clinic, attempt.appointmentId) : undefined;
  if (!old) return {};
  const from = slotOf(old);
  const moved: Appointment = { ...old, doctorId: to.doctorId, date: to.date, start: to.start, ...(kind ? { kind } : {}) };
  return {
    clinic: { ...ctx.clinic, appointments: ctx.clinic.appointments.map((a) => (a.id === old.id ? moved : a)) },
    patientAppointmentId: isPatients(ctx, old) ? old.id : ctx.patientAppointmentId,
    record: recorded(ctx, {
      attempts: [...ctx.record.attempts, { ...attempt, outcome, earliest: earliestSuitableSlot(ctx, old.id) }],
      changes: [...ctx.record.changes, { kind: 'reschedule', appointmentId: old.id, from, to, step: attempt.step }],
      freedSlots: isPast(ctx, from.date, from.start) ? ctx.record.freedSlots : [...ctx.record.freedSlots, from],
    }),
  };
}

/** The record with some of its lists replaced; the others are shared, not copied. */
export const recorded = (ctx: SchedulingContext, update: Partial<SchedulingRecord>): SchedulingRecord => ({ ...ctx.record, ...update });

export const withStatus = (ctx: SchedulingContext, id: string, status: Appointment['status']): Clinic => ({
  ...ctx.clinic,
  appointments: ctx.clinic.appointments.map((a) => (a.id === id ? { ...a, status } : a)),
});
