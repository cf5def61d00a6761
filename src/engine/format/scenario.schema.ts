/**
 * The scenario file format, version 1: the single source of the TypeScript types (z.infer) and of
 * the JSON Schema that authors' editors use (scenarios/schema.json, written by
 * `npm run scenarios -- schema`). The contract is docs/scenario-format.md.
 *
 * Cross-field rules that need the whole library (references, observations, identifiers) are checked
 * by the loader after this schema, so every error still gets its line.
 */
import { z } from 'zod';
import { WORKFLOW_IDS } from '../../machines/workflow';

/** The format version this build reads and writes. */
export const FORMAT_VERSION = 1;

/** Limits that keep a file readable and the loader fast. */
export const LIMITS = {
  fileBytes: 1024 * 1024,
  depth: 24,
  listLength: 500,
  textLength: 4000,
  steps: 300,
} as const;

/** What a case trains beyond its workflows, for the library's filters. */
export const TOPICS = ['identity', 'coverage', 'invoicing', 'scheduling', 'rooms', 'confidentiality', 'safety', 'communication'] as const;

/** Rubric categories: fixed names, shared by every scenario. */
export const CATEGORIES = ['accuracy', 'privacy', 'safety', 'communication', 'efficiency'] as const;
export type Category = (typeof CATEGORIES)[number];

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const STEP_ID = /^[a-z][a-z0-9_-]*$/;
const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when YYYY-MM-DD names a real calendar day. */
export function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] as number;
  return d <= days;
}

const text = z.string().min(1).max(LIMITS.textLength);

/**
 * Spanish for the English messages this schema writes (regex and refinement messages); the
 * loader shows them in the reader's language.
 */
export const MESSAGES_ES_MX: Record<string, string> = {};

/** An English message with its es-MX twin, registered for the loader. */
function msg(en: string, esMX: string): string {
  MESSAGES_ES_MX[en] = esMX;
  return en;
}

/** Adds a cross-field issue whose message exists in both languages. */
function rule(ctx: z.RefinementCtx, path: PropertyKey[], en: string, esMX: string): void {
  ctx.addIssue({ code: 'custom', path, message: en, params: { 'es-MX': esMX } });
}

/** A text in both languages. A missing translation is an error in the library. */
export const localizedSchema = z
  .strictObject({
    'es-MX': text.describe('Texto en español de México'),
    en: text.describe('English text'),
  })
  .describe('A text in es-MX and en');

export const kebabId = z
  .string()
  .regex(KEBAB, msg('an id in kebab-case: lowercase letters, digits and hyphens (e.g. umf-12-centro)', 'un id en kebab-case: minúsculas, dígitos y guiones (p. ej. umf-12-centro)'));
export const stepId = z
  .string()
  .regex(STEP_ID, msg('an id that starts with a lowercase letter, then letters, digits, _ or -', 'un id que empiece con minúscula y siga con letras, dígitos, _ o -'));
export const dateSchema = z
  .string()
  .regex(DATE, msg('a date as YYYY-MM-DD', 'una fecha como AAAA-MM-DD'))
  .refine(isRealDate, {
    message: msg('a real calendar date (this day does not exist)', 'una fecha real del calendario (ese día no existe)'),
    params: { code: 'impossible-date' },
  });
export const clockSchema = z.string().regex(CLOCK, msg('a time as HH:MM on the 24-hour clock', 'una hora como HH:MM en reloj de 24 horas'));

const points = z
  .partialRecord(z.enum(CATEGORIES), z.number().int().min(-100).max(100))
  .describe('Points per rubric category');

const sexSchema = z.enum(['H', 'M', 'X']);
const payerKind = z.enum(['imss', 'issste', 'imss-bienestar', 'pemex', 'sedena', 'semar', 'private', 'none']);

export const personNameSchema = z.strictObject({
  /** Given name(s). */
  given: z.string().min(1).max(80),
  /** First surname (apellido paterno). */
  first: z.string().min(1).max(80),
  /** Second surname (apellido materno); absent for some people. */
  second: z.string().min(1).max(80).optional(),
});

export const coverageSchema = z.strictObject({
  kind: payerKind,
  nss: z.string().max(20).optional(),
  status: z.enum(['active', 'conservation', 'inactive']).optional(),
  umf: z.number().int().min(1).max(9999).optional(),
  daysSinceLastContribution: z.number().int().min(0).max(36500).optional(),
  affiliation: z.string().max(40).optional(),
  insurer: z.string().max(80).optional(),
  policy: z.string().max(40).optional(),
  inForce: z.boolean().optional(),
  inNetwork: z.boolean().optional(),
  deductible: z.number().min(0).max(10_000_000).optional(),
  coinsurance: z.number().min(0).max(1).optional(),
  cap: z.number().min(0).max(10_000_000).optional(),
});

export const documentSchema = z.strictObject({
  kind: z.enum([
    'ine',
    'passport',
    'curp-certificate',
    'birth-certificate',
    'imss-card',
    'issste-card',
    'insurance-card',
    'authorization-letter',
    'referral',
    'prescription',
    'tax-certificate',
  ]),
  name: personNameSchema.optional(),
  curp: z.string().max(40).optional(),
  birth: dateSchema.optional(),
  sex: sexSchema.optional(),
  address: z.string().max(300).optional(),
  nss: z.string().max(20).optional(),
  insurer: z.string().max(80).optional(),
  policy: z.string().max(40).optional(),
  rfc: z.string().max(20).optional(),
  postalCode: z.string().max(10).optional(),
  regime: z.string().max(10).optional(),
  expires: dateSchema.optional(),
  note: localizedSchema.optional(),
  /**
   * Identifiers on this document that are wrong on purpose (a typo the trainee should catch): the
   * loader then skips their check-digit validation. Only the listed fields are exempt.
   */
  deliberate: z.array(z.enum(['curp', 'nss', 'rfc'])).min(1).max(3).optional(),
});

/** Variant: ask the seeded persona generator for this person's identity. */
export const generateSchema = z.strictObject({
  /** Age range in years, inclusive. */
  age: z.tuple([z.number().int().min(0).max(110), z.number().int().min(0).max(110)]).optional(),
  sex: sexSchema.optional(),
  coverage: payerKind.optional(),
  birthState: z.string().length(2).optional(),
});

const identityKeys = ['name', 'birth', 'sex', 'birthState', 'curp', 'rfc'] as const;

export const personSchema = z
  .strictObject({
    name: personNameSchema.optional(),
    birth: dateSchema.optional(),
    sex: sexSchema.optional(),
    /** Two-letter CURP state code; NE for born abroad. */
    birthState: z.string().length(2).optional(),
    curp: z.string().max(40).optional(),
    rfc: z.string().max(20).optional(),
    phone: z.string().max(30).optional(),
    email: z.string().max(120).optional(),
    address: z.string().max(300).optional(),
    /** Language spoken: es, nah (Náhuatl), tzo (Tsotsil), tzh (Tseltal), yua (Maya)... */
    language: z.string().min(2).max(8).default('es'),
    speaksSpanish: z.boolean().optional(),
    coverage: coverageSchema.optional(),
    documents: z.array(documentSchema).max(20).default([]),
    mood: z.enum(['calm', 'anxious', 'upset', 'angry', 'in-pain', 'confused']).optional(),
    guardian: stepId.optional(),
    relation: z.string().max(40).optional(),
    preferredChannel: z.enum(['phone', 'sms', 'whatsapp', 'email']).optional(),
    /** How the desk addresses this person; usted unless the scenario says otherwise. */
    addressAs: z.enum(['usted', 'tu']).optional(),
    generate: generateSchema.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.generate) {
      for (const key of identityKeys) {
        if (p[key] !== undefined) {
          rule(ctx, [key], `'${key}' is generated; remove it or remove 'generate'`, `'${key}' se genera; quítelo o quite 'generate'`);
        }
      }
      return;
    }
    for (const key of ['name', 'birth', 'sex', 'birthState'] as const) {
      if (p[key] === undefined) {
        rule(ctx, [key], `'${key}' is required unless the person is generated`, `falta '${key}': es obligatorio salvo que la persona se genere (generate)`);
      }
    }
  });

/** One line of dialogue or narration. `who` is a person id, or `narrator`. */
export const lineSchema = z.strictObject({
  who: stepId.default('narrator'),
  'es-MX': text,
  en: text,
  mood: z.enum(['calm', 'anxious', 'upset', 'angry', 'in-pain', 'confused']).optional(),
});

export const choiceSchema = z.strictObject({
  /** Unique within the case; the log records it (`{ choose: id }`). */
  id: stepId,
  text: localizedSchema,
  score: points.optional(),
  /** Why this choice is right or wrong; shown after the decision in practice mode. */
  feedback: localizedSchema.optional(),
  /** Choosing this is a critical error: it fails an assessment. */
  critical: z.boolean().optional(),
  next: stepId.optional(),
});

export const checkSchema = z.strictObject({
  /** An observation the step's workflow publishes, e.g. registration.consentBeforeSensitiveData. */
  observe: z
    .string()
    .regex(/^[a-z][a-zA-Z-]*\.[a-zA-Z0-9]+$/, msg('an observation id such as registration.curpValid', 'un id de observación como registration.curpValid')),
  /** The value the observation should have; true unless stated. */
  expect: z.boolean().default(true),
  points: points.optional(),
  /** Failing this check is a critical error: it fails an assessment. */
  critical: z.boolean().optional(),
  /** The rule behind the check, shown in feedback and in the debrief. */
  feedback: localizedSchema,
});

/** A branch of a task's `next`: taken when the observation has the given value; the last may omit `when`. */
export const branchSchema = z.strictObject({
  when: checkSchema.shape.observe.optional(),
  is: z.boolean().default(true),
  next: stepId,
});

export const stepSchema = z
  .strictObject({
    say: z.union([lineSchema, z.array(lineSchema).min(1).max(40)]).optional(),
    choose: z.array(choiceSchema).min(1).max(12).optional(),
    task: z.enum(WORKFLOW_IDS).optional(),
    /** The person the task is for; the case's patient unless stated. */
    for: stepId.optional(),
    /** The workflow's settings for this task (see the workflow's options in the guide). */
    with: z.record(z.string(), z.unknown()).optional(),
    checks: z.array(checkSchema).max(40).optional(),
    /** A hint a trainee may ask for in practice mode (asking is recorded). */
    hint: localizedSchema.optional(),
    next: z.union([stepId, z.array(branchSchema).min(1).max(12)]).optional(),
    end: localizedSchema.optional(),
    outcome: z.enum(['success', 'partial', 'failure']).optional(),
  })
  .superRefine((s, ctx) => {
    const kinds = [s.choose && 'choose', s.task && 'task', s.end && 'end'].filter(Boolean);
    if (kinds.length > 1) {
      rule(ctx, [], `a step is one of choose, task or end, not ${kinds.join(' and ')}`, `un paso es choose, task o end, no ${kinds.join(' y ')} a la vez`);
      return;
    }
    if (s.checks && !s.task) rule(ctx, ['checks'], 'checks belong to task steps', 'checks solo va en pasos con task');
    if (s.with && !s.task) rule(ctx, ['with'], 'with belongs to task steps', 'with solo va en pasos con task');
    if (s.end) {
      if (s.next !== undefined) rule(ctx, ['next'], 'an end step has no next', 'un paso final (end) no lleva next');
      return;
    }
    if (s.task) {
      if (s.next === undefined) rule(ctx, ['task'], 'a task step needs next', 'a un paso con task le falta next');
      return;
    }
    if (s.choose) {
      if (Array.isArray(s.next)) rule(ctx, ['next'], 'branches (a list in next) belong to task steps', 'las ramas (una lista en next) solo van en pasos con task');
      s.choose.forEach((c, i) => {
        if (c.next === undefined && typeof s.next !== 'string') {
          rule(ctx, ['choose', i], 'a choice needs next (or the step a next for all choices)', 'a la opción le falta next (o al paso un next para todas las opciones)');
        }
      });
      return;
    }
    if (!s.say) rule(ctx, [], 'a step needs say, choose, task or end', 'un paso necesita say, choose, task o end');
    else if (typeof s.next !== 'string') rule(ctx, ['say'], 'a narrative step needs next (one step id)', 'a un paso narrativo le falta next (un id de paso)');
  });

/** One entry of an action log as written in a test: exactly one key. */
export const logEntrySchema = z
  .record(z.string().max(80), z.unknown())
  .refine(
    (e) => Object.keys(e).length === 1,
    msg('one action per entry, e.g. { choose: formal } or { registration.save: {} }', 'una acción por entrada, p. ej. { choose: formal } o { registration.save: {} }'),
  );

export const caseTestSchema = z.strictObject({
  name: z.string().min(1).max(200),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  mode: z.enum(['practice', 'assessment']).default('practice'),
  log: z.array(logEntrySchema).max(LIMITS.listLength),
  expect: z.strictObject({
    percent: z.number().min(0).max(100).optional(),
    passed: z.boolean().optional(),
    /** The end step the log reaches. */
    end: stepId.optional(),
    points: points.optional(),
    /** Ids of the critical items that failed (choice ids or observation ids). */
    critical: z.array(z.string()).optional(),
    /** The log is rejected at this index (a test of a bad log). */
    rejectedAt: z.number().int().min(0).optional(),
  }),
});

export const rubricSchema = z.strictObject({
  /** Pass mark in percent. */
  pass: z.number().min(0).max(100),
  weights: z
    .partialRecord(z.enum(CATEGORIES), z.number().min(0).max(100))
    .refine((w) => Object.values(w).some((v) => (v ?? 0) > 0), msg('at least one category with weight above 0', 'al menos una categoría con peso mayor que 0')),
});

const header = {
  /** Format version of this file. */
  format: z.literal(FORMAT_VERSION),
  id: kebabId,
  title: localizedSchema,
  summary: localizedSchema,
  /** Notes for instructors (not shown to trainees). */
  notes: z.string().max(LIMITS.textLength).optional(),
};

export const caseSchema = z.strictObject({
  ...header,
  kind: z.literal('case').default('case'),
  /** The desk workflows the case's task steps use; empty for a dialogue-only case (a phone call, a confidentiality dilemma). */
  workflows: z.array(z.enum(WORKFLOW_IDS)).max(6),
  /** What the case trains, for the library's filters. */
  topics: z.array(z.enum(TOPICS)).max(6).default([]),
  difficulty: z.enum(['basic', 'intermediate', 'advanced']),
  /** Typical minutes to play. */
  minutes: z.number().int().min(1).max(240),
  region: z.enum(['urban', 'rural']),
  specialty: z.enum(['general', 'pediatrics', 'cardiology', 'gynecology']),
  objectives: z.array(localizedSchema).min(1).max(12),
  /** A clinic id: a file in scenarios/clinics/. */
  clinic: kebabId,
  /** Simulated date and start time of the case. */
  today: dateSchema.default('2026-03-09'),
  time: clockSchema.default('09:00'),
  /** True when the case may be used in assessments (its patient data are varied by a seed). */
  assessment: z.boolean().default(false),
  services: z
    .strictObject({ imssPortal: z.enum(['up', 'down']).default('up'), insurerPortal: z.enum(['up', 'down']).default('up') })
    .default({ imssPortal: 'up', insurerPortal: 'up' }),
  people: z.record(stepId, personSchema).refine((p) => 'patient' in p, msg("people needs a 'patient'", "a people le falta 'patient'")),
  rubric: rubricSchema,
  start: stepId,
  steps: z.record(stepId, stepSchema),
  tests: z.array(caseTestSchema).max(50).default([]),
});

export const doctorSchema = z.strictObject({
  id: kebabId,
  name: z.string().min(1).max(120),
  specialty: z.enum(['general', 'pediatrics', 'cardiology', 'gynecology']),
  blocks: z.array(z.strictObject({ day: z.number().int().min(0).max(6), start: clockSchema, end: clockSchema })).min(1).max(28),
});

export const clinicSchema = z.strictObject({
  format: z.literal(FORMAT_VERSION),
  kind: z.literal('clinic'),
  id: kebabId,
  name: z.string().min(1).max(200),
  type: z.enum(['imss-umf', 'imss-bienestar', 'private', 'issste']),
  region: z.enum(['urban', 'rural']),
  state: z.string().min(2).max(60),
  city: z.string().min(1).max(80),
  address: z.string().min(1).max(300),
  umf: z.number().int().min(1).max(9999).optional(),
  /** Level of care for RPBI storage limits (I, II or III). */
  level: z.enum(['I', 'II', 'III']).default('I'),
  hours: z.strictObject({ days: z.array(z.number().int().min(0).max(6)).min(1).max(7), open: clockSchema, close: clockSchema }),
  doctors: z.array(doctorSchema).min(1).max(60),
  visitTypes: z.array(z.strictObject({ id: kebabId, name: localizedSchema, minutes: z.number().int().min(5).max(240) })).min(1).max(20),
  rooms: z.array(z.strictObject({ id: kebabId, name: z.string().min(1).max(80), specialty: z.enum(['general', 'pediatrics', 'cardiology', 'gynecology']), status: z.enum(['ready', 'dirty', 'in-use', 'cleaning']).optional(), isolation: z.boolean().optional() })).min(1).max(40),
  appointments: z
    .array(
      z.strictObject({
        id: kebabId,
        doctorId: kebabId,
        patientName: z.string().min(1).max(120),
        /** A date, or omitted for the case's own day. */
        date: dateSchema.optional(),
        /** Days after the case's day (0 = that day); used when date is omitted. */
        dayOffset: z.number().int().min(-30).max(60).optional(),
        start: clockSchema,
        minutes: z.number().int().min(5).max(240),
        visitType: kebabId,
        kind: z.enum(['previa', 'concertada', 'espontanea']).optional(),
        status: z.enum(['booked', 'cancelled', 'no-show', 'arrived']).optional(),
      }),
    )
    .max(LIMITS.listLength)
    .default([]),
});

/** The kinds of shift events (see docs/scenario-format.md, "Shifts"). */
export const SHIFT_EVENT_TYPES = ['doctor-late', 'room-dirty', 'portal-down', 'portal-up', 'urgent-walk-in', 'upset-patient'] as const;

/** One event of a shift: something that happens at the desk at a simulated time. */
export const shiftEventSchema = z
  .strictObject({
    at: clockSchema,
    type: z.enum(SHIFT_EVENT_TYPES),
    /** doctor-late: the doctor (an id in the shift's clinic). */
    doctor: kebabId.optional(),
    /** room-dirty: the room (an id in the shift's clinic). */
    room: kebabId.optional(),
    /** doctor-late: minutes late. */
    minutes: z.number().int().min(1).max(240).optional(),
    /**
     * urgent-walk-in: the case of the patient with red flags (required); room-dirty: the case that
     * turns the room over (optional). The case arrives at the event's time.
     */
    case: kebabId.optional(),
    /** How the event's case arrives; desk unless stated. */
    channel: z.enum(['desk', 'phone']).optional(),
    /** The event's case variant seed; the shift's seed unless stated. */
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    /** portal-down / portal-up: which portal; both unless stated. */
    portal: z.enum(['imss', 'insurer']).optional(),
    /** What the desk sees or hears when the event fires. */
    text: localizedSchema.optional(),
  })
  .superRefine((e, ctx) => {
    if (e.type === 'doctor-late') {
      if (e.doctor === undefined) rule(ctx, ['doctor'], 'a doctor-late event needs doctor', "a un evento doctor-late le falta doctor");
      if (e.minutes === undefined) rule(ctx, ['minutes'], 'a doctor-late event needs minutes', "a un evento doctor-late le falta minutes");
    }
    if (e.type === 'room-dirty' && e.room === undefined) rule(ctx, ['room'], 'a room-dirty event needs room', 'a un evento room-dirty le falta room');
    if (e.type === 'urgent-walk-in' && e.case === undefined) rule(ctx, ['case'], 'an urgent-walk-in event needs case (the patient with red flags)', 'a un evento urgent-walk-in le falta case (el paciente con signos de alarma)');
    if (e.case !== undefined && e.type !== 'urgent-walk-in' && e.type !== 'room-dirty') {
      rule(ctx, ['case'], 'only urgent-walk-in and room-dirty events bring a case', 'solo los eventos urgent-walk-in y room-dirty traen un caso');
    }
  });

/** One arrival of a shift: a case from the library at the desk or on the phone. */
export const shiftArrivalSchema = z.strictObject({
  at: clockSchema,
  /** A case id from the library. */
  case: kebabId,
  channel: z.enum(['desk', 'phone']).default('desk'),
  /** The case's variant seed; the shift's seed unless stated (reuse a case test's seed to reuse its log). */
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  /** IMSS visit kind shown in the queue: previa (booked ahead), concertada (booked today), espontanea (walk-in). */
  visit: z.enum(['previa', 'concertada', 'espontanea']).optional(),
  /** The patient shows red flags: the desk must attend and escalate within targets.redFlagMinutes. */
  redFlag: z.boolean().optional(),
});

/** What a shift test expects of its replayed log. */
export const shiftTestSchema = z.strictObject({
  name: z.string().min(1).max(200),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  mode: z.enum(['practice', 'assessment']).default('practice'),
  log: z.array(logEntrySchema).max(5000),
  expect: z.strictObject({
    percent: z.number().min(0).max(100).optional(),
    passed: z.boolean().optional(),
    /** The shift reached its end (every arrival resolved, or the end time). */
    finished: z.boolean().optional(),
    /** Calls that rang out and were never returned. */
    abandonedCalls: z.number().int().min(0).optional(),
    /** Ids of the critical items that failed (see ShiftResult.critical). */
    critical: z.array(z.string()).optional(),
    /** The log is rejected at this index (a test of a bad log). */
    rejectedAt: z.number().int().min(0).optional(),
  }),
});

/** A shift: cases arriving at the desk or by phone at simulated times, and events. */
export const shiftSchema = z.strictObject({
  ...header,
  kind: z.literal('shift'),
  difficulty: z.enum(['basic', 'intermediate', 'advanced']),
  minutes: z.number().int().min(1).max(600),
  region: z.enum(['urban', 'rural']),
  objectives: z.array(localizedSchema).min(1).max(12),
  clinic: kebabId,
  today: dateSchema.default('2026-03-09'),
  start: clockSchema,
  end: clockSchema,
  /** The shift's own rubric; `cases` is the share (percent) of the cases' mean in the shift's mark. */
  rubric: rubricSchema.extend({ cases: z.number().int().min(0).max(100).default(50) }),
  /** Targets the shift rubric scores against. */
  targets: z
    .strictObject({
      /** Longest acceptable wait at the desk before being attended, in minutes. */
      waitMinutes: z.number().int().min(1).max(240).default(20),
      /** A patient with red flags is attended within this many minutes of arriving. */
      redFlagMinutes: z.number().int().min(1).max(60).default(5),
      /** A call rings this many times (10 s each) before the caller hangs up. */
      callRings: z.number().int().min(1).max(20).default(6),
      /** A room reported dirty is turned over within this many minutes. */
      roomMinutes: z.number().int().min(1).max(240).default(20),
    })
    .default({ waitMinutes: 20, redFlagMinutes: 5, callRings: 6, roomMinutes: 20 }),
  arrivals: z.array(shiftArrivalSchema).min(1).max(LIMITS.listLength),
  events: z.array(shiftEventSchema).max(LIMITS.listLength).default([]),
  tests: z.array(shiftTestSchema).max(50).default([]),
});

export type ScenarioCase = z.infer<typeof caseSchema>;
export type ClinicFile = z.infer<typeof clinicSchema>;
export type ShiftFile = z.infer<typeof shiftSchema>;
export type Step = z.infer<typeof stepSchema>;
export type Choice = z.infer<typeof choiceSchema>;
export type Check = z.infer<typeof checkSchema>;
export type Branch = z.infer<typeof branchSchema>;
export type Line = z.infer<typeof lineSchema>;
export type PersonSpec = z.infer<typeof personSchema>;
export type CaseTest = z.infer<typeof caseTestSchema>;
export type LogEntryInFile = z.infer<typeof logEntrySchema>;
export type Rubric = z.infer<typeof rubricSchema>;
export type ShiftArrival = z.infer<typeof shiftArrivalSchema>;
export type ShiftEvent = z.infer<typeof shiftEventSchema>;
export type ShiftTest = z.infer<typeof shiftTestSchema>;
