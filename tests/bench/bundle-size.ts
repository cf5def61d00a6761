/**
 * Bundle-size check: gzipped JavaScript of the home route's first load (the entry chunk and every
 * chunk it imports statically, per Vite's manifest) against the 130 KB budget of
 * shared/design/architecture.md. Run after a build: `npx vite build && npx tsx tests/bench/bundle-size.ts`.
 * Exits 1 over budget, 2 when dist/ is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** One entry of .vite/manifest.json (the fields this script reads). */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Budget for the first load, in bytes (KB = 1,024 bytes, the unit Vite prints). */
export const BUDGET_BYTES = 130 * 1024;

/** Manifest keys of the entry and everything it imports statically, each once. */
export function firstLoadChunks(manifest: Manifest, entryKey: string): string[] {
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no chunk "${key}"`);
    seen.add(key);
    chunk.imports?.forEach(visit);
  };
  visit(entryKey);
  return [...seen];
}

/** Size report of the first load: per file and in total, gzipped at level 9 like most servers' precompression. */
export function measureFirstLoad(distDir: string): { files: Array<{ file: string; raw: number; gzip: number }>; total: number } {
  const manifestPath = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} not found: run npm run build first (build.manifest must be on)`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('manifest has no entry chunk');
  const files = firstLoadChunks(manifest, entryKey).map((key) => {
    const file = (manifest[key] as ManifestChunk).file;
    const bytes = readFileSync(join(distDir, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { files, total: files.reduce((sum, f) => sum + f.gzip, 0) };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

function main(): number {
  const distDir = resolve(fileURLToPath(new URL('../../dist', import.meta.url)));
  if (!existsSync(distDir)) {
    console.error(`dist/ not found at ${distDir}: run npm run build first.`);
    return 2;
  }
  const { files, total } = measureFirstLoad(distDir);
  console.log('First load of the home route (JavaScript):');
  for (const f of files) console.log(`  ${f.file}  ${kb(f.raw)} raw, ${kb(f.gzip)} gzip`);
  const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
  console.log(`Total: ${kb(total)} gzip, ${verdict} the ${kb(BUDGET_BYTES)} budget (${kb(BUDGET_BYTES - total)} left).`);
  return total <= BUDGET_BYTES ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}
