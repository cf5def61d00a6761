import { getShortestPaths, getStateNodes } from '@xstate/graph';
import { assign, createActor, type StateValue } from 'xstate';
import type { Appointment, Clinic, Doctor, Person } from '../../domain/types';
import type { WorkflowCase } from '../workflow';
import { schedulingWorkflow } from './definition';
import { schedulingEvents, type SchedulingEvent } from './events';
import { schedulingObservations } from './observations';
import { schedulingMachine, type SchedulingSnapshot } from './scheduling.machine';
import { schedulingOptionsSchema, type SchedulingOptions } from './schemas';

// ---------------------------------------------------------------------------------------------
// Fixture: a UMF on Tuesday 2026-03-10 at 10:00. Morning shift 8:00-14:00, evening 14:00-20:00.
// ---------------------------------------------------------------------------------------------

const TODAY = '2026-03-10';
const TOMORROW = '2026-03-11';
const NEXT_WEEK = '2026-03-17';
const weekdays = [1, 2, 3, 4, 5];
const shift = (start: string, end: string) => weekdays.map((day) => ({ day, start, end }));

const doctors: Doctor[] = [
  { id: 'dra-mendez', name: 'Dra. Méndez', specialty: 'general', blocks: shift('08:00', '14:00') },
  { id: 'dr-ortiz', name: 'Dr. Ortiz', specialty: 'general', blocks: shift('14:00', '20:00') },
  { id: 'dra-vega', name: 'Dra. Vega', specialty: 'pediatrics', blocks: shift('08:00', '14:00') },
];

const appt = (id: string, start: string, extra: Partial<Appointment> = {}): Appointment => ({
  id,
  doctorId: 'dra-mendez',
  patientName: 'Rosa Díaz',
  date: TODAY,
  start,
  minutes: 15,
  visitType: 'follow-up',
  status: 'booked',
  ...extra,
});

function clinic(): Clinic {
  return {
    id: 'umf-99',
    name: 'UMF 99 Centro',
    kind: 'imss-umf',
    region: 'urban',
    state: 'DF',
    city: 'Ciudad de México',
    address: 'Av. Juárez 10',
    umf: 99,
    hours: { days: weekdays, open: '08:00', close: '20:00' },
    doctors,
    visitTypes: [
      { id: 'first-visit', name: { 'es-MX': 'Primera vez', en: 'First visit' }, minutes: 30 },
      { id: 'follow-up', name: { 'es-MX': 'Subsecuente', en: 'Follow-up' }, minutes: 15 },
    ],
    rooms: [],
    appointments: [
      appt('e1', '10:30'),
      // The patient's own appointments: one already past today, one later today.
      appt('p-past', '09:00', { patientId: 'patient', patientName: 'Gloria Hernández García' }),
      appt('p-later', '12:00', { patientId: 'patient', patientName: 'Gloria Hernández García' }),
    ],
  };
}

function patient(overrides: Partial<Person> = {}): Person {
  return {
    id: 'patient',
    name: { given: 'Gloria', first: 'Hernández', second: 'García' },
    birth: '1956-04-27',
    sex: 'M',
    birthState: 'VZ',
    phone: '55 1234 5678',
    language: 'es',
    documents: [],
    preferredChannel: 'whatsapp',
    ...overrides,
  };
}

interface Run {
  options?: SchedulingOptions;
  patient?: Partial<Person>;
  events?: SchedulingEvent[];
}

function start(run: Run = {}) {
  const actor = createActor(schedulingMachine, {
    input: { clinic: clinic(), today: TODAY, now: '10:00', patient: patient(run.patient), options: run.options },
  });
  actor.start();
  for (const e of run.events ?? []) actor.send(e);
  return actor;
}

const play = (run: Run): SchedulingSnapshot => start(run).getSnapshot();

// Event builders keep the tables readable.
const visit = (visitType = 'follow-up'): SchedulingEvent => ({ type: 'scheduling.selectVisitType', visitType });
const book = (startAt: string, extra: { doctorId?: string; date?: string; minutes?: number } = {}): SchedulingEvent => ({
  type: 'scheduling.book',
  doctorId: extra.doctorId ?? 'dra-mendez',
  date: extra.date ?? TODAY,
  start: startAt,
  ...(extra.minutes !== undefined ? { minutes: extra.minutes } : {}),
});
const override: SchedulingEvent = { type: 'scheduling.overrideWarning' };
const dismiss: SchedulingEvent = { type: 'scheduling.dismissWarning' };
const done: SchedulingEvent = { type: 'scheduling.done' };
const confirm = (channel: 'phone' | 'sms' | 'whatsapp' | 'email' = 'whatsapp'): SchedulingEvent => ({ type: 'scheduling.confirm', channel });
const remind = (channel: 'phone' | 'sms' | 'whatsapp' | 'email' = 'sms'): SchedulingEvent => ({ type: 'scheduling.remind', channel });
const reschedule = (appointmentId: string, startAt: string, date = TODAY, doctorId = 'dra-mendez'): SchedulingEvent => ({
  type: 'scheduling.reschedule',
  appointmentId,
  doctorId,
  date,
  start: startAt,
});
const cancel = (appointmentId: string): SchedulingEvent => ({ type: 'scheduling.cancel', appointmentId, reason: 'doctor-late' });
const escalate: SchedulingEvent = { type: 'scheduling.escalateUrgent', to: 'triage' };

const codes = (s: SchedulingSnapshot) => (s.context.refusal?.problems ?? []).map((p) => p.code);
const observation = (id: string) => {
  const o = schedulingObservations.find((x) => x.id === `scheduling.${id}`);
  if (!o) throw new Error(`no observation ${id}`);
  return o;
};
const findAppt = (s: SchedulingSnapshot, id: string | null) => s.context.clinic.appointments.find((a) => a.id === id);

// ---------------------------------------------------------------------------------------------

describe('scheduling machine', () => {
  describe('when the agenda opens', () => {
    it('shows today with no filters, no results and no appointment in hand', () => {
      const s = play({});
      expect(s.matches({ agenda: 'browsing' })).toBe(true);
      expect(s.context.selection).toEqual({ date: TODAY, specialty: null, doctorId: null, visitType: null });
      expect(s.context.slots).toEqual([]);
      expect(s.context.patientAppointmentId).toBeNull();
      expect(s.context.given.patient).toEqual({
        id: 'patient',
        name: 'Gloria Hernández García',
        phone: '55 1234 5678',
        email: null,
        preferredChannel: 'whatsapp',
      });
      expect(s.context.given.need).toMatchObject({ specialty: 'general', visitType: 'follow-up', urgent: false, doctorLateMinutes: 0 });
    });

    it('takes the existing appointment in hand and shows that its doctor runs late', () => {
      const s = play({ options: { existingAppointmentId: 'p-later', doctorLateMinutes: 40 } });
      expect(s.context.patientAppointmentId).toBe('p-later');
      expect(s.context.notices[0]?.['es-MX']).toContain('40 minutos de retraso');
      expect(s.context.notices[0]?.en).toContain('40 minutes late');
    });
  });

  describe('filters and search', () => {
    it('refuses an unknown visit type or doctor and keeps the selection', () => {
      const s = play({ events: [{ type: 'scheduling.selectVisitType', visitType: 'cirugia' }] });
      expect(codes(s)).toEqual(['select.unknownVisitType']);
      expect(s.context.selection.visitType).toBeNull();
      expect(s.context.history).toEqual([]);
      const s2 = play({ events: [{ type: 'scheduling.selectDoctor', doctorId: 'dr-house' }] });
      expect(codes(s2)).toEqual(['select.unknownDoctor']);
    });

    it('does not search without a visit type', () => {
      const s = play({ events: [{ type: 'scheduling.searchSlots' }] });
      expect(codes(s)).toEqual(['search.visitTypeRequired']);
      expect(s.context.searched).toBe(false);
    });

    it('answers a search synchronously with free slots from now on, skipping booked ones', () => {
      const actor = start({ events: [visit(), { type: 'scheduling.selectDoctor', doctorId: 'dra-mendez' }] });
      actor.send({ type: 'scheduling.searchSlots' });
      const s = actor.getSnapshot();
      expect(s.context.searched).toBe(true);
      expect(s.context.slots.slice(0, 4).map((x) => x.start)).toEqual(['10:00', '10:15', '10:45', '11:00']);
      expect(s.context.slots.every((x) => x.doctorId === 'dra-mendez' && x.minutes === 15)).toBe(true);
      expect(s.context.refusal).toBeNull();
    });

    it('finds nothing on a past day and clears results when a filter changes', () => {
      const s = play({ events: [visit(), { type: 'scheduling.selectDate', date: '2026-03-09' }, { type: 'scheduling.searchSlots' }] });
      expect(s.context.searched).toBe(true);
      expect(s.context.slots).toEqual([]);
      const s2 = play({ events: [visit(), { type: 'scheduling.searchSlots' }, { type: 'scheduling.selectDate', date: TOMORROW }] });
      expect(s2.context.slots).toEqual([]);
      expect(s2.context.searched).toBe(false);
      expect(s2.context.selection.date).toBe(TOMORROW);
    });

    it('selecting a doctor sets the specialty; another specialty clears the doctor', () => {
      const s = play({ events: [{ type: 'scheduling.selectDoctor', doctorId: 'dra-vega' }] });
      expect(s.context.selection).toMatchObject({ doctorId: 'dra-vega', specialty: 'pediatrics' });
      const s2 = play({
        events: [{ type: 'scheduling.selectDoctor', doctorId: 'dra-vega' }, { type: 'scheduling.selectSpecialty', specialty: 'general' }],
      });
      expect(s2.context.selection).toMatchObject({ doctorId: null, specialty: 'general' });
    });

    it('lets the engine provide another slot search, still answered before send returns', () => {
      const fixed = { doctorId: 'dr-ortiz', date: TODAY, start: '19:45', minutes: 15 };
      const machine = schedulingMachine.provide({
        actions: { runSlotSearch: assign({ slots: () => [fixed], searched: () => true }) },
      });
      const actor = createActor(machine, { input: { clinic: clinic(), today: TODAY, now: '10:00', patient: patient() } });
      actor.start();
      actor.send(visit());
      actor.send({ type: 'scheduling.searchSlots' });
      expect(actor.getSnapshot().context.slots).toEqual([fixed]);
    });
  });

  describe('booking', () => {
    it('books a free slot for the patient: same day at a UMF is concertada', () => {
      const s = play({ events: [visit(), book('10:00')] });
      expect(s.matches({ agenda: 'browsing' })).toBe(true);
      const a = findAppt(s, s.context.patientAppointmentId);
      expect(a).toEqual({
        id: 'cita-1',
        doctorId: 'dra-mendez',
        patientId: 'patient',
        patientName: 'Gloria Hernández García',
        date: TODAY,
        start: '10:00',
        minutes: 15,
        visitType: 'follow-up',
        kind: 'concertada',
        status: 'booked',
      });
      expect(s.context.record.attempts).toHaveLength(1);
      expect(s.context.record.attempts[0]).toMatchObject({ outcome: 'applied', appointmentId: 'cita-1' });
      expect(s.context.history).toEqual(['scheduling.selectVisitType', 'scheduling.book']);
    });

    it('calls a booking 12 h or more ahead previa and a walk-in seen today espontánea', () => {
      const s = play({ events: [visit(), book('10:00', { date: NEXT_WEEK })] });
      expect(findAppt(s, 'cita-1')?.kind).toBe('previa');
      const s2 = play({ options: { walkIn: true }, events: [visit(), book('11:15')] });
      expect(findAppt(s2, 'cita-1')?.kind).toBe('espontanea');
    });

    it('refuses to book without a visit type', () => {
      const s = play({ events: [book('10:00')] });
      expect(codes(s)).toEqual(['booking.visitTypeRequired']);
      expect(s.context.patientAppointmentId).toBeNull();
      expect(s.context.record.attempts[0]?.outcome).toBe('blocked');
    });

    it('blocks a booking outside the clinic hours or the doctor shift, and records the attempt', () => {
      const s = play({ events: [visit(), book('07:30', { date: TOMORROW })] });
      expect(codes(s)).toEqual(['booking.outOfHours']);
      expect(s.matches({ agenda: 'browsing' })).toBe(true);
      expect(s.context.clinic.appointments).toHaveLength(3);
      const s2 = play({ events: [visit(), book('15:00')] });
      expect(codes(s2)).toEqual(['booking.doctorNotWorking']);
      expect(s2.context.record.attempts.map((a) => a.outcome)).toEqual(['blocked']);
      expect(s2.context.history).toEqual(['scheduling.selectVisitType']);
    });

    it('blocks a booking in the past', () => {
      const s = play({ events: [visit(), book('09:45')] });
      expect(codes(s)).toEqual(['booking.inThePast']);
    });

    it('never throws on a malformed event that slipped past validation', () => {
      const bad = { type: 'scheduling.book', doctorId: 'dra-mendez', date: 'mañana', start: '10:00' } as SchedulingEvent;
      const s = play({ events: [visit(), bad] });
      expect(codes(s)).toEqual(['booking.invalidRequest']);
    });

    describe('when the slot is taken', () => {
      it('warns about the overbooking and waits for an answer', () => {
        const s = play({ events: [visit(), book('10:30')] });
        expect(s.matches({ agenda: 'warning' })).toBe(true);
        expect(s.context.warnings.map((w) => w.code)).toEqual(['booking.doubleBooked']);
        expect(s.context.pending?.outcome).toBe('pending');
        expect(s.context.patientAppointmentId).toBeNull();
      });

      it('refuses anything else until the warning is answered', () => {
        const s = play({ events: [visit(), book('10:30'), book('10:00'), done] });
        expect(s.matches({ agenda: 'warning' })).toBe(true);
        expect(codes(s)).toEqual(['warning.answerFirst']);
      });

      it('books over the other appointment when the trainee overrides', () => {
        const s = play({ events: [visit(), book('10:30'), override] });
        expect(s.matches({ agenda: 'browsing' })).toBe(true);
        expect(findAppt(s, s.context.patientAppointmentId)?.start).toBe('10:30');
        expect(s.context.record.attempts[0]?.outcome).toBe('overridden');
        expect(s.context.warnings).toEqual([]);
      });

      it('books nothing when the trainee goes back', () => {
        const s = play({ events: [visit(), book('10:30'), dismiss] });
        expect(s.matches({ agenda: 'browsing' })).toBe(true);
        expect(s.context.patientAppointmentId).toBeNull();
        expect(s.context.record.attempts[0]?.outcome).toBe('dismissed');
      });
    });

    it('warns when the length is not the visit type length', () => {
      const s = play({ events: [visit(), book('11:15', { minutes: 30 })] });
      expect(s.matches({ agenda: 'warning' })).toBe(true);
      expect(s.context.warnings.map((w) => w.code)).toEqual(['booking.wrongDuration']);
    });

    it('cannot know the doctor is of the wrong specialty: books silently, records it', () => {
      const s = play({ events: [visit(), book('10:00', { doctorId: 'dra-vega' })] });
      expect(s.matches({ agenda: 'browsing' })).toBe(true);
      expect(s.context.record.attempts[0]?.outcome).toBe('applied');
      expect(s.context.record.attempts[0]?.problems.map((p) => p.code)).toEqual(['booking.wrongSpecialty']);
    });
  });

  describe('existing appointments', () => {
    it('moves an appointment and frees its old time for the waiting list', () => {
      const s = play({ options: { existingAppointmentId: 'p-later' }, events: [reschedule('p-later', '13:00')] });
      expect(findAppt(s, 'p-later')?.start).toBe('13:00');
      expect(s.context.record.freedSlots).toEqual([{ doctorId: 'dra-mendez', date: TODAY, start: '12:00', minutes: 15 }]);
      expect(s.context.record.changes[0]).toMatchObject({ kind: 'reschedule', appointmentId: 'p-later' });
    });

    it('warns before moving onto another appointment; does not count the moved one as a clash', () => {
      const s = play({ events: [reschedule('p-later', '10:30')] });
      expect(s.matches({ agenda: 'warning' })).toBe(true);
      const s2 = play({ events: [reschedule('p-later', '12:00', NEXT_WEEK), reschedule('p-later', '12:00')] });
      expect(s2.matches({ agenda: 'browsing' })).toBe(true);
      expect(findAppt(s2, 'p-later')?.date).toBe(TODAY);
    });

    it('refuses to move a cancelled appointment', () => {
      const s = play({ events: [cancel('p-later'), reschedule('p-later', '13:00')] });
      expect(codes(s)).toEqual(['reschedule.notActive']);
    });

    it('cancels with a reason; a second cancel is refused', () => {
      const s = play({ events: [cancel('e1'), cancel('e1')] });
      expect(findAppt(s, 'e1')?.status).toBe('cancelled');
      expect(s.context.record.changes).toEqual([
        { kind: 'cancel', appointmentId: 'e1', from: { doctorId: 'dra-mendez', date: TODAY, start: '10:30', minutes: 15 }, reason: 'doctor-late', step: 0 },
      ]);
      expect(codes(s)).toEqual(['cancel.notActive']);
    });

    it('offers a freed slot to the first fitting person on the waiting list, who takes it', () => {
      const s = play({
        options: { waitingList: [{ name: 'Niño Pérez', specialty: 'pediatrics' }, { name: 'Luis Soto' }] },
        events: [cancel('e1'), { type: 'scheduling.offerToWaitingList' }],
      });
      expect(s.context.record.offers).toEqual([
        { slot: { doctorId: 'dra-mendez', date: TODAY, start: '10:30', minutes: 15 }, name: 'Luis Soto', appointmentId: 'cita-1', step: 1 },
      ]);
      expect(findAppt(s, 'cita-1')).toMatchObject({ patientName: 'Luis Soto', start: '10:30', status: 'booked' });
    });

    it('refuses to offer when no slot was freed or nobody fits', () => {
      const s = play({ options: { waitingList: [{ name: 'Luis Soto' }] }, events: [{ type: 'scheduling.offerToWaitingList' }] });
      expect(codes(s)).toEqual(['waitingList.noFreedSlot']);
      const s2 = play({
        options: { waitingList: [{ name: 'Niño Pérez', specialty: 'pediatrics' }] },
        events: [cancel('e1'), { type: 'scheduling.offerToWaitingList' }],
      });
      expect(codes(s2)).toEqual(['waitingList.nobody']);
    });

    it('records a no-show only once the appointment time has passed', () => {
      const s = play({ options: { existingAppointmentId: 'p-past' }, events: [{ type: 'scheduling.markNoShow' }] });
      expect(findAppt(s, 'p-past')?.status).toBe('no-show');
      const s2 = play({ options: { existingAppointmentId: 'p-later' }, events: [{ type: 'scheduling.markNoShow' }] });
      expect(codes(s2)).toEqual(['noShow.notYet']);
      expect(findAppt(s2, 'p-later')?.status).toBe('booked');
      const s3 = play({ events: [{ type: 'scheduling.markNoShow' }] });
      expect(codes(s3)).toEqual(['noShow.notFound']);
    });
  });

  describe('contacting the patient', () => {
    it('needs an appointment and a way to reach the patient', () => {
      expect(codes(play({ events: [confirm()] }))).toEqual(['contact.noAppointment']);
      expect(codes(play({ events: [visit(), book('10:00'), confirm('email')] }))).toEqual(['contact.noEmail']);
      expect(codes(play({ patient: { phone: undefined }, events: [visit(), book('10:00'), remind('sms')] }))).toEqual([
        'contact.noPhone',
      ]);
    });

    it('records the message with the appointment as it was then', () => {
      const s = play({ events: [visit(), book('10:00'), confirm('whatsapp')] });
      expect(s.context.record.messages).toEqual([
        { kind: 'confirmation', channel: 'whatsapp', appointmentId: 'cita-1', doctorId: 'dra-mendez', date: TODAY, start: '10:00', step: 2 },
      ]);
    });
  });

  describe('urgent patients and the end', () => {
    it('hands an escalated patient over and closes the agenda for them', () => {
      const s = play({ options: { urgent: true }, events: [escalate, visit(), book('10:00')] });
      expect(s.matches('escalated')).toBe(true);
      expect(s.context.escalatedTo).toBe('triage');
      expect(s.context.patientAppointmentId).toBeNull();
      const end = play({ options: { urgent: true }, events: [escalate, done] });
      expect(end.status).toBe('done');
      expect(schedulingWorkflow.isDone(end)).toBe(true);
    });

    it('finishes on done and ignores anything after it', () => {
      const actor = start({ events: [visit(), book('10:00')] });
      expect(schedulingWorkflow.isDone(actor.getSnapshot())).toBe(false);
      actor.send(done);
      actor.send(book('11:00'));
      const s = actor.getSnapshot();
      expect(s.matches('done')).toBe(true);
      expect(s.context.history).toEqual(['scheduling.selectVisitType', 'scheduling.book', 'scheduling.done']);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Every observation is true on one run and false on another.
// ---------------------------------------------------------------------------------------------

const observationCases: Record<string, { whenTrue: Run[]; whenFalse: Run[] }> = {
  booked: {
    whenTrue: [{ events: [visit(), book('10:00')] }],
    whenFalse: [
      { events: [visit(), book('10:30'), dismiss] },
      { events: [visit(), book('10:00'), cancel('cita-1')] },
      { options: { existingAppointmentId: 'p-later' } },
    ],
  },
  rightSpecialty: {
    whenTrue: [
      { events: [visit(), book('10:00')] },
      { options: { specialty: 'pediatrics' }, events: [visit(), book('10:00', { doctorId: 'dra-vega' })] },
    ],
    whenFalse: [{ events: [visit(), book('10:00', { doctorId: 'dra-vega' })] }, { events: [] }],
  },
  rightDuration: {
    whenTrue: [{ options: { visitType: 'first-visit' }, events: [visit('first-visit'), book('11:00')] }],
    whenFalse: [
      { options: { visitType: 'first-visit' }, events: [visit('follow-up'), book('11:00')] },
      { events: [visit(), book('11:00', { minutes: 30 }), override] },
    ],
  },
  withinHours: {
    whenTrue: [{ events: [visit(), book('10:00')] }, { events: [] }],
    whenFalse: [
      { events: [visit(), book('15:00'), book('10:00')] },
      { events: [visit(), book('20:00', { date: TOMORROW, doctorId: 'dr-ortiz' })] },
    ],
  },
  noDoubleBooking: {
    whenTrue: [{ events: [visit(), book('10:30'), dismiss, book('10:45')] }],
    whenFalse: [{ events: [visit(), book('10:30'), override] }, { events: [reschedule('p-later', '10:30'), override] }],
  },
  urgentSameDayOrEscalated: {
    whenTrue: [
      { options: { urgent: true }, events: [visit(), book('10:00')] },
      { options: { urgent: true }, events: [escalate] },
      { events: [visit(), book('10:00', { date: NEXT_WEEK })] },
    ],
    whenFalse: [
      { options: { urgent: true }, events: [visit(), book('10:00', { date: TOMORROW })] },
      { options: { urgent: true }, events: [visit(), book('10:00', { date: TOMORROW }), escalate] },
      { options: { urgent: true }, events: [done] },
    ],
  },
  confirmedThroughPreferredChannel: {
    whenTrue: [
      { events: [visit(), book('10:00'), confirm('whatsapp')] },
      { patient: { preferredChannel: undefined }, events: [visit(), book('10:00'), confirm('phone')] },
    ],
    whenFalse: [
      { events: [visit(), book('10:00'), confirm('sms')] },
      { events: [visit(), book('10:00'), confirm('whatsapp'), reschedule('cita-1', '11:00')] },
      { events: [visit(), book('10:00')] },
    ],
  },
  reminderSent: {
    whenTrue: [{ events: [visit(), book('10:00'), remind('sms')] }],
    whenFalse: [{ events: [visit(), book('10:00'), confirm()] }, { events: [visit(), book('10:00'), remind(), cancel('cita-1')] }],
  },
  rescheduledNotCancelledWhenDoctorLate: {
    whenTrue: [
      { options: { existingAppointmentId: 'p-later', doctorLateMinutes: 45 }, events: [reschedule('p-later', '16:00', TODAY, 'dr-ortiz')] },
      { options: { existingAppointmentId: 'p-later' }, events: [cancel('p-later')] },
    ],
    whenFalse: [
      { options: { existingAppointmentId: 'p-later', doctorLateMinutes: 45 }, events: [cancel('p-later')] },
      { options: { existingAppointmentId: 'p-later', doctorLateMinutes: 45 }, events: [] },
    ],
  },
  waitingListOffered: {
    whenTrue: [{ options: { waitingList: [{ name: 'Luis Soto' }] }, events: [cancel('e1'), { type: 'scheduling.offerToWaitingList' }] }],
    whenFalse: [{ options: { waitingList: [{ name: 'Luis Soto' }] }, events: [cancel('e1')] }],
  },
  noShowRecorded: {
    whenTrue: [{ options: { existingAppointmentId: 'p-past' }, events: [{ type: 'scheduling.markNoShow' }] }],
    whenFalse: [{ options: { existingAppointmentId: 'p-past' }, events: [cancel('p-past')] }],
  },
  earliestSuitableSlot: {
    whenTrue: [
      { events: [visit(), book('10:00')] },
      { options: { preferredDate: NEXT_WEEK, doctorId: 'dr-ortiz' }, events: [visit(), book('14:00', { date: NEXT_WEEK, doctorId: 'dr-ortiz' })] },
      { options: { existingAppointmentId: 'p-later' }, events: [reschedule('p-later', '10:00')] },
    ],
    whenFalse: [
      { events: [visit(), book('11:00')] },
      { options: { preferredDate: NEXT_WEEK }, events: [visit(), book('10:00', { date: TOMORROW })] },
      { options: { visitType: 'first-visit' }, events: [visit('follow-up'), book('10:00')] },
    ],
  },
  escalatedOnlyWhenUrgent: {
    whenTrue: [{ options: { urgent: true }, events: [escalate] }, { events: [] }],
    whenFalse: [{ events: [escalate] }],
  },
};

describe('observations', () => {
  it('publishes at least 8, namespaced, unique, described in both languages', () => {
    const ids = schedulingObservations.map((o) => o.id);
    expect(ids.length).toBeGreaterThanOrEqual(8);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of schedulingObservations) {
      expect(o.id).toMatch(/^scheduling\.[a-z][A-Za-z]+$/);
      expect(o.description['es-MX']).not.toBe('');
      expect(o.description.en).not.toBe('');
    }
    expect(Object.keys(observationCases).map((k) => `scheduling.${k}`).sort()).toEqual([...ids].sort());
  });

  for (const [name, { whenTrue, whenFalse }] of Object.entries(observationCases)) {
    describe(name, () => {
      whenTrue.forEach((run, i) => {
        it(`is true (case ${i + 1})`, () => expect(observation(name).evaluate(play(run))).toBe(true));
      });
      whenFalse.forEach((run, i) => {
        it(`is false (case ${i + 1})`, () => expect(observation(name).evaluate(play(run))).toBe(false));
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Model-based: shortest paths reach every state node.
// ---------------------------------------------------------------------------------------------

/** All state paths active in a state value: {agenda: 'warning'} -> ['agenda', 'agenda.warning']. */
function activePaths(value: StateValue, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix + value];
  return Object.entries(value).flatMap(([key, child]) => [prefix + key, ...(child ? activePaths(child, `${prefix}${key}.`) : [])]);
}

const modelEvents: SchedulingEvent[] = [
  visit(),
  book('10:00'),
  book('10:30'),
  book('07:00'),
  override,
  dismiss,
  confirm(),
  escalate,
  done,
];

/** The state value plus the few context facts that change which events are accepted: a finite graph. */
const serializeState = (s: SchedulingSnapshot) =>
  JSON.stringify([s.value, s.context.selection.visitType, s.context.patientAppointmentId !== null, s.context.pending !== null]);

describe('context updates', () => {
  it('never copies the case facts and shares the record lists an event did not change', () => {
    const actor = start();
    const before = actor.getSnapshot().context;
    actor.send(visit());
    actor.send(book('10:00'));
    actor.send(confirm());
    const after = actor.getSnapshot().context;
    expect(after.given).toBe(before.given);
    expect(after.record.freedSlots).toBe(before.record.freedSlots);
    expect(after.record.offers).toBe(before.record.offers);
    expect(after.record.attempts).toHaveLength(1);
    expect(after.record.messages).toHaveLength(1);
  });
});

describe('model', () => {
  it('reaches every state node of the machine through shortest paths', () => {
    const paths = getShortestPaths(schedulingMachine, {
      events: modelEvents,
      input: { clinic: clinic(), today: TODAY, now: '10:00', patient: patient() },
      serializeState,
    });
    const expected = getStateNodes(schedulingMachine.root).map((n) => n.path.join('.'));
    const reached = new Set(paths.flatMap((p) => activePaths(p.state.value)));
    expect(expected.sort()).toEqual(['agenda', 'agenda.browsing', 'agenda.warning', 'done', 'escalated']);
    expect([...reached].sort()).toEqual(expected);
    console.info(`scheduling: ${reached.size}/${expected.length} state nodes reached by ${paths.length} shortest paths`);
  });

  it('replays each shortest path on a live actor to the same state', () => {
    const paths = getShortestPaths(schedulingMachine, {
      events: modelEvents,
      input: { clinic: clinic(), today: TODAY, now: '10:00', patient: patient() },
      serializeState,
    });
    for (const p of paths) {
      const actor = start({ events: p.steps.map((step) => step.event) });
      expect(actor.getSnapshot().value).toEqual(p.state.value);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Catalogue, options, definition, types
// ---------------------------------------------------------------------------------------------

const exampleParams: Record<SchedulingEvent['type'], object> = {
  'scheduling.selectDate': { date: TODAY },
  'scheduling.selectSpecialty': { specialty: 'cardiology' },
  'scheduling.selectDoctor': { doctorId: 'dra-mendez' },
  'scheduling.selectVisitType': { visitType: 'follow-up' },
  'scheduling.searchSlots': {},
  'scheduling.book': { doctorId: 'dra-mendez', date: TODAY, start: '10:00', minutes: 15 },
  'scheduling.overrideWarning': {},
  'scheduling.dismissWarning': {},
  'scheduling.reschedule': { appointmentId: 'p-later', doctorId: 'dr-ortiz', date: TODAY, start: '16:00' },
  'scheduling.cancel': { appointmentId: 'e1', reason: 'doctor-late' },
  'scheduling.markNoShow': {},
  'scheduling.offerToWaitingList': {},
  'scheduling.escalateUrgent': { to: 'triage' },
  'scheduling.confirm': { channel: 'whatsapp' },
  'scheduling.remind': { channel: 'sms' },
  'scheduling.done': {},
};

describe('events catalogue', () => {
  it('describes every event type with params, a realistic cost and both languages', () => {
    expect(Object.keys(schedulingEvents).sort()).toEqual(Object.keys(exampleParams).sort());
    for (const [type, e] of Object.entries(schedulingEvents)) {
      expect(e.cost, type).toBeGreaterThanOrEqual(3);
      expect(e.cost, type).toBeLessThanOrEqual(120);
      expect(e.description['es-MX']).not.toBe('');
      expect(e.description.en).not.toBe('');
    }
  });

  it('accepts the example params used in these tests', () => {
    for (const [type, params] of Object.entries(exampleParams)) {
      expect(schedulingEvents[type as SchedulingEvent['type']].params.safeParse(params).success, type).toBe(true);
    }
    const used: SchedulingEvent[] = [
      ...modelEvents,
      reschedule('p-later', '13:00'),
      cancel('e1'),
      remind(),
      { type: 'scheduling.markNoShow', appointmentId: 'p-past' },
    ];
    for (const e of used) {
      const { type, ...params } = e;
      expect(schedulingEvents[type].params.safeParse(params).success, type).toBe(true);
    }
  });

  it('rejects unknown keys and malformed dates, times and channels', () => {
    const p = (type: SchedulingEvent['type']) => schedulingEvents[type].params;
    expect(p('scheduling.book').safeParse({ doctorId: 'x', date: TODAY, start: '10:00', room: 1 }).success).toBe(false);
    expect(p('scheduling.book').safeParse({ doctorId: 'x', date: '2026-02-30', start: '10:00' }).success).toBe(false);
    expect(p('scheduling.book').safeParse({ doctorId: 'x', date: TODAY, start: '9:00' }).success).toBe(false);
    expect(p('scheduling.confirm').safeParse({ channel: 'telegram' }).success).toBe(false);
    expect(p('scheduling.done').safeParse({ now: true }).success).toBe(false);
  });
});

describe('options', () => {
  it('accepts every setting and nothing unknown', () => {
    const full = {
      specialty: 'cardiology',
      visitType: 'first-visit',
      urgent: true,
      preferredDate: NEXT_WEEK,
      doctorId: 'dr-ortiz',
      existingAppointmentId: 'p-later',
      doctorLateMinutes: 30,
      walkIn: false,
      waitingList: [{ name: 'Luis Soto', specialty: 'general', phone: '55 0000 0000' }],
    };
    expect(schedulingOptionsSchema.parse(full)).toEqual(full);
    expect(schedulingOptionsSchema.parse({})).toEqual({});
    expect(schedulingOptionsSchema.safeParse({ speciality: 'general' }).success).toBe(false);
    expect(schedulingOptionsSchema.safeParse({ waitingList: [{ name: 'X', age: 3 }] }).success).toBe(false);
  });
});

describe('workflow definition', () => {
  it('builds the machine input from the case', () => {
    const c: WorkflowCase<SchedulingOptions> = {
      patient: patient(),
      people: { patient: patient() },
      clinic: clinic(),
      today: TODAY,
      now: '10:00',
      services: { imssPortal: 'up', insurerPortal: 'up' },
      options: { urgent: true },
    };
    const actor = createActor(schedulingWorkflow.machine, { input: schedulingWorkflow.input(c) as never });
    actor.start();
    expect(actor.getSnapshot().context.given.need.urgent).toBe(true);
    expect(schedulingWorkflow.id).toBe('scheduling');
    expect(schedulingWorkflow.title.en).toBe('Scheduling appointments');
    expect(schedulingWorkflow.options.safeParse({ urgent: 'yes' }).success).toBe(false);
  });
});

describe('types', () => {
  it('does not compile unknown events or wrong params', () => {
    const actor = start();
    // @ts-expect-error an unknown event type
    actor.send({ type: 'scheduling.nope' });
    // @ts-expect-error a right type with wrong params
    actor.send({ type: 'scheduling.book', doctorId: 7, date: TODAY, start: '10:00' });
    // @ts-expect-error a channel the agenda does not have
    actor.send({ type: 'scheduling.confirm', channel: 'telegram' });
    expect(actor.getSnapshot().context.history).toEqual([]);
  });
});
