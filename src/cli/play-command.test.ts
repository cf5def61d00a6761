import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryFileSystem } from '../engine/load/library';
import { fakeWorkflows } from '../engine/testing/run-fixtures';
import type { CliContext } from './cli-context';
import { NotRegularFileError } from './node-files';
import { createPlayCommand } from './play-command';

const golden = join(import.meta.dirname, '../../tests/fixtures/golden/cases');
const read = (f: string) => readFileSync(join(golden, f), 'utf8');

function context(lang: CliContext['lang'] = 'en') {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = { lang, cwd: '/', out: (l) => out.push(l), err: (l) => err.push(l) };
  return { ctx, out, err };
}

const best = [{ choose: 'formal' }, { 'form.consent': {} }, { 'form.fill': { field: 'name', value: 'Gloria' } }, { 'form.save': {} }];
const jsonFiles: Record<string, string> = {
  'best.json': JSON.stringify(best),
  'rude.json': JSON.stringify([{ choose: 'rude' }, ...best.slice(1)]),
  'saved.json': JSON.stringify({ version: 1, scenarioId: 'registro-basico', seed: 4, mode: 'assessment', entries: [{ type: 'choose', choice: 'rude' }] }),
  'bad.json': JSON.stringify([{ choose: 'formal' }, { choose: 'formal' }]),
  'broken.json': '{ nope',
  'shift.json': JSON.stringify([{ 'shift.serve': { arrival: 0 } }, ...best]),
  'shift-bad.json': JSON.stringify([...best]),
};
// What the debrief's "export" button downloads: the whole attempt record (src/stores/attempt-record.ts).
const attempt = (scenarioId: string) => ({
  version: 1,
  id: '0f6c1d2e-aaaa-4bbb-8ccc-123456789abc',
  caseId: scenarioId,
  createdAt: '2026-03-09T15:00:00.000Z',
  updatedAt: '2026-03-09T15:04:00.000Z',
  log: { version: 1, scenarioId, seed: 9, mode: 'assessment', entries: [{ type: 'choose', choice: 'formal' }, { type: 'form.consent' }] },
  summary: { finished: false, percent: 40, passed: false },
});
jsonFiles['attempt.json'] = JSON.stringify(attempt('registro-basico'), null, 2);
jsonFiles['attempt-other.json'] = JSON.stringify(attempt('otro-caso'));
const SHIFT_YAML = `format: 1
kind: shift
id: turno
title: { es-MX: "Turno", en: "Shift" }
summary: { es-MX: "Resumen", en: "Summary" }
difficulty: basic
minutes: 60
region: urban
objectives: [{ es-MX: "Atender", en: "Serve" }]
clinic: umf-prueba
start: "08:00"
end: "09:00"
rubric: { pass: 70, weights: { efficiency: 100 } }
arrivals:
  - { at: "08:00", case: registro-basico }
`;
const command = createPlayCommand({
  fs: memoryFileSystem({
    'lib/cases/registro-basico.yaml': read('registro-basico.yaml'),
    'lib/clinics/umf-prueba.yaml': read('umf-prueba.yaml'),
    'lib/shifts/turno.yaml': SHIFT_YAML,
  }),
  // A missing file rejects as Node's readFile does: with the code ENOENT.
  readText: (p) => (jsonFiles[p] === undefined ? Promise.reject(Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' })) : Promise.resolve(jsonFiles[p] as string)),
  workflows: fakeWorkflows,
});
const play = async (flags: Record<string, string>, positionals = ['lib/cases/registro-basico.yaml'], lang: CliContext['lang'] = 'en') => {
  const c = context(lang);
  const code = await command({ positionals, flags }, c.ctx);
  return { code, ...c };
};

describe('scenarios play', () => {
  it('prints the result as JSON', async () => {
    const { code, out, err } = await play({ log: 'best.json' });
    expect(err).toEqual(['mode: practice (the default: the log does not say; pass --mode assessment to score an assessment)']);
    expect(code).toBe(0);
    const result = JSON.parse(out.join('\n')) as Record<string, unknown>;
    expect(result).toMatchObject({ percent: 100, passed: true, end: 'fin', points: { communication: 2, privacy: 5, accuracy: 5 }, critical: [] });
    expect((result.items as unknown[]).length).toBe(3);
  });

  it('honours --mode and --seed', async () => {
    const { out } = await play({ log: 'rude.json', mode: 'assessment', seed: '12' });
    expect(JSON.parse(out.join('\n'))).toMatchObject({ mode: 'assessment', seed: 12, passed: false, critical: ['rude'] });
  });

  it('reads a saved run log with its own seed and mode', async () => {
    const { out } = await play({ log: 'saved.json' });
    expect(JSON.parse(out.join('\n'))).toMatchObject({ mode: 'assessment', seed: 4, finished: false });
  });

  it("re-scores an attempt exported from the debrief, with the attempt's seed and mode", async () => {
    const { code, out, err } = await play({ log: 'attempt.json' });
    expect(err[0]).toBe('mode: assessment (from the log file attempt.json)');
    expect(err.filter((l) => l.startsWith('error'))).toEqual([]);
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ scenarioId: 'registro-basico', mode: 'assessment', seed: 9, finished: false, actions: 2 });
  });

  it('refuses an exported attempt of another case', async () => {
    const { code, err } = await play({ log: 'attempt-other.json' });
    expect(code).toBe(1);
    expect(err).toEqual(['attempt-other.json: the log is for case otro-caso, not registro-basico']);
  });

  it.each([
    ['a log that does not fit', { log: 'bad.json' }, 1, 'bad.json: action 1 rejected: There are no choices to make now.'],
    ['a log that is not JSON', { log: 'broken.json' }, 1, 'broken.json: cannot read the log as JSON'],
    ['a missing log', { log: 'none.json' }, 2, 'error: no such file or folder: none.json'],
    ['no --log', {}, 2, 'usage: play'],
    ['a bad seed', { log: 'best.json', seed: '-1' }, 2, '--seed must be'],
    ['a bad mode', { log: 'best.json', mode: 'exam' }, 2, '--mode must be practice or assessment'],
  ])('reports %s on one line', async (_name, flags, code, start) => {
    const r = await play(flags);
    expect(r.code).toBe(code);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]?.startsWith(start)).toBe(true);
    expect(r.out).toEqual([]);
  });

  it('reports a case file that does not exist', async () => {
    const r = await play({ log: 'best.json' }, ['lib/cases/nada.yaml'], 'es-MX');
    expect(r).toMatchObject({ code: 2, err: ['no existe el archivo: lib/cases/nada.yaml'] });
  });
});

describe('scenarios play with a shift file', () => {
  it("replays a shift's log with the cases of its library and prints the shift result", async () => {
    const { code, out, err } = await play({ log: 'shift.json' }, ['lib/shifts/turno.yaml']);
    expect(err).toEqual(['mode: practice (the default: the log does not say; pass --mode assessment to score an assessment)']);
    expect(code).toBe(0);
    const result = JSON.parse(out.join('\n')) as Record<string, unknown>;
    expect(result).toMatchObject({ shiftId: 'turno', finished: true, percent: 100, passed: true, cases: [{ caseId: 'registro-basico', percent: 100 }] });
  });

  it('reports the first entry that does not fit', async () => {
    const { code, err } = await play({ log: 'shift-bad.json' }, ['lib/shifts/turno.yaml']);
    expect(code).toBe(1);
    expect(err[0]).toMatch(/^shift-bad\.json: action 0 rejected: "choose" needs someone being attended/);
  });
});

describe('scenarios play: the mode it used and the attempt file\'s own summary', () => {
  it.each([
    ['--mode', { log: 'saved.json', mode: 'practice' }, 'mode: practice (from --mode)', 'flag'],
    ['the log file', { log: 'saved.json' }, 'mode: assessment (from the log file saved.json)', 'file'],
    ['the default', { log: 'best.json' }, 'mode: practice (the default: the log does not say; pass --mode assessment to score an assessment)', 'default'],
  ])('says the mode came from %s, on stderr and in the JSON', async (_from, flags, line, modeFrom) => {
    const { code, out, err } = await play(flags);
    expect(code).toBe(0);
    expect(err).toEqual([line]);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ modeFrom });
  });

  it('says it in Spanish too', async () => {
    const { err } = await play({ log: 'best.json' }, undefined, 'es-MX');
    expect(err).toEqual(['modo: practice (por omisión: el registro no lo indica; use --mode assessment para calificar una evaluación)']);
  });

  it("reports where the attempt's own summary disagrees with the re-score", async () => {
    // attempt.json claims 40 %; its two actions score 20 % when replayed.
    const { code, out, err } = await play({ log: 'attempt.json' });
    expect(code).toBe(0);
    expect(err).toEqual([
      'mode: assessment (from the log file attempt.json)',
      "warning: the attempt's own summary disagrees with the re-score: percent 40 in the file, 20 now",
    ]);
    expect(JSON.parse(out.join('\n')).fileSummary).toEqual({
      finished: false, percent: 40, passed: false, agrees: false,
      differences: [{ field: 'percent', file: 40, rescored: 20 }],
    });
  });

  it('says nothing more when the summary agrees, and marks it in the JSON', async () => {
    const agreeing = { ...attempt('registro-basico'), summary: { finished: false, percent: 20, passed: false } };
    const agreeingPlay = createPlayCommand({
      fs: memoryFileSystem({ 'lib/cases/registro-basico.yaml': read('registro-basico.yaml'), 'lib/clinics/umf-prueba.yaml': read('umf-prueba.yaml') }),
      readText: () => Promise.resolve(JSON.stringify(agreeing)),
      workflows: fakeWorkflows,
    });
    const c = context('es-MX');
    expect(await agreeingPlay({ positionals: ['lib/cases/registro-basico.yaml'], flags: { log: 'a.json' } }, c.ctx)).toBe(0);
    expect(c.err).toEqual(['modo: assessment (del archivo del registro a.json)']);
    expect(JSON.parse(c.out.join('\n')).fileSummary).toMatchObject({ agrees: true, differences: [] });
  });

  it('has no file summary for a plain list of actions', async () => {
    const { out } = await play({ log: 'best.json' });
    expect(JSON.parse(out.join('\n')).fileSummary).toBeNull();
  });
});

describe("docs/schools.md's batch loops", () => {
  it('pass the mode explicitly, in the Spanish and the English part', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/schools.md'), 'utf8');
    const loops = [...doc.matchAll(/^for f in [^\n]*\n(?:[^\n]*\n)*?done$/gm)].map((m) => m[0]);
    expect(loops).toHaveLength(2);
    for (const loop of loops) expect(loop).toMatch(/scenarios -- play [^\n]*--mode assessment/);
  });
});

describe('scenarios play on a log that turns out not to be a regular file when opened', () => {
  it('exits 2 naming what it is, in words', async () => {
    const onFifo = createPlayCommand({
      fs: memoryFileSystem({ 'lib/cases/registro-basico.yaml': read('registro-basico.yaml'), 'lib/clinics/umf-prueba.yaml': read('umf-prueba.yaml') }),
      readText: (p) => Promise.reject(new NotRegularFileError(p, 'fifo')),
      workflows: fakeWorkflows,
    });
    const c = context('es-MX');
    expect(await onFifo({ positionals: ['lib/cases/registro-basico.yaml'], flags: { log: 'tubo.json' } }, c.ctx)).toBe(2);
    expect(c.err).toEqual(['error: tubo.json es una FIFO (tubería con nombre), no un archivo normal: se esperaba un archivo de registro (.json)']);
  });
});
