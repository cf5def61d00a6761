import { GENERIC_RFCS, checkRfc, isGenericRfc, rfcCheckDigit } from './rfc';

const codes = (text: string) => checkRfc(text).problems.map((p) => p.code);

describe('checkRfc', () => {
  it.each(['GODE561231GR8', 'MAB9307148T4', 'EKU9003173C9'])('accepts the public example %s with no problems', (rfc) => {
    expect(checkRfc(rfc)).toEqual({ valid: true, problems: [] });
  });

  it('accepts the generic RFCs as they are, with no problems', () => {
    for (const rfc of GENERIC_RFCS) expect(checkRfc(rfc)).toEqual({ valid: true, problems: [] });
  });

  it('accepts lowercase and surrounding spaces with a warning', () => {
    const result = checkRfc(' gode561231gr8 ');
    expect(result.valid).toBe(true);
    expect(result.problems.map((p) => [p.code, p.severity])).toEqual([['rfc.normalized', 'warning']]);
  });

  describe('check digit', () => {
    it('warns, without invalidating, when the check digit is wrong', () => {
      const result = checkRfc('GODE561231GR9');
      expect(result.valid).toBe(true);
      expect(result.problems.map((p) => [p.code, p.severity])).toEqual([['rfc.checkDigit', 'warning']]);
      expect(result.problems[0]?.message['es-MX']).toContain('debería ser 8');
    });

    it('computes the public examples, padding companies to 12 with a space', () => {
      expect(rfcCheckDigit('GODE561231GR')).toBe('8');
      expect(rfcCheckDigit('MAB9307148T')).toBe('4');
      expect(rfcCheckDigit('EKU9003173C')).toBe('9');
    });

    it('gives A when 11 - r is 10 and 0 when r is 0', () => {
      // Find a person prefix for each special case by varying the homoclave.
      const digits = new Set<string>();
      for (const a of '123456789ABCDEFGHIJKLMNPQRSTUVWXYZ') {
        for (const b of '123456789') digits.add(rfcCheckDigit(`GODE561231${a}${b}`));
      }
      expect(digits).toContain('A');
      expect(digits).toContain('0');
      expect([...digits].every((d) => /^[0-9A]$/.test(d))).toBe(true);
    });

    it('uses & and Ñ with their own values', () => {
      // ' '=37, &=24, Ñ=38: sums 1241 (r=9 -> 2) and 1409 (r=1 -> 10 -> A), worked by hand.
      expect(rfcCheckDigit('&AB9307148T')).toBe('2');
      expect(rfcCheckDigit('ÑAB9307148T')).toBe('A');
      expect(checkRfc('&AB9307148T2')).toEqual({ valid: true, problems: [] });
      expect(checkRfc(`PEÑA800101AB${rfcCheckDigit('PEÑA800101AB')}`)).toEqual({ valid: true, problems: [] });
    });

    it('throws on the wrong length', () => {
      expect(() => rfcCheckDigit('GODE561231')).toThrow(RangeError);
      expect(() => rfcCheckDigit('GODE561231G*')).toThrow(RangeError);
    });
  });

  describe('structure', () => {
    it.each(['', 'GODE561231', 'GODE561231GR8X', 'MAB930714'])('rejects %j by length', (text) => {
      expect(codes(text)).toEqual(['rfc.length']);
    });

    it('rejects a digit among the name letters and a letter in the date', () => {
      expect(codes('G0DE561231GR8')).toContain('rfc.alphabet');
      expect(codes('GODE5612E1GR8')).toContain('rfc.alphabet');
      expect(checkRfc('GODE5612E1GR8').valid).toBe(false);
    });

    it('does not take & as a date digit in a company RFC', () => {
      expect(codes('MAB93071&8T4')).toContain('rfc.alphabet');
    });

    it('rejects an impossible date', () => {
      expect(codes(`GODE560231GR${rfcCheckDigit('GODE560231GR')}`)).toEqual(['rfc.date']);
      expect(codes(`MAB931314${'8T'}${rfcCheckDigit('MAB9313148T')}`)).toEqual(['rfc.date']);
    });

    it('accepts 29 February of a year ending in 00 (2000 was a leap year)', () => {
      expect(codes(`GODE000229GR${rfcCheckDigit('GODE000229GR')}`)).toEqual([]);
    });

    it('rejects a homoclave character outside its alphabet', () => {
      expect(codes('GODE561231G-8')).toEqual(['rfc.homoclave']);
      expect(codes('GODE561231GRZ')).toEqual(['rfc.homoclave']);
      expect(codes('GODE561231ÑR8')).toEqual(['rfc.homoclave']);
    });

    it('rejects an inconvenient word for a person', () => {
      expect(codes(`PUTO561231GR${rfcCheckDigit('PUTO561231GR')}`)).toEqual(['rfc.inconvenientWord']);
    });
  });
});

describe('isGenericRfc', () => {
  it('recognises the two generic RFCs, also in lowercase', () => {
    expect(isGenericRfc('XAXX010101000')).toBe(true);
    expect(isGenericRfc(' xexx010101000')).toBe(true);
    expect(isGenericRfc('GODE561231GR8')).toBe(false);
    expect(isGenericRfc('XAXX010101001')).toBe(false);
  });
});
