import { CURP_INCONVENIENT_WORDS, CURP_STATES, checkCurp, curpCheckDigit, isCurpState } from './curp';

const codes = (text: string, opts?: Parameters<typeof checkCurp>[1]) => checkCurp(text, opts).problems.map((p) => p.code);

describe('checkCurp', () => {
  describe('when given the public examples', () => {
    it.each(['HEGG560427MVZRRL04', 'BEML920313HMCLNS09', 'PEGL890909MJCRMS08', 'BOXW310820HNERXN09'])(
      'accepts %s with no problems',
      (curp) => {
        expect(checkCurp(curp)).toEqual({ valid: true, problems: [] });
      },
    );
  });

  describe('when the input needs normalising', () => {
    it('accepts surrounding whitespace and lowercase with a warning', () => {
      const result = checkCurp('  pegl890909mjcrms08\n');
      expect(result.valid).toBe(true);
      expect(result.problems.map((p) => [p.code, p.severity])).toEqual([['curp.normalized', 'warning']]);
    });

    it('composes a decomposed Ñ (N + U+0303) silently, then reports it as a Ñ', () => {
      const result = checkCurp('N\u0303EGL890909MJCRMS08');
      expect(result.problems.map((p) => p.code)).not.toContain('curp.normalized');
      expect(result.problems.find((p) => p.code === 'curp.alphabet')?.message.en).toContain('1 («Ñ»)');
    });

    it('rejects inner spaces', () => {
      expect(codes('PEGL 890909MJCRMS08')).toEqual(['curp.length']);
      expect(codes('PEGL 90909MJCRMS08')).toContain('curp.alphabet');
    });
  });

  describe('length', () => {
    it.each(['', 'PEGL890909MJCRMS0', 'PEGL890909MJCRMS080'])('rejects %j', (text) => {
      expect(codes(text)).toEqual(['curp.length']);
      expect(checkCurp(text).valid).toBe(false);
    });

    it('counts code points, not UTF-16 units, and says how many there are', () => {
      const result = checkCurp('PEGL890909MJCRMS0😀');
      expect(result.problems[0]?.code).not.toBe('curp.length');
      expect(checkCurp('PEGL').problems[0]?.message['es-MX']).toContain('tiene 4');
    });

    it('handles a huge input without inspecting it', () => {
      const result = checkCurp('A'.repeat(1_000_000));
      expect(result.problems.map((p) => p.code)).toEqual(['curp.length']);
      expect(result.problems[0]?.message.en).toContain('1000000');
    });
  });

  describe('alphabet', () => {
    it('rejects a letter in the date', () => {
      expect(codes('PEGL89O909MJCRMS08')).toContain('curp.alphabet');
    });

    it('rejects a digit among the name letters', () => {
      expect(codes('P3GL890909MJCRMS08')).toContain('curp.alphabet');
    });

    it('rejects Ñ and explains that it is written X', () => {
      const result = checkCurp('ÑEGL890909MJCRMS08');
      expect(result.valid).toBe(false);
      const problem = result.problems.find((p) => p.code === 'curp.alphabet');
      expect(problem?.message['es-MX']).toContain('La Ñ se escribe X');
      expect(problem?.message.en).toContain('Ñ is written as X');
    });

    it('names the position and shows invisible characters as code points', () => {
      const problem = checkCurp('PEGL890909MJCRMS\u200b8').problems.find((p) => p.code === 'curp.alphabet');
      expect(problem?.message.en).toContain('17 (U+200B)');
    });

    it('rejects a letter as the check digit', () => {
      expect(codes('PEGL890909MJCRMS0A')).toEqual(['curp.alphabet']);
    });
  });

  describe('name letters', () => {
    it('requires a vowel or X in position 2', () => {
      expect(codes('PBGL890909MJCRMS0' + curpCheckDigit('PBGL890909MJCRMS0'))).toEqual(['curp.vowel']);
      expect(codes('PXGL890909MJCRMS0' + curpCheckDigit('PXGL890909MJCRMS0'))).toEqual([]);
    });

    it('rejects an inconvenient word and shows the replaced form', () => {
      const result = checkCurp('BACA890909MJCRMS05');
      expect(result.problems.map((p) => p.code)).toEqual(['curp.inconvenientWord']);
      expect(result.problems[0]?.message['es-MX']).toContain('BXCA');
    });

    it('has the official list of 81 words', () => {
      expect(CURP_INCONVENIENT_WORDS.size).toBe(81);
      for (const w of ['BUEY', 'CULO', 'PUTO', 'RUIN', 'WUEY']) expect(CURP_INCONVENIENT_WORDS.has(w)).toBe(true);
    });
  });

  describe('birth date', () => {
    it('rejects month 13', () => {
      expect(codes('PEGL891309MJCRMS0' + curpCheckDigit('PEGL891309MJCRMS0'))).toEqual(['curp.date']);
    });

    it('rejects 30 February', () => {
      const first17 = 'PEGL020230MJCRMSA';
      const result = checkCurp(first17 + curpCheckDigit(first17));
      expect(result.problems.map((p) => p.code)).toEqual(['curp.date']);
      expect(result.problems[0]?.message.en).toContain('day 30 of month 2 of 2002');
    });

    it('takes the century from position 17: 29 Feb 1900 does not exist, 29 Feb 2000 does', () => {
      expect(codes('PEGL000229MJCRMS0' + curpCheckDigit('PEGL000229MJCRMS0'))).toEqual(['curp.date']);
      expect(codes('PEGL000229MJCRMSA' + curpCheckDigit('PEGL000229MJCRMSA'))).toEqual([]);
    });

    it('rejects day 00', () => {
      expect(codes('PEGL890900MJCRMS0' + curpCheckDigit('PEGL890900MJCRMS0'))).toEqual(['curp.date']);
    });
  });

  describe('century (position 17)', () => {
    it('rejects a letter differentiator that puts the birth in the future', () => {
      const first17 = 'PEGL890909MJCRMSA';
      const curp = first17 + curpCheckDigit(first17);
      expect(codes(curp, { today: '2026-03-01' })).toEqual(['curp.century']);
    });

    it('accepts a letter differentiator for a birth in the past', () => {
      const first17 = 'PEGL050909MJCRMSA';
      expect(codes(first17 + curpCheckDigit(first17), { today: '2026-03-01' })).toEqual([]);
    });

    it('cannot know the future without a today and stays silent', () => {
      const first17 = 'PEGL890909MJCRMSA';
      expect(codes(first17 + curpCheckDigit(first17))).toEqual([]);
    });
  });

  describe('sex, state and consonants', () => {
    it('accepts H, M and X and rejects another letter', () => {
      for (const sex of ['H', 'M', 'X']) {
        const first17 = `PEGL890909${sex}JCRMS0`;
        expect(codes(first17 + curpCheckDigit(first17))).toEqual([]);
      }
      expect(codes('PEGL890909QJCRMS0' + curpCheckDigit('PEGL890909QJCRMS0'))).toEqual(['curp.sex']);
    });

    it('rejects an unknown state and accepts NE', () => {
      expect(codes('PEGL890909MQQRMS02')).toEqual(['curp.state']);
      expect(codes('PEGL890909MNERMS0' + curpCheckDigit('PEGL890909MNERMS0'))).toEqual([]);
    });

    it('rejects a vowel among the inner consonants and names its position', () => {
      const first17 = 'PEGL890909MJCRAS0';
      const result = checkCurp(first17 + curpCheckDigit(first17));
      expect(result.problems.map((p) => p.code)).toEqual(['curp.consonants']);
      expect(result.problems[0]?.message.en).toContain('position 15');
    });
  });

  describe('check digit', () => {
    it('rejects a wrong check digit and tells the right one', () => {
      const result = checkCurp('PEGL890909MJCRMS09');
      expect(result.valid).toBe(false);
      expect(result.problems[0]?.code).toBe('curp.checkDigit');
      expect(result.problems[0]?.message['es-MX']).toBe(
        'El dígito verificador de la CURP no coincide: debería ser 8. Revise que cada carácter esté bien capturado.',
      );
    });

    it('reports every independent problem at once', () => {
      expect(codes('PBGL891309QQQRAS09')).toEqual(['curp.vowel', 'curp.date', 'curp.sex', 'curp.state', 'curp.consonants', 'curp.checkDigit']);
    });
  });
});

describe('curpCheckDigit', () => {
  it('computes the public examples', () => {
    expect(curpCheckDigit('HEGG560427MVZRRL0')).toBe('4');
    expect(curpCheckDigit('BEML920313HMCLNS0')).toBe('9');
    expect(curpCheckDigit('PEGL890909MJCRMS0')).toBe('8');
  });

  it('gives Ñ the value after N', () => {
    // Ñ = 24, O = 25: swapping them in a position of weight 18 moves the sum by 18.
    const withN = Number(curpCheckDigit('ÑAAA000101HDFCCC0'));
    const withO = Number(curpCheckDigit('OAAA000101HDFCCC0'));
    expect((withN - withO + 20) % 10).toBe(18 % 10);
  });

  it('throws on the wrong length or a foreign character', () => {
    expect(() => curpCheckDigit('PEGL890909MJCRMS')).toThrow(RangeError);
    expect(() => curpCheckDigit('PEGL890909MJCRM*0')).toThrow(RangeError);
  });
});

describe('CURP_STATES', () => {
  it('lists the 32 states and NE with names', () => {
    expect(Object.keys(CURP_STATES)).toHaveLength(33);
    expect(CURP_STATES.NE).toBe('Nacido en el extranjero');
    expect(CURP_STATES.VZ).toBe('Veracruz');
  });

  it('does not treat inherited properties as states', () => {
    expect(isCurpState('constructor')).toBe(false);
    expect(isCurpState('__proto__')).toBe(false);
    expect(isCurpState('DF')).toBe(true);
  });
});
