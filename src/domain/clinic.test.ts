import {
  DEFAULT_VISIT_TYPES,
  doctorsFor,
  findAppointment,
  findDoctor,
  findVisitType,
  holdsTime,
  SPECIALTY_NAMES,
  visitTypesOf,
} from './clinic';
import type { Clinic } from './types';

const clinic: Clinic = {
  id: 'consultorio',
  name: 'Consultorio Roma',
  kind: 'private',
  region: 'urban',
  state: 'DF',
  city: 'Ciudad de México',
  address: 'Orizaba 10',
  hours: { days: [1, 2, 3, 4, 5, 6], open: '09:00', close: '19:00' },
  doctors: [
    { id: 'dra-luna', name: 'Dra. Luna', specialty: 'pediatrics', blocks: [] },
    { id: 'dr-sol', name: 'Dr. Sol', specialty: 'cardiology', blocks: [] },
    { id: 'dr-mar', name: 'Dr. Mar', specialty: 'cardiology', blocks: [] },
  ],
  visitTypes: [],
  rooms: [],
  appointments: [
    { id: 'c1', doctorId: 'dr-sol', patientName: 'Ana', date: '2026-03-10', start: '10:00', minutes: 30, visitType: 'follow-up' },
  ],
};

describe('clinic lookups', () => {
  it('finds doctors, visit types and appointments by id', () => {
    expect(findDoctor(clinic, 'dr-sol')?.specialty).toBe('cardiology');
    expect(findDoctor(clinic, 'nadie')).toBeUndefined();
    expect(findAppointment(clinic, 'c1')?.patientName).toBe('Ana');
    expect(findAppointment(clinic, 'c9')).toBeUndefined();
    expect(findVisitType(clinic, 'first-visit')?.minutes).toBe(45);
  });

  it('uses the visit types of the clinic kind when the file lists none', () => {
    expect(visitTypesOf(clinic)).toBe(DEFAULT_VISIT_TYPES.private);
    const own = { ...clinic, visitTypes: [{ id: 'x', name: { 'es-MX': 'X', en: 'X' }, minutes: 5 }] };
    expect(visitTypesOf(own).map((v) => v.id)).toEqual(['x']);
    expect(findVisitType(own, 'first-visit')).toBeUndefined();
  });

  it('plans IMSS family medicine at 15 minutes a follow-up', () => {
    expect(DEFAULT_VISIT_TYPES['imss-umf'].find((v) => v.id === 'follow-up')?.minutes).toBe(15);
  });

  it('filters doctors by id or specialty', () => {
    expect(doctorsFor(clinic, { specialty: 'cardiology' }).map((d) => d.id)).toEqual(['dr-sol', 'dr-mar']);
    expect(doctorsFor(clinic, { doctorId: 'dra-luna' }).map((d) => d.id)).toEqual(['dra-luna']);
    expect(doctorsFor(clinic, { doctorId: 'dra-luna', specialty: 'cardiology' })).toEqual([]);
    expect(doctorsFor(clinic, {})).toHaveLength(3);
  });

  it('lets only a cancellation free an appointment time', () => {
    const a = clinic.appointments[0]!;
    expect(holdsTime(a)).toBe(true);
    expect(holdsTime({ ...a, status: 'no-show' })).toBe(true);
    expect(holdsTime({ ...a, status: 'cancelled' })).toBe(false);
  });

  it('names every specialty in both languages', () => {
    for (const name of Object.values(SPECIALTY_NAMES)) {
      expect(name['es-MX']).not.toBe('');
      expect(name.en).not.toBe('');
    }
  });
});
