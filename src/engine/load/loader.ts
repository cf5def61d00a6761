/**
 * Scenario files -> validated documents and positioned diagnostics. Reads one file at a time here;
 * library.ts resolves references across files. Nothing here throws to its caller or touches the
 * file system: callers hand in text (the CLI reads files, the browser keeps them in memory).
 */
import type { z } from 'zod';
import { checkCurp } from '../../domain/curp';
import { checkNss } from '../../domain/nss';
import { checkRfc } from '../../domain/rfc';
import type { Lang, LocalizedText, Problem } from '../../domain/text';
import { workflows as registeredWorkflows } from '../../machines/registry';
import type { WorkflowRegistry } from '../../machines/registry';
import type { WorkflowDefinition } from '../../machines/workflow';
import { formatPath, hasErrors, kindOf, type Diagnostic, type DocPath } from '../format/diagnostics';
import { fromFileEntry } from '../format/log';
import { MIGRATIONS, migrateDocument, type Migration } from './migrations';
import { caseSchema, clinicSchema, FORMAT_VERSION, LIMITS, shiftSchema, type ClinicFile, type PersonSpec, type ScenarioCase, type ShiftFile } from '../format/scenario.schema';
import { issuesToDiagnostics } from './schema-issues';
import { PositionMap, readYaml } from './yaml-positions';

export type { WorkflowRegistry };

/** What a scenario file turned out to be. */
export type ScenarioDocument =
  | { kind: 'case'; data: ScenarioCase }
  | { kind: 'clinic'; data: ClinicFile }
  | { kind: 'shift'; data: ShiftFile };

export type DocumentKind = ScenarioDocument['kind'];

/** Options of the loader. */
export interface LoadOptions {
  /** The file's path as shown in messages; its base name must equal the document's id. */
  path: string;
  /** The reader's language (messages carry both; kept for callers that format right away). */
  lang?: Lang;
  /** Drafting: a missing translation is a warning and is filled from the other language. */
  draft?: boolean;
  /** Workflows to check tasks, observations, options and test logs against (default: the registry). */
  workflows?: WorkflowRegistry;
  /** Format migrations (default: this build's). */
  migrations?: readonly Migration[];
}

/** One file after loading: the document when its schema passed, and every finding. */
export interface ParsedFile {
  path: string;
  kind?: DocumentKind;
  id?: string;
  /** Present when the file passed the schema (it may still have reference errors: see diagnostics). */
  document?: ScenarioDocument;
  positions: PositionMap;
  diagnostics: Diagnostic[];
}

/** Where a loaded document came from, for the linter and the editor. */
export interface SourceInfo {
  file: string;
  positions: PositionMap;
}

const sources = new WeakMap<object, SourceInfo>();

/** The file and positions a loaded document came from (undefined for documents built in code). */
export function sourceOf(document: object): SourceInfo | undefined {
  return sources.get(document);
}

/** Registers where a document came from (used when a document is rebuilt from a loaded one). */
export function setSource(document: object, info: SourceInfo): void {
  sources.set(document, info);
}

const has = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);

/** Collects diagnostics for one file with the right positions. */
export class Reporter {
  readonly list: Diagnostic[] = [];
  constructor(
    readonly file: string,
    readonly positions: PositionMap,
  ) {}

  /** Adds a finding; `at` picks the key's place, the value's, or the owning mapping's. */
  add(
    severity: Diagnostic['severity'],
    path: DocPath,
    code: string,
    message: LocalizedText,
    opts: { at?: 'key' | 'value' | 'owner'; expected?: string; found?: string } = {},
  ): void {
    const at = opts.at ?? 'value';
    const pos = at === 'key' ? this.positions.keyAt(path) : at === 'owner' ? this.positions.ownerAt(path) : this.positions.valueAt(path);
    const d: Diagnostic = { file: this.file, line: pos.line, col: pos.col, path, code, severity, message };
    if (opts.expected !== undefined) d.expected = opts.expected;
    if (opts.found !== undefined) d.found = opts.found;
    this.list.push(d);
  }

  error(path: DocPath, code: string, message: LocalizedText, opts?: { at?: 'key' | 'value' | 'owner'; expected?: string; found?: string }): void {
    this.add('error', path, code, message, opts);
  }

  warning(path: DocPath, code: string, message: LocalizedText, opts?: { at?: 'key' | 'value' | 'owner'; expected?: string; found?: string }): void {
    this.add('warning', path, code, message, opts);
  }

  /** A reference that names nothing: `what` is "step", "person"...; `known` lists what exists. */
  dangling(path: DocPath, value: string, what: LocalizedText, known: readonly string[]): void {
    const list = known.length > 0 ? known.slice(0, 20).join(', ') + (known.length > 20 ? ', ...' : '') : '-';
    this.error(path, 'dangling-reference', {
      'es-MX': `"${value}" en ${formatPath(path)} no corresponde a ningún ${what['es-MX']}; se esperaba uno de: ${list}`,
      en: `"${value}" in ${formatPath(path)} names no ${what.en}; expected one of: ${list}`,
    }, { expected: list, found: value });
  }
}

/** The base name of a path without .yaml/.yml, or undefined when it is not a YAML file name. */
export function idFromPath(path: string): string | undefined {
  const base = path.split(/[\\/]/).pop() ?? '';
  const m = /^(.*)\.ya?ml$/i.exec(base);
  return m ? m[1] : undefined;
}

/** UTF-8 byte length of a string, without allocating. */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    }
    else n += 3;
  }
  return n;
}

/** Checks raw text before any parsing: size, binary content, emptiness. */
export function precheckText(text: string, file: string): Diagnostic[] {
  const at1 = { file, line: 1, col: 1, path: [] as DocPath, severity: 'error' as const };
  if (text.length > LIMITS.fileBytes || (text.length * 3 > LIMITS.fileBytes && utf8Length(text) > LIMITS.fileBytes)) {
    const kib = Math.ceil(LIMITS.fileBytes / 1024);
    return [{ ...at1, code: 'file-too-large', message: {
      'es-MX': `el archivo es demasiado grande: se esperaban como máximo ${kib} KiB`,
      en: `the file is too large: expected at most ${kib} KiB`,
    }, expected: `<= ${LIMITS.fileBytes} bytes` }];
  }
  const nul = text.indexOf('\u0000');
  const bad = text.indexOf('\uFFFD');
  if (nul >= 0 || bad >= 0) {
    const offset = nul >= 0 ? nul : bad;
    let line = 1;
    let start = 0;
    for (let i = 0; i < offset; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        start = i + 1;
      }
    }
    return [{ ...at1, line, col: offset - start + 1, code: 'binary-file', message: {
      'es-MX': 'el archivo no es texto UTF-8 (parece binario): se esperaba un archivo YAML de texto',
      en: 'the file is not UTF-8 text (it looks binary): expected a YAML text file',
    } }];
  }
  if (text.trim() === '') {
    return [{ ...at1, code: 'empty-file', message: {
      'es-MX': 'el archivo está vacío: se esperaba un caso, una clínica o un turno',
      en: 'the file is empty: expected a case, a clinic or a shift',
    } }];
  }
  return [];
}

/** Fills a missing es-MX or en from the other side; reports each (error, or warning in draft). */
function checkTranslations(value: unknown, rep: Reporter, draft: boolean): void {
  const stack: { v: unknown; path: DocPath }[] = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop() as { v: unknown; path: DocPath };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    const o = v as Record<string, unknown>;
    const es = typeof o['es-MX'] === 'string';
    const en = typeof o['en'] === 'string';
    if (es !== en && !has(o, es ? 'en' : 'es-MX')) {
      const missing = es ? 'en' : 'es-MX';
      const message = {
        'es-MX': `falta la traducción ${missing} en ${formatPath(path) || 'la raíz'}: todo texto necesita es-MX y en`,
        en: `missing ${missing} translation in ${formatPath(path) || 'the top'}: every text needs es-MX and en`,
      };
      rep.add(draft ? 'warning' : 'error', path, 'missing-translation', message, { at: 'key', expected: missing, found: 'nothing' });
      o[missing] = o[es ? 'es-MX' : 'en'];
    }
    const keys = Object.keys(o);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i] as string;
      stack.push({ v: o[k], path: [...path, k] });
    }
  }
}

function checkFormat(doc: Record<string, unknown>, rep: Reporter, migrations: readonly Migration[]): Record<string, unknown> | undefined {
  const format = doc['format'];
  if (format === undefined) {
    rep.error([], 'missing-format', {
      'es-MX': `falta "format": la primera línea debe ser "format: ${FORMAT_VERSION}" (la versión del formato)`,
      en: `missing "format": the first line should be "format: ${FORMAT_VERSION}" (the format version)`,
    }, { at: 'value', expected: String(FORMAT_VERSION), found: 'nothing' });
    doc['format'] = FORMAT_VERSION;
    return doc;
  }
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 0) {
    const found = kindOf(format);
    rep.error(['format'], 'bad-format', {
      'es-MX': `"format" debe ser un número entero de versión (${FORMAT_VERSION}) y se encontró ${found['es-MX']}`,
      en: `"format" must be a whole version number (${FORMAT_VERSION}), found ${found.en}`,
    }, { expected: String(FORMAT_VERSION), found: found.en });
    doc['format'] = FORMAT_VERSION;
    return doc;
  }
  if (format > FORMAT_VERSION) {
    rep.error(['format'], 'format-too-new', {
      'es-MX': `este archivo necesita una versión más nueva del simulador: usa el formato ${format} y esta versión lee hasta el ${FORMAT_VERSION}`,
      en: `this file needs a newer version of the simulator: it uses format ${format} and this version reads up to ${FORMAT_VERSION}`,
    }, { expected: `<= ${FORMAT_VERSION}`, found: String(format) });
    return undefined;
  }
  if (format < FORMAT_VERSION) {
    const result = migrateDocument(doc, format, migrations);
    if (!result.ok) {
      rep.error(['format'], 'format-unsupported', {
        'es-MX': `el formato ${format} ya no se puede convertir (no hay migración desde la versión ${result.missingFrom}); actualice el archivo al formato ${FORMAT_VERSION}`,
        en: `format ${format} can no longer be converted (no migration from version ${result.missingFrom}); update the file to format ${FORMAT_VERSION}`,
      }, { expected: String(FORMAT_VERSION), found: String(format) });
      return undefined;
    }
    const notes = result.applied.map((m) => m.describe);
    rep.warning(['format'], 'format-migrated', {
      'es-MX': `archivo en formato ${format}, convertido al ${FORMAT_VERSION} al cargarlo; actualícelo (${notes.map((n) => n['es-MX']).join('; ')})`,
      en: `file in format ${format}, converted to ${FORMAT_VERSION} while loading; please update it (${notes.map((n) => n.en).join('; ')})`,
    });
    return result.doc;
  }
  return doc;
}

const KIND_SCHEMAS = { case: caseSchema, clinic: clinicSchema, shift: shiftSchema } as const;

/** Reads, validates and cross-checks one scenario file (its own references only). Never throws. */
export function parseScenarioFile(text: string, opts: LoadOptions): ParsedFile {
  const empty = new PositionMap();
  try {
    return parseUnsafe(text, opts);
  } catch (e) {
    return {
      path: opts.path,
      positions: empty,
      diagnostics: [{
        file: opts.path, line: 1, col: 1, path: [], code: 'internal-error', severity: 'error',
        message: {
          'es-MX': `error interno al leer el archivo (${e instanceof Error ? e.message : String(e)}); por favor repórtelo`,
          en: `internal error while reading the file (${e instanceof Error ? e.message : String(e)}); please report it`,
        },
      }],
    };
  }
}

function parseUnsafe(text: string, opts: LoadOptions): ParsedFile {
  const file = opts.path;
  const pre = precheckText(typeof text === 'string' ? text : '', file);
  if (pre.length > 0) return { path: file, positions: new PositionMap(), diagnostics: pre };
  // A byte-order mark only names the encoding; editors do not count it as a column.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const read = readYaml(body, file);
  const rep = new Reporter(file, read.positions);
  rep.list.push(...read.diagnostics);
  const result: ParsedFile = { path: file, positions: read.positions, diagnostics: rep.list };
  if (read.value === undefined || read.value === null || typeof read.value !== 'object' || Array.isArray(read.value)) return result;

  let doc = read.value as Record<string, unknown>;
  const migrated = checkFormat(doc, rep, opts.migrations ?? MIGRATIONS);
  if (!migrated) return result;
  doc = migrated;

  const rawKind = doc['kind'] ?? 'case';
  if (rawKind !== 'case' && rawKind !== 'clinic' && rawKind !== 'shift') {
    const found = kindOf(rawKind);
    rep.error(['kind'], 'unknown-kind', {
      'es-MX': `"kind" debe ser case, clinic o shift y se encontró ${found['es-MX']}`,
      en: `"kind" must be case, clinic or shift, found ${found.en}`,
    }, { expected: 'case|clinic|shift', found: found.en });
    return result;
  }
  const kind: DocumentKind = rawKind;
  result.kind = kind;
  if (typeof doc['id'] === 'string') result.id = doc['id'];

  const expectedId = idFromPath(file);
  if (expectedId !== undefined && typeof doc['id'] === 'string' && doc['id'] !== expectedId) {
    rep.error(['id'], 'id-mismatch', {
      'es-MX': `el id "${doc['id']}" no coincide con el nombre del archivo: se esperaba "${expectedId}" (renombre el archivo o cambie el id)`,
      en: `the id "${doc['id']}" differs from the file name: expected "${expectedId}" (rename the file or change the id)`,
    }, { expected: expectedId, found: doc['id'] });
  }

  checkTranslations(doc, rep, opts.draft === true);
  if (kind === 'case') checkCaseReferences(doc, rep);

  const schema = KIND_SCHEMAS[kind] as z.ZodType;
  const parsed = schema.safeParse(doc, { reportInput: true });
  if (!parsed.success) {
    rep.list.push(...issuesToDiagnostics(parsed.error.issues, { file, positions: read.positions, schema, data: doc }));
    return result;
  }
  const data = parsed.data as ScenarioDocument['data'];
  const workflows = opts.workflows ?? registeredWorkflows;
  if (kind === 'case') checkCase(data as ScenarioCase, rep, workflows);
  else if (kind === 'clinic') checkClinic(data as ClinicFile, rep);
  else checkShift(data as ShiftFile, rep);
  result.document = { kind, data } as ScenarioDocument;
  sources.set(data, { file, positions: read.positions });
  return result;
}

const WHAT = {
  step: { 'es-MX': 'paso de este caso', en: 'step of this case' },
  person: { 'es-MX': 'persona de people', en: 'person in people' },
  choice: { 'es-MX': 'opción (choose) de este caso', en: 'choice (choose) of this case' },
  endStep: { 'es-MX': 'paso final (end) de este caso', en: 'end step of this case' },
  doctor: { 'es-MX': 'médico de la clínica', en: 'doctor of the clinic' },
  visitType: { 'es-MX': 'tipo de consulta de la clínica', en: 'visit type of the clinic' },
  room: { 'es-MX': 'consultorio de la clínica', en: 'room of the clinic' },
  clinic: { 'es-MX': 'clínica de la biblioteca', en: 'clinic in the library' },
  case: { 'es-MX': 'caso de la biblioteca', en: 'case in the library' },
  critical: { 'es-MX': 'opción u observación crítica de este caso', en: 'critical choice or observation of this case' },
} satisfies Record<string, LocalizedText>;

const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

function identifierProblems(rep: Reporter, path: DocPath, label: string, problems: Problem[]): void {
  for (const p of problems) {
    rep.add(p.severity, path, p.severity === 'error' ? 'bad-identifier' : 'identifier-warning', {
      'es-MX': `${label} no válido en ${formatPath(path)}: ${p.message['es-MX']}`,
      en: `invalid ${label} in ${formatPath(path)}: ${p.message.en}`,
    });
  }
}

/** People's own identifiers must pass their checks; documents' too unless marked `deliberate`. */
function checkPersonIdentifiers(id: string, p: PersonSpec, today: string, rep: Reporter): void {
  const base: DocPath = ['people', id];
  const year = Number(today.slice(0, 4));
  const birthYear = p.birth ? Number(p.birth.slice(0, 4)) : undefined;
  const nssOpts = birthYear !== undefined ? { birthYear, currentYear: year } : { currentYear: year };
  if (p.curp !== undefined) identifierProblems(rep, [...base, 'curp'], 'CURP', checkCurp(p.curp, { today }).problems);
  if (p.rfc !== undefined) identifierProblems(rep, [...base, 'rfc'], 'RFC', checkRfc(p.rfc).problems);
  if (p.coverage?.nss !== undefined) identifierProblems(rep, [...base, 'coverage', 'nss'], 'NSS', checkNss(p.coverage.nss, nssOpts).problems);
  p.documents.forEach((d, i) => {
    const dpath: DocPath = [...base, 'documents', i];
    const exempt = new Set(d.deliberate ?? []);
    if (d.curp !== undefined && !exempt.has('curp')) identifierProblems(rep, [...dpath, 'curp'], 'CURP', checkCurp(d.curp, { today }).problems);
    if (d.rfc !== undefined && !exempt.has('rfc')) identifierProblems(rep, [...dpath, 'rfc'], 'RFC', checkRfc(d.rfc).problems);
    if (d.nss !== undefined && !exempt.has('nss')) identifierProblems(rep, [...dpath, 'nss'], 'NSS', checkNss(d.nss, nssOpts).problems);
    for (const field of exempt) {
      if (d[field] === undefined) {
        rep.warning([...dpath, 'deliberate'], 'deliberate-unused', {
          'es-MX': `deliberate menciona ${field}, pero el documento no tiene ${field}`,
          en: `deliberate lists ${field}, but the document has no ${field}`,
        });
      }
    }
  });
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The case's references between its own parts: start, next, branches, who, for, guardian, choice
 * ids. Written over unvalidated data (only strings are followed) so these errors show up together
 * with schema errors instead of one round later.
 */
export function checkCaseReferences(raw: Record<string, unknown>, rep: Reporter): void {
  const steps = isObj(raw['steps']) ? raw['steps'] : {};
  const peopleObj = isObj(raw['people']) ? raw['people'] : {};
  const stepIds = Object.keys(steps);
  const people = Object.keys(peopleObj);
  const hasStep = (id: string): boolean => has(steps, id);
  const hasPerson = (id: string): boolean => has(peopleObj, id);
  const ref = (path: DocPath, value: unknown, what: LocalizedText, ok: (id: string) => boolean, known: string[]): void => {
    const v = str(value);
    if (v !== undefined && !ok(v)) rep.dangling(path, v, what, known);
  };

  if (isObj(raw['steps'])) ref(['start'], raw['start'], WHAT.step, hasStep, stepIds);
  for (const [pid, person] of Object.entries(peopleObj)) {
    if (!isObj(person)) continue;
    const g = str(person['guardian']);
    if (g === undefined) continue;
    if (!hasPerson(g)) rep.dangling(['people', pid, 'guardian'], g, WHAT.person, people);
    else if (g === pid) {
      rep.error(['people', pid, 'guardian'], 'self-reference', {
        'es-MX': `${pid} no puede ser su propio tutor (guardian)`,
        en: `${pid} cannot be their own guardian`,
      });
    }
  }

  const choiceIds = new Map<string, DocPath>();
  for (const [sid, step] of Object.entries(steps)) {
    if (!isObj(step)) continue;
    const sp: DocPath = ['steps', sid];
    const say = step['say'];
    const lines = Array.isArray(say) ? say : say === undefined ? [] : [say];
    lines.forEach((line, i) => {
      if (!isObj(line)) return;
      const who = str(line['who']);
      if (who !== undefined && who !== 'narrator' && !hasPerson(who)) {
        const path: DocPath = Array.isArray(say) ? [...sp, 'say', i, 'who'] : [...sp, 'say', 'who'];
        rep.dangling(path, who, { 'es-MX': 'persona de people (ni narrator)', en: 'person in people (nor narrator)' }, ['narrator', ...people]);
      }
    });
    const choose = Array.isArray(step['choose']) ? step['choose'] : [];
    choose.forEach((choice, i) => {
      if (!isObj(choice)) return;
      const cp: DocPath = [...sp, 'choose', i];
      const id = str(choice['id']);
      if (id !== undefined) {
        const prior = choiceIds.get(id);
        if (prior) {
          rep.error([...cp, 'id'], 'duplicate-id', {
            'es-MX': `el id de opción "${id}" ya se usa en ${formatPath(prior)}: los ids de opción son únicos en el caso (el registro los anota)`,
            en: `the choice id "${id}" is already used at ${formatPath(prior)}: choice ids are unique in a case (the log records them)`,
          }, { found: id });
        } else choiceIds.set(id, cp);
      }
      ref([...cp, 'next'], choice['next'], WHAT.step, hasStep, stepIds);
    });
    const next = step['next'];
    if (Array.isArray(next)) {
      next.forEach((b, i) => {
        if (isObj(b)) ref([...sp, 'next', i, 'next'], b['next'], WHAT.step, hasStep, stepIds);
      });
    } else ref([...sp, 'next'], next, WHAT.step, hasStep, stepIds);
    if (step['task'] !== undefined) {
      const forId = step['for'] ?? 'patient';
      if (str(forId) !== undefined && isObj(raw['people'])) {
        ref([...sp, step['for'] === undefined ? 'task' : 'for'], forId, WHAT.person, hasPerson, people);
      }
    }
  }
}

/** The case's workflows, observations, options, identifiers and test logs (after the schema passed). */
export function checkCase(c: ScenarioCase, rep: Reporter, workflows: WorkflowRegistry): void {
  const stepIds = Object.keys(c.steps);
  if (stepIds.length > LIMITS.steps) {
    rep.error(['steps'], 'too-many-steps', {
      'es-MX': `demasiados pasos: se esperaban como máximo ${LIMITS.steps} y hay ${stepIds.length}`,
      en: `too many steps: expected at most ${LIMITS.steps}, found ${stepIds.length}`,
    });
  }
  for (const [pid, person] of Object.entries(c.people)) {
    if (!person.generate) checkPersonIdentifiers(pid, person, c.today, rep);
  }

  const choiceIds = new Map<string, DocPath>();
  const endSteps: string[] = [];
  const criticalIds = new Set<string>();

  for (const [sid, step] of Object.entries(c.steps)) {
    const sp: DocPath = ['steps', sid];
    if (step.end) endSteps.push(sid);
    step.choose?.forEach((choice, i) => {
      if (!choiceIds.has(choice.id)) choiceIds.set(choice.id, [...sp, 'choose', i]);
      if (choice.critical) criticalIds.add(choice.id);
    });
    if (step.task === undefined) continue;
    const def = workflows[step.task];
    if (!c.workflows.includes(step.task)) {
      rep.warning([...sp, 'task'], 'workflow-not-listed', {
        'es-MX': `la tarea usa el flujo ${step.task}, que no está en "workflows" del caso`,
        en: `the task uses workflow ${step.task}, which is not listed in the case's "workflows"`,
      });
    }
    if (!def) {
      const known = Object.keys(workflows);
      rep.error([...sp, 'task'], 'unknown-workflow', {
        'es-MX': `el flujo de trabajo "${step.task}" no está disponible en esta versión; disponibles: ${known.join(', ') || 'ninguno'}`,
        en: `the workflow "${step.task}" is not available in this version; available: ${known.join(', ') || 'none'}`,
      }, { expected: known.join('|'), found: step.task });
      continue;
    }
    const published = new Set(def.observations.map((o) => o.id));
    const checkObservation = (path: DocPath, id: string): void => {
      if (published.has(id)) return;
      const list = [...published];
      rep.error(path, 'unknown-observation', {
        'es-MX': `el flujo ${def.id} no publica la observación "${id}"; publica: ${list.join(', ') || 'ninguna'}`,
        en: `workflow ${def.id} publishes no observation "${id}"; it publishes: ${list.join(', ') || 'none'}`,
      }, { expected: list.join('|'), found: id });
    };
    step.checks?.forEach((check, i) => {
      checkObservation([...sp, 'checks', i, 'observe'], check.observe);
      if (check.critical) criticalIds.add(check.observe);
    });
    if (Array.isArray(step.next)) {
      const branches = step.next;
      branches.forEach((b, i) => {
        if (b.when !== undefined) checkObservation([...sp, 'next', i, 'when'], b.when);
        if (b.when === undefined && i !== branches.length - 1) {
          rep.warning([...sp, 'next', i], 'branch-shadows', {
            'es-MX': 'una rama sin "when" atrapa todo: las ramas que la siguen nunca se toman',
            en: 'a branch without "when" catches everything: the branches after it are never taken',
          });
        }
      });
    }
    const opts = def.options.safeParse(step.with ?? {}, { reportInput: true });
    if (!opts.success) {
      const taskPos = rep.positions.keyAt([...sp, 'task']);
      rep.list.push(
        ...issuesToDiagnostics(opts.error.issues, { file: rep.file, positions: rep.positions, schema: def.options, prefix: [...sp, 'with'] })
          .map((d) => (step.with === undefined ? { ...d, line: taskPos.line, col: taskPos.col } : d)),
      );
    }
  }

  checkCaseTests(c, rep, workflows, { choiceIds, endSteps, criticalIds });
}

type EventIndex = Map<string, { def: WorkflowDefinition; params: z.ZodType }>;
const eventIndexes = new WeakMap<WorkflowRegistry, EventIndex>();

/** Every workflow event by type (built once per registry: a library check asks for it per file). */
function eventIndex(workflows: WorkflowRegistry): EventIndex {
  let events = eventIndexes.get(workflows);
  if (!events) {
    events = new Map();
    for (const def of Object.values(workflows)) {
      if (!def) continue;
      for (const [type, spec] of Object.entries(def.events)) events.set(type, { def, params: spec.params });
    }
    eventIndexes.set(workflows, events);
  }
  return events;
}

function checkCaseTests(
  c: ScenarioCase,
  rep: Reporter,
  workflows: WorkflowRegistry,
  known: { choiceIds: Map<string, DocPath>; endSteps: string[]; criticalIds: Set<string> },
): void {
  const events = eventIndex(workflows);
  c.tests.forEach((test, ti) => {
    const tp: DocPath = ['tests', ti];
    test.log.forEach((entry, li) => {
      const ep: DocPath = [...tp, 'log', li];
      const key = Object.keys(entry).find((k) => k !== 'at') ?? '';
      const parsed = fromFileEntry(entry);
      if (!parsed.ok) {
        rep.error(ep, 'bad-log-entry', {
          'es-MX': `acción ${li + 1} de la prueba "${test.name}": ${parsed.reason['es-MX']}`,
          en: `action ${li + 1} of test "${test.name}": ${parsed.reason.en}`,
        });
        return;
      }
      const e = parsed.entry;
      if (e.type === 'choose') {
        const choice = (e as { choice: string }).choice;
        if (!known.choiceIds.has(choice)) rep.dangling([...ep, 'choose'], choice, WHAT.choice, [...known.choiceIds.keys()]);
        return;
      }
      if (e.type === 'hint' || e.type === 'wait') return;
      const spec = events.get(e.type);
      if (!spec) {
        const list = [...events.keys()];
        rep.error([...ep, key], 'unknown-action', {
          'es-MX': `acción desconocida "${e.type}" en la prueba "${test.name}": se esperaba choose, hint, wait o un evento de un flujo registrado${list.length ? ` (${list.slice(0, 12).join(', ')}${list.length > 12 ? ', ...' : ''})` : ''}`,
          en: `unknown action "${e.type}" in test "${test.name}": expected choose, hint, wait or an event of a registered workflow${list.length ? ` (${list.slice(0, 12).join(', ')}${list.length > 12 ? ', ...' : ''})` : ''}`,
        }, { at: 'key', found: e.type });
        return;
      }
      const { type: _type, at: _at, ...params } = e as Record<string, unknown>;
      const r = spec.params.safeParse(params, { reportInput: true });
      if (!r.success) {
        rep.list.push(...issuesToDiagnostics(r.error.issues, { file: rep.file, positions: rep.positions, schema: spec.params, prefix: [...ep, key] }));
      }
    });
    const end = test.expect.end;
    if (end !== undefined && !known.endSteps.includes(end)) rep.dangling([...tp, 'expect', 'end'], end, WHAT.endStep, known.endSteps);
    test.expect.critical?.forEach((id, i) => {
      if (!known.criticalIds.has(id)) rep.dangling([...tp, 'expect', 'critical', i], id, WHAT.critical, [...known.criticalIds]);
    });
  });
}

function duplicates<T>(items: readonly T[], idOf: (t: T) => string, rep: Reporter, pathOf: (i: number) => DocPath, what: LocalizedText): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const id = idOf(item);
    const prior = seen.get(id);
    if (prior !== undefined) {
      rep.error(pathOf(i), 'duplicate-id', {
        'es-MX': `el id "${id}" ya se usa en ${formatPath(pathOf(prior).slice(0, -1))}: cada ${what['es-MX']} necesita un id único`,
        en: `the id "${id}" is already used at ${formatPath(pathOf(prior).slice(0, -1))}: each ${what.en} needs a unique id`,
      }, { found: id });
    } else seen.set(id, i);
  });
}

function checkClockOrder(rep: Reporter, path: DocPath, start: string, end: string): void {
  if (minutesOf(start) >= minutesOf(end)) {
    rep.error(path, 'bad-time-range', {
      'es-MX': `la hora final ${end} debe ser posterior a la inicial ${start}`,
      en: `the end time ${end} must be after the start time ${start}`,
    }, { expected: `> ${start}`, found: end });
  }
}

/** A clinic's own references: doctors, rooms, visit types, appointments, hours. */
export function checkClinic(c: ClinicFile, rep: Reporter): void {
  duplicates(c.doctors, (d) => d.id, rep, (i) => ['doctors', i, 'id'], WHAT.doctor);
  duplicates(c.rooms, (r) => r.id, rep, (i) => ['rooms', i, 'id'], WHAT.room);
  duplicates(c.visitTypes, (v) => v.id, rep, (i) => ['visitTypes', i, 'id'], WHAT.visitType);
  duplicates(c.appointments, (a) => a.id, rep, (i) => ['appointments', i, 'id'], { 'es-MX': 'cita', en: 'appointment' });
  checkClockOrder(rep, ['hours', 'close'], c.hours.open, c.hours.close);
  c.doctors.forEach((d, i) => d.blocks.forEach((b, j) => checkClockOrder(rep, ['doctors', i, 'blocks', j, 'end'], b.start, b.end)));
  const doctors = c.doctors.map((d) => d.id);
  const visitTypes = c.visitTypes.map((v) => v.id);
  c.appointments.forEach((a, i) => {
    if (!doctors.includes(a.doctorId)) rep.dangling(['appointments', i, 'doctorId'], a.doctorId, WHAT.doctor, doctors);
    if (!visitTypes.includes(a.visitType)) rep.dangling(['appointments', i, 'visitType'], a.visitType, WHAT.visitType, visitTypes);
    if (a.date !== undefined && a.dayOffset !== undefined) {
      rep.error(['appointments', i, 'dayOffset'], 'conflicting-fields', {
        'es-MX': 'una cita lleva date o dayOffset, no ambos',
        en: 'an appointment has date or dayOffset, not both',
      });
    }
  });
  if (c.type === 'imss-umf' && c.umf === undefined) {
    rep.warning(['type'], 'missing-umf', {
      'es-MX': 'una UMF del IMSS suele llevar su número (umf)',
      en: 'an IMSS family-medicine unit usually has its number (umf)',
    });
  }
}

/** A shift's own rules: times within the shift. References to cases and the clinic: library.ts. */
export function checkShift(s: ShiftFile, rep: Reporter): void {
  checkClockOrder(rep, ['end'], s.start, s.end);
  const within = (path: DocPath, at: string): void => {
    const m = minutesOf(at);
    if (m < minutesOf(s.start) || m > minutesOf(s.end)) {
      rep.warning(path, 'outside-shift', {
        'es-MX': `${at} queda fuera del turno (${s.start}-${s.end})`,
        en: `${at} falls outside the shift (${s.start}-${s.end})`,
      });
    }
  };
  s.arrivals.forEach((a, i) => within(['arrivals', i, 'at'], a.at));
  s.events.forEach((e, i) => within(['events', i, 'at'], e.at));
}

/** Parses one case file and returns it only when it has no errors (convenience for the app and tests). */
export function loadCase(text: string, opts: LoadOptions): { scenario?: ScenarioCase; diagnostics: Diagnostic[] } {
  const file = parseScenarioFile(text, opts);
  if (file.document && file.document.kind !== 'case') {
    file.diagnostics.push({
      file: opts.path, line: 1, col: 1, path: ['kind'], code: 'not-a-case', severity: 'error',
      message: { 'es-MX': `se esperaba un caso y el archivo es ${file.document.kind}`, en: `expected a case, the file is a ${file.document.kind}` },
    });
  }
  if (file.document?.kind === 'case' && !hasErrors(file.diagnostics)) return { scenario: file.document.data, diagnostics: file.diagnostics };
  return { diagnostics: file.diagnostics };
}

export { WHAT as REFERENCE_KINDS };
