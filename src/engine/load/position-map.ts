/** Where each key and value of a YAML file starts, by document path, for placing diagnostics. */
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Alias, Document, Node as YamlNode } from 'yaml';
import { type DocPath, type Position } from '../format/diagnostics';

/** YAML 1.2 core schema, no merge keys; duplicate keys are found while converting (same place, cheaper). */
export const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, version: '1.2', schema: 'core', merge: false } as const;

/** Where a key and its value start in the text. */
export interface PlaceEntry {
  key?: Position;
  value: Position;
}

/** Turns offsets into lines and columns; the line index is built on the first question. */
export class LineIndex {
  private starts: number[] | undefined;
  constructor(private readonly text: string) {}

  at(offset: number): Position {
    if (!this.starts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    const starts = this.starts;
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: o - (starts[lo] as number) + 1 };
  }
}

/**
 * Lines and columns of the keys and values of one document, by path. Positions are looked up in
 * the parser's node tree only when a message needs one, so loading a valid file costs nothing here.
 */
export class PositionMap {
  private doc: Document.Parsed | undefined;
  private lines: LineIndex | undefined;

  /**
   * Keeps only the text: the node tree is rebuilt on the first question, so a library of valid
   * files does not hold a thousand parse trees in memory.
   */
  constructor(private readonly text?: string) {}

  private tree(): { doc: Document.Parsed; lines: LineIndex } | undefined {
    if (this.text === undefined) return undefined;
    if (!this.doc || !this.lines) {
      const docs = parseAllDocuments(this.text, PARSE_OPTIONS) as Document.Parsed[];
      this.doc = docs[0];
      this.lines = new LineIndex(this.text);
    }
    return this.doc ? { doc: this.doc, lines: this.lines } : undefined;
  }

  /** The exact entry of a path, if the document has it. */
  get(path: DocPath): PlaceEntry | undefined {
    const found = this.walk(path);
    return found.depth === path.length ? found.entry : undefined;
  }

  /** Position of the value at `path`, or of the closest ancestor the document has. */
  valueAt(path: DocPath): Position {
    const found = this.walk(path);
    if (!found.entry) return { line: 1, col: 1 };
    return found.depth === path.length ? found.entry.value : (found.entry.key ?? found.entry.value);
  }

  /** Position of the key at `path` (an unknown key's own place), else of its value. */
  keyAt(path: DocPath): Position {
    const found = this.walk(path);
    if (found.entry && found.depth === path.length) return found.entry.key ?? found.entry.value;
    return this.valueAt(path);
  }

  /** Position of the mapping that owns `path`: the key that opens it (for a missing key). */
  ownerAt(path: DocPath): Position {
    const found = this.walk(path.slice(0, -1));
    if (!found.entry) return { line: 1, col: 1 };
    return found.entry.key ?? found.entry.value;
  }

  /** Follows `path` through mappings, lists and aliases as far as the document goes. */
  private walk(path: DocPath): { entry?: PlaceEntry; depth: number } {
    const tree = this.tree();
    if (!tree || !tree.doc.contents) return { depth: 0 };
    const { doc, lines } = tree;
    const start = (n: { range?: [number, number, number] | null } | null | undefined): Position | undefined =>
      n?.range ? lines.at(n.range[0]) : undefined;
    let node: unknown = doc.contents;
    let entry: PlaceEntry = { value: start(doc.contents as YamlNode) ?? { line: 1, col: 1 } };
    let depth = 0;
    for (const part of path) {
      for (let hops = 0; isAlias(node) && hops < 50; hops++) node = (node as Alias).resolve(doc);
      let next: { key?: YamlNode | null; value: unknown } | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(part));
        if (pair) next = { key: pair.key as YamlNode, value: pair.value };
      } else if (isSeq(node) && typeof part === 'number') {
        if (part >= 0 && part < node.items.length) next = { value: node.items[part] };
      }
      if (!next) break;
      const keyPos = start(next.key);
      const valuePos = start(next.value as YamlNode | null) ?? keyPos ?? entry.value;
      entry = keyPos ? { key: keyPos, value: valuePos } : { value: valuePos };
      node = next.value;
      depth++;
    }
    return { entry, depth };
  }
}
