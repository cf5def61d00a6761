import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryFileSystem } from '../engine/load/library';
import { fakeWorkflows } from '../engine/testing/run-fixtures';
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

  describe('when given one file inside a library', () => {
    it("runs only that file's tests, with the library's clinic", async () => {
      const { ctx, out } = context();
      const code = await command()({ positionals: ['lib/cases/registro-basico.yaml'], flags: {} }, ctx);
      expect(out).toEqual([
        'ok   registro-basico › best path',
        'ok   registro-basico › data before consent fails an assessment',
        'ok   registro-basico › a choice during the task is rejected',
        '3 passed, 0 failed',
      ]);
      expect(code).toBe(0);
    });

    it('does not fail for a broken file elsewhere in the library', async () => {
      const { ctx, out } = context();
      const code = await command({ 'lib/cases/roto.yaml': 'format: 1\nid: roto\n' })({ positionals: ['lib/cases/registro-basico.yaml'], flags: {} }, ctx);
      expect(out.some((l) => l.includes('roto'))).toBe(false);
      expect(out.at(-1)).toBe('3 passed, 0 failed');
      expect(code).toBe(0);
    });

    it('does not run the tests of a context case that shares the id of the file asked for', async () => {
      const { ctx, out } = context();
      const twin = read('registro-basico.yaml').replace('expect: { percent: 100, passed: true', 'expect: { percent: 80, passed: true');
      const code = await command({ 'lib/cases/otra/registro-basico.yaml': twin })({ positionals: ['lib/cases/otra/registro-basico.yaml'], flags: {} }, ctx);
      expect(out.some((l) => l.includes('error:') && l.includes('registro-basico'))).toBe(true);
      expect(out.filter((l) => l.startsWith('ok'))).toEqual([]);
      expect(code).toBe(1);
    });
  });

  it('exits 2 with one line for a path that does not exist', async () => {
    const { ctx, out, err } = context('es-MX');
    expect(await command()({ positionals: ['nada'], flags: {} }, ctx)).toBe(2);
    expect(err).toEqual(['no existe el archivo o carpeta: nada']);
    expect(out).toEqual([]);
  });
});

describe('scenarios test with shifts', () => {
  const SHIFT = `format: 1
kind: shift
id: turno-prueba
title: { es-MX: "Turno", en: "Shift" }
summary: { es-MX: "Resumen", en: "Summary" }
difficulty: basic
minutes: 60
region: urban
objectives: [{ es-MX: "Atender", en: "Serve" }]
clinic: umf-prueba
start: "08:00"
end: "09:00"
rubric: { pass: 70, weights: { efficiency: 50, communication: 50 } }
arrivals:
  - { at: "08:00", case: registro-basico }
tests:
  - name: serves the patient
    log:
      - { shift.serve: { arrival: 0 } }
      - { choose: formal }
      - { form.consent: {} }
      - { form.fill: { field: name, value: Gloria } }
      - { form.save: {} }
    expect: { percent: 100, passed: true, finished: true, abandonedCalls: 0, critical: [] }
  - name: leaves the patient waiting
    log:
      - { wait: 3600 }
    expect: { percent: 80, passed: true }
  - name: a case action with nobody attended
    log:
      - { choose: formal }
    expect: { rejectedAt: 0 }
`;

  it("runs a shift's tests after the cases' and counts them in the closing line", async () => {
    const { ctx, out } = context();
    const code = await command({ 'lib/shifts/turno-prueba.yaml': SHIFT })({ positionals: ['lib'], flags: {} }, ctx);
    expect(out.slice(3)).toEqual([
      'ok   turno-prueba › serves the patient',
      'FAIL turno-prueba › leaves the patient waiting: expected percent 80, got 0',
      'ok   turno-prueba › a case action with nobody attended',
      '5 passed, 1 failed',
    ]);
    expect(code).toBe(1);
  });
});
