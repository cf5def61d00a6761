import { visitDuration } from '../../domain/calendar';
import { findDoctor } from '../../domain/clinic';
import { t } from '../../domain/text';
import type { Appointment } from '../../domain/types';
import type { Observation } from '../workflow';
import { patientAppointment } from './rules';
import type { SchedulingSnapshot } from './scheduling.machine';
import type { ChangeAttempt, PatientMessage, SchedulingContext } from './types';

const isActive = (a: Appointment | undefined): a is Appointment =>
  !!a && (a.status === 'booked' || a.status === 'arrived' || a.status === undefined);

/** The applied book or move that placed the patient's appointment where it is now. */
function lastPlacement(ctx: SchedulingContext): ChangeAttempt | undefined {
  const id = ctx.patientAppointmentId;
  return [...ctx.record.attempts].reverse().find((a) => a.appointmentId === id && (a.outcome === 'applied' || a.outcome === 'overridden'));
}

const placed = (ctx: SchedulingContext) => ctx.record.attempts.filter((a) => a.outcome === 'applied' || a.outcome === 'overridden');
const matchesNow = (m: PatientMessage, a: Appointment) =>
  m.appointmentId === a.id && m.doctorId === a.doctorId && m.date === a.date && m.start === a.start;

const observe = (
  name: string,
  es: string,
  en: string,
  evaluate: (ctx: SchedulingContext, snapshot: SchedulingSnapshot) => boolean,
): Observation<SchedulingSnapshot> => ({
  id: `scheduling.${name}`,
  description: t(es, en),
  evaluate: (snapshot) => evaluate(snapshot.context, snapshot),
});

/** Named facts about the finished task; scenarios score against these ids. */
export const schedulingObservations: Observation<SchedulingSnapshot>[] = [
  observe(
    'booked',
    'Se agendó una cita nueva para el paciente y sigue vigente.',
    'A new appointment was booked for the patient and is still active.',
    (ctx) => {
      const appt = patientAppointment(ctx);
      return isActive(appt) && ctx.record.changes.some((c) => c.kind === 'book' && c.appointmentId === appt.id);
    },
  ),
  observe(
    'rightSpecialty',
    'La cita vigente del paciente es con un médico de la especialidad que necesita.',
    "The patient's active appointment is with a doctor of the specialty they need.",
    (ctx) => {
      const appt = patientAppointment(ctx);
      return isActive(appt) && findDoctor(ctx.clinic, appt.doctorId)?.specialty === ctx.given.need.specialty;
    },
  ),
  observe(
    'rightDuration',
    'La cita vigente del paciente dura lo que el tipo de consulta que necesita.',
    "The patient's active appointment lasts as long as the visit type they need.",
    (ctx) => {
      const appt = patientAppointment(ctx);
      return isActive(appt) && appt.minutes === visitDuration(ctx.clinic, ctx.given.need.visitType);
    },
  ),
  observe(
    'withinHours',
    'Ningún intento de agendar o mover una cita cayó fuera del horario de la clínica o del turno del médico.',
    "No attempt to book or move an appointment fell outside the clinic's hours or the doctor's shift.",
    (ctx) =>
      !ctx.record.attempts.some((a) => a.problems.some((p) => p.code === 'booking.outOfHours' || p.code === 'booking.doctorNotWorking')),
  ),
  observe(
    'noDoubleBooking',
    'No se agendó ni se movió ninguna cita encima de otra (sin sobrecupo).',
    'No appointment was booked or moved on top of another (no overbooking).',
    (ctx) => !placed(ctx).some((a) => a.problems.some((p) => p.code === 'booking.doubleBooked')),
  ),
  observe(
    'urgentSameDayOrEscalated',
    'Un paciente urgente se atendió el mismo día o se canalizó, y nunca se le dio cita para otro día.',
    'An urgent patient was seen the same day or escalated, and never given an appointment on a later day.',
    (ctx) => {
      if (!ctx.given.need.urgent) return true;
      const appt = patientAppointment(ctx);
      const later = isActive(appt) && appt.date > ctx.given.today;
      const sameDay = isActive(appt) && appt.date === ctx.given.today;
      return !later && (sameDay || ctx.escalatedTo !== null);
    },
  ),
  observe(
    'confirmedThroughPreferredChannel',
    'La cita vigente se confirmó al paciente por el medio que prefiere (o por cualquiera si no indicó uno).',
    'The active appointment was confirmed to the patient through their preferred channel (any, when they have none).',
    (ctx) => {
      const appt = patientAppointment(ctx);
      if (!isActive(appt)) return false;
      return ctx.record.messages.some(
        (m) =>
          m.kind === 'confirmation' &&
          matchesNow(m, appt) &&
          (ctx.given.patient.preferredChannel === null || m.channel === ctx.given.patient.preferredChannel),
      );
    },
  ),
  observe(
    'reminderSent',
    'Se programó un recordatorio de la cita vigente (con su fecha y hora actuales).',
    'A reminder of the active appointment was scheduled (with its current date and time).',
    (ctx) => {
      const appt = patientAppointment(ctx);
      return isActive(appt) && ctx.record.messages.some((m) => m.kind === 'reminder' && matchesNow(m, appt));
    },
  ),
  observe(
    'rescheduledNotCancelledWhenDoctorLate',
    'Cuando el médico viene tarde, la cita del paciente se reprogramó en lugar de cancelarse.',
    "When the doctor runs late, the patient's appointment was rescheduled instead of cancelled.",
    (ctx) => {
      const id = ctx.given.need.existingAppointmentId;
      if (ctx.given.need.doctorLateMinutes <= 0 || id === null) return true;
      const cancelled = ctx.record.changes.some((c) => c.kind === 'cancel' && c.appointmentId === id);
      const moved = ctx.record.changes.some((c) => c.kind === 'reschedule' && c.appointmentId === id);
      return moved && !cancelled;
    },
  ),
  observe(
    'waitingListOffered',
    'Un horario liberado se ofreció a la lista de espera.',
    'A freed slot was offered to the waiting list.',
    (ctx) => ctx.record.offers.length > 0,
  ),
  observe(
    'noShowRecorded',
    'Se registró la inasistencia del paciente a su cita.',
    'The patient missing the appointment was recorded as a no-show.',
    (ctx) => ctx.record.changes.some((c) => c.kind === 'noShow'),
  ),
  observe(
    'earliestSuitableSlot',
    'La cita del paciente quedó en el primer horario que le servía (especialidad, médico, tipo de consulta y fecha deseada).',
    "The patient's appointment was placed at the first slot that suited them (specialty, doctor, visit type and preferred date).",
    (ctx) => {
      const appt = patientAppointment(ctx);
      const placement = lastPlacement(ctx);
      if (!isActive(appt) || !placement?.earliest) return false;
      const doctor = findDoctor(ctx.clinic, appt.doctorId);
      const suits =
        doctor?.specialty === ctx.given.need.specialty &&
        (ctx.given.need.doctorId === null || doctor.id === ctx.given.need.doctorId) &&
        appt.minutes === visitDuration(ctx.clinic, ctx.given.need.visitType);
      return suits && appt.date === placement.earliest.date && appt.start === placement.earliest.start;
    },
  ),
  observe(
    'escalatedOnlyWhenUrgent',
    'Solo se canalizó al paciente si presentaba urgencia.',
    'The patient was escalated only when urgent.',
    (ctx) => ctx.escalatedTo === null || ctx.given.need.urgent,
  ),
];
