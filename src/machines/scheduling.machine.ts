import { assign, not, setup, type SnapshotFrom } from 'xstate';
import { z } from 'zod';
import {
  checkBooking,
  findFreeSlots,
  imssAppointmentKind,
  isClockTime,
  isIsoDate,
  toAbsoluteMinutes,
  visitDuration,
  type Slot,
} from '../domain/calendar';
import { findAppointment, findDoctor, findVisitType } from '../domain/clinic';
import { t, type LocalizedText, type Problem } from '../domain/text';
import type {
  Appointment,
  Clinic,
  ClockTime,
  ContactChannel,
  IsoDate,
  Person,
  PersonName,
  Specialty,
} from '../domain/types';
import type { Observation, WorkflowCase, WorkflowDefinition, WorkflowEventSpec } from './workflow';

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
// Schemas: options and event parameters
// ---------------------------------------------------------------------------------------------

const isoDateSchema = z.string().refine(isIsoDate, 'YYYY-MM-DD');
const clockTimeSchema = z.string().refine(isClockTime, 'HH:MM');
const idSchema = z.string().min(1).max(80);
const specialtySchema = z.enum(['general', 'pediatrics', 'cardiology', 'gynecology']);
const channelSchema = z.enum(['phone', 'sms', 'whatsapp', 'email']);

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

const empty = z.object({}).strict();

/** Parameters of each event (the event object without `type`); the source of the event types. */
export const schedulingEventParams = {
  'scheduling.selectDate': z.object({ date: isoDateSchema }).strict(),
  'scheduling.selectSpecialty': z.object({ specialty: specialtySchema }).strict(),
  'scheduling.selectDoctor': z.object({ doctorId: idSchema }).strict(),
  'scheduling.selectVisitType': z.object({ visitType: idSchema }).strict(),
  'scheduling.searchSlots': empty,
  'scheduling.book': z
    .object({ doctorId: idSchema, date: isoDateSchema, start: clockTimeSchema, minutes: z.number().int().min(5).max(240).optional() })
    .strict(),
  'scheduling.overrideWarning': empty,
  'scheduling.dismissWarning': empty,
  'scheduling.reschedule': z
    .object({ appointmentId: idSchema, doctorId: idSchema, date: isoDateSchema, start: clockTimeSchema })
    .strict(),
  'scheduling.cancel': z.object({ appointmentId: idSchema, reason: z.enum(CANCEL_REASONS) }).strict(),
  'scheduling.markNoShow': z.object({ appointmentId: idSchema.optional() }).strict(),
  'scheduling.offerToWaitingList': empty,
  'scheduling.escalateUrgent': z.object({ to: z.enum(ESCALATION_TARGETS) }).strict(),
  'scheduling.confirm': z.object({ channel: channelSchema }).strict(),
  'scheduling.remind': z.object({ channel: channelSchema }).strict(),
  'scheduling.done': empty,
} as const;

type Params = typeof schedulingEventParams;
type Prettify<T> = { [K in keyof T]: T[K] } & {};
// A strict empty object infers as an index signature of `never`; an event without params has just its type.
type Fields<T> = T extends Record<string, never> ? unknown : T;
/** Every event the agenda accepts: a discriminated union on `type`. */
export type SchedulingEvent = { [K in keyof Params]: Prettify<{ type: K } & Fields<z.infer<Params[K]>>> }[keyof Params];
export type SchedulingEventType = SchedulingEvent['type'];
type EventOf<K extends SchedulingEventType> = Extract<SchedulingEvent, { type: K }>;

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
  /** Why the last action was refused, as shown on screen; cleared by the next accepted action. */
  errors: Problem[];
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

const fullName = (n: PersonName) => [n.given, n.first, n.second].filter(Boolean).join(' ');

/** Builds the initial context; the options' defaults live here. */
export function initialSchedulingContext(input: SchedulingInput): SchedulingContext {
  const o = input.options ?? {};
  const existing = o.existingAppointmentId ? findAppointment(input.clinic, o.existingAppointmentId) : undefined;
  const late = o.doctorLateMinutes ?? 0;
  const lateDoctor = existing ? findDoctor(input.clinic, existing.doctorId) : undefined;
  const notices: LocalizedText[] =
    late > 0 && existing
      ? [
          t(
            `${lateDoctor?.name ?? existing.doctorId} viene con ${late} minutos de retraso; la cita de las ${existing.start} del ${existing.date} se verá afectada.`,
            `${lateDoctor?.name ?? existing.doctorId} is running ${late} minutes late; the ${existing.start} appointment on ${existing.date} is affected.`,
          ),
        ]
      : [];
  return {
    clinic: input.clinic,
    given: {
      today: input.today,
      now: input.now,
      patient: {
        id: input.patient.id,
        name: fullName(input.patient.name),
        phone: input.patient.phone ?? null,
        email: input.patient.email ?? null,
        preferredChannel: input.patient.preferredChannel ?? null,
      },
      need: {
        specialty: o.specialty ?? 'general',
        visitType: o.visitType ?? 'follow-up',
        urgent: o.urgent ?? false,
        preferredDate: o.preferredDate ?? null,
        doctorId: o.doctorId ?? null,
        existingAppointmentId: existing ? existing.id : null,
        doctorLateMinutes: late,
        walkIn: o.walkIn ?? false,
        waitingList: o.waitingList ?? [],
      },
    },
    selection: { date: input.today, specialty: null, doctorId: null, visitType: null },
    slots: [],
    searched: false,
    patientAppointmentId: existing ? existing.id : null,
    pending: null,
    warnings: [],
    errors: [],
    notices,
    record: { attempts: [], changes: [], freedSlots: [], offers: [], messages: [] },
    escalatedTo: null,
    history: [],
    nextId: 1,
  };
}

// ---------------------------------------------------------------------------------------------
// Rules (pure functions over the context)
// ---------------------------------------------------------------------------------------------

const refusal = (code: string, es: string, en: string): Problem => ({ code, severity: 'error', message: t(es, en) });

const isPast = (ctx: SchedulingContext, date: IsoDate, start: ClockTime) =>
  toAbsoluteMinutes(date, start) < toAbsoluteMinutes(ctx.given.today, ctx.given.now);

const slotOf = (a: Appointment): Slot => ({ doctorId: a.doctorId, date: a.date, start: a.start, minutes: a.minutes });

/** The patient's appointment in hand, if any. */
export function patientAppointment(ctx: SchedulingContext): Appointment | undefined {
  return ctx.patientAppointmentId ? findAppointment(ctx.clinic, ctx.patientAppointmentId) : undefined;
}

const isPatients = (ctx: SchedulingContext, a: Appointment) =>
  a.id === ctx.patientAppointmentId || a.id === ctx.given.need.existingAppointmentId || a.patientId === ctx.given.patient.id;

// The guards and the action of one transition all assess the same event against the same context
// (a booking runs the full agenda check up to three times): the last answer is kept by identity.
// Safe because assessChange is pure and nobody mutates the attempt it returns.
let lastAssessed: { ctx: SchedulingContext; event: SchedulingEvent; attempt: ChangeAttempt | null } | null = null;

/** Reads a booking or move request and checks it against the agenda. */
function assessChange(ctx: SchedulingContext, event: SchedulingEvent): ChangeAttempt | null {
  if (lastAssessed?.ctx === ctx && lastAssessed.event === event) return lastAssessed.attempt;
  const attempt = readChange(ctx, event);
  lastAssessed = { ctx, event, attempt };
  return attempt;
}

function readChange(ctx: SchedulingContext, event: SchedulingEvent): ChangeAttempt | null {
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

const blocking = (a: ChangeAttempt) => a.problems.filter((p) => p.severity === 'error');
const shownWarnings = (a: ChangeAttempt) =>
  a.problems.filter((p) => p.severity === 'warning' && SHOWN_WARNINGS.includes(p.code));

/** Free future slots freed in this task and not yet offered. */
function offerableSlots(ctx: SchedulingContext): Slot[] {
  return ctx.record.freedSlots.filter(
    (s) =>
      !ctx.record.offers.some((o) => o.slot.doctorId === s.doctorId && o.slot.date === s.date && o.slot.start === s.start) &&
      !isPast(ctx, s.date, s.start) &&
      !checkBooking(ctx.clinic, s).some((p) => p.code === 'booking.doubleBooked'),
  );
}

/** The next offer: the latest freed slot and the first waiting person who fits it. */
function nextOffer(ctx: SchedulingContext): { slot: Slot; entry: WaitingEntry } | null {
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
      const attempt = assessChange(ctx, event);
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
function applyAttempt(ctx: SchedulingContext, attempt: ChangeAttempt, outcome: 'applied' | 'overridden'): Partial<SchedulingContext> {
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
const recorded = (ctx: SchedulingContext, update: Partial<SchedulingRecord>): SchedulingRecord => ({ ...ctx.record, ...update });

const withStatus = (ctx: SchedulingContext, id: string, status: Appointment['status']): Clinic => ({
  ...ctx.clinic,
  appointments: ctx.clinic.appointments.map((a) => (a.id === id ? { ...a, status } : a)),
});

function narrow<K extends SchedulingEventType>(event: SchedulingEvent, type: K): EventOf<K> | undefined {
  return event.type === type ? (event as EventOf<K>) : undefined;
}

// ---------------------------------------------------------------------------------------------
// The machine
// ---------------------------------------------------------------------------------------------

const answerFirst = refusal(
  'warning.answerFirst',
  'Responda primero el aviso en pantalla: agendar de todos modos o regresar.',
  'Answer the warning on screen first: book anyway or go back.',
);

export const schedulingMachine = setup({
  types: {
    context: {} as SchedulingContext,
    events: {} as SchedulingEvent,
    input: {} as SchedulingInput,
  },
  guards: {
    /** The agenda accepts the event (nothing refuses it). */
    allowed: ({ context, event }) => refusalsFor(context, event).length === 0,
    /** A booking or move the agenda accepts only after the trainee confirms its warnings. */
    needsConfirmation: ({ context, event }) => {
      const attempt = assessChange(context, event);
      return attempt !== null && shownWarnings(attempt).length > 0;
    },
  },
  actions: {
    accept: assign({
      history: ({ context, event }) => [...context.history, event.type],
      // Most accepted events follow accepted ones: keep the empty list rather than allocate another.
      errors: ({ context }) => (context.errors.length === 0 ? context.errors : []),
    }),
    reject: assign({ errors: ({ context, event }) => refusalsFor(context, event) }),
    rejectWhileWarning: assign({ errors: () => [answerFirst] }),
    selectDate: assign(({ context, event }) => {
      const e = narrow(event, 'scheduling.selectDate');
      return e ? { selection: { ...context.selection, date: e.date }, slots: [], searched: false } : {};
    }),
    selectSpecialty: assign(({ context, event }) => {
      const e = narrow(event, 'scheduling.selectSpecialty');
      if (!e) return {};
      const doctor = context.selection.doctorId ? findDoctor(context.clinic, context.selection.doctorId) : undefined;
      const doctorId = doctor && doctor.specialty === e.specialty ? doctor.id : null;
      return { selection: { ...context.selection, specialty: e.specialty, doctorId }, slots: [], searched: false };
    }),
    selectDoctor: assign(({ context, event }) => {
      const e = narrow(event, 'scheduling.selectDoctor');
      const doctor = e ? findDoctor(context.clinic, e.doctorId) : undefined;
      return doctor
        ? { selection: { ...context.selection, doctorId: doctor.id, specialty: doctor.specialty }, slots: [], searched: false }
        : {};
    }),
    selectVisitType: assign(({ context, event }) => {
      const e = narrow(event, 'scheduling.selectVisitType');
      return e ? { selection: { ...context.selection, visitType: e.visitType }, slots: [], searched: false } : {};
    }),
    /** The agenda's slot search; a service, so the engine or a test may provide another. */
    runSlotSearch: assign(({ context }) => {
      const { date, doctorId, specialty, visitType } = context.selection;
      if (!visitType || date < context.given.today) return { slots: [], searched: true };
      const slots = findFreeSlots(context.clinic, {
        date,
        visitType,
        doctorId: doctorId ?? undefined,
        specialty: specialty ?? undefined,
        from: date === context.given.today ? context.given.now : undefined,
      });
      return { slots, searched: true };
    }),
    rejectChange: assign(({ context, event }) => {
      const attempt = assessChange(context, event);
      if (!attempt) return {};
      return { errors: blocking(attempt), record: recorded(context, { attempts: [...context.record.attempts, { ...attempt, outcome: 'blocked' }] }) };
    }),
    holdChange: assign(({ context, event }) => {
      const attempt = assessChange(context, event);
      return attempt ? { pending: attempt, warnings: shownWarnings(attempt) } : {};
    }),
    applyChange: assign(({ context, event }) => {
      const attempt = assessChange(context, event);
      return attempt ? applyAttempt(context, attempt, 'applied') : {};
    }),
    overridePending: assign(({ context }) =>
      context.pending ? { ...applyAttempt(context, context.pending, 'overridden'), pending: null, warnings: [] } : {},
    ),
    dismissPending: assign(({ context }) =>
      context.pending
        ? {
            record: recorded(context, { attempts: [...context.record.attempts, { ...context.pending, outcome: 'dismissed' }] }),
            pending: null,
            warnings: [],
          }
        : {},
    ),
    cancelAppointment: assign(({ context, event }) => {
      const e = narrow(event, 'scheduling.cancel');
      const appt = e ? findAppointment(context.clinic, e.appointmentId) : undefined;
      if (!e || !appt) return {};
      const slot = slotOf(appt);
      return {
        clinic: withStatus(context, appt.id, 'cancelled'),
        record: recorded(context, {
          changes: [...context.record.changes, { kind: 'cancel', appointmentId: appt.id, from: slot, reason: e.reason, step: context.history.length }],
          freedSlots: isPast(context, slot.date, slot.start) ? context.record.freedSlots : [...context.record.freedSlots, slot],
        }),
      };
    }),
    markNoShow: assign(({ context, event }) => {
      const e = narrow(event, 'scheduling.markNoShow');
      const id = e?.appointmentId ?? context.given.need.existingAppointmentId;
      if (!id) return {};
      return {
        clinic: withStatus(context, id, 'no-show'),
        record: recorded(context, { changes: [...context.record.changes, { kind: 'noShow', appointmentId: id, step: context.history.length }] }),
      };
    }),
    offerToWaitingList: assign(({ context }) => {
      const offer = nextOffer(context);
      if (!offer) return {};
      const id = `cita-${context.nextId}`;
      const freed = context.clinic.appointments.find(
        (a) => a.doctorId === offer.slot.doctorId && a.date === offer.slot.date && a.start === offer.slot.start,
      );
      const appointment: Appointment = {
        id,
        doctorId: offer.slot.doctorId,
        patientName: offer.entry.name,
        date: offer.slot.date,
        start: offer.slot.start,
        minutes: offer.slot.minutes,
        visitType: freed?.visitType ?? context.given.need.visitType,
        status: 'booked',
      };
      const step = context.history.length;
      return {
        clinic: { ...context.clinic, appointments: [...context.clinic.appointments, appointment] },
        nextId: context.nextId + 1,
        record: recorded(context, {
          offers: [...context.record.offers, { slot: offer.slot, name: offer.entry.name, appointmentId: id, step }],
          changes: [...context.record.changes, { kind: 'waitingList', appointmentId: id, to: offer.slot, step }],
        }),
      };
    }),
    escalate: assign(({ event }) => {
      const e = narrow(event, 'scheduling.escalateUrgent');
      return e ? { escalatedTo: e.to } : {};
    }),
    sendMessage: assign(({ context, event }) => {
      const e = narrow(event, 'scheduling.confirm') ?? narrow(event, 'scheduling.remind');
      const appt = patientAppointment(context);
      if (!e || !appt) return {};
      const message: PatientMessage = {
        kind: e.type === 'scheduling.confirm' ? 'confirmation' : 'reminder',
        channel: e.channel,
        appointmentId: appt.id,
        doctorId: appt.doctorId,
        date: appt.date,
        start: appt.start,
        step: context.history.length,
      };
      return { record: recorded(context, { messages: [...context.record.messages, message] }) };
    }),
  },
}).createMachine({
  id: 'scheduling',
  context: ({ input }) => initialSchedulingContext(input),
  initial: 'agenda',
  states: {
    /** The agenda screen. */
    agenda: {
      initial: 'browsing',
      states: {
        /** Filters, search, calendar and actions on appointments. */
        browsing: {
          on: {
            'scheduling.selectDate': [{ guard: 'allowed', actions: ['selectDate', 'accept'] }, { actions: 'reject' }],
            'scheduling.selectSpecialty': { actions: ['selectSpecialty', 'accept'] },
            'scheduling.selectDoctor': [{ guard: 'allowed', actions: ['selectDoctor', 'accept'] }, { actions: 'reject' }],
            'scheduling.selectVisitType': [{ guard: 'allowed', actions: ['selectVisitType', 'accept'] }, { actions: 'reject' }],
            'scheduling.searchSlots': [{ guard: 'allowed', actions: ['runSlotSearch', 'accept'] }, { actions: 'reject' }],
            'scheduling.book': [
              { guard: not('allowed'), actions: 'rejectChange' },
              { guard: 'needsConfirmation', target: 'warning', actions: ['holdChange', 'accept'] },
              { actions: ['applyChange', 'accept'] },
            ],
            'scheduling.reschedule': [
              { guard: not('allowed'), actions: 'rejectChange' },
              { guard: 'needsConfirmation', target: 'warning', actions: ['holdChange', 'accept'] },
              { actions: ['applyChange', 'accept'] },
            ],
            'scheduling.cancel': [{ guard: 'allowed', actions: ['cancelAppointment', 'accept'] }, { actions: 'reject' }],
            'scheduling.markNoShow': [{ guard: 'allowed', actions: ['markNoShow', 'accept'] }, { actions: 'reject' }],
            'scheduling.offerToWaitingList': [
              { guard: 'allowed', actions: ['offerToWaitingList', 'accept'] },
              { actions: 'reject' },
            ],
            'scheduling.confirm': [{ guard: 'allowed', actions: ['sendMessage', 'accept'] }, { actions: 'reject' }],
            'scheduling.remind': [{ guard: 'allowed', actions: ['sendMessage', 'accept'] }, { actions: 'reject' }],
            'scheduling.escalateUrgent': { target: '#scheduling.escalated', actions: ['escalate', 'accept'] },
            'scheduling.done': { target: '#scheduling.done', actions: 'accept' },
          },
        },
        /** The agenda's warning dialog: book anyway or go back. Nothing else until it is answered. */
        warning: {
          on: {
            'scheduling.overrideWarning': { target: 'browsing', actions: ['overridePending', 'accept'] },
            'scheduling.dismissWarning': { target: 'browsing', actions: ['dismissPending', 'accept'] },
            '*': { actions: 'rejectWhileWarning' },
          },
        },
      },
    },
    /** The patient was handed to triage, a nurse, a doctor or 911: the agenda is closed for them. */
    escalated: {
      on: { 'scheduling.done': { target: 'done', actions: 'accept' } },
    },
    done: { type: 'final' },
  },
});

export type SchedulingSnapshot = SnapshotFrom<typeof schedulingMachine>;

// ---------------------------------------------------------------------------------------------
// Observations
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Events catalogue and workflow definition
// ---------------------------------------------------------------------------------------------

const spec = (type: SchedulingEventType, cost: number, es: string, en: string): WorkflowEventSpec => ({
  params: schedulingEventParams[type],
  cost,
  description: t(es, en),
});

/** Every event with its parameters, cost in simulated seconds and description. */
export const schedulingEvents: Record<SchedulingEventType, WorkflowEventSpec> = {
  'scheduling.selectDate': spec('scheduling.selectDate', 5, 'Abrir la agenda en una fecha.', 'Open the agenda on a date.'),
  'scheduling.selectSpecialty': spec('scheduling.selectSpecialty', 5, 'Filtrar la agenda por especialidad.', 'Filter the agenda by specialty.'),
  'scheduling.selectDoctor': spec('scheduling.selectDoctor', 5, 'Filtrar la agenda por médico.', 'Filter the agenda by doctor.'),
  'scheduling.selectVisitType': spec(
    'scheduling.selectVisitType',
    5,
    'Elegir el tipo de consulta (primera vez, subsecuente...).',
    'Choose the visit type (first visit, follow-up...).',
  ),
  'scheduling.searchSlots': spec('scheduling.searchSlots', 10, 'Buscar horarios libres con los filtros.', 'Search for free times with the filters.'),
  'scheduling.book': spec(
    'scheduling.book',
    30,
    'Agendar la cita del paciente con un médico, fecha y hora.',
    "Book the patient's appointment with a doctor, date and time.",
  ),
  'scheduling.overrideWarning': spec(
    'scheduling.overrideWarning',
    5,
    'Aceptar el aviso y agendar de todos modos.',
    'Accept the warning and book anyway.',
  ),
  'scheduling.dismissWarning': spec('scheduling.dismissWarning', 3, 'Regresar sin agendar.', 'Go back without booking.'),
  'scheduling.reschedule': spec(
    'scheduling.reschedule',
    40,
    'Mover una cita a otro médico, fecha u hora.',
    'Move an appointment to another doctor, date or time.',
  ),
  'scheduling.cancel': spec('scheduling.cancel', 25, 'Cancelar una cita indicando el motivo.', 'Cancel an appointment, giving the reason.'),
  'scheduling.markNoShow': spec(
    'scheduling.markNoShow',
    10,
    'Registrar que el paciente no llegó a su cita.',
    'Record that the patient did not come to the appointment.',
  ),
  'scheduling.offerToWaitingList': spec(
    'scheduling.offerToWaitingList',
    90,
    'Llamar a la siguiente persona de la lista de espera y ofrecerle el horario liberado.',
    'Call the next person on the waiting list and offer them the freed slot.',
  ),
  'scheduling.escalateUrgent': spec(
    'scheduling.escalateUrgent',
    60,
    'Canalizar al paciente urgente (triage, enfermería, médico o 911).',
    'Escalate the urgent patient (triage, nurse, doctor or 911).',
  ),
  'scheduling.confirm': spec(
    'scheduling.confirm',
    45,
    'Confirmar al paciente la fecha, hora y médico por teléfono, SMS, WhatsApp o correo.',
    'Confirm the date, time and doctor to the patient by phone, SMS, WhatsApp or email.',
  ),
  'scheduling.remind': spec(
    'scheduling.remind',
    20,
    'Programar un recordatorio de la cita.',
    'Schedule a reminder of the appointment.',
  ),
  'scheduling.done': spec('scheduling.done', 5, 'Terminar con la agenda.', 'Finish with the agenda.'),
};

/** The scheduling workflow: booking, moving and cancelling appointments at the desk. */
export const schedulingWorkflow: WorkflowDefinition<typeof schedulingMachine, SchedulingOptions> = {
  id: 'scheduling',
  title: t('Agendar citas', 'Scheduling appointments'),
  machine: schedulingMachine,
  options: schedulingOptionsSchema,
  input: (c: WorkflowCase<SchedulingOptions>): SchedulingInput => ({
    clinic: c.clinic,
    today: c.today,
    now: c.now,
    patient: c.patient,
    options: c.options,
  }),
  events: schedulingEvents,
  observations: schedulingObservations,
  isDone: (snapshot) => snapshot.status === 'done',
};

