import curpFile from '../../tests/fixtures/identifiers/curp.json';
import nssFile from '../../tests/fixtures/identifiers/nss.json';
import rfcFile from '../../tests/fixtures/identifiers/rfc.json';
import { makeFixtures } from '../../tests/fixtures/identifiers/make-fixtures';
import type { IdentifierFixtureFile } from '../../tests/fixtures/identifiers/make-fixtures';
import { checkCurp } from './curp';
import { checkNss } from './nss';
import { checkRfc } from './rfc';
import type { CheckResult } from './text';

/** Lists every case whose label the checker disagrees with, so one run shows them all. */
function disagreements(file: IdentifierFixtureFile, check: (value: string) => CheckResult) {
  return file.cases.flatMap((c) => {
    const result = check(c.value);
    const codes = result.problems.map((p) => p.code);
    const expected = c.code === null ? [] : [c.code];
    const agrees = result.valid === c.valid && JSON.stringify(codes) === JSON.stringify(expected);
    return agrees ? [] : [{ ...c, got: { valid: result.valid, codes } }];
  });
}

const curp = curpFile as IdentifierFixtureFile;
const nss = nssFile as IdentifierFixtureFile;
const rfc = rfcFile as IdentifierFixtureFile;

describe('held-out identifier fixtures', () => {
  it('are the files the generator writes (rerun make-fixtures.ts after changing it)', () => {
    expect(makeFixtures()).toEqual([curp, nss, rfc]);
  });

  it('cover each kind of fault', () => {
    const codesOf = (f: IdentifierFixtureFile) => new Set(f.cases.map((c) => c.code));
    expect([...codesOf(curp)].sort()).toEqual(
      [null, 'curp.alphabet', 'curp.century', 'curp.checkDigit', 'curp.consonants', 'curp.date', 'curp.inconvenientWord',
        'curp.length', 'curp.normalized', 'curp.sex', 'curp.state', 'curp.vowel'].sort(),
    );
    expect([...codesOf(nss)].sort()).toEqual([null, 'nss.checkDigit', 'nss.digits', 'nss.length', 'nss.registrationBeforeBirth'].sort());
    expect([...codesOf(rfc)].sort()).toEqual(
      [null, 'rfc.alphabet', 'rfc.checkDigit', 'rfc.date', 'rfc.homoclave', 'rfc.inconvenientWord', 'rfc.length', 'rfc.normalized'].sort(),
    );
    expect(curp.cases.length + nss.cases.length + rfc.cases.length).toBeGreaterThan(300);
  });

  it('checkCurp agrees with every CURP label', () => {
    const today = String(curp.options.today);
    expect(disagreements(curp, (v) => checkCurp(v, { today }))).toEqual([]);
  });

  it('checkNss agrees with every NSS label', () => {
    const currentYear = Number(nss.options.currentYear);
    expect(disagreements(nss, (v) => checkNss(v, { currentYear }))).toEqual([]);
  });

  it('checkRfc agrees with every RFC label', () => {
    expect(disagreements(rfc, (v) => checkRfc(v))).toEqual([]);
  });
});
