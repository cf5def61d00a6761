import { assertEvent, assign, setup, type SnapshotFrom } from 'xstate';
import { findFreeSlots } from '../../domain/calendar';
import { findAppointment, findDoctor } from '../../domain/clinic';
import { t, type LocalizedText } from '../../domain/text';
import type { Appointment, PersonName } from '../../domain/types';
import { refusalOf } from '../workflow';
import type { SchedulingEvent } from './events';
import { applyAttempt, blocking, isPast, nextOffer, patientAppointment, readChange, recorded, refusal, refusalsFor, shownWarnings, slotOf, withStatus } from './rules';
import type { PatientMessage, SchedulingContext, SchedulingInput } from './types';

// The agenda screen as a chart. Events arrive parsed (see `accept` in definition.ts): the guards
// and actions trust their parameters and only narrow the type.

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
    refusal: null,
    notices,
    record: { attempts: [], changes: [], freedSlots: [], offers: [], messages: [] },
    escalatedTo: null,
    history: [],
    nextId: 1,
  };
}

/** An accepted event's record: its type in the history, and no refusal on screen. */
const accepted = (context: SchedulingContext, event: SchedulingEvent): Pick<SchedulingContext, 'history' | 'refusal'> => ({
  history: [...context.history, event.type],
  refusal: null,
});

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
    /** A booking or move waits for the trainee to confirm its warnings. */
    warningPending: ({ context }) => context.pending !== null,
  },
  actions: {
    accept: assign(({ context, event }) => accepted(context, event)),
    reject: assign({ refusal: ({ context, event }) => refusalOf(event.type, ...refusalsFor(context, event)) }),
    rejectWhileWarning: assign({ refusal: ({ event }) => refusalOf(event.type, answerFirst) }),
    selectDate: assign(({ context, event: e }) => {
      assertEvent(e, 'scheduling.selectDate');
      return { selection: { ...context.selection, date: e.date }, slots: [], searched: false };
    }),
    selectSpecialty: assign(({ context, event: e }) => {
      assertEvent(e, 'scheduling.selectSpecialty');
      const doctor = context.selection.doctorId ? findDoctor(context.clinic, context.selection.doctorId) : undefined;
      const doctorId = doctor && doctor.specialty === e.specialty ? doctor.id : null;
      return { selection: { ...context.selection, specialty: e.specialty, doctorId }, slots: [], searched: false };
    }),
    selectDoctor: assign(({ context, event: e }) => {
      assertEvent(e, 'scheduling.selectDoctor');
      const doctor = findDoctor(context.clinic, e.doctorId);
      return doctor
        ? { selection: { ...context.selection, doctorId: doctor.id, specialty: doctor.specialty }, slots: [], searched: false }
        : {};
    }),
    selectVisitType: assign(({ context, event: e }) => {
      assertEvent(e, 'scheduling.selectVisitType');
      return { selection: { ...context.selection, visitType: e.visitType }, slots: [], searched: false };
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
    /**
     * A booking or move, checked against the agenda once: refused (blocked), held for the warning
     * dialog (`warningPending` then opens it), or applied.
     */
    placeChange: assign(({ context, event }) => {
      assertEvent(event, ['scheduling.book', 'scheduling.reschedule']);
      const attempt = readChange(context, event);
      const blocked = attempt ? blocking(attempt) : [];
      if (attempt && blocked.length > 0) {
        return { refusal: refusalOf(event.type, ...blocked), record: recorded(context, { attempts: [...context.record.attempts, { ...attempt, outcome: 'blocked' }] }) };
      }
      const warnings = attempt ? shownWarnings(attempt) : [];
      const change = !attempt ? {} : warnings.length > 0 ? { pending: attempt, warnings } : applyAttempt(context, attempt, 'applied');
      return Object.assign(change, accepted(context, event));
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
    cancelAppointment: assign(({ context, event: e }) => {
      assertEvent(e, 'scheduling.cancel');
      const appt = findAppointment(context.clinic, e.appointmentId);
      if (!appt) return {};
      const slot = slotOf(appt);
      return {
        clinic: withStatus(context, appt.id, 'cancelled'),
        record: recorded(context, {
          changes: [...context.record.changes, { kind: 'cancel', appointmentId: appt.id, from: slot, reason: e.reason, step: context.history.length }],
          freedSlots: isPast(context, slot.date, slot.start) ? context.record.freedSlots : [...context.record.freedSlots, slot],
        }),
      };
    }),
    markNoShow: assign(({ context, event: e }) => {
      assertEvent(e, 'scheduling.markNoShow');
      const id = e.appointmentId ?? context.given.need.existingAppointmentId;
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
    escalate: assign(({ event: e }) => {
      assertEvent(e, 'scheduling.escalateUrgent');
      return { escalatedTo: e.to };
    }),
    sendMessage: assign(({ context, event: e }) => {
      assertEvent(e, ['scheduling.confirm', 'scheduling.remind']);
      const appt = patientAppointment(context);
      if (!appt) return {};
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
          always: { guard: 'warningPending', target: 'warning' },
          on: {
            'scheduling.selectDate': [{ guard: 'allowed', actions: ['selectDate', 'accept'] }, { actions: 'reject' }],
            'scheduling.selectSpecialty': { actions: ['selectSpecialty', 'accept'] },
            'scheduling.selectDoctor': [{ guard: 'allowed', actions: ['selectDoctor', 'accept'] }, { actions: 'reject' }],
            'scheduling.selectVisitType': [{ guard: 'allowed', actions: ['selectVisitType', 'accept'] }, { actions: 'reject' }],
            'scheduling.searchSlots': [{ guard: 'allowed', actions: ['runSlotSearch', 'accept'] }, { actions: 'reject' }],
            'scheduling.book': { actions: 'placeChange' },
            'scheduling.reschedule': { actions: 'placeChange' },
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
