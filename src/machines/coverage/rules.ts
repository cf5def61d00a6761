import { careMayWaitForCoverage, needsPriorAuthorization, patientShare, type ServiceKind } from '../../domain/coverage';
import { t, type LocalizedText, type Problem } from '../../domain/text';
import type { ClinicKind, PayerKind, Person } from '../../domain/types';
import { imssStatusOf } from './portals';
import type { CoverageContext, CoverageRoute, CoverageVisit } from './types';

// The truth of a coverage case, read by the observations and the tool's debrief.

const PUBLIC_CLINICS: readonly ClinicKind[] = ['imss-umf', 'imss-bienestar', 'issste'];

/** The payer kind service as the coverage rules name it. */
export function serviceKindOf(v: Pick<CoverageVisit, 'service' | 'urgent'>): ServiceKind {
  if (v.urgent) return 'emergency';
  return v.service === 'procedure' ? 'scheduled-procedure' : v.service === 'hospital' ? 'hospitalization' : 'consultation';
}

/** Whether the case is an emergency that must not wait for coverage. */
export const isEmergency = (v: Pick<CoverageVisit, 'urgent' | 'obstetric'>): boolean =>
  !careMayWaitForCoverage({ urgent: v.urgent, obstetric: v.obstetric });

export const truthKind = (c: CoverageContext): PayerKind => c.given.patient.coverage?.kind ?? 'none';

/** Payers a trainee may rightly identify: the person's own; none/IMSS-Bienestar are one at a Bienestar unit. */
export function expectedPayers(c: CoverageContext): PayerKind[] {
  const kind = truthKind(c);
  if (c.given.clinic.kind === 'imss-bienestar' && (kind === 'none' || kind === 'imss-bienestar')) return ['none', 'imss-bienestar'];
  return [kind];
}

export const hasLetter = (p: Person) => p.documents.some((d) => d.kind === 'authorization-letter');

/** Whether the truth needs an authorisation letter for the requested service. */
export function authorizationNeeded(c: CoverageContext): boolean {
  const cov = c.given.patient.coverage;
  return cov?.kind === 'private' && needsPriorAuthorization({ payer: 'private', service: serviceKindOf(c.visit), inNetwork: cov.inNetwork ?? true });
}

/** What the patient pays at the desk (MXN), from the truth of the case. */
export function expectedShare(c: CoverageContext): number {
  const { patient, clinic } = c.given;
  const { bill } = c.visit;
  const cov = patient.coverage;
  const kind = truthKind(c);
  const publicClinic = PUBLIC_CLINICS.includes(clinic.kind);
  if (kind === 'private' && cov) {
    const inForce = cov.inForce ?? true;
    const inNetwork = cov.inNetwork ?? true;
    if (!inForce || !inNetwork || (authorizationNeeded(c) && !hasLetter(patient))) return bill;
    try {
      return patientShare({ bill, deductible: cov.deductible ?? 0, coinsurance: cov.coinsurance ?? 0, ...(cov.cap !== undefined ? { cap: cov.cap } : {}) }).patient;
    } catch {
      return bill;
    }
  }
  if (!publicClinic) return bill;
  if (kind === 'imss' && cov && imssStatusOf(cov) === 'inactive') return bill;
  return 0;
}

/** Routes that close the case correctly, from the truth. */
export function expectedRoutes(c: CoverageContext): CoverageRoute[] {
  if (isEmergency(c.visit)) return ['emergency'];
  const { patient, clinic } = c.given;
  const cov = patient.coverage;
  const kind = truthKind(c);
  if (kind === 'private' && cov) {
    if (!(cov.inForce ?? true)) return ['cash'];
    if (!(cov.inNetwork ?? true) || (authorizationNeeded(c) && !hasLetter(patient))) return ['reimbursement'];
    return ['direct'];
  }
  if (!PUBLIC_CLINICS.includes(clinic.kind)) return ['cash'];
  if (kind === 'imss' && cov && imssStatusOf(cov) === 'inactive') return ['public', 'cash'];
  return ['public'];
}

/** The patient's assigned UMF when it is not this clinic (an IMSS unit); undefined otherwise. */
export function otherAssignedUmf(c: CoverageContext): number | undefined {
  const { patient, clinic } = c.given;
  const cov = patient.coverage;
  if (cov?.kind !== 'imss' || cov.umf === undefined || clinic.kind !== 'imss-umf' || clinic.umf === undefined) return undefined;
  return cov.umf === clinic.umf ? undefined : cov.umf;
}

const problem = (code: string, message: LocalizedText): Problem => ({ code, severity: 'error', message });

/** What the screen says when it refuses an action (`malformed`: at the boundary, see `accept`). */
export const refusal = {
  malformed: problem('coverage.malformed', t('Datos de la acción no válidos.', 'Invalid action data.')),
  identifyFirst: problem('coverage.identifyFirst', t('Primero identifique quién paga.', 'First identify who pays.')),
  wrongScreen: problem('coverage.wrongScreen', t('Esa acción no corresponde al pagador elegido.', 'That action does not apply to the chosen payer.')),
  nothingToInform: problem('coverage.nothingToInform', t('Primero calcule la parte que paga el paciente.', 'First work out the patient’s share.')),
};
