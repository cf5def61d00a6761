/**
 * Zod issues -> positioned diagnostics in es-MX and en, written for instructors: each names what
 * was expected and what was found, and sits on the line of the offending key or value.
 */
import type { z } from 'zod';
import type { LocalizedText } from '../../domain/text';
import { describeValue, formatPath, kindOf, type Diagnostic, type DocPath, type Position } from '../format/diagnostics';
import { MESSAGES_ES_MX } from '../format/scenario.schema';
import type { PositionMap } from './position-map';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

interface MapContext {
  file: string;
  positions: PositionMap;
  /** The schema the issues came from, to list the keys an unknown key could have been. */
  schema?: AnySchema;
  /** Prepended to issue paths (for a sub-schema checked on part of the document). */
  prefix?: DocPath;
  /** The parsed document, to tell a missing translation from a missing field. */
  data?: unknown;
}

const LANG_KEYS = new Set(['es-MX', 'en']);

const TYPE_NAMES: Record<string, LocalizedText> = {
  string: { 'es-MX': 'un texto', en: 'a text' },
  number: { 'es-MX': 'un número', en: 'a number' },
  int: { 'es-MX': 'un número entero', en: 'a whole number' },
  boolean: { 'es-MX': 'true o false', en: 'true or false' },
  object: { 'es-MX': 'un bloque de campos', en: 'a block of fields' },
  array: { 'es-MX': 'una lista', en: 'a list' },
  record: { 'es-MX': 'un bloque de campos', en: 'a block of fields' },
  tuple: { 'es-MX': 'una lista', en: 'a list' },
  null: { 'es-MX': 'nada', en: 'nothing' },
};

const typeName = (expected: string): LocalizedText => TYPE_NAMES[expected] ?? { 'es-MX': expected, en: expected };

/** The Spanish twin of a message this project's schema wrote in English. */
export function localizeSchemaMessage(en: string, params?: Record<string, unknown>): LocalizedText {
  const es = params && typeof params['es-MX'] === 'string' ? params['es-MX'] : MESSAGES_ES_MX[en];
  return { 'es-MX': es ?? en, en };
}

/** Follows `path` through wrappers, objects, records, arrays and unions; undefined when lost. */
export function schemaAt(schema: AnySchema | undefined, path: DocPath): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  let i = 0;
  for (let guard = 0; current && guard < 200; guard++) {
    const def = current._zod.def as unknown as Record<string, unknown> & { type: string };
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        current = def.innerType as AnySchema;
        continue;
      case 'pipe':
        current = def.in as AnySchema;
        continue;
      case 'lazy':
        current = (def.getter as () => AnySchema)();
        continue;
      default:
        break;
    }
    if (i >= path.length) return current;
    const part = path[i++];
    switch (def.type) {
      case 'object':
        current = (def.shape as Record<string, AnySchema>)[String(part)];
        break;
      case 'record':
        current = def.valueType as AnySchema;
        break;
      case 'array':
        current = def.element as AnySchema;
        break;
      case 'tuple':
        current = (def.items as AnySchema[])[Number(part)];
        break;
      case 'union': {
        // Prefer the option that has this key (objects) or is a list (numeric index).
        const options = def.options as AnySchema[];
        i--;
        current = options.find((o) => schemaAt(o, [part as string | number]) !== undefined);
        if (!current) return undefined;
        break;
      }
      default:
        return undefined;
    }
  }
  return i >= path.length ? current : undefined;
}

/** The keys a mapping at `path` may have, per the schema. */
export function knownKeys(schema: AnySchema | undefined, path: DocPath): string[] {
  const s = schemaAt(schema, path);
  if (!s) return [];
  const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'record') {
    const keyDef = (def.keyType as AnySchema)._zod.def as unknown as { type: string; entries?: Record<string, string> };
    if (keyDef.type === 'enum' && keyDef.entries) return Object.values(keyDef.entries);
  }
  return [];
}

/** Edit distance, small and bounded: used to suggest the key an author probably meant. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] as number;
      prev[j] = Math.min((prev[j] as number) + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length] as number;
}

/** The known key closest to `key` (ignoring case, `_` and `-`), if any is close enough. */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  const norm = (s: string): string => s.toLowerCase().replace(/[-_]/g, '');
  const k = norm(key);
  let best: string | undefined;
  let bestD = Infinity;
  for (const cand of known) {
    const d = norm(cand) === k ? 0 : distance(k, norm(cand));
    if (d < bestD) {
      best = cand;
      bestD = d;
    }
  }
  return bestD <= Math.max(1, Math.floor(key.length / 4)) ? best : undefined;
}

function getAt(data: unknown, path: DocPath): unknown {
  let cur = data;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

const where = (path: DocPath): LocalizedText => {
  const p = formatPath(path);
  return p === '' ? { 'es-MX': 'en la raíz del archivo', en: 'at the top of the file' } : { 'es-MX': `en ${p}`, en: `in ${p}` };
};

function pickUnionBranch(issue: Extract<Issue, { code: 'invalid_union' }>): Issue[] | undefined {
  // A branch whose only complaint is the type at the union's own place did not match the shape:
  // the author meant one of the others.
  const shaped = issue.errors.filter((branch) => !branch.every((i) => i.code === 'invalid_type' && i.path.length === 0));
  if (shaped.length === 0) return undefined;
  return shaped.reduce((a, b) => (b.length < a.length ? b : a));
}

/** Turns zod issues into diagnostics with lines, in both languages. */
export function issuesToDiagnostics(issues: readonly Issue[], ctx: MapContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const prefix = ctx.prefix ?? [];
  const make = (pos: Position, path: DocPath, code: string, message: LocalizedText, expected?: string, found?: string): void => {
    const d: Diagnostic = { file: ctx.file, line: pos.line, col: pos.col, path, code, severity: 'error', message };
    if (expected !== undefined) d.expected = expected;
    if (found !== undefined) d.found = found;
    out.push(d);
  };

  const visit = (issue: Issue, base: DocPath, depth: number): void => {
    const path: DocPath = [...base, ...(issue.path as (string | number)[])];
    const input = (issue as { input?: unknown }).input;
    const w = where(path);
    switch (issue.code) {
      case 'invalid_type': {
        const exp = typeName(issue.expected);
        if (input === undefined && !('received' in issue)) {
          const last = path[path.length - 1];
          const parentPath = path.slice(0, -1);
          const parent = ctx.data !== undefined ? getAt(ctx.data, parentPath) : undefined;
          if (typeof last === 'string' && LANG_KEYS.has(last) && parent && typeof parent === 'object' && !Array.isArray(parent)) {
            const other = last === 'en' ? 'es-MX' : 'en';
            if (typeof (parent as Record<string, unknown>)[other] === 'string') {
              make(ctx.positions.ownerAt(path), path, 'missing-translation', {
                'es-MX': `falta la traducción ${last} ${where(parentPath)['es-MX']}: todo texto necesita es-MX y en`,
                en: `missing ${last} translation ${where(parentPath).en}: every text needs es-MX and en`,
              }, last, 'nothing');
              return;
            }
          }
          const owner = where(parentPath);
          make(ctx.positions.ownerAt(path), path, 'missing-key', {
            'es-MX': `falta el campo obligatorio "${String(last ?? '')}" ${owner['es-MX']} (se esperaba ${exp['es-MX']})`,
            en: `missing required field "${String(last ?? '')}" ${owner.en} (expected ${exp.en})`,
          }, issue.expected, 'nothing');
          return;
        }
        const received = (issue as { received?: string }).received;
        const found = received ? { 'es-MX': received, en: received } : kindOf(input);
        let hint: LocalizedText = { 'es-MX': '', en: '' };
        if (issue.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
          hint = { 'es-MX': '; escríbalo entre comillas para que se lea como texto', en: '; put it in quotes so it reads as text' };
        } else if (issue.expected === 'int' && typeof input === 'number') {
          hint = { 'es-MX': ' (sin decimales)', en: ' (no decimals)' };
        }
        make(ctx.positions.valueAt(path), path, 'wrong-type', {
          'es-MX': `se esperaba ${exp['es-MX']} ${w['es-MX']} y se encontró ${found['es-MX']}${hint['es-MX']}`,
          en: `expected ${exp.en} ${w.en}, found ${found.en}${hint.en}`,
        }, issue.expected, found.en);
        return;
      }
      case 'invalid_value': {
        const values = issue.values.map((v) => String(v));
        const found = describeValue(input);
        const list = values.join(', ');
        make(ctx.positions.valueAt(path), path, 'invalid-value', values.length === 1
          ? { 'es-MX': `se esperaba ${list} ${w['es-MX']} y se encontró ${found['es-MX']}`, en: `expected ${list} ${w.en}, found ${found.en}` }
          : { 'es-MX': `se esperaba uno de: ${list} ${w['es-MX']}; se encontró ${found['es-MX']}`, en: `expected one of: ${list} ${w.en}; found ${found.en}` },
        values.join('|'), found.en);
        return;
      }
      case 'too_small':
      case 'too_big': {
        const small = issue.code === 'too_small';
        const limit = Number(small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum);
        const inclusive = (issue as { inclusive?: boolean }).inclusive !== false;
        const bound = inclusive ? limit : small ? limit + 1 : limit - 1;
        const origin = (issue as { origin?: string }).origin;
        if (origin === 'string') {
          const len = typeof input === 'string' ? input.length : 0;
          make(ctx.positions.valueAt(path), path, small ? 'text-too-short' : 'text-too-long', small && bound <= 1
            ? { 'es-MX': `el texto ${w['es-MX']} no puede estar vacío`, en: `the text ${w.en} cannot be empty` }
            : small
              ? { 'es-MX': `texto demasiado corto ${w['es-MX']}: se esperaban al menos ${bound} caracteres y tiene ${len}`, en: `text too short ${w.en}: expected at least ${bound} characters, found ${len}` }
              : { 'es-MX': `texto demasiado largo ${w['es-MX']}: se esperaban como máximo ${bound} caracteres y tiene ${len}`, en: `text too long ${w.en}: expected at most ${bound} characters, found ${len}` },
          `${small ? '>=' : '<='} ${bound}`, String(len));
          return;
        }
        if (origin === 'array' || origin === 'set') {
          const len = Array.isArray(input) ? input.length : 0;
          make(ctx.positions.valueAt(path), path, 'list-length', small
            ? { 'es-MX': `la lista ${w['es-MX']} necesita al menos ${bound} elemento(s) y tiene ${len}`, en: `the list ${w.en} needs at least ${bound} item(s), found ${len}` }
            : { 'es-MX': `la lista ${w['es-MX']} admite como máximo ${bound} elementos y tiene ${len}`, en: `the list ${w.en} allows at most ${bound} items, found ${len}` },
          `${small ? '>=' : '<='} ${bound}`, String(len));
          return;
        }
        const found = describeValue(input);
        make(ctx.positions.valueAt(path), path, 'out-of-range', small
          ? { 'es-MX': `número fuera de rango ${w['es-MX']}: se esperaba al menos ${bound} y se encontró ${found['es-MX']}`, en: `number out of range ${w.en}: expected at least ${bound}, found ${found.en}` }
          : { 'es-MX': `número fuera de rango ${w['es-MX']}: se esperaba como máximo ${bound} y se encontró ${found['es-MX']}`, en: `number out of range ${w.en}: expected at most ${bound}, found ${found.en}` },
        `${small ? '>=' : '<='} ${bound}`, found.en);
        return;
      }
      case 'invalid_format': {
        const expected = localizeSchemaMessage(issue.message);
        const found = describeValue(input);
        make(ctx.positions.valueAt(path), path, 'invalid-format', {
          'es-MX': `se esperaba ${expected['es-MX']} ${w['es-MX']} y se encontró ${found['es-MX']}`,
          en: `expected ${expected.en} ${w.en}, found ${found.en}`,
        }, expected.en, found.en);
        return;
      }
      case 'unrecognized_keys': {
        const known = knownKeys(ctx.schema, path.slice(prefix.length));
        for (const key of issue.keys) {
          const keyPath = [...path, key];
          const guess = suggestKey(key, known);
          const list = known.join(', ');
          const tail: LocalizedText = guess
            ? { 'es-MX': `; ¿quiso decir "${guess}"?`, en: `; did you mean "${guess}"?` }
            : known.length > 0
              ? { 'es-MX': `; se esperaba uno de: ${list}`, en: `; expected one of: ${list}` }
              : { 'es-MX': '', en: '' };
          make(ctx.positions.keyAt(keyPath), keyPath, 'unknown-key', {
            'es-MX': `clave desconocida "${key}" ${w['es-MX']}${tail['es-MX']}`,
            en: `unknown key "${key}" ${w.en}${tail.en}`,
          }, guess ?? (known.length > 0 ? list : undefined), key);
        }
        return;
      }
      case 'invalid_key': {
        const inner = issue.issues[0];
        const expected = inner ? localizeSchemaMessage(inner.message) : { 'es-MX': 'otra clave', en: 'another key' };
        const key = String(path[path.length - 1] ?? '');
        make(ctx.positions.keyAt(path), path, 'invalid-key', {
          'es-MX': `clave no válida "${key}" ${where(path.slice(0, -1))['es-MX']}: se esperaba ${expected['es-MX']}`,
          en: `invalid key "${key}" ${where(path.slice(0, -1)).en}: expected ${expected.en}`,
        }, expected.en, key);
        return;
      }
      case 'invalid_union': {
        const branch = depth < 8 ? pickUnionBranch(issue) : undefined;
        if (branch) {
          for (const sub of branch) visit(sub, path, depth + 1);
          return;
        }
        const names = issue.errors.map((b) => {
          const first = b[0];
          return first && first.code === 'invalid_type' ? typeName(first.expected) : { 'es-MX': 'otra forma', en: 'another form' };
        });
        const found = kindOf(input);
        make(ctx.positions.valueAt(path), path, 'wrong-type', {
          'es-MX': `se esperaba ${names.map((n) => n['es-MX']).join(' o ')} ${w['es-MX']} y se encontró ${found['es-MX']}`,
          en: `expected ${names.map((n) => n.en).join(' or ')} ${w.en}, found ${found.en}`,
        }, names.map((n) => n.en).join(' | '), found.en);
        return;
      }
      case 'custom': {
        const message = localizeSchemaMessage(issue.message, issue.params);
        const code = (issue.params?.code as string | undefined) ?? 'rule';
        if (input !== undefined && (input === null || typeof input !== 'object')) {
          // A refinement of one value: say what was expected and what was found, on the value.
          const found = describeValue(input);
          make(ctx.positions.valueAt(path), path, code, {
            'es-MX': `se esperaba ${message['es-MX']} ${w['es-MX']} y se encontró ${found['es-MX']}`,
            en: `expected ${message.en} ${w.en}, found ${found.en}`,
          }, message.en, found.en);
          return;
        }
        make(ctx.positions.keyAt(path), path, code, {
          'es-MX': `${message['es-MX']} (${formatPath(path) || 'raíz'})`,
          en: `${message.en} (${formatPath(path) || 'top'})`,
        });
        return;
      }
      default: {
        make(ctx.positions.valueAt(path), path, 'invalid', {
          'es-MX': `valor no válido ${w['es-MX']}: ${issue.message}`,
          en: `invalid value ${w.en}: ${issue.message}`,
        });
      }
    }
  };

  for (const issue of issues) visit(issue, prefix, 0);
  return out;
}
