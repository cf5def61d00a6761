/**
 * The characters of a scenario file, through the loader: invisible control characters are errors
 * at their own line and column, long words a warning at the word (docs/scenario-format.md,
 * "Characters and long words").
 */
import type { Diagnostic } from '../format/diagnostics';
import { parseScenarioFile, type LoadOptions } from './loader';
import { CASE_YAML, fakeRegistry } from '../testing/loader-fixtures';

const opts: LoadOptions = { path: 'scenarios/cases/caso-prueba.yaml', workflows: fakeRegistry };
const parse = (text: string) => parseScenarioFile(text, opts);
/** Line and column (1-based) of the first `needle` in `text`, counted in UTF-16 units like the loader. */
const placeOf = (text: string, needle: string): { line: number; col: number } => {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`no ${needle}`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: (before.at(-1) as string).length + 1 };
};
const brief = (ds: Diagnostic[]) => ds.map((d) => ({ code: d.code, severity: d.severity, line: d.line, col: d.col, path: d.path }));
const hexOf = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

describe('invisible and control characters', () => {
  const forbidden = [
    ['right-to-left override', 0x202e], ['left-to-right override', 0x202d], ['left-to-right embedding', 0x202a], ['right-to-left embedding', 0x202b],
    ['pop directional formatting', 0x202c], ['left-to-right isolate', 0x2066], ['right-to-left isolate', 0x2067], ['first strong isolate', 0x2068],
    ['pop directional isolate', 0x2069], ['left-to-right mark', 0x200e], ['right-to-left mark', 0x200f], ['Arabic letter mark', 0x061c],
    ['zero-width space', 0x200b], ['word joiner', 0x2060], ['invisible times', 0x2062], ['byte-order mark inside text', 0xfeff],
    ['line separator', 0x2028], ['paragraph separator', 0x2029], ['bell (C0)', 0x07], ['escape (C0)', 0x1b], ['backspace (C0)', 0x08],
    ['delete', 0x7f], ['next line (C1)', 0x85], ['control sequence introducer (C1)', 0x9b], ['tag latin capital A (hidden text)', 0xe0041],
  ] as const;

  it.each(forbidden)('rejects %s at its own line and column, naming the code point in both languages', (_name, cp) => {
    const ch = String.fromCodePoint(cp);
    const text = CASE_YAML.replace('en: "Test case"', `en: "Test${ch} case"`);
    const r = parse(text);
    const place = placeOf(text, ch);
    expect(brief(r.diagnostics)).toEqual([{ code: 'invisible-character', severity: 'error', ...place, path: ['title', 'en'] }]);
    const d = r.diagnostics[0] as Diagnostic;
    expect(d.found).toBe(hexOf(cp));
    expect(d.message.en).toContain(hexOf(cp));
    expect(d.message.en).toContain('title.en');
    expect(d.message['es-MX']).toContain(hexOf(cp));
    expect(d.message['es-MX']).not.toBe(d.message.en);
  });

  it('allows what scripts and emoji need (ZWJ, ZWNJ, no-break spaces, soft hyphen, variation selectors, flag tags) beside a forbidden one', () => {
    const allowed = 'می\u200Cخواهم क्\u200Dष 👩\u200D⚕️ 10\u00A0%\u202F: Ober\u00ADarzt ♥\uFE0F \u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    const text = CASE_YAML.replace('en: "Test case"', `en: "${allowed}"`).replace('en: "Summary"', 'en: "Sum\u202Emary"');
    const r = parse(text);
    expect(brief(r.diagnostics)).toEqual([{ code: 'invisible-character', severity: 'error', ...placeOf(text, '\u202E'), path: ['summary', 'en'] }]);
  });

  it('allows tabs, CRLF line ends and a leading byte-order mark, and still finds a forbidden character', () => {
    const text = `\uFEFF${CASE_YAML.replace('en: "Test case"', 'en: "Test\tcase"').replace('en: "The end."', 'en: "The\u200B end."')}`.replace(/\n/g, '\r\n');
    const r = parse(text);
    const { line, col } = placeOf(text.slice(1).replace(/\r\n/g, '\n'), '\u200B');
    expect(brief(r.diagnostics)).toEqual([{ code: 'invisible-character', severity: 'error', line, col, path: ['steps', 'fin', 'end', 'en'] }]);
  });

  it('rejects one written as an escape in double quotes, at the start of its text', () => {
    const text = CASE_YAML.replace('en: "Test case"', 'en: "receta_\\u202Efdp.exe"');
    const r = parse(text);
    expect(brief(r.diagnostics)).toEqual([{ code: 'invisible-character', severity: 'error', ...placeOf(text, '"receta_'), path: ['title', 'en'] }]);
    expect(r.diagnostics[0]?.message.en).toContain('escape');
    expect(r.diagnostics[0]?.message['es-MX']).toContain('escape');
  });

  it('rejects one in a comment, in a key and in a file that is not even valid YAML', () => {
    const inComment = CASE_YAML.replace('minutes: 5', 'minutes: 5 # \u202Eetoncomentario');
    expect(brief(parse(inComment).diagnostics)).toEqual([{ code: 'invisible-character', severity: 'error', ...placeOf(inComment, '\u202E'), path: [] }]);

    const inKey = CASE_YAML.replace('  fin:\n', '  fi\u200Fn:\n').replace('next: fin\n', 'next: fi\u200Fn\n');
    const keyHits = parse(inKey).diagnostics.filter((d) => d.code === 'invisible-character');
    expect(keyHits.map((d) => d.path)).toContainEqual(['steps', 'fi\u200Fn']);
    // The message spells the character out instead of carrying it (it would reorder the message itself).
    expect(keyHits.find((d) => d.path.length === 2)?.message.en).toContain('steps.fi<U+200F>n');

    const broken = CASE_YAML.replace('title: {', 'title: [{').replace('en: "Test case"', 'en: "Test\u0007 case"');
    const ds = parse(broken).diagnostics;
    expect(ds.some((d) => d.code === 'yaml-syntax')).toBe(true);
    expect(ds.filter((d) => d.code === 'invisible-character').map((d) => [d.line, d.col])).toEqual([[placeOf(broken, '\u0007').line, placeOf(broken, '\u0007').col]]);
  });

  it('keeps a loaded case with one only out of the app: the document is rejected', () => {
    const r = parse(CASE_YAML.replace('es-MX: "Buenos días."', 'es-MX: "Buenos\u202E días."'));
    expect(r.diagnostics.some((d) => d.severity === 'error' && d.code === 'invisible-character')).toBe(true);
  });
});

describe('long words', () => {
  const word = 'A'.repeat(4000);

  it('warns on a 4,000-character word in a spoken line at the word, and still loads the case', () => {
    const text = CASE_YAML.replace('en: "Good morning."', `en: "${word}"`);
    const r = parse(text);
    expect(brief(r.diagnostics)).toEqual([{ code: 'long-word', severity: 'warning', ...placeOf(text, word), path: ['steps', 'saludo', 'say', 'en'] }]);
    expect(r.document?.kind).toBe('case');
    expect(r.diagnostics[0]).toMatchObject({ expected: '<= 60', found: '4000' });
    expect(r.diagnostics[0]?.message.en).toContain('4000-character word');
    expect(r.diagnostics[0]?.message['es-MX']).toContain('palabra de 4000 caracteres');
  });

  it('warns on one in a document field and in a choice, each at its own place', () => {
    const street = 'B'.repeat(290); // an address holds at most 300 characters
    const text = CASE_YAML.replace('{ kind: ine, curp: HEGG560427MVZRRL04 }', `{ kind: ine, curp: HEGG560427MVZRRL04, address: "Calle ${street}" }`)
      .replace('es-MX: "¿Nombre?"', `es-MX: "¿${'n'.repeat(61)}?"`);
    const r = parse(text);
    expect(brief(r.diagnostics)).toEqual([
      { code: 'long-word', severity: 'warning', ...placeOf(text, street), path: ['people', 'patient', 'documents', 0, 'address'] },
      { code: 'long-word', severity: 'warning', ...placeOf(text, `¿${'n'.repeat(61)}`), path: ['steps', 'saludo', 'choose', 1, 'text', 'es-MX'] },
    ]);
  });

  it('counts words joined by no-break spaces as one, and leaves URLs, CJK text, 60-character words and self-test names alone', () => {
    const joined = Array.from({ length: 8 }, () => 'palabra').join('\u00A0'); // 63 characters with no place to break
    const url = `https://example.org/${'ruta/'.repeat(30)}`;
    const cjk = '我'.repeat(80);
    const text = CASE_YAML.replace('en: "Test case"', `en: "${url} ${cjk} ${'b'.repeat(60)}"`)
      .replace('en: "Summary"', `en: "${joined}"`)
      .replace('  - name: mejor camino', `  - name: ${'t'.repeat(80)}`);
    expect(brief(parse(text).diagnostics)).toEqual([{ code: 'long-word', severity: 'warning', ...placeOf(text, joined), path: ['summary', 'en'] }]);
  });
});
