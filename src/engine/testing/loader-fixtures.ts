/**
 * A tiny fake workflow and sample files for the loader, linter and CLI tests, so they do not depend
 * on the real machines. Registered as `registration` because task steps may only name known ids.
 */
import { setup } from 'xstate';
import { z } from 'zod';
import { t } from '../../domain/text';
import { acceptorOf, type WorkflowDefinition } from '../../machines/workflow';
import type { WorkflowRegistry } from '../load/loader';

/** Saves once; that is all the fake needs. */
export const fakeMachine = setup({
  types: { events: {} as { type: 'registration.save' } | { type: 'registration.enter'; field: string; value: string } },
}).createMachine({
  id: 'fake',
  initial: 'open',
  states: { open: { on: { 'registration.save': 'saved' } }, saved: { type: 'final' } },
});

/** The fake workflow's events. */
const fakeEvents = {
  'registration.save': { params: z.strictObject({}), cost: 5, description: t('Guardar', 'Save') },
  'registration.enter': {
    params: z.strictObject({ field: z.enum(['curp', 'name']), value: z.string() }),
    cost: 10,
    description: t('Capturar un campo', 'Enter a field'),
  },
};

/** The fake workflow definition: two events, two observations, one option. */
export const fakeWorkflow: WorkflowDefinition = {
  id: 'registration',
  title: t('Registro de prueba', 'Test registration'),
  machine: fakeMachine,
  options: z.strictObject({ requireConsent: z.boolean().optional() }),
  input: () => ({}),
  events: fakeEvents,
  accept: acceptorOf(fakeEvents, { code: 'registration.malformed', severity: 'error', message: t('Datos no válidos', 'Invalid data') }),
  observations: [
    { id: 'registration.saved', description: t('Se guardó', 'Saved'), evaluate: () => true },
    { id: 'registration.consentBeforeSensitiveData', description: t('Consentimiento primero', 'Consent first'), evaluate: () => true },
  ],
  isDone: (s) => s.status === 'done',
};

/** A registry holding only the fake workflow. */
export const fakeRegistry: WorkflowRegistry = { registration: fakeWorkflow };

/** A valid clinic file named umf-prueba.yaml. */
export const CLINIC_YAML = `format: 1
kind: clinic
id: umf-prueba
name: UMF de prueba
type: imss-umf
region: urban
state: Ciudad de México
city: Ciudad de México
address: Av. Juárez 100
umf: 12
hours: { days: [1, 2, 3, 4, 5], open: "08:00", close: "20:00" }
doctors:
  - { id: dr-ruiz, name: Dra. Ana Ruiz, specialty: general, blocks: [{ day: 1, start: "08:00", end: "14:00" }] }
visitTypes:
  - { id: primera-vez, name: { es-MX: Primera vez, en: First visit }, minutes: 20 }
rooms:
  - { id: c1, name: Consultorio 1, specialty: general }
`;

/** A valid case file named caso-prueba.yaml with a task step on the fake workflow. Lines matter to tests. */
export const CASE_YAML = `format: 1
id: caso-prueba
title: { es-MX: "Caso de prueba", en: "Test case" }
summary: { es-MX: "Resumen", en: "Summary" }
workflows: [registration]
difficulty: basic
minutes: 5
region: urban
specialty: general
objectives:
  - { es-MX: "Saludar", en: "Greet" }
clinic: umf-prueba
people:
  patient:
    name: { given: Gloria, first: Hernández, second: García }
    birth: 1956-04-27
    sex: M
    birthState: VZ
    curp: HEGG560427MVZRRL04
    coverage: { kind: imss, nss: "72795608040", status: active }
    documents:
      - { kind: ine, curp: HEGG560427MVZRRL04 }
rubric:
  pass: 70
  weights: { communication: 50, privacy: 50 }
start: saludo
steps:
  saludo:
    say: { who: patient, es-MX: "Buenos días.", en: "Good morning." }
    choose:
      - id: formal
        text: { es-MX: "Buenos días, señora.", en: "Good morning, ma'am." }
        score: { communication: 2 }
        feedback: { es-MX: "Bien.", en: "Good." }
        next: registro
      - id: brusco
        text: { es-MX: "¿Nombre?", en: "Name?" }
        score: { communication: -1 }
        feedback: { es-MX: "Falta el saludo.", en: "No greeting." }
        next: registro
  registro:
    task: registration
    checks:
      - observe: registration.consentBeforeSensitiveData
        points: { privacy: 5 }
        critical: true
        feedback: { es-MX: "Consentimiento primero.", en: "Consent first." }
    next: fin
  fin:
    end: { es-MX: "Fin.", en: "The end." }
tests:
  - name: mejor camino
    log:
      - { choose: formal }
      - { registration.enter: { field: curp, value: HEGG560427MVZRRL04 } }
      - { registration.save: {} }
    expect: { percent: 100, passed: true, end: fin }
`;
