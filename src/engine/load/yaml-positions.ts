/**
 * YAML text -> a plain value plus a map from document paths to lines and columns.
 *
 * We build the value ourselves from the parser's node tree instead of calling toJS(), so that:
 * dangerous keys (`__proto__`...) are reported and never assigned, nesting and list lengths are capped before anything else looks at them, alias expansion has a
 * budget (no "billion laughs"), and every key and value keeps its place for error messages.
 */
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Alias, Document, Node as YamlNode, ParsedNode, YAMLError } from 'yaml';
import type { LocalizedText } from '../../domain/text';
import { LIMITS } from '../format/scenario.schema';
import { describeValue, formatPath, type Diagnostic, type DocPath, type Position } from '../format/diagnostics';
import { findLongWord, isShownText, LONG_WORD, longWordMessage } from './text-checks';
import { CharFindings } from './char-findings';
import { LineIndex, PARSE_OPTIONS, PositionMap } from './position-map';
import { prescanFlowDepth, unclosedOpener } from './yaml-prescan';

/** Keys that could reach Object.prototype if anything ever assigned them. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Nodes an alias may expand to in one file: generous for real reuse, fatal for alias bombs. */
export const ALIAS_NODE_BUDGET = 10_000;

export interface YamlReadResult {
  /** The document as plain data, or undefined when it cannot be used. */
  value: unknown;
  positions: PositionMap;
  diagnostics: Diagnostic[];
}

const YAML_MESSAGES: Partial<Record<YAMLError['code'], LocalizedText>> = {
  BAD_INDENT: { 'es-MX': 'sangría incorrecta', en: 'wrong indentation' },
  TAB_AS_INDENT: { 'es-MX': 'se usó un tabulador para sangrar; use espacios', en: 'a tab was used for indentation; use spaces' },
  MISSING_CHAR: { 'es-MX': 'falta un carácter de cierre (comilla, corchete o llave)', en: 'a closing character is missing (quote, bracket or brace)' },
  BLOCK_AS_IMPLICIT_KEY: { 'es-MX': 'un bloque no puede ser clave; ¿falta un salto de línea o dos puntos?', en: 'a block cannot be a key; is a line break or a colon missing?' },
  MULTILINE_IMPLICIT_KEY: { 'es-MX': 'una clave no puede ocupar varias líneas; ¿falta ":" o una comilla?', en: 'a key cannot span lines; is a ":" or a quote missing?' },
  UNEXPECTED_TOKEN: { 'es-MX': 'símbolo inesperado', en: 'unexpected token' },
  BAD_SCALAR_START: { 'es-MX': 'un valor no puede empezar con ese carácter; póngalo entre comillas', en: 'a value cannot start with that character; put it in quotes' },
  BAD_DQ_ESCAPE: { 'es-MX': 'secuencia de escape inválida entre comillas dobles', en: 'invalid escape sequence in double quotes' },
  BLOCK_IN_FLOW: { 'es-MX': 'un bloque dentro de [ ] o { }', en: 'a block inside [ ] or { }' },
  KEY_OVER_1024_CHARS: { 'es-MX': 'clave de más de 1024 caracteres', en: 'key longer than 1024 characters' },
  MULTIPLE_ANCHORS: { 'es-MX': 'varias anclas (&) en un mismo nodo', en: 'several anchors (&) on one node' },
  MULTIPLE_TAGS: { 'es-MX': 'varias etiquetas (!) en un mismo nodo', en: 'several tags (!) on one node' },
  BAD_ALIAS: { 'es-MX': 'referencia (*) a un ancla que no existe', en: 'reference (*) to an anchor that does not exist' },
  TAG_RESOLVE_FAILED: { 'es-MX': 'etiqueta (!) desconocida', en: 'unknown tag (!)' },
  RESOURCE_EXHAUSTION: { 'es-MX': 'el documento es demasiado costoso de leer', en: 'the document is too costly to read' },
};

/**
 * A document path as a chain of links to the parent: converting a file extends it once per node
 * without copying, and only a message turns it into a DocPath.
 */
type Trail = { up: Trail; part: string | number } | undefined;

function docPath(trail: Trail): DocPath {
  const parts: (string | number)[] = [];
  for (let t = trail; t !== undefined; t = t.up) parts.push(t.part);
  return parts.reverse();
}

/**
 * Parses one YAML document into plain data and positions; never throws on any text. Forbidden
 * characters are reported wherever they are, even when the YAML itself cannot be read.
 */
export function readYaml(text: string, file: string): YamlReadResult {
  const chars = new CharFindings(text);
  const lines = new LineIndex(text);
  const at = (offset: number): Position => lines.at(offset);
  const result = readDocument(text, file, chars, at);
  result.diagnostics.push(...chars.diagnostics(file, at));
  return result;
}

function readDocument(text: string, file: string, chars: CharFindings, at: (offset: number) => Position): YamlReadResult {
  let positions = new PositionMap();
  const diagnostics: Diagnostic[] = [];
  const push = (pos: Position, path: DocPath, code: string, message: LocalizedText, extra: Partial<Diagnostic> = {}): void => {
    diagnostics.push({ file, line: pos.line, col: pos.col, path, code, severity: 'error', message, ...extra });
  };
  const checkChars = !chars.none;

  const deepAt = prescanFlowDepth(text);
  if (deepAt !== undefined) {
    push(at(deepAt), [], 'too-deep', {
      'es-MX': `anidación demasiado profunda: se esperaban como máximo ${LIMITS.depth} niveles`,
      en: `nesting too deep: expected at most ${LIMITS.depth} levels`,
    });
    return { value: undefined, positions, diagnostics };
  }

  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[];
  } catch {
    push({ line: 1, col: 1 }, [], 'yaml-syntax', { 'es-MX': 'el archivo no se pudo leer como YAML', en: 'the file could not be read as YAML' });
    return { value: undefined, positions, diagnostics };
  }

  if (docs.length === 0 || (docs.length === 1 && docs[0]?.contents == null && docs[0]?.errors.length === 0)) {
    push({ line: 1, col: 1 }, [], 'empty-file', {
      'es-MX': 'el archivo está vacío: se esperaba un caso, una clínica o un turno',
      en: 'the file is empty: expected a case, a clinic or a shift',
    });
    return { value: undefined, positions, diagnostics };
  }
  if (docs.length > 1) {
    const second = docs[1];
    const offset = second?.range?.[0] ?? second?.contents?.range?.[0] ?? 0;
    push(at(offset), [], 'multiple-documents', {
      'es-MX': `se esperaba un solo documento YAML por archivo y se encontraron ${docs.length} (separados por ---)`,
      en: `expected one YAML document per file, found ${docs.length} (separated by ---)`,
    });
  }

  const doc = docs[0] as Document.Parsed;
  positions = new PositionMap(text);
  let fatal = false;
  for (const e of doc.errors) {
    const pos = at(e.pos[0]);
    if (e.code === 'DUPLICATE_KEY') {
      push(pos, [], 'duplicate-key', {
        'es-MX': 'clave repetida en el mismo bloque: cada clave puede aparecer una sola vez',
        en: 'duplicate key in the same block: each key may appear only once',
      });
      continue;
    }
    fatal = true;
    // An unclosed [ or { is noticed lines later; point at the bracket the author left open.
    const opener = /^Flow (sequence|mapping)|must end with/.test(e.message) || e.code === 'MISSING_CHAR' ? unclosedOpener(text, e.pos[0]) : undefined;
    if (opener !== undefined) {
      const where = at(opener);
      pos.line = where.line;
      pos.col = where.col;
    }
    const known = YAML_MESSAGES[e.code];
    const detail = e.message.split('\n')[0] ?? '';
    push(pos, [], 'yaml-syntax', {
      'es-MX': `error de sintaxis YAML: ${known ? known['es-MX'] : 'texto no válido'} (${detail})`,
      en: `YAML syntax error: ${known ? known.en : 'invalid text'} (${detail})`,
    });
  }
  for (const w of doc.warnings) {
    const pos = at(w.pos[0]);
    const known = YAML_MESSAGES[w.code];
    diagnostics.push({
      file,
      line: pos.line,
      col: pos.col,
      path: [],
      code: 'yaml-warning',
      severity: 'warning',
      message: {
        'es-MX': `aviso de YAML: ${known ? known['es-MX'] : w.message}`,
        en: `YAML warning: ${known ? known.en : w.message}`,
      },
    });
  }
  if (fatal || docs.length > 1) return { value: undefined, positions, diagnostics };

  const root = doc.contents;
  if (root == null) {
    push({ line: 1, col: 1 }, [], 'empty-file', {
      'es-MX': 'el archivo no tiene contenido: se esperaba un caso, una clínica o un turno',
      en: 'the file has no content: expected a case, a clinic or a shift',
    });
    return { value: undefined, positions, diagnostics };
  }
  if (!isMap(root)) {
    const found = isSeq(root) ? { 'es-MX': 'una lista', en: 'a list' } : describeValue(isScalar(root) ? root.value : undefined);
    push(at(root.range?.[0] ?? 0), [], 'not-a-mapping', {
      'es-MX': `se esperaba un bloque de campos (format, id, title...) y se encontró ${found['es-MX']}`,
      en: `expected a block of fields (format, id, title...), found ${found.en}`,
    }, { expected: 'mapping', found: found.en });
    return { value: undefined, positions, diagnostics };
  }

  const anchors = new Map<string, YamlNode>();
  const active = new Set<YamlNode>();
  let aliasNodes = 0;
  let aliasDepth = 0;
  // The alias written in the text that started the current expansion: errors point at it.
  let aliasRoot: { pos: Position; path: Trail } | undefined;
  let reportedDeep = false;
  let reportedBomb = false;

  const nodeStart = (node: YamlNode | null | undefined): Position => at(node?.range?.[0] ?? 0);

  /** A string value: its forbidden characters get their path; a long shown word, a warning. */
  const checkString = (node: YamlNode, value: string, path: Trail): void => {
    if (checkChars) chars.scalar(node, value, () => docPath(path), at);
    if (value.length <= LONG_WORD) return;
    const long = findLongWord(value);
    if (!long) return;
    const where = docPath(path);
    if (!isShownText(where)) return;
    const range = node.range;
    const found = range ? text.indexOf(long.word, range[0]) : -1;
    const pos = range && found >= 0 && found < range[1] ? at(found) : nodeStart(node);
    diagnostics.push({
      file, line: pos.line, col: pos.col, path: where, code: 'long-word', severity: 'warning',
      message: longWordMessage(long.length, long.word, where), expected: `<= ${LONG_WORD}`, found: String(long.length),
    });
  };

  /** Converts one node; `depth` counts collections from the root (the root mapping is 1). */
  const convert = (node: YamlNode | null | undefined, path: Trail, depth: number): unknown => {
    if (node == null) return null;
    if (aliasDepth > 0) {
      aliasNodes++;
      if (aliasNodes > ALIAS_NODE_BUDGET) {
        if (!reportedBomb) {
          reportedBomb = true;
          push(aliasRoot?.pos ?? nodeStart(node), docPath(aliasRoot?.path ?? path), 'alias-bomb', {
            'es-MX': `demasiadas repeticiones por alias (*): se permiten ${ALIAS_NODE_BUDGET} elementos copiados por archivo`,
            en: `too much repetition through aliases (*): at most ${ALIAS_NODE_BUDGET} copied elements per file`,
          });
        }
        return null;
      }
    }
    if (isAlias(node)) return convertAlias(node, path, depth);
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor && aliasDepth === 0) anchors.set(anchor, node);
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'string' && aliasDepth === 0) checkString(node, v, path);
      if (typeof v === 'bigint') return Number(v);
      if (v === undefined) return null;
      return v;
    }
    if (isMap(node) || isSeq(node)) {
      if (depth > LIMITS.depth) {
        if (!reportedDeep) {
          reportedDeep = true;
          const where = docPath(path);
          push(nodeStart(node), where, 'too-deep', {
            'es-MX': `anidación demasiado profunda en ${formatPath(where) || 'la raíz'}: se esperaban como máximo ${LIMITS.depth} niveles`,
            en: `nesting too deep at ${formatPath(where) || 'the root'}: expected at most ${LIMITS.depth} levels`,
          });
        }
        return null;
      }
      if (node.items.length > LIMITS.listLength) {
        const where = docPath(path);
        push(nodeStart(node), where, 'list-too-long', {
          'es-MX': `demasiados elementos en ${formatPath(where) || 'la raíz'}: se esperaban como máximo ${LIMITS.listLength} y hay ${node.items.length}`,
          en: `too many items in ${formatPath(where) || 'the root'}: expected at most ${LIMITS.listLength}, found ${node.items.length}`,
        }, { expected: `<= ${LIMITS.listLength}`, found: String(node.items.length) });
      }
      active.add(node);
      try {
        return isSeq(node) ? convertSeq(node.items, path, depth) : convertMap(node.items, path, depth);
      } finally {
        active.delete(node);
      }
    }
    push(nodeStart(node), docPath(path), 'yaml-unsupported', { 'es-MX': 'tipo de valor YAML no admitido', en: 'unsupported YAML value' });
    return null;
  };

  const convertSeq = (items: unknown[], path: Trail, depth: number): unknown[] => {
    const out: unknown[] = [];
    const n = Math.min(items.length, LIMITS.listLength);
    for (let i = 0; i < n; i++) out.push(convert(items[i] as YamlNode | null, { up: path, part: i }, depth + 1));
    return out;
  };

  const convertMap = (items: { key: unknown; value: unknown }[], path: Trail, depth: number): Record<string, unknown> => {
    // A plain object is safe here because forbidden keys are never assigned; other layers (the
    // action log) expect ordinary objects.
    const out: Record<string, unknown> = {};
    const n = Math.min(items.length, LIMITS.listLength);
    for (let i = 0; i < n; i++) {
      const pair = items[i] as { key: YamlNode | null; value: YamlNode | null };
      const keyNode = pair.key;
      const keyPos = (): Position => (keyNode ? nodeStart(keyNode) : nodeStart(pair.value));
      let key: string;
      if (keyNode && isScalar(keyNode) && (keyNode.value === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof keyNode.value))) {
        key = keyNode.value === null ? '' : String(keyNode.value);
        if (checkChars && aliasDepth === 0) chars.scalar(keyNode, key, () => [...docPath(path), key], at);
      } else {
        push(keyPos(), docPath(path), 'complex-key', {
          'es-MX': 'se esperaba una clave de texto simple antes de ":"',
          en: 'expected a plain text key before ":"',
        });
        continue;
      }
      if (FORBIDDEN_KEYS.has(key)) {
        push(keyPos(), [...docPath(path), key], 'forbidden-key', {
          'es-MX': `la clave "${key}" no está permitida (nombre reservado)`,
          en: `the key "${key}" is not allowed (reserved name)`,
        }, { found: key });
        continue;
      }
      if (Object.prototype.hasOwnProperty.call(out, key)) {
        if (aliasDepth === 0) {
          push(keyPos(), [...docPath(path), key], 'duplicate-key', {
            'es-MX': `clave repetida "${key}" en el mismo bloque: cada clave puede aparecer una sola vez (se usa la primera)`,
            en: `duplicate key "${key}" in the same block: each key may appear only once (the first is used)`,
          }, { found: key });
        }
        continue;
      }
      out[key] = convert(pair.value, { up: path, part: key }, depth + 1);
    }
    return out;
  };

  const convertAlias = (node: Alias, path: Trail, depth: number): unknown => {
    const target = anchors.get(node.source);
    const pos = nodeStart(node);
    if (!target) {
      push(pos, docPath(path), 'bad-alias', {
        'es-MX': `el alias *${node.source} no corresponde a ningún ancla &${node.source} anterior`,
        en: `the alias *${node.source} matches no earlier anchor &${node.source}`,
      });
      return null;
    }
    if (active.has(target)) {
      push(pos, docPath(path), 'alias-cycle', {
        'es-MX': `el alias *${node.source} se contiene a sí mismo`,
        en: `the alias *${node.source} contains itself`,
      });
      return null;
    }
    if (aliasDepth === 0) aliasRoot = { pos, path };
    aliasDepth++;
    try {
      return convert(target, path, depth);
    } finally {
      aliasDepth--;
    }
  };

  const value = convert(root as ParsedNode, undefined, 1);
  return { value, positions, diagnostics };
}
