import { constants } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScenarioFileSystem } from '../engine/load/library';
import { LIMITS } from '../engine/format/scenario.schema';

const YAML = /\.ya?ml$/i;

/** What a path is on disk, for messages and for refusing what is not a regular file. */
export type PathKind = 'missing' | 'file' | 'folder' | 'fifo' | 'socket' | 'char-device' | 'block-device' | 'other';

type StatLike = { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean };

function kindOf(s: StatLike): PathKind {
  if (s.isFile()) return 'file';
  if (s.isDirectory()) return 'folder';
  if (s.isFIFO()) return 'fifo';
  if (s.isSocket()) return 'socket';
  if (s.isCharacterDevice()) return 'char-device';
  if (s.isBlockDevice()) return 'block-device';
  return 'other';
}

/** The kind of a path, following symlinks; 'missing' when nothing is there. */
export async function pathKind(path: string): Promise<PathKind> {
  try {
    return kindOf(await stat(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw e;
  }
}

/** Thrown when a path to read is not a regular file (a FIFO, a device, a socket, a folder). */
export class NotRegularFileError extends Error {
  constructor(readonly path: string, readonly kind: PathKind) {
    super(`not a regular file (${kind}): ${path}`);
  }
}

/**
 * At most `limit + 1` bytes of a regular file. Opened non-blocking and checked on the open handle:
 * opening or reading a FIFO would block a libuv thread, and then even process.exit() waits for it.
 */
export async function readRegularFile(path: string, limit: number): Promise<Uint8Array> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const kind = kindOf(await handle.stat());
    if (kind !== 'file') throw new NotRegularFileError(path, kind);
    // One byte past the limit is enough to report a file as too large; /dev/zero never gets here.
    const buf = new Uint8Array(limit + 1);
    let filled = 0;
    while (filled < buf.length) {
      const { bytesRead } = await handle.read(buf, filled, buf.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buf.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

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
  read: (path) => readRegularFile(path, LIMITS.fileBytes),
};
