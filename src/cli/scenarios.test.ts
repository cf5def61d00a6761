/**
 * The real `scenarios` command as a child process (node with tsx's loader, as `npm run scenarios`
 * runs it without npm's wrapper): what a shell sees of FIFOs, devices, sockets, signals and file
 * text that carries terminal escapes.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '../..');
const loader = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const entry = join(import.meta.dirname, 'scenarios.ts');
const ESC = '\u001b';

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** When it ended (Date.now()). */
  endedAt: number;
}

/** Runs the command from the project folder; kills it after 20 s so a hang fails the test instead of the suite. */
function run(args: string[], opts: { during?: (pid: number) => void } = {}): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', loader, entry, ...args], { cwd: root, env: { ...process.env, LANG: 'C' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // A hang (the old FIFO read) ends here, as a null exit code.
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    if (opts.during && child.pid !== undefined) opts.during(child.pid);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      done({ code, signal, stdout, stderr, endedAt: Date.now() });
    });
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mesa-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('paths that are not regular files', () => {
  it('refuses a FIFO at once, naming it, in check, play and catalog (exit 2)', async () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const check = await run(['check', fifo, '--lang', 'en']);
    expect(check).toMatchObject({ code: 2, stdout: '' });
    expect(check.stderr).toBe(`error: ${fifo} is a FIFO (named pipe), not a regular file: expected a .yaml file or a folder of .yaml files\n`);
    const play = await run(['play', 'tests/fixtures/valid/saludo-basico.yaml', '--log', fifo]);
    expect(play.code).toBe(2);
    expect(play.stderr).toContain(`error: ${fifo} es una FIFO (tubería con nombre), no un archivo normal`);
    const catalog = await run(['catalog', '--out', fifo, '--lang', 'en']);
    expect(catalog.code).toBe(2);
    expect(catalog.stderr).toContain(`${fifo} is a FIFO (named pipe)`);
  }, 60_000);

  it('refuses /dev/zero instead of reading it forever (exit 2)', async () => {
    const check = await run(['check', '/dev/zero', '--lang', 'en']);
    expect(check.code).toBe(2);
    expect(check.stderr).toBe('error: /dev/zero is a character device, not a regular file: expected a .yaml file or a folder of .yaml files\n');
    const play = await run(['play', 'tests/fixtures/valid/saludo-basico.yaml', '--log', '/dev/zero', '--lang', 'en']);
    expect(play.code).toBe(2);
    expect(play.stderr).toContain('/dev/zero is a character device');
  }, 60_000);

  it('refuses a socket (exit 2)', async () => {
    const sock = join(dir, 'sock.yaml');
    const server: Server = createServer();
    await new Promise<void>((ok) => server.listen(sock, ok));
    try {
      const check = await run(['check', sock, '--lang', 'en']);
      expect(check.code).toBe(2);
      expect(check.stderr).toContain(`error: ${sock} is a socket, not a regular file`);
    } finally {
      server.close();
    }
  }, 60_000);
});

describe('signals', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s ends a check of a large folder at once with exit %i, saying so', async (signal, code) => {
    const big = mkdtempSync(join(dir, 'big-'));
    for (let i = 0; i < 600; i++) writeFileSync(join(big, `c${i}.yaml`), `format: 1\nid: c-${i}\n`);
    // The folder's access time moves when the command first lists it: it is running, past start-up.
    utimesSync(big, 0, statSync(big).mtime);
    let sentAt = 0;
    const result = await run(['check', big, '--lang', 'en'], {
      during: (pid) => {
        const poll = setInterval(() => {
          if (statSync(big).atimeMs === 0) return;
          clearInterval(poll);
          sentAt = Date.now();
          process.kill(pid, signal);
        }, 2);
      },
    });
    expect(sentAt, 'the command never listed the folder').toBeGreaterThan(0);
    expect(result.endedAt - sentAt).toBeLessThan(3000);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(`stopped by ${signal}: the command did not finish (exit ${code})`);
    expect(result.stdout).not.toContain('600 files');
  }, 60_000);
});

describe('text from files reaches the terminal escaped', () => {
  // The loader refuses control characters inside a file (invisible-character errors), so what can
  // still reach the terminal raw is a file's name on disk and the place of such an error.
  it('shows ESC and CR of a file name, a test name and a key as \\u001b and \\u000d, in text and JSON', async () => {
    const lib = mkdtempSync(join(dir, 'lib-'));
    const fixtures = join(root, 'tests/fixtures/valid');
    mkdirSync(join(lib, 'clinics'));
    mkdirSync(join(lib, 'cases'));
    writeFileSync(join(lib, 'clinics', 'umf-prueba.yaml'), readFileSync(join(fixtures, 'umf-prueba.yaml')));
    const hostile = '\\u001b[2K\\rPASS';
    writeFileSync(
      join(lib, 'cases', 'saludo-basico.yaml'),
      readFileSync(join(fixtures, 'saludo-basico.yaml'), 'utf8').replace('  - name: mejor camino', `  - name: "mejor camino ${hostile}"`),
    );
    writeFileSync(join(lib, 'cases', 'otro.yaml'), readFileSync(join(fixtures, 'saludo-basico.yaml'), 'utf8').replace('id: saludo-basico', `id: otro\n"clave${hostile}": 1`));
    const rawName = `nombre${ESC}[2K\rPASS.yaml`;
    writeFileSync(join(lib, 'cases', rawName), readFileSync(join(fixtures, 'saludo-basico.yaml'), 'utf8'));
    const shown = '\\u001b[2K\\u000dPASS';

    const test = await run(['test', join(lib, 'cases', 'saludo-basico.yaml'), '--lang', 'en']);
    expect(test.code).toBe(1);
    expect(test.stdout + test.stderr).toContain('control character U+001B');
    expect(test.stdout).toContain('FAIL saludo-basico');
    const check = await run(['check', lib, '--lang', 'en']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`nombre${shown}.yaml`);
    const json = await run(['check', lib, '--format', 'json']);
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('nombre\\u001b[2K\\rPASS.yaml');
    for (const r of [test, check, json]) {
      expect(r.stdout + r.stderr).not.toContain(ESC);
      expect(r.stdout + r.stderr).not.toContain('\r');
    }
  }, 60_000);
});
