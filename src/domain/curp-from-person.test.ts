import { curpFromPerson, explainCurpMismatch } from './curp-from-person';
import type { CurpPersonData } from './curp-from-person';
import type { Sex } from './types';

const person = (
  given: string,
  first: string,
  second: string | undefined,
  birth = '1989-09-09',
  sex: Sex = 'M',
  birthState = 'JC',
): CurpPersonData => ({ name: second === undefined ? { given, first } : { given, first, second }, birth, sex, birthState });

describe('curpFromPerson', () => {
  describe('when given the people behind the public examples', () => {
    it('builds their first 16 characters', () => {
      expect(curpFromPerson(person('Gloria', 'Hernández', 'García', '1956-04-27', 'M', 'VZ'))).toBe('HEGG560427MVZRRL');
      expect(curpFromPerson(person('Luis Raúl', 'Bello', 'Mena', '1992-03-13', 'H', 'MC'))).toBe('BEML920313HMCLNS');
      expect(curpFromPerson(person('Concepción', 'Salgado', 'Briseño', '1956-06-26', 'M', 'DF'))).toBe('SABC560626MDFLRN');
    });
  });

  describe('José and María', () => {
    it.each([
      ['José Antonio', 'A', 'N'],
      ['María Guadalupe', 'G', 'D'],
      ['Ma. Guadalupe', 'G', 'D'],
      ['Ma Elena', 'E', 'L'],
      ['J. Refugio', 'R', 'F'],
      ['J Refugio', 'R', 'F'],
      ['María de los Ángeles', 'A', 'N'],
      ['María del Carmen', 'C', 'R'],
    ])('uses the other name for %s', (given, initial, consonant) => {
      const curp = curpFromPerson(person(given, 'López', 'Ruiz'));
      expect(curp[3]).toBe(initial);
      expect(curp[15]).toBe(consonant);
    });

    it('uses José or María when it is the only name', () => {
      expect(curpFromPerson(person('José', 'López', 'Ruiz')).slice(0, 4)).toBe('LORJ');
      expect(curpFromPerson(person('María', 'López', 'Ruiz'))[15]).toBe('R');
    });

    it('skips only the first of two such names (María José -> J)', () => {
      expect(curpFromPerson(person('María José', 'López', 'Ruiz'))[3]).toBe('J');
    });
  });

  describe('particles and compound surnames', () => {
    it('drops particles from surnames', () => {
      expect(curpFromPerson(person('Ana', 'de la Cruz', 'del Río')).slice(0, 4)).toBe('CURA');
      expect(curpFromPerson(person('Ana', 'Mc Gregor', 'Van Dyke')).slice(0, 4)).toBe('GEDA');
      expect(curpFromPerson(person('Ana', 'Y Gómez', 'Ruiz')).slice(0, 4)).toBe('GORA');
    });

    it('uses the first word of a compound surname', () => {
      expect(curpFromPerson(person('Ana', 'Montes de Oca', 'Ruiz')).slice(0, 4)).toBe('MORA');
      expect(curpFromPerson(person('Ana', 'Pérez-Gómez', 'Ruiz'))[13]).toBe('R');
    });
  });

  describe('Ñ, accents and missing parts', () => {
    it('writes Ñ as X in every position', () => {
      expect(curpFromPerson(person('Ñeli', 'Ñuñez', 'Ñandú'))).toBe('XUXX890909MJCXNL');
      expect(curpFromPerson(person('Ana', 'Peña', 'Muñoz'))[13]).toBe('X');
    });

    it('removes accents and dieresis', () => {
      expect(curpFromPerson(person('Ángel', 'Güémez', 'Ávila', '1989-09-09', 'H')).slice(0, 4)).toBe('GUAA');
    });

    it('uses X for a missing second surname', () => {
      const curp = curpFromPerson(person('José', 'Núñez', undefined, '2003-05-01', 'H', 'NE'));
      expect(curp).toBe('NUXJ030501HNEXXS');
      expect(curpFromPerson(person('Ana', 'Ruiz', '  '))).toBe('RUXA890909MJCZXN');
    });

    it('uses X when there is no inner vowel or consonant', () => {
      expect(curpFromPerson(person('Ana', 'Ng', 'Oe')).slice(0, 4)).toBe('NXOA');
      expect(curpFromPerson(person('Ana', 'Ng', 'Oe')).slice(13)).toBe('GXN');
      expect(curpFromPerson(person('Ana', 'Lee', 'Pi')).slice(13)).toBe('XXN');
    });
  });

  describe('inconvenient words', () => {
    it('replaces the second letter with X', () => {
      expect(curpFromPerson(person('Ana', 'Pueblo', 'Tapia')).slice(0, 4)).toBe('PXTA');
      expect(curpFromPerson(person('Olga', 'Cuevas', 'Lara')).slice(0, 4)).toBe('CXLO');
      expect(curpFromPerson(person('Omar', 'Baca', 'Cárdenas', '1989-09-09', 'H')).slice(0, 4)).toBe('BACO');
    });
  });

  it('keeps the date, sex and state', () => {
    expect(curpFromPerson(person('Ana', 'Ruiz', 'Paz', '2001-12-31', 'X', 'ne')).slice(4, 13)).toBe('011231XNE');
  });

  it('throws on a birth that is not YYYY-MM-DD', () => {
    expect(() => curpFromPerson(person('Ana', 'Ruiz', 'Paz', '31/12/2001'))).toThrow(RangeError);
  });
});

describe('explainCurpMismatch', () => {
  const gloria = person('Gloria', 'Hernández', 'García', '1956-04-27', 'M', 'VZ');

  it('finds nothing wrong with a CURP that fits the person', () => {
    expect(explainCurpMismatch('HEGG560427MVZRRL04', gloria)).toEqual([]);
    expect(explainCurpMismatch(' hegg560427mvzrrl04 ', gloria)).toEqual([]);
  });

  it('names each segment that differs', () => {
    const problems = explainCurpMismatch('HEGX570427HJCRRX04', gloria);
    expect(problems.map((p) => p.code)).toEqual([
      'curp.mismatch.nameLetters',
      'curp.mismatch.birthDate',
      'curp.mismatch.sex',
      'curp.mismatch.state',
      'curp.mismatch.consonants',
    ]);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('explains the rule behind a wrong letter, in both languages', () => {
    const [problem] = explainCurpMismatch('HEXG560427MVZRRL04', gloria);
    expect(problem?.message['es-MX']).toContain('deberían ser HEGG');
    expect(problem?.message['es-MX']).toContain('3: inicial del segundo apellido');
    expect(problem?.message.en).toContain('3: first letter of the second surname');
  });

  it('says when an X comes from the inconvenient-word rule', () => {
    const [problem] = explainCurpMismatch('PUTA800501MOCBPN05', person('Ana', 'Pueblo', 'Tapia', '1980-05-01', 'M', 'OC'));
    expect(problem?.message.en).toContain('inconvenient word');
  });

  it('checks that position 17 tells the right century', () => {
    expect(explainCurpMismatch('HEGG560427MVZRRLA4', gloria).map((p) => p.code)).toEqual(['curp.mismatch.century']);
    const young = person('Ana', 'Ruiz', 'Paz', '2004-01-01');
    expect(explainCurpMismatch('RUPA040101MJCZZN05', young).map((p) => p.code)).toEqual(['curp.mismatch.century']);
  });

  it('treats a short CURP as differing, without throwing', () => {
    expect(explainCurpMismatch('HEGG', gloria).map((p) => p.code)).toEqual([
      'curp.mismatch.birthDate',
      'curp.mismatch.sex',
      'curp.mismatch.state',
      'curp.mismatch.consonants',
    ]);
    expect(() => explainCurpMismatch('', person('', '', undefined, 'bad', 'H', ''))).not.toThrow();
  });
});
