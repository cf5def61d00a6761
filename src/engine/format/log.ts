/**
 * The action log: the truth of a run. Scenario + seed + log give the same state and the same score
 * anywhere, so every entry is plain JSON and the persisted form is validated on the way back in.
 *
 * Two spellings of one entry:
 * - internal (what the engine sends and stores): `{ type: 'choose', choice: 'formal' }`,
 *   `{ type: 'hint' }`, `{ type: 'wait', seconds: 60 }`, `{ type: 'registration.enter', field, value }`;
 * - file (what authors write in a case's `tests`): `{ choose: formal }`, `{ hint: {} }`, `{ wait: 60 }`,
 *   `{ registration.enter: { field: curp, value: X } }`.
 * Any entry may carry `at`: simulated seconds since the run started, recorded by a real-time pace.
 */
// zod/mini: the stored-attempt check on the library's first load carries only the checks it uses.
import * as z from 'zod/mini';
import { t, type LocalizedText } from '../../domain/text';

/** Seconds since the start of the run when the trainee acted (only with a real-time pace). */
type At = { at?: number };

/** The trainee picks a dialogue choice by id. */
export type ChooseEntry = { type: 'choose'; choice: string } & At;
/** The trainee asks for the current step's hint (practice only). */
export type HintEntry = { type: 'hint' } & At;
/** The trainee lets simulated time pass. */
export type WaitEntry = { type: 'wait'; seconds: number } & At;
/** An event for the current task's workflow machine; its params sit beside `type`. */
export type WorkflowEntry = { type: `${string}.${string}` } & At & { [param: string]: unknown };

/** Shift: take a desk patient from the queue, or go back to a paused one (`arrival`: index in the shift). */
export type ShiftServeEntry = { type: 'shift.serve'; arrival: number } & At;
/** Shift: answer a ringing call. */
export type ShiftAnswerEntry = { type: 'shift.answer'; arrival: number } & At;
/** Shift: put the current call on hold. */
export type ShiftHoldEntry = { type: 'shift.hold' } & At;
/** Shift: take back a call on hold, or call back a caller who hung up. */
export type ShiftReturnCallEntry = { type: 'shift.returnCall'; arrival: number } & At;
/** Shift: pause the current desk patient's case to attend someone else. */
export type ShiftPauseEntry = { type: 'shift.pause' } & At;
/** The desk-level actions of a shift (everything else in a shift log goes to the current case). */
export type ShiftEntry = ShiftServeEntry | ShiftAnswerEntry | ShiftHoldEntry | ShiftReturnCallEntry | ShiftPauseEntry;

/** The shift action types. */
export const SHIFT_ENTRY_TYPES = ['shift.serve', 'shift.answer', 'shift.hold', 'shift.returnCall', 'shift.pause'] as const;

/** True for the desk-level actions of a shift. */
export function isShiftEntry(entry: LogEntry): entry is ShiftEntry {
  return (SHIFT_ENTRY_TYPES as readonly string[]).includes(entry.type);
}

/** One accepted action of the trainee. */
export type LogEntry = ChooseEntry | HintEntry | WaitEntry | WorkflowEntry | ShiftEntry;

/** A log entry as written in a scenario file: one key (the action), optionally `at`. */
export type FileLogEntry = Record<string, unknown>;

/** Result of reading an entry: the entry, or why it cannot be one. */
export type EntryParse = { ok: true; entry: LogEntry } | { ok: false; reason: LocalizedText };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

const EVENT_TYPE = /^[a-z][a-zA-Z-]*\.[a-zA-Z0-9]+$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const bad = (esMX: string, en: string): EntryParse => ({ ok: false, reason: t(esMX, en) });

function readAt(value: unknown): number | undefined | null {
  if (value === undefined) return undefined;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/** True when a workflow event's params are plain JSON (strings, numbers, booleans, null, lists, objects). */
function isJson(value: unknown, depth = 0): boolean {
  if (depth > 16) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isJson(v, depth + 1));
  if (isPlainObject(value)) {
    return Object.keys(value).every((k) => !FORBIDDEN_KEYS.has(k) && isJson(value[k], depth + 1));
  }
  return false;
}

const notJson = () => bad('Los parámetros del evento deben ser JSON simple.', 'Event parameters must be plain JSON.');

function withAt<T extends LogEntry>(entry: T, at: number | undefined): T {
  return at === undefined ? entry : { ...entry, at };
}

/** Checks the shape of an internal entry (not whether it fits a run: the run decides that). */
export function parseEntry(value: unknown): EntryParse {
  if (!isPlainObject(value) || typeof value.type !== 'string') {
    return bad('La acción no es un objeto con "type".', 'The action is not an object with a "type".');
  }
  const at = readAt(value.at);
  if (at === null) return bad('"at" debe ser un número de segundos ≥ 0.', '"at" must be a number of seconds ≥ 0.');
  switch (value.type) {
    case 'choose':
      return typeof value.choice === 'string' && value.choice.length > 0
        ? { ok: true, entry: withAt({ type: 'choose', choice: value.choice }, at) }
        : bad('"choose" necesita el id de una opción.', '"choose" needs a choice id.');
    case 'hint':
      return { ok: true, entry: withAt({ type: 'hint' }, at) };
    case 'wait':
      return typeof value.seconds === 'number' && Number.isFinite(value.seconds) && value.seconds > 0
        ? { ok: true, entry: withAt({ type: 'wait', seconds: value.seconds }, at) }
        : bad('"wait" necesita un número de segundos mayor que 0.', '"wait" needs a number of seconds above 0.');
    case 'shift.serve':
    case 'shift.answer':
    case 'shift.returnCall': {
      const keys = Object.keys(value).filter((k) => k !== 'type' && k !== 'at');
      return Number.isInteger(value.arrival) && (value.arrival as number) >= 0 && keys.length === 1
        ? { ok: true, entry: withAt({ type: value.type, arrival: value.arrival as number }, at) }
        : bad(`"${value.type}" necesita solo { arrival: n } (n ≥ 0, el número de la llegada).`, `"${value.type}" needs only { arrival: n } (n ≥ 0, the arrival's number).`);
    }
    case 'shift.hold':
    case 'shift.pause':
      return Object.keys(value).every((k) => k === 'type' || k === 'at')
        ? { ok: true, entry: withAt({ type: value.type }, at) }
        : bad(`"${value.type}" no lleva parámetros.`, `"${value.type}" takes no parameters.`);
    default: {
      if (!EVENT_TYPE.test(value.type)) {
        return bad(
          `Acción desconocida "${value.type}": se espera choose, hint, wait o un evento como registration.save.`,
          `Unknown action "${value.type}": expected choose, hint, wait or an event such as registration.save.`,
        );
      }
      // One pass builds the entry (params, then type, then at) and checks each param is plain JSON.
      const entry: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        if (key === 'type' || key === 'at') continue;
        if (FORBIDDEN_KEYS.has(key) || !isJson(value[key], 1)) return notJson();
        entry[key] = value[key];
      }
      entry.type = value.type;
      if (at !== undefined) entry.at = at;
      return { ok: true, entry: entry as WorkflowEntry };
    }
  }
}

/** Reads a file-form entry (`{ choose: formal }`, `{ registration.enter: {...} }`) into its internal form. */
export function fromFileEntry(value: unknown): EntryParse {
  if (!isPlainObject(value)) {
    return bad('Cada acción es un objeto con una sola clave, p. ej. { choose: formal }.', 'Each action is an object with one key, e.g. { choose: formal }.');
  }
  const keys = Object.keys(value).filter((k) => k !== 'at');
  if (keys.length !== 1) {
    return bad(
      `Se espera una sola acción por entrada; se encontraron ${keys.length}.`,
      `One action per entry expected; found ${keys.length}.`,
    );
  }
  const key = keys[0] as string;
  const arg = value[key];
  const at = value.at;
  switch (key) {
    case 'choose':
      return parseEntry({ type: 'choose', choice: arg, at });
    case 'hint':
      if (arg !== null && arg !== undefined && arg !== true && !(isPlainObject(arg) && Object.keys(arg).length === 0)) {
        return bad('"hint" no lleva parámetros: { hint: {} }.', '"hint" takes no parameters: { hint: {} }.');
      }
      return parseEntry({ type: 'hint', at });
    case 'wait':
      return parseEntry({ type: 'wait', seconds: arg, at });
    case 'type':
      return bad('"type" no es una acción.', '"type" is not an action.');
    default: {
      if (arg !== null && arg !== undefined && !isPlainObject(arg)) {
        return bad(`Los parámetros de "${key}" deben ser un objeto.`, `The parameters of "${key}" must be an object.`);
      }
      const params = (arg ?? {}) as Record<string, unknown>;
      if ('type' in params) return bad('Los parámetros no pueden tener "type".', 'Parameters may not contain "type".');
      return parseEntry({ ...params, type: key, at });
    }
  }
}

/** Writes an internal entry in the file form authors use in tests. */
export function toFileEntry(entry: LogEntry): FileLogEntry {
  const at = entry.at === undefined ? {} : { at: entry.at };
  switch (entry.type) {
    case 'choose':
      return { choose: (entry as ChooseEntry).choice, ...at };
    case 'hint':
      return { hint: {}, ...at };
    case 'wait':
      return { wait: (entry as WaitEntry).seconds, ...at };
    default: {
      const { type, at: _at, ...params } = entry as WorkflowEntry;
      return { [type]: params, ...at };
    }
  }
}

/** Reads a whole file-form log; the first bad entry is reported with its index. */
export function fromFileLog(
  entries: readonly unknown[],
): { ok: true; entries: LogEntry[] } | { ok: false; index: number; reason: LocalizedText } {
  const out: LogEntry[] = [];
  for (let i = 0; i < entries.length; i++) {
    const r = fromFileEntry(entries[i]);
    if (!r.ok) return { ok: false, index: i, reason: r.reason };
    out.push(r.entry);
  }
  return { ok: true, entries: out };
}

/** Version of the persisted log format; bump with a migration when the shape changes. */
export const LOG_VERSION = 1;

const entrySchema = z.custom<LogEntry>((v) => parseEntry(v).ok, 'not a valid log entry');

/** A persisted run: enough to rebuild it (with the scenario file) anywhere. */
export const persistedLogSchema = z.strictObject({
  version: z.literal(LOG_VERSION),
  scenarioId: z.string().check(z.minLength(1), z.maxLength(200)),
  seed: z.int().check(z.minimum(0), z.maximum(2 ** 31 - 1)),
  mode: z.enum(['practice', 'assessment']),
  entries: z.array(entrySchema).check(z.maxLength(100_000)),
});

/** A run's log as stored in IndexedDB or exported with results. */
export type PersistedLog = z.infer<typeof persistedLogSchema>;

/** Builds the persisted form of a log. */
export function persistLog(scenarioId: string, seed: number, mode: 'practice' | 'assessment', entries: readonly LogEntry[]): PersistedLog {
  return { version: LOG_VERSION, scenarioId, seed, mode, entries: entries.map((e) => ({ ...e })) };
}
