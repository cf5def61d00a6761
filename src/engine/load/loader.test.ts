import { formatDiagnostic, type Diagnostic } from '../format/diagnostics';
import { loadCase, parseScenarioFile, sourceOf, type LoadOptions } from './loader';
import { CASE_YAML, fakeRegistry } from '../testing/loader-fixtures';
import type { Migration } from './migrations';

const opts: LoadOptions = { path: 'scenarios/cases/caso-prueba.yaml', workflows: fakeRegistry };
const parse = (text: string, extra: Partial<LoadOptions> = {}) => parseScenarioFile(text, { ...opts, ...extra });
const lineOf = (text: string, needle: string, nth = 0): number => {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) if ((lines[i] as string).includes(needle) && seen++ === nth) return i + 1;
  throw new Error(`no line with ${needle}`);
};
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');
const only = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code);

describe('parseScenarioFile', () => {
  it('accepts the sample case with no findings and remembers where it came from', () => {
    const r = parse(CASE_YAML);
    expect(r.diagnostics).toEqual([]);
    expect(r.document?.kind).toBe('case');
    const data = r.document?.data as object;
    expect(sourceOf(data)?.file).toBe(opts.path);
  });

  describe('when a key is unknown', () => {
    it('points at the unknown key itself and suggests the right one', () => {
      const text = CASE_YAML.replace('    birthState: VZ', '    birth_state: VZ');
      const [d, ...rest] = errors(parse(text).diagnostics);
      expect(rest.filter((x) => x.code === 'unknown-key')).toEqual([]);
      expect(d).toMatchObject({ code: 'unknown-key', line: lineOf(text, 'birth_state'), col: 5, path: ['people', 'patient', 'birth_state'] });
      expect(d?.message.en).toContain('did you mean "birthState"');
      expect(d?.message['es-MX']).toContain('¿quiso decir "birthState"?');
    });
  });

  describe('when a required key is missing', () => {
    it('points at the key that opens the mapping that lacks it', () => {
      const text = CASE_YAML.replace('  pass: 70\n', '');
      const d = only(parse(text).diagnostics, 'missing-key')[0];
      expect(d).toMatchObject({ line: lineOf(text, 'rubric:'), path: ['rubric', 'pass'] });
      expect(d?.message.en).toContain('missing required field "pass"');
    });
  });

  describe('when a value is wrong', () => {
    it('points at the value and names what was expected and found', () => {
      const text = CASE_YAML.replace('difficulty: basic', 'difficulty: easy');
      const d = only(parse(text).diagnostics, 'invalid-value')[0];
      expect(d).toMatchObject({ line: lineOf(text, 'difficulty:'), col: 13, found: '"easy"' });
      expect(d?.message['es-MX']).toContain('se esperaba uno de: basic, intermediate, advanced');
    });

    it('reports out-of-range numbers and impossible dates on their lines', () => {
      const text = CASE_YAML.replace('minutes: 5', 'minutes: 900').replace('birth: 1956-04-27', 'birth: 1956-02-30');
      const ds = parse(text).diagnostics;
      expect(only(ds, 'out-of-range')[0]).toMatchObject({ line: lineOf(text, 'minutes: 900') });
      expect(only(ds, 'impossible-date')[0]).toMatchObject({ line: lineOf(text, 'birth: 1956-02-30'), found: '"1956-02-30"' });
      expect(only(ds, 'impossible-date')[0]?.message.en).toContain('a real calendar date');
    });

    it('tells the author to quote a number written where text is expected', () => {
      const text = CASE_YAML.replace('nss: "72795608040"', 'nss: 72795608040');
      const d = only(parse(text).diagnostics, 'wrong-type')[0];
      expect(d?.message.en).toContain('put it in quotes');
    });
  });

  describe('format', () => {
    it('is required', () => {
      const ds = parse(CASE_YAML.replace('format: 1\n', '')).diagnostics;
      expect(only(ds, 'missing-format')).toHaveLength(1);
    });

    it('must be a number', () => {
      const ds = parse(CASE_YAML.replace('format: 1', 'format: "1"')).diagnostics;
      expect(only(ds, 'bad-format')[0]).toMatchObject({ line: 1, col: 9 });
    });

    it('newer than this build is a clear error and stops the check', () => {
      const ds = parse(CASE_YAML.replace('format: 1', 'format: 2').replace('minutes: 5', 'minutes: 900')).diagnostics;
      expect(ds).toHaveLength(1);
      expect(ds[0]?.code).toBe('format-too-new');
      expect(ds[0]?.message.en).toContain('needs a newer version of the simulator');
    });

    it('older files are migrated with a warning', () => {
      const fake: Migration = {
        from: 0,
        describe: { 'es-MX': 'title pasó a ser bilingüe', en: 'title became bilingual' },
        migrate: (doc) => ({ ...doc, title: { 'es-MX': String(doc['title']), en: String(doc['title']) } }),
      };
      const text = CASE_YAML.replace('format: 1', 'format: 0').replace('title: { es-MX: "Caso de prueba", en: "Test case" }', 'title: Caso viejo');
      const r = parse(text, { migrations: [fake] });
      expect(errors(r.diagnostics)).toEqual([]);
      expect(only(r.diagnostics, 'format-migrated')[0]?.message.en).toContain('title became bilingual');
      expect(r.document?.kind === 'case' && r.document.data.title.en).toBe('Caso viejo');
      expect(only(parse(text).diagnostics, 'format-unsupported')).toHaveLength(1);
    });
  });

  describe('translations', () => {
    const text = CASE_YAML.replace('summary: { es-MX: "Resumen", en: "Summary" }', 'summary: { es-MX: "Resumen" }');
    it('a missing translation is an error on the line of its key', () => {
      const d = only(parse(text).diagnostics, 'missing-translation')[0];
      expect(d).toMatchObject({ severity: 'error', line: lineOf(text, 'summary:'), path: ['summary'] });
    });
    it('is a warning while drafting, and the other language fills in', () => {
      const r = parse(text, { draft: true });
      expect(errors(r.diagnostics)).toEqual([]);
      expect(only(r.diagnostics, 'missing-translation')[0]?.severity).toBe('warning');
      expect(r.document?.kind === 'case' && r.document.data.summary.en).toBe('Resumen');
    });
  });

  describe('references', () => {
    it('reports dangling start, next, who, for and guardian together with schema errors', () => {
      const text = CASE_YAML.replace('start: saludo', 'start: hola')
        .replace('        next: registro\n      - id: brusco', '        next: registro2\n      - id: brusco')
        .replace('who: patient', 'who: tutor')
        .replace('    task: registration\n', '    task: registration\n    for: abuela\n')
        .replace('    sex: M\n', '    sex: M\n    guardian: papa\n')
        .replace('minutes: 5', 'minutes: 0');
      const ds = only(parse(text).diagnostics, 'dangling-reference');
      expect(ds.map((d) => [d.found, d.line])).toEqual([
        ['hola', lineOf(text, 'start: hola')],
        ['papa', lineOf(text, 'guardian: papa')],
        ['tutor', lineOf(text, 'who: tutor')],
        ['registro2', lineOf(text, 'next: registro2')],
        ['abuela', lineOf(text, 'for: abuela')],
      ]);
      expect(ds[0]?.message['es-MX']).toContain('se esperaba uno de: saludo, registro, fin');
      expect(only(parse(text).diagnostics, 'out-of-range')).toHaveLength(1);
    });

    it('reports a choice id used twice in a case', () => {
      const text = CASE_YAML.replace('id: brusco', 'id: formal');
      expect(only(parse(text).diagnostics, 'duplicate-id')[0]).toMatchObject({ line: lineOf(text, 'id: formal', 1) });
    });

    it('reports an id that differs from the file name', () => {
      const d = only(parse(CASE_YAML, { path: 'otro-nombre.yml' }).diagnostics, 'id-mismatch')[0];
      expect(d).toMatchObject({ line: 2, expected: 'otro-nombre', found: 'caso-prueba' });
    });
  });

  describe('workflows', () => {
    it('reports a task whose workflow is not registered', () => {
      const d = only(parse(CASE_YAML, { workflows: {} }).diagnostics, 'unknown-workflow')[0];
      expect(d).toMatchObject({ line: lineOf(CASE_YAML, 'task: registration') });
    });

    it('reports an observation the workflow does not publish', () => {
      const text = CASE_YAML.replace('observe: registration.consentBeforeSensitiveData', 'observe: registration.consentFirst');
      const d = only(parse(text).diagnostics, 'unknown-observation')[0];
      expect(d).toMatchObject({ line: lineOf(text, 'consentFirst'), found: 'registration.consentFirst' });
      expect(d?.message.en).toContain('registration.consentBeforeSensitiveData');
    });

    it('checks task options against the workflow, on their line', () => {
      const text = CASE_YAML.replace('    task: registration\n', '    task: registration\n    with: { requireConsent: "yes", colour: red }\n');
      const ds = parse(text).diagnostics;
      expect(only(ds, 'wrong-type')[0]).toMatchObject({ line: lineOf(text, 'with:'), path: ['steps', 'registro', 'with', 'requireConsent'] });
      expect(only(ds, 'unknown-key')[0]?.path).toEqual(['steps', 'registro', 'with', 'colour']);
    });
  });

  describe('test logs', () => {
    it('reports unknown actions, unknown choices and bad params on their lines', () => {
      const text = CASE_YAML.replace('      - { choose: formal }\n', '      - { choose: cortes }\n      - { registration.dance: {} }\n      - { registration.enter: { field: nss, value: x } }\n');
      const ds = errors(parse(text).diagnostics);
      expect(ds.map((d) => [d.code, d.line])).toEqual([
        ['dangling-reference', lineOf(text, 'choose: cortes')],
        ['unknown-action', lineOf(text, 'registration.dance')],
        ['invalid-value', lineOf(text, 'field: nss')],
      ]);
    });

    it('accepts hint and wait', () => {
      const text = CASE_YAML.replace('      - { choose: formal }\n', '      - { hint: {} }\n      - { wait: 30 }\n      - { choose: formal }\n');
      expect(parse(text).diagnostics).toEqual([]);
    });
  });

  describe('identifiers', () => {
    it("a person's own CURP, NSS and RFC must pass their checks", () => {
      const text = CASE_YAML.replace('    curp: HEGG560427MVZRRL04', '    curp: HEGG560427MVZRRL05\n    rfc: GODE561231GR9')
        .replace('nss: "72795608040"', 'nss: "72795608041"');
      const ds = only(parse(text).diagnostics, 'bad-identifier');
      expect(ds.map((d) => d.line)).toEqual([lineOf(text, 'curp: HEGG560427MVZRRL05'), lineOf(text, 'nss: "72795608041"')]);
      expect(only(parse(text).diagnostics, 'identifier-warning').map((d) => d.line)).toEqual([lineOf(text, 'rfc: GODE')]);
    });

    it('a document may hold a wrong identifier only when it says so', () => {
      const bad = CASE_YAML.replace('{ kind: ine, curp: HEGG560427MVZRRL04 }', '{ kind: ine, curp: HEGG560427MVZRRL05 }');
      expect(only(parse(bad).diagnostics, 'bad-identifier')).toHaveLength(1);
      const ok = CASE_YAML.replace('{ kind: ine, curp: HEGG560427MVZRRL04 }', '{ kind: ine, curp: HEGG560427MVZRRL05, deliberate: [curp] }');
      expect(parse(ok).diagnostics).toEqual([]);
    });
  });

  it('formats diagnostics as path:line:col: severity: message', () => {
    const d = only(parse(CASE_YAML.replace('difficulty: basic', 'difficulty: easy')).diagnostics, 'invalid-value')[0] as Diagnostic;
    expect(formatDiagnostic(d, 'en')).toMatch(/^scenarios\/cases\/caso-prueba\.yaml:6:13: error: expected one of: basic/);
    expect(formatDiagnostic({ ...d, severity: 'warning' }, 'es-MX')).toMatch(/:6:13: warning: se esperaba uno de/);
  });
});

describe('loadCase', () => {
  it('returns the case only when it has no errors', () => {
    expect(loadCase(CASE_YAML, opts).scenario?.id).toBe('caso-prueba');
    const bad = loadCase(CASE_YAML.replace('start: saludo', 'start: nada'), opts);
    expect(bad.scenario).toBeUndefined();
    expect(bad.diagnostics[0]?.code).toBe('dangling-reference');
  });
});
