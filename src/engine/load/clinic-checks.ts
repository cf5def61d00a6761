/** A clinic's own references: unique ids, appointments naming its doctors and visit types, hours. */
import type { LocalizedText } from '../../domain/text';
import { formatPath, type DocPath } from '../format/diagnostics';
import type { ClinicFile } from '../format/scenario.schema';
import { checkClockOrder } from './clock-order';
import { REFERENCE_KINDS as WHAT, type Reporter } from './reporter';

function duplicates<T>(items: readonly T[], idOf: (t: T) => string, rep: Reporter, pathOf: (i: number) => DocPath, what: LocalizedText): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const id = idOf(item);
    const prior = seen.get(id);
    if (prior !== undefined) {
      rep.error(pathOf(i), 'duplicate-id', {
        'es-MX': `el id "${id}" ya se usa en ${formatPath(pathOf(prior).slice(0, -1))}: cada ${what['es-MX']} necesita un id único`,
        en: `the id "${id}" is already used at ${formatPath(pathOf(prior).slice(0, -1))}: each ${what.en} needs a unique id`,
      }, { found: id });
    } else seen.set(id, i);
  });
}

/** A clinic's own references: doctors, rooms, visit types, appointments, hours. */
export function checkClinic(c: ClinicFile, rep: Reporter): void {
  duplicates(c.doctors, (d) => d.id, rep, (i) => ['doctors', i, 'id'], WHAT.doctor);
  duplicates(c.rooms, (r) => r.id, rep, (i) => ['rooms', i, 'id'], WHAT.room);
  duplicates(c.visitTypes, (v) => v.id, rep, (i) => ['visitTypes', i, 'id'], WHAT.visitType);
  duplicates(c.appointments, (a) => a.id, rep, (i) => ['appointments', i, 'id'], { 'es-MX': 'cita', en: 'appointment' });
  checkClockOrder(rep, ['hours', 'close'], c.hours.open, c.hours.close);
  c.doctors.forEach((d, i) => d.blocks.forEach((b, j) => checkClockOrder(rep, ['doctors', i, 'blocks', j, 'end'], b.start, b.end)));
  const doctors = c.doctors.map((d) => d.id);
  const visitTypes = c.visitTypes.map((v) => v.id);
  c.appointments.forEach((a, i) => {
    if (!doctors.includes(a.doctorId)) rep.dangling(['appointments', i, 'doctorId'], a.doctorId, WHAT.doctor, doctors);
    if (!visitTypes.includes(a.visitType)) rep.dangling(['appointments', i, 'visitType'], a.visitType, WHAT.visitType, visitTypes);
    if (a.date !== undefined && a.dayOffset !== undefined) {
      rep.error(['appointments', i, 'dayOffset'], 'conflicting-fields', {
        'es-MX': 'una cita lleva date o dayOffset, no ambos',
        en: 'an appointment has date or dayOffset, not both',
      });
    }
  });
  if (c.type === 'imss-umf' && c.umf === undefined) {
    rep.warning(['type'], 'missing-umf', {
      'es-MX': 'una UMF del IMSS suele llevar su número (umf)',
      en: 'an IMSS family-medicine unit usually has its number (umf)',
    });
  }
}
