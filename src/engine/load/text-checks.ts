/**
 * Checks on the characters of a scenario file (docs/scenario-format.md, "Characters and long
 * words"): invisible control characters are errors, because they make a text show something other
 * than what it says (U+202E turns "evil.exe" into "exe.live"); a word longer than LONG_WORD
 * characters is a warning, because the screen has to break it mid-word.
 */
import type { LocalizedText } from '../../domain/text';
import { formatPath, type DocPath } from '../format/diagnostics';

/** Words longer than this (in characters, URLs aside) get a warning. */
export const LONG_WORD = 60;

/** Literal forbidden characters in the raw text (tag characters and lone surrogates included). */
const FORBIDDEN_RE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDC7F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The kind of a forbidden code point, for the message. */
function kindOf(cp: number): LocalizedText {
  if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) return { 'es-MX': 'carácter de control', en: 'control character' };
  if (cp === 0x61c || cp === 0x200e || cp === 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) {
    return { 'es-MX': 'control invisible de la dirección del texto', en: 'invisible text-direction control' };
  }
  if (cp === 0x2028 || cp === 0x2029) return { 'es-MX': 'separador de línea Unicode (use un salto de línea normal)', en: 'Unicode line separator (use an ordinary line break)' };
  if (cp >= 0xe0000) return { 'es-MX': 'carácter de etiqueta invisible (solo cabe en una bandera emoji)', en: 'invisible tag character (only allowed in a flag emoji)' };
  if (cp >= 0xd800 && cp <= 0xdfff) return { 'es-MX': 'medio carácter (sustituto sin pareja)', en: 'half a character (unpaired surrogate)' };
  return { 'es-MX': 'carácter invisible', en: 'invisible character' };
}

/** A code point as authors look it up: `U+202E`. */
export const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** A path for a message, its forbidden characters spelled out so the message itself reads right. */
const shownPath = (path: DocPath): string => formatPath(path).replace(FORBIDDEN_RE, (c) => `<${hex(c.codePointAt(0) as number)}>`);

/** A tag character that belongs to an emoji flag sequence (🏴 followed by tags, e.g. Scotland's flag). */
function inFlagSequence(text: string, offset: number): boolean {
  const low = text.charCodeAt(offset + 1);
  if (low < 0xdc20) return false; // U+E0000-E001F are never part of a flag
  const before = text.slice(Math.max(0, offset - 2), offset);
  return before === '\uD83C\uDFF4' || (before.charCodeAt(0) === 0xdb40 && before.charCodeAt(1) >= 0xdc20 && before.charCodeAt(1) <= 0xdc7f);
}

/** One forbidden character found in a text: its offset and code point. */
export interface CharHit {
  offset: number;
  cp: number;
}

/** Every forbidden character of `text` (a leading BOM is fine: it marks the encoding). */
export function findForbidden(text: string): CharHit[] {
  const hits: CharHit[] = [];
  for (const m of text.matchAll(FORBIDDEN_RE)) {
    const offset = m.index;
    if (offset === 0 && m[0] === '\uFEFF') continue;
    if (m[0].length === 2 && inFlagSequence(text, offset)) continue;
    hits.push({ offset, cp: m[0].codePointAt(0) as number });
  }
  return hits;
}

/** The message for a forbidden character at `path` (empty path: a comment or between values). */
export function forbiddenMessage(cp: number, path: DocPath, escaped: boolean): LocalizedText {
  const kind = kindOf(cp);
  const where = shownPath(path);
  const inEs = where ? ` en ${where}` : '';
  const inEn = where ? ` in ${where}` : '';
  const esc = escaped ? { 'es-MX': ' (escrito como secuencia de escape \\)', en: ' (written as a \\ escape)' } : { 'es-MX': '', en: '' };
  return {
    'es-MX': `${kind['es-MX']} ${hex(cp)}${esc['es-MX']}${inEs}: no se ve y puede hacer que el texto se muestre distinto de lo que dice (U+202E muestra "evil.exe" como "exe.live"); bórrelo`,
    en: `${kind.en} ${hex(cp)}${esc.en}${inEn}: it is invisible and can make the text show something other than what it says (U+202E shows "evil.exe" as "exe.live"); delete it`,
  };
}

/** Spaces where a line may break (no-break spaces join words, so they are not among them). */
const BREAKS = ' \\t\\n\\r\\f\\v\\u1680\\u2000-\\u2006\\u2008-\\u200A\\u205F\\u3000';
/** Scripts a browser breaks between letters (Chinese, Japanese, Korean, Thai): no spaces needed. */
const BREAKABLE_LETTERS = '\\u0E00-\\u0E7F\\u2E80-\\u9FFF\\uAC00-\\uD7AF\\uF900-\\uFAFF';
const LONG_RUN = new RegExp(`[^${BREAKS}${BREAKABLE_LETTERS}]{${LONG_WORD + 1},}`, 'g');
const URL_START = /^[("'«¿¡<[]*(https?:\/\/|www\.|mailto:)/i;

/** The first word of `value` longer than LONG_WORD characters that is not a URL, if any. */
export function findLongWord(value: string): { word: string; length: number } | undefined {
  for (const m of value.matchAll(LONG_RUN)) {
    const length = [...m[0]].length;
    if (length > LONG_WORD && !URL_START.test(m[0])) return { word: m[0], length };
  }
  return undefined;
}

/** Keys of plain (not es-MX/en) strings a person reads: names, addresses, insurers. */
const SHOWN_KEYS: ReadonlySet<string> = new Set([
  'es-MX', 'en', 'given', 'first', 'second', 'name', 'patientName', 'relation', 'address', 'city', 'state', 'insurer', 'policy', 'affiliation', 'email', 'phone',
]);

/** True when the string at `path` reaches a screen (self-tests under `tests` only reach the CLI). */
export function isShownText(path: DocPath): boolean {
  const last = path[path.length - 1];
  return typeof last === 'string' && SHOWN_KEYS.has(last) && path[0] !== 'tests';
}

/** The warning for a long word at `path`. */
export function longWordMessage(length: number, word: string, path: DocPath): LocalizedText {
  const start = [...word].slice(0, 20).join('').replace(FORBIDDEN_RE, '');
  return {
    'es-MX': `palabra de ${length} caracteres ("${start}...") en ${shownPath(path)}: la pantalla tiene que cortarla a media palabra; se esperaban como máximo ${LONG_WORD} (sepárela con espacios)`,
    en: `a ${length}-character word ("${start}...") in ${shownPath(path)}: the screen has to break it mid-word; expected at most ${LONG_WORD} (split it with spaces)`,
  };
}
