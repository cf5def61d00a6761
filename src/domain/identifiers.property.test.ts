import fc from 'fast-check';
import { CURP_INCONVENIENT_WORDS, CURP_STATES, checkCurp, curpCheckDigit } from './curp';
import { curpFromPerson, explainCurpMismatch } from './curp-from-person';
import type { CurpPersonData } from './curp-from-person';
import { checkNss, nssCheckDigit } from './nss';
import { checkRfc, rfcCheckDigit } from './rfc';
import type { CheckResult } from './text';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

const word = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNÑOPQRSTUVWXYZÁÉÍÓÚÜáéíóúñ'), minLength: 1, maxLength: 9 });
const knownGiven = fc.constantFrom('José', 'María', 'Ma.', 'J.', 'José Luis', 'María de los Ángeles', 'Ma. del Carmen', 'Guadalupe', 'Íñigo');
const knownSurname = fc.constantFrom('de la Cruz', 'Núñez', 'Peña', 'Montes de Oca', 'Mc Gregor', 'Pueblo', 'Baca', 'Ng', 'Güémez');
const namePart = fc.oneof(word, fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' ')));

const birthArb = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Names whose four letters would spell an inconvenient word, so the X rule is exercised often. */
const inconvenientName = fc.constantFrom(...CURP_INCONVENIENT_WORDS).map((w) => ({
  first: `${w.slice(0, 2)}RRA`,
  second: `${w[2]}ORA`,
  given: `${w[3]}LBA`,
}));

const personArb: fc.Arbitrary<CurpPersonData> = fc.record({
  name: fc.oneof(
    fc.record(
      { given: fc.oneof(knownGiven, namePart), first: fc.oneof(knownSurname, namePart), second: fc.oneof(knownSurname, namePart) },
      { requiredKeys: ['given', 'first'] },
    ),
    inconvenientName,
  ),
  birth: birthArb,
  sex: fc.constantFrom('H' as const, 'M' as const, 'X' as const),
  birthState: fc.constantFrom(...Object.keys(CURP_STATES)),
});

/** A full CURP for the person, with an arbitrary differentiator of the right kind for the century. */
const curpArb = fc
  .tuple(personArb, fc.constantFrom(...DIGITS), fc.constantFrom(...UPPER))
  .map(([p, digit, letter]) => {
    const first17 = curpFromPerson(p) + (Number(p.birth.slice(0, 4)) < 2000 ? digit : letter);
    return { person: p, curp: first17 + curpCheckDigit(first17) };
  });

const nssArb = fc
  .string({ unit: fc.constantFrom(...DIGITS), minLength: 10, maxLength: 10 })
  .map((first10) => first10 + nssCheckDigit(first10));

const rfcArb = fc
  .tuple(
    fc.boolean(),
    fc.string({ unit: fc.constantFrom(...UPPER, 'Ñ', '&'), minLength: 4, maxLength: 4 }),
    fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2029-12-31T00:00:00Z'), noInvalidDate: true }),
    fc.string({ unit: fc.constantFrom(...UPPER, ...DIGITS), minLength: 2, maxLength: 2 }),
  )
  .map(([person, letters, date, homoclave]) => {
    const yymmdd = date.toISOString().slice(2, 10).replace(/-/g, '');
    const first = (person ? letters : letters.slice(1)) + yymmdd + homoclave;
    return first + rfcCheckDigit(first);
  })
  .filter((rfc) => checkRfc(rfc).problems.every((p) => p.code !== 'rfc.inconvenientWord'));

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: fc.oneof(loneSurrogate, fc.constantFrom(...UPPER, ...DIGITS, 'Ñ', '&', ' ')), maxLength: 25 }),
  fc.string({ unit: fc.constantFrom(...UPPER, ...DIGITS), minLength: 11, maxLength: 18 }),
);

/** A result is well formed: valid exactly when no error, every message present in both languages. */
function wellFormed(result: CheckResult): boolean {
  return (
    result.valid === !result.problems.some((p) => p.severity === 'error') &&
    result.problems.every((p) => p.code.length > 0 && p.message['es-MX'].length > 0 && p.message.en.length > 0)
  );
}

describe('identifier properties', () => {
  it('curpFromPerson + a differentiator + curpCheckDigit always passes checkCurp and fits the person', () => {
    fc.assert(
      fc.property(curpArb, ({ person, curp }) => {
        expect(checkCurp(curp, { today: '2099-12-31' })).toEqual({ valid: true, problems: [] });
        expect(explainCurpMismatch(curp, person)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('any other CURP check digit fails', () => {
    fc.assert(
      fc.property(curpArb, fc.integer({ min: 1, max: 9 }), ({ curp }, shift) => {
        const wrong = curp.slice(0, 17) + String((Number(curp[17]) + shift) % 10);
        const result = checkCurp(wrong);
        expect(result.valid).toBe(false);
        expect(result.problems.map((p) => p.code)).toEqual(['curp.checkDigit']);
      }),
    );
  });

  it('any other NSS check digit fails', () => {
    fc.assert(
      fc.property(nssArb, fc.integer({ min: 1, max: 9 }), (nss, shift) => {
        const wrong = nss.slice(0, 10) + String((Number(nss[10]) + shift) % 10);
        const result = checkNss(wrong);
        expect(result.valid).toBe(false);
        expect(result.problems.map((p) => p.code)).toContain('nss.checkDigit');
        expect(checkNss(nss).problems.map((p) => p.code)).not.toContain('nss.checkDigit');
      }),
    );
  });

  it('any other RFC check digit warns, and the RFC stays valid', () => {
    fc.assert(
      fc.property(rfcArb, fc.constantFrom(...DIGITS, 'A'), (rfc, other) => {
        fc.pre(other !== rfc.slice(-1));
        expect(checkRfc(rfc)).toEqual({ valid: true, problems: [] });
        const result = checkRfc(rfc.slice(0, -1) + other);
        expect(result.valid).toBe(true);
        expect(result.problems.map((p) => [p.code, p.severity])).toEqual([['rfc.checkDigit', 'warning']]);
      }),
    );
  });

  it('a valid identifier typed in lowercase with spaces around stays valid, with one warning', () => {
    fc.assert(
      fc.property(curpArb, rfcArb, fc.constantFrom(' ', '\t', '\n '), ({ curp }, rfc, space) => {
        expect(checkCurp(space + curp.toLowerCase() + space).problems.map((p) => p.code)).toEqual(['curp.normalized']);
        expect(checkRfc(space + rfc.toLowerCase() + space).problems.map((p) => p.code)).toEqual(['rfc.normalized']);
      }),
    );
  });

  it('the checks never throw and always return a well-formed result', () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.integer()), (text, year) => {
        const opts = year === null ? {} : { birthYear: year, currentYear: year };
        expect(wellFormed(checkCurp(text, { today: '2026-01-01' }))).toBe(true);
        expect(wellFormed(checkNss(text, opts))).toBe(true);
        expect(wellFormed(checkRfc(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('explainCurpMismatch never throws on arbitrary CURPs and names', () => {
    fc.assert(
      fc.property(anyText, anyText, anyText, fc.string(), (curp, given, first, birth) => {
        const problems = explainCurpMismatch(curp, { name: { given, first }, birth, sex: 'M', birthState: first.slice(0, 2) });
        expect(Array.isArray(problems)).toBe(true);
      }),
    );
  });
});
