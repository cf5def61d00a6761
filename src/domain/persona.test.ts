import { checkCurp } from './curp';
import { curpFromPerson } from './curp-from-person';
import { checkNss } from './nss';
import { PERSONA_DEFAULT_TODAY, ageOnDate, generatePersona } from './persona';
import { checkRfc } from './rfc';

const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);

describe('generatePersona', () => {
  it('gives a deep-equal person for the same seed and a different one for another seed', async () => {
    const a = await generatePersona(1234);
    const b = await generatePersona(1234);
    const c = await generatePersona(1235);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('does not read the clock', async () => {
    const before = await generatePersona(7);
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('1999-06-01T12:00:00Z'));
      expect(await generatePersona(7)).toEqual(before);
    } finally {
      vi.useRealTimers();
    }
  });

  it('respects the spec: age range, sex, coverage, birth state, id', async () => {
    const p = await generatePersona(5, {
      age: [30, 40],
      sex: 'M',
      coverage: 'private',
      birthState: 'JC',
      today: '2025-06-30',
      id: 'caller',
    });
    const age = ageOnDate(p.birth, '2025-06-30');
    expect(age).toBeGreaterThanOrEqual(30);
    expect(age).toBeLessThanOrEqual(40);
    expect(p.sex).toBe('M');
    expect(p.birthState).toBe('JC');
    expect(p.id).toBe('caller');
    expect(p.coverage?.kind).toBe('private');
    expect(p.curp?.slice(10, 13)).toBe('MJC');
  });

  it('gives a realistic Mexican name: given name(s) and two surnames, capitalised', async () => {
    const p = await generatePersona(11);
    for (const part of [p.name.given, p.name.first, p.name.second ?? '']) {
      expect(part).toMatch(/^\p{Lu}\p{Ll}+( \p{Lu}\p{Ll}+)*$/u);
    }
  });

  it('builds a valid CURP from the person, the differentiator telling the century', async () => {
    const old = await generatePersona(21, { age: [40, 60] });
    const young = await generatePersona(21, { age: [1, 20] });
    for (const p of [old, young]) {
      const curp = p.curp ?? '';
      expect(curp.slice(0, 16)).toBe(curpFromPerson(p));
      const result = checkCurp(curp, { today: PERSONA_DEFAULT_TODAY });
      expect(result.valid).toBe(true);
      expect(codes(result)).toEqual([]);
    }
    expect(old.curp?.[16]).toMatch(/^[0-9]$/);
    // Aged 1 to 20 on 2026-01-15: born 2005 or later, so a letter.
    expect(young.birth >= '2005-01-01').toBe(true);
    expect(young.curp?.[16]).toMatch(/^[A-Z]$/);
  });

  it('gives adults an RFC sharing the CURP’s first 10 characters, with a correct check digit', async () => {
    const p = await generatePersona(31, { age: [25, 50] });
    expect(p.rfc).toHaveLength(13);
    expect(p.rfc?.slice(0, 10)).toBe(p.curp?.slice(0, 10));
    const result = checkRfc(p.rfc ?? '');
    expect(result.valid).toBe(true);
    expect(codes(result)).toEqual([]);
  });

  it('gives minors no RFC and a birth certificate instead of an INE', async () => {
    const p = await generatePersona(41, { age: [2, 12] });
    expect(p.rfc).toBeUndefined();
    expect(p.documents.map((d) => d.kind)).toContain('birth-certificate');
    expect(p.documents.map((d) => d.kind)).not.toContain('ine');
  });

  it('gives adults an INE that agrees with the person and expires in the future', async () => {
    const p = await generatePersona(51, { age: [18, 70] });
    const ine = p.documents.find((d) => d.kind === 'ine');
    expect(ine).toMatchObject({ name: p.name, curp: p.curp, birth: p.birth, sex: p.sex, address: p.address });
    expect((ine?.expires ?? '') > PERSONA_DEFAULT_TODAY).toBe(true);
  });

  it('gives IMSS patients a valid NSS registered no earlier than their birth, and an IMSS card', async () => {
    const p = await generatePersona(61, { coverage: 'imss', age: [20, 80] });
    const nss = p.coverage?.nss ?? '';
    const birthYear = Number(p.birth.slice(0, 4));
    expect(nss).toMatch(/^\d{11}$/);
    expect(nss.slice(4, 6)).toBe(p.birth.slice(2, 4));
    const result = checkNss(nss, { birthYear, currentYear: 2026 });
    expect(result.valid).toBe(true);
    expect(codes(result)).toEqual([]);
    expect(p.coverage?.status).toBe('active');
    expect(p.documents.find((d) => d.kind === 'imss-card')).toMatchObject({ nss, curp: p.curp });
  });

  it('gives private patients an insurer, a policy and a policy card', async () => {
    const p = await generatePersona(71, { coverage: 'private' });
    expect(['GNP', 'MetLife', 'AXA', 'Seguros Monterrey New York Life', 'Atlas']).toContain(p.coverage?.insurer);
    expect(p.coverage?.coinsurance).toBeGreaterThan(0);
    expect(p.documents.find((d) => d.kind === 'insurance-card')).toMatchObject({
      insurer: p.coverage?.insurer,
      policy: p.coverage?.policy,
    });
  });

  it('writes a Mexican 10-digit phone and an address with colonia and postal code', async () => {
    const p = await generatePersona(81, { birthState: 'DF' });
    expect(p.phone).toMatch(/^(\d{2} \d{4} \d{4}|\d{3} \d{3} \d{4})$/);
    expect(p.phone?.replace(/ /g, '')).toHaveLength(10);
    expect(p.address).toMatch(/, Col\. [^,]+, C\.P\. \d{5}, /);
  });

  it('rejects an impossible spec', async () => {
    await expect(generatePersona(1, { age: [50, 20] })).rejects.toThrow(RangeError);
    await expect(generatePersona(1, { age: [0, 120] })).rejects.toThrow(RangeError);
    await expect(generatePersona(1, { birthState: 'XX' })).rejects.toThrow(RangeError);
    await expect(generatePersona(1, { today: '2026-13-01' })).rejects.toThrow(RangeError);
  });
});

describe('ageOnDate', () => {
  it('counts completed years, the birthday itself included', () => {
    expect(ageOnDate('2000-01-15', '2026-01-15')).toBe(26);
    expect(ageOnDate('2000-01-16', '2026-01-15')).toBe(25);
    expect(ageOnDate('2004-02-29', '2026-02-28')).toBe(21);
    expect(ageOnDate('2004-02-29', '2026-03-01')).toBe(22);
  });
});
