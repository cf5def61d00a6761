/** The loader's findings for one file, each placed where the editor shows it, and what a reference may name. */
import type { LocalizedText } from '../../domain/text';
import { formatPath, type Diagnostic, type DocPath } from '../format/diagnostics';
import type { PositionMap } from './position-map';

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

/** What a reference may name, for "names no ..." messages. */
export const REFERENCE_KINDS = {
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
