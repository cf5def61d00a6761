import {
  PAYERS,
  careMayWaitForCoverage,
  careWaitRule,
  explainImssStatus,
  imssConservationEnd,
  imssNextStep,
  imssRightsStatus,
  isAssignedUmf,
  needsPriorAuthorization,
  patientShare,
  priorAuthorizationRule,
  EMERGENCY_CARE_RULE,
  OBSTETRIC_EMERGENCY_RULE,
} from './coverage';
import { LANGS } from './text';
import type { Clinic, PayerKind } from './types';

const clinic = (over: Partial<Clinic> = {}): Clinic => ({
  id: 'umf-7',
  name: 'UMF 7',
  kind: 'imss-umf',
  region: 'urban',
  state: 'DF',
  city: 'Ciudad de México',
  address: 'Calz. de Tlalpan 1234',
  umf: 7,
  hours: { days: [1, 2, 3, 4, 5], open: '08:00', close: '20:00' },
  doctors: [],
  visitTypes: [],
  rooms: [],
  appointments: [],
  ...over,
});

describe('PAYERS', () => {
  const kinds: PayerKind[] = ['imss', 'issste', 'imss-bienestar', 'pemex', 'sedena', 'semar', 'private', 'none'];

  it('has an entry for every payer kind, keyed by its own kind', () => {
    expect(Object.keys(PAYERS).sort()).toEqual([...kinds].sort());
    for (const kind of kinds) expect(PAYERS[kind].kind).toBe(kind);
  });

  it('has every text in both languages', () => {
    for (const info of Object.values(PAYERS)) {
      for (const lang of LANGS) {
        expect(info.name[lang].length).toBeGreaterThan(0);
        expect(info.fullName[lang].length).toBeGreaterThan(0);
        expect(info.description[lang].length).toBeGreaterThan(20);
      }
    }
  });

  it('asks IMSS patients for CURP and NSS, checked online, with an assigned UMF (facts, not synthesised)', () => {
    expect(PAYERS.imss.identifiers).toEqual(['curp', 'nss']);
    expect(PAYERS.imss.checksRightsOnline).toBe(true);
    expect(PAYERS.imss.hasAssignedUnit).toBe(true);
    expect(PAYERS.imss.synthesised).toBe(false);
  });

  it('asks private patients for the policy card and the authorisation letter', () => {
    expect(PAYERS.private.documents).toContain('insurance-card');
    expect(PAYERS.private.documents).toContain('authorization-letter');
    expect(PAYERS.private.sector).toBe('private-insurance');
  });

  it('knows that IMSS-Bienestar is for people without social security', () => {
    expect(PAYERS['imss-bienestar'].sector).toBe('public-uninsured');
    expect(PAYERS['imss-bienestar'].description['es-MX']).toMatch(/sin seguridad social/);
  });
});

describe('imssRightsStatus', () => {
  it('is active while employed', () => {
    expect(imssRightsStatus({ employed: true, daysSinceLastContribution: 0, weeksContributed: 2 })).toBe('active');
  });

  it('is conservation up to 56 days after losing the job with 8 or more weekly contributions', () => {
    expect(imssRightsStatus({ employed: false, daysSinceLastContribution: 0, weeksContributed: 8 })).toBe('conservation');
    expect(imssRightsStatus({ employed: false, daysSinceLastContribution: 56, weeksContributed: 300 })).toBe(
      'conservation',
    );
  });

  it('is inactive from day 57', () => {
    expect(imssRightsStatus({ employed: false, daysSinceLastContribution: 57, weeksContributed: 300 })).toBe('inactive');
  });

  it('is inactive with fewer than 8 weekly contributions, however recent', () => {
    expect(imssRightsStatus({ employed: false, daysSinceLastContribution: 3, weeksContributed: 7 })).toBe('inactive');
  });

  it('rejects negative counts', () => {
    expect(() => imssRightsStatus({ employed: false, daysSinceLastContribution: -1, weeksContributed: 8 })).toThrow(
      RangeError,
    );
  });
});

describe('explainImssStatus', () => {
  it('tells the desk to proceed when active', () => {
    expect(imssNextStep('active')).toBe('proceed');
    expect(explainImssStatus('active')['es-MX']).toMatch(/contin[uú]e/i);
  });

  it('says until when conserved rights last', () => {
    expect(imssConservationEnd('2026-01-15', 50)).toBe('2026-01-21');
    const text = explainImssStatus('conservation', { daysSinceLastContribution: 50, today: '2026-01-15' });
    expect(text['es-MX']).toContain('21 de enero de 2026');
    expect(text['es-MX']).toContain('6 días');
    expect(text.en).toContain('January 21, 2026');
    expect(imssNextStep('conservation')).toBe('proceed-and-tell-end-date');
  });

  it('without dates still tells the desk to say until when', () => {
    expect(explainImssStatus('conservation')['es-MX']).toMatch(/56 días/);
  });

  it('offers IMSS-Bienestar or a private self-pay visit when inactive', () => {
    const text = explainImssStatus('inactive');
    expect(text['es-MX']).toContain('IMSS-Bienestar');
    expect(text['es-MX']).toMatch(/pago directo/);
    expect(text.en).toMatch(/self-pay/);
    expect(imssNextStep('inactive')).toBe('offer-alternatives');
  });
});

describe('isAssignedUmf', () => {
  it('is true when the IMSS patient belongs to this UMF', () => {
    expect(isAssignedUmf({ kind: 'imss', umf: 7 }, clinic())).toBe(true);
  });

  it('is false for another UMF, a non-IMSS patient, an unknown UMF or a non-UMF clinic', () => {
    expect(isAssignedUmf({ kind: 'imss', umf: 8 }, clinic())).toBe(false);
    expect(isAssignedUmf({ kind: 'issste' }, clinic())).toBe(false);
    expect(isAssignedUmf({ kind: 'imss' }, clinic())).toBe(false);
    expect(isAssignedUmf(undefined, clinic())).toBe(false);
    expect(isAssignedUmf({ kind: 'imss', umf: 7 }, clinic({ kind: 'private' }))).toBe(false);
  });
});

describe('needsPriorAuthorization', () => {
  it('requires an authorisation letter for private scheduled procedures and hospital stays', () => {
    expect(needsPriorAuthorization({ payer: 'private', service: 'scheduled-procedure', inNetwork: true })).toBe(true);
    expect(needsPriorAuthorization({ payer: 'private', service: 'hospitalization' })).toBe(true);
  });

  it('does not require one for a consultation: reimbursement, or direct payment in network', () => {
    expect(needsPriorAuthorization({ payer: 'private', service: 'consultation' })).toBe(false);
    expect(priorAuthorizationRule({ payer: 'private', service: 'consultation', inNetwork: true }).routes).toEqual([
      'direct-payment',
      'reimbursement',
    ]);
    expect(priorAuthorizationRule({ payer: 'private', service: 'consultation', inNetwork: false }).routes).toEqual([
      'reimbursement',
    ]);
  });

  it('offers the scheduled-with-authorisation route in network', () => {
    const rule = priorAuthorizationRule({ payer: 'private', service: 'scheduled-procedure', inNetwork: true });
    expect(rule.routes).toContain('scheduled-with-authorization');
    expect(rule.explanation['es-MX']).toMatch(/carta de autorizaci[oó]n/);
  });

  it('never makes an emergency wait for an authorisation (marked synthesised)', () => {
    const rule = priorAuthorizationRule({ payer: 'private', service: 'emergency', inNetwork: true });
    expect(rule.required).toBe(false);
    expect(rule.synthesised).toBe(true);
  });

  it('does not apply to public payers', () => {
    for (const payer of ['imss', 'issste', 'imss-bienestar', 'none'] as const) {
      expect(needsPriorAuthorization({ payer, service: 'scheduled-procedure' })).toBe(false);
      expect(priorAuthorizationRule({ payer, service: 'scheduled-procedure' }).routes).toEqual([]);
    }
  });
});

describe('patientShare', () => {
  it('matches the facts example: bill 150,000, deductible 15,000, 10% -> 28,500 / 121,500', () => {
    expect(patientShare({ bill: 150000, deductible: 15000, coinsurance: 0.1 })).toEqual({
      patient: 28500,
      insurer: 121500,
      deductiblePart: 15000,
      coinsurancePart: 13500,
    });
  });

  it('caps the coinsurance part', () => {
    expect(patientShare({ bill: 150000, deductible: 15000, coinsurance: 0.1, cap: 10000 })).toEqual({
      patient: 25000,
      insurer: 125000,
      deductiblePart: 15000,
      coinsurancePart: 10000,
    });
  });

  it('leaves a cap above the coinsurance part without effect', () => {
    expect(patientShare({ bill: 150000, deductible: 15000, coinsurance: 0.1, cap: 50000 }).patient).toBe(28500);
  });

  it('makes the patient pay the whole bill when it is below the deductible', () => {
    expect(patientShare({ bill: 9000, deductible: 15000, coinsurance: 0.1 })).toEqual({
      patient: 9000,
      insurer: 0,
      deductiblePart: 9000,
      coinsurancePart: 0,
    });
  });

  it('rounds to cents and the parts add up to the bill', () => {
    const share = patientShare({ bill: 1234.57, deductible: 100.01, coinsurance: 0.15 });
    expect(share.coinsurancePart).toBe(170.18); // 0.15 * 1134.56 = 170.184
    expect(share.patient).toBe(270.19);
    expect(Math.round((share.patient + share.insurer) * 100)).toBe(123457);
  });

  it('rejects negative amounts and coinsurance outside [0, 1]', () => {
    expect(() => patientShare({ bill: -1, deductible: 0, coinsurance: 0.1 })).toThrow(RangeError);
    expect(() => patientShare({ bill: 100, deductible: 0, coinsurance: 10 })).toThrow(RangeError);
    expect(() => patientShare({ bill: 100, deductible: 0, coinsurance: 0.1, cap: -5 })).toThrow(RangeError);
  });
});

describe('careMayWaitForCoverage', () => {
  it('is false for an urgent obstetric case, citing art. 64 Bis 1 and art. 469', () => {
    expect(careMayWaitForCoverage({ urgent: true, obstetric: true })).toBe(false);
    expect(careWaitRule({ urgent: true, obstetric: true })).toBe(OBSTETRIC_EMERGENCY_RULE);
    expect(OBSTETRIC_EMERGENCY_RULE['es-MX']).toContain('64 Bis 1');
    expect(OBSTETRIC_EMERGENCY_RULE.en).toContain('469');
  });

  it('is false for any urgent case (art. 469)', () => {
    expect(careMayWaitForCoverage({ urgent: true, obstetric: false })).toBe(false);
    expect(careWaitRule({ urgent: true, obstetric: false })).toBe(EMERGENCY_CARE_RULE);
  });

  it('lets a non-urgent visit wait for coverage, pregnant or not', () => {
    expect(careMayWaitForCoverage({ urgent: false, obstetric: true })).toBe(true);
    expect(careMayWaitForCoverage({ urgent: false, obstetric: false })).toBe(true);
    expect(careWaitRule({ urgent: false, obstetric: true })).toBeUndefined();
  });
});
