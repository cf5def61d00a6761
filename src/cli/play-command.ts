import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CaseDataError } from '../engine/case-data';
import { formatDiagnostic } from '../engine/diagnostics';
import { loadLibraryFrom, readScenarioFiles, type ScenarioFileSystem } from '../engine/library';
import { parseScenarioFile } from '../engine/loader';
import { persistedLogSchema } from '../engine/log';
import { replay } from '../engine/replay';
import type { RunMode } from '../engine/run.machine';
import type { WorkflowRegistry } from '../machines/registry';
import type { ClinicFile, ShiftFile } from '../engine/scenario.schema';
import { prepareShift, replayShift, ShiftPrepareError } from '../engine/shift';
import { prepareCase } from '../engine/variants';
import type { CliCommand } from './cli-context';
import { nodeFileSystem } from './node-files';

/** Reads a JSON file as text; separated so tests can hand in memory files. */
export type ReadText = (path: string) => Promise<string>;

const nodeReadText: ReadText = (path) => readFile(path, 'utf8');

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
    const readLog = async (): Promise<{ entries: unknown[]; seed?: number; mode?: RunMode; scenarioId?: string } | null> => {
      let json: unknown;
      try {
        json = logFromJson(JSON.parse(await readText(inMemory ? logPath : resolve(ctx.cwd, logPath))));
      } catch (e) {
        ctx.err(`${logPath}: ${en ? 'cannot read the log as JSON' : 'no se puede leer el registro como JSON'} (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
        return null;
      }
      if (Array.isArray(json)) return { entries: json };
      const saved = persistedLogSchema.safeParse(json);
      if (!saved.success) {
        ctx.err(`${logPath}: ${en ? 'expected a list of actions or a saved run log' : 'se esperaba una lista de acciones o un registro guardado'}`);
        return null;
      }
      return { entries: saved.data.entries, seed: saved.data.seed, mode: saved.data.mode, scenarioId: saved.data.scenarioId };
    };
    /** A shift: the log is the shift's (desk actions and the attended case's actions). */
    const playShift = async (shift: ShiftFile): Promise<number> => {
      const log = await readLog();
      if (!log) return 1;
      if (log.scenarioId !== undefined && log.scenarioId !== shift.id) {
        ctx.err(`${logPath}: ${en ? `the log is for ${log.scenarioId}, not ${shift.id}` : `el registro es de ${log.scenarioId}, no de ${shift.id}`}`);
        return 1;
      }
      const lib = await nearbyLibrary(fs, inMemory ? file : resolve(ctx.cwd, file), ctx.cwd, inMemory, deps.workflows);
      const seed = seedFlag === undefined ? (log.seed ?? 0) : Number(seedFlag);
      const mode: RunMode = modeFlag ?? log.mode ?? 'practice';
      const prepared = await prepareShift(shift, lib, seed);
      const r = replayShift(prepared, log.entries, { mode, ...(deps.workflows && { workflows: deps.workflows }) });
      if (!r.ok) {
        ctx.err(`${logPath}: ${en ? `action ${r.index} rejected` : `acción ${r.index} rechazada`}: ${r.reason[ctx.lang]}`);
        return 1;
      }
      r.run.stop();
      ctx.out(JSON.stringify(r.result, null, 2));
      return 0;
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

      let json: unknown;
      const logFile = inMemory ? logPath : resolve(ctx.cwd, logPath);
      try {
        json = logFromJson(JSON.parse(await readText(logFile)));
      } catch (e) {
        ctx.err(`${logPath}: ${en ? 'cannot read the log as JSON' : 'no se puede leer el registro como JSON'} (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
        return 1;
      }
      // A log is a list of actions, or a saved run ({ version, scenarioId, seed, mode, entries }).
      let entries: unknown[];
      let seed = seedFlag === undefined ? 0 : Number(seedFlag);
      let mode: RunMode = modeFlag ?? 'practice';
      if (Array.isArray(json)) entries = json;
      else {
        const saved = persistedLogSchema.safeParse(json);
        if (!saved.success) {
          ctx.err(`${logPath}: ${en ? 'expected a list of actions or a saved run log' : 'se esperaba una lista de acciones o un registro guardado'}`);
          return 1;
        }
        if (saved.data.scenarioId !== scenario.id) {
          ctx.err(`${logPath}: ${en ? `the log is for case ${saved.data.scenarioId}, not ${scenario.id}` : `el registro es del caso ${saved.data.scenarioId}, no de ${scenario.id}`}`);
          return 1;
        }
        entries = saved.data.entries;
        if (seedFlag === undefined) seed = saved.data.seed;
        if (modeFlag === undefined) mode = saved.data.mode;
      }

      const clinics = await nearbyClinics(fs, casePath, ctx.cwd, inMemory);
      const clinic = clinics.get(scenario.clinic);
      const prepared = await prepareCase(scenario, seed, clinic ? { clinic } : {});
      const r = replay(prepared, entries, { mode, ...(deps.workflows && { workflows: deps.workflows }) });
      if (!r.ok) {
        ctx.err(`${logPath}: ${en ? `action ${r.index} rejected` : `acción ${r.index} rechazada`}: ${r.reason[ctx.lang]}`);
        return 1;
      }
      r.run.stop();
      ctx.out(JSON.stringify(r.result, null, 2));
      return 0;
    } catch (e) {
      ctx.err(`play: ${e instanceof CaseDataError || e instanceof ShiftPrepareError ? e.text[ctx.lang] : e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      return 2;
    }
  };
}

/** `play <file> --log <log.json> [--seed N] [--mode assessment]`: replays a case's or a shift's log and prints the result as JSON. */
export const playCommand: CliCommand = createPlayCommand();
