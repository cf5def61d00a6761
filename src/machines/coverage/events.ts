import { z } from 'zod';
import { t } from '../../domain/text';
import type { PayerKind } from '../../domain/types';
import type { EventsOf, WorkflowEventSpec } from '../workflow';
import { COVERAGE_ROUTES } from './types';

const PAYER_KINDS = ['imss', 'issste', 'imss-bienestar', 'pemex', 'sedena', 'semar', 'private', 'none'] as const satisfies readonly PayerKind[];

/** Every coverage event: its parameters, its simulated cost in seconds and what it does. */
export const coverageEvents = {
  'coverage.identifyPayer': {
    params: z.object({ kind: z.enum(PAYER_KINDS) }).strict(),
    cost: 20,
    description: t('Preguntar y registrar quién paga la atención.', 'Ask and record who pays for the visit.'),
  },
  'coverage.lookupImss': {
    params: z.object({ curp: z.string().max(40), nss: z.string().max(40) }).strict(),
    cost: 60,
    description: t('Consultar la vigencia de derechos IMSS con CURP y NSS.', 'Look up IMSS rights with CURP and NSS.'),
  },
  'coverage.checkCard': {
    params: z.object({ affiliation: z.string().max(40) }).strict(),
    cost: 30,
    description: t('Revisar la credencial de afiliación (ISSSTE, PEMEX, SEDENA, SEMAR).', 'Check the affiliation card (ISSSTE, PEMEX, SEDENA, SEMAR).'),
  },
  'coverage.lookupPolicy': {
    params: z.object({ insurer: z.string().max(80), policy: z.string().max(60) }).strict(),
    cost: 90,
    description: t('Consultar la póliza en el portal de la aseguradora.', 'Look the policy up on the insurer’s portal.'),
  },
  'coverage.recordAuthorization': {
    params: z.object({}).strict(),
    cost: 30,
    description: t('Pedir y registrar la carta de autorización de la aseguradora.', 'Ask for and record the insurer’s authorisation letter.'),
  },
  'coverage.requestAuthorization': {
    params: z.object({}).strict(),
    cost: 60,
    description: t('Solicitar a la aseguradora la autorización (pase) antes de programar.', 'Ask the insurer for the authorisation ("pase") before scheduling.'),
  },
  'coverage.askForConstancia': {
    params: z.object({}).strict(),
    cost: 30,
    description: t('Anotar que el portal no responde y pedir la constancia de vigencia.', 'Note that the portal is down and ask for the rights certificate ("constancia de vigencia").'),
  },
  'coverage.explainConservation': {
    params: z.object({}).strict(),
    cost: 45,
    description: t('Explicar la conservación de derechos y hasta cuándo dura.', 'Explain the conservation of rights and until when it lasts.'),
  },
  'coverage.offerAlternative': {
    params: z.object({ option: z.enum(['imss-bienestar', 'self-pay']) }).strict(),
    cost: 45,
    description: t('Ofrecer una alternativa: IMSS-Bienestar o consulta con pago directo.', 'Offer an alternative: IMSS-Bienestar or a self-pay visit.'),
  },
  'coverage.referToUmf': {
    params: z.object({ umf: z.number().int().min(1).max(9999) }).strict(),
    cost: 30,
    description: t('Indicar al paciente su UMF de adscripción.', 'Tell the patient their assigned UMF.'),
  },
  'coverage.quoteShare': {
    params: z.object({ amount: z.number().min(0).max(100_000_000) }).strict(),
    cost: 60,
    description: t('Calcular la parte que paga el paciente.', 'Work out the patient’s share.'),
  },
  'coverage.informPatient': {
    params: z.object({}).strict(),
    cost: 45,
    description: t('Informar al paciente la cantidad que le toca pagar.', 'Tell the patient the amount they pay.'),
  },
  'coverage.sendToCareNow': {
    params: z.object({}).strict(),
    cost: 10,
    description: t('Pasar al paciente a atención de inmediato (urgencia).', 'Send the patient to care at once (emergency).'),
  },
  'coverage.complete': {
    params: z.object({ route: z.enum(COVERAGE_ROUTES) }).strict(),
    cost: 10,
    description: t('Terminar la verificación con una vía de pago.', 'Finish the check with a payment route.'),
  },
} satisfies Record<string, WorkflowEventSpec>;

/** Every event of the coverage machine, derived from the table. */
export type CoverageEvent = EventsOf<typeof coverageEvents>;
export type CoverageEventType = CoverageEvent['type'];
