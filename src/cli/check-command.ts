import { countDiagnostics, formatDiagnostic } from '../engine/format/diagnostics';
import { loadLibraryInContext, summaryLine, type ScenarioFileSystem } from '../engine/load/library';
import type { WorkflowRegistry } from '../engine/load/loader';
import type { CliCommand } from './cli-context';
import { nodeFileSystem } from './node-files';
import { jsonLines } from './terminal-text';

/** Where a command finds files and workflows; tests swap them. */
export interface CommandDeps {
  fs?: ScenarioFileSystem;
  workflows?: WorkflowRegistry;
}

/** The scenarios folder, when no path is given. */
export const DEFAULT_PATHS = ['scenarios'];

/** Reports paths that do not exist; true when the command should stop with a usage error. */
export function reportMissing(missing: readonly string[], lang: 'es-MX' | 'en', err: (line: string) => void): boolean {
  for (const p of missing) err(lang === 'en' ? `error: no such file or folder: ${p}` : `error: no existe el archivo o carpeta: ${p}`);
  return missing.length > 0;
}

/** Builds `check [paths...] [--format json] [--draft]`. */
export function createCheckCommand(deps: CommandDeps = {}): CliCommand {
  return async (args, ctx) => {
    const paths = args.positionals.length > 0 ? args.positionals : DEFAULT_PATHS;
    // A file inside a library is checked with the rest of it as context, so its clinic resolves.
    const lib = await loadLibraryInContext(deps.fs ?? nodeFileSystem, paths, {
      draft: args.flags['draft'] === true,
      lint: true,
      ...(deps.workflows ? { workflows: deps.workflows } : {}),
    });
    if (reportMissing(lib.missing, ctx.lang, ctx.err)) return 2;
    const { errors, warnings } = countDiagnostics(lib.diagnostics);
    if (args.flags['format'] === 'json') {
      const diagnostics = lib.diagnostics.map((d) => ({ ...d, text: d.message[ctx.lang] }));
      for (const line of jsonLines({ files: lib.fileCount, errors, warnings, diagnostics })) ctx.out(line);
    } else {
      for (const d of lib.diagnostics) ctx.out(formatDiagnostic(d, ctx.lang));
      ctx.out(summaryLine(lib.fileCount, errors, warnings, ctx.lang));
    }
    return errors > 0 ? 1 : 0;
  };
}

/** `check [paths...]`: loads the files with their library, prints each finding of theirs and a summary line. */
export const checkCommand: CliCommand = createCheckCommand();
