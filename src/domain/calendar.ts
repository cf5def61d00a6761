import { doctorsFor, findDoctor, findVisitType, holdsTime, SPECIALTY_NAMES } from './clinic';
import { t, type LocalizedText, type Problem } from './text';
import type { Clinic, ClockTime, Doctor, ImssAppointmentKind, IsoDate, Specialty } from './types';

// Dates and times are plain strings ("YYYY-MM-DD", "HH:MM") and all arithmetic is done on
// integers, so results never depend on the machine's time zone or wall clock.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTES_PER_DAY = 24 * 60;

/** A point in simulated time: a date and a time of day. */
export interface DateTime {
  date: IsoDate;
  time: ClockTime;
}

/** A bookable stretch of one doctor's agenda. */
export interface Slot {
  doctorId: string;
  date: IsoDate;
  start: ClockTime;
  minutes: number;
}

/** Whether a string is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Age in whole years on a date (both YYYY-MM-DD); NaN when a date is malformed. */
export function ageOn(birth: IsoDate, today: IsoDate): number {
  const b = DATE_RE.exec(birth);
  const d = DATE_RE.exec(today);
  if (!b || !d) return Number.NaN;
  const [by, bm, bd] = [Number(b[1]), Number(b[2]), Number(b[3])];
  const [ty, tm, td] = [Number(d[1]), Number(d[2]), Number(d[3])];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Whether a string is a time of day written HH:MM on the 24-hour clock. */
export function isClockTime(value: string): boolean {
  return TIME_RE.test(value);
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

/** Minutes since midnight of "HH:MM"; throws a RangeError on anything else. */
export function toMinutes(time: ClockTime): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`Not a time of day (HH:MM): ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** "HH:MM" of minutes since midnight (0-1439). */
export function fromMinutes(minutes: number): ClockTime {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= MINUTES_PER_DAY) {
    throw new RangeError(`Not a minute of the day: ${minutes}`);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
function parseDate(date: IsoDate): [number, number, number] {
  if (!isIsoDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** Days since 1970-01-01 of a date. */
export function toDayNumber(date: IsoDate): number {
  const [year, m, d] = parseDate(date);
  const y = year - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number (days since 1970-01-01). */
export function fromDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Day of the week of a date: 0 Sunday ... 6 Saturday (as in WorkBlock.day). */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** The date n days after (n < 0: before) a date. */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Minutes since 1970-01-01 00:00 of a date and time, to compare and subtract moments. */
export function toAbsoluteMinutes(date: IsoDate, time: ClockTime): number {
  return toDayNumber(date) * MINUTES_PER_DAY + toMinutes(time);
}

/** Whether two time ranges on the same day overlap (touching ends do not). */
export function overlaps(startA: number, minutesA: number, startB: number, minutesB: number): boolean {
  return startA < startB + minutesB && startB < startA + minutesA;
}

const validRequest = (date: string, start: string, minutes: number) =>
  isIsoDate(date) && isClockTime(start) && Number.isInteger(minutes) && minutes > 0;

/** Whether a visit fits the clinic's opening days and hours. */
export function isWithinClinicHours(clinic: Clinic, date: IsoDate, start: ClockTime, minutes: number): boolean {
  if (!validRequest(date, start, minutes)) return false;
  const { days, open, close } = clinic.hours;
  const s = toMinutes(start);
  return days.includes(weekday(date)) && s >= toMinutes(open) && s + minutes <= toMinutes(close);
}

/**
 * The doctor's working stretches on a date, as [start, end) minutes. Touching blocks are merged
 * so a doctor who covers both shifts can see a patient across 14:00.
 */
export function workingStretches(doctor: Doctor, date: IsoDate): Array<[number, number]> {
  if (!isIsoDate(date)) return [];
  const day = weekday(date);
  const blocks = doctor.blocks
    .filter((b) => b.day === day && isClockTime(b.start) && isClockTime(b.end))
    .map((b): [number, number] => [toMinutes(b.start), toMinutes(b.end)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const block of blocks) {
    const last = merged[merged.length - 1];
    if (last && block[0] <= last[1]) last[1] = Math.max(last[1], block[1]);
    else merged.push([block[0], block[1]]);
  }
  return merged;
}

/** Whether the doctor is on duty for the whole visit. */
export function doctorWorksAt(doctor: Doctor, date: IsoDate, start: ClockTime, minutes: number): boolean {
  if (!validRequest(date, start, minutes)) return false;
  const s = toMinutes(start);
  return workingStretches(doctor, date).some(([bs, be]) => s >= bs && s + minutes <= be);
}

/** Planned minutes of a visit type in this clinic (first visit, follow-up...), if it exists. */
export function visitDuration(clinic: Clinic, visitTypeId: string): number | undefined {
  return findVisitType(clinic, visitTypeId)?.minutes;
}

/** Appointments that hold time in a doctor's agenda on a date, optionally leaving one out. */
function busyRanges(clinic: Clinic, doctorId: string, date: IsoDate, ignoreAppointmentId?: string) {
  return clinic.appointments.filter(
    (a) =>
      a.doctorId === doctorId &&
      a.date === date &&
      a.id !== ignoreAppointmentId &&
      holdsTime(a) &&
      isClockTime(a.start),
  );
}

/** What to look for in the agenda. */
export interface SlotQuery {
  /** One doctor only. */
  doctorId?: string;
  /** Doctors of this specialty only. */
  specialty?: Specialty;
  /** First date to search. */
  date: IsoDate;
  /** Visit type id; gives the slot length. */
  visitType: string;
  /** Earliest start on the first date (e.g. the current time today). */
  from?: ClockTime;
  /** Maximum number of slots returned (default 12). */
  limit?: number;
  /** Number of days searched from `date` (default 1: that day only). */
  days?: number;
  /** Grid of candidate starts in minutes from the start of a working block (default 15). */
  step?: number;
  /** An appointment whose time counts as free (the one being rescheduled). */
  ignoreAppointmentId?: string;
}

/**
 * Free slots in date, time and doctor order: each fits a doctor's working block and the clinic's
 * hours and overlaps no appointment (cancelled ones free their time). Empty for an unknown visit
 * type or a malformed query.
 */
export function findFreeSlots(clinic: Clinic, query: SlotQuery): Slot[] {
  const minutes = visitDuration(clinic, query.visitType);
  const limit = query.limit ?? 12;
  const step = query.step ?? 15;
  const days = query.days ?? 1;
  if (minutes === undefined || !isIsoDate(query.date) || step <= 0 || limit <= 0) return [];
  if (query.from !== undefined && !isClockTime(query.from)) return [];
  const doctors = doctorsFor(clinic, { doctorId: query.doctorId, specialty: query.specialty });
  const { days: openDays, open, close } = clinic.hours;
  if (!isClockTime(open) || !isClockTime(close)) return [];
  // Numbers computed once: the engine replays thousands of logs a second.
  const [openAt, closeAt] = [toMinutes(open), toMinutes(close)];
  const slots: Slot[] = [];
  for (let i = 0; i < days && slots.length < limit; i++) {
    const date = addDays(query.date, i);
    if (!openDays.includes(weekday(date))) continue;
    const from = Math.max(openAt, i === 0 && query.from !== undefined ? toMinutes(query.from) : 0);
    const daySlots: Slot[] = [];
    for (const doctor of doctors) {
      const busy = busyRanges(clinic, doctor.id, date, query.ignoreAppointmentId).map((a) => [toMinutes(a.start), a.minutes] as const);
      for (const [bs, be] of workingStretches(doctor, date)) {
        for (let s = bs; s + minutes <= Math.min(be, closeAt); s += step) {
          if (s < from) continue;
          if (busy.some(([bStart, bMinutes]) => overlaps(s, minutes, bStart, bMinutes))) continue;
          daySlots.push({ doctorId: doctor.id, date, start: fromMinutes(s), minutes });
        }
      }
    }
    daySlots.sort((a, b) => a.start.localeCompare(b.start) || a.doctorId.localeCompare(b.doctorId));
    slots.push(...daySlots.slice(0, limit - slots.length));
  }
  return slots;
}

/** An appointment someone wants to put in the agenda. */
export interface BookingRequest {
  doctorId: string;
  date: IsoDate;
  start: ClockTime;
  minutes: number;
  /** Visit type id; when given, the length is checked against it. */
  visitType?: string;
}

/** Facts the agenda itself does not know, used to judge a booking. */
export interface BookingRules {
  /** The current simulated moment: nothing may be booked before it. */
  now?: DateTime;
  /** The specialty the patient needs (from the referral or the request). */
  specialty?: Specialty;
  /** An appointment whose time counts as free (the one being rescheduled). */
  ignoreAppointmentId?: string;
}

/** Problem codes of checkBooking. */
export type BookingProblemCode =
  | 'booking.invalidRequest'
  | 'booking.unknownDoctor'
  | 'booking.unknownVisitType'
  | 'booking.inThePast'
  | 'booking.outOfHours'
  | 'booking.doctorNotWorking'
  | 'booking.doubleBooked'
  | 'booking.wrongSpecialty'
  | 'booking.wrongDuration';

const problem = (code: BookingProblemCode, severity: Problem['severity'], message: LocalizedText): Problem => ({
  code,
  severity,
  message,
});

/**
 * Everything wrong with a booking. Errors are what an agenda cannot hold (an unknown doctor, a
 * time in the past, outside the clinic's hours or the doctor's shift); warnings are what a person
 * may decide to accept (an overbooking, a length that is not the visit type's, a doctor of another
 * specialty than the patient needs).
 */
export function checkBooking(clinic: Clinic, booking: BookingRequest, rules: BookingRules = {}): Problem[] {
  const { doctorId, date, start, minutes } = booking;
  if (!validRequest(date, start, minutes)) {
    return [
      problem(
        'booking.invalidRequest',
        'error',
        t(
          'La cita necesita una fecha (AAAA-MM-DD), una hora (HH:MM) y una duración en minutos.',
          'An appointment needs a date (YYYY-MM-DD), a time (HH:MM) and a length in minutes.',
        ),
      ),
    ];
  }
  const doctor = findDoctor(clinic, doctorId);
  if (!doctor) {
    return [
      problem(
        'booking.unknownDoctor',
        'error',
        t(`No hay ningún médico "${doctorId}" en esta clínica.`, `There is no doctor "${doctorId}" in this clinic.`),
      ),
    ];
  }
  const problems: Problem[] = [];
  const s = toMinutes(start);
  const end = fromMinutes(Math.min(s + minutes, MINUTES_PER_DAY - 1));
  if (rules.now && toAbsoluteMinutes(date, start) < toAbsoluteMinutes(rules.now.date, rules.now.time)) {
    problems.push(
      problem(
        'booking.inThePast',
        'error',
        t(
          `El ${date} a las ${start} ya pasó: solo se agenda a partir de ahora (${rules.now.date} ${rules.now.time}).`,
          `${date} at ${start} is already past: appointments start from now (${rules.now.date} ${rules.now.time}).`,
        ),
      ),
    );
  }
  if (!isWithinClinicHours(clinic, date, start, minutes)) {
    const { open, close } = clinic.hours;
    problems.push(
      problem(
        'booking.outOfHours',
        'error',
        t(
          `La clínica no atiende en ese horario: abre de ${open} a ${close} en sus días de servicio, y la cita (${start}-${end}) debe caber completa.`,
          `The clinic is closed then: it opens ${open}-${close} on its working days, and the whole visit (${start}-${end}) must fit.`,
        ),
      ),
    );
  } else if (!doctorWorksAt(doctor, date, start, minutes)) {
    problems.push(
      problem(
        'booking.doctorNotWorking',
        'error',
        t(
          `${doctor.name} no tiene consulta el ${date} de ${start} a ${end}: solo se agenda dentro de su turno.`,
          `${doctor.name} does not see patients on ${date} from ${start} to ${end}: book only within their shift.`,
        ),
      ),
    );
  }
  const clash = busyRanges(clinic, doctor.id, date, rules.ignoreAppointmentId).find((a) =>
    overlaps(s, minutes, toMinutes(a.start), a.minutes),
  );
  if (clash) {
    problems.push(
      problem(
        'booking.doubleBooked',
        'warning',
        t(
          `${doctor.name} ya tiene una cita a las ${clash.start} (${clash.minutes} min, ${clash.patientName}). Agendar encima es un sobrecupo: solo con autorización del médico.`,
          `${doctor.name} already has an appointment at ${clash.start} (${clash.minutes} min, ${clash.patientName}). Booking over it is an overbooking: only with the doctor's approval.`,
        ),
      ),
    );
  }
  if (rules.specialty !== undefined && doctor.specialty !== rules.specialty) {
    const need = SPECIALTY_NAMES[rules.specialty];
    const has = SPECIALTY_NAMES[doctor.specialty];
    problems.push(
      problem(
        'booking.wrongSpecialty',
        'warning',
        t(
          `La consulta requiere ${need['es-MX']}, y ${doctor.name} es de ${has['es-MX']}: la cita no resolverá lo que el paciente necesita.`,
          `The visit needs ${need.en}, and ${doctor.name} is in ${has.en}: the appointment will not meet the patient's need.`,
        ),
      ),
    );
  }
  if (booking.visitType !== undefined) {
    const planned = visitDuration(clinic, booking.visitType);
    if (planned === undefined) {
      problems.push(
        problem(
          'booking.unknownVisitType',
          'error',
          t(
            `Esta clínica no tiene el tipo de consulta "${booking.visitType}".`,
            `This clinic has no visit type "${booking.visitType}".`,
          ),
        ),
      );
    } else if (planned !== minutes) {
      problems.push(
        problem(
          'booking.wrongDuration',
          'warning',
          t(
            `Este tipo de consulta se agenda de ${planned} minutos, no de ${minutes}: una cita más corta retrasa al médico, una más larga desperdicia lugares.`,
            `This visit type is booked for ${planned} minutes, not ${minutes}: a shorter one makes the doctor run late, a longer one wastes places.`,
          ),
        ),
      );
    }
  }
  return problems;
}

/** Names of the IMSS appointment kinds. */
export const IMSS_APPOINTMENT_KIND_NAMES: Record<ImssAppointmentKind, LocalizedText> = {
  previa: t('Cita previa', 'Advance appointment'),
  concertada: t('Cita concertada', 'Same-day appointment'),
  espontanea: t('Consulta espontánea', 'Walk-in visit'),
};

/** Hours ahead from which an IMSS appointment counts as "previa". */
export const PREVIA_MIN_HOURS = 12;

/**
 * IMSS kind of an appointment: espontánea for a walk-in, previa when booked 12 h or more ahead,
 * otherwise concertada (the same-day kind; a booking late at night for the next early morning is
 * less than 12 h ahead and is counted as concertada too).
 */
export function imssAppointmentKind(request: {
  requestedAt: DateTime;
  appointment: { date: IsoDate; start: ClockTime };
  walkIn?: boolean;
}): ImssAppointmentKind {
  if (request.walkIn) return 'espontanea';
  const ahead =
    toAbsoluteMinutes(request.appointment.date, request.appointment.start) -
    toAbsoluteMinutes(request.requestedAt.date, request.requestedAt.time);
  return ahead >= PREVIA_MIN_HOURS * 60 ? 'previa' : 'concertada';
}
