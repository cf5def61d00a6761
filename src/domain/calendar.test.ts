import fc from 'fast-check';
import {
  addDays,
  ageOn,
  checkBooking,
  daysBetween,
  doctorWorksAt,
  findFreeSlots,
  fromMinutes,
  IMSS_APPOINTMENT_KIND_NAMES,
  imssAppointmentKind,
  isClockTime,
  isIsoDate,
  isWithinClinicHours,
  toMinutes,
  visitDuration,
  weekday,
  workingStretches,
} from './calendar';
import type { Appointment, Clinic, Doctor } from './types';

const weekdays = [1, 2, 3, 4, 5];
const mendez: Doctor = {
  id: 'dra-mendez',
  name: 'Dra. Mendez',
  specialty: 'general',
  blocks: weekdays.map((day) => ({ day, start: '08:00', end: '14:00' })),
};
const ortiz: Doctor = {
  id: 'dr-ortiz',
  name: 'Dr. Ortiz',
  specialty: 'general',
  blocks: weekdays.map((day) => ({ day, start: '14:00', end: '20:00' })),
};
const TUESDAY = '2026-03-10';

/** A small UMF: morning shift 8:00-14:00, evening 14:00-20:00, two family doctors. */
function umf(appointments: Appointment[] = []): Clinic {
  return {
    id: 'umf-prueba',
    name: 'UMF 99',
    kind: 'imss-umf',
    region: 'urban',
    state: 'DF',
    city: 'Ciudad de México',
    address: 'Av. Siempre Viva 1',
    umf: 99,
    hours: { days: weekdays, open: '08:00', close: '20:00' },
    doctors: [mendez, ortiz],
    visitTypes: [
      { id: 'first-visit', name: { 'es-MX': 'Primera vez', en: 'First visit' }, minutes: 30 },
      { id: 'follow-up', name: { 'es-MX': 'Subsecuente', en: 'Follow-up' }, minutes: 15 },
    ],
    rooms: [],
    appointments,
  };
}

const appt = (id: string, doctorId: string, start: string, extra: Partial<Appointment> = {}): Appointment => ({
  id,
  doctorId,
  patientName: `Paciente ${id}`,
  date: TUESDAY,
  start,
  minutes: 15,
  visitType: 'follow-up',
  status: 'booked',
  ...extra,
});

const booked = [
  appt('a1', 'dra-mendez', '09:00'),
  appt('a2', 'dra-mendez', '09:15', { status: 'cancelled' }),
  appt('a3', 'dr-ortiz', '14:00'),
];

describe('times and dates', () => {
  it('converts HH:MM to minutes and back', () => {
    expect(toMinutes('08:30')).toBe(510);
    expect(toMinutes('00:00')).toBe(0);
    expect(fromMinutes(510)).toBe('08:30');
    expect(fromMinutes(1439)).toBe('23:59');
  });

  it('refuses malformed times', () => {
    expect(() => toMinutes('8:30')).toThrow(RangeError);
    expect(() => toMinutes('24:00')).toThrow(RangeError);
    expect(() => fromMinutes(1440)).toThrow(RangeError);
    expect(isClockTime('19:59')).toBe(true);
    expect(isClockTime('19:60')).toBe(false);
  });

  it('round-trips every minute of the day', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1439 }), (m) => toMinutes(fromMinutes(m)) === m));
  });

  it('knows real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-3-1')).toBe(false);
  });

  it('computes the weekday from the date string', () => {
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday(TUESDAY)).toBe(2);
    expect(weekday('2026-03-15')).toBe(0);
    expect(weekday('2000-02-29')).toBe(2);
    expect(weekday('1956-04-27')).toBe(5);
  });

  it('agrees with the proleptic Gregorian calendar for any date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const base = Date.UTC(2000, 0, 1) + n * 86_400_000;
        const d = new Date(base);
        const iso = d.toISOString().slice(0, 10);
        return weekday(iso) === d.getUTCDay() && addDays('2000-01-01', n) === iso;
      }),
    );
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-10', '2026-04-10')).toBe(31);
  });
});

describe('hours and shifts', () => {
  const clinic = umf();

  it('accepts visits that fit the clinic hours on a working day', () => {
    expect(isWithinClinicHours(clinic, TUESDAY, '08:00', 15)).toBe(true);
    expect(isWithinClinicHours(clinic, TUESDAY, '19:45', 15)).toBe(true);
  });

  it('rejects visits before opening, past closing or on a closed day', () => {
    expect(isWithinClinicHours(clinic, TUESDAY, '07:45', 15)).toBe(false);
    expect(isWithinClinicHours(clinic, TUESDAY, '19:50', 15)).toBe(false);
    expect(isWithinClinicHours(clinic, '2026-03-14', '10:00', 15)).toBe(false);
    expect(isWithinClinicHours(clinic, 'mañana', '10:00', 15)).toBe(false);
  });

  it('knows when a doctor is on shift for the whole visit', () => {
    expect(doctorWorksAt(mendez, TUESDAY, '13:45', 15)).toBe(true);
    expect(doctorWorksAt(mendez, TUESDAY, '13:50', 15)).toBe(false);
    expect(doctorWorksAt(mendez, TUESDAY, '14:00', 15)).toBe(false);
    expect(doctorWorksAt(ortiz, TUESDAY, '14:00', 15)).toBe(true);
    expect(doctorWorksAt(ortiz, '2026-03-15', '14:00', 15)).toBe(false);
  });

  it('merges touching blocks of a doctor who covers both shifts', () => {
    const both: Doctor = { ...mendez, blocks: [...mendez.blocks, ...ortiz.blocks] };
    expect(workingStretches(both, TUESDAY)).toEqual([[480, 1200]]);
    expect(doctorWorksAt(both, TUESDAY, '13:50', 20)).toBe(true);
  });
});

describe('visitDuration', () => {
  it('reads the clinic visit types', () => {
    expect(visitDuration(umf(), 'first-visit')).toBe(30);
    expect(visitDuration(umf(), 'follow-up')).toBe(15);
    expect(visitDuration(umf(), 'cirugia')).toBeUndefined();
  });

  it('falls back to the defaults of the clinic kind (IMSS family medicine: 15 min)', () => {
    const bare = { ...umf(), visitTypes: [] };
    expect(visitDuration(bare, 'follow-up')).toBe(15);
    expect(visitDuration({ ...bare, kind: 'private' }, 'follow-up')).toBe(30);
  });
});

describe('findFreeSlots', () => {
  const clinic = umf(booked);

  it('lists the morning doctor slots around a booked one; a cancelled one frees its time', () => {
    const slots = findFreeSlots(clinic, { doctorId: 'dra-mendez', date: TUESDAY, visitType: 'follow-up', limit: 6 });
    expect(slots.map((s) => s.start)).toEqual(['08:00', '08:15', '08:30', '08:45', '09:15', '09:30']);
    expect(slots[0]).toEqual({ doctorId: 'dra-mendez', date: TUESDAY, start: '08:00', minutes: 15 });
  });

  it('gives slots the length of the visit type and never overlapping a booked visit', () => {
    const slots = findFreeSlots(clinic, { doctorId: 'dra-mendez', date: TUESDAY, visitType: 'first-visit', limit: 4 });
    expect(slots.map((s) => s.start)).toEqual(['08:00', '08:15', '08:30', '09:15']);
    expect(slots.every((s) => s.minutes === 30)).toBe(true);
  });

  it('starts from the current time on the grid and stops at the end of the shift', () => {
    const slots = findFreeSlots(clinic, { doctorId: 'dra-mendez', date: TUESDAY, visitType: 'follow-up', from: '13:07' });
    expect(slots.map((s) => s.start)).toEqual(['13:15', '13:30', '13:45']);
  });

  it('searches every doctor of a specialty in time order', () => {
    const slots = findFreeSlots(clinic, { specialty: 'general', date: TUESDAY, visitType: 'follow-up', from: '13:30' });
    expect(slots.map((s) => `${s.doctorId}@${s.start}`)).toEqual([
      'dra-mendez@13:30',
      'dra-mendez@13:45',
      'dr-ortiz@14:15',
      'dr-ortiz@14:30',
      'dr-ortiz@14:45',
      'dr-ortiz@15:00',
      'dr-ortiz@15:15',
      'dr-ortiz@15:30',
      'dr-ortiz@15:45',
      'dr-ortiz@16:00',
      'dr-ortiz@16:15',
      'dr-ortiz@16:30',
    ]);
    expect(findFreeSlots(clinic, { specialty: 'cardiology', date: TUESDAY, visitType: 'follow-up' })).toEqual([]);
  });

  it('searches forward over several days, skipping the weekend', () => {
    const slots = findFreeSlots(clinic, {
      doctorId: 'dra-mendez',
      date: '2026-03-13',
      from: '13:45',
      visitType: 'follow-up',
      days: 4,
      limit: 2,
    });
    expect(slots).toEqual([
      { doctorId: 'dra-mendez', date: '2026-03-13', start: '13:45', minutes: 15 },
      { doctorId: 'dra-mendez', date: '2026-03-16', start: '08:00', minutes: 15 },
    ]);
  });

  it('treats the appointment being rescheduled as free', () => {
    const slots = findFreeSlots(clinic, {
      doctorId: 'dra-mendez',
      date: TUESDAY,
      from: '09:00',
      visitType: 'follow-up',
      limit: 1,
      ignoreAppointmentId: 'a1',
    });
    expect(slots[0]?.start).toBe('09:00');
  });

  it('returns nothing for an unknown visit type or a malformed query', () => {
    expect(findFreeSlots(clinic, { date: TUESDAY, visitType: 'cirugia' })).toEqual([]);
    expect(findFreeSlots(clinic, { date: '10/03/2026', visitType: 'follow-up' })).toEqual([]);
    expect(findFreeSlots(clinic, { date: TUESDAY, visitType: 'follow-up', from: '9:00' })).toEqual([]);
  });

  it('offers only slots that checkBooking accepts without a problem', () => {
    const starts = fc.integer({ min: 28, max: 84 }).map((q) => fromMinutes(q * 15 + 5 * (q % 3)));
    const appointment = fc.record({
      doctorId: fc.constantFrom('dra-mendez', 'dr-ortiz'),
      start: starts,
      minutes: fc.constantFrom(10, 15, 30),
      cancelled: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(appointment, { maxLength: 12 }), fc.constantFrom('first-visit', 'follow-up'), (list, visitType) => {
        const c = umf(
          list.map((a, i) =>
            appt(`r${i}`, a.doctorId, a.start, { minutes: a.minutes, status: a.cancelled ? 'cancelled' : 'booked' }),
          ),
        );
        const slots = findFreeSlots(c, { date: TUESDAY, visitType, limit: 100 });
        return slots.every((s) => checkBooking(c, { ...s, visitType }, { specialty: 'general' }).length === 0);
      }),
      { numRuns: 60 },
    );
  });
});

describe('checkBooking', () => {
  const clinic = umf(booked);
  const ok = { doctorId: 'dra-mendez', date: TUESDAY, start: '10:00', minutes: 15, visitType: 'follow-up' };
  const codes = (b: Partial<typeof ok>, rules = {}) => checkBooking(clinic, { ...ok, ...b }, rules).map((p) => p.code);

  it('finds nothing wrong with a free slot in the doctor shift', () => {
    expect(checkBooking(clinic, ok, { now: { date: TUESDAY, time: '08:00' }, specialty: 'general' })).toEqual([]);
  });

  it('warns about booking over an appointment', () => {
    const problems = checkBooking(clinic, { ...ok, start: '09:10' });
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['booking.doubleBooked', 'warning']]);
    expect(problems[0]?.message['es-MX']).toContain('sobrecupo');
    expect(problems[0]?.message.en).toContain('overbooking');
  });

  it('does not count a cancelled appointment or the one being moved as a clash', () => {
    expect(codes({ start: '09:15' })).toEqual([]);
    expect(codes({ start: '09:00' }, { ignoreAppointmentId: 'a1' })).toEqual([]);
  });

  it('blocks a booking outside the clinic hours', () => {
    expect(codes({ start: '07:30' })).toEqual(['booking.outOfHours']);
    expect(codes({ date: '2026-03-14' })).toEqual(['booking.outOfHours']);
  });

  it('blocks a booking outside the doctor shift', () => {
    const problems = checkBooking(clinic, { ...ok, start: '15:00' });
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['booking.doctorNotWorking', 'error']]);
  });

  it('blocks a booking in the past', () => {
    expect(codes({ start: '10:00' }, { now: { date: TUESDAY, time: '10:01' } })).toEqual(['booking.inThePast']);
    expect(codes({}, { now: { date: '2026-03-11', time: '07:00' } })).toEqual(['booking.inThePast']);
  });

  it('warns about the wrong specialty and the wrong length', () => {
    expect(codes({}, { specialty: 'cardiology' })).toEqual(['booking.wrongSpecialty']);
    expect(codes({ minutes: 30 })).toEqual(['booking.wrongDuration']);
    expect(codes({ minutes: 30, visitType: 'first-visit' })).toEqual([]);
  });

  it('reports unknown doctors, visit types and malformed requests as errors', () => {
    expect(codes({ doctorId: 'dr-house' })).toEqual(['booking.unknownDoctor']);
    expect(codes({ visitType: 'cirugia' })).toEqual(['booking.unknownVisitType']);
    expect(codes({ start: '25:00' })).toEqual(['booking.invalidRequest']);
    expect(codes({ minutes: 0 })).toEqual(['booking.invalidRequest']);
  });

  it('writes every message in both languages', () => {
    const all = checkBooking(
      clinic,
      { ...ok, start: '09:00', minutes: 30 },
      { specialty: 'pediatrics', now: { date: '2026-03-11', time: '08:00' } },
    );
    expect(all.map((p) => p.code)).toEqual([
      'booking.inThePast',
      'booking.doubleBooked',
      'booking.wrongSpecialty',
      'booking.wrongDuration',
    ]);
    for (const p of all) {
      expect(p.message['es-MX'].length).toBeGreaterThan(20);
      expect(p.message.en.length).toBeGreaterThan(20);
      expect(p.message['es-MX']).not.toBe(p.message.en);
    }
  });
});

describe('imssAppointmentKind', () => {
  const at = (date: string, time: string) => ({ date, time });

  it('calls a walk-in espontánea whatever the time', () => {
    expect(imssAppointmentKind({ requestedAt: at(TUESDAY, '08:00'), appointment: { date: TUESDAY, start: '08:30' }, walkIn: true })).toBe(
      'espontanea',
    );
  });

  it('calls a booking 12 h or more ahead previa', () => {
    expect(imssAppointmentKind({ requestedAt: at(TUESDAY, '08:00'), appointment: { date: TUESDAY, start: '20:00' } })).toBe('previa');
    expect(imssAppointmentKind({ requestedAt: at(TUESDAY, '08:00'), appointment: { date: '2026-03-17', start: '08:00' } })).toBe(
      'previa',
    );
  });

  it('calls a same-day booking concertada', () => {
    expect(imssAppointmentKind({ requestedAt: at(TUESDAY, '08:00'), appointment: { date: TUESDAY, start: '19:59' } })).toBe(
      'concertada',
    );
    expect(imssAppointmentKind({ requestedAt: at(TUESDAY, '21:00'), appointment: { date: '2026-03-11', start: '08:00' } })).toBe(
      'concertada',
    );
  });

  it('names each kind in both languages', () => {
    expect(IMSS_APPOINTMENT_KIND_NAMES.espontanea['es-MX']).toBe('Consulta espontánea');
    expect(IMSS_APPOINTMENT_KIND_NAMES.previa.en).toBe('Advance appointment');
  });
});

describe('ageOn', () => {
  it('computes ages in whole years', () => {
    expect(ageOn('2008-01-16', '2026-01-15')).toBe(17);
    expect(ageOn('2008-01-15', '2026-01-15')).toBe(18);
    expect(ageOn('bad', '2026-01-15')).toBeNaN();
  });
});
