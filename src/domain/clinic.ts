import { t, type LocalizedText } from './text';
import type { Appointment, Clinic, ClinicKind, Doctor, Specialty, VisitType } from './types';

/** Names of the specialties as the desk says them. */
export const SPECIALTY_NAMES: Record<Specialty, LocalizedText> = {
  general: t('Medicina familiar / general', 'Family / general medicine'),
  pediatrics: t('Pediatría', 'Pediatrics'),
  cardiology: t('Cardiología', 'Cardiology'),
  gynecology: t('Ginecología', 'Gynecology'),
};

/** Conventional visit-type ids used by the library's clinic files. */
export const VISIT_TYPE_IDS = { firstVisit: 'first-visit', followUp: 'follow-up' } as const;

/**
 * Visit types a clinic gets when its file lists none. IMSS family medicine plans about 15 minutes
 * a visit (4 per hour); the longer first visit and the private-practice lengths are plausible
 * defaults (unconfirmed), so scenarios that hinge on them should list their own visit types.
 */
export const DEFAULT_VISIT_TYPES: Record<ClinicKind, VisitType[]> = {
  'imss-umf': [
    { id: VISIT_TYPE_IDS.firstVisit, name: t('Primera vez', 'First visit'), minutes: 20 },
    { id: VISIT_TYPE_IDS.followUp, name: t('Subsecuente', 'Follow-up'), minutes: 15 },
  ],
  'imss-bienestar': [
    { id: VISIT_TYPE_IDS.firstVisit, name: t('Primera vez', 'First visit'), minutes: 20 },
    { id: VISIT_TYPE_IDS.followUp, name: t('Subsecuente', 'Follow-up'), minutes: 15 },
  ],
  issste: [
    { id: VISIT_TYPE_IDS.firstVisit, name: t('Primera vez', 'First visit'), minutes: 20 },
    { id: VISIT_TYPE_IDS.followUp, name: t('Subsecuente', 'Follow-up'), minutes: 15 },
  ],
  private: [
    { id: VISIT_TYPE_IDS.firstVisit, name: t('Primera vez', 'First visit'), minutes: 45 },
    { id: VISIT_TYPE_IDS.followUp, name: t('Subsecuente', 'Follow-up'), minutes: 30 },
  ],
};

/** The doctor with this id, if the clinic has one. */
export function findDoctor(clinic: Clinic, doctorId: string): Doctor | undefined {
  return clinic.doctors.find((d) => d.id === doctorId);
}

/** The clinic's visit types, or the defaults for its kind when its file lists none. */
export function visitTypesOf(clinic: Clinic): VisitType[] {
  return clinic.visitTypes.length > 0 ? clinic.visitTypes : DEFAULT_VISIT_TYPES[clinic.kind];
}

/** The visit type with this id (the clinic's own first, then its kind's defaults). */
export function findVisitType(clinic: Clinic, visitTypeId: string): VisitType | undefined {
  return visitTypesOf(clinic).find((v) => v.id === visitTypeId);
}

/** The appointment with this id in the clinic's calendar. */
export function findAppointment(clinic: Clinic, appointmentId: string): Appointment | undefined {
  return clinic.appointments.find((a) => a.id === appointmentId);
}

/** Whether an appointment still holds its time: only a cancellation frees it. */
export function holdsTime(appointment: Appointment): boolean {
  return appointment.status !== 'cancelled';
}

/** Doctors matching a filter: one doctor by id, or all of a specialty, or everyone. */
export function doctorsFor(clinic: Clinic, filter: { doctorId?: string; specialty?: Specialty }): Doctor[] {
  return clinic.doctors.filter(
    (d) =>
      (filter.doctorId === undefined || d.id === filter.doctorId) &&
      (filter.specialty === undefined || d.specialty === filter.specialty),
  );
}
