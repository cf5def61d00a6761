/**
 * `npm run scenarios -- <command>`: the command line over the engine, for instructors, CI and
 * schools. Exit codes: 0 success, 1 problems found, 2 usage or internal error.
 */
import { pathToFileURL } from 'node:url';
import type { Lang } from '../domain/text';
import { catalogCommand } from './catalog-command';
import { checkCommand } from './check-command';
import type { CliCommand, CliContext, ParsedArgs } from './cli-context';
import { playCommand } from './play-command';
import { guideCommand, schemaCommand } from './schema-command';
import { statsCommand } from './stats-command';
import { testCommand } from './test-command';

interface CommandSpec {
  run: CliCommand;
  /** Flags that take a value. */
  values: string[];
  /** Flags that are on or off. */
  switches: string[];
  help: { 'es-MX': string; en: string };
}

const COMMON_VALUES = ['lang'];

/** The commands, their flags and one line of help each. */
export const COMMANDS: Record<string, CommandSpec> = {
  check: {
    run: checkCommand,
    values: ['format'],
    switches: ['draft'],
    help: {
      'es-MX': 'check [rutas...] [--format json] [--draft]  valida archivos (por omisión scenarios/)',
      en: 'check [paths...] [--format json] [--draft]  validates files (default scenarios/)',
    },
  },
  test: {
    run: testCommand,
    values: ['seed'],
    switches: [],
    help: { 'es-MX': 'test [rutas...]  corre las pruebas de cada archivo', en: "test [paths...]  runs every file's tests" },
  },
  play: {
    run: playCommand,
    values: ['log', 'seed', 'mode'],
    switches: [],
    help: {
      'es-MX': 'play <archivo> --log <registro.json> [--seed N] [--mode practice|assessment]  repite un registro e imprime el resultado',
      en: 'play <file> --log <log.json> [--seed N] [--mode practice|assessment]  replays a log and prints the result',
    },
  },
  stats: {
    run: statsCommand,
    values: ['format'],
    switches: [],
    help: { 'es-MX': 'stats [rutas...]  pasos, caminos y puntos mínimos y máximos', en: 'stats [paths...]  steps, paths, min and max points' },
  },
  schema: {
    run: schemaCommand,
    values: ['out'],
    switches: [],
    help: { 'es-MX': 'schema  escribe scenarios/schema.json', en: 'schema  writes scenarios/schema.json' },
  },
  guide: {
    run: guideCommand,
    values: ['out'],
    switches: [],
    help: { 'es-MX': 'guide  escribe docs/workflows.md desde el registro', en: 'guide  writes docs/workflows.md from the registry' },
  },
  catalog: {
    run: catalogCommand,
    values: ['out'],
    switches: [],
    help: {
      'es-MX': 'catalog  escribe docs/library.md: casos, turnos y clínicas de scenarios/',
      en: 'catalog  writes docs/library.md: the cases, shifts and clinics in scenarios/',
    },
  },
};

/** A usage problem: printed on one line, exit code 2. */
export class UsageError extends Error {}

/** Splits argv after the command into positionals and known flags; throws UsageError otherwise. */
export function parseArgs(argv: readonly string[], spec: Pick<CommandSpec, 'values' | 'switches'>, lang: Lang): ParsedArgs {
  const values = new Set([...COMMON_VALUES, ...spec.values]);
  const switches = new Set(spec.switches);
  const out: ParsedArgs = { positionals: [], flags: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (switches.has(name)) {
      if (eq >= 0) throw new UsageError(lang === 'en' ? `--${name} takes no value` : `--${name} no lleva valor`);
      out.flags[name] = true;
    } else if (values.has(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(lang === 'en' ? `--${name} needs a value` : `--${name} necesita un valor`);
      out.flags[name] = value;
    } else {
      throw new UsageError(lang === 'en' ? `unknown option --${name}` : `opción desconocida --${name}`);
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

/** Runs one command line; returns the exit code. Never throws. */
export async function main(argv: readonly string[], ctx: Omit<CliContext, 'lang'> & { env?: Record<string, string | undefined> }): Promise<number> {
  const lang = detectLang(argv, ctx.env ?? {});
  const full: CliContext = { lang, out: ctx.out, err: ctx.err, cwd: ctx.cwd };
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
      for (const line of helpText(lang)) (name === undefined ? ctx.err : ctx.out)(line);
      return name === undefined ? 2 : 0;
    }
    const spec = COMMANDS[name];
    if (!spec || !Object.prototype.hasOwnProperty.call(COMMANDS, name)) {
      ctx.err(lang === 'en' ? `error: unknown command "${name}"` : `error: comando desconocido "${name}"`);
      for (const line of helpText(lang)) ctx.err(line);
      return 2;
    }
    const args = parseArgs(rest, spec, lang);
    const l = args.flags['lang'];
    if (l !== undefined && l !== 'en' && l !== 'es-MX') throw new UsageError(lang === 'en' ? '--lang is es-MX or en' : '--lang es es-MX o en');
    if (args.flags['format'] !== undefined && args.flags['format'] !== 'json' && args.flags['format'] !== 'text') {
      throw new UsageError(lang === 'en' ? '--format is json or text' : '--format es json o text');
    }
    return await spec.run(args, full);
  } catch (e) {
    if (e instanceof UsageError) {
      ctx.err(`error: ${e.message}`);
      return 2;
    }
    const reason = e instanceof Error ? e.message : String(e);
    ctx.err(lang === 'en' ? `internal error: ${reason}` : `error interno: ${reason}`);
    return 2;
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  main(process.argv.slice(2), {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
    cwd: process.cwd(),
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}
