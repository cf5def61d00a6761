/** Rejects absurd flow nesting before the parser sees it, and finds the bracket left open. */

/** Flow brackets deeper than this are rejected before parsing (the parser slows down on them). */
const PRESCAN_DEPTH = 256;

/** Rejects absurd flow nesting (`[[[[...`) cheaply; returns the offset where it got too deep. */
export function prescanFlowDepth(text: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  let atLineStartOrSpace = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (quote !== undefined) {
      if (quote === '"' && ch === 92 /* \ */) i++;
      else if (ch === quote.charCodeAt(0)) quote = undefined;
      continue;
    }
    if (ch === 35 /* # */ && atLineStartOrSpace) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
      atLineStartOrSpace = true;
      continue;
    }
    if (ch === 34 || ch === 39) quote = text[i];
    else if (ch === 91 || ch === 123) {
      depth++;
      if (depth > PRESCAN_DEPTH) return i;
    } else if ((ch === 93 || ch === 125) && depth > 0) depth--;
    atLineStartOrSpace = ch === 32 || ch === 10 || ch === 9 || ch === 13;
  }
  return undefined;
}

/** The offset of the last `[` or `{` still open at `upTo` (quotes and comments skipped), if any. */
export function unclosedOpener(text: string, upTo: number): number | undefined {
  const open: number[] = [];
  let quote: string | undefined;
  let atLineStartOrSpace = true;
  for (let i = 0; i < upTo && i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (quote !== undefined) {
      if (quote === '"' && ch === 92) i++;
      else if (ch === quote.charCodeAt(0)) quote = undefined;
      continue;
    }
    if (ch === 35 && atLineStartOrSpace) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
      atLineStartOrSpace = true;
      continue;
    }
    if (ch === 34 || ch === 39) quote = text[i];
    else if (ch === 91 || ch === 123) open.push(i);
    else if (ch === 93 || ch === 125) open.pop();
    atLineStartOrSpace = ch === 32 || ch === 10 || ch === 9 || ch === 13;
  }
  return open.length > 0 ? open[open.length - 1] : undefined;
}
