/** Every text needs es-MX and en: a missing side is reported and filled from the other. */
import { formatPath, type DocPath } from '../format/diagnostics';
import { has } from './raw-values';
import type { Reporter } from './reporter';

/** Fills a missing es-MX or en from the other side; reports each (error, or warning in draft). */
export function checkTranslations(value: unknown, rep: Reporter, draft: boolean): void {
  const stack: { v: unknown; path: DocPath }[] = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop() as { v: unknown; path: DocPath };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    const o = v as Record<string, unknown>;
    const es = typeof o['es-MX'] === 'string';
    const en = typeof o['en'] === 'string';
    if (es !== en && !has(o, es ? 'en' : 'es-MX')) {
      const missing = es ? 'en' : 'es-MX';
      const message = {
        'es-MX': `falta la traducción ${missing} en ${formatPath(path) || 'la raíz'}: todo texto necesita es-MX y en`,
        en: `missing ${missing} translation in ${formatPath(path) || 'the top'}: every text needs es-MX and en`,
      };
      rep.add(draft ? 'warning' : 'error', path, 'missing-translation', message, { at: 'key', expected: missing, found: 'nothing' });
      o[missing] = o[es ? 'es-MX' : 'en'];
    }
    const keys = Object.keys(o);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i] as string;
      stack.push({ v: o[k], path: [...path, k] });
    }
  }
}
