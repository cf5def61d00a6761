import type { z } from 'zod';

/**
 * The form's fields that the event's own schema refuses, each with the form's message for it: a
 * form checks what the workflow will check, with no second copy of the rules. Issues on a field
 * the form has no message for are left to the run, which refuses the event and says so.
 */
export function schemaFieldErrors<F extends string>(schema: z.ZodType, params: Record<string, unknown>, messages: Record<F, string>): Partial<Record<F, string>> {
  const result = schema.safeParse(params);
  const errors: Partial<Record<F, string>> = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && Object.hasOwn(messages, field)) errors[field as F] ??= messages[field as F];
  }
  return errors;
}

/** A form's params as the event's schema parsed them (typed as the event's), or the fields it refused. */
export type CheckedParams<S extends z.ZodType, F extends string> = { ok: true; params: z.infer<S> } | { ok: false; errors: Partial<Record<F, string>> };

/** schemaFieldErrors, and the parsed params when the schema takes them: what the form then sends. */
export function checkParams<S extends z.ZodType, F extends string>(schema: S, params: Record<string, unknown>, messages: Record<F, string>): CheckedParams<S, F> {
  const result = schema.safeParse(params);
  return result.success ? { ok: true, params: result.data } : { ok: false, errors: schemaFieldErrors(schema, params, messages) };
}

/** True when nothing was refused. */
export const noErrors = (errors: object): boolean => Object.keys(errors).length === 0;
