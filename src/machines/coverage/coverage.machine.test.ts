import { getShortestPaths, getStateNodes } from '@xstate/graph';
import { createActor, type StateValue } from 'xstate';
import { t } from '../../domain/text';
import type { Clinic, Coverage, Person } from '../../domain/types';
import { gloria, makeCase, sampleClinic } from '../test-fixtures';
import type { ServiceStates } from '../workflow';
import { coverageMachine, withCoveragePortals, type CoverageSnapshot } from './coverage.machine';
import { coverageInput, coverageWorkflow } from './definition';
import { coverageEvents, type CoverageEvent } from './events';
import { coverageObservations } from './observations';
import { defaultImssPortal, imssStatusOf } from './portals';
import { expectedRoutes, expectedShare } from './rules';
import type { CoverageOptions, ImssPortal } from './types';

// ---------------------------------------------------------------------------------------------
// Arrange helpers
// ---------------------------------------------------------------------------------------------

const PRIVATE_CLINIC: Clinic = sampleClinic({ id: 'hospital-angeles', name: 'Clínica Privada del Valle', kind: 'private', umf: undefined });
const BIENESTAR_CLINIC: Clinic = sampleClinic({ id: 'cs-bienestar', name: 'Centro de Salud Bienestar', kind: 'imss-bienestar', umf: undefined });

const GNP: Coverage = { kind: 'private', insurer: 'GNP', policy: 'GMM-123456', inForce: true, inNetwork: true, deductible: 15000, coinsurance: 0.1 };
const insured = (coverage: Partial<Coverage> = {}, withLetter = false): Person =>
  gloria({
    coverage: { ...GNP, ...coverage },
    documents: [
      ...gloria().documents.filter((d) => d.kind === 'ine'),
      { kind: 'insurance-card', insurer: 'GNP', policy: 'GMM-123456' },
      ...(withLetter ? [{ kind: 'authorization-letter' as const, insurer: 'GNP', policy: 'GMM-123456' }] : []),
    ],
  });
const imss = (coverage: Partial<Coverage> = {}) => gloria({ coverage: { kind: 'imss', nss: '72795608040', status: 'active', umf: 12, ...coverage } });
const issste = () => gloria({ coverage: { kind: 'issste', affiliation: 'ISS-998877' } });
const uninsured = () => gloria({ coverage: { kind: 'none' } });

interface Arrange {
  patient?: Person;
  clinic?: Clinic;
  options?: CoverageOptions;
  services?: Partial<ServiceStates>;
}

function start({ patient = imss(), clinic, options = {}, services }: Arrange = {}, machine = coverageMachine) {
  const c = makeCase<CoverageOptions>(patient, options, { ...(clinic ? { clinic } : {}), ...(services ? { services } : {}) });
  return createActor(machine, { input: coverageInput(c) }).start();
}

function run(events: CoverageEvent[], arrange: Arrange = {}): CoverageSnapshot {
  const actor = start(arrange);
  for (const e of events) actor.send(e);
  return actor.getSnapshot();
}

const LOOKUP_GLORIA: CoverageEvent = { type: 'coverage.lookupImss', curp: 'HEGG560427MVZRRL04', nss: '72795608040' };
const IMSS_BEST: CoverageEvent[] = [
  { type: 'coverage.identifyPayer', kind: 'imss' },
  LOOKUP_GLORIA,
  { type: 'coverage.quoteShare', amount: 0 },
  { type: 'coverage.informPatient' },
  { type: 'coverage.complete', route: 'public' },
];
const POLICY_LOOKUP: CoverageEvent = { type: 'coverage.lookupPolicy', insurer: 'GNP', policy: 'GMM-123456' };
const privateCase = (coverage: Partial<Coverage> = {}, options: CoverageOptions = { bill: 150000 }, withLetter = false): Arrange => ({
  patient: insured(coverage, withLetter),
  clinic: PRIVATE_CLINIC,
  options,
});

const observation = (id: string) => {
  const o = coverageObservations.find((x) => x.id === id);
  if (!o) throw new Error(`no observation ${id}`);
  return o;
};

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

describe('coverage machine', () => {
  it('starts by identifying the payer', () => {
    const s = start().getSnapshot();
    expect(s.matches({ active: 'identifying' })).toBe(true);
    expect(s.context).toMatchObject({ payer: null, visit: { service: 'consultation', bill: 0, urgent: false } });
  });

  it('routes each payer to its verification screen', () => {
    const screen = (kind: Extract<CoverageEvent, { type: 'coverage.identifyPayer' }>['kind']) =>
      run([{ type: 'coverage.identifyPayer', kind }]).value;
    expect(screen('imss')).toEqual({ active: { imss: 'awaitingLookup' } });
    expect(screen('issste')).toEqual({ active: { institution: 'awaitingCard' } });
    expect(screen('sedena')).toEqual({ active: { institution: 'awaitingCard' } });
    expect(screen('imss-bienestar')).toEqual({ active: 'bienestar' });
    expect(screen('private')).toEqual({ active: { insurer: 'awaitingLookup' } });
    expect(screen('none')).toEqual({ active: 'selfPay' });
  });

  it('refuses a lookup before the payer is identified', () => {
    const s = run([LOOKUP_GLORIA]);
    expect(s.matches({ active: 'identifying' })).toBe(true);
    expect(s.context.refusal?.problems[0]?.code).toBe('coverage.identifyFirst');
    expect(s.context.imss.lookups).toEqual([]);
  });

  it('refuses an action that belongs to another payer’s screen', () => {
    const s = run([{ type: 'coverage.identifyPayer', kind: 'imss' }, POLICY_LOOKUP]);
    expect(s.context.refusal?.problems[0]?.code).toBe('coverage.wrongScreen');
    expect(s.context.insurer.lookups).toEqual([]);
  });

  describe('when looking up IMSS rights', () => {
    it('shows active rights and the assigned UMF', () => {
      const s = run(IMSS_BEST.slice(0, 2));
      expect(s.matches({ active: { imss: 'rightsShown' } })).toBe(true);
      expect(s.context.imss.answer).toMatchObject({ result: 'found', status: 'active', umf: 12 });
    });

    it('shows conservation with the last day of rights', () => {
      const s = run(IMSS_BEST.slice(0, 2), { patient: imss({ status: 'conservation', daysSinceLastContribution: 20 }) });
      expect(s.context.imss.answer).toMatchObject({ result: 'found', status: 'conservation', conservationUntil: '2026-02-20' });
    });

    it('derives the status from the days without contribution when the case gives none', () => {
      expect(imssStatusOf({ kind: 'imss', daysSinceLastContribution: 10 })).toBe('conservation');
      expect(imssStatusOf({ kind: 'imss', daysSinceLastContribution: 57 })).toBe('inactive');
      expect(imssStatusOf({ kind: 'imss' })).toBe('active');
    });

    it('answers not found for an NSS that is not the patient’s', () => {
      const s = run([{ type: 'coverage.identifyPayer', kind: 'imss' }, { type: 'coverage.lookupImss', curp: 'HEGG560427MVZRRL04', nss: '12088801233' }]);
      expect(s.matches({ active: { imss: 'rightsShown' } })).toBe(true);
      expect(s.context.imss.answer).toEqual({ result: 'not-found' });
    });

    it('refuses a malformed NSS or CURP with the checkers’ problems and no answer', () => {
      const s = run([{ type: 'coverage.identifyPayer', kind: 'imss' }, { type: 'coverage.lookupImss', curp: 'HEGG560427MVZRRL04', nss: '72795608041' }]);
      expect(s.matches({ active: { imss: 'formatRejected' } })).toBe(true);
      expect(s.context.imss.problems.map((p) => p.code)).toContain('nss.checkDigit');
      expect(s.context.imss.lookups[0]?.answer).toBeNull();
    });

    it('clears the answer and problems on screen when the payer changes, but keeps what was done', () => {
      const badNss: CoverageEvent = { type: 'coverage.lookupImss', curp: 'HEGG560427MVZRRL04', nss: '72795608041' };
      const rejected = run([{ type: 'coverage.identifyPayer', kind: 'imss' }, badNss, { type: 'coverage.identifyPayer', kind: 'private' }]);
      expect(rejected.context.imss.problems).toEqual([]);
      const s = run([
        { type: 'coverage.identifyPayer', kind: 'imss' },
        LOOKUP_GLORIA,
        { type: 'coverage.explainConservation' },
        { type: 'coverage.identifyPayer', kind: 'private' },
        POLICY_LOOKUP,
        { type: 'coverage.identifyPayer', kind: 'imss' },
      ]);
      expect(s.matches({ active: { imss: 'awaitingLookup' } })).toBe(true);
      expect(s.context.imss.answer).toBeNull();
      expect(s.context.insurer.answer).toBeNull();
      expect(s.context.imss.lookups).toHaveLength(1);
      expect(s.context.insurer.lookups).toHaveLength(1);
      expect(s.context.imss.conservationExplained).toEqual({ step: 2 });
      expect(s.context.payerIdentifications.map((p) => p.kind)).toEqual(['imss', 'private', 'imss']);
    });

    it('honours a portal that is down, and a retry stays down', () => {
      const arrange = { services: { imssPortal: 'down' as const } };
      const s = run([{ type: 'coverage.identifyPayer', kind: 'imss' }, LOOKUP_GLORIA, LOOKUP_GLORIA], arrange);
      expect(s.matches({ active: { imss: 'portalDown' } })).toBe(true);
      expect(s.context.imss.lookups.map((l) => l.answer?.result)).toEqual(['down', 'down']);
    });

    it('answers synchronously: the snapshot holds the answer as soon as send returns', () => {
      const actor = start();
      actor.send({ type: 'coverage.identifyPayer', kind: 'imss' });
      actor.send(LOOKUP_GLORIA);
      expect(actor.getSnapshot().context.imss.answer?.result).toBe('found');
    });

    it('lets tests swap the portal, e.g. one that comes back on the retry', () => {
      let calls = 0;
      const flaky: ImssPortal = (req, facts) => (++calls === 1 ? { result: 'down' } : defaultImssPortal(req, facts));
      const actor = start({}, withCoveragePortals({ imss: flaky }));
      actor.send({ type: 'coverage.identifyPayer', kind: 'imss' });
      actor.send(LOOKUP_GLORIA);
      expect(actor.getSnapshot().matches({ active: { imss: 'portalDown' } })).toBe(true);
      actor.send(LOOKUP_GLORIA);
      expect(actor.getSnapshot().matches({ active: { imss: 'rightsShown' } })).toBe(true);
      expect(calls).toBe(2);
    });

    it('lets a swapped portal answer whatever the case says', () => {
      const inactive: ImssPortal = () => ({ result: 'found', status: 'inactive', explanation: t('Sin derechos', 'No rights') });
      const actor = start({}, withCoveragePortals({ imss: inactive }));
      actor.send({ type: 'coverage.identifyPayer', kind: 'imss' });
      actor.send(LOOKUP_GLORIA);
      expect(actor.getSnapshot().context.imss.answer).toMatchObject({ status: 'inactive' });
    });
  });

  describe('when checking an institutional card', () => {
    it('accepts the affiliation on the card', () => {
      const s = run([{ type: 'coverage.identifyPayer', kind: 'issste' }, { type: 'coverage.checkCard', affiliation: 'iss 998877' }], { patient: issste() });
      expect(s.matches({ active: { institution: 'cardChecked' } })).toBe(true);
      expect(s.context.cardCheck).toMatchObject({ payer: 'issste', valid: true });
    });

    it('flags a card of another institution', () => {
      const s = run([{ type: 'coverage.identifyPayer', kind: 'pemex' }, { type: 'coverage.checkCard', affiliation: 'ISS-998877' }], { patient: issste() });
      expect(s.context.cardCheck?.valid).toBe(false);
    });
  });

  describe('when looking up a private policy', () => {
    it('shows the policy terms and whether the service needs authorisation', () => {
      const s = run([{ type: 'coverage.identifyPayer', kind: 'private' }, POLICY_LOOKUP], privateCase({}, { service: 'procedure', bill: 150000 }));
      expect(s.matches({ active: { insurer: 'policyShown' } })).toBe(true);
      expect(s.context.insurer.answer).toMatchObject({ result: 'found', inForce: true, inNetwork: true, deductible: 15000, coinsurance: 0.1, priorAuthorization: true });
    });

    it('answers not found for another policy number', () => {
      const s = run([{ type: 'coverage.identifyPayer', kind: 'private' }, { type: 'coverage.lookupPolicy', insurer: 'GNP', policy: 'X-1' }], privateCase());
      expect(s.context.insurer.answer).toEqual({ result: 'not-found' });
    });

    it('honours an insurer portal that is down', () => {
      const s = run([{ type: 'coverage.identifyPayer', kind: 'private' }, POLICY_LOOKUP], { ...privateCase(), services: { insurerPortal: 'down' } });
      expect(s.matches({ active: { insurer: 'portalDown' } })).toBe(true);
    });

    it('records whether the patient actually had an authorisation letter', () => {
      const events: CoverageEvent[] = [{ type: 'coverage.identifyPayer', kind: 'private' }, { type: 'coverage.recordAuthorization' }];
      expect(run(events, privateCase({}, {}, true)).context.insurer.authorization?.letterOnFile).toBe(true);
      expect(run(events, privateCase()).context.insurer.authorization?.letterOnFile).toBe(false);
    });
  });

  describe('when working out the share', () => {
    it('uses deductible and coinsurance for an in-network policy (facts doc example)', () => {
      const s = run([], privateCase());
      expect(expectedShare(s.context)).toBe(28500);
    });

    it('applies the coinsurance cap', () => {
      expect(expectedShare(run([], privateCase({ cap: 5000 })).context)).toBe(20000);
    });

    it('charges the whole bill out of network, for a lapsed policy, or without a needed letter', () => {
      expect(expectedShare(run([], privateCase({ inNetwork: false })).context)).toBe(150000);
      expect(expectedShare(run([], privateCase({ inForce: false })).context)).toBe(150000);
      expect(expectedShare(run([], privateCase({}, { service: 'hospital', bill: 150000 })).context)).toBe(150000);
      expect(expectedShare(run([], privateCase({}, { service: 'hospital', bill: 150000 }, true)).context)).toBe(28500);
    });

    it('charges nothing at a public unit with active rights and the bill to a self-pay patient', () => {
      expect(expectedShare(run([], { options: { bill: 500 } }).context)).toBe(0);
      expect(expectedShare(run([], { patient: imss({ status: 'inactive' }), options: { bill: 500 } }).context)).toBe(500);
      expect(expectedShare(run([], { patient: uninsured(), clinic: PRIVATE_CLINIC, options: { bill: 800 } }).context)).toBe(800);
      expect(expectedShare(run([], { patient: imss(), clinic: PRIVATE_CLINIC, options: { bill: 800 } }).context)).toBe(800);
    });

    it('refuses to inform the patient before a quote', () => {
      const s = run([{ type: 'coverage.informPatient' }]);
      expect(s.context.informed).toBeNull();
      expect(s.context.refusal?.problems[0]?.code).toBe('coverage.nothingToInform');
    });
  });

  describe('when finishing', () => {
    it('completes with a route into a final state', () => {
      const s = run(IMSS_BEST);
      expect(s.matches('completed')).toBe(true);
      expect(coverageWorkflow.isDone(s)).toBe(true);
      expect(s.context.completion).toEqual({ route: 'public', step: 4 });
      expect(s.context.history).toEqual(IMSS_BEST.map((e) => e.type));
    });

    it('refuses to complete before identifying the payer, except as an emergency', () => {
      const refused = run([{ type: 'coverage.complete', route: 'cash' }]);
      expect(refused.matches('active')).toBe(true);
      expect(refused.context.refusal?.problems[0]?.code).toBe('coverage.identifyFirst');
      expect(run([{ type: 'coverage.sendToCareNow' }, { type: 'coverage.complete', route: 'emergency' }]).matches('completed')).toBe(true);
    });

    it('knows the right routes', () => {
      expect(expectedRoutes(run([]).context)).toEqual(['public']);
      expect(expectedRoutes(run([], privateCase()).context)).toEqual(['direct']);
      expect(expectedRoutes(run([], privateCase({ inNetwork: false })).context)).toEqual(['reimbursement']);
      expect(expectedRoutes(run([], privateCase({ inForce: false })).context)).toEqual(['cash']);
      expect(expectedRoutes(run([], { patient: imss({ status: 'inactive' }) }).context)).toEqual(['public', 'cash']);
      expect(expectedRoutes(run([], { options: { urgent: true, obstetric: true } }).context)).toEqual(['emergency']);
    });

    it('ignores events after the end', () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const s = run([...IMSS_BEST, { type: 'coverage.quoteShare', amount: 99 }]);
      expect(s.context.quote?.amount).toBe(0);
      warn.mockRestore();
    });
  });

  describe('when an event is malformed at run time', () => {
    it('is refused at the boundary with an error, and never reaches the machine', () => {
      const actor = start();
      const bad: unknown[] = [
        { type: 'coverage.identifyPayer', kind: 'martian' },
        { type: 'coverage.quoteShare', amount: 'mucho' },
        { type: 'coverage.complete', route: 'teleport' },
        { type: 'coverage.nope' },
      ];
      for (const e of bad) {
        expect(() => coverageWorkflow.accept(e)).not.toThrow();
        const accepted = coverageWorkflow.accept(e);
        if (accepted.ok) actor.send(accepted.event);
        else expect(accepted.problem.code).toBe('coverage.malformed');
      }
      const s = actor.getSnapshot();
      expect(s.matches({ active: 'identifying' })).toBe(true);
      expect(s.context.quote).toBeNull();
      expect(s.context.history).toEqual([]);
    });
  });

  it('rejects bad events at compile time', () => {
    const actor = start();
    // What the app does: the boundary parses, the machine gets only what it accepted.
    const send = (e: CoverageEvent) => {
      const accepted = coverageWorkflow.accept(e);
      if (accepted.ok) actor.send(accepted.event);
    };
    // @ts-expect-error an event type the machine does not know
    send({ type: 'coverage.nope' });
    // @ts-expect-error a known type with a wrong parameter type
    send({ type: 'coverage.quoteShare', amount: '28500' });
    // @ts-expect-error a payer kind that does not exist
    send({ type: 'coverage.identifyPayer', kind: 'insabi' });
    // @ts-expect-error a route that does not exist
    send({ type: 'coverage.complete', route: 'later' });
    expect(actor.getSnapshot().context.history).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Observations
// ---------------------------------------------------------------------------------------------

interface ObservationCase extends Arrange {
  events: CoverageEvent[];
}

const urgentObstetric: Arrange = { options: { urgent: true, obstetric: true } };
const identifyPrivate: CoverageEvent = { type: 'coverage.identifyPayer', kind: 'private' };

const OBSERVATION_CASES: Record<string, { whenTrue: ObservationCase; whenFalse: ObservationCase }> = {
  'coverage.payerIdentified': {
    whenTrue: { events: [{ type: 'coverage.identifyPayer', kind: 'imss' }] },
    whenFalse: { events: [{ type: 'coverage.identifyPayer', kind: 'issste' }] },
  },
  'coverage.rightsVerified': {
    whenTrue: { events: IMSS_BEST.slice(0, 2) },
    whenFalse: { events: [{ type: 'coverage.identifyPayer', kind: 'imss' }, { type: 'coverage.complete', route: 'public' }] },
  },
  'coverage.wrongUmfNoticed': {
    whenTrue: { patient: imss({ umf: 7 }), events: [...IMSS_BEST.slice(0, 2), { type: 'coverage.referToUmf', umf: 7 }] },
    whenFalse: { patient: imss({ umf: 7 }), events: IMSS_BEST },
  },
  'coverage.conservationExplained': {
    whenTrue: {
      patient: imss({ status: 'conservation', daysSinceLastContribution: 20 }),
      events: [...IMSS_BEST.slice(0, 2), { type: 'coverage.explainConservation' }],
    },
    whenFalse: { patient: imss({ status: 'conservation', daysSinceLastContribution: 20 }), events: IMSS_BEST },
  },
  'coverage.inactiveAlternativeOffered': {
    whenTrue: { patient: imss({ status: 'inactive' }), events: [...IMSS_BEST.slice(0, 2), { type: 'coverage.offerAlternative', option: 'imss-bienestar' }] },
    whenFalse: { patient: imss({ status: 'inactive' }), events: IMSS_BEST },
  },
  'coverage.policyInForceChecked': {
    whenTrue: { ...privateCase(), events: [identifyPrivate, POLICY_LOOKUP, { type: 'coverage.complete', route: 'direct' }] },
    whenFalse: { ...privateCase({ inForce: false }), events: [identifyPrivate, POLICY_LOOKUP, { type: 'coverage.complete', route: 'direct' }] },
  },
  'coverage.networkChecked': {
    whenTrue: { ...privateCase({ inNetwork: false }), events: [identifyPrivate, POLICY_LOOKUP, { type: 'coverage.complete', route: 'reimbursement' }] },
    whenFalse: { ...privateCase({ inNetwork: false }), events: [identifyPrivate, { type: 'coverage.complete', route: 'direct' }] },
  },
  'coverage.priorAuthorizationHandled': {
    whenTrue: {
      ...privateCase({}, { service: 'procedure', bill: 150000 }, true),
      events: [identifyPrivate, POLICY_LOOKUP, { type: 'coverage.recordAuthorization' }, { type: 'coverage.complete', route: 'direct' }],
    },
    whenFalse: {
      ...privateCase({}, { service: 'procedure', bill: 150000 }),
      events: [identifyPrivate, POLICY_LOOKUP, { type: 'coverage.recordAuthorization' }, { type: 'coverage.complete', route: 'direct' }],
    },
  },
  'coverage.shareCorrect': {
    whenTrue: { ...privateCase(), events: [identifyPrivate, POLICY_LOOKUP, { type: 'coverage.quoteShare', amount: 28500.4 }] },
    whenFalse: { ...privateCase(), events: [identifyPrivate, POLICY_LOOKUP, { type: 'coverage.quoteShare', amount: 15000 }] },
  },
  'coverage.patientInformedOfShare': {
    whenTrue: { events: IMSS_BEST },
    whenFalse: { events: [{ type: 'coverage.quoteShare', amount: 0 }, { type: 'coverage.informPatient' }, { type: 'coverage.quoteShare', amount: 10 }] },
  },
  'coverage.emergencyNotDelayed': {
    whenTrue: { ...urgentObstetric, events: [{ type: 'coverage.sendToCareNow' }, ...IMSS_BEST.slice(0, 2)] },
    whenFalse: { ...urgentObstetric, events: [...IMSS_BEST.slice(0, 2), { type: 'coverage.sendToCareNow' }] },
  },
  'coverage.portalDownHandled': {
    whenTrue: {
      services: { imssPortal: 'down' },
      events: [{ type: 'coverage.identifyPayer', kind: 'imss' }, LOOKUP_GLORIA, { type: 'coverage.askForConstancia' }, { type: 'coverage.complete', route: 'public' }],
    },
    whenFalse: {
      services: { imssPortal: 'down' },
      events: [{ type: 'coverage.identifyPayer', kind: 'imss' }, LOOKUP_GLORIA, { type: 'coverage.complete', route: 'public' }],
    },
  },
  'coverage.routeCorrect': {
    whenTrue: { events: IMSS_BEST },
    whenFalse: { events: [...IMSS_BEST.slice(0, -1), { type: 'coverage.complete', route: 'cash' }] },
  },
  'coverage.completed': {
    whenTrue: { events: IMSS_BEST },
    whenFalse: { events: IMSS_BEST.slice(0, -1) },
  },
};

describe('coverage observations', () => {
  it('publishes at least 8 namespaced observations, each with a test case', () => {
    const ids = coverageObservations.map((o) => o.id);
    expect(ids.length).toBeGreaterThanOrEqual(8);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^coverage\.[a-z][A-Za-z]+$/);
    expect(Object.keys(OBSERVATION_CASES).sort()).toEqual([...ids].sort());
  });

  describe.each(Object.entries(OBSERVATION_CASES))('%s', (id, { whenTrue, whenFalse }) => {
    it('is true when the trainee does it right', () => {
      expect(observation(id).evaluate(run(whenTrue.events, whenTrue))).toBe(true);
    });
    it('is false when the trainee gets it wrong', () => {
      expect(observation(id).evaluate(run(whenFalse.events, whenFalse))).toBe(false);
    });
  });

  it('treats an emergency with no send-to-care as delayed', () => {
    expect(observation('coverage.emergencyNotDelayed').evaluate(run([], urgentObstetric))).toBe(false);
    expect(observation('coverage.emergencyNotDelayed').evaluate(run([]))).toBe(true);
  });

  it('accepts IMSS-Bienestar for a person without social security at a Bienestar unit', () => {
    const s = run([{ type: 'coverage.identifyPayer', kind: 'imss-bienestar' }], { patient: uninsured(), clinic: BIENESTAR_CLINIC });
    expect(observation('coverage.payerIdentified').evaluate(s)).toBe(true);
  });

  it('does not promise direct payment when the insurer portal is down', () => {
    const arrange = { ...privateCase(), services: { insurerPortal: 'down' as const } };
    const direct = run([identifyPrivate, POLICY_LOOKUP, { type: 'coverage.complete', route: 'direct' }], arrange);
    const reimbursement = run([identifyPrivate, POLICY_LOOKUP, { type: 'coverage.complete', route: 'reimbursement' }], arrange);
    expect(observation('coverage.portalDownHandled').evaluate(direct)).toBe(false);
    expect(observation('coverage.portalDownHandled').evaluate(reimbursement)).toBe(true);
  });

  it('passes every observation on the best path of an insured scheduled procedure', () => {
    const s = run(
      [
        identifyPrivate,
        POLICY_LOOKUP,
        { type: 'coverage.recordAuthorization' },
        { type: 'coverage.quoteShare', amount: 28500 },
        { type: 'coverage.informPatient' },
        { type: 'coverage.complete', route: 'direct' },
      ],
      privateCase({}, { service: 'procedure', bill: 150000 }, true),
    );
    expect(coverageObservations.filter((o) => !o.evaluate(s)).map((o) => o.id)).toEqual([]);
  });

  it('passes every observation on the best path of an urgent obstetric case', () => {
    const s = run(
      [
        { type: 'coverage.sendToCareNow' },
        { type: 'coverage.identifyPayer', kind: 'imss' },
        LOOKUP_GLORIA,
        { type: 'coverage.quoteShare', amount: 0 },
        { type: 'coverage.informPatient' },
        { type: 'coverage.complete', route: 'emergency' },
      ],
      urgentObstetric,
    );
    expect(coverageObservations.filter((o) => !o.evaluate(s)).map((o) => o.id)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Event catalogue and workflow definition
// ---------------------------------------------------------------------------------------------

const EXAMPLES: CoverageEvent[] = [
  { type: 'coverage.identifyPayer', kind: 'imss' },
  { type: 'coverage.identifyPayer', kind: 'issste' },
  { type: 'coverage.identifyPayer', kind: 'imss-bienestar' },
  { type: 'coverage.identifyPayer', kind: 'private' },
  { type: 'coverage.identifyPayer', kind: 'none' },
  LOOKUP_GLORIA,
  { type: 'coverage.lookupImss', curp: 'HEGG560427MVZRRL04', nss: '72795608041' },
  { type: 'coverage.checkCard', affiliation: 'ISS-998877' },
  POLICY_LOOKUP,
  { type: 'coverage.recordAuthorization' },
  { type: 'coverage.requestAuthorization' },
  { type: 'coverage.askForConstancia' },
  { type: 'coverage.explainConservation' },
  { type: 'coverage.offerAlternative', option: 'imss-bienestar' },
  { type: 'coverage.referToUmf', umf: 7 },
  { type: 'coverage.quoteShare', amount: 28500 },
  { type: 'coverage.informPatient' },
  { type: 'coverage.sendToCareNow' },
  { type: 'coverage.complete', route: 'public' },
];

describe('coverage workflow definition', () => {
  it('describes every event type with a schema that accepts the examples', () => {
    expect(new Set(EXAMPLES.map((e) => e.type))).toEqual(new Set(Object.keys(coverageEvents)));
    for (const { type, ...params } of EXAMPLES) {
      expect(coverageEvents[type].params.safeParse(params).success, type).toBe(true);
    }
  });

  it('rejects unknown keys and wrong types in params', () => {
    expect(coverageEvents['coverage.quoteShare'].params.safeParse({ amount: -1 }).success).toBe(false);
    expect(coverageEvents['coverage.informPatient'].params.safeParse({ loud: true }).success).toBe(false);
    expect(coverageEvents['coverage.identifyPayer'].params.safeParse({ kind: 'insabi' }).success).toBe(false);
  });

  it('gives each event a realistic cost and a bilingual description', () => {
    for (const [type, spec] of Object.entries(coverageEvents)) {
      expect(spec.cost, type).toBeGreaterThan(0);
      expect(spec.cost, type).toBeLessThanOrEqual(300);
      expect(spec.description['es-MX'].length, type).toBeGreaterThan(5);
      expect(spec.description.en.length, type).toBeGreaterThan(5);
    }
    expect(coverageEvents['coverage.lookupImss'].cost).toBeGreaterThanOrEqual(30);
    expect(coverageEvents['coverage.lookupImss'].cost).toBeLessThanOrEqual(90);
  });

  it('validates the task options strictly, all fields optional', () => {
    expect(coverageWorkflow.options.safeParse({}).success).toBe(true);
    expect(coverageWorkflow.options.safeParse({ service: 'procedure', bill: 150000, urgent: false, obstetric: true }).success).toBe(true);
    expect(coverageWorkflow.options.safeParse({ service: 'surgery' }).success).toBe(false);
    expect(coverageWorkflow.options.safeParse({ bill: 100, extra: 1 }).success).toBe(false);
  });

  it('builds the input from a case with defaults and only the clinic facts it needs', () => {
    const input = coverageWorkflow.input(makeCase(gloria(), {}));
    expect(input).toMatchObject({ service: 'consultation', bill: 0, urgent: false, obstetric: false, clinic: { kind: 'imss-umf', umf: 12 } });
    expect(input).not.toHaveProperty('clinic.doctors');
  });

  it('keeps the snapshot context serialisable', () => {
    const s = run(IMSS_BEST);
    expect(JSON.parse(JSON.stringify(s.context))).toEqual(s.context);
  });
});

// ---------------------------------------------------------------------------------------------
// Model-based: every state node is reachable
// ---------------------------------------------------------------------------------------------

function activeNodeIds(value: StateValue, prefix: string): string[] {
  if (typeof value === 'string') return [`${prefix}.${value}`];
  return Object.entries(value).flatMap(([key, child]) => [`${prefix}.${key}`, ...(child ? activeNodeIds(child, `${prefix}.${key}`) : [])]);
}

describe('coverage state graph', () => {
  it('reaches every resting state node by shortest paths', () => {
    const serializeState = (s: CoverageSnapshot) => JSON.stringify(s.value);
    // The portals' answers decide some states, so walk the graph with the portals up and down.
    const inputs = [
      coverageInput(makeCase<CoverageOptions>(imss(), {})),
      coverageInput(makeCase<CoverageOptions>(insured(), { bill: 1000 }, { services: { imssPortal: 'down', insurerPortal: 'down' } })),
    ];
    const paths = inputs.flatMap((input) => getShortestPaths(coverageMachine, { input, events: EXAMPLES, serializeState }));
    const reached = new Set(paths.flatMap((p) => ['coverage', ...activeNodeIds(p.state.value, 'coverage')]));
    // Transient nodes (eventless `always` routing on a portal's answer) are never at rest.
    const nodes = [coverageMachine.root, ...getStateNodes(coverageMachine.root)];
    const transient = nodes.filter((n) => n.always !== undefined && n.always.length > 0).map((n) => n.id);
    const expected = new Set(nodes.map((n) => n.id).filter((id) => !transient.includes(id)));
    const missing = [...expected].filter((id) => !reached.has(id));
    console.log(`coverage: reached ${reached.size} of ${expected.size} resting state nodes (${transient.length} transient, ${paths.length} paths)`);
    expect(transient).toEqual(['coverage.active.imss.consulting', 'coverage.active.insurer.consulting']);
    expect(missing).toEqual([]);
    expect([...reached].every((id) => expected.has(id))).toBe(true);
  });
});
