import { CURP_INCONVENIENT_WORDS, normalizeIdentifierInput } from './curp';
import { t } from './text';
import type { Problem } from './text';
import type { IsoDate, PersonName, Sex } from './types';

/** The person data the first 16 characters of a CURP are built from. */
export interface CurpPersonData {
  name: PersonName;
  birth: IsoDate;
  sex: Sex;
  /** Two-letter CURP state code, NE for born abroad. */
  birthState: string;
}

/** Words dropped from compound names and surnames (DE LA CRUZ -> CRUZ). */
export const CURP_NAME_PARTICLES: ReadonlySet<string> = new Set(
  'DA DAS DE DEL DER DI DIE DD EL LA LOS LAS LE LES MAC MC VAN VON Y'.split(' '),
);

/** First given names skipped when another name follows (MARÍA GUADALUPE -> G). */
export const CURP_SKIPPED_GIVEN_NAMES: ReadonlySet<string> = new Set(['JOSE', 'J', 'J.', 'MARIA', 'MA', 'MA.']);

const VOWELS = 'AEIOU';

/** Upper-cases, removes accents (keeping Ñ) and splits into words; keeps dots so MA. and J. are recognised. */
function words(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .normalize('NFC')
    .toUpperCase()
    .split(/[\s\-/]+/)
    .map((w) =>
      Array.from(w)
        .map((c) => (c === 'Ñ' ? c : c.normalize('NFD').replace(/[\u0300-\u036f]/g, '')))
        .join('')
        .replace(/[^A-ZÑ.]/g, ''),
    )
    .filter((w) => w.replace(/\./g, '') !== '');
}

const stripDots = (w: string) => w.replace(/\./g, '');

/** The word of a surname that counts: the first one that is not a particle. */
function surnameWord(text: string | undefined): string {
  const ws = words(text).map(stripDots);
  return ws.find((w) => !CURP_NAME_PARTICLES.has(w)) ?? ws[0] ?? '';
}

/** The given name that counts: José/María (and their abbreviations) give way to a following name. */
function givenWord(text: string | undefined): string {
  const ws = words(text).filter((w) => !CURP_NAME_PARTICLES.has(stripDots(w)));
  const first = ws[0];
  const chosen = first !== undefined && ws.length > 1 && CURP_SKIPPED_GIVEN_NAMES.has(first) ? ws[1] : first;
  return stripDots(chosen ?? '');
}

const letter = (c: string | undefined): string => (c === undefined || c === '' ? 'X' : c === 'Ñ' ? 'X' : c);

function innerVowel(w: string): string {
  const found = Array.from(w).slice(1).find((c) => VOWELS.includes(c));
  return found ?? 'X';
}

function innerConsonant(w: string): string {
  const found = Array.from(w)
    .slice(1)
    .find((c) => !VOWELS.includes(c));
  return letter(found);
}

/** The parts of the expected CURP that come from the person; date is null when birth is not YYYY-MM-DD. */
interface CurpSegments {
  nameLetters: string;
  date: string | null;
  sex: string;
  state: string;
  consonants: string;
  /** Birth year, to tell whether position 17 should be a digit or a letter. */
  year: number | null;
}

function curpSegments(p: CurpPersonData): CurpSegments {
  const first = surnameWord(p.name.first);
  const second = surnameWord(p.name.second);
  const given = givenWord(p.name.given);
  let nameLetters = `${letter(first[0])}${innerVowel(first)}${letter(second[0])}${letter(given[0])}`;
  if (CURP_INCONVENIENT_WORDS.has(nameLetters)) nameLetters = `${nameLetters[0]}X${nameLetters.slice(2)}`;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(p.birth);
  return {
    nameLetters,
    date: m ? `${(m[1] ?? '').slice(2)}${m[2]}${m[3]}` : null,
    sex: p.sex,
    state: p.birthState.toUpperCase(),
    consonants: `${innerConsonant(first)}${innerConsonant(second)}${innerConsonant(given)}`,
    year: m ? Number(m[1]) : null,
  };
}

/**
 * The first 16 characters of the CURP that RENAPO's rules give for this person (name letters, birth
 * date, sex, state, inner consonants). It is used to EXPLAIN a mismatch to the trainee, never to
 * invent a CURP: NOM-024 says systems must not generate one, and the differentiator and homonym
 * handling are RENAPO's alone. Throws RangeError when birth is not a YYYY-MM-DD date.
 */
export function curpFromPerson(p: CurpPersonData): string {
  const s = curpSegments(p);
  if (s.date === null) throw new RangeError('curpFromPerson: birth must be YYYY-MM-DD');
  return `${s.nameLetters}${s.date}${s.sex}${s.state}${s.consonants}`;
}

const NAME_LETTER_RULES = [
  t('inicial del primer apellido (Ñ se escribe X)', 'first letter of the first surname (Ñ is written X)'),
  t('primera vocal interna del primer apellido (X si no hay)', 'first inner vowel of the first surname (X if none)'),
  t('inicial del segundo apellido (X si no tiene)', 'first letter of the second surname (X if none)'),
  t(
    'inicial del nombre (si el primero es José o María y hay otro, se usa el otro)',
    'first letter of the given name (if it is José or María followed by another name, the other one)',
  ),
];

const CONSONANT_RULES = [
  t('primera consonante interna del primer apellido', 'first inner consonant of the first surname'),
  t('primera consonante interna del segundo apellido (X si no tiene)', 'first inner consonant of the second surname (X if none)'),
  t('primera consonante interna del nombre', 'first inner consonant of the given name'),
];

function differingPositions(actual: string[], expected: string, offset: number): number[] {
  return Array.from(expected)
    .map((c, i) => (actual[offset + i] === c ? -1 : i))
    .filter((i) => i >= 0);
}

/**
 * Lists which segments of a CURP do not agree with the person's data (name letters, birth date, sex,
 * state, inner consonants, and the century told by position 17), each with the rule that builds it.
 * An empty list means the CURP fits the person. Never throws.
 */
export function explainCurpMismatch(curp: string, p: CurpPersonData): Problem[] {
  const actual = Array.from(normalizeIdentifierInput(curp).value.slice(0, 64));
  const segment = (from: number, to: number) => actual.slice(from, to).join('');
  const s = curpSegments(p);
  const problems: Problem[] = [];

  const nameDiff = differingPositions(actual, s.nameLetters, 0);
  if (nameDiff.length > 0) {
    const rulesEs = nameDiff.map((i) => `${i + 1}: ${NAME_LETTER_RULES[i]?.['es-MX'] ?? ''}`).join('; ');
    const rulesEn = nameDiff.map((i) => `${i + 1}: ${NAME_LETTER_RULES[i]?.en ?? ''}`).join('; ');
    const inconvenient = s.nameLetters[1] === 'X' && CURP_INCONVENIENT_WORDS.has(`${s.nameLetters[0]}${innerVowelOf(p)}${s.nameLetters.slice(2)}`);
    problems.push({
      code: 'curp.mismatch.nameLetters',
      severity: 'error',
      message: t(
        `Las letras del nombre (posiciones 1-4) deberían ser ${s.nameLetters} según el nombre de la persona; la CURP dice «${segment(0, 4)}». ` +
          `Revise la posición ${rulesEs}.` +
          (inconvenient ? ' La segunda letra es X porque las cuatro letras formarían una palabra inconveniente.' : ''),
        `The name letters (positions 1-4) should be ${s.nameLetters} from the person's name; the CURP says "${segment(0, 4)}". ` +
          `Check position ${rulesEn}.` +
          (inconvenient ? ' The second letter is X because the four letters would spell an inconvenient word.' : ''),
      ),
    });
  }

  if (s.date !== null && segment(4, 10) !== s.date) {
    problems.push({
      code: 'curp.mismatch.birthDate',
      severity: 'error',
      message: t(
        `La fecha (posiciones 5-10, AAMMDD) debería ser ${s.date} por el nacimiento el ${p.birth}; la CURP dice «${segment(4, 10)}».`,
        `The date (positions 5-10, YYMMDD) should be ${s.date} for a birth on ${p.birth}; the CURP says "${segment(4, 10)}".`,
      ),
    });
  }

  if (segment(10, 11) !== s.sex) {
    problems.push({
      code: 'curp.mismatch.sex',
      severity: 'error',
      message: t(
        `El sexo (posición 11) debería ser ${s.sex}; la CURP dice «${segment(10, 11)}».`,
        `The sex (position 11) should be ${s.sex}; the CURP says "${segment(10, 11)}".`,
      ),
    });
  }

  if (segment(11, 13) !== s.state) {
    problems.push({
      code: 'curp.mismatch.state',
      severity: 'error',
      message: t(
        `La entidad de nacimiento (posiciones 12-13) debería ser ${s.state}; la CURP dice «${segment(11, 13)}».`,
        `The state of birth (positions 12-13) should be ${s.state}; the CURP says "${segment(11, 13)}".`,
      ),
    });
  }

  const consonantDiff = differingPositions(actual, s.consonants, 13);
  if (consonantDiff.length > 0) {
    const rulesEs = consonantDiff.map((i) => `${i + 14}: ${CONSONANT_RULES[i]?.['es-MX'] ?? ''}`).join('; ');
    const rulesEn = consonantDiff.map((i) => `${i + 14}: ${CONSONANT_RULES[i]?.en ?? ''}`).join('; ');
    problems.push({
      code: 'curp.mismatch.consonants',
      severity: 'error',
      message: t(
        `Las consonantes internas (posiciones 14-16) deberían ser ${s.consonants}; la CURP dice «${segment(13, 16)}». Revise la posición ${rulesEs}.`,
        `The inner consonants (positions 14-16) should be ${s.consonants}; the CURP says "${segment(13, 16)}". Check position ${rulesEn}.`,
      ),
    });
  }

  const differentiator = actual[16];
  if (s.year !== null && differentiator !== undefined && /^[0-9A-Z]$/.test(differentiator)) {
    const isDigit = /^[0-9]$/.test(differentiator);
    if (isDigit !== s.year < 2000) {
      problems.push({
        code: 'curp.mismatch.century',
        severity: 'error',
        message: t(
          `La posición 17 debería ser ${s.year < 2000 ? 'un dígito (nacimiento antes de 2000)' : 'una letra (nacimiento desde 2000)'}; la CURP dice «${differentiator}».`,
          `Position 17 should be ${s.year < 2000 ? 'a digit (born before 2000)' : 'a letter (born in 2000 or later)'}; the CURP says "${differentiator}".`,
        ),
      });
    }
  }

  return problems;
}

/** The unreplaced second letter, to tell the trainee when the X comes from the inconvenient-word rule. */
function innerVowelOf(p: CurpPersonData): string {
  return innerVowel(surnameWord(p.name.first));
}
