import { checkRfc } from './rfc';
import { t, type LocalizedText, type Problem } from './text';
import type { PersonDocument } from './types';

// CFDI 4.0 ("factura") rules the desk applies when a patient asks for an invoice (facts doc §4).

/** A catalogue entry: SAT code and its bilingual name. */
export interface SatCode {
  code: string;
  name: LocalizedText;
}

const byCode = (entries: SatCode[]): Record<string, SatCode> =>
  Object.fromEntries(entries.map((e) => [e.code, e]));

/** Common tax regimes of individuals (régimen fiscal), by SAT code. */
export const TAX_REGIMES: Record<string, SatCode> = byCode([
  { code: '605', name: t('Sueldos y Salarios e Ingresos Asimilados a Salarios', 'Wages and salaries') },
  { code: '606', name: t('Arrendamiento', 'Rental income') },
  {
    code: '612',
    name: t(
      'Personas Físicas con Actividades Empresariales y Profesionales',
      'Individuals with business and professional activities',
    ),
  },
  { code: '616', name: t('Sin obligaciones fiscales', 'No tax obligations') },
  { code: '621', name: t('Incorporación Fiscal', 'Tax incorporation regime') },
  {
    code: '625',
    name: t(
      'Régimen de las Actividades Empresariales con ingresos a través de Plataformas Tecnológicas',
      'Business income through technology platforms',
    ),
  },
  { code: '626', name: t('Régimen Simplificado de Confianza', 'Simplified trust regime (RESICO)') },
]);

/** Invoice uses (uso del CFDI) the desk meets. */
export const CFDI_USES: Record<string, SatCode> = byCode([
  {
    code: 'D01',
    name: t('Honorarios médicos, dentales y gastos hospitalarios', 'Medical, dental and hospital fees'),
  },
  { code: 'S01', name: t('Sin efectos fiscales', 'No tax effects') },
  { code: 'G03', name: t('Gastos en general', 'General expenses') },
]);

/** Payment methods (método de pago). */
export const PAYMENT_METHODS: Record<string, SatCode> = byCode([
  { code: 'PUE', name: t('Pago en una sola exhibición', 'Paid in full at once') },
  { code: 'PPD', name: t('Pago en parcialidades o diferido', 'Paid in instalments or deferred') },
]);

/** Payment forms (forma de pago) a clinic desk takes. */
export const PAYMENT_FORMS: Record<string, SatCode> = byCode([
  { code: '01', name: t('Efectivo', 'Cash') },
  { code: '03', name: t('Transferencia electrónica de fondos', 'Electronic funds transfer') },
  { code: '04', name: t('Tarjeta de crédito', 'Credit card') },
  { code: '28', name: t('Tarjeta de débito', 'Debit card') },
]);

/** The generic RFC for invoices to the general public. */
export const GENERAL_PUBLIC_RFC = 'XAXX010101000';
/** Regime and use an invoice to the general public must carry. */
export const GENERAL_PUBLIC_REGIME = '616';
export const GENERAL_PUBLIC_USE = 'S01';
/** The use for medical fees. */
export const MEDICAL_FEES_USE = 'D01';
/** Payment form code for cash. */
export const CASH_PAYMENT_FORM = '01';

/** What the patient asks to be written on the invoice. */
export interface InvoiceRequest {
  rfc: string;
  /** Name or company name, as the patient dictates it. */
  name: string;
  /** Fiscal postal code (domicilio fiscal). */
  postalCode: string;
  /** Tax regime code, e.g. '605'. */
  regime: string;
  /** CFDI use code, e.g. 'D01'. */
  use: string;
  /** 'PUE' or 'PPD'. */
  paymentMethod: string;
  /** '01', '03', '04' or '28'. */
  paymentForm: string;
}

/** The data on the patient's Constancia de Situación Fiscal, the truth the invoice must match. */
export interface TaxCertificateData {
  rfc: string;
  name: string;
  postalCode: string;
  regime: string;
}

/** Reads a tax-certificate document of a case; undefined when it lacks a field. */
export function taxCertificateFromDocument(doc: PersonDocument): TaxCertificateData | undefined {
  if (doc.kind !== 'tax-certificate' || !doc.rfc || !doc.name || !doc.postalCode || !doc.regime) return undefined;
  const name = [doc.name.given, doc.name.first, doc.name.second].filter(Boolean).join(' ');
  return { rfc: doc.rfc, name, postalCode: doc.postalCode, regime: doc.regime };
}

/** Whether a medical fee paid this way is tax-deductible for the patient: not when paid in cash. */
export function isDeductible(paymentForm: string): boolean {
  return paymentForm !== CASH_PAYMENT_FORM && paymentForm in PAYMENT_FORMS;
}

const problem = (code: string, message: LocalizedText, severity: Problem['severity'] = 'error'): Problem => ({
  code,
  severity,
  message,
});

const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
const squeeze = (s: string) => s.trim().replace(/\s+/g, ' ');

/** How two names differ, from the most forgivable to the most serious. */
export type NameDifference = 'spacing' | 'case' | 'accents' | 'text';

/** Classifies how a typed name differs from the certificate's (undefined when identical). */
export function nameDifference(typed: string, certificate: string): NameDifference | undefined {
  if (typed === certificate) return undefined;
  const a = squeeze(typed);
  const b = squeeze(certificate);
  if (a === b) return 'spacing';
  if (a.toUpperCase() === b.toUpperCase()) return 'case';
  // Accents outrank case: "Maria" for "MARÍA" is reported as an accent error.
  if (stripAccents(a).toUpperCase() === stripAccents(b).toUpperCase()) return 'accents';
  return 'text';
}

/** Words of the typed name that differ from the certificate's, position by position. */
function differingWords(typed: string, certificate: string): { typed: string; certificate: string }[] {
  const a = squeeze(typed).split(' ');
  const b = squeeze(certificate).split(' ');
  const out: { typed: string; certificate: string }[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) out.push({ typed: x, certificate: y });
  }
  return out;
}

const NAME_DIFFERENCE_TEXT: Record<NameDifference, LocalizedText> = {
  spacing: t('sobran o faltan espacios', 'there are extra or missing spaces'),
  case: t('cambian mayúsculas y minúsculas', 'upper and lower case differ'),
  accents: t('cambian los acentos', 'the accents differ'),
  text: t('el texto es distinto', 'the text is different'),
};

function checkName(typed: string, certificate: string): Problem[] {
  const kind = nameDifference(typed, certificate);
  if (!kind) return [];
  const words = differingWords(typed, certificate)
    .map((w) => `«${w.typed}» ≠ «${w.certificate}»`)
    .join(', ');
  const detail = words ? ` (${words})` : '';
  return [
    problem(
      `cfdi.name.${kind}`,
      t(
        `El nombre debe escribirse exactamente como en la Constancia de Situación Fiscal «${certificate}»: ${NAME_DIFFERENCE_TEXT[kind]['es-MX']}${detail}. El SAT rechaza la factura.`,
        `The name must be written exactly as on the tax certificate "${certificate}": ${NAME_DIFFERENCE_TEXT[kind].en}${detail}. The tax authority rejects the invoice.`,
      ),
    ),
  ];
}

/**
 * Checks the data for a CFDI 4.0 invoice of medical fees against the patient's tax certificate.
 * Returns every problem at once; an empty list means the invoice can be issued. For the general
 * public (XAXX010101000) no certificate is needed.
 */
export function checkInvoiceData(request: InvoiceRequest, taxCertificate?: TaxCertificateData): Problem[] {
  const problems: Problem[] = [];
  const rfc = request.rfc.trim().toUpperCase();
  const generalPublic = rfc === GENERAL_PUBLIC_RFC;

  problems.push(...checkRfc(request.rfc).problems);

  if (!/^\d{5}$/.test(request.postalCode)) {
    problems.push(
      problem(
        'cfdi.postalCode.format',
        t(
          `El código postal fiscal debe tener 5 dígitos («${request.postalCode}»).`,
          `The fiscal postal code must have 5 digits ("${request.postalCode}").`,
        ),
      ),
    );
  }

  const regime = TAX_REGIMES[request.regime];
  if (!regime) {
    problems.push(
      problem(
        'cfdi.regime.unknown',
        t(
          `Régimen fiscal desconocido «${request.regime}»: tómelo de la Constancia de Situación Fiscal.`,
          `Unknown tax regime "${request.regime}": take it from the tax certificate.`,
        ),
      ),
    );
  }

  if (!(request.paymentMethod in PAYMENT_METHODS)) {
    problems.push(
      problem(
        'cfdi.paymentMethod.unknown',
        t(
          `Método de pago «${request.paymentMethod}» no válido: use PUE (una sola exhibición) o PPD (parcialidades o diferido).`,
          `Payment method "${request.paymentMethod}" not valid: use PUE (paid at once) or PPD (instalments or deferred).`,
        ),
      ),
    );
  }
  if (!(request.paymentForm in PAYMENT_FORMS)) {
    problems.push(
      problem(
        'cfdi.paymentForm.unknown',
        t(
          `Forma de pago «${request.paymentForm}» no válida: 01 efectivo, 03 transferencia, 04 tarjeta de crédito, 28 tarjeta de débito.`,
          `Payment form "${request.paymentForm}" not valid: 01 cash, 03 transfer, 04 credit card, 28 debit card.`,
        ),
      ),
    );
  }

  if (generalPublic) {
    if (request.regime !== GENERAL_PUBLIC_REGIME) {
      problems.push(
        problem(
          'cfdi.generalPublic.regime',
          t(
            'Una factura al público en general (XAXX010101000) lleva el régimen 616, Sin obligaciones fiscales.',
            'An invoice to the general public (XAXX010101000) carries regime 616, No tax obligations.',
          ),
        ),
      );
    }
    if (request.use !== GENERAL_PUBLIC_USE) {
      problems.push(
        problem(
          'cfdi.generalPublic.use',
          t(
            'Una factura al público en general (XAXX010101000) lleva el uso S01, Sin efectos fiscales.',
            'An invoice to the general public (XAXX010101000) carries use S01, No tax effects.',
          ),
        ),
      );
    }
    return problems;
  }

  if (request.use !== MEDICAL_FEES_USE) {
    const given = CFDI_USES[request.use];
    problems.push(
      problem(
        'cfdi.use.notMedical',
        t(
          `El uso del CFDI para una consulta es D01, Honorarios médicos, dentales y gastos hospitalarios${given ? `, no ${given.code} ${given.name['es-MX']}` : ''}.`,
          `The CFDI use for a medical visit is D01, Medical, dental and hospital fees${given ? `, not ${given.code} ${given.name.en}` : ''}.`,
        ),
      ),
    );
  }

  if (!taxCertificate) {
    problems.push(
      problem(
        'cfdi.certificate.missing',
        t(
          'Pida la Constancia de Situación Fiscal: nombre, código postal y régimen deben coincidir con ella.',
          'Ask for the tax certificate (Constancia de Situación Fiscal): name, postal code and regime must match it.',
        ),
      ),
    );
  } else {
    if (rfc !== taxCertificate.rfc.trim().toUpperCase()) {
      problems.push(
        problem(
          'cfdi.rfc.mismatch',
          t(
            `El RFC «${request.rfc}» no coincide con el de la constancia «${taxCertificate.rfc}».`,
            `The RFC "${request.rfc}" does not match the certificate's "${taxCertificate.rfc}".`,
          ),
        ),
      );
    }
    problems.push(...checkName(request.name, taxCertificate.name));
    if (/^\d{5}$/.test(request.postalCode) && request.postalCode !== taxCertificate.postalCode) {
      problems.push(
        problem(
          'cfdi.postalCode.mismatch',
          t(
            `El código postal fiscal «${request.postalCode}» no coincide con el de la constancia «${taxCertificate.postalCode}». Es el del domicilio fiscal, no necesariamente el de su casa.`,
            `The fiscal postal code "${request.postalCode}" does not match the certificate's "${taxCertificate.postalCode}". It is the tax address's, not necessarily their home's.`,
          ),
        ),
      );
    }
    if (regime && request.regime !== taxCertificate.regime) {
      const certRegime = TAX_REGIMES[taxCertificate.regime];
      const certName = (lang: 'es-MX' | 'en') => (certRegime ? ` ${certRegime.name[lang]}` : '');
      problems.push(
        problem(
          'cfdi.regime.mismatch',
          t(
            `El régimen ${request.regime} no coincide con el de la constancia: ${taxCertificate.regime}${certName('es-MX')}.`,
            `Regime ${request.regime} does not match the certificate's: ${taxCertificate.regime}${certName('en')}.`,
          ),
        ),
      );
    }
  }

  if (request.use === MEDICAL_FEES_USE && request.paymentForm === CASH_PAYMENT_FORM) {
    problems.push(
      problem(
        'cfdi.paymentForm.cashNotDeductible',
        t(
          'Pagado en efectivo, el gasto médico no es deducible: avise al paciente que puede pagar con tarjeta o transferencia.',
          'Paid in cash, the medical fee is not tax-deductible: tell the patient they can pay by card or transfer.',
        ),
        'warning',
      ),
    );
  }
  return problems;
}
