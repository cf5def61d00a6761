/**
 * A small fake workflow and case for engine tests and benchmarks, so they do not depend on the
 * real workflow machines. The "form" workflow: fill fields, record consent, save (saving needs a
 * name; a save without one records an error and stays open). Registered as `registration` in the
 * returned map, because task steps may only name known workflow ids.
 */
import { assign, setup } from 'xstate';
import { z } from 'zod';
import { t } from '../../domain/text';
import { acceptorOf, type WorkflowDefinition } from '../../machines/workflow';
import type { WorkflowRegistry } from '../../machines/registry';
import { caseSchema, shiftSchema, type ScenarioCase, type ShiftFile } from '../format/scenario.schema';

interface FormContext {
  expectedName: string;
  fields: Record<string, string>;
  consent: boolean;
  errors: string[];
  history: string[];
}

type FormEvent =
  | { type: 'form.fill'; field: string; value: string }
  | { type: 'form.consent' }
  | { type: 'form.save' };

/** The fake form machine: editing until a save with a name. */
export const formMachine = setup({
  types: { context: {} as FormContext, events: {} as FormEvent, input: {} as { expectedName: string } },
  guards: { hasName: ({ context }) => (context.fields.name ?? '') !== '' },
  actions: {
    fill: assign(({ context, event }) =>
      event.type === 'form.fill' ? { fields: { ...context.fields, [event.field]: event.value }, history: [...context.history, event.type] } : {},
    ),
    consent: assign(({ context }) => ({ consent: true, history: [...context.history, 'form.consent'] })),
    refuse: assign(({ context }) => ({ errors: [...context.errors, 'name-required'], history: [...context.history, 'form.save'] })),
    save: assign(({ context }) => ({ history: [...context.history, 'form.save'] })),
  },
}).createMachine({
  id: 'form',
  context: ({ input }) => ({ expectedName: input.expectedName, fields: {}, consent: false, errors: [], history: [] }),
  initial: 'editing',
  states: {
    editing: {
      on: {
        'form.fill': { actions: 'fill' },
        'form.consent': { actions: 'consent' },
        'form.save': [{ guard: 'hasName', target: 'saved', actions: 'save' }, { actions: 'refuse' }],
      },
    },
    saved: { type: 'final' },
  },
});

type FormSnapshot = { context: FormContext; status: string };

/** The fake form's events. */
const formEvents = {
  'form.fill': { params: z.strictObject({ field: z.string(), value: z.string() }), cost: 15, description: t('Llenar un campo', 'Fill a field') },
  'form.consent': { params: z.strictObject({}), cost: 30, description: t('Registrar el consentimiento', 'Record consent') },
  'form.save': { params: z.strictObject({}), cost: 10, description: t('Guardar', 'Save') },
};

/** The fake form workflow's definition. */
export const formWorkflow: WorkflowDefinition = {
  id: 'registration',
  title: t('Formulario de prueba', 'Test form'),
  machine: formMachine,
  options: z.strictObject({ strict: z.boolean().optional() }),
  input: (c) => ({ expectedName: c.patient.name.given }),
  events: formEvents,
  accept: acceptorOf(formEvents, { code: 'form.malformed', severity: 'error', message: t('Datos no válidos', 'Invalid data') }),
  observations: [
    {
      id: 'form.consentFirst',
      description: t('El consentimiento se registró antes de llenar datos', 'Consent was recorded before any data'),
      evaluate: (s: FormSnapshot) => {
        const consent = s.context.history.indexOf('form.consent');
        const fill = s.context.history.indexOf('form.fill');
        return consent !== -1 && (fill === -1 || consent < fill);
      },
    },
    {
      id: 'form.nameMatches',
      description: t('El nombre coincide con el paciente', 'The name matches the patient'),
      evaluate: (s: FormSnapshot) => s.context.fields.name === s.context.expectedName,
    },
    {
      id: 'form.savedFirstTry',
      description: t('Se guardó al primer intento', 'Saved at the first try'),
      evaluate: (s: FormSnapshot) => s.context.errors.length === 0,
    },
  ],
  isDone: (s: FormSnapshot) => s.status === 'done',
};

/** The workflow map for tests: the fake form as `registration`. */
export const fakeWorkflows: WorkflowRegistry = { registration: formWorkflow };

/** Example params for each fake event (for random play). */
export const formEventExamples: Record<string, Record<string, unknown>[]> = {
  'form.fill': [
    { field: 'name', value: 'Gloria' },
    { field: 'name', value: 'Glora' },
    { field: 'phone', value: '55 1234 5678' },
  ],
  'form.consent': [{}],
  'form.save': [{}],
};

/**
 * A case over the fake form: a greeting (formal +2 communication, rushed -2, rude is critical),
 * a narrative line, the form task (consent first: privacy 5 critical; name: accuracy 5), a branch
 * on the name, and two ends. Practice hint at the greeting.
 */
export function fakeCase(overrides: Partial<Record<string, unknown>> = {}): ScenarioCase {
  return caseSchema.parse({
    format: 1,
    id: 'caso-prueba',
    title: t('Caso de prueba', 'Test case'),
    summary: t('Un caso pequeño', 'A small case'),
    workflows: ['registration'],
    difficulty: 'basic',
    minutes: 5,
    region: 'urban',
    specialty: 'general',
    objectives: [t('Probar el motor', 'Test the engine')],
    clinic: 'umf-prueba',
    time: '09:00',
    people: {
      patient: { name: { given: 'Gloria', first: 'Hernández', second: 'García' }, birth: '1956-04-27', sex: 'M', birthState: 'VZ', curp: 'HEGG560427MVZRRL04' },
    },
    rubric: { pass: 70, weights: { accuracy: 40, privacy: 40, communication: 20 } },
    start: 'saludo',
    steps: {
      saludo: {
        say: { who: 'patient', 'es-MX': 'Buenos días.', en: 'Good morning.' },
        hint: t('Salude con respeto y pida una identificación.', 'Greet politely and ask for an ID.'),
        choose: [
          { id: 'formal', text: t('Buenos días, señora.', 'Good morning, madam.'), score: { communication: 2 }, feedback: t('Bien: trato de usted.', 'Good: formal address.'), next: 'pasillo' },
          { id: 'rushed', text: t('Nombre.', 'Name.'), score: { communication: -2 }, feedback: t('Demasiado seco.', 'Too curt.'), next: 'pasillo' },
          { id: 'rude', text: t('¿Qué quiere?', 'What do you want?'), score: { communication: -5 }, critical: true, feedback: t('Falta de respeto.', 'Disrespectful.'), next: 'pasillo' },
        ],
      },
      pasillo: { say: { 'es-MX': 'La paciente se sienta frente a usted.', en: 'The patient sits in front of you.' }, next: 'registro' },
      registro: {
        task: 'registration',
        checks: [
          { observe: 'form.consentFirst', points: { privacy: 5 }, critical: true, feedback: t('Primero el consentimiento.', 'Consent first.') },
          { observe: 'form.nameMatches', points: { accuracy: 5 }, feedback: t('El nombre debe coincidir.', 'The name must match.') },
        ],
        next: [
          { when: 'form.nameMatches', is: true, next: 'fin' },
          { next: 'corregir' },
        ],
      },
      corregir: {
        choose: [
          { id: 'disculpa', text: t('Disculpe, corrijo su nombre.', 'Sorry, I will fix your name.'), next: 'fin-error' },
        ],
      },
      fin: { end: t('La paciente pasa a la sala.', 'The patient goes to the waiting room.'), outcome: 'success' },
      'fin-error': { end: t('El registro queda con un error.', 'The record keeps an error.'), outcome: 'partial' },
    },
    ...overrides,
  });
}

/** The best log of the fake case, in internal form. */
export const bestLog = [
  { type: 'choose', choice: 'formal' },
  { type: 'form.consent' },
  { type: 'form.fill', field: 'name', value: 'Gloria' },
  { type: 'form.save' },
] as const;

/** A one-hour shift at the fake clinic: the fake case at the desk at 08:00 and by phone at 08:01. */
export function fakeShift(overrides: Record<string, unknown> = {}): ShiftFile {
  return shiftSchema.parse({
    format: 1,
    kind: 'shift',
    id: 'turno-prueba',
    title: t('Turno', 'Shift'),
    summary: t('Resumen', 'Summary'),
    difficulty: 'basic',
    minutes: 60,
    region: 'urban',
    objectives: [t('Atender', 'Attend')],
    clinic: 'umf-prueba',
    start: '08:00',
    end: '09:00',
    rubric: { pass: 70, weights: { efficiency: 40, communication: 30, safety: 20, privacy: 10 } },
    targets: { waitMinutes: 10, redFlagMinutes: 3, callRings: 6, roomMinutes: 15 },
    arrivals: [
      { at: '08:00', case: 'caso-prueba' },
      { at: '08:01', case: 'caso-prueba', channel: 'phone' },
    ],
    ...overrides,
  });
}
