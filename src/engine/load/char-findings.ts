/** Forbidden characters found once in a file's raw text, capped per file, each claimed by the scalar that holds it. */
import type { Node as YamlNode } from 'yaml';
import { type Diagnostic, type DocPath, type Position } from '../format/diagnostics';
import { findForbidden, forbiddenMessage, hex, type CharHit } from './text-checks';

/** Forbidden characters reported per file at most: one bad paste should not bury the rest. */
const MAX_CHAR_ERRORS = 50;

/**
 * The file's forbidden characters (text-checks.ts), found once in the raw text so each has its
 * exact place; converting a scalar claims those inside it, so the message can name its path.
 */
export class CharFindings {
  private readonly hits: CharHit[];
  private readonly paths = new Map<number, DocPath>();
  private readonly escaped: { pos: Position; cp: number; path: DocPath }[] = [];
  constructor(private readonly text: string) {
    this.hits = findForbidden(text);
  }

  /** Checks one scalar (a key or a value) whose text spans `range`. */
  scalar(node: YamlNode, value: string, path: () => DocPath, at: (offset: number) => Position): void {
    const range = node.range;
    if (!range) return;
    let inside = false;
    for (const h of this.hits) {
      if (h.offset >= range[0] && h.offset < range[1]) {
        inside = true;
        if (!this.paths.has(h.offset)) this.paths.set(h.offset, path());
      }
    }
    // A double-quoted "\u202E" is an escape: the character is in the value, not in the text.
    if (!inside && (node as { type?: string }).type === 'QUOTE_DOUBLE') {
      const found = findForbidden(value)[0];
      if (found) this.escaped.push({ pos: at(range[0]), cp: found.cp, path: path() });
    }
  }

  diagnostics(file: string, at: (offset: number) => Position): Diagnostic[] {
    const out: Diagnostic[] = this.hits.map((h) => {
      const path = this.paths.get(h.offset) ?? [];
      const pos = at(h.offset);
      return { file, line: pos.line, col: pos.col, path, code: 'invisible-character', severity: 'error', message: forbiddenMessage(h.cp, path, false), found: hex(h.cp) };
    });
    for (const e of this.escaped) {
      out.push({ file, line: e.pos.line, col: e.pos.col, path: e.path, code: 'invisible-character', severity: 'error', message: forbiddenMessage(e.cp, e.path, true), found: hex(e.cp) });
    }
    return out.slice(0, MAX_CHAR_ERRORS);
  }

  get none(): boolean {
    return this.hits.length === 0 && this.text.indexOf('\\') < 0;
  }
}
