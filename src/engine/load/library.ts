/**
 * A library of scenario files loaded together, so references resolve across files: a case names
 * its clinic, a shift names its clinic and its cases. File access goes through a tiny interface
 * (ScenarioFileSystem): the CLI passes a Node version, the browser and the tests an in-memory one.
 */
import type { Lang } from '../../domain/text';
import { hasErrors, sortDiagnostics, type Diagnostic, type DocPath } from '../format/diagnostics';
import { lint } from '../analysis/lint';
import { parseScenarioFile, type LoadOptions, type ParsedFile } from './loader';
import { REFERENCE_KINDS, Reporter } from './reporter';
import { LIMITS, type ClinicFile, type ScenarioCase, type ShiftFile } from '../format/scenario.schema';

/** Reads scenario files: expands folders and reads bytes. */
export interface ScenarioFileSystem {
  /** Expands each path: a file as itself, a folder to every .yaml/.yml inside it (recursively, sorted). */
  list(paths: readonly string[]): Promise<{ files: string[]; missing: string[] }>;
  /** The file's bytes; rejects when it cannot be read. */
  read(path: string): Promise<Uint8Array>;
}

/** A file's text as handed to the loader. */
export interface SourceFile {
  path: string;
  text: string;
}

/** Options of loadLibrary: the loader's, without the path. */
export type LibraryOptions = Omit<LoadOptions, 'path'> & {
  /** Also run the linter on every valid case (warnings). */
  lint?: boolean;
  /**
   * Files loaded only so references resolve (the rest of the library around the files asked for):
   * their documents enter the maps, but they are not linted and their findings are not reported.
   */
  context?: readonly SourceFile[];
};

/** A loaded library: only documents whose file has no error are in the maps. */
export interface Library {
  /** Cases, clinics and shifts by id, context files' included. */
  cases: Map<string, ScenarioCase>;
  clinics: Map<string, ClinicFile>;
  shifts: Map<string, ShiftFile>;
  /** Every file asked for (not the context) with its own findings (after cross-file checks). */
  files: ParsedFile[];
  /** All findings of the files asked for, sorted by file, line and column. */
  diagnostics: Diagnostic[];
}

/** Decodes a file's bytes: size limit first, then NUL bytes and invalid UTF-8. */
export function decodeScenarioBytes(bytes: Uint8Array, path: string): { text: string } | { diagnostic: Diagnostic } {
  const base = { file: path, line: 1, col: 1, path: [] as DocPath, severity: 'error' as const };
  if (bytes.length > LIMITS.fileBytes) {
    const kib = Math.ceil(LIMITS.fileBytes / 1024);
    return { diagnostic: { ...base, code: 'file-too-large', message: {
      'es-MX': `el archivo es demasiado grande: se esperaban como máximo ${kib} KiB`,
      en: `the file is too large: expected at most ${kib} KiB`,
    }, expected: `<= ${LIMITS.fileBytes} bytes` } };
  }
  const binary = {
    'es-MX': 'el archivo no es texto UTF-8 (parece binario): se esperaba un archivo YAML de texto',
    en: 'the file is not UTF-8 text (it looks binary): expected a YAML text file',
  };
  if (bytes.indexOf(0) >= 0) return { diagnostic: { ...base, code: 'binary-file', message: binary } };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { diagnostic: { ...base, code: 'binary-file', message: binary } };
  }
}

/** Reads every scenario file under `paths`; unreadable files become diagnostics. */
export async function readScenarioFiles(
  fs: ScenarioFileSystem,
  paths: readonly string[],
): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[]; missing: string[] }> {
  const { files, missing } = await fs.list(paths);
  const out: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  // Read in small parallel batches (I/O overlaps), keeping the order of the list.
  const BATCH = 32;
  const results: (Uint8Array | Error)[] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH).map((p) => fs.read(p).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
    results.push(...(await Promise.all(batch)));
  }
  for (let i = 0; i < files.length; i++) {
    const path = files[i] as string;
    const bytes = results[i] as Uint8Array | Error;
    if (bytes instanceof Error) {
      const e = bytes;
      const reason = e.message;
      diagnostics.push({ file: path, line: 1, col: 1, path: [], code: 'unreadable-file', severity: 'error', message: {
        'es-MX': `no se pudo leer el archivo (${reason})`,
        en: `the file could not be read (${reason})`,
      } });
      continue;
    }
    const decoded = decodeScenarioBytes(bytes, path);
    if ('diagnostic' in decoded) diagnostics.push(decoded.diagnostic);
    else out.push({ path, text: decoded.text });
  }
  return { files: out, diagnostics, missing };
}

/** An in-memory ScenarioFileSystem: paths are keys; a folder is any prefix ending in "/". */
export function memoryFileSystem(files: Record<string, string | Uint8Array>): ScenarioFileSystem {
  const encode = (v: string | Uint8Array): Uint8Array => (typeof v === 'string' ? new TextEncoder().encode(v) : v);
  const all = Object.keys(files).sort();
  return {
    list(paths) {
      const found: string[] = [];
      const missing: string[] = [];
      for (const p of paths) {
        if (Object.prototype.hasOwnProperty.call(files, p)) found.push(p);
        else {
          const prefix = p.endsWith('/') ? p : `${p}/`;
          const inside = all.filter((f) => f.startsWith(prefix) && /\.ya?ml$/i.test(f));
          if (inside.length > 0) found.push(...inside);
          else missing.push(p);
        }
      }
      return Promise.resolve({ files: [...new Set(found)], missing });
    },
    read(path) {
      const v = files[path];
      return v === undefined ? Promise.reject(new Error(`no such file: ${path}`)) : Promise.resolve(encode(v));
    },
  };
}

/** Loads files together: per-file checks, then duplicate ids and references across files. Never throws. */
export function loadLibrary(sources: readonly SourceFile[], opts: LibraryOptions = {}): Library {
  const { context: contextSources = [], lint: lintCases, ...loadOpts } = opts;
  const files = sources.map((s) => parseScenarioFile(s.text, { ...loadOpts, path: s.path }));
  const context = new Set(contextSources.map((s) => parseScenarioFile(s.text, { ...loadOpts, path: s.path })));
  // Context first: when a file asked for reuses an id of the library, the finding lands on it.
  const all = [...context, ...files];
  const byId = new Map<string, ParsedFile>();
  for (const f of all) {
    if (f.id === undefined) continue;
    const prior = byId.get(f.id);
    if (prior) {
      const pos = f.positions.valueAt(['id']);
      f.diagnostics.push({ file: f.path, line: pos.line, col: pos.col, path: ['id'], code: 'duplicate-id', severity: 'error', message: {
        'es-MX': `el id "${f.id}" ya lo usa ${prior.path}: los ids son únicos en la biblioteca`,
        en: `the id "${f.id}" is already used by ${prior.path}: ids are unique in the library`,
      }, found: f.id });
    } else byId.set(f.id, f);
  }
  const ofKind = (kind: ParsedFile['kind']): string[] => all.filter((f) => f.kind === kind && f.id !== undefined).map((f) => f.id as string);
  const clinicIds = ofKind('clinic');
  const caseIds = ofKind('case');
  const clinicDoc = (id: string): ClinicFile | undefined => {
    const f = byId.get(id);
    return f?.document?.kind === 'clinic' ? f.document.data : undefined;
  };

  for (const f of all) {
    const doc = f.document;
    if (!doc) continue;
    const rep = new Reporter(f.path, f.positions);
    if (doc.kind === 'case' && !clinicIds.includes(doc.data.clinic)) rep.dangling(['clinic'], doc.data.clinic, REFERENCE_KINDS.clinic, clinicIds);
    if (doc.kind === 'shift') {
      const s = doc.data;
      if (!clinicIds.includes(s.clinic)) rep.dangling(['clinic'], s.clinic, REFERENCE_KINDS.clinic, clinicIds);
      s.arrivals.forEach((a, i) => {
        if (!caseIds.includes(a.case)) rep.dangling(['arrivals', i, 'case'], a.case, REFERENCE_KINDS.case, caseIds);
      });
      const clinic = clinicDoc(s.clinic);
      const doctors = clinic?.doctors.map((d) => d.id) ?? [];
      const rooms = clinic?.rooms.map((r) => r.id) ?? [];
      s.events.forEach((e, i) => {
        if (e.case !== undefined && !caseIds.includes(e.case)) rep.dangling(['events', i, 'case'], e.case, REFERENCE_KINDS.case, caseIds);
        if (!clinic) return;
        if (e.doctor !== undefined && !doctors.includes(e.doctor)) rep.dangling(['events', i, 'doctor'], e.doctor, REFERENCE_KINDS.doctor, doctors);
        if (e.room !== undefined && !rooms.includes(e.room)) rep.dangling(['events', i, 'room'], e.room, REFERENCE_KINDS.room, rooms);
      });
    }
    f.diagnostics.push(...rep.list);
  }

  const lib: Library = { cases: new Map(), clinics: new Map(), shifts: new Map(), files, diagnostics: [] };
  for (const f of all) {
    const doc = f.document;
    if (!doc || hasErrors(f.diagnostics)) continue;
    if (doc.kind === 'case') {
      lib.cases.set(doc.data.id, doc.data);
      if (lintCases && !context.has(f)) f.diagnostics.push(...lint(doc.data, loadOpts.workflows));
    } else if (doc.kind === 'clinic') lib.clinics.set(doc.data.id, doc.data);
    else lib.shifts.set(doc.data.id, doc.data);
  }
  lib.diagnostics = sortDiagnostics(files.flatMap((f) => f.diagnostics));
  return lib;
}

/** Reads and loads a library through a file system; `missing` lists paths that do not exist. */
export async function loadLibraryFrom(
  fs: ScenarioFileSystem,
  paths: readonly string[],
  opts: LibraryOptions = {},
): Promise<Library & { missing: string[]; fileCount: number }> {
  const read = await readScenarioFiles(fs, paths);
  const lib = loadLibrary(read.files, opts);
  lib.diagnostics = sortDiagnostics([...read.diagnostics, ...lib.diagnostics]);
  return { ...lib, missing: read.missing, fileCount: read.files.length + read.diagnostics.length };
}

/** A path with forward slashes, no `.` segments, `..` folded where possible and no trailing slash. */
export function normalizePath(path: string): string {
  const absolute = /^[\\/]/.test(path);
  const parts: string[] = [];
  for (const part of path.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts.at(-1) !== '..') parts.pop();
    else if (part !== '..' || !absolute) parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined === '' ? '.' : joined;
}

/** The folder that holds a path, or undefined at the top (the root, the working folder, `..`). */
function parentOf(path: string): string | undefined {
  const p = normalizePath(path);
  if (p === '/' || p === '.' || p === '..' || p.endsWith('/..') || /^[A-Za-z]:$/.test(p)) return undefined;
  const cut = p.lastIndexOf('/');
  if (cut < 0) return '.';
  return cut === 0 ? '/' : p.slice(0, cut);
}

const childOf = (dir: string, name: string): string => (dir === '.' ? name : dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`);

/** Folder names that make a folder a library. */
export const LIBRARY_FOLDERS = ['clinics', 'cases'] as const;

/**
 * The library a path lies in: the nearest folder, the path itself included, that has a `clinics/`
 * or `cases/` subfolder; undefined when no folder above it has one.
 */
export async function findLibraryRoot(fs: ScenarioFileSystem, path: string): Promise<string | undefined> {
  for (let dir: string | undefined = normalizePath(path); dir !== undefined; dir = parentOf(dir)) {
    const d = dir;
    const { missing } = await fs.list(LIBRARY_FOLDERS.map((name) => childOf(d, name)));
    if (missing.length < LIBRARY_FOLDERS.length) return d;
  }
  return undefined;
}

/**
 * Loads the files under `paths` with the rest of the libraries they lie in as context, so a single
 * case file finds its clinic: only the files asked for are checked, linted, counted and reported.
 */
export async function loadLibraryInContext(
  fs: ScenarioFileSystem,
  paths: readonly string[],
  opts: Omit<LibraryOptions, 'context'> = {},
): Promise<Library & { missing: string[]; fileCount: number; contextCount: number }> {
  const read = await readScenarioFiles(fs, paths);
  const asked = new Set([...read.files.map((f) => f.path), ...read.diagnostics.map((d) => d.file)].map(normalizePath));
  const missing = new Set(read.missing);
  const askedPaths = new Set(paths.map(normalizePath));
  const roots = new Set<string>();
  for (const p of paths) {
    if (missing.has(p)) continue;
    const root = await findLibraryRoot(fs, p);
    // A library asked for as a whole has no rest to add.
    if (root !== undefined && !askedPaths.has(root)) roots.add(root);
  }
  let context: SourceFile[] = [];
  if (roots.size > 0) {
    const listed = await fs.list([...roots]);
    const others = listed.files.filter((f) => !asked.has(normalizePath(f)));
    // A context file that cannot be read only leaves its references unresolved; the files asked for say so.
    context = others.length > 0 ? (await readScenarioFiles(fs, others)).files : [];
  }
  const lib = loadLibrary(read.files, { ...opts, context });
  lib.diagnostics = sortDiagnostics([...read.diagnostics, ...lib.diagnostics]);
  return { ...lib, missing: read.missing, fileCount: read.files.length + read.diagnostics.length, contextCount: context.length };
}

/** The summary line of a check: "12 archivos, 0 errores, 2 advertencias". */
export function summaryLine(files: number, errors: number, warnings: number, lang: Lang): string {
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  return lang === 'en'
    ? `${plural(files, 'file', 'files')}, ${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}`
    : `${plural(files, 'archivo', 'archivos')}, ${plural(errors, 'error', 'errores')}, ${plural(warnings, 'advertencia', 'advertencias')}`;
}
