import { LIMITS } from '../format/scenario.schema';
import { ALIAS_NODE_BUDGET, readYaml } from './yaml-positions';

const codes = (text: string) => readYaml(text, 'f.yaml').diagnostics.map((d) => d.code);

describe('readYaml', () => {
  it('keeps the line and column of every key and value', () => {
    const r = readYaml('a: 1\nb:\n  c: [x, { d: y }]\n', 'f.yaml');
    expect(r.value).toEqual({ a: 1, b: { c: ['x', { d: 'y' }] } });
    expect(r.positions.keyAt(['b', 'c'])).toEqual({ line: 3, col: 3 });
    expect(r.positions.valueAt(['b', 'c', 1, 'd'])).toEqual({ line: 3, col: 15 });
    expect(r.positions.ownerAt(['b', 'missing'])).toEqual({ line: 2, col: 1 });
    expect(r.positions.valueAt(['nothing', 'here'])).toEqual({ line: 1, col: 1 });
  });

  it('reads YAML 1.2: dates and clock times stay text, "no" stays text', () => {
    expect(readYaml('d: 2026-03-09\nt: 09:00\nn: no\n', 'f.yaml').value).toEqual({ d: '2026-03-09', t: '09:00', n: 'no' });
  });

  it('reports __proto__, constructor and prototype keys and never assigns them', () => {
    const r = readYaml('a: 1\n__proto__: { polluted: true }\nconstructor: x\nb: { prototype: 2 }\n', 'f.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['forbidden-key', 2], ['forbidden-key', 3], ['forbidden-key', 4]]);
    expect(Object.keys(r.value as object)).toEqual(['a', 'b']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
  });

  it('names the full path of a problem deep in the document', () => {
    const r = readYaml('a:\n  b:\n    - x\n    - { __proto__: 1, c: 2, c: 3 }\n', 'f.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['forbidden-key', ['a', 'b', 1, '__proto__']],
      ['duplicate-key', ['a', 'b', 1, 'c']],
    ]);
    expect(r.value).toEqual({ a: { b: ['x', { c: 2 }] } });
  });

  it('reports duplicate keys on the second one and keeps the first value', () => {
    const r = readYaml('a: 1\nb: 2\na: 3\n', 'f.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['duplicate-key', 3]]);
    expect(r.value).toEqual({ a: 1, b: 2 });
  });

  it('rejects empty files, several documents and non-mappings', () => {
    expect(codes('')).toEqual(['empty-file']);
    expect(codes('# only a comment\n')).toEqual(['empty-file']);
    expect(codes('a: 1\n---\nb: 2\n')).toEqual(['multiple-documents']);
    expect(codes('- a\n- b\n')).toEqual(['not-a-mapping']);
    expect(codes('just text\n')).toEqual(['not-a-mapping']);
  });

  it('reports syntax errors with their line', () => {
    const r = readYaml('a: 1\nb: [1, 2\nc: 3\n', 'f.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0]?.code).toBe('yaml-syntax');
    expect(r.diagnostics[0]?.message['es-MX']).toContain('error de sintaxis YAML');
  });

  it('caps nesting depth and list length', () => {
    const deep = `a: ${'['.repeat(LIMITS.depth + 2)}1${']'.repeat(LIMITS.depth + 2)}\n`;
    expect(codes(deep)).toEqual(['too-deep']);
    expect(codes(`a: ${'['.repeat(5000)}\n`)).toEqual(['too-deep']);
    const long = `a: [${Array.from({ length: LIMITS.listLength + 1 }, () => '1').join(',')}]\n`;
    const r = readYaml(long, 'f.yaml');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['list-too-long']);
    expect(((r.value as { a: unknown[] }).a).length).toBe(LIMITS.listLength);
  });

  it('expands a few aliases but stops alias bombs quickly', () => {
    expect(readYaml('a: &x { k: 1 }\nb: *x\n', 'f.yaml').value).toEqual({ a: { k: 1 }, b: { k: 1 } });
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array.from({ length: 10 }, () => (i === 1 ? '*a' : `*l${i - 1}`)).join(', ')}]`);
    const started = performance.now();
    expect(codes(`${levels.join('\n')}\n`)).toContain('alias-bomb');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(ALIAS_NODE_BUDGET).toBeGreaterThan(100);
  });

  it('reports aliases to unknown anchors', () => {
    expect(codes('a: *nothing\n')).toEqual(expect.arrayContaining([expect.stringMatching(/yaml-syntax|bad-alias/)]));
  });
});
