import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CaseDataError } from '../engine/run/case-data';
import { formatDiagnostic } from '../engine/format/diagnostics';
import { loadLibraryFrom, readScenarioFiles, type ScenarioFileSystem } from '../engine/load/library';
import { parseScenarioFile } from '../engine/load/loader';
import { persistedLogSchema } from '../engine/format/log';
import { replay } from '../engine/run/replay';
import type { RunMode } from '../engine/run/run-types';
import type { WorkflowRegistry } from '../machines/registry';
import type { ClinicFile, ShiftFile } from '../engine/format/scenario.schema';
import { prepareShift, replayShift, ShiftPrepareError } from '../engine/shift/shift';
import { prepareCase } from '../engine/run/variants';
import type { CliCommand } from './cli-context';
import { kindWords } from './cli-paths';
import { NotRegularFileError, nodeFileSystem, readRegularFile } from './node-files';
import { jsonLines } from './terminal-text';

/** Reads a JSON file as text; separated so tests can hand in memory files. */
export type ReadText = (path: string) => Promise<string>;

class LogTooLargeError extends Error {}

/** The largest log read (bytes); a longer file is refused before parsing. */
export const LOG_BYTES = 8 * 1024 * 1024;

const nodeReadText: ReadText = async (path) => {
  const bytes = await readRegularFile(path, LOG_BYTES);
  if (bytes.length > LOG_BYTES) throw new LogTooLargeError();
  return new TextDecoder().decode(bytes);
};

/** The summary an attempt downloaded from the app carries (what the library showed), if any. */
export function attemptSummary(json: unknown): { finished: boolean; percent: number; passed: boolean } | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const s = (json as { summary?: unknown }).summary;
  if (typeof s !== 'object' || s === null) return undefined;
  const { finished, percent, passed } = s as Record<string, unknown>;
  return typeof finished === 'boolean' && typeof percent === 'number' && typeof passed === 'boolean' ? { finished, percent, passed } : undefined;
}

/** One field where the file's own summary and the re-score differ. */
export interface SummaryDifference {
  field: 'finished' | 'percent' | 'passed';
  file: boolean | number;
  rescored: boolean | number;
}

/** Compares the summary a file carries with the re-score (percent to within 0.01). */
export function summaryDifferences(file: { finished: boolean; percent: number; passed: boolean }, rescored: { finished: boolean; percent: number; passed: boolean }): SummaryDifference[] {
  const out: SummaryDifference[] = [];
  if (file.finished !== rescored.finished) out.push({ field: 'finished', file: file.finished, rescored: rescored.finished });
  if (Math.abs(file.percent - rescored.percent) > 0.01) out.push({ field: 'percent', file: file.percent, rescored: rescored.percent });
  if (file.passed !== rescored.passed) out.push({ field: 'passed', file: file.passed, rescored: rescored.passed });
  return out;
}

/** Where the mode came from: --mode, the log file, or the default (practice). */
export type ModeSource = 'flag' | 'file' | 'default';

async function isDir(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The log inside a file: the debrief's "export" downloads the whole attempt record
 * (`{ version, id, caseId, createdAt, updatedAt, log, summary }`), so a school can re-score it as it
 * is; a bare list of actions or a saved run log passes through unchanged.
 */
export function logFromJson(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return json;
  const log = (json as { log?: unknown }).log;
  return typeof log === 'object' && log !== null && !Array.isArray(log) && 'entries' in log ? log : json;
}

/** Clinic files near a case: its sibling `clinics/` folder and the library's `scenarios/clinics`. */
async function nearbyClinics(fs: ScenarioFileSystem, file: string, cwd: string, inMemory: boolean): Promise<Map<string, ClinicFile>> {
  const candidates = [join(dirname(dirname(file)), 'clinics'), join(cwd, 'scenarios', 'clinics')];
  const dirs: string[] = [];
  for (const d of candidates) if (inMemory || (await isDir(d))) dirs.push(d);
  if (dirs.length === 0) return new Map();
  const lib = await loadLibraryFrom(fs, dirs);
  return lib.clinics;
}

/** The library a shift draws on: its sibling folders (cases/, clinics/) and the working folder's scenarios/. */
async function nearbyLibrary(fs: ScenarioFileSystem, file: string, cwd: string, inMemory: boolean, workflows?: WorkflowRegistry) {
  const candidates = [dirname(dirname(file)), join(cwd, 'scenarios')];
  const dirs: string[] = [];
  for (const d of candidates) if (!dirs.includes(d) && (inMemory || (await isDir(d)))) dirs.push(d);
  return loadLibraryFrom(fs, dirs, workflows ? { workflows } : {});
}

/** Makes the `play` command (file system, JSON reader and workflows injectable for tests). */
export function createPlayCommand(deps: { fs?: ScenarioFileSystem; readText?: ReadText; workflows?: WorkflowRegistry } = {}): CliCommand {
  const fs = deps.fs ?? nodeFileSystem;
  const readText = deps.readText ?? nodeReadText;
  const inMemory = deps.fs !== undefined;
  return async (args, ctx) => {
    const en = ctx.lang === 'en';
    const usage = en
      ? 'usage: play <case.yaml> --log <log.json> [--seed N] [--mode practice|assessment]'
      : 'uso: play <caso.yaml> --log <registro.json> [--seed N] [--mode practice|assessment]';
    const [file] = args.positionals;
    const logPath = args.flags.log;
    if (!file || args.positionals.length > 1 || typeof logPath !== 'string') {
      ctx.err(usage);
      return 2;
    }
    const seedFlag = args.flags.seed;
    const modeFlag = args.flags.mode;
    if (seedFlag !== undefined && (typeof seedFlag !== 'string' || !/^\d+$/.test(seedFlag) || Number(seedFlag) > 2 ** 31 - 1)) {
      ctx.err(en ? `--seed must be a whole number from 0 to 2147483647, got ${String(seedFlag)}` : `--seed debe ser un entero de 0 a 2147483647; se recibió ${String(seedFlag)}`);
      return 2;
    }
    if (modeFlag !== undefined && modeFlag !== 'practice' && modeFlag !== 'assessment') {
      ctx.err(en ? `--mode must be practice or assessment, got ${String(modeFlag)}` : `--mode debe ser practice o assessment; se recibió ${String(modeFlag)}`);
      return 2;
    }

    type Log = { entries: unknown[]; seed?: number; mode?: RunMode; scenarioId?: string; summary?: ReturnType<typeof attemptSummary> };
    /** The log file, or the exit code when it cannot be used (2: not there or not a file; 1: not a log). */
    const readLog = async (): Promise<Log | number> => {
      let text: string;
      try {
        text = await readText(inMemory ? logPath : resolve(ctx.cwd, logPath));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          ctx.err(en ? `error: no such file or folder: ${logPath}` : `error: no existe el archivo o carpeta: ${logPath}`);
          return 2;
        }
        if (e instanceof NotRegularFileError) {
          const what = kindWords(e.kind, ctx.lang);
          ctx.err(en ? `error: ${logPath} is ${what}, not a regular file: expected a log file (.json)` : `error: ${logPath} es ${what}, no un archivo normal: se esperaba un archivo de registro (.json)`);
          return 2;
        }
        if (e instanceof LogTooLargeError) {
          ctx.err(en ? `${logPath}: the log is too large: expected at most ${LOG_BYTES / 1024 / 1024} MiB` : `${logPath}: el registro es demasiado grande: se esperaban como máximo ${LOG_BYTES / 1024 / 1024} MiB`);
          return 1;
        }
        throw e;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (e) {
        ctx.err(`${logPath}: ${en ? 'cannot read the log as JSON' : 'no se puede leer el registro como JSON'} (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
        return 1;
      }
      const json = logFromJson(raw);
      const summary = attemptSummary(raw);
      if (Array.isArray(json)) return { entries: json, ...(summary && { summary }) };
      const saved = persistedLogSchema.safeParse(json);
      if (!saved.success) {
        ctx.err(`${logPath}: ${en ? 'expected a list of actions or a saved run log' : 'se esperaba una lista de acciones o un registro guardado'}`);
        return 1;
      }
      return { entries: saved.data.entries, seed: saved.data.seed, mode: saved.data.mode, scenarioId: saved.data.scenarioId, ...(summary && { summary }) };
    };

    /** The seed and mode to score with, and where the mode came from. */
    const settings = (log: Log): { seed: number; mode: RunMode; modeFrom: ModeSource } => {
      const seed = seedFlag === undefined ? (log.seed ?? 0) : Number(seedFlag);
      const modeFrom: ModeSource = modeFlag !== undefined ? 'flag' : log.mode !== undefined ? 'file' : 'default';
      const mode: RunMode = modeFlag ?? log.mode ?? 'practice';
      return { seed, mode, modeFrom };
    };

    /** Prints the result, saying on stderr which mode it was scored in and why, and how the file's own summary compares. */
    const report = (result: { finished: boolean; percent: number; passed: boolean; mode: RunMode }, log: Log, modeFrom: ModeSource): number => {
      const why = {
        flag: en ? 'from --mode' : 'de --mode',
        file: en ? `from the log file ${logPath}` : `del archivo del registro ${logPath}`,
        default: en
          ? 'the default: the log does not say; pass --mode assessment to score an assessment'
          : 'por omisión: el registro no lo indica; use --mode assessment para calificar una evaluación',
      }[modeFrom];
      ctx.err(en ? `mode: ${result.mode} (${why})` : `modo: ${result.mode} (${why})`);
      const differences = log.summary ? summaryDifferences(log.summary, result) : [];
      if (differences.length > 0) {
        const parts = differences.map((d) => (en ? `${d.field} ${String(d.file)} in the file, ${String(d.rescored)} now` : `${d.field} ${String(d.file)} en el archivo, ${String(d.rescored)} ahora`));
        ctx.err(en
          ? `warning: the attempt's own summary disagrees with the re-score: ${parts.join('; ')}`
          : `advertencia: el resumen del propio intento no coincide con la nueva calificación: ${parts.join('; ')}`);
      }
      const fileSummary = log.summary ? { ...log.summary, agrees: differences.length === 0, differences } : null;
      for (const line of jsonLines({ ...result, modeFrom, fileSummary })) ctx.out(line);
      return 0;
    };

    /** A shift: the log is the shift's (desk actions and the attended case's actions). */
    const playShift = async (shift: ShiftFile): Promise<number> => {
      const log = await readLog();
      if (typeof log === 'number') return log;
      if (log.scenarioId !== undefined && log.scenarioId !== shift.id) {
        ctx.err(`${logPath}: ${en ? `the log is for ${log.scenarioId}, not ${shift.id}` : `el registro es de ${log.scenarioId}, no de ${shift.id}`}`);
        return 1;
      }
      const lib = await nearbyLibrary(fs, inMemory ? file : resolve(ctx.cwd, file), ctx.cwd, inMemory, deps.workflows);
      const { seed, mode, modeFrom } = settings(log);
      const prepared = await prepareShift(shift, lib, seed);
      const r = replayShift(prepared, log.entries, { mode, ...(deps.workflows && { workflows: deps.workflows }) });
      if (!r.ok) {
        ctx.err(`${logPath}: ${en ? `action ${r.index} rejected` : `acción ${r.index} rechazada`}: ${r.reason[ctx.lang]}`);
        return 1;
      }
      r.run.stop();
      return report(r.result, log, modeFrom);
    };
    try {
      const casePath = inMemory ? file : resolve(ctx.cwd, file);
      const read = await readScenarioFiles(fs, [casePath]);
      if (read.missing.length > 0) {
        ctx.err(en ? `no such file: ${file}` : `no existe el archivo: ${file}`);
        return 2;
      }
      const source = read.files[0];
      const parsed = source ? parseScenarioFile(source.text, { path: file, ...(deps.workflows && { workflows: deps.workflows }) }) : undefined;
      const problems = [...read.diagnostics, ...(parsed?.diagnostics ?? [])].filter((d) => d.severity === 'error');
      if (problems.length > 0 || !parsed?.document) {
        for (const d of problems) ctx.err(formatDiagnostic(d, ctx.lang));
        return 1;
      }
      if (parsed.document.kind === 'shift') return await playShift(parsed.document.data);
      if (parsed.document.kind !== 'case') {
        ctx.err(en ? `${file}: play needs a case or shift file, not a ${parsed.document.kind}` : `${file}: play necesita un archivo de caso o de turno, no de tipo ${parsed.document.kind}`);
        return 2;
      }
      const scenario = parsed.document.data;
      const log = await readLog();
      if (typeof log === 'number') return log;
      if (log.scenarioId !== undefined && log.scenarioId !== scenario.id) {
        ctx.err(`${logPath}: ${en ? `the log is for case ${log.scenarioId}, not ${scenario.id}` : `el registro es del caso ${log.scenarioId}, no de ${scenario.id}`}`);
        return 1;
      }
      const { seed, mode, modeFrom } = settings(log);
      const clinics = await nearbyClinics(fs, casePath, ctx.cwd, inMemory);
      const clinic = clinics.get(scenario.clinic);
      const prepared = await prepareCase(scenario, seed, clinic ? { clinic } : {});
      const r = replay(prepared, log.entries, { mode, ...(deps.workflows && { workflows: deps.workflows }) });
      if (!r.ok) {
        ctx.err(`${logPath}: ${en ? `action ${r.index} rejected` : `acción ${r.index} rechazada`}: ${r.reason[ctx.lang]}`);
        return 1;
      }
      r.run.stop();
      return report(r.result, log, modeFrom);
    } catch (e) {
      ctx.err(`play: ${e instanceof CaseDataError || e instanceof ShiftPrepareError ? e.text[ctx.lang] : e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      return 2;
    }
  };
}

/** `play <file> --log <log.json> [--seed N] [--mode assessment]`: replays a case's or a shift's log and prints the result as JSON. */
export const playCommand: CliCommand = createPlayCommand();
