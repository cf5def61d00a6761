import { getShortestPaths, getStateNodes } from '@xstate/graph';
import { createActor, type StateValue } from 'xstate';
import type { Person } from '../../domain/types';
import { gloria, juan, makeCase, sofia } from '../test-fixtures';
import { registrationInput, registrationWorkflow } from './definition';
import { registrationEvents, type RegistrationEvent } from './events';
import { registrationObservations } from './observations';
import { registrationMachine, type RegistrationSnapshot } from './registration.machine';
import { searchRecords } from './rules';
import type { ClinicRecord, RegistrationOptions } from './types';

// ---------------------------------------------------------------------------------------------
// Arrange helpers
// ---------------------------------------------------------------------------------------------

/** Gloria's own record and a homonym: same name, another birth date and CURP. */
const RECORDS: ClinicRecord[] = [
  { recordId: 'EXP-0101', name: { given: 'Gloria', first: 'Hernández', second: 'García' }, birth: '1970-08-12', curp: 'HEGG700812MDFRRL04' },
  {
    recordId: 'EXP-0202',
    name: { given: 'Gloria', first: 'Hernández', second: 'García' },
    birth: '1956-04-27',
    curp: 'HEGG560427MVZRRL04',
    sex: 'M',
    address: 'Calle 5 de Mayo 12, Col. Centro, Ciudad de México',
  },
  { recordId: 'EXP-0303', name: 'Roberto Sánchez Díaz', birth: '1980-01-01' },
];

interface Arrange {
  patient?: Person;
  people?: Person[];
  options?: RegistrationOptions;
}

function start({ patient = gloria(), people = [], options = {} }: Arrange = {}) {
  const c = makeCase<RegistrationOptions>(patient, options, { people });
  return createActor(registrationMachine, { input: registrationInput(c) }).start();
}

function run(events: RegistrationEvent[], arrange: Arrange = {}): RegistrationSnapshot {
  const actor = start(arrange);
  for (const e of events) actor.send(e);
  return actor.getSnapshot();
}

const enter = (field: Extract<RegistrationEvent, { type: 'registration.enter' }>['field'], value: string): RegistrationEvent => ({
  type: 'registration.enter',
  field,
  value,
});

/** Gloria's identification data as the document says. */
const GLORIA_FORM: RegistrationEvent[] = [
  enter('givenName', 'Gloria'),
  enter('firstSurname', 'Hernández'),
  enter('secondSurname', 'García'),
  enter('birthDate', '1956-04-27'),
  enter('sex', 'M'),
  enter('curp', 'HEGG560427MVZRRL04'),
  enter('address', 'Calle 5 de Mayo 12, Col. Centro, Ciudad de México'),
  enter('phone', '55 1234 5678'),
];

const CONSENT: RegistrationEvent[] = [
  { type: 'registration.showPrivacyNotice' },
  { type: 'registration.recordConsent', signedBy: 'patient', voluntaryPurposes: false },
];

/** The best path for an adult new patient. */
const BEST: RegistrationEvent[] = [
  { type: 'registration.requestId' },
  { type: 'registration.verifyId', verdict: 'matches' },
  { type: 'registration.search', query: 'Gloria Hernández García' },
  ...CONSENT,
  ...GLORIA_FORM,
  enter('reasonForVisit', 'Control de presión arterial'),
  { type: 'registration.readBack' },
  { type: 'registration.save' },
];

const observation = (id: string) => {
  const o = registrationObservations.find((x) => x.id === id);
  if (!o) throw new Error(`no observation ${id}`);
  return o;
};

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

describe('registration machine', () => {
  it('starts with nothing on screen', () => {
    const s = start().getSnapshot();
    expect(s.matches({ active: { identity: 'notRequested', record: 'notSearched', privacy: 'noticeNotShown', language: 'noInterpreter' } })).toBe(true);
    expect(s.context.form).toEqual({});
    expect(s.context.history).toEqual([]);
  });

  it('saves the best path as a new record and reaches the final state', () => {
    const s = run(BEST);
    expect(s.matches('saved')).toBe(true);
    expect(s.status).toBe('done');
    expect(registrationWorkflow.isDone(s)).toBe(true);
    expect(s.context.saved).toMatchObject({ createdNew: true });
    expect(s.context.history).toEqual(BEST.map((e) => e.type));
  });

  describe('when asking for an official ID', () => {
    it('shows the ID documents the person carries, not the others', () => {
      const s = run([{ type: 'registration.requestId' }]);
      expect(s.matches({ active: { identity: 'documentsOnDesk' } })).toBe(true);
      expect(s.context.identity.documentsShown[0]?.documents.map((d) => d.kind)).toEqual(['ine']);
    });

    it('hands over the documents as they are, even when they disagree with the person', () => {
      const fake = gloria({ documents: [{ kind: 'ine', curp: 'BEML920313HMCLNS09', name: { given: 'Gloria', first: 'Hernández' } }] });
      const s = run([{ type: 'registration.requestId' }], { patient: fake });
      expect(s.context.identity.documentsShown[0]?.documents[0]?.curp).toBe('BEML920313HMCLNS09');
    });

    it('refuses an unknown person and records why', () => {
      const s = run([{ type: 'registration.requestId', personId: 'nobody' }]);
      expect(s.matches({ active: { identity: 'notRequested' } })).toBe(true);
      expect(s.context.refusal?.problems[0]?.code).toBe('registration.unknownPerson');
      expect(s.context.history).toEqual([]);
    });

    it('refuses a verdict before any document is on the desk', () => {
      const s = run([{ type: 'registration.verifyId', verdict: 'matches' }]);
      expect(s.matches({ active: { identity: 'notRequested' } })).toBe(true);
      expect(s.context.refusal?.problems[0]?.code).toBe('registration.noDocuments');
    });

    it('moves to verified after a verdict on the patient', () => {
      const s = run([{ type: 'registration.requestId' }, { type: 'registration.verifyId', verdict: 'mismatch' }]);
      expect(s.matches({ active: { identity: 'verified' } })).toBe(true);
      expect(s.context.identity.idVerdicts).toEqual([{ personId: 'patient', verdict: 'mismatch', step: 1 }]);
    });

    it('records a verdict on the guardian without marking the patient verified', () => {
      const s = run(
        [
          { type: 'registration.requestId', personId: 'guardian' },
          { type: 'registration.verifyId', personId: 'guardian', verdict: 'matches' },
        ],
        { patient: sofia(), people: [juan()] },
      );
      expect(s.matches({ active: { identity: 'documentsOnDesk' } })).toBe(true);
      expect(s.context.identity.idVerdicts).toHaveLength(1);
    });
  });

  describe('when searching records', () => {
    it('finds homonyms by name and the exact record by CURP', () => {
      expect(searchRecords(RECORDS, 'gloria hernandez')).toEqual(['EXP-0101', 'EXP-0202']);
      expect(searchRecords(RECORDS, 'HEGG560427MVZRRL04')).toEqual(['EXP-0202']);
      expect(searchRecords(RECORDS, 'sanchez')).toEqual(['EXP-0303']);
      expect(searchRecords(RECORDS, '   ')).toEqual([]);
    });

    it('shows the results on screen', () => {
      const s = run([{ type: 'registration.search', query: 'Gloria Hernández' }], { options: { records: RECORDS } });
      expect(s.matches({ active: { record: 'results' } })).toBe(true);
      expect(s.context.lookup.search).toEqual({ query: 'Gloria Hernández', results: ['EXP-0101', 'EXP-0202'] });
    });

    it('refuses an empty search', () => {
      const s = run([{ type: 'registration.search', query: '  ' }], { options: { records: RECORDS } });
      expect(s.matches({ active: { record: 'notSearched' } })).toBe(true);
      expect(s.context.refusal?.problems[0]?.code).toBe('registration.emptySearch');
    });

    it('opens a listed record and prefills the form from it', () => {
      const s = run(
        [
          { type: 'registration.search', query: 'Gloria' },
          { type: 'registration.selectRecord', recordId: 'EXP-0202' },
        ],
        { options: { records: RECORDS } },
      );
      expect(s.matches({ active: { record: 'existingOpen' } })).toBe(true);
      expect(s.context.form).toMatchObject({ givenName: 'Gloria', firstSurname: 'Hernández', curp: 'HEGG560427MVZRRL04', birthDate: '1956-04-27' });
      expect(s.context.curpCheck?.valid).toBe(true);
    });

    it('refuses a record that is not in the results', () => {
      const s = run(
        [
          { type: 'registration.search', query: 'Gloria' },
          { type: 'registration.selectRecord', recordId: 'EXP-0303' },
        ],
        { options: { records: RECORDS } },
      );
      expect(s.matches({ active: { record: 'results' } })).toBe(true);
      expect(s.context.refusal?.problems[0]?.code).toBe('registration.recordNotListed');
    });

    it('closes the open record for a new one and clears the form', () => {
      const s = run(
        [
          { type: 'registration.search', query: 'Gloria' },
          { type: 'registration.selectRecord', recordId: 'EXP-0101' },
          { type: 'registration.newRecord' },
        ],
        { options: { records: RECORDS } },
      );
      expect(s.matches({ active: { record: 'results' } })).toBe(true);
      expect(s.context.lookup.openedRecordId).toBeNull();
      expect(s.context.form).toEqual({});
    });

    it('updates the existing record on save instead of creating one', () => {
      const s = run(
        [
          { type: 'registration.search', query: 'HEGG560427MVZRRL04' },
          { type: 'registration.selectRecord', recordId: 'EXP-0202' },
          ...CONSENT,
          { type: 'registration.save' },
        ],
        { options: { records: RECORDS } },
      );
      expect(s.matches('saved')).toBe(true);
      expect(s.context.saved).toMatchObject({ recordId: 'EXP-0202', createdNew: false });
    });
  });

  describe('when entering data', () => {
    it('checks the CURP live and keeps the problems to show', () => {
      const s = run([enter('curp', 'HEGG560427MVZRRL05')]);
      expect(s.context.curpCheck?.valid).toBe(false);
      expect(s.context.curpCheck?.problems.map((p) => p.code)).toContain('curp.checkDigit');
      const ok = run([enter('curp', 'HEGG560427MVZRRL04')]);
      expect(ok.context.curpCheck?.valid).toBe(true);
    });

    it('accepts health data before consent (the mistake is possible) and marks it', () => {
      const s = run([enter('allergies', 'Penicilina')]);
      expect(s.context.entries).toEqual([{ field: 'allergies', value: 'Penicilina', step: 0, sensitive: true, afterConsent: false }]);
    });

    it('marks identification data as not sensitive', () => {
      const s = run([enter('givenName', 'Gloria')]);
      expect(s.context.entries[0]?.sensitive).toBe(false);
    });

    it('keeps the privacy notice and consent in order', () => {
      const s = run(CONSENT);
      expect(s.matches({ active: { privacy: 'consented' } })).toBe(true);
      expect(s.context.privacyNotice).toEqual({ step: 0 });
      expect(s.context.consent).toEqual({ signedBy: 'patient', voluntaryPurposes: false, step: 1 });
    });

    it('keeps the patient registrable when voluntary purposes are refused', () => {
      const s = run(BEST);
      expect(s.context.consent?.voluntaryPurposes).toBe(false);
      expect(s.matches('saved')).toBe(true);
    });

    it('defaults voluntary purposes to not accepted when the log does not say', () => {
      const s = run([{ type: 'registration.recordConsent', signedBy: 'patient' }]);
      expect(s.context.consent?.voluntaryPurposes).toBe(false);
    });

    it('refuses consent signed by someone who is not at the desk', () => {
      const s = run([{ type: 'registration.recordConsent', signedBy: 'stranger' }]);
      expect(s.matches({ active: { privacy: 'noticeNotShown' } })).toBe(true);
      expect(s.context.consent).toBeNull();
    });

    it('arranges an interpreter in the requested language', () => {
      const s = run([{ type: 'registration.requestInterpreter', language: 'TZO' }]);
      expect(s.matches({ active: { language: 'interpreterArranged' } })).toBe(true);
      expect(s.context.interpreter).toEqual({ language: 'tzo', step: 0 });
    });
  });

  describe('when saving', () => {
    it('rejects a form without required fields and shows per-field errors', () => {
      const s = run([...CONSENT, enter('givenName', 'Gloria'), { type: 'registration.save' }]);
      expect(s.matches('active')).toBe(true);
      expect(s.context.saveAttempts).toBe(1);
      expect(s.context.refusal?.problems[0]?.code).toBe('registration.saveRejected');
      expect(Object.keys(s.context.fieldErrors).sort()).toEqual(['address', 'birthDate', 'curp', 'firstSurname', 'sex']);
    });

    it('rejects an invalid CURP with the checker’s problems', () => {
      const events = [...CONSENT, ...GLORIA_FORM.filter((e) => !(e.type === 'registration.enter' && e.field === 'curp')), enter('curp', 'HEGG560427MVZRRL05')];
      const s = run([...events, { type: 'registration.save' }]);
      expect(s.matches('active')).toBe(true);
      expect(s.context.fieldErrors.curp?.map((p) => p.code)).toContain('curp.checkDigit');
    });

    it('does not require the CURP when the clinic does not', () => {
      const form = GLORIA_FORM.filter((e) => !(e.type === 'registration.enter' && e.field === 'curp'));
      const s = run([...CONSENT, ...form, { type: 'registration.save' }], { options: { curpRequired: false } });
      expect(s.matches('saved')).toBe(true);
    });

    it('rejects a save without consent on file', () => {
      const s = run([...GLORIA_FORM, { type: 'registration.save' }]);
      expect(s.matches('active')).toBe(true);
      expect(s.context.fieldErrors.consent?.[0]?.code).toBe('registration.consent');
    });

    it('checks the format of birth date, sex, phone and email', () => {
      const s = run([
        ...CONSENT,
        ...GLORIA_FORM,
        enter('birthDate', '1956-02-30'),
        enter('sex', 'F'),
        enter('phone', '1234'),
        enter('email', 'gloria@'),
        { type: 'registration.save' },
      ]);
      expect(s.context.fieldErrors.birthDate?.[0]?.code).toBe('registration.birthDate.format');
      expect(s.context.fieldErrors.sex?.[0]?.code).toBe('registration.sex');
      expect(s.context.fieldErrors.phone?.[0]?.code).toBe('registration.phone');
      expect(s.context.fieldErrors.email?.[0]?.code).toBe('registration.email');
    });

    it('requires a guardian when the birth date typed is a minor’s', () => {
      const s = run([...CONSENT, ...GLORIA_FORM, enter('birthDate', '2015-03-10'), { type: 'registration.save' }]);
      expect(Object.keys(s.context.fieldErrors).sort()).toEqual(['guardianName', 'guardianRelation']);
    });

    it('clears a field’s error when the field is typed again', () => {
      const s = run([...CONSENT, { type: 'registration.save' }, enter('givenName', 'Gloria')]);
      expect(s.context.fieldErrors.givenName).toBeUndefined();
      expect(s.context.fieldErrors.firstSurname).toBeDefined();
    });

    it('saves after the trainee fixes the errors', () => {
      const s = run([...CONSENT, { type: 'registration.save' }, ...GLORIA_FORM, { type: 'registration.save' }]);
      expect(s.matches('saved')).toBe(true);
      expect(s.context.saveAttempts).toBe(2);
    });

    it('cancels into a final state', () => {
      const s = run([{ type: 'registration.cancel' }]);
      expect(s.matches('cancelled')).toBe(true);
      expect(registrationWorkflow.isDone(s)).toBe(true);
    });

    it('ignores events after the end', () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const s = run([...BEST, enter('givenName', 'Otra')]);
      expect(s.context.form.givenName).toBe('Gloria');
      warn.mockRestore();
    });
  });

  describe('when an event is malformed at run time', () => {
    it('is refused at the boundary with an error, and never reaches the machine', () => {
      const actor = start();
      const bad: unknown[] = [
        { type: 'registration.enter', field: 'curp', value: 42 },
        { type: 'registration.search', query: null },
        { type: 'registration.nope' },
      ];
      for (const e of bad) {
        expect(() => registrationWorkflow.accept(e)).not.toThrow();
        const accepted = registrationWorkflow.accept(e);
        if (accepted.ok) actor.send(accepted.event);
        else expect(accepted.problem.code).toBe('registration.malformed');
      }
      const s = actor.getSnapshot();
      expect(s.context.form).toEqual({});
      expect(s.context.history).toEqual([]);
    });

    it('validates params with the same schemas as the catalogue', () => {
      expect(registrationWorkflow.accept({ type: 'registration.enter', field: 'curp', value: 'X' }).ok).toBe(true);
      expect(registrationWorkflow.accept({ type: 'registration.enter', field: 'shoe', value: 'X' }).ok).toBe(false);
    });
  });

  it('rejects bad events at compile time', () => {
    const actor = start();
    // What the app does: the boundary parses, the machine gets only what it accepted.
    const send = (e: RegistrationEvent) => {
      const accepted = registrationWorkflow.accept(e);
      if (accepted.ok) actor.send(accepted.event);
    };
    // @ts-expect-error an event type the machine does not know
    send({ type: 'registration.nope' });
    // @ts-expect-error a known type with a wrong parameter type
    send({ type: 'registration.enter', field: 'curp', value: 42 });
    // @ts-expect-error a field that does not exist
    send({ type: 'registration.enter', field: 'shoeSize', value: '42' });
    // @ts-expect-error a missing required parameter
    send({ type: 'registration.verifyId' });
    expect(actor.getSnapshot().context.history).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Observations: each one true in one run and false in another
// ---------------------------------------------------------------------------------------------

interface ObservationCase extends Arrange {
  events: RegistrationEvent[];
}

const mismatched = () =>
  gloria({
    documents: [
      { kind: 'ine', name: { given: 'Gloria', first: 'Hernández', second: 'García' }, curp: 'HEGG560427MVZRRL04', birth: '1956-07-27', sex: 'M' },
    ],
  });
const tsotsil = () => gloria({ language: 'tzo', speaksSpanish: false });
const minorCase = { patient: sofia(), people: [juan()] };
const SOFIA_FORM: RegistrationEvent[] = [
  enter('givenName', 'Sofía'),
  enter('firstSurname', 'López'),
  enter('secondSurname', 'Hernández'),
  enter('birthDate', '2015-03-10'),
  enter('sex', 'M'),
  enter('curp', 'LOHS150310MDFPRFA4'),
  enter('address', 'Av. Insurgentes 300, Col. Roma, Ciudad de México'),
];

const OBSERVATION_CASES: Record<string, { whenTrue: ObservationCase; whenFalse: ObservationCase }> = {
  'registration.idChecked': {
    whenTrue: { events: BEST },
    whenFalse: { events: BEST.filter((e) => e.type !== 'registration.verifyId') },
  },
  'registration.mismatchNoticed': {
    whenTrue: { patient: mismatched(), events: [{ type: 'registration.requestId' }, { type: 'registration.verifyId', verdict: 'mismatch' }] },
    whenFalse: { patient: mismatched(), events: [{ type: 'registration.requestId' }, { type: 'registration.verifyId', verdict: 'matches' }] },
  },
  'registration.idVerdictCorrect': {
    whenTrue: { events: [{ type: 'registration.requestId' }, { type: 'registration.verifyId', verdict: 'matches' }] },
    whenFalse: { events: [{ type: 'registration.requestId' }, { type: 'registration.verifyId', verdict: 'mismatch' }] },
  },
  'registration.curpMatchesDocument': {
    whenTrue: { events: [enter('curp', 'HEGG560427MVZRRL04')] },
    whenFalse: { events: [enter('curp', 'HEGG700812MDFRRL04')] },
  },
  'registration.curpMatchesPerson': {
    whenTrue: { events: [enter('curp', 'HEGG560427MVZRRL04')] },
    // Valid CURP of the homonym: right name letters, wrong birth date and state.
    whenFalse: { events: [enter('curp', 'HEGG700812MDFRRL04')] },
  },
  'registration.curpValid': {
    whenTrue: { events: [enter('curp', 'HEGG560427MVZRRL04')] },
    whenFalse: { events: [enter('curp', 'HEGG560427MVZRRL05')] },
  },
  'registration.sexMatchesDocument': {
    whenTrue: { events: [enter('sex', 'm')] },
    whenFalse: { events: [enter('sex', 'H')] },
  },
  'registration.voluntaryPurposesAsChosen': {
    whenTrue: { options: { patientAcceptsVoluntaryPurposes: false }, events: CONSENT },
    whenFalse: { events: CONSENT },
  },
  'registration.consentBeforeSensitiveData': {
    whenTrue: { events: BEST },
    whenFalse: { events: [enter('reasonForVisit', 'Dolor de cabeza'), ...CONSENT] },
  },
  'registration.noticeBeforeConsent': {
    whenTrue: { events: CONSENT },
    whenFalse: { events: [CONSENT[1]!, CONSENT[0]!] },
  },
  'registration.consentBySignerEntitled': {
    whenTrue: { ...minorCase, events: [{ type: 'registration.recordConsent', signedBy: 'guardian' }] },
    whenFalse: { ...minorCase, events: [{ type: 'registration.recordConsent', signedBy: 'patient' }] },
  },
  'registration.recordsSearched': {
    whenTrue: { events: BEST },
    whenFalse: { events: BEST.filter((e) => e.type !== 'registration.search') },
  },
  'registration.duplicateAvoided': {
    whenTrue: {
      options: { records: RECORDS },
      events: [{ type: 'registration.search', query: 'Gloria' }, { type: 'registration.selectRecord', recordId: 'EXP-0202' }, ...CONSENT, { type: 'registration.save' }],
    },
    whenFalse: { options: { records: RECORDS }, events: BEST },
  },
  'registration.homonymNotConfused': {
    whenTrue: {
      options: { records: RECORDS },
      events: [{ type: 'registration.search', query: 'Gloria' }, { type: 'registration.selectRecord', recordId: 'EXP-0202' }],
    },
    whenFalse: {
      options: { records: RECORDS },
      events: [{ type: 'registration.search', query: 'Gloria' }, { type: 'registration.selectRecord', recordId: 'EXP-0101' }],
    },
  },
  'registration.guardianRecorded': {
    whenTrue: { ...minorCase, events: [enter('guardianName', 'Juan López Pérez'), enter('guardianRelation', 'padre')] },
    whenFalse: { ...minorCase, events: [enter('guardianName', 'Juan López Pérez')] },
  },
  'registration.interpreterArranged': {
    whenTrue: { patient: tsotsil(), events: [{ type: 'registration.requestInterpreter', language: 'tzo' }, ...CONSENT] },
    whenFalse: { patient: tsotsil(), events: [...CONSENT, { type: 'registration.requestInterpreter', language: 'tzo' }] },
  },
  'registration.interpreterNotForced': {
    whenTrue: { events: CONSENT },
    whenFalse: { events: [{ type: 'registration.requestInterpreter', language: 'nah' }] },
  },
  'registration.requiredFieldsComplete': {
    whenTrue: { events: [...CONSENT, ...GLORIA_FORM] },
    whenFalse: { events: [...CONSENT, ...GLORIA_FORM.slice(1)] },
  },
  'registration.dataReadBack': {
    whenTrue: { events: BEST },
    whenFalse: { events: BEST.filter((e) => e.type !== 'registration.readBack') },
  },
  'registration.saved': {
    whenTrue: { events: BEST },
    whenFalse: { events: BEST.slice(0, -1) },
  },
  'registration.savedFirstTime': {
    whenTrue: { events: BEST },
    whenFalse: { events: [...CONSENT, { type: 'registration.save' }, ...GLORIA_FORM, { type: 'registration.save' }] },
  },
};

describe('registration observations', () => {
  it('publishes at least 8 namespaced observations, each with a test case', () => {
    const ids = registrationObservations.map((o) => o.id);
    expect(ids.length).toBeGreaterThanOrEqual(8);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^registration\.[a-z][A-Za-z]+$/);
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

  describe('registration.voluntaryPurposesAsChosen', () => {
    const consent = (voluntaryPurposes?: boolean): RegistrationEvent[] => [
      { type: 'registration.showPrivacyNotice' },
      voluntaryPurposes === undefined
        ? { type: 'registration.recordConsent', signedBy: 'patient' }
        : { type: 'registration.recordConsent', signedBy: 'patient', voluntaryPurposes },
    ];
    const asChosen = (events: RegistrationEvent[], options: RegistrationOptions = {}) =>
      observation('registration.voluntaryPurposesAsChosen').evaluate(run(events, { options }));

    it('takes the patient as accepting when the case does not say', () => {
      expect(asChosen(consent(true))).toBe(true);
      expect(asChosen(consent(false))).toBe(false);
      // An unstated choice in the log is recorded as refused, which a consenting patient did not say.
      expect(asChosen(consent())).toBe(false);
    });

    it('follows the choice the case gives the patient', () => {
      expect(asChosen(consent(false), { patientAcceptsVoluntaryPurposes: false })).toBe(true);
      expect(asChosen(consent(true), { patientAcceptsVoluntaryPurposes: false })).toBe(false);
      expect(asChosen(consent(true), { patientAcceptsVoluntaryPurposes: true })).toBe(true);
    });

    it('is false when no consent was recorded, whatever the patient chose', () => {
      expect(asChosen([{ type: 'registration.showPrivacyNotice' }])).toBe(false);
      expect(asChosen([{ type: 'registration.showPrivacyNotice' }], { patientAcceptsVoluntaryPurposes: false })).toBe(false);
    });

    it('counts the guardian’s choice for a minor', () => {
      const events: RegistrationEvent[] = [
        { type: 'registration.showPrivacyNotice' },
        { type: 'registration.recordConsent', signedBy: 'guardian', voluntaryPurposes: false },
      ];
      const s = run(events, { ...minorCase, options: { patientAcceptsVoluntaryPurposes: false } });
      expect(observation('registration.voluntaryPurposesAsChosen').evaluate(s)).toBe(true);
    });
  });

  describe('registration.sexMatchesDocument', () => {
    const sexOk = (sex: string | null, patient: Person = gloria()) =>
      observation('registration.sexMatchesDocument').evaluate(run(sex === null ? [] : [enter('sex', sex)], { patient }));

    it('compares with the sex printed on the ID', () => {
      expect(sexOk('M')).toBe(true);
      expect(sexOk(' m ')).toBe(true);
      expect(sexOk('H')).toBe(false);
      expect(sexOk('X')).toBe(false);
    });

    it('is false while the field is empty', () => {
      expect(sexOk(null)).toBe(false);
      expect(sexOk('')).toBe(false);
    });

    it('uses the 11th letter of the document’s CURP when the document has no sex field', () => {
      const alexis = gloria({
        sex: 'X',
        documents: [{ kind: 'ine', name: { given: 'Alexis', first: 'Jiménez', second: 'Robles' }, curp: 'JIRA981005XDFMBL07', birth: '1998-10-05' }],
      });
      expect(sexOk('X', alexis)).toBe(true);
      expect(sexOk('H', alexis)).toBe(false);
      expect(sexOk('M', alexis)).toBe(false);
    });

    it('follows the document, not the person, when they disagree', () => {
      const misprinted = gloria({ documents: [{ kind: 'ine', name: { given: 'Gloria', first: 'Hernández', second: 'García' }, sex: 'H' }] });
      expect(sexOk('H', misprinted)).toBe(true);
      expect(sexOk('M', misprinted)).toBe(false);
    });

    it('ignores documents that are not an official ID and is false when no ID says the sex', () => {
      const cardOnly = gloria({ documents: [{ kind: 'imss-card', name: { given: 'Gloria', first: 'Hernández', second: 'García' }, nss: '72795608040', curp: 'HEGG560427MVZRRL04' }] });
      expect(sexOk('M', cardOnly)).toBe(false);
      const noSex = gloria({ documents: [{ kind: 'passport', name: { given: 'Gloria', first: 'Hernández', second: 'García' } }] });
      expect(sexOk('M', noSex)).toBe(false);
    });
  });

  it('checks the guardian’s ID too for a minor', () => {
    const patientOnly: RegistrationEvent[] = [{ type: 'registration.requestId' }, { type: 'registration.verifyId', verdict: 'matches' }];
    const both: RegistrationEvent[] = [
      ...patientOnly,
      { type: 'registration.requestId', personId: 'guardian' },
      { type: 'registration.verifyId', personId: 'guardian', verdict: 'matches' },
    ];
    expect(observation('registration.idChecked').evaluate(run(patientOnly, minorCase))).toBe(false);
    expect(observation('registration.idChecked').evaluate(run(both, minorCase))).toBe(true);
  });

  it('registers a minor end to end with the guardian signing', () => {
    const s = run(
      [
        { type: 'registration.requestId' },
        { type: 'registration.verifyId', verdict: 'matches' },
        { type: 'registration.requestId', personId: 'guardian' },
        { type: 'registration.verifyId', personId: 'guardian', verdict: 'matches' },
        { type: 'registration.showPrivacyNotice' },
        { type: 'registration.recordConsent', signedBy: 'guardian', voluntaryPurposes: true },
        ...SOFIA_FORM,
        enter('guardianName', 'Juan López Pérez'),
        enter('guardianRelation', 'padre'),
        { type: 'registration.readBack' },
        { type: 'registration.save' },
      ],
      minorCase,
    );
    expect(s.matches('saved')).toBe(true);
    const failed = registrationObservations.filter((o) => !o.evaluate(s)).map((o) => o.id);
    // No search was made: the only observation this path misses.
    expect(failed).toEqual(['registration.recordsSearched']);
  });

  it('asks the interpreter of the guardian’s language when a minor comes with a guardian', () => {
    const arrange = { patient: sofia({ language: 'tzo', speaksSpanish: false }), people: [juan({ language: 'tzo', speaksSpanish: false })] };
    const s = run([{ type: 'registration.requestInterpreter', language: 'tzo' }], arrange);
    expect(observation('registration.interpreterArranged').evaluate(s)).toBe(true);
    const wrongLanguage = run([{ type: 'registration.requestInterpreter', language: 'nah' }], arrange);
    expect(observation('registration.interpreterArranged').evaluate(wrongLanguage)).toBe(false);
  });

  it('passes every observation on the best path for a returning patient', () => {
    const s = run(
      [
        { type: 'registration.requestId' },
        { type: 'registration.verifyId', verdict: 'matches' },
        { type: 'registration.search', query: 'HEGG560427MVZRRL04' },
        { type: 'registration.selectRecord', recordId: 'EXP-0202' },
        ...CONSENT,
        enter('phone', '55 1234 5678'),
        { type: 'registration.readBack' },
        { type: 'registration.save' },
      ],
      // CONSENT refuses the voluntary purposes: so does this patient.
      { options: { records: RECORDS, patientAcceptsVoluntaryPurposes: false } },
    );
    expect(registrationObservations.filter((o) => !o.evaluate(s)).map((o) => o.id)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Event catalogue and workflow definition
// ---------------------------------------------------------------------------------------------

/** One example of every event type, as an instructor would write it in YAML. */
const EXAMPLES: RegistrationEvent[] = [
  { type: 'registration.requestId' },
  { type: 'registration.requestId', personId: 'guardian' },
  { type: 'registration.verifyId', verdict: 'matches' },
  { type: 'registration.verifyId', personId: 'guardian', verdict: 'mismatch' },
  { type: 'registration.search', query: 'Gloria Hernández' },
  { type: 'registration.selectRecord', recordId: 'EXP-0202' },
  { type: 'registration.newRecord' },
  { type: 'registration.showPrivacyNotice' },
  { type: 'registration.recordConsent', signedBy: 'patient' },
  { type: 'registration.recordConsent', signedBy: 'guardian', voluntaryPurposes: true },
  { type: 'registration.requestInterpreter', language: 'tzo' },
  { type: 'registration.enter', field: 'curp', value: 'HEGG560427MVZRRL04' },
  { type: 'registration.readBack' },
  { type: 'registration.save' },
  { type: 'registration.cancel' },
];

describe('registration workflow definition', () => {
  it('describes every event type with a schema that accepts the examples', () => {
    expect(new Set(EXAMPLES.map((e) => e.type))).toEqual(new Set(Object.keys(registrationEvents)));
    for (const { type, ...params } of EXAMPLES) {
      const parsed = registrationEvents[type].params.safeParse(params);
      expect(parsed.success, type).toBe(true);
    }
  });

  it('rejects unknown keys and wrong types in params', () => {
    expect(registrationEvents['registration.enter'].params.safeParse({ field: 'curp', value: 1 }).success).toBe(false);
    expect(registrationEvents['registration.save'].params.safeParse({ now: true }).success).toBe(false);
    expect(registrationEvents['registration.enter'].params.safeParse({ field: 'nss', value: 'x' }).success).toBe(false);
  });

  it('gives each event a realistic cost and a bilingual description', () => {
    for (const [type, spec] of Object.entries(registrationEvents)) {
      expect(spec.cost, type).toBeGreaterThan(0);
      expect(spec.cost, type).toBeLessThanOrEqual(300);
      expect(spec.description['es-MX'].length, type).toBeGreaterThan(5);
      expect(spec.description.en.length, type).toBeGreaterThan(5);
    }
    expect(registrationEvents['registration.showPrivacyNotice'].cost).toBe(60);
  });

  it('validates the task options strictly, all fields optional', () => {
    expect(registrationWorkflow.options.safeParse({}).success).toBe(true);
    expect(registrationWorkflow.options.safeParse({ records: RECORDS, curpRequired: false }).success).toBe(true);
    expect(registrationWorkflow.options.safeParse({ patientAcceptsVoluntaryPurposes: false }).success).toBe(true);
    expect(registrationWorkflow.options.safeParse({ patientAcceptsVoluntaryPurposes: 'no' }).success).toBe(false);
    expect(registrationWorkflow.options.safeParse({ record: [] }).success).toBe(false);
    expect(registrationWorkflow.options.safeParse({ records: [{ recordId: 'x', name: 'A', birth: '01/02/2000' }] }).success).toBe(false);
  });

  it('builds the input from a case with defaults', () => {
    const input = registrationWorkflow.input(makeCase(gloria(), {}));
    expect(input).toMatchObject({ today: '2026-01-15', records: [], curpRequired: true, patientAcceptsVoluntaryPurposes: true });
    expect(registrationWorkflow.input(makeCase(gloria(), { patientAcceptsVoluntaryPurposes: false }))).toMatchObject({ patientAcceptsVoluntaryPurposes: false });
  });

  it('keeps the snapshot context serialisable', () => {
    const s = run(BEST, { options: { records: RECORDS } });
    expect(JSON.parse(JSON.stringify(s.context))).toEqual(s.context);
  });
});

// ---------------------------------------------------------------------------------------------
// Model-based: every state node is reachable
// ---------------------------------------------------------------------------------------------

/** Ids of the state nodes active in a state value (the root included). */
function activeNodeIds(value: StateValue, prefix: string): string[] {
  if (typeof value === 'string') return [`${prefix}.${value}`];
  return Object.entries(value).flatMap(([key, child]) => [`${prefix}.${key}`, ...(child ? activeNodeIds(child, `${prefix}.${key}`) : [])]);
}

describe('registration state graph', () => {
  it('reaches every state node by shortest paths', () => {
    const input = registrationInput(makeCase<RegistrationOptions>(sofia(), { records: [{ recordId: 'EXP-1', name: 'Sofía López Hernández', birth: '2015-03-10' }] }, { people: [juan()] }));
    const events: RegistrationEvent[] = [
      ...EXAMPLES.filter((e) => e.type !== 'registration.selectRecord' && e.type !== 'registration.search'),
      { type: 'registration.search', query: 'Sofía' },
      { type: 'registration.selectRecord', recordId: 'EXP-1' },
    ];
    // Context grows with every action; group snapshots by state value to keep the graph finite.
    const serializeState = (s: RegistrationSnapshot) => JSON.stringify(s.value);
    const fromStart = getShortestPaths(registrationMachine, { input, events, serializeState });
    // Typing a field does not change the state value, so the walk above cannot see a complete form:
    // walk again from a snapshot whose form is complete (saving is then possible).
    const prefilled = createActor(registrationMachine, { input }).start();
    for (const e of [...SOFIA_FORM, enter('guardianName', 'Juan López Pérez'), enter('guardianRelation', 'padre')]) prefilled.send(e);
    const fromFilledForm = getShortestPaths(registrationMachine, { input, events, serializeState, fromState: prefilled.getSnapshot() });
    const paths = [...fromStart, ...fromFilledForm];
    const reached = new Set(paths.flatMap((p) => ['registration', ...activeNodeIds(p.state.value, 'registration')]));
    const expected = getStateNodes(registrationMachine.root).map((n) => n.id);
    expected.push(registrationMachine.root.id);
    const missing = [...new Set(expected)].filter((id) => !reached.has(id));
    console.log(`registration: reached ${reached.size} of ${new Set(expected).size} state nodes (${paths.length} state values)`);
    expect(missing).toEqual([]);
    expect(reached.size).toBe(new Set(expected).size);
  });
});
