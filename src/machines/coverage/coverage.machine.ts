import { assertEvent, assign, setup, type SnapshotFrom } from 'xstate';
import { checkCurp } from '../../domain/curp';
import { foldCode } from '../../domain/fold';
import { checkNss } from '../../domain/nss';
import { refusalOf } from '../workflow';
import type { CoverageEvent, CoverageEventType } from './events';
import { defaultImssPortal, defaultInsurerPortal } from './portals';
import { hasLetter, refusal, serviceKindOf } from './rules';
import { CARD_PAYERS, type CoverageContext, type CoverageInput, type ImssPortal, type ImssScreen, type InsurerPortal, type PortalFacts } from './types';

// The coverage-verification screen as a chart. Events arrive parsed (see `accept` in
// definition.ts): the guards and actions trust their parameters and only narrow the type.

const step = (c: CoverageContext) => c.history.length;
const accept = (c: CoverageContext, type: CoverageEventType) => ({ history: [...c.history, type], refusal: null });
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
  assertEvent(event, 'coverage.lookupImss');
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
  assertEvent(event, 'coverage.lookupPolicy');
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
    payerIsImss: ({ event }) => {
      assertEvent(event, 'coverage.identifyPayer');
      return event.kind === 'imss';
    },
    payerHasCard: ({ event }) => {
      assertEvent(event, 'coverage.identifyPayer');
      return CARD_PAYERS.includes(event.kind);
    },
    payerIsBienestar: ({ event }) => {
      assertEvent(event, 'coverage.identifyPayer');
      return event.kind === 'imss-bienestar';
    },
    payerIsInsurer: ({ event }) => {
      assertEvent(event, 'coverage.identifyPayer');
      return event.kind === 'private';
    },
    imssDown: ({ context }) => context.imss.lookups.at(-1)?.answer?.result === 'down',
    imssAnswered: ({ context }) => context.imss.lookups.at(-1)?.answer != null,
    policyDown: ({ context }) => context.insurer.answer?.result === 'down',
    canComplete: ({ context, event }) => {
      assertEvent(event, 'coverage.complete');
      return (context.payer !== null || event.route === 'emergency');
    },
    quoteGiven: ({ context }) => context.quote !== null,
  },
  actions: {
    /** Provided: the IMSS rights portal (swap with `withCoveragePortals`). */
    askImssPortal: assign(({ context, event }) => imssLookupUpdate(defaultImssPortal, context, event)),
    /** Provided: the insurer's policy portal (swap with `withCoveragePortals`). */
    askInsurerPortal: assign(({ context, event }) => policyLookupUpdate(defaultInsurerPortal, context, event)),
    recordPayer: assign(({ context, event }) => {
      assertEvent(event, 'coverage.identifyPayer');
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
      assertEvent(event, 'coverage.checkCard');
      if (context.payer === null) return {};
      const cov = context.given.patient.coverage;
      const valid = cov?.kind === context.payer && cov.affiliation !== undefined && foldCode(cov.affiliation) === foldCode(event.affiliation);
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
      assertEvent(event, 'coverage.offerAlternative');
      return { ...accept(context, event.type), alternativeOffered: { option: event.option, step: step(context) } };
    }),
    recordUmfReferral: assign(({ context, event }) => {
      assertEvent(event, 'coverage.referToUmf');
      return { ...accept(context, event.type), imss: { ...context.imss, umfReferral: { umf: event.umf, step: step(context) } } };
    }),
    recordQuote: assign(({ context, event }) => {
      assertEvent(event, 'coverage.quoteShare');
      return { ...accept(context, event.type), quote: { amount: event.amount, step: step(context) } };
    }),
    markInformed: assign(({ context, event }) => ({
      ...accept(context, event.type),
      informed: context.quote ? { amount: context.quote.amount, step: step(context) } : context.informed,
    })),
    markSentToCare: assign(({ context, event }) => ({ ...accept(context, event.type), sentToCare: context.sentToCare ?? { step: step(context) } })),
    recordCompletion: assign(({ context, event }) => {
      assertEvent(event, 'coverage.complete');
      return { ...accept(context, event.type), completion: { route: event.route, step: step(context) } };
    }),
    refuseIdentifyFirst: assign({ refusal: ({ event }) => refusalOf(event.type, refusal.identifyFirst) }),
    refuseWrongScreen: assign({ refusal: ({ event }) => refusalOf(event.type, refusal.wrongScreen) }),
    refuseNothingToInform: assign({ refusal: ({ event }) => refusalOf(event.type, refusal.nothingToInform) }),
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
    refusal: null,
    history: [],
  }),
  initial: 'active',
  states: {
    active: {
      initial: 'identifying',
      on: {
        'coverage.identifyPayer': [
          { guard: 'payerIsImss', target: '.imss', actions: 'recordPayer' },
          { guard: 'payerHasCard', target: '.institution', actions: 'recordPayer' },
          { guard: 'payerIsBienestar', target: '.bienestar', actions: 'recordPayer' },
          { guard: 'payerIsInsurer', target: '.insurer', actions: 'recordPayer' },
          { target: '.selfPay', actions: 'recordPayer' },
        ],
        // Reached only when the current screen does not offer the action.
        'coverage.lookupImss': [{ actions: 'refuseWrongScreen' }],
        'coverage.checkCard': [{ actions: 'refuseWrongScreen' }],
        'coverage.lookupPolicy': [{ actions: 'refuseWrongScreen' }],
        'coverage.recordAuthorization': { actions: 'refuseWrongScreen' },
        'coverage.requestAuthorization': { actions: 'refuseWrongScreen' },
        'coverage.askForConstancia': { actions: 'refuseWrongScreen' },
        'coverage.explainConservation': { actions: 'refuseWrongScreen' },
        'coverage.referToUmf': [{ actions: 'refuseWrongScreen' }],
        'coverage.offerAlternative': [
          { actions: 'recordAlternative' },
        ],
        'coverage.quoteShare': [{ actions: 'recordQuote' }],
        'coverage.informPatient': [
          { guard: 'quoteGiven', actions: 'markInformed' },
          { actions: 'refuseNothingToInform' },
        ],
        'coverage.sendToCareNow': { actions: 'markSentToCare' },
        'coverage.complete': [
          { guard: 'canComplete', target: 'completed', actions: 'recordCompletion' },
          { actions: 'refuseIdentifyFirst' },
        ],
      },
      states: {
        /** Who pays is not known yet. */
        identifying: {
          on: {
            'coverage.lookupImss': [
              { actions: 'refuseIdentifyFirst' },
            ],
            'coverage.checkCard': [
              { actions: 'refuseIdentifyFirst' },
            ],
            'coverage.lookupPolicy': [
              { actions: 'refuseIdentifyFirst' },
            ],
          },
        },
        /** IMSS: "vigencia de derechos" with CURP and NSS. */
        imss: {
          initial: 'awaitingLookup',
          on: {
            'coverage.lookupImss': [
              { target: '.consulting', actions: 'askImssPortal' },
            ],
            'coverage.explainConservation': { actions: 'markConservationExplained' },
            'coverage.referToUmf': [
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
