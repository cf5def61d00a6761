import { z } from 'zod';
import { t } from '../../domain/text';
import type { EventsOf, WorkflowEventSpec } from '../workflow';
import { CANCEL_REASONS, channelSchema, clockTimeSchema, ESCALATION_TARGETS, idSchema, isoDateSchema, specialtySchema } from './schemas';

const empty = z.object({}).strict();

/** Every agenda event: its parameters, its simulated cost in seconds and what it does. */
export const schedulingEvents = {
  'scheduling.selectDate': {
    params: z.object({ date: isoDateSchema }).strict(),
    cost: 5,
    description: t('Abrir la agenda en una fecha.', 'Open the agenda on a date.'),
  },
  'scheduling.selectSpecialty': {
    params: z.object({ specialty: specialtySchema }).strict(),
    cost: 5,
    description: t('Filtrar la agenda por especialidad.', 'Filter the agenda by specialty.'),
  },
  'scheduling.selectDoctor': {
    params: z.object({ doctorId: idSchema }).strict(),
    cost: 5,
    description: t('Filtrar la agenda por médico.', 'Filter the agenda by doctor.'),
  },
  'scheduling.selectVisitType': {
    params: z.object({ visitType: idSchema }).strict(),
    cost: 5,
    description: t('Elegir el tipo de consulta (primera vez, subsecuente...).', 'Choose the visit type (first visit, follow-up...).'),
  },
  'scheduling.searchSlots': {
    params: empty,
    cost: 10,
    description: t('Buscar horarios libres con los filtros.', 'Search for free times with the filters.'),
  },
  'scheduling.book': {
    params: z
      .object({ doctorId: idSchema, date: isoDateSchema, start: clockTimeSchema, minutes: z.number().int().min(5).max(240).optional() })
      .strict(),
    cost: 30,
    description: t('Agendar la cita del paciente con un médico, fecha y hora.', "Book the patient's appointment with a doctor, date and time."),
  },
  'scheduling.overrideWarning': {
    params: empty,
    cost: 5,
    description: t('Aceptar el aviso y agendar de todos modos.', 'Accept the warning and book anyway.'),
  },
  'scheduling.dismissWarning': {
    params: empty,
    cost: 3,
    description: t('Regresar sin agendar.', 'Go back without booking.'),
  },
  'scheduling.reschedule': {
    params: z
      .object({ appointmentId: idSchema, doctorId: idSchema, date: isoDateSchema, start: clockTimeSchema })
      .strict(),
    cost: 40,
    description: t('Mover una cita a otro médico, fecha u hora.', 'Move an appointment to another doctor, date or time.'),
  },
  'scheduling.cancel': {
    params: z.object({ appointmentId: idSchema, reason: z.enum(CANCEL_REASONS) }).strict(),
    cost: 25,
    description: t('Cancelar una cita indicando el motivo.', 'Cancel an appointment, giving the reason.'),
  },
  'scheduling.markNoShow': {
    params: z.object({ appointmentId: idSchema.optional() }).strict(),
    cost: 10,
    description: t('Registrar que el paciente no llegó a su cita.', 'Record that the patient did not come to the appointment.'),
  },
  'scheduling.offerToWaitingList': {
    params: empty,
    cost: 90,
    description: t('Llamar a la siguiente persona de la lista de espera y ofrecerle el horario liberado.', 'Call the next person on the waiting list and offer them the freed slot.'),
  },
  'scheduling.escalateUrgent': {
    params: z.object({ to: z.enum(ESCALATION_TARGETS) }).strict(),
    cost: 60,
    description: t('Canalizar al paciente urgente (triage, enfermería, médico o 911).', 'Escalate the urgent patient (triage, nurse, doctor or 911).'),
  },
  'scheduling.confirm': {
    params: z.object({ channel: channelSchema }).strict(),
    cost: 45,
    description: t('Confirmar al paciente la fecha, hora y médico por teléfono, SMS, WhatsApp o correo.', 'Confirm the date, time and doctor to the patient by phone, SMS, WhatsApp or email.'),
  },
  'scheduling.remind': {
    params: z.object({ channel: channelSchema }).strict(),
    cost: 20,
    description: t('Programar un recordatorio de la cita.', 'Schedule a reminder of the appointment.'),
  },
  'scheduling.done': {
    params: empty,
    cost: 5,
    description: t('Terminar con la agenda.', 'Finish with the agenda.'),
  },
} satisfies Record<string, WorkflowEventSpec>;

/** Every event the agenda accepts: a discriminated union on `type`, derived from the table. */
export type SchedulingEvent = EventsOf<typeof schedulingEvents>;
export type SchedulingEventType = SchedulingEvent['type'];
