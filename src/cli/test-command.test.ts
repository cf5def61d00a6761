import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryFileSystem } from '../engine/library';
import { fakeWorkflows } from '../engine/run-fixtures';
import type { CliContext } from './cli-context';
import { createTestCommand } from './test-command';

const golden = join(import.meta.dirname, '../../tests/fixtures/golden/cases');
const read = (f: string) => readFileSync(join(golden, f), 'utf8');

function context(lang: CliContext['lang'] = 'en') {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = { lang, cwd: '/', out: (l) => out.push(l), err: (l) => err.push(l) };
  return { ctx, out, err };
}

const files = {
  'lib/cases/registro-basico.yaml': read('registro-basico.yaml'),
  'lib/cases/dos-preguntas.yaml': read('dos-preguntas.yaml'),
  'lib/clinics/umf-prueba.yaml': read('umf-prueba.yaml'),
};
const command = (extra: Record<string, string> = {}) => createTestCommand({ fs: memoryFileSystem({ ...files, ...extra }), workflows: fakeWorkflows });

describe('scenarios test', () => {
  it("runs every case's tests, one line each, and closes with the counts", async () => {
    const { ctx, out, err } = context();
    const code = await command()({ positionals: ['lib'], flags: {} }, ctx);
    expect(err).toEqual([]);
    expect(out).toEqual([
      'ok   registro-basico › best path',
      'ok   registro-basico › data before consent fails an assessment',
      'ok   registro-basico › a choice during the task is rejected',
      '3 passed, 0 failed',
    ]);
    expect(code).toBe(0);
  });

  it('says what differs and exits 1 when a test fails', async () => {
    const broken = read('registro-basico.yaml').replace('expect: { percent: 100, passed: true', 'expect: { percent: 80, passed: true');
    const { ctx, out } = context();
    const code = await command({ 'lib/cases/registro-basico.yaml': broken })({ positionals: ['lib'], flags: {} }, ctx);
    expect(out).toContain('FAIL registro-basico › best path: expected percent 80, got 100');
    expect(out.at(-1)).toBe('2 passed, 1 failed');
    expect(code).toBe(1);
  });

  it.each([
    ['rejectedAt', 'expect: { rejectedAt: 1 }', 'expect: { rejectedAt: 2 }', 'expected rejectedAt 2, got 1 ('],
    ['passed', 'percent: 60, passed: false', 'percent: 60, passed: true', 'expected passed true, got false'],
    ['critical', 'critical: [form.consentFirst]', 'critical: [rude]', 'expected critical [rude], got [form.consentFirst]'],
    ['points', 'points: { communication: 2,', 'points: { communication: 3,', 'expected points.communication 3, got 2'],
    ['end', 'end: fin,', 'end: fin-error,', 'expected end fin-error, got fin'],
  ])('compares %s', async (_what, from, to, message) => {
    const { ctx, out } = context();
    await command({ 'lib/cases/registro-basico.yaml': read('registro-basico.yaml').replace(from, to) })({ positionals: ['lib'], flags: {} }, ctx);
    expect(out.filter((l) => l.startsWith('FAIL') && l.includes(message))).toHaveLength(1);
  });

  it('counts a file that does not load as failed and prints its error line', async () => {
    const { ctx, out } = context();
    const code = await command({ 'lib/cases/roto.yaml': 'format: 1\nid: roto\n' })({ positionals: ['lib'], flags: {} }, ctx);
    expect(out.some((l) => l.startsWith('lib/cases/roto.yaml:') && l.includes('error:'))).toBe(true);
    expect(out).toContain('FAIL roto › the file does not load');
    expect(out.at(-1)).toBe('3 passed, 1 failed');
    expect(code).toBe(1);
  });

  it('exits 2 with one line for a path that does not exist', async () => {
    const { ctx, out, err } = context('es-MX');
    expect(await command()({ positionals: ['nada'], flags: {} }, ctx)).toBe(2);
    expect(err).toEqual(['no existe el archivo o carpeta: nada']);
    expect(out).toEqual([]);
  });
});
