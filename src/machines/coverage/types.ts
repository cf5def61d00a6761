import { z } from 'zod';
import type { ClaimRoute, ServiceKind } from '../../domain/coverage';
import type { LocalizedText, Problem } from '../../domain/text';
import type { Clinic, ImssRightsStatus, IsoDate, PayerKind, Person } from '../../domain/types';
import type { Refusal, ServiceStates } from '../workflow';

// Verification of who pays: the trainee identifies the payer, checks rights with the payer's own
// means (IMSS portal, institutional card, insurer portal), works out and tells the patient their
// share, and closes with a route. Emergencies go to care before any paperwork. The portals are
// plain functions behind provided actions, so they answer synchronously and tests swap them.

// ---------------------------------------------------------------------------------------------
// Options and input
// ---------------------------------------------------------------------------------------------

/** The service the patient asks for, as written in scenario files. */
export const REQUESTED_SERVICES = ['consultation', 'procedure', 'hospital'] as const;
export type RequestedService = (typeof REQUESTED_SERVICES)[number];

/** The task step's `with:` settings. */
export const coverageOptionsSchema = z
  .object({
    /** What the patient comes for; default consultation. */
    service: z.enum(REQUESTED_SERVICES).optional(),
    /** Amount of the bill in MXN; default 0 (a visit without charge, as at a public unit). */
    bill: z.number().min(0).max(100_000_000).optional(),
    /** The case is an emergency (care before coverage); default false. */
    urgent: z.boolean().optional(),
    /** The case is obstetric; default false. */
    obstetric: z.boolean().optional(),
  })
  .strict();
export type CoverageOptions = z.infer<typeof coverageOptionsSchema>;

/** The clinic facts the coverage screen needs. */
export type CoverageClinic = Pick<Clinic, 'id' | 'name' | 'kind' | 'umf'>;

/** What the machine starts from. */
export interface CoverageInput {
  patient: Person;
  people: Record<string, Person>;
  clinic: CoverageClinic;
  today: IsoDate;
  services: ServiceStates;
  service?: RequestedService;
  bill?: number;
  urgent?: boolean;
  obstetric?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Portal answers
// ---------------------------------------------------------------------------------------------

/** The IMSS rights portal's answer ("vigencia de derechos"). */
export type ImssPortalAnswer =
  | { result: 'down' }
  | { result: 'not-found' }
  | {
      result: 'found';
      status: ImssRightsStatus;
      /** Assigned family-medicine unit. */
      umf?: number;
      /** Last day of conserved rights (conservation only). */
      conservationUntil?: IsoDate;
      /** What the desk does next, as the portal screen would hint. */
      explanation: LocalizedText;
    };

/** A private insurer portal's answer for a policy. */
export type PolicyPortalAnswer =
  | { result: 'down' }
  | { result: 'not-found' }
  | {
      result: 'found';
      insurer: string;
      inForce: boolean;
      inNetwork: boolean;
      deductible: number;
      coinsurance: number;
      cap?: number;
      /** Whether the requested service needs an authorisation letter first. */
      priorAuthorization: boolean;
      routes: ClaimRoute[];
      explanation: LocalizedText;
    };

/** What a simulated portal may read: the case's truth and the service states. */
export interface PortalFacts {
  patient: Person;
  services: ServiceStates;
  today: IsoDate;
  serviceKind: ServiceKind;
}

/** A simulated IMSS rights portal: must answer synchronously. */
export type ImssPortal = (request: { curp: string; nss: string }, facts: PortalFacts) => ImssPortalAnswer;
/** A simulated insurer policy portal: must answer synchronously. */
export type InsurerPortal = (request: { insurer: string; policy: string }, facts: PortalFacts) => PolicyPortalAnswer;

// ---------------------------------------------------------------------------------------------
// Context
// ---------------------------------------------------------------------------------------------

/** Ways a coverage check ends. */
export const COVERAGE_ROUTES = ['direct', 'reimbursement', 'cash', 'public', 'emergency'] as const;
export type CoverageRoute = (typeof COVERAGE_ROUTES)[number];

/** Payers served by an institution's card (no online check in the simulator). */
export const CARD_PAYERS: readonly PayerKind[] = ['issste', 'pemex', 'sedena', 'semar'];

/** The case's facts the check works on: the truth the portals answer from; never changed. */
export interface CoverageGiven {
  /** The patient, with their real coverage and the documents they carry. */
  patient: Person;
  /** Everyone in the case by id (companions, the policy holder). */
  people: Record<string, Person>;
  /** The clinic whose desk does the check. */
  clinic: CoverageClinic;
  /** The simulated date. */
  today: IsoDate;
  /** Which outside services (the portals) are up or down. */
  services: ServiceStates;
}

/** What the patient comes for, from the task's settings (defaults applied); never changed. */
export interface CoverageVisit {
  /** The service requested. */
  service: RequestedService;
  /** Amount of the bill in MXN. */
  bill: number;
  /** The case is an emergency. */
  urgent: boolean;
  /** The case is obstetric. */
  obstetric: boolean;
}

/** The IMSS rights screen: its lookups, the answer on screen and the IMSS-only steps taken there. */
export interface ImssScreen {
  /** Every IMSS lookup: what was typed, the answer (null when the portal refused the format). */
  lookups: { curp: string; nss: string; answer: ImssPortalAnswer | null; step: number }[];
  /** The IMSS portal answer on screen (cleared when the payer changes). */
  answer: ImssPortalAnswer | null;
  /** Format problems the portal showed for the last lookup (CURP, NSS). */
  problems: Problem[];
  /** Portal down: noted, and asked the patient for the "constancia de vigencia". */
  constanciaRequested: { step: number } | null;
  /** Explained the conservation of rights and until when it lasts. */
  conservationExplained: { step: number } | null;
  /** Told the patient which UMF they belong to. */
  umfReferral: { umf: number; step: number } | null;
}

/** The insurer's portal screen: its lookups, the answer on screen and the authorisation steps. */
export interface InsurerScreen {
  /** Every policy lookup: what was typed and the portal's answer. */
  lookups: { insurer: string; policy: string; answer: PolicyPortalAnswer; step: number }[];
  /** The insurer portal answer on screen (cleared when the payer changes). */
  answer: PolicyPortalAnswer | null;
  /** The authorisation letter: recorded, and whether the patient actually had one. */
  authorization: { letterOnFile: boolean; step: number } | null;
  /** Asked the insurer for an authorisation ("pase") before scheduling. */
  authorizationRequested: { step: number } | null;
}

/**
 * The coverage machine's context. Kept to at most 16 top-level keys (see context-shape.test.ts):
 * XState copies the context on every assign, and V8 turns a copied object with more than 19
 * properties into a slow dictionary; so related fields live in the small objects above.
 */
export interface CoverageContext {
  /** The case's facts (the truth portals answer from). */
  given: CoverageGiven;
  /** What the patient comes for: service, bill, urgency. */
  visit: CoverageVisit;
  /** The payer the trainee identified, as on screen. */
  payer: PayerKind | null;
  /** Every payer identification, in order (the trainee may change their mind). */
  payerIdentifications: { kind: PayerKind; step: number }[];
  /** The IMSS rights screen. */
  imss: ImssScreen;
  /** ISSSTE / PEMEX / SEDENA / SEMAR card compared with the affiliation typed. */
  cardCheck: { payer: PayerKind; affiliation: string; valid: boolean; step: number } | null;
  /** The insurer's portal screen. */
  insurer: InsurerScreen;
  /** Offered an alternative when the rights are not in force. */
  alternativeOffered: { option: 'imss-bienestar' | 'self-pay'; step: number } | null;
  /** The share the trainee worked out (MXN). */
  quote: { amount: number; step: number } | null;
  /** Told the patient the quoted share. */
  informed: { amount: number; step: number } | null;
  /** Sent the patient to care at once (emergency). */
  sentToCare: { step: number } | null;
  /** The route the check was closed with. */
  completion: { route: CoverageRoute; step: number } | null;
  /** Why the screen refused the last action (workflow.ts); null after an accepted one. */
  refusal: Refusal | null;
  /** Types of the accepted events, in order. */
  history: string[];
}
