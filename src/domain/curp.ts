import { checkResult, t } from './text';
import type { CheckResult, Problem } from './text';
import type { IsoDate } from './types';

/** CURP birth-state codes (RENAPO catalogue) with the state's name; NE means born abroad. */
export const CURP_STATES: Record<string, string> = {
  AS: 'Aguascalientes',
  BC: 'Baja California',
  BS: 'Baja California Sur',
  CC: 'Campeche',
  CL: 'Coahuila',
  CM: 'Colima',
  CS: 'Chiapas',
  CH: 'Chihuahua',
  DF: 'Ciudad de México',
  DG: 'Durango',
  GT: 'Guanajuato',
  GR: 'Guerrero',
  HG: 'Hidalgo',
  JC: 'Jalisco',
  MC: 'Estado de México',
  MN: 'Michoacán',
  MS: 'Morelos',
  NT: 'Nayarit',
  NL: 'Nuevo León',
  OC: 'Oaxaca',
  PL: 'Puebla',
  QT: 'Querétaro',
  QR: 'Quintana Roo',
  SP: 'San Luis Potosí',
  SL: 'Sinaloa',
  SR: 'Sonora',
  TC: 'Tabasco',
  TS: 'Tamaulipas',
  TL: 'Tlaxcala',
  VZ: 'Veracruz',
  YN: 'Yucatán',
  ZS: 'Zacatecas',
  NE: 'Nacido en el extranjero',
};

/** Whether a two-letter code is in the CURP state catalogue (own keys only, so "__proto__" is not a state). */
export const isCurpState = (code: string): boolean => Object.hasOwn(CURP_STATES, code);

/**
 * RENAPO's list of inconvenient words (Anexo 2, as published by python-stdnum): when positions 1-4
 * would spell one of them, the second letter is replaced by X, so a real CURP never starts with one.
 */
export const CURP_INCONVENIENT_WORDS: ReadonlySet<string> = new Set(
  `BACA BAKA BUEI BUEY CACA CACO CAGA CAGO CAKA CAKO COGE COGI COJA COJE COJI COJO COLA CULO FALO FETO
   GETA GUEI GUEY JETA JOTO KACA KACO KAGA KAGO KAKA KAKO KOGE KOGI KOJA KOJE KOJI KOJO KOLA KULO LILO
   LOCA LOCO LOKA LOKO MAME MAMO MEAR MEAS MEON MIAR MION MOCO MOKO MULA MULO NACA NACO PEDA PEDO PENE
   PIPI PITO POPO PUTA PUTO QULO RATA ROBA ROBE ROBO RUIN SENO TETA VACA VAGA VAGO VAKA VUEI VUEY WUEI
   WUEY`.split(/\s+/),
);

/** Check-digit alphabet: a character's value is its index (Ñ sits after N). */
export const CURP_CHECK_ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';

/** Computes the CURP check digit (position 18) from the first 17 characters; throws RangeError on bad input. */
export function curpCheckDigit(first17: string): string {
  const chars = Array.from(first17);
  if (chars.length !== 17) throw new RangeError(`curpCheckDigit expects 17 characters, got ${chars.length}`);
  let sum = 0;
  chars.forEach((c, i) => {
    const value = CURP_CHECK_ALPHABET.indexOf(c);
    if (value < 0) throw new RangeError(`curpCheckDigit: character outside the CURP alphabet at position ${i + 1}`);
    sum += value * (18 - i);
  });
  return String((10 - (sum % 10)) % 10);
}

/** Options of checkCurp. */
export interface CheckCurpOptions {
  /**
   * The simulated "today". When given, a letter differentiator (born 2000 or later) that puts the
   * birth date in the future is reported as 'curp.century'. Without it the check cannot know.
   */
  today?: IsoDate;
}

// Longer inputs are not worth normalising: they are reported as a wrong length straight away.
const MAX_INSPECTED = 256;

const LETTER = /^[A-Z]$/;
const DIGIT = /^[0-9]$/;
const VOWEL_OR_X = /^[AEIOUX]$/;
const CONSONANT = /^[B-DF-HJ-NP-TV-Z]$/;

type PositionClass = 'letter' | 'digit' | 'letterOrDigit';
const POSITION_CLASSES: readonly PositionClass[] = [
  ...Array<PositionClass>(4).fill('letter'),
  ...Array<PositionClass>(6).fill('digit'),
  ...Array<PositionClass>(6).fill('letter'),
  'letterOrDigit',
  'digit',
];

const fitsClass = (c: string, cls: PositionClass): boolean =>
  cls === 'letter' ? LETTER.test(c) : cls === 'digit' ? DIGIT.test(c) : LETTER.test(c) || DIGIT.test(c);

/** Shows a character in a message; invisible or exotic ones as U+XXXX so the message stays readable. */
export function describeIdentifierChar(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  if (cp > 0x20 && cp < 0x7f) return `«${c}»`;
  if (cp >= 0xa1 && cp <= 0x24f) return `«${c}»`;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Length in code points, counted without building an array (inputs can be huge). */
export function identifierLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * Normalises typed input the way a form would: Unicode NFC, surrounding whitespace removed and ASCII
 * lowercase (plus ñ) upper-cased. Only those two changes count as "changed"; inner spaces are kept so
 * the checks report them.
 */
export function normalizeIdentifierInput(text: string): { value: string; changed: boolean } {
  if (text.length > MAX_INSPECTED) return { value: text, changed: false };
  const nfc = text.normalize('NFC');
  const value = nfc.trim().replace(/[a-zñ]/g, (c) => c.toUpperCase());
  return { value, changed: value !== nfc };
}

const positionsList = (ps: ReadonlyArray<number | string>): string => ps.join(', ');

/** Proleptic Gregorian date check. */
function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Checks a CURP against RENAPO's published construction rules and check digit.
 *
 * Input policy: surrounding whitespace and lowercase letters are accepted, with a 'curp.normalized'
 * warning, because forms normalise them and the key is still unambiguous; anything else (inner spaces,
 * dashes, accented letters, Ñ) is an error, because a CURP never contains it. The checks never throw.
 */
export function checkCurp(text: string, opts: CheckCurpOptions = {}): CheckResult {
  const problems: Problem[] = [];
  const { value, changed } = normalizeIdentifierInput(text);
  if (changed) {
    problems.push({
      code: 'curp.normalized',
      severity: 'warning',
      message: t(
        'Se quitaron espacios alrededor o se pasaron letras a mayúsculas: la CURP se escribe en mayúsculas y sin espacios.',
        'Surrounding spaces were removed or letters upper-cased: a CURP is written in capitals with no spaces.',
      ),
    });
  }

  const length = identifierLength(value);
  if (length !== 18) {
    problems.push({
      code: 'curp.length',
      severity: 'error',
      message: t(
        `La CURP tiene 18 caracteres; la capturada tiene ${length}.`,
        `A CURP has 18 characters; this one has ${length}.`,
      ),
    });
    return checkResult(problems);
  }

  const chars = Array.from(value);
  const at = (i: number): string => chars[i] ?? '';
  const badPositions: number[] = [];
  chars.forEach((c, i) => {
    if (!fitsClass(c, POSITION_CLASSES[i] ?? 'digit')) badPositions.push(i);
  });
  const ok = (from: number, to: number): boolean => badPositions.every((p) => p < from || p >= to);

  if (badPositions.length > 0) {
    const shown = badPositions.map((p) => `${p + 1} (${describeIdentifierChar(at(p))})`);
    const hasEnye = badPositions.some((p) => at(p) === 'Ñ');
    problems.push({
      code: 'curp.alphabet',
      severity: 'error',
      message: t(
        `Carácter no válido en la posición ${positionsList(shown)}. La CURP lleva letras A-Z en las posiciones 1-4 y 11-16, ` +
          `dígitos en 5-10 (la fecha) y en la 18, y una letra o un dígito en la 17.` +
          (hasEnye ? ' La Ñ se escribe X en la CURP.' : ''),
        `Invalid character at position ${positionsList(shown)}. A CURP has letters A-Z in positions 1-4 and 11-16, ` +
          `digits in 5-10 (the date) and in 18, and a letter or a digit in 17.` +
          (hasEnye ? ' Ñ is written as X in a CURP.' : ''),
      ),
    });
  }

  if (ok(1, 2) && !VOWEL_OR_X.test(at(1))) {
    problems.push({
      code: 'curp.vowel',
      severity: 'error',
      message: t(
        `La posición 2 es la primera vocal interna del primer apellido (o X): ${describeIdentifierChar(at(1))} no es vocal.`,
        `Position 2 is the first inner vowel of the first surname (or X): ${describeIdentifierChar(at(1))} is not a vowel.`,
      ),
    });
  }

  const word = chars.slice(0, 4).join('');
  if (ok(0, 4) && CURP_INCONVENIENT_WORDS.has(word)) {
    const replaced = `${at(0)}X${at(2)}${at(3)}`;
    problems.push({
      code: 'curp.inconvenientWord',
      severity: 'error',
      message: t(
        `Las primeras cuatro letras forman una palabra inconveniente de la lista oficial (${word}); ` +
          `en ese caso RENAPO cambia la segunda letra por X (${replaced}).`,
        `The first four letters spell a word on the official inconvenient-words list (${word}); ` +
          `RENAPO then replaces the second letter with X (${replaced}).`,
      ),
    });
  }

  const yy = Number(chars.slice(4, 6).join(''));
  const mm = Number(chars.slice(6, 8).join(''));
  const dd = Number(chars.slice(8, 10).join(''));
  const differentiator = at(16);
  const centuryKnown = ok(16, 17);
  // Without a readable differentiator the later century is used: it is the lenient one for 29 February.
  const year = (centuryKnown && DIGIT.test(differentiator) ? 1900 : 2000) + yy;
  if (ok(4, 10) && !isRealDate(year, mm, dd)) {
    const yymmdd = chars.slice(4, 10).join('');
    problems.push({
      code: 'curp.date',
      severity: 'error',
      message: t(
        `La fecha de nacimiento (posiciones 5-10, AAMMDD) no existe: ${yymmdd} sería el día ${dd} del mes ${mm} de ${year}.`,
        `The birth date (positions 5-10, YYMMDD) does not exist: ${yymmdd} would be day ${dd} of month ${mm} of ${year}.`,
      ),
    });
  } else if (ok(4, 10) && centuryKnown && LETTER.test(differentiator) && opts.today !== undefined) {
    const birth = `${year}-${pad2(mm)}-${pad2(dd)}`;
    if (/^\d{4}-\d{2}-\d{2}$/.test(opts.today) && birth > opts.today) {
      problems.push({
        code: 'curp.century',
        severity: 'error',
        message: t(
          `La posición 17 es una letra, que indica nacimiento a partir del año 2000, pero así la fecha sería ${birth}, en el futuro. ` +
            `Para quien nació antes de 2000 la posición 17 es un dígito.`,
          `Position 17 is a letter, meaning born in 2000 or later, but then the birth date would be ${birth}, in the future. ` +
            `For people born before 2000 position 17 is a digit.`,
        ),
      });
    }
  }

  if (ok(10, 11) && !['H', 'M', 'X'].includes(at(10))) {
    problems.push({
      code: 'curp.sex',
      severity: 'error',
      message: t(
        `La posición 11 es el sexo: H (hombre), M (mujer) o X (no binario); ${describeIdentifierChar(at(10))} no es válido.`,
        `Position 11 is the sex: H (man), M (woman) or X (non-binary); ${describeIdentifierChar(at(10))} is not valid.`,
      ),
    });
  }

  const state = chars.slice(11, 13).join('');
  if (ok(11, 13) && !isCurpState(state)) {
    problems.push({
      code: 'curp.state',
      severity: 'error',
      message: t(
        `Las posiciones 12-13 son la entidad de nacimiento: «${state}» no está en el catálogo (NE para nacidos en el extranjero).`,
        `Positions 12-13 are the state of birth: "${state}" is not in the catalogue (NE for people born abroad).`,
      ),
    });
  }

  const vowelsInConsonants = [13, 14, 15].filter((i) => ok(i, i + 1) && !CONSONANT.test(at(i)));
  if (vowelsInConsonants.length > 0) {
    const shown = positionsList(vowelsInConsonants.map((i) => `${i + 1} (${describeIdentifierChar(at(i))})`));
    problems.push({
      code: 'curp.consonants',
      severity: 'error',
      message: t(
        `Las posiciones 14-16 son las primeras consonantes internas del primer apellido, del segundo y del nombre (X si no hay); ` +
          `en la posición ${shown} hay una vocal.`,
        `Positions 14-16 are the first inner consonants of the first surname, the second surname and the given name (X if none); ` +
          `position ${shown} holds a vowel.`,
      ),
    });
  }

  const first17 = chars.slice(0, 17);
  if (first17.every((c) => CURP_CHECK_ALPHABET.includes(c)) && DIGIT.test(at(17))) {
    const expected = curpCheckDigit(first17.join(''));
    if (expected !== at(17)) {
      problems.push({
        code: 'curp.checkDigit',
        severity: 'error',
        message: t(
          `El dígito verificador de la CURP no coincide: debería ser ${expected}. Revise que cada carácter esté bien capturado.`,
          `The CURP check digit does not match: it should be ${expected}. Check that every character was typed correctly.`,
        ),
      });
    }
  }

  return checkResult(problems);
}
