import { z } from 'zod';
import { isClockTime, isIsoDate } from '../../domain/calendar';

/** The agenda's value schemas and lists, shared by the event table and the task's settings. */

export const isoDateSchema = z.string().refine(isIsoDate, 'YYYY-MM-DD');
export const clockTimeSchema = z.string().refine(isClockTime, 'HH:MM');
export const idSchema = z.string().min(1).max(80);
export const specialtySchema = z.enum(['general', 'pediatrics', 'cardiology', 'gynecology']);
export const channelSchema = z.enum(['phone', 'sms', 'whatsapp', 'email']);

/** Why an appointment is cancelled, as the agenda's drop-down offers it. */
export const CANCEL_REASONS = [
  'patient-request',
  'doctor-unavailable',
  'doctor-late',
  'duplicate',
  'no-longer-needed',
  'other',
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/** Where the desk hands an urgent patient: it escalates, it does not classify. */
export const ESCALATION_TARGETS = ['triage', 'nurse', 'doctor', '911'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

/** Someone waiting for an earlier appointment, to be called when a slot frees up. */
export const waitingEntrySchema = z
  .object({
    /** Name as written on the waiting list. */
    name: z.string().min(1).max(200),
    /** The specialty they wait for; default any. */
    specialty: specialtySchema.optional(),
    /** Number to call with the offer. */
    phone: z.string().max(40).optional(),
  })
  .strict();
export type WaitingEntry = z.infer<typeof waitingEntrySchema>;

/** The task step's `with:` settings. */
export const schedulingOptionsSchema = z
  .object({
    /** Specialty the patient needs (referral or request); default general (family medicine). */
    specialty: specialtySchema.optional(),
    /** Visit type id the patient needs; default follow-up. */
    visitType: idSchema.optional(),
    /** The patient shows urgent signs: same day or escalated, never days away. Default false. */
    urgent: z.boolean().optional(),
    /** The date the patient asks for; the earliest suitable slot is searched from it. */
    preferredDate: isoDateSchema.optional(),
    /** The patient's own doctor (IMSS assigned family doctor); suitable slots are only theirs. */
    doctorId: idSchema.optional(),
    /** The patient's appointment already in the agenda (to reschedule, cancel or mark as no-show). */
    existingAppointmentId: idSchema.optional(),
    /** The doctor of the existing appointment is running this many minutes late; default 0. */
    doctorLateMinutes: z.number().int().min(0).max(600).optional(),
    /** The patient walked in without an appointment (IMSS "espontánea" when seen today). */
    walkIn: z.boolean().optional(),
    /** People waiting for an earlier appointment, in order. */
    waitingList: z.array(waitingEntrySchema).max(50).optional(),
  })
  .strict();
export type SchedulingOptions = z.infer<typeof schedulingOptionsSchema>;
