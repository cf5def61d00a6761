/** The two languages every user-facing text exists in. es-MX is the default. */
export const LANGS = ['es-MX', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'es-MX';

/** A text in both languages. */
export type LocalizedText = Record<Lang, string>;

/** Builds a LocalizedText; a small helper so rule tables stay readable. */
export const t = (esMX: string, en: string): LocalizedText => ({ 'es-MX': esMX, en });

export type Severity = 'error' | 'warning';

/** One finding of a check, with a stable code for tests and a message for people. */
export interface Problem {
  code: string;
  severity: Severity;
  message: LocalizedText;
}

/** Result of an identifier check: valid when there is no problem of severity 'error'. */
export interface CheckResult {
  valid: boolean;
  problems: Problem[];
}

/** Makes a CheckResult from its problems. */
export const checkResult = (problems: Problem[]): CheckResult => ({
  valid: !problems.some((p) => p.severity === 'error'),
  problems,
});
