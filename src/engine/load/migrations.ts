/**
 * Upgrades scenario documents written for an older format version, one version at a time, so old
 * files keep loading after the format changes. Version 1 is the first: the registry is empty.
 */
import type { LocalizedText } from '../../domain/text';
import { FORMAT_VERSION } from '../format/scenario.schema';

/** One step up: takes a document of version `from` and returns it as `from + 1`. */
export interface Migration {
  from: number;
  /** What changed, for the warning shown to the author ("update the file"). */
  describe: LocalizedText;
  /** Returns the upgraded document; must not keep references the caller could see mutate. */
  migrate: (doc: Record<string, unknown>) => Record<string, unknown>;
}

/** The migrations this build knows, by the version they start from. */
export const MIGRATIONS: readonly Migration[] = [];

export type MigrationResult =
  | { ok: true; doc: Record<string, unknown>; applied: Migration[] }
  | { ok: false; missingFrom: number };

/** Applies migrations from `version` up to `target`; reports the first version with no migration. */
export function migrateDocument(
  doc: Record<string, unknown>,
  version: number,
  registry: readonly Migration[] = MIGRATIONS,
  target: number = FORMAT_VERSION,
): MigrationResult {
  const byFrom = new Map(registry.map((m) => [m.from, m]));
  const applied: Migration[] = [];
  let current = doc;
  for (let v = version; v < target; v++) {
    const m = byFrom.get(v);
    if (!m) return { ok: false, missingFrom: v };
    current = m.migrate(current);
    applied.push(m);
  }
  current['format'] = target;
  return { ok: true, doc: current, applied };
}
