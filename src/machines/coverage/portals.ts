import { explainImssStatus, imssConservationEnd, imssRightsStatus, IMSS_MIN_WEEKS_FOR_CONSERVATION, priorAuthorizationRule } from '../../domain/coverage';
import { foldCode } from '../../domain/fold';
import type { Coverage, ImssRightsStatus } from '../../domain/types';
import type { ImssPortal, InsurerPortal } from './types';

// The simulated portals: plain functions of the case, so they answer synchronously (tests and the
// engine swap them with `withCoveragePortals`).

/**
 * IMSS rights of a coverage: its recorded status, else derived from the days since the last
 * contribution (assuming the 8 weekly contributions conservation needs, since cases rarely say).
 */
export function imssStatusOf(coverage: Coverage): ImssRightsStatus {
  if (coverage.status) return coverage.status;
  const days = coverage.daysSinceLastContribution;
  if (days === undefined || days < 0) return 'active';
  return imssRightsStatus({ employed: false, daysSinceLastContribution: days, weeksContributed: IMSS_MIN_WEEKS_FOR_CONSERVATION });
}

/** The default IMSS portal: answers from the patient's coverage; down when the scenario says so. */
export const defaultImssPortal: ImssPortal = (request, facts) => {
  if (facts.services.imssPortal === 'down') return { result: 'down' };
  const cov = facts.patient.coverage;
  if (cov?.kind !== 'imss' || !cov.nss || !facts.patient.curp) return { result: 'not-found' };
  if (foldCode(request.nss) !== foldCode(cov.nss) || foldCode(request.curp) !== foldCode(facts.patient.curp)) return { result: 'not-found' };
  const status = imssStatusOf(cov);
  const days = cov.daysSinceLastContribution;
  const conservation = status === 'conservation' && days !== undefined ? { daysSinceLastContribution: days, today: facts.today } : undefined;
  return {
    result: 'found',
    status,
    ...(cov.umf !== undefined ? { umf: cov.umf } : {}),
    ...(conservation ? { conservationUntil: imssConservationEnd(facts.today, conservation.daysSinceLastContribution) } : {}),
    explanation: explainImssStatus(status, conservation),
  };
};

/** The default insurer portal: answers from the patient's private coverage. */
export const defaultInsurerPortal: InsurerPortal = (request, facts) => {
  if (facts.services.insurerPortal === 'down') return { result: 'down' };
  const cov = facts.patient.coverage;
  if (cov?.kind !== 'private' || !cov.insurer || !cov.policy) return { result: 'not-found' };
  if (foldCode(request.insurer) !== foldCode(cov.insurer) || foldCode(request.policy) !== foldCode(cov.policy)) return { result: 'not-found' };
  const inNetwork = cov.inNetwork ?? true;
  const rule = priorAuthorizationRule({ payer: 'private', service: facts.serviceKind, inNetwork });
  return {
    result: 'found',
    insurer: cov.insurer,
    inForce: cov.inForce ?? true,
    inNetwork,
    deductible: cov.deductible ?? 0,
    coinsurance: cov.coinsurance ?? 0,
    ...(cov.cap !== undefined ? { cap: cov.cap } : {}),
    priorAuthorization: rule.required,
    routes: rule.routes,
    explanation: rule.explanation,
  };
};
