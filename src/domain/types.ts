import type { LocalizedText } from './text';

/** A calendar date as written in scenario files: YYYY-MM-DD. */
export type IsoDate = string;
/** A time of day on the 24-hour clock: HH:MM. */
export type ClockTime = string;

/** Sex as recorded in the CURP: H (hombre), M (mujer), X (non-binary, issued since 2023). */
export type Sex = 'H' | 'M' | 'X';

/** A Mexican name: given name(s), first surname (paterno), second surname (materno, may be absent). */
export interface PersonName {
  given: string;
  first: string;
  second?: string;
}

/** Who pays for the visit. */
export type PayerKind = 'imss' | 'issste' | 'imss-bienestar' | 'pemex' | 'sedena' | 'semar' | 'private' | 'none';

/** IMSS "vigencia de derechos". */
export type ImssRightsStatus = 'active' | 'conservation' | 'inactive';

/** A person's coverage as the case knows it (the truth the simulated portals answer from). */
export interface Coverage {
  kind: PayerKind;
  /** IMSS social security number (NSS), 11 digits. */
  nss?: string;
  /** IMSS rights state. */
  status?: ImssRightsStatus;
  /** IMSS: assigned family-medicine unit (UMF) number. */
  umf?: number;
  /** IMSS conservation: days since the last contribution (0-56 keeps rights). */
  daysSinceLastContribution?: number;
  /** ISSSTE, PEMEX, SEDENA, SEMAR: the affiliation number on their card. */
  affiliation?: string;
  /** Private insurance: insurer name (GNP, MetLife, AXA, Seguros Monterrey New York Life, Atlas...). */
  insurer?: string;
  policy?: string;
  inForce?: boolean;
  inNetwork?: boolean;
  /** Amounts in MXN pesos. */
  deductible?: number;
  /** Coinsurance as a fraction, 0.1 for 10%. */
  coinsurance?: number;
  /** Cap on the coinsurance share, MXN. */
  cap?: number;
}

export type DocumentKind =
  | 'ine'
  | 'passport'
  | 'curp-certificate'
  | 'birth-certificate'
  | 'imss-card'
  | 'issste-card'
  | 'insurance-card'
  | 'authorization-letter'
  | 'referral'
  | 'prescription'
  | 'tax-certificate';

/** A document a person hands over. Its fields may differ from the truth on purpose. */
export interface PersonDocument {
  kind: DocumentKind;
  name?: PersonName;
  curp?: string;
  birth?: IsoDate;
  sex?: Sex;
  address?: string;
  nss?: string;
  insurer?: string;
  policy?: string;
  rfc?: string;
  /** Tax certificate: fiscal postal code and regime code (e.g. 605, 612, 616). */
  postalCode?: string;
  regime?: string;
  expires?: IsoDate;
  /** Free text on the document (a referral's reason, a prescription). */
  note?: LocalizedText;
}

export type Mood = 'calm' | 'anxious' | 'upset' | 'angry' | 'in-pain' | 'confused';
export type ContactChannel = 'phone' | 'sms' | 'whatsapp' | 'email';

/** A person in a case: the patient, a guardian, a caller. */
export interface Person {
  /** Key of the person in the case (patient, guardian, caller...). */
  id: string;
  name: PersonName;
  birth: IsoDate;
  sex: Sex;
  /** Two-letter CURP state code, NE for born abroad. */
  birthState: string;
  curp?: string;
  rfc?: string;
  phone?: string;
  email?: string;
  address?: string;
  /** ISO 639-3 style code of the language spoken: es, nah (Náhuatl), tzo (Tsotsil), tzh (Tseltal), yua (Maya)... */
  language: string;
  /** Whether the person also speaks Spanish (false: an interpreter is needed). */
  speaksSpanish?: boolean;
  coverage?: Coverage;
  documents: PersonDocument[];
  mood?: Mood;
  /** Id of the person who is this one's guardian (minors). */
  guardian?: string;
  /** Relation to the patient (for guardians and callers): madre, padre, hijo... */
  relation?: string;
  preferredChannel?: ContactChannel;
}

export type Specialty = 'general' | 'pediatrics' | 'cardiology' | 'gynecology';
export type ClinicKind = 'imss-umf' | 'imss-bienestar' | 'private' | 'issste';
export type Region = 'urban' | 'rural';

/** A doctor's working block on a weekday (0 Sunday ... 6 Saturday). */
export interface WorkBlock {
  day: number;
  start: ClockTime;
  end: ClockTime;
}

export interface Doctor {
  id: string;
  name: string;
  specialty: Specialty;
  blocks: WorkBlock[];
}

export interface VisitType {
  id: string;
  name: LocalizedText;
  minutes: number;
}

export type RoomStatus = 'ready' | 'dirty' | 'in-use' | 'cleaning';

export interface Room {
  id: string;
  name: string;
  specialty: Specialty;
  status?: RoomStatus;
  /** An isolation room (infectious patients): cleaned last in a round, after every other room. */
  isolation?: boolean;
}

/** IMSS appointment kinds: previa (12 h or more ahead), concertada (same day), espontánea (walk-in). */
export type ImssAppointmentKind = 'previa' | 'concertada' | 'espontanea';

export interface Appointment {
  id: string;
  doctorId: string;
  /** Id of the case person the appointment is for, when the appointment belongs to someone in the case. */
  patientId?: string;
  patientName: string;
  date: IsoDate;
  start: ClockTime;
  minutes: number;
  visitType: string;
  kind?: ImssAppointmentKind;
  status?: 'booked' | 'cancelled' | 'no-show' | 'arrived';
}

export interface Clinic {
  id: string;
  name: string;
  kind: ClinicKind;
  region: Region;
  state: string;
  city: string;
  address: string;
  /** IMSS UMF number, when kind is imss-umf. */
  umf?: number;
  hours: { days: number[]; open: ClockTime; close: ClockTime };
  doctors: Doctor[];
  visitTypes: VisitType[];
  rooms: Room[];
  appointments: Appointment[];
}
