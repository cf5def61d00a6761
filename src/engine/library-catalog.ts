/**
 * The library's catalogue for list pages: what the library, case header and shift list show of each
 * document, and the files that failed to load with their errors. It is small, so the browser gets it
 * with the library page, while full documents load one by one on demand (docs/decisions/0010).
 * Built at build time from the same loader the CLI runs (build/scenario-library-plugin.ts), and in
 * the browser from user-provided YAML.
 */
import type { Diagnostic } from './diagnostics';
import type { Library } from './library';
import type { ClinicFile, ScenarioCase, ShiftFile } from './scenario.schema';

/** A file that did not load, with its errors (warnings left out). */
export interface BrokenFile {
  path: string;
  diagnostics: Diagnostic[];
}

/** What list pages read of a case: the card, the filters, the case page's header. */
export type CaseEntry = Pick<
  ScenarioCase,
  'id' | 'title' | 'summary' | 'workflows' | 'topics' | 'difficulty' | 'region' | 'specialty' | 'minutes' | 'clinic' | 'assessment'
>;

/** What the shift list reads of a shift. */
export type ShiftEntry = Pick<ShiftFile, 'id' | 'title' | 'summary' | 'clinic' | 'start' | 'end' | 'region' | 'difficulty' | 'minutes'> & {
  /** Patients of the shift: arrivals plus events that bring a case. */
  arrivals: number;
  /** Every case the shift plays, each once, in order of first appearance. */
  cases: string[];
};

/** What pages read of a clinic without loading it. */
export type ClinicEntry = Pick<ClinicFile, 'id' | 'name'>;

/** The catalogue: valid documents sorted by id, and the broken files sorted by path. */
export interface LibraryCatalog {
  cases: CaseEntry[];
  shifts: ShiftEntry[];
  clinics: ClinicEntry[];
  broken: BrokenFile[];
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The catalogue entry of a case (only the listed fields: the rest stays in the case's own module). */
export function caseEntry(c: ScenarioCase): CaseEntry {
  const { id, title, summary, workflows, topics, difficulty, region, specialty, minutes, clinic, assessment } = c;
  return { id, title, summary, workflows, topics, difficulty, region, specialty, minutes, clinic, assessment };
}

/** The catalogue entry of a shift. */
export function shiftEntry(s: ShiftFile): ShiftEntry {
  const { id, title, summary, clinic, start, end, region, difficulty, minutes } = s;
  const eventCases = s.events.flatMap((e) => (e.case === undefined ? [] : [e.case]));
  const cases = [...new Set([...s.arrivals.map((a) => a.case), ...eventCases])];
  return { id, title, summary, clinic, start, end, region, difficulty, minutes, arrivals: s.arrivals.length + eventCases.length, cases };
}

/**
 * The catalogue of a loaded library: its valid documents, and every file with an error among the
 * library's findings (unreadable files included, which never reach the loader's file list).
 */
export function catalogOf(lib: Pick<Library, 'cases' | 'clinics' | 'shifts' | 'diagnostics'>): LibraryCatalog {
  const broken = new Map<string, Diagnostic[]>();
  for (const d of lib.diagnostics) {
    if (d.severity !== 'error') continue;
    const list = broken.get(d.file);
    if (list) list.push(d);
    else broken.set(d.file, [d]);
  }
  return {
    cases: [...lib.cases.values()].map(caseEntry).sort(byId),
    shifts: [...lib.shifts.values()].map(shiftEntry).sort(byId),
    clinics: [...lib.clinics.values()].map((k) => ({ id: k.id, name: k.name })).sort(byId),
    broken: [...broken].map(([path, diagnostics]) => ({ path, diagnostics })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
}
