/**
 * The virtual modules of build/scenario-library-plugin.ts: the shipped library, loaded and
 * validated at build time by the engine's loader.
 */
declare module 'virtual:scenario-catalog' {
  // An ambient module cannot import relative paths (such an import silently becomes `any`): import types can.
  /* eslint-disable @typescript-eslint/consistent-type-imports */
  type BareCatalog = import('../engine/load/library-index').BareCatalog;
  type CatalogTexts = import('../engine/load/library-index').CatalogTexts;
  type Lang = import('../domain/text').Lang;
  type ScenarioCase = import('../engine/format/scenario.schema').ScenarioCase;
  type ShiftFile = import('../engine/format/scenario.schema').ShiftFile;
  type ClinicFile = import('../engine/format/scenario.schema').ClinicFile;
  /* eslint-enable @typescript-eslint/consistent-type-imports */

  /** The catalogue: list-page fields of every valid document but its texts, and the broken files with their errors. */
  export const catalog: BareCatalog;
  /** One language's titles and summaries of the catalogue, from their own chunk. */
  export function loadTexts(lang: Lang): Promise<CatalogTexts>;
  /** A case in full, from its own chunk; undefined for an id the library does not have. */
  export function loadCase(id: string): Promise<ScenarioCase | undefined>;
  /** A shift in full, from its own chunk; undefined for an id the library does not have. */
  export function loadShift(id: string): Promise<ShiftFile | undefined>;
  /** A clinic in full, from its own chunk; undefined for an id the library does not have. */
  export function loadClinic(id: string): Promise<ClinicFile | undefined>;
}
