/** Peeking at unvalidated YAML values: the checks that run before (or beside) the schema. */

export const has = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);

export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
