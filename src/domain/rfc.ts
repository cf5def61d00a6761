import { describeIdentifierChar, identifierLength, normalizeIdentifierInput } from './curp';
import { checkResult, t } from './text';
import type { CheckResult, Problem } from './text';

/** The SAT's check-digit alphabet: a character's value is its index (space pads short keys). */
export const RFC_CHECK_ALPHABET = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';

/** Generic RFCs: XAXX010101000 for the general public, XEXX010101000 for foreigners. */
export const GENERIC_RFCS: readonly string[] = ['XAXX010101000', 'XEXX010101000'];

/**
 * Words the SAT never lets the four letters of a person's RFC spell (it changes the last letter to X),
 * as listed by python-stdnum from the SAT's annex.
 */
export const RFC_INCONVENIENT_WORDS: ReadonlySet<string> = new Set(
  `BUEI BUEY CACA CACO CAGA CAGO CAKA CAKO COGE COJA COJE COJI COJO CULO FETO GUEY JOTO KACA KACO KAGA
   KAGO KAKA KOGE KOJO KULO MAME MAMO MEAR MEAS MEON MION MOCO MULA PEDA PEDO PENE PUTA PUTO QULO RATA
   RUIN`.split(/\s+/),
);

/**
 * Computes the RFC check digit from the characters before it: 11 for a company (moral person),
 * 12 for a person. Throws RangeError on another length or a character outside the alphabet.
 */
export function rfcCheckDigit(first: string): string {
  const chars = Array.from(first);
  if (chars.length !== 11 && chars.length !== 12) {
    throw new RangeError(`rfcCheckDigit expects 11 or 12 characters, got ${chars.length}`);
  }
  const padded = chars.length === 11 ? [' ', ...chars] : chars;
  let sum = 0;
  padded.forEach((c, i) => {
    const value = RFC_CHECK_ALPHABET.indexOf(c);
    if (value < 0) throw new RangeError(`rfcCheckDigit: character outside the RFC alphabet at position ${i}`);
    sum += value * (13 - i);
  });
  const r = sum % 11;
  if (r === 0) return '0';
  return 11 - r === 10 ? 'A' : String(11 - r);
}

/** Whether the text is one of the two generic RFCs (after trimming and upper-casing). */
export function isGenericRfc(text: string): boolean {
  return GENERIC_RFCS.includes(normalizeIdentifierInput(text).value);
}

const NAME_CHAR = /^[A-Z&Ñ]$/;
const DIGIT = /^[0-9]$/;
const HOMOCLAVE_CHAR = /^[A-Z0-9]$/;
const CHECK_CHAR = /^[0-9A]$/;

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/**
 * Checks an RFC (tax id): 13 characters for persons (4 letters + YYMMDD + homoclave), 12 for companies
 * (3 letters, & and Ñ allowed, + YYMMDD + homoclave), following the SAT's CFDI pattern. A wrong check
 * digit is only a warning, since about 1.5% of real RFCs fail it. The generic RFCs are valid as they
 * are (see isGenericRfc). Surrounding spaces and lowercase are accepted with an 'rfc.normalized'
 * warning. Never throws.
 */
export function checkRfc(text: string): CheckResult {
  const problems: Problem[] = [];
  const { value, changed } = normalizeIdentifierInput(text);
  if (changed) {
    problems.push({
      code: 'rfc.normalized',
      severity: 'warning',
      message: t(
        'Se quitaron espacios alrededor o se pasaron letras a mayúsculas: el RFC se escribe en mayúsculas y sin espacios.',
        'Surrounding spaces were removed or letters upper-cased: an RFC is written in capitals with no spaces.',
      ),
    });
  }
  if (GENERIC_RFCS.includes(value)) return checkResult(problems);

  const length = identifierLength(value);
  if (length !== 12 && length !== 13) {
    problems.push({
      code: 'rfc.length',
      severity: 'error',
      message: t(
        `El RFC tiene 13 caracteres para una persona física y 12 para una persona moral; el capturado tiene ${length}.`,
        `An RFC has 13 characters for a person and 12 for a company; this one has ${length}.`,
      ),
    });
    return checkResult(problems);
  }

  const chars = Array.from(value);
  const at = (i: number) => chars[i] ?? '';
  const letters = length - 9;
  const isPerson = letters === 4;

  const badName = chars.slice(0, letters).map((c, i) => (NAME_CHAR.test(c) ? -1 : i));
  const badDate = chars.slice(letters, letters + 6).map((c, i) => (DIGIT.test(c) ? -1 : letters + i));
  const bad = [...badName, ...badDate].filter((i) => i >= 0);
  if (bad.length > 0) {
    const shown = bad.map((i) => `${i + 1} (${describeIdentifierChar(at(i))})`).join(', ');
    problems.push({
      code: 'rfc.alphabet',
      severity: 'error',
      message: t(
        `Carácter no válido en la posición ${shown}. El RFC empieza con ${letters} letras (A-Z, Ñ o &) y sigue con la fecha en 6 dígitos (AAMMDD).`,
        `Invalid character at position ${shown}. The RFC starts with ${letters} letters (A-Z, Ñ or &) followed by the date in 6 digits (YYMMDD).`,
      ),
    });
  }
  const nameOk = badName.every((i) => i < 0);
  const dateOk = badDate.every((i) => i < 0);

  const word = chars.slice(0, 4).join('');
  if (isPerson && nameOk && RFC_INCONVENIENT_WORDS.has(word)) {
    problems.push({
      code: 'rfc.inconvenientWord',
      severity: 'error',
      message: t(
        `Las cuatro letras forman una palabra inconveniente (${word}); en ese caso el SAT cambia la última letra por X (${word.slice(0, 3)}X).`,
        `The four letters spell an inconvenient word (${word}); the SAT then replaces the last letter with X (${word.slice(0, 3)}X).`,
      ),
    });
  }

  if (dateOk) {
    const digits = chars.slice(letters, letters + 6).join('');
    const yy = Number(digits.slice(0, 2));
    const mm = Number(digits.slice(2, 4));
    const dd = Number(digits.slice(4, 6));
    // The century is not written; 20YY is a leap year whenever 19YY is, so it is the lenient reading.
    if (!isRealDate(2000 + yy, mm, dd)) {
      problems.push({
        code: 'rfc.date',
        severity: 'error',
        message: t(
          `La fecha del RFC (AAMMDD, nacimiento o constitución) no existe: ${digits} sería el día ${dd} del mes ${mm}.`,
          `The RFC date (YYMMDD, birth or incorporation) does not exist: ${digits} would be day ${dd} of month ${mm}.`,
        ),
      });
    }
  }

  const homoclave = chars.slice(letters + 6);
  const homoclaveOk =
    HOMOCLAVE_CHAR.test(homoclave[0] ?? '') && HOMOCLAVE_CHAR.test(homoclave[1] ?? '') && CHECK_CHAR.test(homoclave[2] ?? '');
  if (!homoclaveOk) {
    problems.push({
      code: 'rfc.homoclave',
      severity: 'error',
      message: t(
        `La homoclave (los 3 últimos caracteres: ${homoclave.map(describeIdentifierChar).join(' ')}) lleva dos letras o dígitos ` +
          `y al final el dígito verificador, que es un dígito o la letra A.`,
        `The homoclave (the last 3 characters: ${homoclave.map(describeIdentifierChar).join(' ')}) holds two letters or digits ` +
          `and ends with the check digit, which is a digit or the letter A.`,
      ),
    });
  }

  if (homoclaveOk && chars.slice(0, -1).every((c) => RFC_CHECK_ALPHABET.includes(c) && c !== ' ')) {
    const expected = rfcCheckDigit(chars.slice(0, -1).join(''));
    if (expected !== at(length - 1)) {
      problems.push({
        code: 'rfc.checkDigit',
        severity: 'warning',
        message: t(
          `El dígito verificador del RFC no coincide: debería ser ${expected}. Algunos RFC reales fallan esta prueba; ` +
            `confírmelo con la Constancia de Situación Fiscal antes de facturar.`,
          `The RFC check digit does not match: it should be ${expected}. Some real RFCs fail this test; ` +
            `confirm it against the tax certificate (Constancia de Situación Fiscal) before invoicing.`,
        ),
      });
    }
  }

  return checkResult(problems);
}
