import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScenarioFileSystem } from '../engine/library';
import { LIMITS } from '../engine/scenario.schema';

const YAML = /\.ya?ml$/i;

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile() && YAML.test(e.name)) out.push(p);
  }
}

/** The Node file system for the loader: folders expand to their .yaml/.yml files, sorted. */
export const nodeFileSystem: ScenarioFileSystem = {
  async list(paths) {
    const files: string[] = [];
    const missing: string[] = [];
    for (const p of paths) {
      try {
        const s = await stat(p);
        if (s.isDirectory()) await walk(p, files);
        else files.push(p);
      } catch {
        missing.push(p);
      }
    }
    return { files: [...new Set(files)], missing };
  },
  async read(path) {
    const s = await stat(path);
    if (s.size <= LIMITS.fileBytes) return new Uint8Array(await readFile(path));
    // Never read a huge file into memory: one byte past the limit is enough to report it.
    const handle = await open(path, 'r');
    try {
      const buf = new Uint8Array(LIMITS.fileBytes + 1);
      await handle.read(buf, 0, buf.length, 0);
      return buf;
    } finally {
      await handle.close();
    }
  },
};
