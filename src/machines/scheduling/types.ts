import type { Slot } from '../../domain/calendar';
import type { LocalizedText, Problem } from '../../domain/text';
import type { Clinic, ClockTime, ContactChannel, IsoDate, Person, Specialty } from '../../domain/types';
import type { Refusal } from '../workflow';
import type { SchedulingEventType } from './events';
import type { CancelReason, EscalationTarget, SchedulingOptions, WaitingEntry } from './schemas';

// An asistente médica books, moves and cancels appointments in the clinic's agenda. The machine is
// the agenda screen: its context is the calendar as shown, what the trainee selected and did, the
// warnings the software raised and the messages sent, so the UI renders from it and the
// observations are computed from it.
//
// What the agenda enforces, like real agenda software: it refuses what cannot be held (a time in
// the past, outside the clinic's hours or the doctor's shift, an unknown doctor or visit type); it
// warns and asks for confirmation before an overbooking or a length that is not the visit type's
// (`scheduling.overrideWarning` books anyway); and it cannot know that a doctor is of the wrong
// specialty for this patient, so that mistake is recorded silently for the observations.

// ---------------------------------------------------------------------------------------------
// Input and context
// ---------------------------------------------------------------------------------------------

/** What the machine starts from. */
export interface SchedulingInput {
  clinic: Clinic;
  today: IsoDate;
  now: ClockTime;
  patient: Person;
  options?: SchedulingOptions;
}

/** The patient's need, with the options' defaults applied. */
export interface SchedulingNeed {
  specialty: Specialty;
  visitType: string;
  urgent: boolean;
  preferredDate: IsoDate | null;
  doctorId: string | null;
  existingAppointmentId: string | null;
  doctorLateMinutes: number;
  walkIn: boolean;
  waitingList: WaitingEntry[];
}

/** How the patient can be reached. */
export interface PatientContact {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  preferredChannel: ContactChannel | null;
}

/** A booking or a move the trainee asked the agenda for, and what became of it. */
export interface ChangeAttempt {
  kind: 'book' | 'reschedule';
  /** The appointment moved, or the one created once a booking is applied; null while none. */
  appointmentId: string | null;
  doctorId: string;
  date: IsoDate;
  start: ClockTime;
  minutes: number;
  visitType: string | null;
  /** Everything the check found, including what the screen does not show (wrong specialty). */
  problems: Problem[];
  /** blocked: refused; pending: warning on screen; applied: no warning; overridden: booked despite warnings; dismissed. */
  outcome: 'blocked' | 'pending' | 'applied' | 'overridden' | 'dismissed';
  /** The earliest slot suiting the patient's need when the change was applied (null: none in the horizon). */
  earliest: Slot | null;
  /** Position in `history` of the event that asked for it. */
  step: number;
}

/** A change made to the agenda, in order. */
export interface AgendaChange {
  kind: 'book' | 'reschedule' | 'cancel' | 'noShow' | 'waitingList';
  appointmentId: string;
  from?: Slot;
  to?: Slot;
  reason?: CancelReason;
  step: number;
}

/** A confirmation or reminder sent, with the appointment as it was then (a later move makes it stale). */
export interface PatientMessage {
  kind: 'confirmation' | 'reminder';
  channel: ContactChannel;
  appointmentId: string;
  doctorId: string;
  date: IsoDate;
  start: ClockTime;
  step: number;
}

/** A freed slot offered to someone on the waiting list (who takes it). */
export interface WaitingListOffer {
  slot: Slot;
  name: string;
  appointmentId: string;
  step: number;
}

/** What the case gave the task: fixed while it runs, so no update ever copies it. */
export interface SchedulingGiven {
  /** The simulated date of the task; the agenda opens on it. */
  today: IsoDate;
  /** The simulated time the task happens at: earlier times today are past. */
  now: ClockTime;
  /** The patient at the desk or on the phone, as the agenda knows them. */
  patient: PatientContact;
  /** What the patient needs (the options, defaults applied); the observations judge against it. */
  need: SchedulingNeed;
}

/** What the task did to the agenda, in order; the observations are computed from it. */
export interface SchedulingRecord {
  /** Every booking or move asked for, once settled (blocked, applied, overridden, dismissed). */
  attempts: ChangeAttempt[];
  /** Changes made to the agenda (bookings, moves, cancellations, no-shows, waiting-list bookings). */
  changes: AgendaChange[];
  /** Future slots freed by cancellations and moves, for the waiting list. */
  freedSlots: Slot[];
  /** Freed slots offered to (and taken by) people on the waiting list. */
  offers: WaitingListOffer[];
  /** Confirmations and reminders sent to the patient. */
  messages: PatientMessage[];
}

// Few top-level keys on purpose: XState's assign copies the context with Object.assign, and V8
// turns a copy with more than 19 properties into a slow dictionary (see context-shape.test.ts).
export interface SchedulingContext {
  /** The clinic as the agenda shows it; `clinic.appointments` is the live calendar. */
  clinic: Clinic;
  /** The case's facts: date and time, the patient and their need. */
  given: SchedulingGiven;
  /** The filters on screen. The agenda opens on today. */
  selection: { date: IsoDate; specialty: Specialty | null; doctorId: string | null; visitType: string | null };
  /** Results of the last search, as listed on screen. */
  slots: Slot[];
  /** Whether `slots` answers the current filters (a filter change clears it). */
  searched: boolean;
  /** The patient's appointment in hand: the existing one, or the one booked in this task. */
  patientAppointmentId: string | null;
  /** A booking or move waiting for the trainee to answer the warning dialog. */
  pending: ChangeAttempt | null;
  /** The warnings in the dialog. */
  warnings: Problem[];
  /** Why the agenda refused the last action, as shown on screen (workflow.ts); cleared by the next accepted action. */
  refusal: Refusal<SchedulingEventType> | null;
  /** Notices on screen (a doctor running late). */
  notices: LocalizedText[];
  /** Attempts, changes, freed slots, offers and messages of this task. */
  record: SchedulingRecord;
  /** Where the patient was handed over as urgent; null while not escalated. */
  escalatedTo: EscalationTarget | null;
  /** Accepted event types, in order. */
  history: SchedulingEventType[];
  /** Counter for the ids of new appointments. */
  nextId: number;
}

/** Days ahead searched for the earliest suitable slot. */
export const EARLIEST_HORIZON_DAYS = 60;
/** Warnings the agenda shows and asks to confirm; other warnings it cannot know about. */
export const SHOWN_WARNINGS: readonly string[] = ['booking.doubleBooked', 'booking.wrongDuration'];
