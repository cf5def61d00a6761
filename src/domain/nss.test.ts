import { checkNss, nssCheckDigit } from './nss';

const codes = (text: string, opts?: Parameters<typeof checkNss>[1]) => checkNss(text, opts).problems.map((p) => p.code);
/** Builds a valid NSS from its parts. */
const nss = (first10: string) => first10 + nssCheckDigit(first10);

describe('checkNss', () => {
  it('accepts the public example 72795608040', () => {
    expect(checkNss('72795608040')).toEqual({ valid: true, problems: [] });
  });

  it('accepts surrounding whitespace with a warning', () => {
    const result = checkNss(' 72795608040 ');
    expect(result.valid).toBe(true);
    expect(result.problems.map((p) => [p.code, p.severity])).toEqual([['nss.normalized', 'warning']]);
  });

  describe('length and characters', () => {
    it.each(['', '7279560804', '727956080400'])('rejects %j by length', (text) => {
      expect(codes(text)).toEqual(['nss.length']);
    });

    it('rejects a letter, even lowercase, without calling it a whitespace fix', () => {
      expect(codes('7279560804a')).toEqual(['nss.digits']);
      expect(codes('72-79560804')).toEqual(['nss.digits']);
    });

    it('rejects non-ASCII digits', () => {
      expect(codes('７2795608040')).toEqual(['nss.digits']);
    });
  });

  describe('check digit', () => {
    it('rejects every other last digit and tells the right one', () => {
      for (let d = 1; d <= 9; d++) {
        const result = checkNss(`7279560804${d}`);
        expect(result.valid).toBe(false);
        expect(result.problems.map((p) => p.code)).toEqual(['nss.checkDigit']);
        expect(result.problems[0]?.message['es-MX']).toContain('debería ser 0');
      }
    });

    it('sums the digits of products of 10 or more', () => {
      // 9 in a weight-2 place gives 18, which counts as 1 + 8 = 9.
      expect(nssCheckDigit('0900000000')).toBe('1');
      expect(nssCheckDigit('0500000000')).toBe('9');
      expect(nssCheckDigit('1000000000')).toBe('9');
    });

    it('throws on input that is not 10 digits', () => {
      expect(() => nssCheckDigit('123')).toThrow(RangeError);
      expect(() => nssCheckDigit('12345678a0')).toThrow(RangeError);
    });
  });

  describe('registration year against birth year', () => {
    it('rejects a registration before birth (alta 1995, born 2005)', () => {
      expect(codes(nss('1295051234'))).toEqual(['nss.registrationBeforeBirth']);
    });

    it('reads two-digit years around the pivot: alta 2005, born 1956 is fine', () => {
      expect(codes(nss('1205561234'))).toEqual([]);
    });

    it('uses the current year as the pivot', () => {
      // alta 30: 1930 with pivot 2026, so before a 1956 birth; 2030 with pivot 2035.
      expect(codes(nss('1230561234'))).toEqual(['nss.registrationBeforeBirth']);
      expect(codes(nss('1230561234'), { currentYear: 2035 })).toEqual([]);
    });

    it('uses a known birth year, and warns when the NSS says another', () => {
      expect(codes(nss('1250561234'), { birthYear: 1956 })).toEqual(['nss.registrationBeforeBirth']);
      expect(codes(nss('1279561234'), { birthYear: 1956 })).toEqual([]);
      const result = checkNss(nss('1279561234'), { birthYear: 1957 });
      expect(result.valid).toBe(true);
      expect(result.problems.map((p) => [p.code, p.severity])).toEqual([['nss.birthYearMismatch', 'warning']]);
    });

    it('exempts subdelegación 97, whose numbers carry no birth year', () => {
      expect(codes(nss('9795051234'))).toEqual([]);
      expect(codes(nss('9779561234'), { birthYear: 1990 })).toEqual([]);
    });
  });
});
