import { resolve } from 'node:path';
import type { Lang, LocalizedText } from '../domain/text';
import { CaseDataError } from '../engine/run/case-data';
import { formatDiagnostic } from '../engine/format/diagnostics';
import { loadLibraryInContext, type ScenarioFileSystem } from '../engine/load/library';
import { fromFileLog } from '../engine/format/log';
import { replay } from '../engine/run/replay';
import type { RunResult } from '../engine/run/score';
import type { WorkflowRegistry } from '../machines/registry';
import { CATEGORIES, type CaseTest, type ClinicFile, type ScenarioCase, type ShiftFile, type ShiftTest } from '../engine/format/scenario.schema';
import { prepareShift, replayShift, ShiftPrepareError, type ShiftLibrary, type ShiftResult } from '../engine/shift/shift';
import { prepareCase } from '../engine/run/variants';
import type { CliCommand } from './cli-context';
import { nodeFileSystem } from './node-files';

/** Percent tolerance of a test's `expect.percent`. */
export const PERCENT_TOLERANCE = 0.5;

/** Outcome of one case test: passed, or the first mismatch in words. */
export type CaseTestOutcome = { ok: true; result?: RunResult } | { ok: false; message: string; result?: RunResult };

export interface CaseTestOptions {
  clinic?: ClinicFile;
  workflows?: WorkflowRegistry;
  lang?: Lang;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
const list = (a: readonly string[]) => `[${a.join(', ')}]`;

/** Runs one of a case's declared tests: replays its log (seed, mode) and compares what it expects. */
export async function runCaseTest(scenario: ScenarioCase, test: CaseTest, opts: CaseTestOptions = {}): Promise<CaseTestOutcome> {
  const lang = opts.lang ?? 'en';
  const say = (r: LocalizedText) => r[lang];
  const seed = test.seed ?? 0;
  const expect = test.expect;
  const entries = fromFileLog(test.log);
  let rejectedAt: number | undefined;
  let reason: string | undefined;
  let result: RunResult | undefined;
  if (!entries.ok) {
    rejectedAt = entries.index;
    reason = say(entries.reason);
  } else {
    const prepared = await prepareCase(scenario, seed, opts.clinic ? { clinic: opts.clinic } : {});
    const replayed = replay(prepared, entries.entries, { mode: test.mode, ...(opts.workflows && { workflows: opts.workflows }) });
    if (replayed.ok) {
      result = replayed.result;
      replayed.run.stop();
    } else {
      rejectedAt = replayed.index;
      reason = say(replayed.reason);
    }
  }
  if (expect.rejectedAt !== undefined) {
    if (rejectedAt === expect.rejectedAt) return { ok: true };
    return { ok: false, message: rejectedAt === undefined ? `expected rejectedAt ${expect.rejectedAt}, got none` : `expected rejectedAt ${expect.rejectedAt}, got ${rejectedAt} (${reason})` };
  }
  if (rejectedAt !== undefined || !result) return { ok: false, message: `action ${rejectedAt} rejected: ${reason}` };
  const fail = (message: string): CaseTestOutcome => ({ ok: false, message, result });
  if (expect.percent !== undefined && Math.abs(result.percent - expect.percent) > PERCENT_TOLERANCE) {
    return fail(`expected percent ${expect.percent}, got ${result.percent}`);
  }
  if (expect.passed !== undefined && result.passed !== expect.passed) return fail(`expected passed ${expect.passed}, got ${result.passed}`);
  if (expect.end !== undefined && result.end !== expect.end) return fail(`expected end ${expect.end}, got ${result.end ?? 'none'}`);
  if (expect.points) {
    for (const cat of CATEGORIES) {
      const want = expect.points[cat];
      const got = result.categories[cat].earned;
      if (want !== undefined && want !== got) return fail(`expected points.${cat} ${want}, got ${got}`);
    }
  }
  if (expect.critical && !sameSet(expect.critical, result.critical)) {
    return fail(`expected critical ${list(expect.critical)}, got ${list(result.critical)}`);
  }
  return { ok: true, result };
}

/** Outcome of one shift test. */
export type ShiftTestOutcome = { ok: true; result?: ShiftResult } | { ok: false; message: string; result?: ShiftResult };

/** Runs one of a shift's declared tests: prepares its arrivals (seed), replays its log (mode) and compares. */
export async function runShiftTest(shift: ShiftFile, test: ShiftTest, library: ShiftLibrary, opts: Omit<CaseTestOptions, 'clinic'> = {}): Promise<ShiftTestOutcome> {
  const lang = opts.lang ?? 'en';
  const expect = test.expect;
  const entries = fromFileLog(test.log);
  let rejectedAt: number | undefined;
  let reason: string | undefined;
  let result: ShiftResult | undefined;
  if (!entries.ok) {
    rejectedAt = entries.index;
    reason = entries.reason[lang];
  } else {
    const prepared = await prepareShift(shift, library, test.seed ?? 0);
    const replayed = replayShift(prepared, entries.entries, { mode: test.mode, ...(opts.workflows && { workflows: opts.workflows }) });
    if (replayed.ok) {
      result = replayed.result;
      replayed.run.stop();
    } else {
      rejectedAt = replayed.index;
      reason = replayed.reason[lang];
    }
  }
  if (expect.rejectedAt !== undefined) {
    if (rejectedAt === expect.rejectedAt) return { ok: true };
    return { ok: false, message: rejectedAt === undefined ? `expected rejectedAt ${expect.rejectedAt}, got none` : `expected rejectedAt ${expect.rejectedAt}, got ${rejectedAt} (${reason})` };
  }
  if (rejectedAt !== undefined || !result) return { ok: false, message: `action ${rejectedAt} rejected: ${reason}` };
  const fail = (message: string): ShiftTestOutcome => ({ ok: false, message, result });
  if (expect.percent !== undefined && Math.abs(result.percent - expect.percent) > PERCENT_TOLERANCE) return fail(`expected percent ${expect.percent}, got ${result.percent}`);
  if (expect.passed !== undefined && result.passed !== expect.passed) return fail(`expected passed ${expect.passed}, got ${result.passed}`);
  if (expect.finished !== undefined && result.finished !== expect.finished) return fail(`expected finished ${expect.finished}, got ${result.finished}`);
  if (expect.abandonedCalls !== undefined && result.abandonedCalls !== expect.abandonedCalls) return fail(`expected abandonedCalls ${expect.abandonedCalls}, got ${result.abandonedCalls}`);
  if (expect.critical && !sameSet(expect.critical, result.critical)) return fail(`expected critical ${list(expect.critical)}, got ${list(result.critical)}`);
  return { ok: true, result };
}

/** Makes the `test` command over a file system and workflows (the CLI's are Node's and the registry). */
export function createTestCommand(deps: { fs?: ScenarioFileSystem; workflows?: WorkflowRegistry } = {}): CliCommand {
  const fs = deps.fs ?? nodeFileSystem;
  return async (args, ctx) => {
    try {
      const paths = args.positionals.length > 0 ? args.positionals : ['scenarios'];
      // The rest of the library is context (clinics, other cases); only the files asked for run their tests.
      const lib = await loadLibraryInContext(
        fs,
        paths.map((p) => (deps.fs ? p : resolve(ctx.cwd, p))),
        deps.workflows ? { workflows: deps.workflows } : {},
      );
      if (lib.missing.length > 0) {
        for (const m of lib.missing) ctx.err(ctx.lang === 'en' ? `no such file or folder: ${m}` : `no existe el archivo o carpeta: ${m}`);
        return 2;
      }
      let passed = 0;
      let failed = 0;
      // A file that does not load cannot run its tests: each one counts as a failure.
      for (const d of lib.diagnostics) if (d.severity === 'error') ctx.out(formatDiagnostic(d, ctx.lang));
      for (const f of lib.files) {
        if (f.diagnostics.some((d) => d.severity === 'error')) {
          const tests = f.document && 'tests' in f.document.data ? f.document.data.tests.length : 0;
          failed += Math.max(1, tests);
          ctx.out(`FAIL ${f.id ?? f.path} › ${ctx.lang === 'en' ? 'the file does not load' : 'el archivo no carga'}`);
        }
      }
      const scenarios = lib.files.flatMap((f) => (f.document?.kind === 'case' && lib.cases.get(f.document.data.id) === f.document.data ? [f.document.data] : []));
      for (const scenario of scenarios) {
        for (const test of scenario.tests) {
          const outcome = await runCaseTest(scenario, test, {
            lang: ctx.lang,
            ...(lib.clinics.get(scenario.clinic) && { clinic: lib.clinics.get(scenario.clinic) }),
            ...(deps.workflows && { workflows: deps.workflows }),
          }).catch((e: unknown): CaseTestOutcome => ({ ok: false, message: e instanceof CaseDataError ? e.text[ctx.lang] : e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e) }));
          if (outcome.ok) {
            passed++;
            ctx.out(`ok   ${scenario.id} › ${test.name}`);
          } else {
            failed++;
            ctx.out(`FAIL ${scenario.id} › ${test.name}: ${outcome.message}`);
          }
        }
      }
      const errorText = (e: unknown): string =>
        e instanceof CaseDataError || e instanceof ShiftPrepareError ? e.text[ctx.lang] : e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
      const shifts = lib.files.flatMap((f) => (f.document?.kind === 'shift' && lib.shifts.get(f.document.data.id) === f.document.data ? [f.document.data] : []));
      for (const shift of shifts) {
        for (const test of shift.tests) {
          const outcome = await runShiftTest(shift, test, lib, { lang: ctx.lang, ...(deps.workflows && { workflows: deps.workflows }) }).catch(
            (e: unknown): ShiftTestOutcome => ({ ok: false, message: errorText(e) }),
          );
          if (outcome.ok) {
            passed++;
            ctx.out(`ok   ${shift.id} › ${test.name}`);
          } else {
            failed++;
            ctx.out(`FAIL ${shift.id} › ${test.name}: ${outcome.message}`);
          }
        }
      }
      ctx.out(`${passed} passed, ${failed} failed`);
      return failed > 0 ? 1 : 0;
    } catch (e) {
      ctx.err(`test: ${e instanceof CaseDataError ? e.text[ctx.lang] : e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      return 2;
    }
  };
}

/** `test [paths...]`: runs every case and shift file's declared tests; one line per test, then `N passed, N failed`. */
export const testCommand: CliCommand = createTestCommand();
