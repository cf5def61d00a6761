import { countDiagnostics, formatDiagnostic } from '../engine/format/diagnostics';
import { loadLibraryInContext } from '../engine/load/library';
import { bestPercent, pathCount, scoreRange } from '../engine/analysis/lint';
import { CATEGORIES } from '../engine/format/scenario.schema';
import type { CliCommand } from './cli-context';
import { DEFAULT_PATHS, reportMissing, type CommandDeps } from './check-command';
import { nodeFileSystem } from './node-files';
import { jsonLines } from './terminal-text';

/** Stats of one case: what `stats` prints and what `--format json` returns. */
export interface CaseStats {
  id: string;
  file: string;
  steps: number;
  paths: number;
  pathsCapped: boolean;
  categories: Record<string, { min: number; max: number }>;
  bestPercent: number;
}

const PATH_CAP = 100_000;

/** Builds `stats [paths...] [--format json]`. */
export function createStatsCommand(deps: CommandDeps = {}): CliCommand {
  return async (args, ctx) => {
    const paths = args.positionals.length > 0 ? args.positionals : DEFAULT_PATHS;
    const lib = await loadLibraryInContext(deps.fs ?? nodeFileSystem, paths, deps.workflows ? { workflows: deps.workflows } : {});
    if (reportMissing(lib.missing, ctx.lang, ctx.err)) return 2;
    const errors = lib.diagnostics.filter((d) => d.severity === 'error');
    for (const d of errors) ctx.err(formatDiagnostic(d, ctx.lang));
    const stats: CaseStats[] = [];
    for (const f of lib.files) {
      if (f.document?.kind !== 'case' || !lib.cases.has(f.document.data.id)) continue;
      const c = f.document.data;
      const count = pathCount(c, PATH_CAP);
      const ranges = scoreRange(c);
      const categories: CaseStats['categories'] = {};
      for (const cat of CATEGORIES) if (ranges[cat].min !== 0 || ranges[cat].max !== 0) categories[cat] = ranges[cat];
      stats.push({ id: c.id, file: f.path, steps: Object.keys(c.steps).length, paths: count.count, pathsCapped: count.capped, categories, bestPercent: Math.round(bestPercent(c).overall * 10) / 10 });
    }
    if (args.flags['format'] === 'json') for (const line of jsonLines(stats)) ctx.out(line);
    else {
      const en = ctx.lang === 'en';
      for (const s of stats) {
        const cats = Object.entries(s.categories).map(([k, r]) => `${k} ${r.min}..${r.max}`).join(', ') || '-';
        const p = `${s.paths}${s.pathsCapped ? '+' : ''}`;
        ctx.out(en
          ? `${s.file}: ${s.steps} steps, ${p} paths, best ${s.bestPercent}%; points: ${cats}`
          : `${s.file}: ${s.steps} pasos, ${p} caminos, mejor ${s.bestPercent}%; puntos: ${cats}`);
      }
      ctx.out(en ? `${stats.length} cases` : `${stats.length} casos`);
    }
    return countDiagnostics(errors).errors > 0 ? 1 : 0;
  };
}

/** `stats [paths...]`: steps, paths, min/max points per category and best percent per case. */
export const statsCommand: CliCommand = createStatsCommand();
