import type { Lang } from '../domain/text';

/** Arguments of one CLI command after the command name. */
export interface ParsedArgs {
  /** Positional arguments (paths, a file). */
  positionals: string[];
  /** --flag value pairs and boolean --flags. */
  flags: Record<string, string | boolean>;
}

/** What a command may touch: output streams and the reader's language. Commands return the exit code. */
export interface CliContext {
  lang: Lang;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Current working directory, for relative paths in messages. */
  cwd: string;
}

/** A CLI command: 0 success, 1 failures found, 2 usage error. */
export type CliCommand = (args: ParsedArgs, ctx: CliContext) => Promise<number>;
