import { t } from '../../domain/text';
import type { Observation } from '../workflow';
import type { CoverageSnapshot } from './coverage.machine';
import { imssStatusOf } from './portals';
import { authorizationNeeded, expectedPayers, expectedRoutes, expectedShare, isEmergency, otherAssignedUmf, truthKind } from './rules';
import { CARD_PAYERS, type CoverageContext } from './types';

const lookupSteps = (c: CoverageContext) => [...c.imss.lookups, ...c.insurer.lookups, ...(c.cardCheck ? [c.cardCheck] : [])].map((l) => l.step);
const foundPolicy = (c: CoverageContext) =>
  c.insurer.lookups.some((l) => l.answer.result === 'found' && (c.completion === null || l.step < c.completion.step));
const truthPolicy = (c: CoverageContext) => (c.given.patient.coverage?.kind === 'private' ? c.given.patient.coverage : undefined);

/** Facts computed from a coverage snapshot; scenarios score against these ids. */
export const coverageObservations: Observation<CoverageSnapshot>[] = [
  {
    id: 'coverage.payerIdentified',
    description: t('Identificó correctamente quién paga la atención.', 'Identified correctly who pays for the visit.'),
    evaluate: ({ context: c }) => c.payer !== null && expectedPayers(c).includes(c.payer),
  },
  {
    id: 'coverage.rightsVerified',
    description: t(
      'Verificó los derechos con el medio del pagador (portal IMSS, credencial, portal de la aseguradora, o la constancia si el portal no responde).',
      'Verified the rights with the payer’s own means (IMSS portal, card, insurer portal, or the certificate when the portal is down).',
    ),
    evaluate: ({ context: c }) => {
      const kind = truthKind(c);
      if (kind === 'imss') return c.imss.lookups.some((l) => l.answer?.result === 'found') || c.imss.constanciaRequested !== null;
      if (CARD_PAYERS.includes(kind)) return c.cardCheck?.valid === true;
      if (kind === 'private') return c.insurer.lookups.some((l) => l.answer.result === 'found');
      return true;
    },
  },
  {
    id: 'coverage.wrongUmfNoticed',
    description: t(
      'Si el paciente pertenece a otra UMF, le indicó cuál es (verdadero cuando es de esta unidad).',
      'When the patient belongs to another UMF, told them which one (true when they belong here).',
    ),
    evaluate: ({ context: c }) => {
      const umf = otherAssignedUmf(c);
      return umf === undefined || c.imss.umfReferral?.umf === umf;
    },
  },
  {
    id: 'coverage.conservationExplained',
    description: t(
      'Si los derechos están en conservación, explicó hasta cuándo siguen vigentes (verdadero en otro caso).',
      'When the rights are in conservation, explained until when they last (true otherwise).',
    ),
    evaluate: ({ context: c }) => {
      const cov = c.given.patient.coverage;
      const conservation = cov?.kind === 'imss' && imssStatusOf(cov) === 'conservation';
      return !conservation || c.imss.conservationExplained !== null;
    },
  },
  {
    id: 'coverage.inactiveAlternativeOffered',
    description: t(
      'Si los derechos IMSS no están vigentes, ofreció una alternativa (IMSS-Bienestar o pago directo) (verdadero en otro caso).',
      'When the IMSS rights are inactive, offered an alternative (IMSS-Bienestar or self-pay) (true otherwise).',
    ),
    evaluate: ({ context: c }) => {
      const cov = c.given.patient.coverage;
      const inactive = cov?.kind === 'imss' && imssStatusOf(cov) === 'inactive';
      return !inactive || c.alternativeOffered !== null;
    },
  },
  {
    id: 'coverage.policyInForceChecked',
    description: t(
      'Con seguro privado, consultó la póliza antes de cerrar y no cobró a una póliza sin vigencia (verdadero sin seguro privado).',
      'With private insurance, looked the policy up before closing and did not bill a lapsed policy (true without private insurance).',
    ),
    evaluate: ({ context: c }) => {
      const cov = truthPolicy(c);
      if (!cov) return true;
      return foundPolicy(c) && ((cov.inForce ?? true) || c.completion?.route !== 'direct');
    },
  },
  {
    id: 'coverage.networkChecked',
    description: t(
      'Con seguro privado, revisó si la clínica está en red y no ofreció pago directo fuera de red (verdadero sin seguro privado).',
      'With private insurance, checked whether the clinic is in network and did not offer direct payment out of network (true without private insurance).',
    ),
    evaluate: ({ context: c }) => {
      const cov = truthPolicy(c);
      if (!cov) return true;
      return foundPolicy(c) && ((cov.inNetwork ?? true) || c.completion?.route !== 'direct');
    },
  },
  {
    id: 'coverage.priorAuthorizationHandled',
    description: t(
      'Si el servicio requiere carta de autorización, la registró o la solicitó, y no cerró con pago directo sin ella (verdadero si no se requiere).',
      'When the service needs an authorisation letter, recorded or requested it, and did not close with direct payment without it (true when not needed).',
    ),
    evaluate: ({ context: c }) => {
      if (!authorizationNeeded(c)) return true;
      const letter = c.insurer.authorization?.letterOnFile === true;
      if (c.completion?.route === 'direct' && !letter) return false;
      return letter || c.insurer.authorizationRequested !== null;
    },
  },
  {
    id: 'coverage.shareCorrect',
    description: t(
      'La cantidad que calculó para el paciente es correcta (con diferencia de un peso como máximo).',
      'The amount worked out for the patient is right (within one peso).',
    ),
    evaluate: ({ context: c }) => c.quote !== null && Math.abs(c.quote.amount - expectedShare(c)) <= 1,
  },
  {
    id: 'coverage.patientInformedOfShare',
    description: t('Informó al paciente cuánto le toca pagar.', 'Told the patient how much they have to pay.'),
    evaluate: ({ context: c }) => c.quote !== null && c.informed !== null && c.informed.step > c.quote.step,
  },
  {
    id: 'coverage.emergencyNotDelayed',
    description: t(
      'En una urgencia, pasó al paciente a atención antes de cualquier consulta de cobertura (verdadero si no es urgencia).',
      'In an emergency, sent the patient to care before any coverage lookup (true when not an emergency).',
    ),
    evaluate: ({ context: c }) => {
      if (!isEmergency(c.visit)) return true;
      const sent = c.sentToCare;
      return sent !== null && lookupSteps(c).every((s) => s > sent.step);
    },
  },
  {
    id: 'coverage.portalDownHandled',
    description: t(
      'Si un portal no respondió, siguió el procedimiento: anotarlo y pedir la constancia de vigencia (IMSS), o no prometer pago directo (aseguradora) (verdadero si no falló).',
      'When a portal was down, followed the fallback: note it and ask for the rights certificate (IMSS), or not promise direct payment (insurer) (true when none failed).',
    ),
    evaluate: ({ context: c }) => {
      const { lookups, constanciaRequested } = c.imss;
      const imssDown = lookups.find((l) => l.answer?.result === 'down');
      const imssFound = lookups.some((l) => l.answer?.result === 'found');
      if (imssDown && !imssFound && (constanciaRequested === null || constanciaRequested.step < imssDown.step)) return false;
      const policyDown = c.insurer.lookups.some((l) => l.answer.result === 'down');
      const policyFound = c.insurer.lookups.some((l) => l.answer.result === 'found');
      if (policyDown && !policyFound && c.completion?.route === 'direct') return false;
      return true;
    },
  },
  {
    id: 'coverage.routeCorrect',
    description: t('Cerró la verificación por la vía que corresponde.', 'Closed the check with the right route.'),
    evaluate: ({ context: c }) => c.completion !== null && expectedRoutes(c).includes(c.completion.route),
  },
  {
    id: 'coverage.completed',
    description: t('Terminó la verificación de cobertura.', 'Finished the coverage check.'),
    evaluate: (s) => s.matches('completed'),
  },
];
