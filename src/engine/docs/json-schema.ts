/**
 * The JSON Schema of scenario files, generated from the zod schemas so editors (VS Code with the
 * YAML extension, for instance) complete and check fields as authors type. Written to
 * scenarios/schema.json by `npm run scenarios -- schema`; a test fails when that file is stale.
 * Cross-file rules (references, observations, identifiers) are only in the loader.
 */
import { z } from 'zod';
import { caseSchema, clinicSchema, FORMAT_VERSION, shiftSchema } from '../format/scenario.schema';

/** The schema's stable address (also used by `# yaml-language-server: $schema=` lines). */
export const SCHEMA_ID = 'https://mesa-clinica.example/scenarios/schema.json';

type Json = Record<string, unknown>;

/** One line per top-level field, in both languages: what editors show on hover. */
const FIELD_DOCS: Record<'case' | 'clinic' | 'shift', Record<string, string>> = {
  case: {
    format: 'Versión del formato / format version',
    kind: 'case (se puede omitir / may be omitted)',
    id: 'Id en kebab-case, igual al nombre del archivo / kebab-case id, equal to the file name',
    title: 'Título / title (es-MX, en)',
    summary: 'Resumen para el catálogo / summary for the catalogue',
    notes: 'Notas para instructores / notes for instructors',
    workflows: 'Flujos que usa el caso / workflows the case uses',
    difficulty: 'basic | intermediate | advanced',
    minutes: 'Minutos típicos de juego / typical minutes to play',
    region: 'urban | rural',
    specialty: 'Especialidad de la consulta / specialty of the visit',
    objectives: 'Objetivos de aprendizaje / learning objectives',
    clinic: 'Id de una clínica de scenarios/clinics / a clinic id from scenarios/clinics',
    today: 'Fecha simulada AAAA-MM-DD / simulated date YYYY-MM-DD',
    time: 'Hora simulada HH:MM / simulated time HH:MM',
    assessment: 'Usable en evaluaciones / usable in assessments',
    services: 'Estado de los portales simulados / state of the simulated portals',
    people: 'Personas del caso; patient es obligatorio / people in the case; patient is required',
    rubric: 'Calificación aprobatoria y pesos / pass mark and weights',
    start: 'Id del primer paso / id of the first step',
    steps: 'Pasos por id / steps by id',
    tests: 'Pruebas del caso (registro y resultado esperado) / self-tests (log and expected result)',
  },
  clinic: {
    format: 'Versión del formato / format version',
    kind: 'clinic',
    id: 'Id en kebab-case, igual al nombre del archivo / kebab-case id, equal to the file name',
    name: 'Nombre de la unidad / name of the unit',
    type: 'imss-umf | imss-bienestar | private | issste',
    doctors: 'Médicos y sus horarios / doctors and their hours',
    visitTypes: 'Tipos de consulta / visit types',
    rooms: 'Consultorios / rooms',
    appointments: 'Citas ya agendadas / appointments already booked',
  },
  shift: {
    format: 'Versión del formato / format version',
    kind: 'shift',
    id: 'Id en kebab-case, igual al nombre del archivo / kebab-case id, equal to the file name',
    clinic: 'Id de la clínica / clinic id',
    start: 'Inicio del turno HH:MM / shift start HH:MM',
    end: 'Fin del turno HH:MM / shift end HH:MM',
    arrivals: 'Llegadas: casos por id, hora y canal / arrivals: cases by id, time and channel',
    events: 'Eventos del turno / shift events',
    targets: 'Metas del turno / shift targets',
  },
};

function part(kind: 'case' | 'clinic' | 'shift', schema: z.ZodType, title: string): Json {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  delete json['$schema'];
  const props = (json['properties'] ?? {}) as Record<string, Json>;
  for (const [key, doc] of Object.entries(FIELD_DOCS[kind])) {
    const p = props[key];
    if (p && p['description'] === undefined) p['description'] = doc;
  }
  return { title, ...json };
}

/** The JSON Schema of every scenario file: a case, a clinic or a shift, chosen by `kind`. */
export function buildJsonSchema(): Json {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: `Mesa clínica scenario file, format ${FORMAT_VERSION}`,
    description:
      'Un caso, una clínica o un turno del simulador de recepción (docs/scenario-format.md). / A case, a clinic or a shift of the front-desk simulator (docs/scenario-format.md). Generated: npm run scenarios -- schema',
    $defs: {
      case: part('case', caseSchema, 'Case / caso'),
      clinic: part('clinic', clinicSchema, 'Clinic / clínica'),
      shift: part('shift', shiftSchema, 'Shift / turno'),
    },
    if: { type: 'object', properties: { kind: { const: 'clinic' } }, required: ['kind'] },
    then: { $ref: '#/$defs/clinic' },
    else: {
      if: { type: 'object', properties: { kind: { const: 'shift' } }, required: ['kind'] },
      then: { $ref: '#/$defs/shift' },
      else: { $ref: '#/$defs/case' },
    },
  };
}

/** The exact text of scenarios/schema.json (stable key order, trailing newline). */
export function jsonSchemaText(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}
