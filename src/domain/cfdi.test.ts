import {
  CFDI_USES,
  PAYMENT_FORMS,
  PAYMENT_METHODS,
  TAX_REGIMES,
  checkInvoiceData,
  isDeductible,
  nameDifference,
  taxCertificateFromDocument,
  type InvoiceRequest,
  type TaxCertificateData,
} from './cfdi';
import { LANGS } from './text';

const certificate: TaxCertificateData = {
  rfc: 'GODE561231GR8',
  name: 'EMILIO GÓMEZ DÍAZ',
  postalCode: '06700',
  regime: '605',
};

const request = (over: Partial<InvoiceRequest> = {}): InvoiceRequest => ({
  rfc: 'GODE561231GR8',
  name: 'EMILIO GÓMEZ DÍAZ',
  postalCode: '06700',
  regime: '605',
  use: 'D01',
  paymentMethod: 'PUE',
  paymentForm: '04',
  ...over,
});

const codes = (req: InvoiceRequest, cert: TaxCertificateData | null = certificate) =>
  checkInvoiceData(req, cert ?? undefined).map((p) => p.code);

describe('catalogues', () => {
  it('holds the common person regimes with names in both languages', () => {
    expect(Object.keys(TAX_REGIMES).sort()).toEqual(['605', '606', '612', '616', '621', '625', '626']);
    for (const entry of Object.values(TAX_REGIMES)) for (const lang of LANGS) expect(entry.name[lang]).not.toBe('');
  });

  it('holds D01 for medical fees, the payment methods and the four payment forms', () => {
    expect(CFDI_USES.D01?.name['es-MX']).toBe('Honorarios médicos, dentales y gastos hospitalarios');
    expect(Object.keys(PAYMENT_METHODS).sort()).toEqual(['PPD', 'PUE']);
    expect(Object.keys(PAYMENT_FORMS).sort()).toEqual(['01', '03', '04', '28']);
  });
});

describe('checkInvoiceData', () => {
  it('accepts data that match the certificate', () => {
    expect(checkInvoiceData(request(), certificate)).toEqual([]);
  });

  it('reports an invalid RFC with the RFC checker’s problems', () => {
    const found = codes(request({ rfc: 'GODE563231GR8' }));
    expect(found.some((c) => c.startsWith('rfc.'))).toBe(true);
    expect(found).toContain('cfdi.rfc.mismatch');
  });

  it('reports an RFC different from the certificate’s', () => {
    expect(codes(request({ rfc: 'MAB9307148T4' }))).toContain('cfdi.rfc.mismatch');
  });

  describe('when the name differs from the certificate', () => {
    it('reports missing accents and names the word', () => {
      const problems = checkInvoiceData(request({ name: 'EMILIO GOMEZ DÍAZ' }), certificate);
      expect(problems.map((p) => p.code)).toEqual(['cfdi.name.accents']);
      expect(problems[0]?.message['es-MX']).toContain('«GOMEZ» ≠ «GÓMEZ»');
      expect(problems[0]?.message.en).toContain('accents');
    });

    it('reports a case difference', () => {
      expect(codes(request({ name: 'Emilio GÓMEZ DÍAZ' }))).toEqual(['cfdi.name.case']);
    });

    it('reports extra spaces', () => {
      expect(codes(request({ name: 'EMILIO  GÓMEZ DÍAZ ' }))).toEqual(['cfdi.name.spacing']);
    });

    it('reports a different name', () => {
      const problems = checkInvoiceData(request({ name: 'EMILIO GÓMEZ' }), certificate);
      expect(problems.map((p) => p.code)).toEqual(['cfdi.name.text']);
      expect(problems[0]?.severity).toBe('error');
    });
  });

  it('checks the fiscal postal code format and that it equals the certificate’s', () => {
    expect(codes(request({ postalCode: '6700' }))).toEqual(['cfdi.postalCode.format']);
    expect(codes(request({ postalCode: '06600' }))).toEqual(['cfdi.postalCode.mismatch']);
  });

  it('checks the regime is known and equals the certificate’s', () => {
    expect(codes(request({ regime: '999' }))).toEqual(['cfdi.regime.unknown']);
    const problems = checkInvoiceData(request({ regime: '612' }), certificate);
    expect(problems.map((p) => p.code)).toEqual(['cfdi.regime.mismatch']);
    expect(problems[0]?.message['es-MX']).toContain('605 Sueldos y Salarios');
  });

  it('requires use D01 for medical fees', () => {
    const problems = checkInvoiceData(request({ use: 'G03' }), certificate);
    expect(problems.map((p) => p.code)).toEqual(['cfdi.use.notMedical']);
    expect(problems[0]?.message['es-MX']).toContain('no G03 Gastos en general');
  });

  it('rejects unknown payment methods and forms', () => {
    expect(codes(request({ paymentMethod: 'PAGO' }))).toEqual(['cfdi.paymentMethod.unknown']);
    expect(codes(request({ paymentForm: '99' }))).toEqual(['cfdi.paymentForm.unknown']);
  });

  it('warns, without blocking, that a cash payment is not deductible', () => {
    const problems = checkInvoiceData(request({ paymentForm: '01' }), certificate);
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['cfdi.paymentForm.cashNotDeductible', 'warning']]);
  });

  it('asks for the certificate when it is missing', () => {
    expect(codes(request(), null)).toEqual(['cfdi.certificate.missing']);
  });

  describe('when invoicing the general public', () => {
    const publicRequest = request({ rfc: 'XAXX010101000', name: 'PUBLICO EN GENERAL', regime: '616', use: 'S01' });

    it('needs no certificate with regime 616 and use S01', () => {
      expect(checkInvoiceData(publicRequest, undefined)).toEqual([]);
    });

    it('requires regime 616 and use S01', () => {
      expect(codes({ ...publicRequest, regime: '605', use: 'D01' }, null)).toEqual([
        'cfdi.generalPublic.regime',
        'cfdi.generalPublic.use',
      ]);
    });
  });
});

describe('nameDifference', () => {
  it('classifies differences, accents outranking case', () => {
    expect(nameDifference('MARÍA', 'MARÍA')).toBeUndefined();
    expect(nameDifference('Maria', 'MARÍA')).toBe('accents');
    expect(nameDifference('maría', 'MARÍA')).toBe('case');
    expect(nameDifference('MARÍA ', 'MARÍA')).toBe('spacing');
    expect(nameDifference('MARTA', 'MARÍA')).toBe('text');
  });
});

describe('isDeductible', () => {
  it('is false for cash and true for transfer and cards', () => {
    expect(isDeductible('01')).toBe(false);
    expect(isDeductible('03')).toBe(true);
    expect(isDeductible('04')).toBe(true);
    expect(isDeductible('28')).toBe(true);
  });

  it('is false for an unknown form', () => {
    expect(isDeductible('99')).toBe(false);
  });
});

describe('taxCertificateFromDocument', () => {
  it('joins the name parts of a tax-certificate document', () => {
    expect(
      taxCertificateFromDocument({
        kind: 'tax-certificate',
        rfc: 'GODE561231GR8',
        name: { given: 'EMILIO', first: 'GÓMEZ', second: 'DÍAZ' },
        postalCode: '06700',
        regime: '605',
      }),
    ).toEqual(certificate);
  });

  it('is undefined for another document or a missing field', () => {
    expect(taxCertificateFromDocument({ kind: 'ine', rfc: 'GODE561231GR8' })).toBeUndefined();
    expect(taxCertificateFromDocument({ kind: 'tax-certificate', rfc: 'GODE561231GR8' })).toBeUndefined();
  });
});
