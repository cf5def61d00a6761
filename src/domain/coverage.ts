import { formatDate, shiftIsoDate, toCents } from './money';
import { t, type LocalizedText } from './text';
import type { Clinic, Coverage, DocumentKind, ImssRightsStatus, IsoDate, PayerKind } from './types';

// ---------------------------------------------------------------------------------------------
// Payer catalogue
// ---------------------------------------------------------------------------------------------

/** The family a payer belongs to, which decides the desk's route. */
export type PayerSector = 'social-security' | 'public-uninsured' | 'private-insurance' | 'out-of-pocket';

/** An identifier the desk asks for to look the patient up with a payer. */
export type PayerIdentifier = 'curp' | 'nss' | 'affiliation' | 'policy';

/** What the desk needs to know about one payer. */
export interface PayerInfo {
  kind: PayerKind;
  /** Short name as said at the desk: "IMSS", "Seguro de gastos médicos". */
  name: LocalizedText;
  /** Full official or descriptive name. */
  fullName: LocalizedText;
  description: LocalizedText;
  sector: PayerSector;
  /** Identifiers the desk records for this payer. */
  identifiers: PayerIdentifier[];
  /** Documents the desk asks the patient for. */
  documents: DocumentKind[];
  /** Whether the desk confirms rights in the payer's system (IMSS "vigencia de derechos"). */
  checksRightsOnline: boolean;
  /** Whether the patient belongs to one assigned unit (IMSS UMF) and should be seen there. */
  hasAssignedUnit: boolean;
  /** True when the documents/online-check entries are synthesised, not read in a source (facts doc). */
  synthesised: boolean;
}

/** Every payer the simulator knows, keyed by kind. */
export const PAYERS: Record<PayerKind, PayerInfo> = {
  imss: {
    kind: 'imss',
    name: t('IMSS', 'IMSS'),
    fullName: t('Instituto Mexicano del Seguro Social', 'Mexican Social Security Institute'),
    description: t(
      'Seguridad social de los trabajadores formales. El paciente es derechohabiente: la recepción verifica la vigencia de derechos con CURP y NSS y la Unidad de Medicina Familiar (UMF) asignada.',
      'Social security for formal workers. The patient is a "derechohabiente": the desk checks their rights ("vigencia de derechos") with CURP and NSS, and their assigned family-medicine unit (UMF).',
    ),
    sector: 'social-security',
    identifiers: ['curp', 'nss'],
    documents: ['ine', 'imss-card'],
    checksRightsOnline: true,
    hasAssignedUnit: true,
    synthesised: false,
  },
  issste: {
    kind: 'issste',
    name: t('ISSSTE', 'ISSSTE'),
    fullName: t(
      'Instituto de Seguridad y Servicios Sociales de los Trabajadores del Estado',
      'Institute for Social Security and Services for State Workers',
    ),
    description: t(
      'Seguridad social de los trabajadores del Estado. Se identifica con el número de afiliación de su credencial.',
      'Social security for state workers. The patient is identified by the affiliation number on their card.',
    ),
    sector: 'social-security',
    identifiers: ['curp', 'affiliation'],
    documents: ['ine', 'issste-card'],
    checksRightsOnline: true,
    hasAssignedUnit: false,
    synthesised: true,
  },
  'imss-bienestar': {
    kind: 'imss-bienestar',
    name: t('IMSS-Bienestar', 'IMSS-Bienestar'),
    fullName: t('IMSS-Bienestar', 'IMSS-Bienestar'),
    description: t(
      'Atención para personas sin seguridad social (sustituyó al INSABI en 2023, que había sustituido al Seguro Popular en 2020).',
      'Care for people without social security (replaced INSABI in 2023, which had replaced Seguro Popular in 2020).',
    ),
    sector: 'public-uninsured',
    identifiers: ['curp'],
    documents: ['ine', 'curp-certificate'],
    checksRightsOnline: false,
    hasAssignedUnit: false,
    synthesised: true,
  },
  pemex: {
    kind: 'pemex',
    name: t('PEMEX', 'PEMEX'),
    fullName: t('Servicios de Salud de Petróleos Mexicanos', 'Petróleos Mexicanos health services'),
    description: t(
      'Seguridad social de los trabajadores de Petróleos Mexicanos y sus familias; se identifica con su credencial de afiliación.',
      'Social security for Petróleos Mexicanos workers and their families; identified by their affiliation card.',
    ),
    sector: 'social-security',
    identifiers: ['curp', 'affiliation'],
    documents: ['ine'],
    checksRightsOnline: false,
    hasAssignedUnit: false,
    synthesised: true,
  },
  sedena: {
    kind: 'sedena',
    name: t('SEDENA', 'SEDENA'),
    fullName: t('Secretaría de la Defensa Nacional', 'Ministry of National Defence'),
    description: t(
      'Seguridad social de las fuerzas armadas (Ejército y Fuerza Aérea) y sus familias; se identifica con su credencial de afiliación.',
      'Social security for the armed forces (Army and Air Force) and their families; identified by their affiliation card.',
    ),
    sector: 'social-security',
    identifiers: ['curp', 'affiliation'],
    documents: ['ine'],
    checksRightsOnline: false,
    hasAssignedUnit: false,
    synthesised: true,
  },
  semar: {
    kind: 'semar',
    name: t('SEMAR', 'SEMAR'),
    fullName: t('Secretaría de Marina', 'Ministry of the Navy'),
    description: t(
      'Seguridad social de la Armada de México y sus familias; se identifica con su credencial de afiliación.',
      'Social security for the Mexican Navy and their families; identified by their affiliation card.',
    ),
    sector: 'social-security',
    identifiers: ['curp', 'affiliation'],
    documents: ['ine'],
    checksRightsOnline: false,
    hasAssignedUnit: false,
    synthesised: true,
  },
  private: {
    kind: 'private',
    name: t('Seguro de gastos médicos', 'Private health insurance'),
    fullName: t('Seguro de Gastos Médicos Mayores (GMM)', 'Major medical expenses insurance (GMM)'),
    description: t(
      'Aseguradora privada (GNP, MetLife, AXA, Seguros Monterrey New York Life, Atlas...). El paciente paga el deducible y el coaseguro; la aseguradora paga el resto por reembolso, pago directo en red o procedimiento programado con carta de autorización.',
      'Private insurer (GNP, MetLife, AXA, Seguros Monterrey New York Life, Atlas...). The patient pays the deductible and the coinsurance; the insurer pays the rest by reimbursement, direct payment in network or a scheduled procedure with an authorisation letter.',
    ),
    sector: 'private-insurance',
    identifiers: ['policy'],
    // Synthesised list (facts doc §3): ID, policy card, authorisation letter, invoicing data.
    documents: ['ine', 'insurance-card', 'authorization-letter', 'tax-certificate'],
    checksRightsOnline: true,
    hasAssignedUnit: false,
    synthesised: true,
  },
  none: {
    kind: 'none',
    name: t('Sin cobertura (pago directo)', 'No coverage (self-pay)'),
    fullName: t('Pago de bolsillo', 'Out-of-pocket payment'),
    description: t(
      'El paciente paga directamente. Si no tiene seguridad social puede orientarse a IMSS-Bienestar.',
      'The patient pays directly. Without social security they can be referred to IMSS-Bienestar.',
    ),
    sector: 'out-of-pocket',
    identifiers: [],
    documents: ['ine'],
    checksRightsOnline: false,
    hasAssignedUnit: false,
    synthesised: true,
  },
};

// ---------------------------------------------------------------------------------------------
// IMSS rights (vigencia de derechos)
// ---------------------------------------------------------------------------------------------

/** Days a worker keeps medical rights after the last contribution (Ley del Seguro Social art. 109). */
export const IMSS_CONSERVATION_DAYS = 56;
/** Weekly contributions needed before losing the job for rights to be kept. */
export const IMSS_MIN_WEEKS_FOR_CONSERVATION = 8;

/** What the IMSS portal knows about a person's contributions. */
export interface ImssContributionFacts {
  employed: boolean;
  /** Days since the last contribution; 0 when employed. */
  daysSinceLastContribution: number;
  /** Weekly contributions before the last one stopped. */
  weeksContributed: number;
}

/**
 * IMSS rights state: employed -> active; out of work with at least 8 weekly contributions and at most
 * 56 days since the last one -> conservation; otherwise inactive.
 */
export function imssRightsStatus(facts: ImssContributionFacts): ImssRightsStatus {
  const { employed, daysSinceLastContribution: days, weeksContributed: weeks } = facts;
  if (!Number.isFinite(days) || days < 0) throw new RangeError(`daysSinceLastContribution must be >= 0: ${days}`);
  if (!Number.isFinite(weeks) || weeks < 0) throw new RangeError(`weeksContributed must be >= 0: ${weeks}`);
  if (employed) return 'active';
  if (weeks >= IMSS_MIN_WEEKS_FOR_CONSERVATION && days <= IMSS_CONSERVATION_DAYS) return 'conservation';
  return 'inactive';
}

/** The desk's next step for an IMSS rights state. */
export type ImssNextStep = 'proceed' | 'proceed-and-tell-end-date' | 'offer-alternatives';

/** What the desk does for each IMSS rights state. */
export function imssNextStep(status: ImssRightsStatus): ImssNextStep {
  switch (status) {
    case 'active':
      return 'proceed';
    case 'conservation':
      return 'proceed-and-tell-end-date';
    case 'inactive':
      return 'offer-alternatives';
  }
}

/** Last day of conserved rights, counting 56 days from the last contribution. */
export function imssConservationEnd(today: IsoDate, daysSinceLastContribution: number): IsoDate {
  return shiftIsoDate(today, IMSS_CONSERVATION_DAYS - daysSinceLastContribution);
}

/**
 * Explains an IMSS rights state and what the desk does next. For conservation, pass the days since
 * the last contribution and today's (simulated) date to say until when the rights last.
 */
export function explainImssStatus(
  status: ImssRightsStatus,
  conservation?: { daysSinceLastContribution: number; today: IsoDate },
): LocalizedText {
  switch (status) {
    case 'active':
      return t(
        'Derechos vigentes: continúe con el registro y la cita en su UMF.',
        'Rights active: go on with the registration and the appointment at their UMF.',
      );
    case 'conservation': {
      if (!conservation) {
        return t(
          `Conservación de derechos: perdió el empleo, pero conserva la atención médica hasta ${IMSS_CONSERVATION_DAYS} días después de su última cotización. Continúe y dígale hasta qué fecha.`,
          `Rights in conservation: they lost their job but keep medical care for up to ${IMSS_CONSERVATION_DAYS} days after their last contribution. Go on, and tell them until which date.`,
        );
      }
      const end = imssConservationEnd(conservation.today, conservation.daysSinceLastContribution);
      const left = IMSS_CONSERVATION_DAYS - conservation.daysSinceLastContribution;
      return t(
        `Conservación de derechos: continúe con la atención e infórmele que sus derechos médicos siguen vigentes hasta el ${formatDate(end, 'es-MX')} (${left} días).`,
        `Rights in conservation: go on with the visit and tell them their medical rights last until ${formatDate(end, 'en')} (${left} days).`,
      );
    }
    case 'inactive':
      return t(
        'Sin derechos vigentes: no puede atenderse como derechohabiente. Explíquele con respeto sus opciones: IMSS-Bienestar (sin seguridad social), o consulta privada con pago directo. Una urgencia se atiende de todos modos.',
        'No active rights: they cannot be seen as an IMSS member. Explain their options respectfully: IMSS-Bienestar (for people without social security), or a private self-pay visit. An emergency is treated regardless.',
      );
  }
}

/** Whether an IMSS patient is assigned to this clinic's UMF (their visits belong there). */
export function isAssignedUmf(coverage: Coverage | undefined, clinic: Clinic): boolean {
  return (
    coverage?.kind === 'imss' &&
    clinic.kind === 'imss-umf' &&
    coverage.umf !== undefined &&
    clinic.umf !== undefined &&
    coverage.umf === clinic.umf
  );
}

// ---------------------------------------------------------------------------------------------
// Private insurance: prior authorisation and claim routes
// ---------------------------------------------------------------------------------------------

/** The kind of service the patient asks for, as far as payers care. */
export type ServiceKind = 'consultation' | 'scheduled-procedure' | 'hospitalization' | 'emergency';

/** How a private insurer pays: the patient pays and claims later; in-network direct payment; a
 * scheduled procedure paid against an authorisation letter ("pase", carta de autorización). */
export type ClaimRoute = 'reimbursement' | 'direct-payment' | 'scheduled-with-authorization';

export interface PriorAuthorizationQuery {
  payer: PayerKind;
  service: ServiceKind;
  /** Private insurance: whether this clinic is in the insurer's network. */
  inNetwork?: boolean;
}

/** The rule that applies to one payer and service. */
export interface PriorAuthorizationRule {
  required: boolean;
  /** Routes open to the patient (private insurance only; empty otherwise). */
  routes: ClaimRoute[];
  explanation: LocalizedText;
  /** True when the rule goes beyond what the facts doc states. */
  synthesised: boolean;
}

/** The full prior-authorisation rule for a payer and service, with the claim routes open. */
export function priorAuthorizationRule(q: PriorAuthorizationQuery): PriorAuthorizationRule {
  if (q.payer !== 'private') {
    return {
      required: false,
      routes: [],
      explanation: t(
        'No hay carta de autorización de aseguradora: las instituciones públicas usan sus propias reglas de vigencia y referencia.',
        'No insurer authorisation letter: public institutions use their own rules for rights and referrals.',
      ),
      synthesised: true,
    };
  }
  const inNetwork = q.inNetwork === true;
  switch (q.service) {
    case 'consultation':
      return {
        required: false,
        routes: inNetwork ? ['direct-payment', 'reimbursement'] : ['reimbursement'],
        explanation: inNetwork
          ? t(
              'Consulta: no requiere carta de autorización. En red puede haber pago directo; si no, el paciente paga y pide reembolso.',
              'Consultation: no authorisation letter needed. In network the insurer may pay directly; otherwise the patient pays and claims reimbursement.',
            )
          : t(
              'Consulta fuera de red: no requiere carta de autorización; el paciente paga y pide reembolso a su aseguradora.',
              'Out-of-network consultation: no authorisation letter; the patient pays and claims reimbursement from the insurer.',
            ),
        synthesised: false,
      };
    case 'scheduled-procedure':
    case 'hospitalization':
      return {
        required: true,
        routes: inNetwork ? ['scheduled-with-authorization', 'reimbursement'] : ['reimbursement'],
        explanation: t(
          'Procedimiento u hospitalización programados: pida la carta de autorización (pase) de la aseguradora antes de agendar; sin ella, el paciente paga y solicita reembolso.',
          'Scheduled procedure or hospital stay: ask for the insurer’s authorisation letter ("pase") before booking; without it the patient pays and claims reimbursement.',
        ),
        synthesised: !inNetwork,
      };
    case 'emergency':
      return {
        required: false,
        routes: inNetwork ? ['direct-payment', 'reimbursement'] : ['reimbursement'],
        explanation: t(
          'Urgencia: se atiende primero; la autorización o el aviso a la aseguradora se tramita después.',
          'Emergency: treat first; the insurer’s authorisation or notice is handled afterwards.',
        ),
        synthesised: true,
      };
  }
}

/** Whether the desk must obtain an insurer's authorisation letter before booking the service. */
export function needsPriorAuthorization(q: PriorAuthorizationQuery): boolean {
  return priorAuthorizationRule(q).required;
}

// ---------------------------------------------------------------------------------------------
// Patient share (deductible, coinsurance, cap)
// ---------------------------------------------------------------------------------------------

export interface PatientShareInput {
  /** Total bill, MXN. */
  bill: number;
  /** Deductible (deducible), MXN. */
  deductible: number;
  /** Coinsurance (coaseguro) as a fraction in [0, 1]: 0.1 for 10%. */
  coinsurance: number;
  /** Cap (tope) on the coinsurance part, MXN; no cap when absent. */
  cap?: number;
}

/** How a bill splits between patient and insurer; all amounts in MXN rounded to cents. */
export interface PatientShare {
  patient: number;
  insurer: number;
  deductiblePart: number;
  coinsurancePart: number;
}

/**
 * Splits a bill: patient = D + min(c * (T - D), cap), never above the bill (a bill below the
 * deductible is all the patient's). Computed in integer cents so the parts add up exactly.
 */
export function patientShare(input: PatientShareInput): PatientShare {
  const { bill, deductible, coinsurance, cap } = input;
  for (const [name, value] of [['bill', bill], ['deductible', deductible], ['cap', cap ?? 0]] as const) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a non-negative amount: ${value}`);
  }
  if (!Number.isFinite(coinsurance) || coinsurance < 0 || coinsurance > 1) {
    throw new RangeError(`coinsurance must be a fraction in [0, 1]: ${coinsurance}`);
  }
  const billC = toCents(bill);
  const deductibleC = Math.min(toCents(deductible), billC);
  const rest = billC - deductibleC;
  let coinsuranceC = Math.round(Number((coinsurance * rest).toPrecision(15)));
  if (cap !== undefined) coinsuranceC = Math.min(coinsuranceC, toCents(cap));
  const patientC = deductibleC + coinsuranceC;
  return {
    patient: patientC / 100,
    insurer: (billC - patientC) / 100,
    deductiblePart: deductibleC / 100,
    coinsurancePart: coinsuranceC / 100,
  };
}

// ---------------------------------------------------------------------------------------------
// Emergencies do not wait for coverage
// ---------------------------------------------------------------------------------------------

/** Urgent obstetric care is owed whatever the coverage. */
export const OBSTETRIC_EMERGENCY_RULE: LocalizedText = t(
  'Una urgencia obstétrica se atiende de inmediato, tenga o no derechohabiencia o seguro (Ley General de Salud, art. 64 Bis 1). Negar la atención en una urgencia evidente es delito (art. 469). Verifique la cobertura después.',
  'An obstetric emergency is treated at once, whatever the patient’s coverage or insurance (Ley General de Salud, art. 64 Bis 1). Refusing care in an evident emergency is a crime (art. 469). Check coverage afterwards.',
);

/** Any evident emergency is treated before coverage is settled. */
export const EMERGENCY_CARE_RULE: LocalizedText = t(
  'En una urgencia evidente la atención no espera a la cobertura: negarla es delito (Ley General de Salud, art. 469). Avise de inmediato y verifique la cobertura después.',
  'In an evident emergency care does not wait for coverage: refusing it is a crime (Ley General de Salud, art. 469). Escalate at once and check coverage afterwards.',
);

/** Whether checking coverage may come before care. */
export interface CareWaitQuery {
  urgent: boolean;
  obstetric: boolean;
}

/**
 * Whether care may wait until coverage is verified: never for an urgent case. Obstetric emergencies
 * are named by art. 64 Bis 1; any evident emergency falls under art. 469.
 */
export function careMayWaitForCoverage(q: CareWaitQuery): boolean {
  return !q.urgent;
}

/** The rule to show the trainee for a case, or undefined when coverage may be checked first. */
export function careWaitRule(q: CareWaitQuery): LocalizedText | undefined {
  if (!q.urgent) return undefined;
  return q.obstetric ? OBSTETRIC_EMERGENCY_RULE : EMERGENCY_CARE_RULE;
}
