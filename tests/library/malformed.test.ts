/**
 * Held-out style malformed files: each must be rejected with an error of the expected code on the
 * expected line (tests/fixtures/malformed/expected.json), without throwing, within seconds.
 * Each file is loaded together with a valid clinic, so only its own fault shows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { formatDiagnostic } from '../../src/engine/format/diagnostics';
import { decodeScenarioBytes, loadLibrary } from '../../src/engine/load/library';
import { parseScenarioFile } from '../../src/engine/load/loader';
import { CASE_YAML, fakeRegistry } from '../../src/engine/testing/loader-fixtures';
import { LIMITS } from '../../src/engine/format/scenario.schema';

const dir = join(import.meta.dirname, '../fixtures/malformed');
const clinicPath = join(import.meta.dirname, '../fixtures/valid/umf-prueba.yaml');
const clinic = { path: 'clinics/umf-prueba.yaml', text: readFileSync(clinicPath, 'utf8') };
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, { code: string; line: number }>;

/** Reads a fixture as the CLI would (bytes first), then loads it with the clinic. */
function check(name: string, bytes: Uint8Array) {
  const decoded = decodeScenarioBytes(bytes, name);
  if ('diagnostic' in decoded) return [decoded.diagnostic];
  return loadLibrary([clinic, { path: name, text: decoded.text }], { workflows: fakeRegistry, lint: true }).diagnostics.filter((d) => d.file === name);
}

describe('malformed scenario files', () => {
  it('has an expectation for every fixture', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
    expect(files).toEqual(Object.keys(expected).sort());
  });

  for (const [name, want] of Object.entries(expected)) {
    it(`${name}: ${want.code} on line ${want.line}`, () => {
      const started = performance.now();
      const ds = check(name, new Uint8Array(readFileSync(join(dir, name))));
      expect(performance.now() - started).toBeLessThan(3000);
      const errors = ds.filter((d) => d.severity === 'error');
      const hit = errors.find((d) => d.code === want.code);
      expect(hit, ds.map((d) => formatDiagnostic(d, 'en')).join('\n')).toBeDefined();
      expect(hit?.line).toBe(want.line);
      expect(hit?.message['es-MX']).not.toBe(hit?.message.en);
    });
  }

  it('rejects a file over the size limit before parsing it', () => {
    const huge = `format: 1\nid: huge\nnotes: "${'x'.repeat(LIMITS.fileBytes)}"\n`;
    const started = performance.now();
    expect(check('huge.yaml', new TextEncoder().encode(huge))[0]?.code).toBe('file-too-large');
    expect(parseScenarioFile(huge, { path: 'huge.yaml' }).diagnostics[0]?.code).toBe('file-too-large');
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('rejects a list longer than the limit', () => {
    const long = `format: 1\nid: long\nobjectives:\n${Array.from({ length: LIMITS.listLength + 1 }, () => '  - { es-MX: a, en: a }').join('\n')}\n`;
    expect(check('long.yaml', new TextEncoder().encode(long)).map((d) => [d.code, d.line])).toContainEqual(['list-too-long', 4]);
  });

  it('leaves Object.prototype alone', () => {
    check('proto-keys.yaml', new Uint8Array(readFileSync(join(dir, 'proto-keys.yaml'))));
    expect(({} as Record<string, unknown>)['pass']).toBeUndefined();
  });
});

describe('the loader never throws', () => {
  const load = (text: string) => parseScenarioFile(text, { path: 'fuzz.yaml', workflows: fakeRegistry });
  const wellFormed = (r: ReturnType<typeof load>) =>
    r.diagnostics.every((d) => Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.col) && d.col >= 1 && d.message.en !== '' && d.message['es-MX'] !== '');

  it('on random strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400, unit: 'grapheme' }), (s) => wellFormed(load(s))), { numRuns: 300 });
  });

  it('on random bytes decoded as text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const text = new TextDecoder().decode(bytes);
        const decoded = decodeScenarioBytes(bytes, 'fuzz.yaml');
        return wellFormed(load(text)) && ('text' in decoded || decoded.diagnostic.severity === 'error');
      }),
      { numRuns: 300 },
    );
  });

  it('on random mutations of a valid file', () => {
    const lines = CASE_YAML.split('\n');
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(lines.length - 1) }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat(lines.length - 1), to: fc.nat(lines.length - 1) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(lines.length - 1), text: fc.constantFrom('  - x', 'a: [', '&x', '*x', '__proto__: 1', '    next: nowhere', '"', ':', '  - { choose: 1 }', '\t', 'format: 99') }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(lines.length - 1), col: fc.nat(40) }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ms) => {
        const copy = [...lines];
        for (const m of ms) {
          if (m.kind === 'delete') copy.splice(m.at % copy.length, 1);
          else if (m.kind === 'swap') {
            const a = m.at % copy.length;
            const b = m.to % copy.length;
            [copy[a], copy[b]] = [copy[b] as string, copy[a] as string];
          } else if (m.kind === 'insert') copy.splice(m.at % (copy.length + 1), 0, m.text);
          else copy[m.at % copy.length] = (copy[m.at % copy.length] ?? '').slice(0, m.col);
        }
        return wellFormed(load(copy.join('\n')));
      }),
      { numRuns: 300 },
    );
  });
});
