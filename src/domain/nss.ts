import { describeIdentifierChar, identifierLength } from './curp';
import { checkResult, t } from './text';
import type { CheckResult, Problem } from './text';

/**
 * The year used as the two-digit pivot when the caller gives none. Callers in the engine pass the
 * simulated clock's year instead; this default only keeps the check deterministic.
 */
export const NSS_DEFAULT_CURRENT_YEAR = 2026;

/** IMSS subdelegación whose numbers carry no birth year, so the year rules do not apply. */
export const NSS_SUBDELEGATION_WITHOUT_BIRTH_YEAR = '97';

/** Computes the NSS check digit (digit 11) from the first 10 digits; throws RangeError on bad input. */
export function nssCheckDigit(first10: string): string {
  if (!/^[0-9]{10}$/.test(first10)) throw new RangeError('nssCheckDigit expects exactly 10 digits');
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const product = Number(first10[i]) * (i % 2 === 0 ? 1 : 2);
    sum += product >= 10 ? Math.floor(product / 10) + (product % 10) : product;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Options of checkNss. */
export interface CheckNssOptions {
  /** The holder's full birth year (e.g. 1956), when known from another document. */
  birthYear?: number;
  /** The current (simulated) year, the pivot for two-digit years; defaults to NSS_DEFAULT_CURRENT_YEAR. */
  currentYear?: number;
}

/**
 * Checks an IMSS social security number (NSS): 11 digits, check digit, and registration year not
 * before the birth year. Two-digit years up to the current year's two digits are read as 20YY, the
 * rest as 19YY. Surrounding whitespace is accepted with a 'nss.normalized' warning; any other
 * character is an error. Never throws.
 */
export function checkNss(text: string, opts: CheckNssOptions = {}): CheckResult {
  const problems: Problem[] = [];
  // Only trimming applies: upper-casing would hide that a letter was typed.
  const nfc = text.length > 256 ? text : text.normalize('NFC');
  const value = text.length > 256 ? text : nfc.trim();
  if (value !== nfc) {
    problems.push({
      code: 'nss.normalized',
      severity: 'warning',
      message: t(
        'Se quitaron espacios alrededor: el NSS se captura como 11 dígitos seguidos.',
        'Surrounding spaces were removed: an NSS is entered as 11 digits in a row.',
      ),
    });
  }

  const length = identifierLength(value);
  if (length !== 11) {
    problems.push({
      code: 'nss.length',
      severity: 'error',
      message: t(
        `El NSS tiene 11 dígitos; el capturado tiene ${length} caracteres.`,
        `An NSS has 11 digits; this one has ${length} characters.`,
      ),
    });
    return checkResult(problems);
  }

  const chars = Array.from(value);
  const bad = chars.map((c, i) => (/^[0-9]$/.test(c) ? -1 : i)).filter((i) => i >= 0);
  if (bad.length > 0) {
    const shown = bad.map((i) => `${i + 1} (${describeIdentifierChar(chars[i] ?? '')})`).join(', ');
    problems.push({
      code: 'nss.digits',
      severity: 'error',
      message: t(
        `El NSS solo lleva dígitos; hay otro carácter en la posición ${shown}.`,
        `An NSS holds digits only; there is another character at position ${shown}.`,
      ),
    });
    return checkResult(problems);
  }

  const expected = nssCheckDigit(value.slice(0, 10));
  if (expected !== value[10]) {
    problems.push({
      code: 'nss.checkDigit',
      severity: 'error',
      message: t(
        `El dígito verificador del NSS no coincide: debería ser ${expected}. Revise que cada dígito esté bien capturado.`,
        `The NSS check digit does not match: it should be ${expected}. Check that every digit was typed correctly.`,
      ),
    });
  }

  const subdelegation = value.slice(0, 2);
  if (subdelegation !== NSS_SUBDELEGATION_WITHOUT_BIRTH_YEAR) {
    const currentYear = Number.isInteger(opts.currentYear) ? (opts.currentYear as number) : NSS_DEFAULT_CURRENT_YEAR;
    const pivot = ((currentYear % 100) + 100) % 100;
    const expand = (yy: number) => (yy <= pivot ? 2000 : 1900) + yy;
    const registrationYy = Number(value.slice(2, 4));
    const birthYy = Number(value.slice(4, 6));
    const knownBirth = Number.isInteger(opts.birthYear) ? (opts.birthYear as number) : undefined;

    if (knownBirth !== undefined && ((knownBirth % 100) + 100) % 100 !== birthYy) {
      problems.push({
        code: 'nss.birthYearMismatch',
        severity: 'warning',
        message: t(
          `Los dígitos 5-6 del NSS son el año de nacimiento (${value.slice(4, 6)}) y no coinciden con ${knownBirth}: confirme el número con la persona.`,
          `Digits 5-6 of the NSS are the birth year (${value.slice(4, 6)}) and do not match ${knownBirth}: confirm the number with the person.`,
        ),
      });
    }

    const registration = expand(registrationYy);
    const birth = knownBirth ?? expand(birthYy);
    if (registration < birth) {
      problems.push({
        code: 'nss.registrationBeforeBirth',
        severity: 'error',
        message: t(
          `Los dígitos 3-4 del NSS son el año de alta (${registration}) y quedan antes del nacimiento (${birth}): nadie se da de alta antes de nacer.`,
          `Digits 3-4 of the NSS are the registration year (${registration}), which falls before birth (${birth}): nobody is registered before being born.`,
        ),
      });
    }
  }

  return checkResult(problems);
}
