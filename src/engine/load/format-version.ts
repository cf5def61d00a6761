/** The file's "format" version: missing, bad, too new, or old and migrated while loading. */
import { kindOf } from '../format/diagnostics';
import { FORMAT_VERSION } from '../format/scenario.schema';
import { migrateDocument, type Migration } from './migrations';
import type { Reporter } from './reporter';

/** Checks "format" and migrates an old document; undefined when the file cannot be read further. */
export function checkFormat(doc: Record<string, unknown>, rep: Reporter, migrations: readonly Migration[]): Record<string, unknown> | undefined {
  const format = doc['format'];
  if (format === undefined) {
    rep.error([], 'missing-format', {
      'es-MX': `falta "format": la primera línea debe ser "format: ${FORMAT_VERSION}" (la versión del formato)`,
      en: `missing "format": the first line should be "format: ${FORMAT_VERSION}" (the format version)`,
    }, { at: 'value', expected: String(FORMAT_VERSION), found: 'nothing' });
    doc['format'] = FORMAT_VERSION;
    return doc;
  }
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 0) {
    const found = kindOf(format);
    rep.error(['format'], 'bad-format', {
      'es-MX': `"format" debe ser un número entero de versión (${FORMAT_VERSION}) y se encontró ${found['es-MX']}`,
      en: `"format" must be a whole version number (${FORMAT_VERSION}), found ${found.en}`,
    }, { expected: String(FORMAT_VERSION), found: found.en });
    doc['format'] = FORMAT_VERSION;
    return doc;
  }
  if (format > FORMAT_VERSION) {
    rep.error(['format'], 'format-too-new', {
      'es-MX': `este archivo necesita una versión más nueva del simulador: usa el formato ${format} y esta versión lee hasta el ${FORMAT_VERSION}`,
      en: `this file needs a newer version of the simulator: it uses format ${format} and this version reads up to ${FORMAT_VERSION}`,
    }, { expected: `<= ${FORMAT_VERSION}`, found: String(format) });
    return undefined;
  }
  if (format < FORMAT_VERSION) {
    const result = migrateDocument(doc, format, migrations);
    if (!result.ok) {
      rep.error(['format'], 'format-unsupported', {
        'es-MX': `el formato ${format} ya no se puede convertir (no hay migración desde la versión ${result.missingFrom}); actualice el archivo al formato ${FORMAT_VERSION}`,
        en: `format ${format} can no longer be converted (no migration from version ${result.missingFrom}); update the file to format ${FORMAT_VERSION}`,
      }, { expected: String(FORMAT_VERSION), found: String(format) });
      return undefined;
    }
    const notes = result.applied.map((m) => m.describe);
    rep.warning(['format'], 'format-migrated', {
      'es-MX': `archivo en formato ${format}, convertido al ${FORMAT_VERSION} al cargarlo; actualícelo (${notes.map((n) => n['es-MX']).join('; ')})`,
      en: `file in format ${format}, converted to ${FORMAT_VERSION} while loading; please update it (${notes.map((n) => n.en).join('; ')})`,
    });
    return result.doc;
  }
  return doc;
}
