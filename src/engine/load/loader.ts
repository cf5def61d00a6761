/**
 * Scenario files -> validated documents and positioned diagnostics. Reads one file at a time here;
 * library.ts resolves references across files. Nothing here throws to its caller or touches the
 * file system: callers hand in text (the CLI reads files, the browser keeps them in memory).
 */
import type { z } from 'zod';
import { workflows as registeredWorkflows } from '../../machines/registry';
import type { WorkflowRegistry } from '../../machines/registry';
import type { Lang } from '../../domain/text';
import { hasErrors, kindOf, type Diagnostic } from '../format/diagnostics';
import { MIGRATIONS, type Migration } from './migrations';
import { caseSchema, clinicSchema, shiftSchema, type ClinicFile, type ScenarioCase, type ShiftFile } from '../format/scenario.schema';
import { checkCase } from './case-checks';
import { checkClinic } from './clinic-checks';
import { checkFormat } from './format-version';
import { precheckText } from './prechecks';
import { checkCaseReferences } from './references';
import { Reporter } from './reporter';
import { issuesToDiagnostics } from './schema-issues';
import { checkShift } from './shift-checks';
import { checkTranslations } from './translations';
import { PositionMap } from './position-map';
import { readYaml } from './yaml-positions';

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

/** The base name of a path without .yaml/.yml, or undefined when it is not a YAML file name. */
export function idFromPath(path: string): string | undefined {
  const base = path.split(/[\\/]/).pop() ?? '';
  const m = /^(.*)\.ya?ml$/i.exec(base);
  return m ? m[1] : undefined;
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
