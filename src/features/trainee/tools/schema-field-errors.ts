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

/** True when nothing was refused. */
export const noErrors = (errors: object): boolean => Object.keys(errors).length === 0;
