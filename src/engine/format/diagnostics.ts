import type { Lang, LocalizedText, Severity } from '../../domain/text';

/** A path inside a scenario document: mapping keys and list indexes. */
export type DocPath = (string | number)[];

/** One finding about a scenario file, placed at a line and column (both 1-based). */
export interface Diagnostic {
  /** The file as the caller named it (relative paths stay relative). */
  file: string;
  line: number;
  col: number;
  /** Where in the document, e.g. ['steps', 'saludo', 'choose', 0, 'next']. */
  path: DocPath;
  /** Stable code for tests and tools, e.g. `unknown-key`, `dangling-reference`. */
  code: string;
  severity: Severity;
  /** For instructors, in both languages; names what was expected and what was found. */
  message: LocalizedText;
  expected?: string;
  found?: string;
}

/** A line and column, both 1-based. */
export interface Position {
  line: number;
  col: number;
}

/** Renders a document path the way authors read it: `steps.saludo.choose[0].next`. */
export function formatPath(path: DocPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

const SEVERITY_WORD: Record<Severity, string> = { error: 'error', warning: 'warning' };

/** `path:line:col: error: message` (or `warning:`), the format editors and CI understand. */
export function formatDiagnostic(d: Diagnostic, lang: Lang): string {
  return `${d.file}:${d.line}:${d.col}: ${SEVERITY_WORD[d.severity]}: ${d.message[lang]}`;
}

/** Orders diagnostics by file, line, column, then errors before warnings, so output is stable. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.col - b.col ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** True when any diagnostic is an error. */
export const hasErrors = (list: readonly Diagnostic[]): boolean => list.some((d) => d.severity === 'error');

/** Counts errors and warnings. */
export function countDiagnostics(list: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of list) if (d.severity === 'error') errors++;
  return { errors, warnings: list.length - errors };
}

/** Describes a found value briefly for messages: `"easy"`, `42`, `a list`, `nothing`. */
export function describeValue(value: unknown): LocalizedText {
  if (value === undefined) return { 'es-MX': 'nada', en: 'nothing' };
  if (value === null) return { 'es-MX': 'un valor vacío (null)', en: 'an empty value (null)' };
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return { 'es-MX': `"${shown}"`, en: `"${shown}"` };
  }
  if (typeof value === 'number' || typeof value === 'boolean') return { 'es-MX': String(value), en: String(value) };
  if (Array.isArray(value)) return { 'es-MX': `una lista de ${value.length}`, en: `a list of ${value.length}` };
  if (typeof value === 'object') return { 'es-MX': 'un bloque de campos', en: 'a block of fields' };
  return { 'es-MX': typeof value, en: typeof value };
}

/** The plain kind of a value, used in `found` of type errors. */
export function kindOf(value: unknown): LocalizedText {
  if (value === undefined) return { 'es-MX': 'nada', en: 'nothing' };
  if (value === null) return { 'es-MX': 'un valor vacío', en: 'an empty value' };
  if (Array.isArray(value)) return { 'es-MX': 'una lista', en: 'a list' };
  switch (typeof value) {
    case 'string':
      return { 'es-MX': `el texto "${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`, en: `the text "${value.length > 40 ? `${value.slice(0, 37)}...` : value}"` };
    case 'number':
      return { 'es-MX': `el número ${value}`, en: `the number ${value}` };
    case 'boolean':
      return { 'es-MX': `el valor ${value}`, en: `the value ${value}` };
    case 'object':
      return { 'es-MX': 'un bloque de campos', en: 'a block of fields' };
    default:
      return { 'es-MX': typeof value, en: typeof value };
  }
}
