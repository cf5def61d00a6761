/**
 * The library's catalogue for list pages: what the library, case header and shift list show of each
 * document, and the files that failed to load with their errors. It is small, so the browser gets it
 * with the library page, while full documents load one by one on demand (docs/decisions/0010).
 * Built at build time from the same loader the CLI runs (build/scenario-library-plugin.ts), and in
 * the browser from user-provided YAML.
 */
import { DEFAULT_LANG, LANGS, type Lang, type LocalizedText } from '../../domain/text';
import type { Diagnostic } from '../format/diagnostics';
import type { Library } from './library';
import type { ClinicFile, ScenarioCase, ShiftFile } from '../format/scenario.schema';

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

/** One case's or shift's texts in one language. */
export interface EntryText {
  title: string;
  summary: string;
}

/**
 * One language's texts of the catalogue, by id. The build ships them apart from the catalogue, one
 * module per language, so a page downloads the texts of the language it shows only.
 */
export interface CatalogTexts {
  cases: Record<string, EntryText>;
  shifts: Record<string, EntryText>;
}

/** A case's catalogue entry without its texts. */
export type BareCaseEntry = Omit<CaseEntry, 'title' | 'summary'>;
/** A shift's catalogue entry without its texts. */
export type BareShiftEntry = Omit<ShiftEntry, 'title' | 'summary'>;

/** The catalogue without the cases' and shifts' titles and summaries (clinic names are not localized and stay). */
export interface BareCatalog {
  cases: BareCaseEntry[];
  shifts: BareShiftEntry[];
  clinics: ClinicEntry[];
  broken: BrokenFile[];
}

/** Splits a catalogue into its language-free part and one text table per language. */
export function splitCatalog(catalog: LibraryCatalog): { bare: BareCatalog; texts: Record<Lang, CatalogTexts> } {
  const texts = Object.fromEntries(LANGS.map((lang) => [lang, { cases: {}, shifts: {} }])) as Record<Lang, CatalogTexts>;
  const strip = <T extends { id: string; title: LocalizedText; summary: LocalizedText }>(kind: keyof CatalogTexts, list: readonly T[]): Omit<T, 'title' | 'summary'>[] =>
    list.map(({ title, summary, ...rest }) => {
      for (const lang of LANGS) texts[lang][kind][rest.id] = { title: title[lang], summary: summary[lang] };
      return rest;
    });
  const bare = { cases: strip('cases', catalog.cases), shifts: strip('shifts', catalog.shifts), clinics: catalog.clinics, broken: catalog.broken };
  return { bare, texts };
}

/**
 * The full catalogue from its language-free part and the languages' texts received so far. A language
 * whose texts have not arrived shows another's (es-MX first), so no reader ever finds an undefined
 * text; with no texts at all, a title is its id and a summary is empty.
 */
export function withTexts(bare: BareCatalog, texts: Partial<Record<Lang, CatalogTexts>>): LibraryCatalog {
  const order = [DEFAULT_LANG, ...LANGS.filter((l) => l !== DEFAULT_LANG)];
  const textOf = (kind: keyof CatalogTexts, id: string, lang: Lang): EntryText => {
    for (const l of [lang, ...order]) {
      const table = texts[l]?.[kind];
      // Own keys only: an id such as "constructor" must not find Object.prototype's.
      if (table && Object.hasOwn(table, id)) return table[id] as EntryText;
    }
    return { title: id, summary: '' };
  };
  const dress = <T extends { id: string }>(kind: keyof CatalogTexts, list: readonly T[]) =>
    list.map((entry) => {
      const byLang = LANGS.map((lang) => [lang, textOf(kind, entry.id, lang)] as const);
      const field = (f: keyof EntryText) => Object.fromEntries(byLang.map(([lang, text]) => [lang, text[f]])) as LocalizedText;
      return { ...entry, title: field('title'), summary: field('summary') };
    });
  return { cases: dress('cases', bare.cases), shifts: dress('shifts', bare.shifts), clinics: bare.clinics, broken: bare.broken };
}
