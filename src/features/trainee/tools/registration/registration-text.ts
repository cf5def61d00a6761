/**
 * What the record screen's pieces share: the workflow's names (the one import of the registration
 * machine), the form's field order, and the tool's `t`.
 */
import type { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../domain/text';
import type { Person } from '../../../../domain/types';
import { ageOn } from '../../../../domain/calendar';
import { registrationEvents, type RegistrationEvent, type RegistrationEventType } from '../../../../machines/registration/events';
import { GUARDIAN_FIELDS, SENSITIVE_FIELDS, type ClinicRecord, type RegistrationContext, type RegistrationField } from '../../../../machines/registration/types';
import type { SendResult } from '../tool-props';

export { ageOn, GUARDIAN_FIELDS, SENSITIVE_FIELDS, type ClinicRecord, type RegistrationContext, type RegistrationField };

export type Tr = ReturnType<typeof useTranslation<'tools', 'tools.registration'>>['t'];
export type Send = (e: RegistrationEvent) => SendResult;

/** Identification and contact fields in screen order (NOM-004 data first). */
export const ID_FIELDS = ['givenName', 'firstSurname', 'secondSurname', 'birthDate', 'sex', 'curp'] as const satisfies readonly RegistrationField[];
export const CONTACT_FIELDS = ['address', 'phone', 'email', 'emergencyContactName', 'emergencyContactPhone'] as const satisfies readonly RegistrationField[];

export const fieldDomId = (base: string, field: string) => `${base}-${field}`;

export const recordName = (record: ClinicRecord): string =>
  typeof record.name === 'string' ? record.name : [record.name.given, record.name.first, record.name.second].filter(Boolean).join(' ');


/** Every field in the order the read-back lists them. */
export const SUMMARY_FIELDS: RegistrationField[] = [...ID_FIELDS, ...CONTACT_FIELDS, ...GUARDIAN_FIELDS, ...SENSITIVE_FIELDS];

/** The patient first, then everyone else at the desk. */
export function orderedPeople(people: Record<string, Person>, patient: Person): Person[] {
  const others = Object.values(people).filter((p) => p.id !== patient.id);
  return [people[patient.id] ?? patient, ...others];
}

/** What the polite status region says after the last accepted action. */
export function statusText(c: RegistrationContext, lang: Lang, t: Tr): string {
  const last = c.history.at(-1) as RegistrationEventType | undefined;
  if (last === undefined || last === 'registration.enter') return '';
  const search = c.lookup.search;
  if (last === 'registration.search' && search) return t('search.announce', { count: search.results.length, query: search.query });
  if (last === 'registration.save' && c.saved === null) return '';
  return t('announce', { n: c.history.length, action: registrationEvents[last].description[lang] });
}
