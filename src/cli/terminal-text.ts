/**
 * Text from scenario and log files reaches a terminal only escaped: an ESC in a test name could
 * clear the line and hide a FAIL, a bidi control could reorder it. Every line the CLI prints goes
 * through `escapeControl` (cli-main.ts), in text and in JSON.
 */

// C0 controls (line breaks and tabs included), DEL, C1 controls, and the bidi and line-separator
// characters that reorder or split what a terminal shows.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `\u001b`-style escapes for every unsafe character; other text is unchanged. */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A value as pretty JSON, one string per line. JSON.stringify already escapes C0 controls inside
 * strings; escapeControl then turns the rest (C1, bidi) into `\uXXXX`, which is still valid JSON.
 */
export function jsonLines(value: unknown): string[] {
  return JSON.stringify(value, null, 2).split('\n');
}
