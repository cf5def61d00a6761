import { CLEANING_STEPS, EQUIPMENT, HAND_HYGIENE_MOMENTS, PRIVACY_ITEMS, SUPPLIES, missingEquipment, type CleaningStepId, type PrivacyItemId, type SupplyId } from '../../domain/rooms';
import { CONTAINER_IDS, CONTAINERS, FILL_RULE, WASTE_ITEMS, canDeposit, isContainer, isRpbi, isWasteItem, type ContainerId } from '../../domain/rpbi';
import { t, type LocalizedText, type Problem } from '../../domain/text';
import type { RoomPrepEvent } from './events';
import type { RoomPrepContext } from './types';

// Rules read by the chart's guards and actions, the observations and the room board.

const names = (items: LocalizedText[]): LocalizedText =>
  t(items.map((i) => i['es-MX']).join(', '), items.map((i) => i.en).join(', '));

const problem = (code: string, es: string, en: string, list?: LocalizedText[]): Problem => {
  const l = list === undefined ? undefined : names(list);
  return {
    code,
    severity: 'error',
    message: l === undefined ? t(es, en) : t(`${es}: ${l['es-MX']}.`, `${en}: ${l.en}.`),
  };
};

/** Why the machine ignores this event, or null when it accepts it. */
export function rejectionReason(c: RoomPrepContext, e: RoomPrepEvent): LocalizedText | null {
  switch (e.type) {
    case 'room-prep.handHygiene':
      return e.moment === undefined || Object.hasOwn(HAND_HYGIENE_MOMENTS, e.moment)
        ? null
        : t('Ese no es uno de los 5 momentos de la OMS.', "That is not one of WHO's 5 moments.");
    case 'room-prep.cleanStep':
      return Object.hasOwn(CLEANING_STEPS, e.step) ? null : t('Paso de limpieza desconocido.', 'Unknown cleaning step.');
    case 'room-prep.restock':
      return Object.hasOwn(SUPPLIES, e.item) ? null : t('Insumo desconocido.', 'Unknown supply.');
    case 'room-prep.placeEquipment':
      return Object.hasOwn(EQUIPMENT, e.equipment) ? null : t('Equipo desconocido.', 'Unknown equipment.');
    case 'room-prep.dispose': {
      if (!isWasteItem(e.item) || !isContainer(e.container)) {
        return t('Residuo o contenedor desconocido.', 'Unknown waste item or container.');
      }
      if (!c.waste.pending.includes(e.item)) {
        return t(
          `No queda «${WASTE_ITEMS[e.item].name['es-MX']}» en el consultorio.`,
          `There is no "${WASTE_ITEMS[e.item].name.en}" left in the room.`,
        );
      }
      if (c.containers.fill[e.container] >= 100) {
        return t(
          `${CONTAINERS[e.container].name['es-MX']} está lleno y no cierra: sustitúyalo.`,
          `The ${CONTAINERS[e.container].name.en.toLowerCase()} is full and will not close: replace it.`,
        );
      }
      return null;
    }
    case 'room-prep.replaceContainer':
      return isContainer(e.container) ? null : t('Contenedor desconocido.', 'Unknown container.');
    case 'room-prep.privacy':
      return Object.hasOwn(PRIVACY_ITEMS, e.item) ? null : t('Elemento de privacidad desconocido.', 'Unknown privacy item.');
    case 'room-prep.markReady':
      return null;
  }
}

/** True when the event exposes the hands to blood or body fluids (moment 3 follows). */
export function exposesToFluids(e: RoomPrepEvent): boolean {
  switch (e.type) {
    case 'room-prep.cleanStep':
      return e.step === 'remove-organic-matter';
    case 'room-prep.dispose':
      return isWasteItem(e.item) && isRpbi(e.item);
    case 'room-prep.replaceContainer':
      return isContainer(e.container) && CONTAINERS[e.container].rpbi;
    default:
      return false;
  }
}

/** RPBI containers at or above the 80% limit. */
export const fullContainers = (c: RoomPrepContext): ContainerId[] =>
  CONTAINER_IDS.filter((id) => !canDeposit(id, c.containers.fill[id]));

/** Required cleaning steps not done yet. */
export const missingSteps = (c: RoomPrepContext): CleaningStepId[] =>
  c.cleaning.required.filter((s) => !c.cleaning.done.includes(s));

/** Low supplies not restocked yet. */
export const suppliesStillLow = (c: RoomPrepContext): SupplyId[] => c.supplies.low.filter((s) => !c.supplies.restocked.includes(s));

/** Privacy items not prepared yet. */
export const privacyMissing = (c: RoomPrepContext): PrivacyItemId[] =>
  c.privacy.required.filter((p) => !c.privacy.done.includes(p));

/** What keeps the room from being ready: the room board's checklist (empty when complete). */
export function roomReadinessProblems(c: RoomPrepContext): Problem[] {
  const out: Problem[] = [];
  const steps = missingSteps(c);
  if (steps.length > 0) {
    out.push(problem('roomPrep.cleaningIncomplete', 'Falta limpiar', 'Cleaning still to do', steps.map((s) => CLEANING_STEPS[s].name)));
  }
  const equipment = missingEquipment(c.specialty, c.equipment.present);
  if (equipment.length > 0) {
    out.push(problem('roomPrep.equipmentMissing', 'Falta equipo', 'Missing equipment', equipment.map((e) => EQUIPMENT[e].name)));
  }
  const low = suppliesStillLow(c);
  if (low.length > 0) {
    out.push(problem('roomPrep.suppliesLow', 'Faltan insumos', 'Supplies running out', low.map((s) => SUPPLIES[s].name)));
  }
  if (c.waste.pending.length > 0) {
    out.push(
      problem('roomPrep.wastePending', 'Quedan residuos', 'Waste still in the room', c.waste.pending.map((w) => WASTE_ITEMS[w].name)),
    );
  }
  const full = fullContainers(c);
  if (full.length > 0) {
    out.push(
      problem(
        'roomPrep.containerFull',
        `Contenedores al 80% o más (${FILL_RULE['es-MX']})`,
        `Containers at 80% or more (${FILL_RULE.en})`,
        full.map((f) => CONTAINERS[f].name),
      ),
    );
  }
  const privacy = privacyMissing(c);
  if (privacy.length > 0) {
    out.push(problem('roomPrep.privacyIncomplete', 'Falta privacidad', 'Privacy not prepared', privacy.map((p) => PRIVACY_ITEMS[p].name)));
  }
  if (c.hands !== 'clean') {
    out.push(problem('roomPrep.handsNotClean', 'Falta la higiene de manos final', 'Final hand hygiene not done'));
  }
  return out;
}
