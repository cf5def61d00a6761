/**
 * Global setup of the browser tests (see vitest.browser.config.ts): finds Chromium, serves the
 * built app from dist/ on 127.0.0.1 and a free port, and hands both to the tests through
 * provide/inject. It fails, never skips, when something is missing: a browser suite that quietly
 * skips hides regressions.
 */
import { accessSync, constants, createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the static server, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseUrl: string;
    /** Path of the Chromium executable that playwright-core launches. */
    chromiumPath: string;
  }
}

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The built app; DIST_DIR points elsewhere (several builds side by side, e.g. `vite build --outDir`). */
const DIST = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : join(ROOT, 'dist');

const INSTALL_HINT =
  'Install Chromium from Debian\'s packages with `apt-get install -y chromium` (as root), ' +
  'or set CHROMIUM_PATH to a Chromium or Chrome executable. The tests never download a browser.';

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** Chromium's path: CHROMIUM_PATH, else /usr/bin/chromium, else `chromium` on PATH; throws with install advice. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", which is not an executable file. ${INSTALL_HINT}`);
  }
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'chromium');
    if (isExecutable(candidate)) return candidate;
  }
  throw new Error(`Chromium was not found (looked at CHROMIUM_PATH, /usr/bin/chromium and PATH). ${INSTALL_HINT}`);
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
};

/**
 * A tiny static server for a built single-page app: files by path with their MIME type, and
 * index.html for any path without a file extension so client-side routes (and the 404 page)
 * work on a direct load. A missing asset (a path with an extension) is a real 404.
 */
export function createStaticServer(root: string): Server {
  const rootDir = resolve(root);
  return createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const candidate = normalize(join(rootDir, pathname));
    if (candidate !== rootDir && !candidate.startsWith(rootDir + sep)) {
      res.writeHead(403).end();
      return;
    }
    let file = candidate;
    if (!existsSync(file) || statSync(file).isDirectory()) {
      const indexInDir = join(candidate, 'index.html');
      if (existsSync(indexInDir)) file = indexInDir;
      else if (extname(pathname) === '') file = join(rootDir, 'index.html');
      else {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
    }
    res.writeHead(200, {
      'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
}

/** Vitest global setup: provides baseUrl and chromiumPath, returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromiumPath = findChromium();
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`The built app was not found at ${DIST}/index.html: run npm run build first (or npx vite build).`);
  }
  const server = createStaticServer(DIST);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  project.provide('chromiumPath', chromiumPath);
  return () => new Promise<void>((done) => server.close(() => done()));
}
