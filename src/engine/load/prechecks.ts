/** The raw text before any parsing: size, binary content, emptiness. */
import { type Diagnostic, type DocPath } from '../format/diagnostics';
import { LIMITS } from '../format/scenario.schema';

/** UTF-8 byte length of a string, without allocating. */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    }
    else n += 3;
  }
  return n;
}

/** Checks raw text before any parsing: size, binary content, emptiness. */
export function precheckText(text: string, file: string): Diagnostic[] {
  const at1 = { file, line: 1, col: 1, path: [] as DocPath, severity: 'error' as const };
  if (text.length > LIMITS.fileBytes || (text.length * 3 > LIMITS.fileBytes && utf8Length(text) > LIMITS.fileBytes)) {
    const kib = Math.ceil(LIMITS.fileBytes / 1024);
    return [{ ...at1, code: 'file-too-large', message: {
      'es-MX': `el archivo es demasiado grande: se esperaban como máximo ${kib} KiB`,
      en: `the file is too large: expected at most ${kib} KiB`,
    }, expected: `<= ${LIMITS.fileBytes} bytes` }];
  }
  const nul = text.indexOf('\u0000');
  const bad = text.indexOf('\uFFFD');
  if (nul >= 0 || bad >= 0) {
    const offset = nul >= 0 ? nul : bad;
    let line = 1;
    let start = 0;
    for (let i = 0; i < offset; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        start = i + 1;
      }
    }
    return [{ ...at1, line, col: offset - start + 1, code: 'binary-file', message: {
      'es-MX': 'el archivo no es texto UTF-8 (parece binario): se esperaba un archivo YAML de texto',
      en: 'the file is not UTF-8 text (it looks binary): expected a YAML text file',
    } }];
  }
  if (text.trim() === '') {
    return [{ ...at1, code: 'empty-file', message: {
      'es-MX': 'el archivo está vacío: se esperaba un caso, una clínica o un turno',
      en: 'the file is empty: expected a case, a clinic or a shift',
    } }];
  }
  return [];
}
