/**
 * Scenario files for the trainee screens' tests: a clinic and two small dialogue-only cases (so the
 * tests do not depend on the tools or on the shipped library's content).
 */
import { CLINIC_YAML } from '../engine/testing/loader-fixtures';
import type { SourceFile } from '../engine/load/library';

/** A dialogue case: greeting (formal +2, curt -2 with feedback, rude critical), then an end. */
export const SALUDO_YAML = `format: 1
id: saludo-cordial
title: { es-MX: "Saludo en el mostrador", en: "Greeting at the desk" }
summary: { es-MX: "Una paciente llega a la ventanilla.", en: "A patient arrives at the window." }
workflows: [registration]
difficulty: basic
minutes: 3
region: urban
specialty: general
objectives:
  - { es-MX: "Saludar con respeto", en: "Greet politely" }
clinic: umf-prueba
assessment: true
people:
  patient:
    name: { given: Gloria, first: Hernández, second: García }
    birth: 1956-04-27
    sex: M
    birthState: VZ
    curp: HEGG560427MVZRRL04
    mood: anxious
    documents:
      - { kind: ine, curp: HEGG560427MVZRRL04, name: { given: Gloria, first: Hernández, second: García } }
rubric:
  pass: 70
  weights: { communication: 100 }
start: saludo
steps:
  saludo:
    say: { who: patient, es-MX: "Buenos días, vengo a mi cita.", en: "Good morning, I am here for my appointment.", mood: anxious }
    hint: { es-MX: "Use **usted**.", en: "Use the formal **usted**." }
    choose:
      - id: formal
        text: { es-MX: "Buenos días, señora. ¿En qué le puedo ayudar?", en: "Good morning, madam. How may I help you?" }
        score: { communication: 2 }
        feedback: { es-MX: "Bien: saludo y trato de usted.", en: "Good: a greeting and formal address." }
        next: despedida
      - id: seco
        text: { es-MX: "Nombre.", en: "Name." }
        score: { communication: -2 }
        feedback: { es-MX: "Demasiado seco: salude primero.", en: "Too curt: greet first." }
        next: despedida
  despedida:
    say: { who: patient, es-MX: "Gracias.", en: "Thank you." }
    choose:
      - id: pase
        text: { es-MX: "Pase a la sala, por favor.", en: "Please go to the waiting room." }
        score: { communication: 1 }
        next: fin
  fin:
    end: { es-MX: "La paciente espera su turno.", en: "The patient waits for her turn." }
    outcome: success
`;

/** A second case, for the library's filters. */
export const PEDIATRIA_YAML = `format: 1
id: nino-con-fiebre
title: { es-MX: "Niño con fiebre en la sierra", en: "Child with a fever in the mountains" }
summary: { es-MX: "Una madre llega con su hijo.", en: "A mother arrives with her son." }
workflows: [scheduling]
difficulty: advanced
minutes: 12
region: rural
specialty: pediatrics
objectives:
  - { es-MX: "Reconocer la urgencia", en: "Recognise the emergency" }
clinic: umf-prueba
people:
  patient:
    name: { given: Pedro, first: López, second: Cruz }
    birth: 2020-01-15
    sex: H
    birthState: OC
    documents: []
rubric:
  pass: 60
  weights: { safety: 100 }
start: llegada
steps:
  llegada:
    say: { who: narrator, es-MX: "Llega una madre con su hijo.", en: "A mother arrives with her son." }
    choose:
      - id: atiende
        text: { es-MX: "Lo atiendo de inmediato.", en: "I see him at once." }
        score: { safety: 3 }
        next: fin
  fin:
    end: { es-MX: "El niño pasa a valoración.", en: "The child is assessed." }
`;

/** A file that does not load (for the library's notice). */
export const BROKEN_YAML = `format: 1
id: roto
title: { es-MX: "Roto" }
`;

/** The fixture library as source files. */
export const fixtureSources = (withBroken = false): SourceFile[] => [
  { path: 'scenarios/clinics/umf-prueba.yaml', text: CLINIC_YAML },
  { path: 'scenarios/cases/saludo-cordial.yaml', text: SALUDO_YAML },
  { path: 'scenarios/cases/nino-con-fiebre.yaml', text: PEDIATRIA_YAML },
  ...(withBroken ? [{ path: 'scenarios/cases/roto.yaml', text: BROKEN_YAML }] : []),
];
