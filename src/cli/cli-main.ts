/**
 * The `scenarios` command line over the engine, for instructors, CI and schools (entry:
 * scenarios.ts). Exit codes: 0 success, 1 problems found in the files, 2 usage error (an unknown
 * command, option or value, a path that does not exist or is not what the command needs) or
 * internal error; 130/143 after SIGINT/SIGTERM (signals.ts).
 */
import type { Lang } from '../domain/text';
import { catalogCommand } from './catalog-command';
import { checkCommand } from './check-command';
import type { CliCommand, CliContext, ParsedArgs } from './cli-context';
import { pathProblem, type PathNeed } from './cli-paths';
import { playCommand } from './play-command';
import { guideCommand, schemaCommand } from './schema-command';
import { statsCommand } from './stats-command';
import { escapeControl } from './terminal-text';
import { testCommand } from './test-command';

/** Checks a flag's value; returns the reason it is wrong, in the reader's language. */
type Validator = (value: string, lang: Lang) => string | undefined;

const oneOf = (name: string, allowed: readonly string[]): Validator => (value, lang) =>
  allowed.includes(value) ? undefined : lang === 'en' ? `--${name} is ${allowed.join(' or ')}` : `--${name} es ${allowed.join(' o ')}`;
const anyValue: Validator = () => undefined;
const seedValue: Validator = (value, lang) =>
  /^\d+$/.test(value) && Number(value) <= 2 ** 31 - 1
    ? undefined
    : lang === 'en' ? `--seed must be a whole number from 0 to 2147483647, got "${value}"` : `--seed debe ser un entero de 0 a 2147483647; se recibió "${value}"`;

interface CommandSpec {
  run: CliCommand;
  /** Flags that take a value, with the check of that value. */
  values: Record<string, Validator>;
  /** Flags that are on or off. */
  switches: string[];
  /** What the positionals are: scenario paths (default scenarios/), exactly one file, or nothing. */
  positionals: 'library' | 'file' | 'none';
  /** Value flags that name a path, and what that path must be. */
  pathFlags?: Record<string, PathNeed>;
  help: { 'es-MX': string; en: string };
}

const COMMON_VALUES: Record<string, Validator> = { lang: oneOf('lang', ['es-MX', 'en']) };
const FORMAT = { format: oneOf('format', ['json', 'text']) };

/** The commands, their flags and one line of help each. */
export const COMMANDS: Record<string, CommandSpec> = {
  check: {
    run: checkCommand,
    values: FORMAT,
    switches: ['draft'],
    positionals: 'library',
    help: {
      'es-MX': 'check [rutas...] [--format text|json] [--draft]  valida archivos (por omisión scenarios/)',
      en: 'check [paths...] [--format text|json] [--draft]  validates files (default scenarios/)',
    },
  },
  test: {
    run: testCommand,
    values: {},
    switches: [],
    positionals: 'library',
    help: { 'es-MX': 'test [rutas...]  corre las pruebas de cada archivo', en: "test [paths...]  runs every file's tests" },
  },
  play: {
    run: playCommand,
    values: { log: anyValue, seed: seedValue, mode: oneOf('mode', ['practice', 'assessment']) },
    switches: [],
    positionals: 'file',
    pathFlags: { log: 'log' },
    help: {
      'es-MX': 'play <archivo> --log <registro.json> [--seed N] [--mode practice|assessment]  repite un registro e imprime el resultado',
      en: 'play <file> --log <log.json> [--seed N] [--mode practice|assessment]  replays a log and prints the result',
    },
  },
  stats: {
    run: statsCommand,
    values: FORMAT,
    switches: [],
    positionals: 'library',
    help: { 'es-MX': 'stats [rutas...] [--format text|json]  pasos, caminos y puntos mínimos y máximos', en: 'stats [paths...] [--format text|json]  steps, paths, min and max points' },
  },
  schema: {
    run: schemaCommand,
    values: { out: anyValue },
    switches: [],
    positionals: 'none',
    pathFlags: { out: 'output' },
    help: { 'es-MX': 'schema [--out archivo]  escribe scenarios/schema.json', en: 'schema [--out file]  writes scenarios/schema.json' },
  },
  guide: {
    run: guideCommand,
    values: { out: anyValue },
    switches: [],
    positionals: 'none',
    pathFlags: { out: 'output' },
    help: { 'es-MX': 'guide [--out archivo]  escribe docs/workflows.md desde el registro', en: 'guide [--out file]  writes docs/workflows.md from the registry' },
  },
  catalog: {
    run: catalogCommand,
    values: { out: anyValue },
    switches: [],
    positionals: 'none',
    pathFlags: { out: 'output' },
    help: {
      'es-MX': 'catalog [--out archivo]  escribe docs/library.md: casos, turnos y clínicas de scenarios/',
      en: 'catalog [--out file]  writes docs/library.md: the cases, shifts and clinics in scenarios/',
    },
  },
};

/** A usage problem: printed on one line, exit code 2. */
export class UsageError extends Error {}

/** Splits argv after the command into positionals and known flags; throws UsageError otherwise. */
export function parseArgs(argv: readonly string[], spec: { values: CommandSpec['values'] | string[]; switches: string[] }, lang: Lang): ParsedArgs {
  const en = lang === 'en';
  const own = Array.isArray(spec.values) ? Object.fromEntries(spec.values.map((v) => [v, anyValue])) : spec.values;
  const values: Record<string, Validator> = { ...COMMON_VALUES, ...own };
  const switches = new Set(spec.switches);
  const out: ParsedArgs = { positionals: [], flags: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      out.positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(en ? `unknown option ${arg}` : `opción desconocida ${arg}`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (Object.prototype.hasOwnProperty.call(out.flags, name)) throw new UsageError(en ? `--${name} is given twice` : `--${name} aparece dos veces`);
    if (switches.has(name)) {
      if (eq >= 0) throw new UsageError(en ? `--${name} takes no value` : `--${name} no lleva valor`);
      out.flags[name] = true;
    } else if (Object.prototype.hasOwnProperty.call(values, name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      // "--seed -5" hands -5 to the value's check; "--log --mode" is a missing value.
      if (value === undefined || value === '' || value.startsWith('--')) throw new UsageError(en ? `--${name} needs a value` : `--${name} necesita un valor`);
      const wrong = (values[name] as Validator)(value, lang);
      if (wrong !== undefined) throw new UsageError(wrong);
      out.flags[name] = value;
    } else {
      throw new UsageError(en ? `unknown option --${name}` : `opción desconocida --${name}`);
    }
  }
  return out;
}

/** The reader's language: --lang wins, then LANG starting with "en", else es-MX. */
export function detectLang(argv: readonly string[], env: Record<string, string | undefined>): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const v = a.startsWith('--lang=') ? a.slice(7) : a === '--lang' ? argv[i + 1] : undefined;
    if (v === 'en' || v === 'es-MX') return v;
  }
  return (env['LANG'] ?? '').toLowerCase().startsWith('en') ? 'en' : 'es-MX';
}

function helpText(lang: Lang): string[] {
  const head = lang === 'en' ? 'Usage: npm run scenarios -- <command> [options] [--lang es-MX|en]' : 'Uso: npm run scenarios -- <comando> [opciones] [--lang es-MX|en]';
  return [head, ...Object.values(COMMANDS).map((c) => `  ${c.help[lang]}`), lang === 'en' ? '  help  this text' : '  help  este texto'];
}

/** Usage errors of the paths a command line names; checked before any file is opened. */
async function pathProblems(name: string, spec: CommandSpec, args: ParsedArgs, ctx: CliContext): Promise<string[]> {
  const en = ctx.lang === 'en';
  const problems: string[] = [];
  if (spec.positionals === 'none' && args.positionals.length > 0) {
    problems.push(en ? `error: ${name} takes no path (got ${args.positionals.join(' ')})` : `error: ${name} no recibe rutas (se recibió ${args.positionals.join(' ')})`);
  }
  const named: [string, PathNeed][] = [];
  if (spec.positionals === 'library') for (const p of args.positionals.length > 0 ? args.positionals : ['scenarios']) named.push([p, 'library']);
  if (spec.positionals === 'file' && args.positionals.length === 1) named.push([args.positionals[0] as string, 'case']);
  for (const [flag, need] of Object.entries(spec.pathFlags ?? {})) {
    const v = args.flags[flag];
    if (typeof v === 'string') named.push([v, need]);
  }
  for (const [p, need] of named) {
    const problem = await pathProblem(p, need, ctx.cwd, ctx.lang);
    if (problem !== undefined) problems.push(problem);
  }
  return problems;
}

/** Runs one command line; returns the exit code. Never throws. Every printed line is escaped. */
export async function main(argv: readonly string[], ctx: Omit<CliContext, 'lang'> & { env?: Record<string, string | undefined> }): Promise<number> {
  const lang = detectLang(argv, ctx.env ?? {});
  const out = (l: string) => ctx.out(escapeControl(l));
  const err = (l: string) => ctx.err(escapeControl(l));
  const full: CliContext = { lang, out, err, cwd: ctx.cwd };
  try {
    const [name, ...rest] = argv;
    const wantsHelp = rest.includes('--help') || rest.includes('-h');
    if (name === undefined || name === 'help' || name === '--help' || name === '-h' || wantsHelp) {
      if (name === 'help') parseArgs(rest, { values: {}, switches: [] }, lang);
      for (const line of helpText(lang)) (name === undefined ? err : out)(line);
      return name === undefined ? 2 : 0;
    }
    const spec = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!spec) {
      err(lang === 'en' ? `error: unknown command "${name}"` : `error: comando desconocido "${name}"`);
      for (const line of helpText(lang)) err(line);
      return 2;
    }
    const args = parseArgs(rest, spec, lang);
    const problems = await pathProblems(name, spec, args, full);
    if (problems.length > 0) {
      for (const p of problems) err(p);
      return 2;
    }
    return await spec.run(args, full);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`error: ${e.message}`);
      return 2;
    }
    const reason = e instanceof Error ? e.message : String(e);
    err(lang === 'en' ? `internal error: ${reason}` : `error interno: ${reason}`);
    return 2;
  }
}
