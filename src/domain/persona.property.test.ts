import fc from 'fast-check';
import { patientShare } from './coverage';
import { CURP_STATES, checkCurp } from './curp';
import { checkNss } from './nss';
import { ageOnDate, generatePersona, type PersonaSpec } from './persona';
import { findRedFlags } from './red-flags';
import { checkRfc } from './rfc';
import type { PayerKind } from './types';

// Faker makes each persona slow-ish; 50 runs per property keep the file under a few seconds.
const RUNS = { numRuns: 50 };
// Generous per-test limit: the suite runs in parallel workers on a busy machine.
const TIMEOUT = 30_000;

const payers: PayerKind[] = ['imss', 'issste', 'imss-bienestar', 'pemex', 'sedena', 'semar', 'private', 'none'];

const specArb: fc.Arbitrary<PersonaSpec> = fc
  .record(
    {
      ages: fc.tuple(fc.integer({ min: 0, max: 98 }), fc.integer({ min: 0, max: 98 })),
      sex: fc.constantFrom('H' as const, 'M' as const, 'X' as const),
      coverage: fc.constantFrom(...payers),
      birthState: fc.constantFrom(...Object.keys(CURP_STATES)),
      today: fc.constantFrom('2026-01-15', '2024-02-29', '2030-12-31', '2019-07-01'),
    },
    { requiredKeys: ['ages'] },
  )
  .map(({ ages: [a, b], ...rest }) => ({ ...rest, age: [Math.min(a, b), Math.max(a, b)] as [number, number] }));

const seedArb = fc.integer({ min: 0, max: 0x7fffffff });
const errorsAndCheckDigit = (r: { problems: { code: string; severity: string }[] }) =>
  r.problems.filter((p) => p.severity === 'error' || p.code.endsWith('checkDigit')).map((p) => p.code);

describe('generatePersona properties', () => {
  it('always produces identifiers that pass their checkers with no check-digit warning', async () => {
    await fc.assert(
      fc.asyncProperty(seedArb, specArb, async (seed, spec) => {
        const p = await generatePersona(seed, spec);
        const today = spec.today ?? '2026-01-15';
        const age = ageOnDate(p.birth, today);
        expect(age).toBeGreaterThanOrEqual(spec.age?.[0] ?? 0);
        expect(age).toBeLessThanOrEqual(spec.age?.[1] ?? 90);

        const curp = checkCurp(p.curp ?? '', { today });
        expect(curp.valid).toBe(true);
        expect(errorsAndCheckDigit(curp)).toEqual([]);
        // Position 17 tells the century: a digit before 2000, a letter from 2000 on.
        expect(p.curp?.[16]).toMatch(p.birth < '2000-01-01' ? /^[0-9]$/ : /^[A-Z]$/);

        if (age >= 18) {
          const rfc = checkRfc(p.rfc ?? '');
          expect(rfc.valid).toBe(true);
          expect(errorsAndCheckDigit(rfc)).toEqual([]);
        } else {
          expect(p.rfc).toBeUndefined();
        }

        if (p.coverage?.kind === 'imss') {
          const birthYear = Number(p.birth.slice(0, 4));
          const currentYear = Number(today.slice(0, 4));
          const nss = checkNss(p.coverage.nss ?? '', { birthYear, currentYear });
          expect(nss.valid).toBe(true);
          expect(errorsAndCheckDigit(nss)).toEqual([]);
          // Without the birth year the two-digit reading alone must hold too.
          expect(checkNss(p.coverage.nss ?? '', { currentYear }).valid).toBe(true);
        }
      }),
      RUNS,
    );
  }, TIMEOUT);

  it('gives the same person for the same seed and spec', async () => {
    await fc.assert(
      fc.asyncProperty(seedArb, specArb, async (seed, spec) => {
        expect(await generatePersona(seed, spec)).toEqual(await generatePersona(seed, spec));
      }),
      RUNS,
    );
  }, TIMEOUT);
});

describe('patientShare properties', () => {
  const amount = fc.double({ min: 0, max: 10_000_000, noNaN: true, noDefaultInfinity: true });

  it('is never negative nor above the bill, and the parts add up', () => {
    fc.assert(
      fc.property(
        amount,
        amount,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.option(amount, { nil: undefined }),
        (bill, deductible, coinsurance, cap) => {
          const share = patientShare({ bill, deductible, coinsurance, ...(cap === undefined ? {} : { cap }) });
          const billCents = Math.round(Number((bill * 100).toPrecision(15)));
          const patientCents = Math.round(share.patient * 100);
          expect(share.patient).toBeGreaterThanOrEqual(0);
          expect(share.insurer).toBeGreaterThanOrEqual(0);
          expect(patientCents).toBeLessThanOrEqual(billCents);
          expect(patientCents + Math.round(share.insurer * 100)).toBe(billCents);
          expect(Math.round(share.deductiblePart * 100) + Math.round(share.coinsurancePart * 100)).toBe(patientCents);
        },
      ),
      { numRuns: 500 },
    );
  }, TIMEOUT);
});

describe('findRedFlags properties', () => {
  it('never throws, whatever the text and language', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', maxLength: 40 })),
        fc.constantFrom('es-MX' as const, 'en' as const, undefined),
        (text, lang) => {
          expect(Array.isArray(findRedFlags(text, lang))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  }, TIMEOUT);
});
