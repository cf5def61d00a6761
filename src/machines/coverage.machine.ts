import { assign, setup, type SnapshotFrom } from 'xstate';
import { z } from 'zod';
import {
  careMayWaitForCoverage,
  explainImssStatus,
  imssConservationEnd,
  imssRightsStatus,
  IMSS_MIN_WEEKS_FOR_CONSERVATION,
  needsPriorAuthorization,
  patientShare,
  priorAuthorizationRule,
  type ClaimRoute,
  type ServiceKind,
} from '../domain/coverage';
import { checkCurp } from '../domain/curp';
import { checkNss } from '../domain/nss';
import { t, type LocalizedText, type Problem } from '../domain/text';
import type { Clinic, ClinicKind, Coverage, ImssRightsStatus, IsoDate, PayerKind, Person } from '../domain/types';
import type { Observation, ServiceStates, WorkflowCase, WorkflowDefinition, WorkflowEventSpec } from './workflow';
import { isValidated } from './workflow';

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

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[\s.-]+/g, '');

/**
 * IMSS rights of a coverage: its recorded status, else derived from the days since the last
 * contribution (assuming the 8 weekly contributions conservation needs, since cases rarely say).
 */
export function imssStatusOf(coverage: Coverage): ImssRightsStatus {
  if (coverage.status) return coverage.status;
  const days = coverage.daysSinceLastContribution;
  if (days === undefined || days < 0) return 'active';
  return imssRightsStatus({ employed: false, daysSinceLastContribution: days, weeksContributed: IMSS_MIN_WEEKS_FOR_CONSERVATION });
}

/** The default IMSS portal: answers from the patient's coverage; down when the scenario says so. */
export const defaultImssPortal: ImssPortal = (request, facts) => {
  if (facts.services.imssPortal === 'down') return { result: 'down' };
  const cov = facts.patient.coverage;
  if (cov?.kind !== 'imss' || !cov.nss || !facts.patient.curp) return { result: 'not-found' };
  if (norm(request.nss) !== norm(cov.nss) || norm(request.curp) !== norm(facts.patient.curp)) return { result: 'not-found' };
  const status = imssStatusOf(cov);
  const days = cov.daysSinceLastContribution;
  const conservation = status === 'conservation' && days !== undefined ? { daysSinceLastContribution: days, today: facts.today } : undefined;
  return {
    result: 'found',
    status,
    ...(cov.umf !== undefined ? { umf: cov.umf } : {}),
    ...(conservation ? { conservationUntil: imssConservationEnd(facts.today, conservation.daysSinceLastContribution) } : {}),
    explanation: explainImssStatus(status, conservation),
  };
};

/** The default insurer portal: answers from the patient's private coverage. */
export const defaultInsurerPortal: InsurerPortal = (request, facts) => {
  if (facts.services.insurerPortal === 'down') return { result: 'down' };
  const cov = facts.patient.coverage;
  if (cov?.kind !== 'private' || !cov.insurer || !cov.policy) return { result: 'not-found' };
  if (norm(request.insurer) !== norm(cov.insurer) || norm(request.policy) !== norm(cov.policy)) return { result: 'not-found' };
  const inNetwork = cov.inNetwork ?? true;
  const rule = priorAuthorizationRule({ payer: 'private', service: facts.serviceKind, inNetwork });
  return {
    result: 'found',
    insurer: cov.insurer,
    inForce: cov.inForce ?? true,
    inNetwork,
    deductible: cov.deductible ?? 0,
    coinsurance: cov.coinsurance ?? 0,
    ...(cov.cap !== undefined ? { cap: cov.cap } : {}),
    priorAuthorization: rule.required,
    routes: rule.routes,
    explanation: rule.explanation,
  };
};

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
  /** Why the last action was refused; null after an accepted one. */
  lastError: Problem | null;
  /** Types of the accepted events, in order. */
  history: string[];
}

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

const PAYER_KINDS = ['imss', 'issste', 'imss-bienestar', 'pemex', 'sedena', 'semar', 'private', 'none'] as const satisfies readonly PayerKind[];

/** Parameters of every coverage event (the event object without `type`). */
export const coverageEventParams = {
  'coverage.identifyPayer': z.object({ kind: z.enum(PAYER_KINDS) }).strict(),
  'coverage.lookupImss': z.object({ curp: z.string().max(40), nss: z.string().max(40) }).strict(),
  'coverage.checkCard': z.object({ affiliation: z.string().max(40) }).strict(),
  'coverage.lookupPolicy': z.object({ insurer: z.string().max(80), policy: z.string().max(60) }).strict(),
  'coverage.recordAuthorization': z.object({}).strict(),
  'coverage.requestAuthorization': z.object({}).strict(),
  'coverage.askForConstancia': z.object({}).strict(),
  'coverage.explainConservation': z.object({}).strict(),
  'coverage.offerAlternative': z.object({ option: z.enum(['imss-bienestar', 'self-pay']) }).strict(),
  'coverage.referToUmf': z.object({ umf: z.number().int().min(1).max(9999) }).strict(),
  'coverage.quoteShare': z.object({ amount: z.number().min(0).max(100_000_000) }).strict(),
  'coverage.informPatient': z.object({}).strict(),
  'coverage.sendToCareNow': z.object({}).strict(),
  'coverage.complete': z.object({ route: z.enum(COVERAGE_ROUTES) }).strict(),
} as const;

type Params = typeof coverageEventParams;
/** Every event of the coverage machine. */
// A strict empty object infers as an index signature of never, which would swallow `type`.
type ParamsOf<S extends z.ZodType> = string extends keyof z.infer<S> ? Record<never, never> : z.infer<S>;
export type CoverageEvent = { [K in keyof Params]: { type: K } & ParamsOf<Params[K]> }[keyof Params];
export type CoverageEventType = CoverageEvent['type'];

// ---------------------------------------------------------------------------------------------
// Truth helpers (used by the observations and the UI's debrief)
// ---------------------------------------------------------------------------------------------

const PUBLIC_CLINICS: readonly ClinicKind[] = ['imss-umf', 'imss-bienestar', 'issste'];

/** The payer kind service as the coverage rules name it. */
export function serviceKindOf(v: Pick<CoverageVisit, 'service' | 'urgent'>): ServiceKind {
  if (v.urgent) return 'emergency';
  return v.service === 'procedure' ? 'scheduled-procedure' : v.service === 'hospital' ? 'hospitalization' : 'consultation';
}

/** Whether the case is an emergency that must not wait for coverage. */
export const isEmergency = (v: Pick<CoverageVisit, 'urgent' | 'obstetric'>): boolean =>
  !careMayWaitForCoverage({ urgent: v.urgent, obstetric: v.obstetric });

const truthKind = (c: CoverageContext): PayerKind => c.given.patient.coverage?.kind ?? 'none';

/** Payers a trainee may rightly identify: the person's own; none/IMSS-Bienestar are one at a Bienestar unit. */
export function expectedPayers(c: CoverageContext): PayerKind[] {
  const kind = truthKind(c);
  if (c.given.clinic.kind === 'imss-bienestar' && (kind === 'none' || kind === 'imss-bienestar')) return ['none', 'imss-bienestar'];
  return [kind];
}

const hasLetter = (p: Person) => p.documents.some((d) => d.kind === 'authorization-letter');

/** Whether the truth needs an authorisation letter for the requested service. */
export function authorizationNeeded(c: CoverageContext): boolean {
  const cov = c.given.patient.coverage;
  return cov?.kind === 'private' && needsPriorAuthorization({ payer: 'private', service: serviceKindOf(c.visit), inNetwork: cov.inNetwork ?? true });
}

/** What the patient pays at the desk (MXN), from the truth of the case. */
export function expectedShare(c: CoverageContext): number {
  const { patient, clinic } = c.given;
  const { bill } = c.visit;
  const cov = patient.coverage;
  const kind = truthKind(c);
  const publicClinic = PUBLIC_CLINICS.includes(clinic.kind);
  if (kind === 'private' && cov) {
    const inForce = cov.inForce ?? true;
    const inNetwork = cov.inNetwork ?? true;
    if (!inForce || !inNetwork || (authorizationNeeded(c) && !hasLetter(patient))) return bill;
    try {
      return patientShare({ bill, deductible: cov.deductible ?? 0, coinsurance: cov.coinsurance ?? 0, ...(cov.cap !== undefined ? { cap: cov.cap } : {}) }).patient;
    } catch {
      return bill;
    }
  }
  if (!publicClinic) return bill;
  if (kind === 'imss' && cov && imssStatusOf(cov) === 'inactive') return bill;
  return 0;
}

/** Routes that close the case correctly, from the truth. */
export function expectedRoutes(c: CoverageContext): CoverageRoute[] {
  if (isEmergency(c.visit)) return ['emergency'];
  const { patient, clinic } = c.given;
  const cov = patient.coverage;
  const kind = truthKind(c);
  if (kind === 'private' && cov) {
    if (!(cov.inForce ?? true)) return ['cash'];
    if (!(cov.inNetwork ?? true) || (authorizationNeeded(c) && !hasLetter(patient))) return ['reimbursement'];
    return ['direct'];
  }
  if (!PUBLIC_CLINICS.includes(clinic.kind)) return ['cash'];
  if (kind === 'imss' && cov && imssStatusOf(cov) === 'inactive') return ['public', 'cash'];
  return ['public'];
}

/** The patient's assigned UMF when it is not this clinic (an IMSS unit); undefined otherwise. */
export function otherAssignedUmf(c: CoverageContext): number | undefined {
  const { patient, clinic } = c.given;
  const cov = patient.coverage;
  if (cov?.kind !== 'imss' || cov.umf === undefined || clinic.kind !== 'imss-umf' || clinic.umf === undefined) return undefined;
  return cov.umf === clinic.umf ? undefined : cov.umf;
}

const problem = (code: string, message: LocalizedText): Problem => ({ code, severity: 'error', message });

const refusal = {
  malformed: problem('coverage.malformed', t('Datos de la acción no válidos.', 'Invalid action data.')),
  identifyFirst: problem('coverage.identifyFirst', t('Primero identifique quién paga.', 'First identify who pays.')),
  wrongScreen: problem('coverage.wrongScreen', t('Esa acción no corresponde al pagador elegido.', 'That action does not apply to the chosen payer.')),
  nothingToInform: problem('coverage.nothingToInform', t('Primero calcule la parte que paga el paciente.', 'First work out the patient’s share.')),
};

// ---------------------------------------------------------------------------------------------
// The machine
// ---------------------------------------------------------------------------------------------

/** Whether an event's parameters satisfy its schema. */
export function isWellFormed(event: CoverageEvent): boolean {
  if (isValidated(event)) return true;
  const schema = coverageEventParams[event.type] as z.ZodType | undefined;
  if (!schema) return false;
  const { type: _type, ...params } = event;
  return schema.safeParse(params).success;
}

const step = (c: CoverageContext) => c.history.length;
const accept = (c: CoverageContext, type: CoverageEventType) => ({ history: [...c.history, type], lastError: null });
const factsOf = ({ given, visit }: CoverageContext): PortalFacts => ({
  patient: given.patient,
  services: given.services,
  today: given.today,
  serviceKind: serviceKindOf(visit),
});

/** The IMSS screen with its answer and format problems cleared (itself when already clear). */
const clearImssScreen = (imss: ImssScreen): ImssScreen =>
  imss.answer === null && imss.problems.length === 0 ? imss : { ...imss, answer: null, problems: [] };

/** Context update for an IMSS lookup: the portal refuses a malformed CURP or NSS, else answers. */
function imssLookupUpdate(portal: ImssPortal, context: CoverageContext, event: CoverageEvent): Partial<CoverageContext> {
  if (event.type !== 'coverage.lookupImss') return {};
  const problems = [
    ...checkCurp(event.curp, { today: context.given.today }).problems.filter((p) => p.severity === 'error'),
    ...checkNss(event.nss).problems.filter((p) => p.severity === 'error'),
  ];
  const answer = problems.length > 0 ? null : portal({ curp: event.curp, nss: event.nss }, factsOf(context));
  const imss = context.imss;
  return {
    ...accept(context, event.type),
    imss: {
      ...imss,
      problems,
      answer: answer ?? imss.answer,
      lookups: [...imss.lookups, { curp: event.curp, nss: event.nss, answer, step: step(context) }],
    },
  };
}

/** Context update for a policy lookup on the insurer's portal. */
function policyLookupUpdate(portal: InsurerPortal, context: CoverageContext, event: CoverageEvent): Partial<CoverageContext> {
  if (event.type !== 'coverage.lookupPolicy') return {};
  const answer = portal({ insurer: event.insurer, policy: event.policy }, factsOf(context));
  const insurer = context.insurer;
  return {
    ...accept(context, event.type),
    insurer: { ...insurer, answer, lookups: [...insurer.lookups, { insurer: event.insurer, policy: event.policy, answer, step: step(context) }] },
  };
}

/** The coverage-verification screen as a state machine. */
export const coverageMachine = setup({
  types: {
    context: {} as CoverageContext,
    events: {} as CoverageEvent,
    input: {} as CoverageInput,
  },
  guards: {
    /** The event's parameters break its schema (the engine validates first; this keeps replays safe). */
    malformed: ({ event }) => !isWellFormed(event),
    payerIsImss: ({ event }) => event.type === 'coverage.identifyPayer' && event.kind === 'imss',
    payerHasCard: ({ event }) => event.type === 'coverage.identifyPayer' && CARD_PAYERS.includes(event.kind),
    payerIsBienestar: ({ event }) => event.type === 'coverage.identifyPayer' && event.kind === 'imss-bienestar',
    payerIsInsurer: ({ event }) => event.type === 'coverage.identifyPayer' && event.kind === 'private',
    imssDown: ({ context }) => context.imss.lookups.at(-1)?.answer?.result === 'down',
    imssAnswered: ({ context }) => context.imss.lookups.at(-1)?.answer != null,
    policyDown: ({ context }) => context.insurer.answer?.result === 'down',
    canComplete: ({ context, event }) => event.type === 'coverage.complete' && (context.payer !== null || event.route === 'emergency'),
    quoteGiven: ({ context }) => context.quote !== null,
  },
  actions: {
    /** Provided: the IMSS rights portal (swap with `withCoveragePortals`). */
    askImssPortal: assign(({ context, event }) => imssLookupUpdate(defaultImssPortal, context, event)),
    /** Provided: the insurer's policy portal (swap with `withCoveragePortals`). */
    askInsurerPortal: assign(({ context, event }) => policyLookupUpdate(defaultInsurerPortal, context, event)),
    recordPayer: assign(({ context, event }) => {
      if (event.type !== 'coverage.identifyPayer') return {};
      return {
        ...accept(context, event.type),
        payer: event.kind,
        payerIdentifications: [...context.payerIdentifications, { kind: event.kind, step: step(context) }],
        // A new payer clears the portal answers on screen; what was done there stays recorded.
        imss: clearImssScreen(context.imss),
        insurer: context.insurer.answer === null ? context.insurer : { ...context.insurer, answer: null },
        cardCheck: null,
      };
    }),
    compareCard: assign(({ context, event }) => {
      if (event.type !== 'coverage.checkCard' || context.payer === null) return {};
      const cov = context.given.patient.coverage;
      const valid = cov?.kind === context.payer && cov.affiliation !== undefined && norm(cov.affiliation) === norm(event.affiliation);
      return { ...accept(context, event.type), cardCheck: { payer: context.payer, affiliation: event.affiliation, valid, step: step(context) } };
    }),
    recordAuthorization: assign(({ context, event }) => ({
      ...accept(context, event.type),
      insurer: { ...context.insurer, authorization: { letterOnFile: hasLetter(context.given.patient), step: step(context) } },
    })),
    markAuthorizationRequested: assign(({ context, event }) => ({
      ...accept(context, event.type),
      insurer: { ...context.insurer, authorizationRequested: { step: step(context) } },
    })),
    markConstanciaRequested: assign(({ context, event }) => ({
      ...accept(context, event.type),
      imss: { ...context.imss, constanciaRequested: { step: step(context) } },
    })),
    markConservationExplained: assign(({ context, event }) => ({
      ...accept(context, event.type),
      imss: { ...context.imss, conservationExplained: { step: step(context) } },
    })),
    recordAlternative: assign(({ context, event }) => {
      if (event.type !== 'coverage.offerAlternative') return {};
      return { ...accept(context, event.type), alternativeOffered: { option: event.option, step: step(context) } };
    }),
    recordUmfReferral: assign(({ context, event }) => {
      if (event.type !== 'coverage.referToUmf') return {};
      return { ...accept(context, event.type), imss: { ...context.imss, umfReferral: { umf: event.umf, step: step(context) } } };
    }),
    recordQuote: assign(({ context, event }) => {
      if (event.type !== 'coverage.quoteShare') return {};
      return { ...accept(context, event.type), quote: { amount: event.amount, step: step(context) } };
    }),
    markInformed: assign(({ context, event }) => ({
      ...accept(context, event.type),
      informed: context.quote ? { amount: context.quote.amount, step: step(context) } : context.informed,
    })),
    markSentToCare: assign(({ context, event }) => ({ ...accept(context, event.type), sentToCare: context.sentToCare ?? { step: step(context) } })),
    recordCompletion: assign(({ context, event }) => {
      if (event.type !== 'coverage.complete') return {};
      return { ...accept(context, event.type), completion: { route: event.route, step: step(context) } };
    }),
    refuseMalformed: assign({ lastError: refusal.malformed }),
    refuseIdentifyFirst: assign({ lastError: refusal.identifyFirst }),
    refuseWrongScreen: assign({ lastError: refusal.wrongScreen }),
    refuseNothingToInform: assign({ lastError: refusal.nothingToInform }),
  },
}).createMachine({
  id: 'coverage',
  context: ({ input }) => ({
    given: { patient: input.patient, people: input.people, clinic: input.clinic, today: input.today, services: input.services },
    visit: { service: input.service ?? 'consultation', bill: input.bill ?? 0, urgent: input.urgent ?? false, obstetric: input.obstetric ?? false },
    payer: null,
    payerIdentifications: [],
    imss: { lookups: [], answer: null, problems: [], constanciaRequested: null, conservationExplained: null, umfReferral: null },
    cardCheck: null,
    insurer: { lookups: [], answer: null, authorization: null, authorizationRequested: null },
    alternativeOffered: null,
    quote: null,
    informed: null,
    sentToCare: null,
    completion: null,
    lastError: null,
    history: [],
  }),
  initial: 'active',
  states: {
    active: {
      initial: 'identifying',
      on: {
        'coverage.identifyPayer': [
          { guard: 'malformed', actions: 'refuseMalformed' },
          { guard: 'payerIsImss', target: '.imss', actions: 'recordPayer' },
          { guard: 'payerHasCard', target: '.institution', actions: 'recordPayer' },
          { guard: 'payerIsBienestar', target: '.bienestar', actions: 'recordPayer' },
          { guard: 'payerIsInsurer', target: '.insurer', actions: 'recordPayer' },
          { target: '.selfPay', actions: 'recordPayer' },
        ],
        // Reached only when the current screen does not offer the action.
        'coverage.lookupImss': [{ guard: 'malformed', actions: 'refuseMalformed' }, { actions: 'refuseWrongScreen' }],
        'coverage.checkCard': [{ guard: 'malformed', actions: 'refuseMalformed' }, { actions: 'refuseWrongScreen' }],
        'coverage.lookupPolicy': [{ guard: 'malformed', actions: 'refuseMalformed' }, { actions: 'refuseWrongScreen' }],
        'coverage.recordAuthorization': { actions: 'refuseWrongScreen' },
        'coverage.requestAuthorization': { actions: 'refuseWrongScreen' },
        'coverage.askForConstancia': { actions: 'refuseWrongScreen' },
        'coverage.explainConservation': { actions: 'refuseWrongScreen' },
        'coverage.referToUmf': [{ guard: 'malformed', actions: 'refuseMalformed' }, { actions: 'refuseWrongScreen' }],
        'coverage.offerAlternative': [
          { guard: 'malformed', actions: 'refuseMalformed' },
          { actions: 'recordAlternative' },
        ],
        'coverage.quoteShare': [{ guard: 'malformed', actions: 'refuseMalformed' }, { actions: 'recordQuote' }],
        'coverage.informPatient': [
          { guard: 'quoteGiven', actions: 'markInformed' },
          { actions: 'refuseNothingToInform' },
        ],
        'coverage.sendToCareNow': { actions: 'markSentToCare' },
        'coverage.complete': [
          { guard: 'malformed', actions: 'refuseMalformed' },
          { guard: 'canComplete', target: 'completed', actions: 'recordCompletion' },
          { actions: 'refuseIdentifyFirst' },
        ],
      },
      states: {
        /** Who pays is not known yet. */
        identifying: {
          on: {
            'coverage.lookupImss': [
              { guard: 'malformed', actions: 'refuseMalformed' },
              { actions: 'refuseIdentifyFirst' },
            ],
            'coverage.checkCard': [
              { guard: 'malformed', actions: 'refuseMalformed' },
              { actions: 'refuseIdentifyFirst' },
            ],
            'coverage.lookupPolicy': [
              { guard: 'malformed', actions: 'refuseMalformed' },
              { actions: 'refuseIdentifyFirst' },
            ],
          },
        },
        /** IMSS: "vigencia de derechos" with CURP and NSS. */
        imss: {
          initial: 'awaitingLookup',
          on: {
            'coverage.lookupImss': [
              { guard: 'malformed', actions: 'refuseMalformed' },
              { target: '.consulting', actions: 'askImssPortal' },
            ],
            'coverage.explainConservation': { actions: 'markConservationExplained' },
            'coverage.referToUmf': [
              { guard: 'malformed', actions: 'refuseMalformed' },
              { actions: 'recordUmfReferral' },
            ],
            'coverage.askForConstancia': { actions: 'markConstanciaRequested' },
          },
          states: {
            awaitingLookup: {},
            /** Transient: routes on the portal's answer within the same step. */
            consulting: {
              always: [
                { guard: 'imssDown', target: 'portalDown' },
                { guard: 'imssAnswered', target: 'rightsShown' },
                { target: 'formatRejected' },
              ],
            },
            /** The portal refused the CURP or NSS format; problems are on screen. */
            formatRejected: {},
            rightsShown: {},
            portalDown: {},
          },
        },
        /** ISSSTE, PEMEX, SEDENA, SEMAR: the affiliation card. */
        institution: {
          initial: 'awaitingCard',
          on: {
            'coverage.checkCard': [
              { guard: 'malformed', actions: 'refuseMalformed' },
              { target: '.cardChecked', actions: 'compareCard' },
            ],
          },
          states: { awaitingCard: {}, cardChecked: {} },
        },
        /** IMSS-Bienestar: people without social security, identified by CURP. */
        bienestar: {},
        /** Private insurance: policy, network, deductible, coinsurance, authorisation. */
        insurer: {
          initial: 'awaitingLookup',
          on: {
            'coverage.lookupPolicy': [
              { guard: 'malformed', actions: 'refuseMalformed' },
              { target: '.consulting', actions: 'askInsurerPortal' },
            ],
            'coverage.recordAuthorization': { actions: 'recordAuthorization' },
            'coverage.requestAuthorization': { actions: 'markAuthorizationRequested' },
          },
          states: {
            awaitingLookup: {},
            /** Transient: routes on the portal's answer within the same step. */
            consulting: { always: [{ guard: 'policyDown', target: 'portalDown' }, { target: 'policyShown' }] },
            policyShown: {},
            portalDown: {},
          },
        },
        /** No coverage: the patient pays. */
        selfPay: {},
      },
    },
    completed: { type: 'final' },
  },
});

export type CoverageSnapshot = SnapshotFrom<typeof coverageMachine>;

/**
 * The coverage machine with other portals (a test's, or the engine's scripted ones). They must
 * answer synchronously: the snapshot holds the answer as soon as `send` returns.
 */
export function withCoveragePortals(portals: { imss?: ImssPortal; insurer?: InsurerPortal }) {
  const imss = portals.imss ?? defaultImssPortal;
  const insurer = portals.insurer ?? defaultInsurerPortal;
  return coverageMachine.provide({
    actions: {
      askImssPortal: assign(({ context, event }) => imssLookupUpdate(imss, context, event)),
      askInsurerPortal: assign(({ context, event }) => policyLookupUpdate(insurer, context, event)),
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Observations
// ---------------------------------------------------------------------------------------------

const lookupSteps = (c: CoverageContext) => [...c.imss.lookups, ...c.insurer.lookups, ...(c.cardCheck ? [c.cardCheck] : [])].map((l) => l.step);
const foundPolicy = (c: CoverageContext) =>
  c.insurer.lookups.some((l) => l.answer.result === 'found' && (c.completion === null || l.step < c.completion.step));
const truthPolicy = (c: CoverageContext) => (c.given.patient.coverage?.kind === 'private' ? c.given.patient.coverage : undefined);

/** Facts computed from a coverage snapshot; scenarios score against these ids. */
export const coverageObservations: Observation<CoverageSnapshot>[] = [
  {
    id: 'coverage.payerIdentified',
    description: t('Identificó correctamente quién paga la atención.', 'Identified correctly who pays for the visit.'),
    evaluate: ({ context: c }) => c.payer !== null && expectedPayers(c).includes(c.payer),
  },
  {
    id: 'coverage.rightsVerified',
    description: t(
      'Verificó los derechos con el medio del pagador (portal IMSS, credencial, portal de la aseguradora, o la constancia si el portal no responde).',
      'Verified the rights with the payer’s own means (IMSS portal, card, insurer portal, or the certificate when the portal is down).',
    ),
    evaluate: ({ context: c }) => {
      const kind = truthKind(c);
      if (kind === 'imss') return c.imss.lookups.some((l) => l.answer?.result === 'found') || c.imss.constanciaRequested !== null;
      if (CARD_PAYERS.includes(kind)) return c.cardCheck?.valid === true;
      if (kind === 'private') return c.insurer.lookups.some((l) => l.answer.result === 'found');
      return true;
    },
  },
  {
    id: 'coverage.wrongUmfNoticed',
    description: t(
      'Si el paciente pertenece a otra UMF, le indicó cuál es (verdadero cuando es de esta unidad).',
      'When the patient belongs to another UMF, told them which one (true when they belong here).',
    ),
    evaluate: ({ context: c }) => {
      const umf = otherAssignedUmf(c);
      return umf === undefined || c.imss.umfReferral?.umf === umf;
    },
  },
  {
    id: 'coverage.conservationExplained',
    description: t(
      'Si los derechos están en conservación, explicó hasta cuándo siguen vigentes (verdadero en otro caso).',
      'When the rights are in conservation, explained until when they last (true otherwise).',
    ),
    evaluate: ({ context: c }) => {
      const cov = c.given.patient.coverage;
      const conservation = cov?.kind === 'imss' && imssStatusOf(cov) === 'conservation';
      return !conservation || c.imss.conservationExplained !== null;
    },
  },
  {
    id: 'coverage.inactiveAlternativeOffered',
    description: t(
      'Si los derechos IMSS no están vigentes, ofreció una alternativa (IMSS-Bienestar o pago directo) (verdadero en otro caso).',
      'When the IMSS rights are inactive, offered an alternative (IMSS-Bienestar or self-pay) (true otherwise).',
    ),
    evaluate: ({ context: c }) => {
      const cov = c.given.patient.coverage;
      const inactive = cov?.kind === 'imss' && imssStatusOf(cov) === 'inactive';
      return !inactive || c.alternativeOffered !== null;
    },
  },
  {
    id: 'coverage.policyInForceChecked',
    description: t(
      'Con seguro privado, consultó la póliza antes de cerrar y no cobró a una póliza sin vigencia (verdadero sin seguro privado).',
      'With private insurance, looked the policy up before closing and did not bill a lapsed policy (true without private insurance).',
    ),
    evaluate: ({ context: c }) => {
      const cov = truthPolicy(c);
      if (!cov) return true;
      return foundPolicy(c) && ((cov.inForce ?? true) || c.completion?.route !== 'direct');
    },
  },
  {
    id: 'coverage.networkChecked',
    description: t(
      'Con seguro privado, revisó si la clínica está en red y no ofreció pago directo fuera de red (verdadero sin seguro privado).',
      'With private insurance, checked whether the clinic is in network and did not offer direct payment out of network (true without private insurance).',
    ),
    evaluate: ({ context: c }) => {
      const cov = truthPolicy(c);
      if (!cov) return true;
      return foundPolicy(c) && ((cov.inNetwork ?? true) || c.completion?.route !== 'direct');
    },
  },
  {
    id: 'coverage.priorAuthorizationHandled',
    description: t(
      'Si el servicio requiere carta de autorización, la registró o la solicitó, y no cerró con pago directo sin ella (verdadero si no se requiere).',
      'When the service needs an authorisation letter, recorded or requested it, and did not close with direct payment without it (true when not needed).',
    ),
    evaluate: ({ context: c }) => {
      if (!authorizationNeeded(c)) return true;
      const letter = c.insurer.authorization?.letterOnFile === true;
      if (c.completion?.route === 'direct' && !letter) return false;
      return letter || c.insurer.authorizationRequested !== null;
    },
  },
  {
    id: 'coverage.shareCorrect',
    description: t(
      'La cantidad que calculó para el paciente es correcta (con diferencia de un peso como máximo).',
      'The amount worked out for the patient is right (within one peso).',
    ),
    evaluate: ({ context: c }) => c.quote !== null && Math.abs(c.quote.amount - expectedShare(c)) <= 1,
  },
  {
    id: 'coverage.patientInformedOfShare',
    description: t('Informó al paciente cuánto le toca pagar.', 'Told the patient how much they have to pay.'),
    evaluate: ({ context: c }) => c.quote !== null && c.informed !== null && c.informed.step > c.quote.step,
  },
  {
    id: 'coverage.emergencyNotDelayed',
    description: t(
      'En una urgencia, pasó al paciente a atención antes de cualquier consulta de cobertura (verdadero si no es urgencia).',
      'In an emergency, sent the patient to care before any coverage lookup (true when not an emergency).',
    ),
    evaluate: ({ context: c }) => {
      if (!isEmergency(c.visit)) return true;
      const sent = c.sentToCare;
      return sent !== null && lookupSteps(c).every((s) => s > sent.step);
    },
  },
  {
    id: 'coverage.portalDownHandled',
    description: t(
      'Si un portal no respondió, siguió el procedimiento: anotarlo y pedir la constancia de vigencia (IMSS), o no prometer pago directo (aseguradora) (verdadero si no falló).',
      'When a portal was down, followed the fallback: note it and ask for the rights certificate (IMSS), or not promise direct payment (insurer) (true when none failed).',
    ),
    evaluate: ({ context: c }) => {
      const { lookups, constanciaRequested } = c.imss;
      const imssDown = lookups.find((l) => l.answer?.result === 'down');
      const imssFound = lookups.some((l) => l.answer?.result === 'found');
      if (imssDown && !imssFound && (constanciaRequested === null || constanciaRequested.step < imssDown.step)) return false;
      const policyDown = c.insurer.lookups.some((l) => l.answer.result === 'down');
      const policyFound = c.insurer.lookups.some((l) => l.answer.result === 'found');
      if (policyDown && !policyFound && c.completion?.route === 'direct') return false;
      return true;
    },
  },
  {
    id: 'coverage.routeCorrect',
    description: t('Cerró la verificación por la vía que corresponde.', 'Closed the check with the right route.'),
    evaluate: ({ context: c }) => c.completion !== null && expectedRoutes(c).includes(c.completion.route),
  },
  {
    id: 'coverage.completed',
    description: t('Terminó la verificación de cobertura.', 'Finished the coverage check.'),
    evaluate: (s) => s.matches('completed'),
  },
];

// ---------------------------------------------------------------------------------------------
// Workflow definition
// ---------------------------------------------------------------------------------------------

const spec = (params: z.ZodType, cost: number, description: LocalizedText): WorkflowEventSpec => ({ params, cost, description });
const P = coverageEventParams;

/** Event catalogue: parameters, simulated cost in seconds, description. */
export const coverageEvents: Record<CoverageEventType, WorkflowEventSpec> = {
  'coverage.identifyPayer': spec(P['coverage.identifyPayer'], 20, t(
    'Preguntar y registrar quién paga la atención.',
    'Ask and record who pays for the visit.',
  )),
  'coverage.lookupImss': spec(P['coverage.lookupImss'], 60, t(
    'Consultar la vigencia de derechos IMSS con CURP y NSS.',
    'Look up IMSS rights with CURP and NSS.',
  )),
  'coverage.checkCard': spec(P['coverage.checkCard'], 30, t(
    'Revisar la credencial de afiliación (ISSSTE, PEMEX, SEDENA, SEMAR).',
    'Check the affiliation card (ISSSTE, PEMEX, SEDENA, SEMAR).',
  )),
  'coverage.lookupPolicy': spec(P['coverage.lookupPolicy'], 90, t(
    'Consultar la póliza en el portal de la aseguradora.',
    'Look the policy up on the insurer’s portal.',
  )),
  'coverage.recordAuthorization': spec(P['coverage.recordAuthorization'], 30, t(
    'Pedir y registrar la carta de autorización de la aseguradora.',
    'Ask for and record the insurer’s authorisation letter.',
  )),
  'coverage.requestAuthorization': spec(P['coverage.requestAuthorization'], 60, t(
    'Solicitar a la aseguradora la autorización (pase) antes de programar.',
    'Ask the insurer for the authorisation ("pase") before scheduling.',
  )),
  'coverage.askForConstancia': spec(P['coverage.askForConstancia'], 30, t(
    'Anotar que el portal no responde y pedir la constancia de vigencia.',
    'Note that the portal is down and ask for the rights certificate ("constancia de vigencia").',
  )),
  'coverage.explainConservation': spec(P['coverage.explainConservation'], 45, t(
    'Explicar la conservación de derechos y hasta cuándo dura.',
    'Explain the conservation of rights and until when it lasts.',
  )),
  'coverage.offerAlternative': spec(P['coverage.offerAlternative'], 45, t(
    'Ofrecer una alternativa: IMSS-Bienestar o consulta con pago directo.',
    'Offer an alternative: IMSS-Bienestar or a self-pay visit.',
  )),
  'coverage.referToUmf': spec(P['coverage.referToUmf'], 30, t(
    'Indicar al paciente su UMF de adscripción.',
    'Tell the patient their assigned UMF.',
  )),
  'coverage.quoteShare': spec(P['coverage.quoteShare'], 60, t('Calcular la parte que paga el paciente.', 'Work out the patient’s share.')),
  'coverage.informPatient': spec(P['coverage.informPatient'], 45, t(
    'Informar al paciente la cantidad que le toca pagar.',
    'Tell the patient the amount they pay.',
  )),
  'coverage.sendToCareNow': spec(P['coverage.sendToCareNow'], 10, t(
    'Pasar al paciente a atención de inmediato (urgencia).',
    'Send the patient to care at once (emergency).',
  )),
  'coverage.complete': spec(P['coverage.complete'], 10, t(
    'Terminar la verificación con una vía de pago.',
    'Finish the check with a payment route.',
  )),
};

/** Builds the machine input from a scenario's case and the task's `with:` settings. */
export function coverageInput(c: WorkflowCase<CoverageOptions>): CoverageInput {
  const o = c.options ?? {};
  const { id, name, kind, umf } = c.clinic;
  return {
    patient: c.patient,
    people: c.people,
    clinic: { id, name, kind, ...(umf !== undefined ? { umf } : {}) },
    today: c.today,
    services: c.services,
    service: o.service ?? 'consultation',
    bill: o.bill ?? 0,
    urgent: o.urgent ?? false,
    obstetric: o.obstetric ?? false,
  };
}

/** The coverage workflow as the engine, the loader and the UI see it. */
export const coverageWorkflow: WorkflowDefinition<typeof coverageMachine, CoverageOptions> = {
  id: 'coverage',
  title: t('Verificación de cobertura', 'Coverage verification'),
  machine: coverageMachine,
  options: coverageOptionsSchema,
  input: coverageInput,
  events: coverageEvents,
  observations: coverageObservations,
  isDone: (s) => s.status === 'done',
};
