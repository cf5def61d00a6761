import {
  decodeScenarioBytes,
  findLibraryRoot,
  loadLibrary,
  loadLibraryFrom,
  loadLibraryInContext,
  memoryFileSystem,
  normalizePath,
  readScenarioFiles,
  summaryLine,
} from './library';
import { CASE_YAML, CLINIC_YAML, fakeRegistry } from '../testing/loader-fixtures';
import { LIMITS } from '../format/scenario.schema';

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
rubric: { pass: 60, weights: { efficiency: 100 } }
arrivals:
  - { at: "08:05", case: caso-prueba }
  - { at: "08:10", case: caso-fantasma }
events:
  - { at: "08:30", type: doctor-late, doctor: dr-nadie, minutes: 10 }
  - { at: "08:40", type: room-dirty, room: c1 }
`;

const files = [
  { path: 'scenarios/clinics/umf-prueba.yaml', text: CLINIC_YAML },
  { path: 'scenarios/cases/caso-prueba.yaml', text: CASE_YAML },
  { path: 'scenarios/shifts/turno.yaml', text: SHIFT_YAML },
];

describe('loadLibrary', () => {
  it('resolves references across files and keeps only valid documents', () => {
    const lib = loadLibrary(files, { workflows: fakeRegistry });
    expect([...lib.clinics.keys()]).toEqual(['umf-prueba']);
    expect([...lib.cases.keys()]).toEqual(['caso-prueba']);
    expect(lib.shifts.size).toBe(0);
    expect(lib.diagnostics.map((d) => [d.file, d.code, d.line, d.found])).toEqual([
      ['scenarios/shifts/turno.yaml', 'dangling-reference', 16, 'caso-fantasma'],
      ['scenarios/shifts/turno.yaml', 'dangling-reference', 18, 'dr-nadie'],
    ]);
  });

  it('reports a case whose clinic is not in the library', () => {
    const lib = loadLibrary([files[1] as (typeof files)[number]], { workflows: fakeRegistry });
    expect(lib.diagnostics).toMatchObject([{ code: 'dangling-reference', path: ['clinic'], line: 12, found: 'umf-prueba' }]);
    expect(lib.cases.size).toBe(0);
  });

  it('reports an id used by two files on the second', () => {
    const lib = loadLibrary([...files, { path: 'otra/umf-prueba.yml', text: CLINIC_YAML }], { workflows: fakeRegistry });
    expect(lib.diagnostics.filter((d) => d.code === 'duplicate-id')).toMatchObject([{ file: 'otra/umf-prueba.yml', line: 3 }]);
  });

  it('adds lint warnings when asked', () => {
    const text = CASE_YAML.replace('  fin:\n', '  suelto:\n    say: { es-MX: "x", en: "x" }\n    next: fin\n  fin:\n');
    const lib = loadLibrary([files[0] as (typeof files)[number], { path: 'caso-prueba.yaml', text }], { workflows: fakeRegistry, lint: true });
    expect(lib.diagnostics.map((d) => [d.code, d.severity])).toEqual([['unreachable-step', 'warning']]);
    expect(lib.cases.has('caso-prueba')).toBe(true);
  });
});

describe('reading files', () => {
  it('expands folders, reports missing paths and undecodable files', async () => {
    const fs = memoryFileSystem({
      'lib/clinics/umf-prueba.yaml': CLINIC_YAML,
      'lib/cases/caso-prueba.yaml': CASE_YAML,
      'lib/readme.md': '# not scenario',
      'lib/cases/roto.yaml': new Uint8Array([0x66, 0x6f, 0x00, 0x01]),
    });
    const lib = await loadLibraryFrom(fs, ['lib', 'nope'], { workflows: fakeRegistry });
    expect(lib.missing).toEqual(['nope']);
    expect(lib.fileCount).toBe(3);
    expect(lib.diagnostics.map((d) => [d.file, d.code])).toEqual([['lib/cases/roto.yaml', 'binary-file']]);
    expect(lib.cases.has('caso-prueba')).toBe(true);
  });

  it('turns a read failure into a diagnostic', async () => {
    const fs = { list: () => Promise.resolve({ files: ['x.yaml'], missing: [] }), read: () => Promise.reject(new Error('EACCES')) };
    const r = await readScenarioFiles(fs, ['x.yaml']);
    expect(r.diagnostics).toMatchObject([{ code: 'unreadable-file', file: 'x.yaml' }]);
  });

  it('checks size before decoding, then NUL bytes and invalid UTF-8', () => {
    expect(decodeScenarioBytes(new Uint8Array(LIMITS.fileBytes + 1), 'big.yaml')).toMatchObject({ diagnostic: { code: 'file-too-large' } });
    expect(decodeScenarioBytes(new Uint8Array([0xff, 0xfe, 0x41]), 'b.yaml')).toMatchObject({ diagnostic: { code: 'binary-file' } });
    expect(decodeScenarioBytes(new TextEncoder().encode('a: ñ'), 'ok.yaml')).toEqual({ text: 'a: ñ' });
  });
});

describe('loading files inside a library', () => {
  const unreachable = CASE_YAML.replace('caso-prueba', 'caso-suelto').replace('  fin:\n', '  suelto:\n    say: { es-MX: "x", en: "x" }\n    next: fin\n  fin:\n');
  const library = {
    'lib/clinics/umf-prueba.yaml': CLINIC_YAML,
    'lib/cases/caso-prueba.yaml': CASE_YAML,
    // Another case with a lint warning and one that does not load: neither may show when not asked for.
    'lib/cases/caso-suelto.yaml': unreachable,
    'lib/cases/roto.yaml': 'format: 1\nid: roto\n',
    'lib/shifts/turno.yaml': SHIFT_YAML,
    'suelto/caso-prueba.yaml': CASE_YAML,
  };
  const fs = memoryFileSystem(library);

  it('normalises paths for comparison', () => {
    expect(normalizePath('./lib//cases/./x.yaml')).toBe('lib/cases/x.yaml');
    expect(normalizePath('lib\\cases\\x.yaml')).toBe('lib/cases/x.yaml');
    expect(normalizePath('lib/cases/../clinics/')).toBe('lib/clinics');
    expect(normalizePath('/a/../../b')).toBe('/b');
    expect(normalizePath('../x')).toBe('../x');
    expect(normalizePath('.')).toBe('.');
  });

  it('finds the library by walking up to a folder with clinics/ or cases/', async () => {
    expect(await findLibraryRoot(fs, 'lib/cases/caso-prueba.yaml')).toBe('lib');
    expect(await findLibraryRoot(fs, 'lib/cases')).toBe('lib');
    expect(await findLibraryRoot(fs, 'lib')).toBe('lib');
    expect(await findLibraryRoot(fs, './lib/shifts/turno.yaml')).toBe('lib');
    expect(await findLibraryRoot(fs, 'suelto/caso-prueba.yaml')).toBeUndefined();
    expect(await findLibraryRoot(memoryFileSystem({ 'clinics/a.yaml': CLINIC_YAML }), 'cases/x.yaml')).toBe('.');
  });

  it('resolves a single case file against the rest of its library and reports only that file', async () => {
    const lib = await loadLibraryInContext(fs, ['lib/cases/caso-prueba.yaml'], { workflows: fakeRegistry, lint: true });
    expect(lib.diagnostics).toEqual([]);
    expect(lib.fileCount).toBe(1);
    expect(lib.contextCount).toBe(4);
    expect(lib.files.map((f) => f.path)).toEqual(['lib/cases/caso-prueba.yaml']);
    expect(lib.clinics.has('umf-prueba')).toBe(true);
    expect(lib.cases.has('caso-prueba')).toBe(true);
  });

  it('still reports the same file as dangling when it lies in no library', async () => {
    const lib = await loadLibraryInContext(fs, ['suelto/caso-prueba.yaml'], { workflows: fakeRegistry });
    expect(lib.diagnostics.map((d) => [d.file, d.code, d.found])).toEqual([['suelto/caso-prueba.yaml', 'dangling-reference', 'umf-prueba']]);
    expect(lib.contextCount).toBe(0);
  });

  it('reports the findings of the files asked for: a shift resolves its clinic and its case, its own dangling references stay', async () => {
    const lib = await loadLibraryInContext(fs, ['lib/shifts'], { workflows: fakeRegistry, lint: true });
    expect(lib.diagnostics.map((d) => [d.file, d.code, d.found])).toEqual([
      ['lib/shifts/turno.yaml', 'dangling-reference', 'caso-fantasma'],
      ['lib/shifts/turno.yaml', 'dangling-reference', 'dr-nadie'],
    ]);
  });

  it('lints and reports a context file only when it is asked for', async () => {
    const one = await loadLibraryInContext(fs, ['lib/cases/caso-suelto.yaml'], { workflows: fakeRegistry, lint: true });
    expect(one.diagnostics.map((d) => d.code)).toEqual(['unreachable-step']);
    const whole = await loadLibraryInContext(fs, ['lib'], { workflows: fakeRegistry, lint: true });
    expect(whole.contextCount).toBe(0);
    expect(whole.fileCount).toBe(5);
    expect(new Set(whole.diagnostics.map((d) => d.file))).toEqual(new Set(['lib/cases/caso-suelto.yaml', 'lib/cases/roto.yaml', 'lib/shifts/turno.yaml']));
  });

  it('reports an id the file asked for shares with the rest of the library on that file', async () => {
    const twin = memoryFileSystem({ ...library, 'lib/cases/nuevo/caso-prueba.yaml': CASE_YAML });
    const lib = await loadLibraryInContext(twin, ['lib/cases/nuevo/caso-prueba.yaml'], { workflows: fakeRegistry });
    expect(lib.diagnostics).toMatchObject([{ file: 'lib/cases/nuevo/caso-prueba.yaml', code: 'duplicate-id' }]);
  });
});

describe('summaryLine', () => {
  it('speaks both languages with plurals', () => {
    expect(summaryLine(12, 0, 2, 'es-MX')).toBe('12 archivos, 0 errores, 2 advertencias');
    expect(summaryLine(1, 1, 1, 'en')).toBe('1 file, 1 error, 1 warning');
  });
});
