import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryFileSystem } from '../engine/load/library';
import { CASE_YAML, CLINIC_YAML, fakeRegistry } from '../engine/testing/loader-fixtures';
import { createCheckCommand } from './check-command';
import type { CliContext, ParsedArgs } from './cli-context';
import { detectLang, main, parseArgs } from './cli-main';
import { createStatsCommand } from './stats-command';

function ctx(lang: 'es-MX' | 'en' = 'es-MX') {
  const out: string[] = [];
  const err: string[] = [];
  const c: CliContext = { lang, out: (l) => out.push(l), err: (l) => err.push(l), cwd: '/' };
  return { c, out, err };
}
const args = (positionals: string[], flags: ParsedArgs['flags'] = {}): ParsedArgs => ({ positionals, flags });

const fs = memoryFileSystem({
  'lib/clinics/umf-prueba.yaml': CLINIC_YAML,
  'lib/cases/caso-prueba.yaml': CASE_YAML,
  'bad/caso-prueba.yaml': CASE_YAML.replace('difficulty: basic', 'difficulty: easy'),
  'bad/umf-prueba.yaml': CLINIC_YAML,
});
const check = createCheckCommand({ fs, workflows: fakeRegistry });

describe('scenarios check', () => {
  it('exits 0 and prints the summary when everything is valid', async () => {
    const { c, out } = ctx();
    expect(await check(args(['lib']), c)).toBe(0);
    expect(out).toEqual(['2 archivos, 0 errores, 0 advertencias']);
  });

  it('prints path:line:col: error: message and exits 1', async () => {
    const { c, out } = ctx('en');
    expect(await check(args(['bad']), c)).toBe(1);
    expect(out[0]).toMatch(/^bad\/caso-prueba\.yaml:6:13: error: expected one of: basic, intermediate, advanced/);
    expect(out.at(-1)).toBe('2 files, 1 error, 0 warnings');
  });

  it('prints JSON with --format json', async () => {
    const { c, out } = ctx();
    expect(await check(args(['bad'], { format: 'json' }), c)).toBe(1);
    const json = JSON.parse(out.join('\n'));
    expect(json).toMatchObject({ files: 2, errors: 1, warnings: 0 });
    expect(json.diagnostics[0]).toMatchObject({ file: 'bad/caso-prueba.yaml', line: 6, col: 13, code: 'invalid-value', severity: 'error' });
  });

  it('exits 2 when a path does not exist', async () => {
    const { c, err } = ctx();
    expect(await check(args(['missing']), c)).toBe(2);
    expect(err).toEqual(['error: no existe el archivo o carpeta: missing']);
  });

  describe('when given a file inside a library', () => {
    it('resolves its clinic from the library and counts only that file', async () => {
      const { c, out } = ctx('en');
      expect(await check(args(['lib/cases/caso-prueba.yaml']), c)).toBe(0);
      expect(out).toEqual(['1 file, 0 errors, 0 warnings']);
    });

    it('reports the faults of the file asked for, not of the rest of the library', async () => {
      const withBroken = memoryFileSystem({
        'lib/clinics/umf-prueba.yaml': CLINIC_YAML,
        'lib/cases/caso-prueba.yaml': CASE_YAML,
        'lib/cases/roto.yaml': CASE_YAML.replace('caso-prueba', 'roto').replace('difficulty: basic', 'difficulty: easy'),
        'lib/cases/lejano.yaml': CASE_YAML.replace('caso-prueba', 'lejano').replace('clinic: umf-prueba', 'clinic: umf-lejana'),
      });
      const { c, out } = ctx('en');
      expect(await createCheckCommand({ fs: withBroken, workflows: fakeRegistry })(args(['lib/cases/caso-prueba.yaml']), c)).toBe(0);
      expect(out).toEqual(['1 file, 0 errors, 0 warnings']);
      const second = ctx('en');
      expect(await createCheckCommand({ fs: withBroken, workflows: fakeRegistry })(args(['lib/cases/lejano.yaml']), second.c)).toBe(1);
      expect(second.out[0]).toMatch(/^lib\/cases\/lejano\.yaml:12:9: error: .*umf-lejana/);
      expect(second.out.at(-1)).toBe('1 file, 1 error, 0 warnings');
    });

    it('finds the library on disk from a relative or oddly spelled path', async () => {
      const root = mkdtempSync(join(tmpdir(), 'mesa-check-'));
      try {
        mkdirSync(join(root, 'lib', 'clinics'), { recursive: true });
        mkdirSync(join(root, 'lib', 'cases'), { recursive: true });
        writeFileSync(join(root, 'lib', 'clinics', 'umf-prueba.yaml'), CLINIC_YAML);
        writeFileSync(join(root, 'lib', 'cases', 'caso-prueba.yaml'), CASE_YAML);
        const onDisk = createCheckCommand({ workflows: fakeRegistry });
        const { c, out } = ctx('en');
        expect(await onDisk(args([`${root}/lib/./cases/caso-prueba.yaml`]), c)).toBe(0);
        expect(out).toEqual(['1 file, 0 errors, 0 warnings']);
        const alone = ctx('en');
        writeFileSync(join(root, 'caso-prueba.yaml'), CASE_YAML);
        expect(await onDisk(args([join(root, 'caso-prueba.yaml')]), alone.c)).toBe(1);
        expect(alone.out.at(-1)).toBe('1 file, 1 error, 0 warnings');
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  });
});

describe('scenarios stats', () => {
  it('prints steps, paths, points per category and best percent', async () => {
    const { c, out } = ctx('en');
    expect(await createStatsCommand({ fs, workflows: fakeRegistry })(args(['lib']), c)).toBe(0);
    expect(out).toEqual(['lib/cases/caso-prueba.yaml: 3 steps, 2 paths, best 100%; points: privacy 0..5, communication -1..2', '1 cases']);
  });

  it('takes a single case file inside a library without reporting its clinic as missing', async () => {
    const { c, out, err } = ctx('en');
    expect(await createStatsCommand({ fs, workflows: fakeRegistry })(args(['lib/cases/caso-prueba.yaml']), c)).toBe(0);
    expect(err).toEqual([]);
    expect(out.at(-1)).toBe('1 cases');
  });
});

describe('main', () => {
  it('runs check on real files in the fixtures folder', async () => {
    const { c, out } = ctx();
    expect(await main(['check', 'tests/fixtures/valid'], { out: c.out, err: c.err, cwd: process.cwd() })).toBe(0);
    expect(out.at(-1)).toBe('3 archivos, 0 errores, 0 advertencias');
  });

  it('exits 2 on an unknown command or flag, with one line of error', async () => {
    const { c, err } = ctx();
    expect(await main(['frobnicate'], { out: c.out, err: c.err, cwd: '/' })).toBe(2);
    expect(err[0]).toBe('error: comando desconocido "frobnicate"');
    const second = ctx();
    expect(await main(['check', '--colour'], { out: second.c.out, err: second.c.err, cwd: '/' })).toBe(2);
    expect(second.err).toEqual(['error: opción desconocida --colour']);
    const third = ctx();
    expect(await main(['check', '--format', 'xml', '--lang', 'en'], { out: third.c.out, err: third.c.err, cwd: '/' })).toBe(2);
    expect(third.err).toEqual(['error: --format is json or text']);
  });

  it('prints help', async () => {
    const { c, out } = ctx();
    expect(await main(['help', '--lang=en'], { out: c.out, err: c.err, cwd: '/' })).toBe(0);
    expect(out[0]).toContain('Usage: npm run scenarios');
  });
});

describe('argument parsing', () => {
  it('splits positionals and known flags', () => {
    expect(parseArgs(['a', '--format', 'json', 'b', '--draft', '--lang=en'], { values: ['format'], switches: ['draft'] }, 'en')).toEqual({
      positionals: ['a', 'b'],
      flags: { format: 'json', draft: true, lang: 'en' },
    });
    expect(() => parseArgs(['--format'], { values: ['format'], switches: [] }, 'en')).toThrow('--format needs a value');
  });

  it('picks the language from --lang, then LANG', () => {
    expect(detectLang(['check', '--lang', 'en'], {})).toBe('en');
    expect(detectLang(['check'], { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(detectLang(['check'], { LANG: 'es_MX.UTF-8' })).toBe('es-MX');
    expect(detectLang(['check'], {})).toBe('es-MX');
  });
});

describe('every flag works or is a usage error (exit 2)', () => {
  const real = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: process.cwd() });
    return { code, out, err };
  };
  const CASE = 'tests/fixtures/valid/saludo-basico.yaml';
  it.each([
    [['test', '--seed', 'abc'], 'error: unknown option --seed'],
    [['test', '--seed', '-5'], 'error: unknown option --seed'],
    [['play', CASE, '--log', 'x.json', '--seed', 'abc'], 'error: --seed must be a whole number from 0 to 2147483647, got "abc"'],
    [['play', CASE, '--log', 'x.json', '--seed', '-5'], 'error: --seed must be a whole number from 0 to 2147483647, got "-5"'],
    [['play', CASE, '--log', 'x.json', '--mode', 'exam'], 'error: --mode is practice or assessment'],
    [['play', CASE, '--log'], 'error: --log needs a value'],
    [['play', CASE, '--log', '--mode', 'assessment'], 'error: --log needs a value'],
    [['check', '-x'], 'error: unknown option -x'],
    [['check', '--format', 'json', '--format', 'text'], 'error: --format is given twice'],
    [['catalog', 'docs/library.md'], 'error: catalog takes no path (got docs/library.md)'],
    [['help', '--colour'], 'error: unknown option --colour'],
  ])('%j', async (argv, line) => {
    const r = await real([...argv, '--lang', 'en']);
    expect(r.err).toEqual([line]);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
  });
});

describe('paths that do not exist or are not what the command needs (exit 2)', () => {
  const real = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main([...argv, '--lang', 'en'], { out: (l) => out.push(l), err: (l) => err.push(l), cwd: process.cwd() });
    return { code, out, err };
  };
  let empty: string;
  beforeAll(() => {
    empty = mkdtempSync(join(tmpdir(), 'mesa-empty-'));
    writeFileSync(join(empty, 'notes.txt'), 'no scenarios here');
  });
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it('a missing log exits 2 like a missing case', async () => {
    expect(await real(['play', 'tests/fixtures/valid/saludo-basico.yaml', '--log', 'no-such-log.json'])).toEqual({ code: 2, out: [], err: ['error: no such file or folder: no-such-log.json'] });
    expect(await real(['play', 'no-such-case.yaml', '--log', 'no-such-log.json'])).toMatchObject({ code: 2, err: ['error: no such file or folder: no-such-case.yaml', 'error: no such file or folder: no-such-log.json'] });
  });

  it('play refuses a folder instead of playing its first file', async () => {
    const r = await real(['play', 'scenarios/cases', '--log', 'package.json']);
    expect(r).toEqual({ code: 2, out: [], err: ['error: scenarios/cases is a folder, not a regular file: expected a case or shift file (.yaml)'] });
  });

  it.each(['check', 'test', 'stats'])('%s on a folder with no YAML says so instead of "0 files"', async (command) => {
    const r = await real([command, empty]);
    expect(r).toEqual({ code: 2, out: [], err: [`error: the folder ${empty} holds no .yaml or .yml file: expected a scenario file or a folder of them`] });
  });

  it('reads a log only up to 8 MiB, and says so (exit 1: a problem of the file)', async () => {
    const big = join(empty, 'big.json');
    writeFileSync(big, `[${'{"choose":"formal"},'.repeat(450_000)}{"choose":"formal"}]`);
    const r = await real(['play', 'tests/fixtures/valid/saludo-basico.yaml', '--log', big]);
    expect(r).toEqual({ code: 1, out: [], err: [`${big}: the log is too large: expected at most 8 MiB`] });
  });

  it('a folder as --out is not a file to write', async () => {
    const r = await real(['catalog', '--out', empty]);
    expect(r).toEqual({ code: 2, out: [], err: [`error: ${empty} is a folder, not a regular file: expected a regular file, or a new path to write it to`] });
  });
});
